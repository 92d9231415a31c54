"""The fast path for range windows (adaptive and Lp pooling): whole-array operations.

Regular windows (one size and stride per axis: Lp pooling, and adaptive
windows that tile the input or overlap evenly, such as 4 -> 3) go to
``range_regular`` where ``phase_layout.regular`` says its layout pays.  The
rest are handled here: other adaptive windows, and regular ones of huge
kernels or paddings or of more than ``phase_layout.MAX_OFFSETS`` overlapping
offsets.

Forward passes loop over window offsets ``j`` (row-major over the largest
window extent per axis) and gather, for every output position at once, the
element at offset ``j`` of its window (``np.ix_`` of per-axis position
tables); offsets beyond a window's own length are masked out.  For each
output, offsets come in the same order as in the naive scan, so the
selection rule and the row-major sum give the same bits.

Adaptive backward passes list every (output, input element) pair, outputs
in ascending row-major order and each window's elements in row-major order,
and add with ``np.add.at``, which applies the additions in that order: each
element's gradients arrive in ascending output order, as in the naive loop.
Lp windows the layout does not serve are read through strided slices, one
per window offset that meets the input, as ``fast.avg`` does for average
pooling.
"""

import itertools

import numpy as np

from . import lp_math, phase_layout, range_regular


def _tables(w):
    """Per axis: positions ``(O, K)`` (clipped to a real position) and their validity."""
    pos, valid = [], []
    for a in range(w.rank):
        j = np.arange(w.extent(a), dtype=np.int64)
        p = w.lo[a][:, None] + j[None, :]
        ok = p < w.hi[a][:, None]
        pos.append(np.where(ok, p, w.lo[a][:, None]))
        valid.append(ok)
    return pos, valid


def _offsets(w):
    """Yield ``(index, valid)`` per offset, row-major: ``x[..., *index]`` has shape out_size."""
    pos, valid = _tables(w)
    for j in itertools.product(*(range(w.extent(a)) for a in range(w.rank))):
        index = np.ix_(*(pos[a][:, j[a]] for a in range(w.rank)))
        mask = np.ones(w.out_size, dtype=bool)
        for a in range(w.rank):
            shape = [1] * w.rank
            shape[a] = -1
            mask = mask & valid[a][:, j[a]].reshape(shape)
        yield index, mask


def max_pool(x, w):
    """``(y, indices)`` by SPEC.md's selection rule, offset by offset."""
    y = np.empty(x.shape[:2] + w.out_size, dtype=x.dtype)
    sel = np.zeros(y.shape, dtype=np.int64)
    pending = np.ones(w.out_size, dtype=bool)
    floats = x.dtype.kind == "f"
    for index, mask in _offsets(w):
        v = x[(Ellipsis,) + index]
        flat = np.ravel_multi_index(index, w.in_size)
        first = mask & pending
        replace = mask & ~pending & (v > y)
        if floats:
            replace = (replace | (mask & ~pending & np.isnan(v))) & ~np.isnan(y)
        take = first | replace
        np.copyto(y, v, where=take)
        np.copyto(sel, np.broadcast_to(flat, y.shape), where=take)
        pending = pending & ~mask
    return y, sel


def _pairs(w):
    """Flat output and input positions of every (output, element) pair, in the spec's order."""
    pos, valid = _tables(w)
    r = w.rank
    grids, ok = [], np.ones((1,) * (2 * r), dtype=bool)
    for a in range(r):
        shape = [1] * (2 * r)
        shape[a], shape[r + a] = pos[a].shape
        grids.append(pos[a].reshape(shape))
        ok = ok & valid[a].reshape(shape)
    full = tuple(w.out_size) + tuple(w.extent(a) for a in range(r))
    ok = np.broadcast_to(ok, full)
    inputs = np.ravel_multi_index(tuple(np.broadcast_to(g, full) for g in grids), w.in_size)
    outputs = np.broadcast_to(
        np.arange(int(np.prod(w.out_size)), dtype=np.int64).reshape(tuple(w.out_size) + (1,) * r),
        full,
    )
    return outputs[ok], inputs[ok]


def _scatter(x, outputs, inputs, values):
    """``dx`` (x's shape) with ``values[:, m]`` added at ``inputs[m]`` for m in order."""
    planes = x.shape[0] * x.shape[1]
    dx_t = np.zeros((int(np.prod(x.shape[2:])), planes), dtype=x.dtype)
    np.add.at(dx_t, inputs, values.T)
    return dx_t.T.reshape(x.shape)


def max_pool_backward(dy, x, w):
    """Each ``dy`` added at its selected element, per plane in ascending output order."""
    _, sel = max_pool(x, w)
    planes = x.shape[0] * x.shape[1]
    dx = np.zeros((planes, int(np.prod(x.shape[2:]))), dtype=x.dtype)
    n_out = int(np.prod(w.out_size))
    rows = np.broadcast_to(np.arange(planes)[:, None], (planes, n_out))
    np.add.at(dx, (rows, sel.reshape(planes, n_out)), dy.reshape(planes, n_out))
    return dx.reshape(x.shape)


def _window_sum(t, w):
    """Row-major window sums of ``t`` from +0.0, masked offsets skipped."""
    acc = np.zeros(t.shape[:2] + w.out_size, dtype=t.dtype)
    for index, mask in _offsets(w):
        np.add(acc, t[(Ellipsis,) + index], out=acc, where=np.broadcast_to(mask, acc.shape))
    return acc


def avg_pool(x, w):
    """Row-major window sum from +0.0, one division by the window's element count."""
    form = phase_layout.regular(w)
    if form is not None:
        return range_regular.avg_pool(x, form)
    return _window_sum(x, w) / w.counts().astype(x.dtype)


def avg_pool_backward(dy, x, w):
    """``dy / count`` per output, added to its window's elements in the spec's order."""
    form = phase_layout.regular(w)
    if form is not None:
        return range_regular.avg_pool_backward(dy, x, form)
    planes = x.shape[0] * x.shape[1]
    g = (dy / w.counts().astype(x.dtype)).reshape(planes, int(np.prod(w.out_size)))
    outputs, inputs = _pairs(w)
    return _scatter(x, outputs, inputs, g[:, outputs])


def live_offsets(w, axis):
    """The offsets on ``axis``, ascending, at which some window of ``w`` (regular) is real.

    Output ``o``'s real elements have the offsets ``[lo[o] - start[o], hi[o] -
    start[o])`` with ``start[o] = o*s - pb``; both ends fall as ``o`` grows, so
    one merge over the outputs in reverse gives their union.  The strided
    loops visit only these, so their work is bounded by the windows' real
    elements, never by the kernel size (a ``2^31 - 1`` kernel over a short
    input costs what the input costs).
    """
    geom = w.geom
    start = np.arange(geom.out_size[axis], dtype=np.int64) * geom.stride[axis]
    start -= geom.pad_before[axis]
    lo, hi = (w.lo[axis] - start)[::-1], (w.hi[axis] - start)[::-1]
    first = np.ones(lo.shape, dtype=bool)
    first[1:] = lo[1:] > hi[:-1]
    last = np.append(first[1:], True)
    return [j for a, b in zip(lo[first].tolist(), hi[last].tolist(), strict=True)
            for j in range(a, b)]


def _strided(w, reverse=False):
    """Yield ``(out_slices, in_slices)`` per window offset of a regular geometry, row-major.

    For offset ``j``, the outputs whose element at ``j`` is inside the input
    form a box (``Geometry.valid_outputs``) and those elements a strided
    slice of the input.  In reverse order, each input element meets its
    outputs in ascending row-major order (its offset falls as its output rises).
    Only offsets that meet a real element are visited (``live_offsets``).
    """
    geom = w.geom
    live = [live_offsets(w, a) for a in range(geom.rank)]
    if reverse:
        live = [j[::-1] for j in live]
    for j in itertools.product(*live):
        out_s, in_s = [], []
        for a in range(geom.rank):
            lo, hi = geom.valid_outputs(a, j[a])
            if lo == hi:
                break
            out_s.append(slice(lo, hi))
            in_s.append(slice(geom.positions(a, lo, j[a]), geom.positions(a, hi - 1, j[a]) + 1,
                              geom.stride[a]))
        else:
            yield (Ellipsis, *out_s), (Ellipsis, *in_s)


def lp_pool(x, w, p):
    """``root`` of the row-major window sum of ``power(|x|, p)`` (see ``lp_math``).

    Lp windows are regular (``w.geom``): ``range_regular`` serves them; where
    ``phase_layout.regular`` declines (huge kernels or paddings, many
    overlapping offsets), their sums come from strided slices here.
    """
    form = phase_layout.regular(w)
    if form is not None:
        return range_regular.lp_pool(x, form, p)
    t = lp_math.power(np.abs(x), p)
    acc = np.zeros(x.shape[:2] + w.out_size, dtype=x.dtype)
    for out_s, in_s in _strided(w):
        acc[out_s] += t[in_s]
    return lp_math.root(acc, p)


def lp_pool_backward(dy, x, w, p):
    """``gradient(x_e, norm, dy / norm^(p-1))`` per window element, offsets in reverse."""
    form = phase_layout.regular(w)
    if form is not None:
        return range_regular.lp_pool_backward(dy, x, form, p)
    norm = lp_pool(x, w, p)
    f = lp_math.factor(dy, norm, p)
    dx = np.zeros(x.shape, dtype=x.dtype)
    for out_s, in_s in _strided(w, reverse=True):
        dx[in_s] += lp_math.gradient(x[in_s], norm[out_s], f[out_s], p)
    return dx
