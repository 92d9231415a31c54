"""The naive reference for range windows (adaptive and Lp pooling): one window at a time.

Each function loops over the (n, c) planes and the output positions in
row-major order and scans each window's input positions in row-major order
(first spatial axis outermost), as SPEC.md, "Adaptive pooling" and "Lp
pooling" state.  ``range_fast`` must give the same bits.
"""

import itertools
import math

import numpy as np

from . import lp_math, naive


def _window(w, o):
    """Yield the input positions of output ``o``'s window, row-major."""
    ranges = (range(int(w.lo[a][o[a]]), int(w.hi[a][o[a]])) for a in range(w.rank))
    yield from itertools.product(*ranges)


def _count(w, o):
    return math.prod(int(w.hi[a][o[a]] - w.lo[a][o[a]]) for a in range(w.rank))


def _outputs(shape, w):
    """Yield ``(n, c, o)`` in ascending row-major order over (n, c, spatial...)."""
    for n in range(shape[0]):
        for c in range(shape[1]):
            for o in np.ndindex(*w.out_size):
                yield n, c, o


# Max pooling is the windowed loops of ``naive`` with range windows: the same
# selection rule and output order, the windows from ``_window``.


def max_pool(x, w):
    """Return ``(y, indices)``, indices flat row-major within each (n, c) plane."""
    return naive.max_pool(x, w, window=_window)


def max_pool_backward(dy, x, w):
    """Each ``dy`` added to its selected element, outputs in ascending order."""
    return naive.max_pool_backward(dy, x, w, window=_window)


def avg_pool(x, w):
    """The window's sum from +0.0 in row-major order, divided once by its element count."""
    y = np.empty(x.shape[:2] + w.out_size, dtype=x.dtype)
    for n, c, o in _outputs(x.shape, w):
        acc = x.dtype.type(0)
        for p in _window(w, o):
            acc = acc + x[(n, c) + p]
        y[(n, c) + o] = acc / x.dtype.type(_count(w, o))
    return y


def avg_pool_backward(dy, x, w):
    """Each output's ``dy / count`` added to its window's elements, outputs in order."""
    dx = np.zeros(x.shape, dtype=x.dtype)
    for n, c, o in _outputs(x.shape, w):
        g = dy[(n, c) + o] / x.dtype.type(_count(w, o))
        for p in _window(w, o):
            dx[(n, c) + p] = dx[(n, c) + p] + g
    return dx


def lp_pool(x, w, p):
    """``root(sum of power(|v|, p))``, the sum from +0.0 in row-major order."""
    y = np.empty(x.shape[:2] + w.out_size, dtype=x.dtype)
    for n, c, o in _outputs(x.shape, w):
        acc = x.dtype.type(0)
        for q in _window(w, o):
            acc = acc + lp_math.power(np.abs(x[(n, c) + q]), p)[()]
        y[(n, c) + o] = lp_math.root(acc, p)
    return y


def lp_pool_backward(dy, x, w, p):
    """Each output adds ``gradient(x_e, norm, dy / norm^(p-1))`` to its elements, in order."""
    y = lp_pool(x, w, p)
    dx = np.zeros(x.shape, dtype=x.dtype)
    for n, c, o in _outputs(x.shape, w):
        norm = y[(n, c) + o]
        f = lp_math.factor(dy[(n, c) + o], norm, p)
        for q in _window(w, o):
            g = lp_math.gradient(np.asarray(x[(n, c) + q]), norm, f, p)[()]
            dx[(n, c) + q] = dx[(n, c) + q] + g
    return dx
