"""The fast path: loop over window offsets, whole-array operations inside.

A window of ``k_1 x ... x k_r`` offsets makes ``prod(k)`` passes over the
input, each touching, for every output position at once, the element at that
offset (a strided slice of ``x``).  Visiting the offsets in row-major order
and applying SPEC.md's replacement rule element-wise reproduces the naive
scan exactly, because for each output position the offsets are met in the
same order as in its own window scan.  Backward passes visit the offsets in
reverse, which adds each element's gradients in ascending output order.

Two things are here only for speed and change no result: the (n, c) planes
are processed in cache-sized blocks (``_by_blocks``), and global pooling,
whose one window has as many offsets as the plane has positions, has paths of
its own at the end of the module.  Every function gives the bits of its
``naive`` counterpart; the fixtures and the randomised tests hold it to that.
"""

import itertools

import numpy as np

from .geometry import divisors

# Each pass over a window offset reads a strided slice of x; done over all of
# x at once, every pass streams x from memory.  Working through the (n, c)
# planes in blocks of about this size keeps a block in cache for all passes.
BLOCK_BYTES = 1 << 19


def _by_blocks(kernel, first, out_spatial, *more, dtype=None):
    """Apply ``kernel`` to blocks of (n, c) planes and gather its outputs.

    ``first`` and the arrays in ``more`` have shape (N, C, ...); they are
    viewed as (N*C, 1, ...) and cut into blocks of about ``BLOCK_BYTES`` of
    ``first``.  The result has shape (N, C, *out_spatial) and ``dtype``
    (default ``first``'s).  Planes never interact, so blocking changes no
    result, only the memory traffic.
    """
    lead = first.shape[:2]
    planes = lead[0] * lead[1]
    flat = [a.reshape((planes, 1) + a.shape[2:]) for a in (first, *more)]
    out = np.empty((planes, 1) + tuple(out_spatial), dtype=dtype or first.dtype)
    per = max(1, BLOCK_BYTES // max(1, first[:1, :1].nbytes))
    for start in range(0, planes, per):
        block = slice(start, start + per)
        out[block] = kernel(*(a[block] for a in flat))
    return out.reshape(lead + tuple(out_spatial))


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


def _maximum_keeps_the_rule():
    """Whether ``np.maximum(v, best)`` is exactly the selection rule on this machine.

    The rule keeps ``best`` on a tie (``-0.0`` vs ``+0.0`` included) and
    propagates NaN.  numpy documents NaN propagation; that a tie returns the
    second argument is how its scalar and SIMD loops behave, not a promise,
    so it is probed once, at sizes that reach the SIMD loops, and the masked
    rule is used where it does not hold.
    """
    for n in (1, 7, 64, 1031):
        for dtype in (np.float32, np.float64):
            first = np.resize(np.array([0.0, -0.0, np.nan, 1.0, -0.0], dtype), n)
            later = np.resize(np.array([-0.0, 0.0, 1.0, np.nan, -0.0], dtype), n)
            got = np.maximum(later, first)
            want_nan = np.isnan(first) | np.isnan(later)
            if not np.array_equal(np.isnan(got), want_nan):
                return False
            keep = ~want_nan
            if not np.array_equal(np.signbit(got[keep]), np.signbit(first[keep])):
                return False
    return True


_MAXIMUM_OK = _maximum_keeps_the_rule()


def _max_values(x, geom):
    """The selected value of every window (no indices): SPEC.md's rule, offset by offset.

    ``pending`` marks output positions (spatial only: whether an offset is
    inside the input does not depend on n or c) that have not met a real
    element yet; the first one they meet starts their scan, as in the naive
    loop.  After that, ``np.maximum(v, best)`` applies the rule (see
    ``_maximum_keeps_the_rule``).
    """
    y = np.empty(x.shape[:2] + geom.out_size, dtype=x.dtype)
    pending = np.ones(geom.out_size, dtype=bool)
    floats = x.dtype.kind == "f"
    for _, _, out_s, in_s in _offsets(geom):
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
        if not floats or _MAXIMUM_OK:
            np.maximum(v, best, out=best)
        else:
            take = ~np.isnan(best) & (np.isnan(v) | (v > best))
            np.copyto(best, v, where=take)
    return y


def _choose(x, geom, y):
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
    count = int(np.prod(geom.kernel))
    rank = np.zeros(y.shape, dtype=np.min_scalar_type(-count))
    nan_y = np.isnan(y) if x.dtype.kind == "f" else None
    if nan_y is not None and not nan_y.any():
        nan_y = None
    for number, _, out_s, in_s in _offsets(geom):
        v = x[(Ellipsis,) + in_s]
        match = v == y[(Ellipsis,) + out_s]
        if nan_y is not None:
            match |= np.isnan(v) & nan_y[(Ellipsis,) + out_s]
        box = rank[(Ellipsis,) + out_s]
        np.maximum(box, match.view(np.int8) * rank.dtype.type(count - number), out=box)
    return rank


def _indices(geom, rank):
    """Flat row-major input index of each selected element, from ``_choose``'s ranks.

    An input position is linear in the window offset, so the index is the
    window origin's flat index plus a per-offset delta: a table lookup.
    """
    count = int(np.prod(geom.kernel))
    offsets = np.unravel_index(np.arange(count), geom.kernel)
    delta = np.zeros(count + 1, dtype=np.int64)  # indexed by rank = count - number
    origin = np.zeros((1, 1) + geom.out_size, dtype=np.int64)
    step = 1
    for a in reversed(range(geom.rank)):
        delta[count - np.arange(count)] += offsets[a] * geom.dilation[a] * step
        shape = [1] * (2 + geom.rank)
        shape[2 + a] = -1
        o = np.arange(geom.out_size[a]).reshape(shape)
        origin = origin + geom.positions(a, o, 0) * step
        step *= geom.in_size[a]
    return origin + delta.take(rank)


def _keep_where(values, selected):
    """``values`` where ``selected``, ``+0.0`` elsewhere, bit for bit.

    ``np.where`` branches on every element; a bitwise AND with an all-ones or
    all-zeros mask gives the same bits without branches (and, unlike a
    multiplication by 0 or 1, leaves NaN and Inf alone and never makes NaN).
    """
    uint = np.dtype(f"u{values.dtype.itemsize}")
    mask = np.negative(selected.view(np.int8), dtype=np.dtype(f"i{values.dtype.itemsize}"))
    return (values.view(uint) & mask.view(uint)).view(values.dtype)


def _max_pool(x, geom, return_indices):
    y = _max_values(x, geom)
    return y, (_indices(geom, _choose(x, geom, y)) if return_indices else None)


def max_pool(x, geom, return_indices=True):
    """Return ``(y, indices)`` exactly as ``naive.max_pool`` does (indices may be None)."""
    if not return_indices:
        return _by_blocks(lambda xb: _max_values(xb, geom), x, geom.out_size), None
    y = _by_blocks(lambda xb: _max_values(xb, geom), x, geom.out_size)
    return y, _by_blocks(lambda xb, yb: _indices(geom, _choose(xb, geom, yb)), x, geom.out_size,
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
    return _by_blocks(lambda xb, dyb: _max_pool_backward(dyb, xb, geom), x, geom.in_size, dy)


def _max_pool_backward(dy, x, geom):
    rank = _choose(x, geom, _max_values(x, geom))
    count = int(np.prod(geom.kernel))
    dx = np.zeros(x.shape, dtype=x.dtype)
    dy = np.ascontiguousarray(dy)
    for number, _, out_s, in_s in reversed(list(_offsets(geom))):
        selected = rank[(Ellipsis,) + out_s] == count - number
        target = dx[(Ellipsis,) + in_s]
        target += _keep_where(dy[(Ellipsis,) + out_s], selected)
    return dx


def avg_pool(x, geom, count_include_pad, divisor_override):
    """Window sums by adding one offset's strided slice at a time, then one division.

    Adding offsets in row-major order adds each window's elements in its own
    scan order, starting from the ``+0.0`` of ``np.zeros``.
    """
    divisor = divisors(geom, count_include_pad, divisor_override).astype(x.dtype)

    def block(xb):
        acc = np.zeros(xb.shape[:2] + geom.out_size, dtype=x.dtype)
        for _, _, out_s, in_s in _offsets(geom):
            box = acc[(Ellipsis,) + out_s]
            box += xb[(Ellipsis,) + in_s]
        return np.divide(acc, divisor, out=acc)

    return _by_blocks(block, x, geom.out_size)


def avg_pool_backward(dy, x, geom, count_include_pad, divisor_override):
    """``dy / divisor`` added to the windows, offsets in reverse so outputs come in order.

    See ``max_pool_backward`` for why reverse row-major offset order gives
    each element its gradients in ascending output order.
    """
    divisor = divisors(geom, count_include_pad, divisor_override).astype(x.dtype)

    def block(dyb):
        g = dyb / divisor
        dx = np.zeros(dyb.shape[:2] + geom.in_size, dtype=x.dtype)
        for _, _, out_s, in_s in reversed(list(_offsets(geom))):
            target = dx[(Ellipsis,) + in_s]
            target += g[(Ellipsis,) + out_s]
        return dx

    return _by_blocks(block, dy, geom.in_size, dtype=x.dtype)


def _last_writers(indices, plane_size):
    """Flat targets in z of every output (row-major), and a mask of the last writer of each.

    A plain ``z[targets] = y`` leaves unspecified which of several writes to
    one element stays.  ``np.maximum.at`` is unbuffered and defined for
    repeated indices: the largest output position aiming at each element,
    i.e. its last writer in row-major order, is recorded there.
    """
    planes = int(np.prod(indices.shape[:2]))
    targets = indices.reshape(planes, int(np.prod(indices.shape[2:]))).astype(np.int64)
    targets = (targets + (np.arange(planes, dtype=np.int64) * plane_size)[:, None]).ravel()
    # Output positions fit in int32 for any array this machine can hold twice.
    kind = np.int32 if targets.size < 2**31 else np.int64
    order = np.arange(targets.size, dtype=kind)
    writer = np.full(planes * plane_size, -1, dtype=kind)
    np.maximum.at(writer, targets, order)
    return targets, writer[targets] == order


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


# Global pooling has one window of every spatial position: a loop over window
# offsets would make one pass per position (3136 for 56 x 56), so it gets its
# own paths, still bit-identical to the naive loops.


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
