"""The naive reference: the chapter's loops, one window at a time, for any rank.

This is the readable statement of SPEC.md in code; the fast path in
``fast.py`` must give the same bits and is tested against it.
"""

import itertools
import math

import numpy as np


def _window(geom, o):
    """Yield the input positions of output ``o``'s window, row-major, padding skipped."""
    for j in itertools.product(*(range(k) for k in geom.kernel)):
        p = tuple(geom.positions(a, o[a], j[a]) for a in range(geom.rank))
        if all(0 <= p[a] < geom.in_size[a] for a in range(geom.rank)):
            yield p


def _select(plane, geom, o):
    """Position of the element output ``o`` selects (SPEC.md, "Selection rule")."""
    best = None
    best_at = None
    for p in _window(geom, o):
        v = plane[p]
        if best is None or (not math.isnan(best) and (math.isnan(v) or v > best)):
            best, best_at = v, p
    return best_at


def max_pool(x, geom):
    """Return ``(y, indices)``; indices are flat row-major within each (n, c) plane."""
    n_batch, n_chan = x.shape[:2]
    y = np.empty((n_batch, n_chan) + geom.out_size, dtype=x.dtype)
    indices = np.empty(y.shape, dtype=np.int64)
    for n in range(n_batch):
        for c in range(n_chan):
            for o in np.ndindex(*geom.out_size):
                p = _select(x[n, c], geom, o)
                y[(n, c) + o] = x[(n, c) + p]
                indices[(n, c) + o] = np.ravel_multi_index(p, geom.in_size)
    return y, indices


def max_pool_backward(dy, x, geom):
    """Route each ``dy`` to its selected element, in ascending output order."""
    dx = np.zeros(x.shape, dtype=x.dtype)
    for n in range(x.shape[0]):
        for c in range(x.shape[1]):
            for o in np.ndindex(*geom.out_size):
                p = _select(x[n, c], geom, o)
                dx[(n, c) + p] = dx[(n, c) + p] + dy[(n, c) + o]
    return dx
