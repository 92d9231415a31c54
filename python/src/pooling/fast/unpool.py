"""Max unpooling and its backward: each target's last writer, block by block of planes.

SPEC.md section 10: when several outputs aim at one element, the last in
row-major order wins.  Planes never share targets, so the work goes plane
block by plane block (``BLOCK_BYTES`` of output), which keeps every table in
cache and bounds the extra memory by a block, not by the whole output.
"""

import numpy as np

BLOCK_BYTES = 1 << 20


def _blocks(planes, plane_size, itemsize):
    per = max(1, BLOCK_BYTES // max(1, plane_size * itemsize))
    for start in range(0, planes, per):
        yield slice(start, min(planes, start + per))


def _writers(targets, size):
    """For flat ``targets`` into ``size`` elements: None if no target repeats, else
    each element's last writer (-1 where nobody writes).

    A plain scatter of the output numbers, read back, tells whether every
    target was written once: with a repeat, at most one of its writers reads
    its own number back.  Only then is the last writer found, by
    ``np.maximum.at``, which is unbuffered and leaves at each element the
    largest output number aiming at it, whatever order it visits them in.
    """
    kind = np.int32 if targets.size < 2**31 else np.int64
    order = np.arange(targets.size, dtype=kind)
    writer = np.empty(size, dtype=kind)
    writer.put(targets, order)
    if np.array_equal(writer.take(targets), order):
        return None
    writer.fill(-1)
    np.maximum.at(writer, targets, order)
    return writer


def _flat_targets(indices, rows, plane_size):
    """Indices of the planes ``rows``, as flat targets into those planes laid end to end."""
    local = indices[rows]
    return (local + (np.arange(local.shape[0], dtype=np.int64) * plane_size)[:, None]).ravel()


def max_unpool(y, indices, out_size):
    """Scatter ``y`` into zeros; each target holds its last writer's value.

    Without repeated targets (always so for non-overlapping windows) one
    ``put`` is exact.  With repeats, the values first go through the writer
    table: every write to one target carries the same bits, those of its
    last writer, so ``put`` is exact whatever order it writes in.
    """
    planes = int(np.prod(y.shape[:2]))
    plane_size = int(np.prod(out_size))
    z = np.zeros((planes, plane_size), dtype=y.dtype)
    # Sizes spelled out, not -1: with an empty batch (planes == 0) numpy cannot infer them.
    pooled = int(np.prod(y.shape[2:]))
    flat_y = np.ascontiguousarray(y).reshape(planes, pooled)
    flat_i = indices.reshape(planes, pooled)
    for rows in _blocks(planes, plane_size, y.dtype.itemsize):
        targets = _flat_targets(flat_i, rows, plane_size)
        values = flat_y[rows].reshape(-1)
        out = z[rows].reshape(-1)
        writer = _writers(targets, out.size)
        if writer is not None:
            values = values.take(writer.take(targets))
        out.put(targets, values)
    return z.reshape(y.shape[:2] + tuple(out_size))


def max_unpool_backward(dz, indices):
    """``dz`` gathered at each index, +0.0 where a later output overwrote the value."""
    planes = int(np.prod(indices.shape[:2]))
    plane_size = int(np.prod(dz.shape[2:]))
    pooled = int(np.prod(indices.shape[2:]))
    dy = np.empty((planes, pooled), dtype=dz.dtype)
    flat_dz = np.ascontiguousarray(dz).reshape(planes, plane_size)
    flat_i = indices.reshape(planes, pooled)
    for rows in _blocks(planes, plane_size, dz.dtype.itemsize):
        targets = _flat_targets(flat_i, rows, plane_size)
        got = flat_dz[rows].reshape(-1).take(targets)
        writer = _writers(targets, (rows.stop - rows.start) * plane_size)
        if writer is not None:
            last = writer.take(targets) == np.arange(targets.size, dtype=writer.dtype)
            got[~last] = 0
        dy[rows] = got.reshape(rows.stop - rows.start, pooled)
    return dy.reshape(indices.shape)
