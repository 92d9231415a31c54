"""Faster kernels for the two most common 2-D geometries, same bits as the naive loops.

``2x2 stride 2`` and ``3x3 stride 2 padding 1`` on planes of even height and
width (``H = 2*OH``, ``W = 2*OW``, floor mode, no dilation).  What makes the
general kernels slow there is not arithmetic but strided operands: a ufunc
over two stride-2 views costs several copies of its output, over contiguous
rows a fraction of one.  So these kernels read ``x`` through views whose
inner axis is contiguous (even and odd *rows* of a plane are whole rows) and
work through the planes in cache-sized blocks.  Each kernel says why its
order of operations gives SPEC.md's bits.  ``*_kernel(x, geom)`` returns the
kernel for ``x`` and ``geom``, or None when the general path must serve.
"""

import numpy as np

from .common import rule

# Planes per block: intermediate arrays of a block stay in cache.
BLOCK_BYTES = 1 << 20


def _geometry(x, geom):
    """``"k2s2"``, ``"k3s2p1"`` or None for the geometry of ``geom`` on ``x``."""
    if geom.rank != 2 or geom.dilation != (1, 1) or x.dtype.kind not in "fiu":
        return None
    if any(n % 2 or n < 2 for n in geom.in_size) or geom.stride != (2, 2):
        return None
    if tuple(2 * o for o in geom.out_size) != geom.in_size:
        return None
    pads = geom.pad_before + geom.pad_after
    if geom.kernel == (2, 2) and pads == (0, 0, 0, 0):
        return "k2s2"
    if geom.kernel == (3, 3) and pads == (1, 1, 1, 1):
        return "k3s2p1"
    return None


def _blocks(x, out_spatial, kernel, *more, dtype=None):
    """``kernel`` on blocks of (P, H, W) planes of ``x`` (and of ``more``), gathered."""
    planes = x.shape[0] * x.shape[1]
    flat = [np.ascontiguousarray(a).reshape((planes,) + a.shape[2:]) for a in (x, *more)]
    out = np.empty((planes,) + tuple(out_spatial), dtype=dtype or x.dtype)
    per = max(1, BLOCK_BYTES // max(1, flat[0][:1].nbytes))
    for start in range(0, planes, per):
        block = slice(start, start + per)
        out[block] = kernel(*(a[block] for a in flat))
    return out.reshape(x.shape[:2] + tuple(out_spatial))


def _repair(xb, y, kernel, pad):
    """Redo, with the rule in row-major window order, the outputs that are a zero or NaN.

    The fast maxima below reduce the rows of a window before its columns, a
    column-major scan.  A maximum is the same number in any order; only
    which of several equal elements is picked can differ, and equal floats
    differ in bits only as ``-0.0``/``+0.0`` or as NaN payloads.  So only
    outputs that are a zero or a NaN can be wrong, and those (few) are
    recomputed here from their windows, offsets in row-major order.
    """
    if xb.dtype.kind != "f":
        return y
    size = np.abs(y)
    if size.min(initial=np.inf) > 0:  # NaN propagates through min: no zero, no NaN
        return y
    suspect = np.flatnonzero(~(size > 0))
    p, oh, ow = np.unravel_index(suspect, y.shape)
    best = None
    for i in range(kernel):
        for j in range(kernel):
            r, c = oh * 2 - pad + i, ow * 2 - pad + j
            inside = (r >= 0) & (r < xb.shape[1]) & (c >= 0) & (c < xb.shape[2])
            v = xb[p, np.clip(r, 0, xb.shape[1] - 1), np.clip(c, 0, xb.shape[2] - 1)]
            if best is None:  # offset (0, 0): inside for k2s2, padding for k3s2p1
                best, seen = v, inside
                continue
            step = rule(best, v)
            best = np.where(seen, np.where(inside, step, best), v)
            seen = seen | inside
    y.reshape(-1)[suspect] = best
    return y


def _columns(r):
    """Even and odd columns of ``r`` as contiguous arrays (one strided read each)."""
    return np.ascontiguousarray(r[..., ::2]), np.ascontiguousarray(r[..., 1::2])


def _max_k2s2(xb):
    # Rows first: pairs of whole rows are contiguous, so the step reads
    # contiguous operands; then the columns of the half-height result.
    v = xb.reshape(len(xb), xb.shape[1] // 2, 2, xb.shape[2])
    even, odd = _columns(np.maximum(v[:, :, 1], v[:, :, 0]))
    y = np.maximum(odd, even, out=even)
    return _repair(xb, y, 2, 0)


def _after_previous(best, previous):
    """``max(previous[..., i - 1], best[..., i])`` along the last axis, in place.

    Laid out flat, the previous element is a shift by one: one contiguous
    pass instead of a short loop per row.  The shift also pairs each row's
    first position with the previous row's last; those positions have no
    previous element (it is padding), so they are put back as they were.
    """
    first = best[..., 0].copy()
    flat_best, flat_previous = best.reshape(-1), previous.reshape(-1)
    np.maximum(flat_best[1:], flat_previous[:-1], out=flat_best[1:])
    best[..., 0] = first
    return best


def _max_k3s2p1(xb):
    # Window o covers rows 2o-1, 2o, 2o+1: the odd row before (row -1 is
    # padding, absent), then the pair (2o, 2o+1).  The maximum of a window is
    # the maximum of the maxima of its parts, so the pair is reduced first
    # and the earlier row added after; same for the columns.  Which of equal
    # elements wins is left to ``_repair``.
    p, h, w = xb.shape
    v = xb.reshape(p, h // 2, 2, w)
    rows = np.maximum(v[:, :, 1], v[:, :, 0])
    # Row by row, the odd rows of all planes are one 2-D view (a uniform
    # stride of two rows), so the shift by one row is a single pass too.
    first = rows[:, 0].copy()
    by_row, odd_rows = rows.reshape(-1, w), v[:, :, 1].reshape(-1, w)
    np.maximum(by_row[1:], odd_rows[:-1], out=by_row[1:])
    rows[:, 0] = first
    even, odd = _columns(rows)
    y = _after_previous(np.maximum(odd, even, out=even), odd)
    return _repair(xb, y, 3, 1)


def max_kernel(x, geom):
    """The values of max pooling (no indices), or None for the general path."""
    kind = _geometry(x, geom)
    if kind is None:
        return None
    step = _max_k2s2 if kind == "k2s2" else _max_k3s2p1
    return lambda x: _blocks(x, geom.out_size, step)


def max_backward_kernel(x, geom):
    return None


def _quarters(xb, pad_top_left):
    """The four (row parity, column parity) planes of ``xb``, each (P, H/2, W/2).

    With ``pad_top_left`` each plane has a leading row and column of ``+0.0``
    in front (shape (P, H/2 + 1, W/2 + 1)).  Reading a stride-2 column once
    per plane here makes every later step a contiguous (or flat-shifted) one.
    """
    p, h, w = xb.shape
    lead = 1 if pad_top_left else 0
    out = {}
    for r in (0, 1):
        for c in (0, 1):
            plane = np.zeros((p, h // 2 + lead, w // 2 + lead), dtype=xb.dtype)
            plane[:, lead:, lead:] = xb[:, r::2, c::2]
            out[r, c] = plane
    return out


def _avg_k2s2(xb, divisor):
    # The window of (oh, ow) is x00, x01, x10, x11 in row-major order: one
    # contiguous plane each, added in that order.  The sum starts from the
    # first term instead of from +0.0; that differs from SPEC's sum only when
    # every term so far is -0.0 (then -0.0 here, +0.0 there), so adding +0.0
    # at the end gives SPEC's bits (a sum started at +0.0 is never -0.0).
    q = _quarters(xb, False)
    acc = np.add(q[0, 0], q[0, 1], out=q[0, 0])
    acc += q[1, 0]
    acc += q[1, 1]
    acc += xb.dtype.type(0)
    return np.divide(acc, divisor, out=acc)


def _avg_k3s2p1(xb, divisor):
    # Window (oh, ow) covers rows 2oh-1, 2oh, 2oh+1 and the same columns:
    # in quarter-plane terms, with a padding row and column of +0.0 in front
    # of every plane, the row-major terms are the elements at (oh-1, ow-1),
    # (oh-1, ow), (oh, ow-1), (oh, ow) of the planes below.  Laid out flat,
    # each term is one slice of a plane shifted by 0, 1, w or w + 1.  A padded
    # position adds +0.0, which leaves a sum started at +0.0 unchanged (it is
    # never -0.0); for the start from the first term, see ``_avg_k2s2``.
    q = _quarters(xb, True)
    p, h, w = q[0, 0].shape
    flat = {key: plane.reshape(-1) for key, plane in q.items()}
    n = flat[0, 0].size - w - 1
    terms = [((1, 1), w + 1), ((1, 0), w), ((1, 1), w),
             ((0, 1), 1), ((0, 0), 0), ((0, 1), 0),
             ((1, 1), 1), ((1, 0), 0), ((1, 1), 0)]
    acc = np.empty(flat[0, 0].size, dtype=xb.dtype)
    out = acc[w + 1:]
    (k1, s1), (k2, s2) = terms[:2]
    np.add(flat[k1][w + 1 - s1:][:n], flat[k2][w + 1 - s2:][:n], out=out)
    for key, shift in terms[2:]:
        out += flat[key][w + 1 - shift:][:n]
    y = acc.reshape(p, h, w)[:, 1:, 1:]
    y = y + xb.dtype.type(0)
    return np.divide(y, divisor, out=y)


def avg_kernel(x, geom):
    """``kernel(x, divisors)``: the averages, or None for the general path."""
    kind = _geometry(x, geom)
    if kind is None or x.dtype.kind != "f":
        return None
    step = _avg_k2s2 if kind == "k2s2" else _avg_k3s2p1

    def kernel(x, divisor):
        d = divisor.astype(x.dtype)
        return _blocks(x, geom.out_size, lambda xb: step(xb, d))

    return kernel


def _avg_backward_k2s2(gb):
    # Windows do not overlap: each element gets one share, +0.0 + g.
    p, oh, ow = gb.shape
    dx = np.empty((p, 2 * oh, 2 * ow), dtype=gb.dtype)
    share = gb + gb.dtype.type(0)
    for r in (0, 1):
        for c in (0, 1):
            dx[:, r::2, c::2] = share
    return dx


def _avg_backward_k3s2p1(gb):
    # Gathered per input parity class.  Row 2m is read only by output row m
    # (offset 1); row 2m+1 by output rows m (offset 2) and m+1 (offset 0),
    # in that ascending order; the same for columns.  So an element at
    # (even, even) gets g[m, n]; (even, odd) g[m, n] then g[m, n+1];
    # (odd, even) g[m, n] then g[m+1, n]; (odd, odd) those four in row-major
    # order, which is ascending output order, as SPEC.md section 8 wants.
    # With a row and a column of +0.0 after the last output, an absent
    # output (m+1 == OH) adds +0.0 (exact, see ``_avg_k3s2p1``), and laid
    # out flat, [m, n+1] and [m+1, n] are shifts by 1 and by OW+1.  Each sum
    # starts from its first term; adding +0.0 at the end gives the sum from
    # +0.0 (see ``_avg_k2s2``).
    p, oh, ow = gb.shape
    w = ow + 1
    padded = np.zeros(p * (oh + 1) * w + w + 1, dtype=gb.dtype)
    padded[:p * (oh + 1) * w].reshape(p, oh + 1, w)[:, :oh, :ow] = gb
    n = p * (oh + 1) * w

    def shifted(shift):
        return padded[shift:shift + n]

    zero = gb.dtype.type(0)
    right = shifted(0) + shifted(1)
    below = shifted(0) + shifted(w)
    both = right + shifted(w)
    both += shifted(w + 1)
    dx = np.empty((p, 2 * oh, 2 * ow), dtype=gb.dtype)
    for (r, c), share in {(0, 0): shifted(0), (0, 1): right, (1, 0): below,
                          (1, 1): both}.items():
        dx[:, r::2, c::2] = (share + zero).reshape(p, oh + 1, w)[:, :oh, :ow]
    return dx


def avg_backward_kernel(x, geom):
    """``kernel(dy, divisors)``: ``dx`` of average pooling, or None for the general path."""
    kind = _geometry(x, geom)
    if kind is None or x.dtype.kind != "f":
        return None
    step = _avg_backward_k2s2 if kind == "k2s2" else _avg_backward_k3s2p1

    def kernel(dy, divisor):
        d = divisor.astype(x.dtype)
        return _blocks(dy, geom.in_size, lambda dyb: step(dyb / d), dtype=x.dtype)

    return kernel
