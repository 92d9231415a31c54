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


def _select(plane, window):
    """Position of the element a window selects (SPEC.md, "Selection rule").

    ``window`` yields the window's positions in ``plane``, in scan order.
    """
    best = None
    best_at = None
    for p in window:
        v = plane[p]
        if best is None or (not math.isnan(best) and (math.isnan(v) or v > best)):
            best, best_at = v, p
    return best_at


def max_pool(x, geom, return_indices=True, window=_window):
    """Return ``(y, indices)``; indices are flat row-major within each (n, c) plane.

    ``return_indices`` is accepted for symmetry with the fast path; the naive
    loop finds the indices anyway.  ``window(geom, o)`` yields the positions of
    output ``o``'s window (``range_naive`` passes its range windows as ``geom``).
    """
    n_batch, n_chan = x.shape[:2]
    y = np.empty((n_batch, n_chan) + geom.out_size, dtype=x.dtype)
    indices = np.empty(y.shape, dtype=np.int64)
    for n in range(n_batch):
        for c in range(n_chan):
            for o in np.ndindex(*geom.out_size):
                p = _select(x[n, c], window(geom, o))
                y[(n, c) + o] = x[(n, c) + p]
                indices[(n, c) + o] = np.ravel_multi_index(p, geom.in_size)
    return y, indices


def max_pool_backward(dy, x, geom, window=_window):
    """Route each ``dy`` to its selected element, in ascending output order.

    ``window``: as for ``max_pool``.
    """
    dx = np.zeros(x.shape, dtype=x.dtype)
    for n in range(x.shape[0]):
        for c in range(x.shape[1]):
            for o in np.ndindex(*geom.out_size):
                p = _select(x[n, c], window(geom, o))
                dx[(n, c) + p] = dx[(n, c) + p] + dy[(n, c) + o]
    return dx


def max_pool_backward_from_indices(dy, indices, x_shape):
    """Each ``dy`` added at its saved index, outputs in ascending order, from +0.0."""
    dx = np.zeros(x_shape, dtype=dy.dtype)
    for n in range(x_shape[0]):
        for c in range(x_shape[1]):
            plane = dx[n, c].reshape(-1)
            for o in np.ndindex(*indices.shape[2:]):
                i = indices[(n, c) + o]
                plane[i] = plane[i] + dy[(n, c) + o]
    return dx


def _divisor(geom, o, count_include_pad, divisor_override):
    """Divisor of output ``o``'s average, counted the way SPEC.md, "Average pooling" says."""
    if divisor_override is not None:
        return divisor_override
    count = 1
    for a in range(geom.rank):
        lo, hi = 0, geom.in_size[a]
        if count_include_pad:
            lo, hi = -geom.pad_before[a], geom.in_size[a] + geom.pad_after[a]
        count *= sum(lo <= geom.positions(a, o[a], j) < hi for j in range(geom.kernel[a]))
    return count


def avg_pool(x, geom, count_include_pad, divisor_override):
    """Each window's real elements added from +0.0 in row-major order, then one division."""
    y = np.empty(x.shape[:2] + geom.out_size, dtype=x.dtype)
    zero = x.dtype.type(0)
    for n in range(x.shape[0]):
        for c in range(x.shape[1]):
            for o in np.ndindex(*geom.out_size):
                acc = zero
                for p in _window(geom, o):
                    acc = acc + x[(n, c) + p]
                divisor = _divisor(geom, o, count_include_pad, divisor_override)
                y[(n, c) + o] = acc / x.dtype.type(divisor)
    return y


def avg_pool_backward(dy, x, geom, count_include_pad, divisor_override):
    """Each output's ``dy / divisor`` added to its window's elements, outputs in order."""
    dx = np.zeros(x.shape, dtype=x.dtype)
    for n in range(x.shape[0]):
        for c in range(x.shape[1]):
            for o in np.ndindex(*geom.out_size):
                divisor = _divisor(geom, o, count_include_pad, divisor_override)
                g = dy[(n, c) + o] / x.dtype.type(divisor)
                for p in _window(geom, o):
                    dx[(n, c) + p] = dx[(n, c) + p] + g
    return dx


def max_unpool(y, indices, out_size):
    """Scatter ``y`` into zeros at ``indices``; a later output overwrites an earlier one."""
    z = np.zeros(y.shape[:2] + tuple(out_size), dtype=y.dtype)
    for n in range(y.shape[0]):
        for c in range(y.shape[1]):
            plane = z[n, c].reshape(-1)
            for o in np.ndindex(*y.shape[2:]):
                plane[indices[(n, c) + o]] = y[(n, c) + o]
    return z


def max_unpool_backward(dz, indices):
    """``dz`` at each index, or +0.0 for a value a later output overwrote."""
    dy = np.zeros(indices.shape, dtype=dz.dtype)
    for n in range(indices.shape[0]):
        for c in range(indices.shape[1]):
            plane = dz[n, c].reshape(-1)
            last_writer = {}
            for o in np.ndindex(*indices.shape[2:]):
                last_writer[int(indices[(n, c) + o])] = o
            for target, o in last_writer.items():
                dy[(n, c) + o] = plane[target]
    return dy


# Global pooling is pooling with one window of the whole spatial extent; the
# naive reference is the same loops with that geometry.


def global_max_pool(x, geom, return_indices=True):
    return max_pool(x, geom, return_indices)


def global_max_pool_backward(dy, x, geom):
    return max_pool_backward(dy, x, geom)


def global_avg_pool(x, geom, count_include_pad=True, divisor_override=None):
    return avg_pool(x, geom, count_include_pad, divisor_override)


def global_avg_pool_backward(dy, x, geom, count_include_pad=True, divisor_override=None):
    return avg_pool_backward(dy, x, geom, count_include_pad, divisor_override)
