"""Max pooling, general geometry: one whole-array rule step per window offset.

A window of ``k_1 x ... x k_r`` offsets makes one pass per offset that some
output sees inside the input, each touching, for every output position at
once, the element at that offset (a strided slice of ``x``).  Visiting the
offsets in row-major order and applying SPEC.md's replacement rule
element-wise reproduces the naive scan exactly, because for each output
position the offsets are met in the same order as in its own window scan.
The backward pass visits the offsets in reverse, which adds each element's
gradients in ascending output order.  ``planes2d`` has faster kernels for
the common 2-D geometries; this module serves every other one.
"""

import numpy as np

from .common import by_blocks, keep_where, offset_count, offsets, rule


def max_values(x, geom):
    """The selected value of every window (no indices): SPEC.md's rule, offset by offset.

    ``pending`` marks output positions (spatial only: whether an offset is
    inside the input does not depend on n or c) that have not met a real
    element yet; the first one they meet starts their scan, as in the naive
    loop.  After that, ``rule`` applies the selection rule.
    """
    y = np.empty(x.shape[:2] + geom.out_size, dtype=x.dtype)
    pending = np.ones(geom.out_size, dtype=bool)
    for _, _, out_s, in_s in offsets(geom):
        v = x[(Ellipsis,) + in_s]
        best = y[(Ellipsis,) + out_s]
        new = pending[out_s]
        if new.all():
            np.copyto(best, v)
            new[...] = False
            continue
        if new.any():
            np.copyto(best, v, where=new)
            new[...] = False
        rule(best, v, out=best)
    return y


def choose(x, geom, y):
    """Rank of the selected window offset of each output: ``count - number``.

    The selected element is the first one in scan order that equals the
    window's result: the first maximum among ties, the first zero met when
    the result is a zero (``-0.0 == +0.0``, and the result carries the first
    zero's sign), the first NaN when the result is NaN.  Exact equality, not
    a tolerance: ``y`` holds copies of input elements.

    Offset ``number`` (row-major, from 0) gets the weight ``count - number``
    where it matches, so the largest weight over all offsets marks the first
    match.  A running ``np.maximum`` of small integers is branch-free; masked
    assignments on random masks cost several times more.
    """
    count = offset_count(geom)
    rank = np.zeros(y.shape, dtype=np.min_scalar_type(-count))
    nan_y = np.isnan(y) if x.dtype.kind == "f" else None
    if nan_y is not None and not nan_y.any():
        nan_y = None
    for number, _, out_s, in_s in offsets(geom):
        v = x[(Ellipsis,) + in_s]
        match = v == y[(Ellipsis,) + out_s]
        if nan_y is not None:
            match |= np.isnan(v) & nan_y[(Ellipsis,) + out_s]
        box = rank[(Ellipsis,) + out_s]
        np.maximum(box, match.view(np.int8) * rank.dtype.type(count - number), out=box)
    return rank


def indices(geom, rank):
    """Flat row-major input index of each selected element, from ``choose``'s ranks.

    An input position is linear in the window offset, so the index is the
    window origin's flat index plus a per-offset delta: a table lookup, one
    entry per visited offset.
    """
    found = list(offsets(geom))
    count = len(found)
    delta = np.zeros(count + 1, dtype=np.int64)  # indexed by rank = count - number
    for number, j, _, _ in found:
        step, total = 1, 0
        for a in reversed(range(geom.rank)):
            total += j[a] * geom.dilation[a] * step
            step *= geom.in_size[a]
        delta[count - number] = total
    origin = np.zeros((1, 1) + geom.out_size, dtype=np.int64)
    step = 1
    for a in reversed(range(geom.rank)):
        shape = [1] * (2 + geom.rank)
        shape[2 + a] = -1
        o = np.arange(geom.out_size[a], dtype=np.int64).reshape(shape)
        origin = origin + geom.positions(a, o, 0) * step
        step *= geom.in_size[a]
    return origin + delta.take(rank)


def max_pool(x, geom, return_indices=True):
    """Return ``(y, indices)`` exactly as ``naive.max_pool`` does (indices may be None)."""
    y = by_blocks(lambda xb: max_values(xb, geom), x, geom.out_size)
    if not return_indices:
        return y, None
    return y, by_blocks(lambda xb, yb: indices(geom, choose(xb, geom, yb)), x, geom.out_size,
                        y, dtype=np.int64)


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
    def block(xb, dyb):
        rank = choose(xb, geom, max_values(xb, geom))
        count = offset_count(geom)
        dx = np.zeros(xb.shape, dtype=xb.dtype)
        dyb = np.ascontiguousarray(dyb)
        for number, _, out_s, in_s in reversed(list(offsets(geom))):
            selected = rank[(Ellipsis,) + out_s] == count - number
            target = dx[(Ellipsis,) + in_s]
            target += keep_where(dyb[(Ellipsis,) + out_s], selected)
        return dx

    return by_blocks(block, x, geom.in_size, dy)


def max_pool_backward_from_indices(dy, indices, x_shape):
    """``dx`` from the indices ``max_pool`` returned: one ``np.add.at`` in output order.

    ``indices`` holds, per (n, c) plane, the row-major flat index of each
    output's selected element.  ``np.add.at`` is unbuffered and applies its
    additions in the order of its index array, which is row-major output
    order within each plane: SPEC.md's ascending output order for every
    element.  It starts from the ``+0.0`` of ``np.zeros``, as the naive sum.
    The indices are trusted here (the public function checks them).
    """
    planes = int(np.prod(x_shape[:2]))
    plane_size = int(np.prod(x_shape[2:]))
    per_plane = int(np.prod(indices.shape[2:]))
    targets = indices.reshape(planes, per_plane).astype(np.int64)
    targets += (np.arange(planes, dtype=np.int64) * plane_size)[:, None]
    dx = np.zeros(planes * plane_size, dtype=dy.dtype)
    np.add.at(dx, targets.ravel(), np.ascontiguousarray(dy).reshape(-1))
    return dx.reshape(x_shape)
