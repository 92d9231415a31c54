"""Max unpooling and its backward: each target's last writer, found without a sort."""

import numpy as np


def _last_writers(indices, plane_size):
    """Flat targets of every output (row-major), and each target's last writer.

    A plain ``z[targets] = y`` leaves unspecified which of several writes to
    one element stays.  ``np.maximum.at`` is unbuffered and defined for
    repeated indices: whatever order it visits them in, the largest output
    position aiming at each element, i.e. its last writer in row-major order,
    is what it leaves there.  Returns ``(targets, writer)`` where
    ``writer[t]`` is that position, -1 for an element nobody writes.
    """
    planes = int(np.prod(indices.shape[:2]))
    per_plane = int(np.prod(indices.shape[2:]))
    targets = indices.reshape(planes, per_plane).astype(np.int64)
    targets += (np.arange(planes, dtype=np.int64) * plane_size)[:, None]
    targets = targets.ravel()
    # Output positions fit in int32 for any array this machine can hold twice.
    kind = np.int32 if targets.size < 2**31 else np.int64
    writer = np.full(planes * plane_size, -1, dtype=kind)
    np.maximum.at(writer, targets, np.arange(targets.size, dtype=kind))
    return targets, writer


def max_unpool(y, indices, out_size):
    """Scatter ``y`` into zeros; each target holds its last writer's value.

    ``put`` of every output, duplicates included, is exact whatever order it
    writes in, because the values first go through the writer table: every
    write to one target carries the same bits, those of its last writer
    (``take`` reads them), so no scatter of a random mask is needed.
    """
    z = np.zeros(y.shape[:2] + tuple(out_size), dtype=y.dtype)
    targets, writer = _last_writers(indices, int(np.prod(out_size)))
    values = np.ascontiguousarray(y).reshape(-1).take(writer.take(targets))
    z.reshape(-1).put(targets, values)
    return z


def max_unpool_backward(dz, indices):
    """``dz`` gathered at each index, +0.0 where a later output overwrote the value."""
    dy = np.zeros(indices.shape, dtype=dz.dtype)
    targets, writer = _last_writers(indices, int(np.prod(dz.shape[2:])))
    order = np.arange(targets.size, dtype=writer.dtype)
    last = writer.take(targets) == order
    dy.reshape(-1)[last] = np.ascontiguousarray(dz).reshape(-1)[targets[last]]
    return dy
