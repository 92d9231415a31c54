"""Average pooling and its backward for 2x2 stride 2 and 3x3 stride 2 padding 1 (see ``planes2d``).

Forward: each window's terms are contiguous (or flat-shifted) slices of the
four quarter planes, added in row-major window order.  Backward: each input
parity class gathers its shares in ascending output order.
"""

import numpy as np

from . import planes2d


def _avg_k2s2(xb, divisor):
    # The window of (oh, ow) is x00, x01, x10, x11 in row-major order: one
    # contiguous plane each, added in that order.  The sum starts from the
    # first term instead of from +0.0; that differs from SPEC's sum only when
    # every term so far is -0.0 (then -0.0 here, +0.0 there), so adding +0.0
    # at the end gives SPEC's bits (a sum started at +0.0 is never -0.0).
    q = planes2d.quarters(xb, False)
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
    q = planes2d.quarters(xb, True)
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


def _divided_kernel(x, geom, k2s2, k3s2p1, out_size, per_block):
    """``kernel(a, divisors)`` over blocks of ``a``, or None for the general path.

    ``k2s2`` and ``k3s2p1`` are the steps for the two geometries (see
    ``planes2d.kind``); ``per_block(step, block, d)`` applies one to a block
    of (P, H, W) planes with ``d``, the divisors in ``x``'s dtype.  The
    kernels' sums and divisions are written for float dtypes only.
    """
    step = planes2d.step(x, geom, k2s2, k3s2p1) if x.dtype.kind == "f" else None
    if step is None:
        return None

    def kernel(a, divisor):
        d = divisor.astype(x.dtype)
        return planes2d.blocks(a, out_size, lambda block: per_block(step, block, d),
                               dtype=x.dtype)

    return kernel


def avg_kernel(x, geom):
    """``kernel(x, divisors)``: the averages, or None for the general path."""
    return _divided_kernel(x, geom, _avg_k2s2, _avg_k3s2p1, geom.out_size,
                           lambda step, xb, d: step(xb, d))


def avg_backward_kernel(x, geom):
    """``kernel(dy, divisors)``: ``dx`` of average pooling, or None for the general path."""
    return _divided_kernel(x, geom, _avg_backward_k2s2, _avg_backward_k3s2p1, geom.in_size,
                           lambda step, dyb, d: step(dyb / d))
