"""Parameter forms shared by the adapters: the contract's spellings, expanded per axis.

Only the forms are expanded here; whether a value is legal is left to the
framework, so that a call the specification refuses reaches the framework
and is refused (or accepted) by its own rules.  Global pooling, for a
framework without a like-for-like global operator, is its window pooling with
one window the size of the plane (``global_by_window``).
"""

import numbers

import numpy as np


def per_axis(value, r):
    """An int or a sequence of ``r`` ints as a list of ``r`` values (other forms pass through)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return [int(value)] * r
    return list(value) if isinstance(value, (list, tuple)) else value


def pad_pairs(padding, r):
    """``padding`` as ``r`` (before, after) pairs, or the string ``"same"``.

    ``"valid"`` is no padding; an int or one int per axis pads both ends alike.
    """
    if isinstance(padding, str):
        return [(0, 0)] * r if padding == "valid" else padding
    items = per_axis(padding, r)
    if isinstance(items, list) and items and all(isinstance(p, (list, tuple)) for p in items):
        return [tuple(p) for p in items]
    return [(p, p) for p in items]


def symmetric(pairs):
    """One pad per axis when every axis pads both ends alike, else None."""
    if any(before != after for before, after in pairs):
        return None
    return [before for before, _ in pairs]


def window_params(r, kernel_size, stride, padding, dilation):
    """(kernel, stride, pads, dilation) per axis; ``stride`` defaults to the kernel."""
    kernel = per_axis(kernel_size, r)
    stride = kernel if stride is None else per_axis(stride, r)
    return kernel, stride, pad_pairs(padding, r), per_axis(dilation, r)


def plane(x):
    """The spatial shape of ``x`` (N, C, *spatial) as a list: a whole-plane window's kernel."""
    return list(np.shape(x)[2:])


def global_by_window(max_pool, max_pool_backward, avg_pool, avg_pool_backward):
    """The four global functions of the contract on top of an adapter's window functions.

    Each pools with one window the size of the plane, so ``y`` is (N, C, 1, ...)
    and ``dx`` is shaped like ``x``.  Returns ``(global_max_pool,
    global_max_pool_backward, global_avg_pool, global_avg_pool_backward)``.
    """

    def global_max_pool(x, return_indices=False):
        """``max_pool`` with one window the size of the plane: y (N, C, 1, ...)."""
        return max_pool(x, plane(x), return_indices=return_indices)

    def global_max_pool_backward(dy, x):
        return max_pool_backward(dy, x, plane(x))

    def global_avg_pool(x):
        """``avg_pool`` with one window the size of the plane: y (N, C, 1, ...)."""
        return avg_pool(x, plane(x))

    def global_avg_pool_backward(dy, x):
        return avg_pool_backward(dy, x, plane(x))

    return global_max_pool, global_max_pool_backward, global_avg_pool, global_avg_pool_backward
