"""Global pooling: one window of every spatial position, pooled plane by plane.

A loop over window offsets would make one pass per position (3136 for
56 x 56), so these paths work on whole planes, still bit-identical to the
naive loops.
"""

import numpy as np


def _planes(x):
    """``x`` as (N*C, P): one row per (n, c) plane, its positions in row-major order."""
    return np.ascontiguousarray(x).reshape(x.shape[0] * x.shape[1], int(np.prod(x.shape[2:])))


def _global_first_selected(rows, y):
    """Column of each row's selected element: the first equal to ``y`` (see ``_choose``)."""
    match = rows == y[:, None]
    if rows.dtype.kind == "f":
        nan_rows = np.isnan(y)
        if nan_rows.any():
            match[nan_rows] = np.isnan(rows[nan_rows])
    return np.argmax(match, axis=1)


def global_max_pool(x, geom, return_indices=True):
    """``np.max`` per plane, with the two cases where it may differ from the rule repaired.

    ``np.max`` finds the right value except for its sign when the maximum is a
    zero (it may answer ``+0.0`` where ``-0.0`` came first) and a NaN's
    payload; those rows take the selected element itself.
    """
    rows = _planes(x)
    y = rows.max(axis=1)
    fix = y == 0
    if x.dtype.kind == "f":
        fix |= np.isnan(y)
    if return_indices or fix.any():
        picked = _global_first_selected(rows, y)
        y = np.take_along_axis(rows, picked[:, None], axis=1)[:, 0]
    shape = x.shape[:2] + geom.out_size
    indices = picked.astype(np.int64).reshape(shape) if return_indices else None
    return y.reshape(shape), indices


def global_max_pool_backward(dy, x, geom):
    """Each plane's ``dy`` at its selected element: ``+0.0 + dy`` there, ``+0.0`` elsewhere."""
    rows = _planes(x)
    picked = _global_first_selected(rows, rows.max(axis=1))
    dx = np.zeros(rows.shape, dtype=x.dtype)
    np.put_along_axis(dx, picked[:, None], dy.reshape(-1, 1) + x.dtype.type(0), axis=1)
    return dx.reshape(x.shape)


def global_avg_pool(x, geom, count_include_pad=True, divisor_override=None):
    """Row-major sums of every plane, then one division by the plane's size.

    A row-major sum must add one position after another.  numpy's reduction
    along a row is pairwise, but along the outer axis of a C-contiguous
    (positions, planes) block it adds position after position, vectorised
    across planes; blocks of 128 planes keep the transposed copy in cache.
    (With one plane in a block that breaks down; see the code.)
    The reduction starts from the first element rather than from ``+0.0``;
    that differs only for a plane of ``-0.0``, which ``+ 0.0`` at the end
    turns into the ``+0.0`` the specification's sum gives.
    """
    rows = _planes(x)
    total = np.empty(rows.shape[0], dtype=x.dtype)
    for start in range(0, rows.shape[0], 128):
        block = np.ascontiguousarray(rows[start:start + 128].T)
        if block.shape[1] == 1:
            # A single plane makes the block one contiguous run, and numpy's
            # reduce would go pairwise; accumulate is sequential by definition.
            total[start] = np.add.accumulate(block[:, 0])[-1]
        else:
            np.add.reduce(block, axis=0, out=total[start:start + 128])
    total += x.dtype.type(0)
    y = total / x.dtype.type(rows.shape[1])
    return y.reshape(x.shape[:2] + geom.out_size)


def global_avg_pool_backward(dy, x, geom, count_include_pad=True, divisor_override=None):
    """``+0.0 + dy / size`` at every position of each plane."""
    share = dy.reshape(-1, 1) / x.dtype.type(int(np.prod(x.shape[2:]))) + x.dtype.type(0)
    rows = np.broadcast_to(share, (share.shape[0], int(np.prod(x.shape[2:]))))
    return np.ascontiguousarray(rows).reshape(x.shape)
