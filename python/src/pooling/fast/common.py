"""What every fast kernel shares: blocking, the window offsets that matter, bit masks.

Nothing here changes a result; each helper says why.
"""

import itertools

import numpy as np

# Each pass over a window offset reads a strided slice of x; done over all of
# x at once, every pass streams x from memory.  Working through the (n, c)
# planes in blocks of about this size keeps a block in cache for all passes.
BLOCK_BYTES = 1 << 19


def by_blocks(kernel, first, out_spatial, *more, dtype=None, block_bytes=None):
    """Apply ``kernel`` to blocks of (n, c) planes and gather its outputs.

    ``first`` and the arrays in ``more`` have shape (N, C, ...); they are
    viewed as (N*C, 1, ...) and cut into blocks of about ``block_bytes``
    (default ``BLOCK_BYTES``) of ``first``.  The result has shape (N, C, *out_spatial) and ``dtype``
    (default ``first``'s).  Planes never interact, so blocking changes no
    result, only the memory traffic.
    """
    lead = first.shape[:2]
    planes = lead[0] * lead[1]
    flat = [a.reshape((planes, 1) + a.shape[2:]) for a in (first, *more)]
    out = np.empty((planes, 1) + tuple(out_spatial), dtype=dtype or first.dtype)
    per = max(1, (block_bytes or BLOCK_BYTES) // max(1, first[:1, :1].nbytes))
    for start in range(0, planes, per):
        block = slice(start, start + per)
        out[block] = kernel(*(a[block] for a in flat))
    return out.reshape(lead + tuple(out_spatial))


def axis_offsets(geom, a):
    """The offsets ``j`` of axis ``a`` at which some output reads an input element.

    Output ``o`` reads position ``o*s - pb + j*d``; it is inside ``[0, in)``
    for the ``j`` of one interval per output, and the interval moves down as
    ``o`` grows.  The union of those intervals is every offset that matters;
    a huge kernel (legal up to 2**31 - 1) has at most ``out * ceil(in / d)``
    of them, so the work is bounded by the sizes, not by the kernel.
    Returned ascending, as a list of Python ints.
    """
    s, d, pb, k = geom.stride[a], geom.dilation[a], geom.pad_before[a], geom.kernel[a]
    shift = pb - np.arange(geom.out_size[a], dtype=np.int64)[::-1] * s  # ascending
    lo = np.maximum(0, -(-shift // d))
    hi = np.minimum(k - 1, (geom.in_size[a] - 1 + shift) // d)
    keep = lo <= hi
    lo, hi = lo[keep], hi[keep]
    if lo.size == 0:
        return []
    # Merge overlapping intervals (both ends ascending), then list their members.
    reach = np.maximum.accumulate(hi)
    start = np.ones(lo.size, dtype=bool)
    start[1:] = lo[1:] > reach[:-1] + 1
    firsts = lo[start]
    lasts = reach[np.flatnonzero(start[1:].tolist() + [True])]
    runs = zip(firsts.tolist(), lasts.tolist(), strict=True)
    return [j for first, last in runs for j in range(first, last + 1)]


def offsets(geom):
    """Yield ``(number, offset, out_slices, in_slices)`` for every window offset that matters.

    Offsets come in row-major order; ``number`` counts only the ones yielded,
    so it grows with the row-major position (all the selection code needs).
    ``out_slices`` is the box of output positions whose element at this
    offset is inside the input (one contiguous range per axis, see
    ``Geometry.valid_outputs``), ``in_slices`` the matching strided slice of
    the input.  Offsets that no output sees inside the input are never
    visited (``axis_offsets``).
    """
    per_axis = []
    for a in range(geom.rank):
        slices = []
        for j in axis_offsets(geom, a):
            lo, hi = geom.valid_outputs(a, j)
            start = geom.positions(a, lo, j)
            stop = geom.positions(a, hi - 1, j) + 1
            slices.append((j, slice(lo, hi), slice(start, stop, geom.stride[a])))
        per_axis.append(slices)
    for number, combo in enumerate(itertools.product(*per_axis)):
        yield (number, tuple(c[0] for c in combo), tuple(c[1] for c in combo),
               tuple(c[2] for c in combo))


def offset_count(geom):
    """How many offsets ``offsets(geom)`` yields."""
    return int(np.prod([len(axis_offsets(geom, a)) for a in range(geom.rank)]))


def keep_where(values, selected):
    """``values`` where ``selected``, ``+0.0`` elsewhere, bit for bit.

    ``np.where`` branches on every element; a bitwise AND with an all-ones or
    all-zeros mask gives the same bits without branches (and, unlike a
    multiplication by 0 or 1, leaves NaN and Inf alone and never makes NaN).
    """
    uint = np.dtype(f"u{values.dtype.itemsize}")
    mask = np.negative(selected.view(np.int8), dtype=np.dtype(f"i{values.dtype.itemsize}"))
    return (values.view(uint) & mask.view(uint)).view(values.dtype)


def maximum_keeps_the_rule():
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


MAXIMUM_OK = maximum_keeps_the_rule()


def rule(best, v, out=None):
    """SPEC.md's selection step: ``v`` replaces ``best`` only if it beats it.

    ``v`` beats ``best`` if it is larger, or NaN while ``best`` is not; a tie
    (``-0.0`` against ``+0.0`` included) keeps ``best``.  Integers: equal
    values have equal bits, so ``np.maximum`` is the rule.
    """
    if best.dtype.kind != "f" or MAXIMUM_OK:
        return np.maximum(v, best, out=out)
    take = ~np.isnan(best) & (np.isnan(v) | (v > best))
    res = np.array(best, copy=True) if out is None else out
    if out is not None and out is not best:
        np.copyto(res, best)
    np.copyto(res, v, where=take)
    return res
