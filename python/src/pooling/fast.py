"""The fast path: loop over window offsets, whole-array operations inside.

A window of ``k_1 x ... x k_r`` offsets makes ``prod(k)`` passes over the
input, each touching, for every output position at once, the element at that
offset (a strided slice of ``x``).  Visiting the offsets in row-major order
and applying SPEC.md's replacement rule element-wise reproduces the naive
scan exactly, because for each output position the offsets are met in the
same order as in its own window scan.
"""

import itertools

import numpy as np

from .geometry import divisors


def _offsets(geom):
    """Yield ``(number, offset, out_slices, in_slices)`` for every window offset.

    ``number`` counts offsets in row-major order.  ``out_slices`` is the box of
    output positions whose element at this offset is inside the input (it is a
    box because each axis contributes one contiguous range, see
    ``Geometry.valid_outputs``), ``in_slices`` the matching strided slice of
    the input.  Offsets that no output sees inside the input are skipped.
    """
    for number, j in enumerate(itertools.product(*(range(k) for k in geom.kernel))):
        out_slices, in_slices = [], []
        for a in range(geom.rank):
            lo, hi = geom.valid_outputs(a, j[a])
            if lo == hi:
                break
            start = geom.positions(a, lo, j[a])
            stop = geom.positions(a, hi - 1, j[a]) + 1
            out_slices.append(slice(lo, hi))
            in_slices.append(slice(start, stop, geom.stride[a]))
        else:
            yield number, j, tuple(out_slices), tuple(in_slices)


def _flat_positions(geom, j, out_slices):
    """Flat row-major input index of offset ``j`` for each output in the box."""
    flat = np.zeros((1,) * geom.rank, dtype=np.int64)
    step = 1
    for a in reversed(range(geom.rank)):
        o = np.arange(out_slices[a].start, out_slices[a].stop)
        shape = [1] * geom.rank
        shape[a] = -1
        flat = flat + (geom.positions(a, o, j[a]) * step).reshape(shape)
        step *= geom.in_size[a]
    return flat


def _select(x, geom):
    """Return ``(y, offset_number)`` with the selected value and its window offset."""
    full = x.shape[:2] + geom.out_size
    y = np.zeros(full, dtype=x.dtype)
    chosen = np.full(full, -1, dtype=np.int64)
    for number, _, out_s, in_s in _offsets(geom):
        v = x[(Ellipsis,) + in_s]
        best = y[(Ellipsis,) + out_s]
        have = chosen[(Ellipsis,) + out_s] >= 0
        if x.dtype.kind == "f":
            take = ~have | (~np.isnan(best) & (np.isnan(v) | (v > best)))
        else:  # integers have no NaN
            take = ~have | (v > best)
        np.copyto(best, v, where=take)
        np.copyto(chosen[(Ellipsis,) + out_s], number, where=take)
    return y, chosen


def max_pool(x, geom):
    """Return ``(y, indices)`` exactly as ``naive.max_pool`` does."""
    y, chosen = _select(x, geom)
    indices = np.empty(y.shape, dtype=np.int64)
    for number, j, out_s, _ in _offsets(geom):
        region = chosen[(Ellipsis,) + out_s] == number
        np.copyto(
            indices[(Ellipsis,) + out_s],
            np.broadcast_to(_flat_positions(geom, j, out_s), region.shape),
            where=region,
        )
    return y, indices


def max_pool_backward(dy, x, geom):
    """Route ``dy`` to the selected elements, bit-identical to ``naive.max_pool_backward``.

    The specification adds, for each input element, the gradients of the
    outputs that selected it in ascending output order.  For a fixed element,
    a larger window offset belongs to an earlier output position on every
    axis (``o = (p + pb - j*d) / s``), so visiting the offsets in *reverse*
    row-major order reproduces that order of additions.  Outputs that did not
    select the offset add ``+0.0``, which changes no bits: ``dx`` starts at
    ``+0.0``, and a running sum that starts at ``+0.0`` is never ``-0.0`` in
    round-to-nearest, so ``v + 0.0 == v`` bit for bit (NaN and Inf included).
    """
    _, chosen = _select(x, geom)
    dx = np.zeros(x.shape, dtype=x.dtype)
    zero = x.dtype.type(0)
    for number, _, out_s, in_s in reversed(list(_offsets(geom))):
        routed = np.where(chosen[(Ellipsis,) + out_s] == number, dy[(Ellipsis,) + out_s], zero)
        target = dx[(Ellipsis,) + in_s]
        target += routed
    return dx


def avg_pool(x, geom, count_include_pad, divisor_override):
    """Window sums by adding one offset's strided slice at a time, then one division.

    Adding offsets in row-major order adds each window's elements in its own
    scan order, starting from the ``+0.0`` of ``np.zeros``.
    """
    divisor = divisors(geom, count_include_pad, divisor_override)
    acc = np.zeros(x.shape[:2] + geom.out_size, dtype=x.dtype)
    for _, _, out_s, in_s in _offsets(geom):
        box = acc[(Ellipsis,) + out_s]
        box += x[(Ellipsis,) + in_s]
    return acc / divisor.astype(x.dtype)


def avg_pool_backward(dy, x, geom, count_include_pad, divisor_override):
    """``dy / divisor`` added to the windows, offsets in reverse so outputs come in order.

    See ``max_pool_backward`` for why reverse row-major offset order gives
    each element its gradients in ascending output order.
    """
    divisor = divisors(geom, count_include_pad, divisor_override)
    g = dy / divisor.astype(x.dtype)
    dx = np.zeros(x.shape, dtype=x.dtype)
    for _, _, out_s, in_s in reversed(list(_offsets(geom))):
        target = dx[(Ellipsis,) + in_s]
        target += g[(Ellipsis,) + out_s]
    return dx


def _last_writers(indices, plane_size):
    """Flat targets in z of every output (row-major), and a mask of the last writer of each."""
    planes = int(np.prod(indices.shape[:2]))
    targets = indices.reshape(planes, -1).astype(np.int64)
    targets = (targets + (np.arange(planes, dtype=np.int64) * plane_size)[:, None]).ravel()
    # np.unique on the reversed targets finds each target's first occurrence
    # there, which is its last occurrence in row-major output order.
    _, first_reversed = np.unique(targets[::-1], return_index=True)
    last = np.zeros(targets.size, dtype=bool)
    last[targets.size - 1 - first_reversed] = True
    return targets, last


def max_unpool(y, indices, out_size):
    """Scatter ``y`` into zeros; only each element's last writer is assigned."""
    z = np.zeros(y.shape[:2] + tuple(out_size), dtype=y.dtype)
    targets, last = _last_writers(indices, int(np.prod(out_size)))
    z.reshape(-1)[targets[last]] = y.reshape(-1)[last]
    return z


def max_unpool_backward(dz, indices):
    """``dz`` gathered at each index, +0.0 where a later output overwrote the value."""
    dy = np.zeros(indices.shape, dtype=dz.dtype)
    targets, last = _last_writers(indices, int(np.prod(dz.shape[2:])))
    dy.reshape(-1)[last] = np.ascontiguousarray(dz).reshape(-1)[targets[last]]
    return dy
