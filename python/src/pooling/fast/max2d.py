"""Max pooling and its backward for 2x2 stride 2 and 3x3 stride 2 padding 1 (see ``planes2d``).

The maxima reduce the rows of a window before its columns (contiguous row
pairs first), which finds the right number; ``_repair`` then redoes, in
row-major window order, the few outputs where the order can show (a zero or
a NaN).  The backward passes find the selected offset by comparisons with
the result and gather each input parity class's shares in ascending output
order.
"""

import numpy as np

from . import planes2d
from .common import keep_where, rule


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


def _max_k2s2(xb):
    # Rows first: pairs of whole rows are contiguous, so the step reads
    # contiguous operands; then the columns of the half-height result.
    v = xb.reshape(len(xb), xb.shape[1] // 2, 2, xb.shape[2])
    even, odd = planes2d.columns(np.maximum(v[:, :, 1], v[:, :, 0]))
    y = np.maximum(odd, even, out=even)
    return _repair(xb, y, 2, 0)


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
    even, odd = planes2d.columns(rows)
    y = planes2d.after_previous(np.maximum(odd, even, out=even), odd)
    return _repair(xb, y, 3, 1)


def max_kernel(x, geom):
    """The values of max pooling (no indices), or None for the general path."""
    step = planes2d.step(x, geom, _max_k2s2, _max_k3s2p1)
    if step is None:
        return None
    return lambda x: planes2d.blocks(x, geom.out_size, step)


def _first_match(terms, y, masks=()):
    """Number (0-based, in order) of the first of ``terms`` equal to ``y``, per position.

    That is the selected element: the first maximum, the first zero of the
    sign ``y`` carries, or (where ``y`` is NaN) the first NaN.  Each match
    gets the weight ``len(terms) - number`` and a running maximum of small
    integers keeps the largest, i.e. the first; no masked assignment.
    ``masks[number]``, if given and not None, marks where that term is real.
    """
    count = len(terms)
    nan_y = np.isnan(y) if y.dtype.kind == "f" else None
    if nan_y is not None and not nan_y.any():
        nan_y = None
    weight = np.zeros(y.shape, dtype=np.uint8)
    for number, term in enumerate(terms):
        match = term == y
        if nan_y is not None:
            match |= np.isnan(term) & nan_y
        if masks and masks[number] is not None:
            match &= masks[number]
        np.maximum(weight, match.view(np.uint8) * np.uint8(count - number), out=weight)
    return count - weight.astype(np.int8)


def _max_backward_k2s2(xb, dyb):
    # Windows do not overlap: each element gets +0.0 + dy of its window if
    # it is the selected one, +0.0 otherwise, written plane by plane (no
    # scatter).  The selected element is the first of x00, x01, x10, x11
    # equal to the result (NaN: the first NaN); one of them always is, so
    # x11 is selected exactly where none of the first three is.  Each term
    # is read once, so strided views cost less than copies first.
    y = _max_k2s2(xb)
    nan_y = np.isnan(y) if y.dtype.kind == "f" else None
    if nan_y is not None and not nan_y.any():
        nan_y = None

    def matches(r, c):
        v = xb[:, r::2, c::2]
        found = v == y
        if nan_y is not None:
            found |= np.isnan(v) & nan_y
        return found

    first, second, third = matches(0, 0), matches(0, 1), matches(1, 0)
    second &= ~first
    before = first | second
    third &= ~before
    fourth = ~(before | third)
    share = dyb + dyb.dtype.type(0)
    dx = np.empty(xb.shape, dtype=xb.dtype)
    for chosen, (r, c) in zip((first, second, third, fourth), [(0, 0), (0, 1), (1, 0), (1, 1)],
                              strict=True):
        dx[:, r::2, c::2] = keep_where(share, chosen)
    return dx


def _max_backward_k3s2p1(xb, dyb):
    # The selected offset of every window, from its nine terms on the padded
    # quarter planes (shifted views, as in ``_avg_k3s2p1``; the padding row
    # and column never match), then each input parity class gathers the
    # shares of the outputs that selected it, in ascending output order, as
    # ``_avg_backward_k3s2p1`` does for averages.
    y = _max_k3s2p1(xb)
    q = planes2d.quarters(xb, True)
    p, oh, ow = y.shape
    terms, masks = [], []
    real_row = np.ones((oh, 1), dtype=bool)
    real_row[0] = False
    real_col = np.ones((1, ow), dtype=bool)
    real_col[0, 0] = False
    for i, (row_parity, row_shift) in enumerate([(1, 0), (0, 1), (1, 1)]):
        for j, (col_parity, col_shift) in enumerate([(1, 0), (0, 1), (1, 1)]):
            plane = q[row_parity, col_parity]
            terms.append(plane[:, row_shift:row_shift + oh, col_shift:col_shift + ow])
            mask = None
            if i == 0 and j == 0:
                mask = real_row & real_col
            elif i == 0:
                mask = real_row
            elif j == 0:
                mask = real_col
            masks.append(mask)
    chosen = _first_match(terms, y, masks)
    w = ow + 1
    n = p * (oh + 1) * w
    padded = np.zeros(n + w + 1, dtype=xb.dtype)
    grid = padded[:n].reshape(p, oh + 1, w)
    picked = np.full(n + w + 1, -1, dtype=np.int8)
    picked[:n].reshape(p, oh + 1, w)[:, :oh, :ow] = chosen
    grid[:, :oh, :ow] = dyb

    def share(shift, number):
        # Output (m, n) shifted, where it selected offset ``number``, else +0.0.
        return keep_where(padded[shift:shift + n], picked[shift:shift + n] == number)

    zero = xb.dtype.type(0)
    classes = {
        (0, 0): share(0, 4) + zero,
        (0, 1): share(0, 5) + share(1, 3),
        (1, 0): share(0, 7) + share(w, 1),
        (1, 1): share(0, 8) + share(1, 6),
    }
    classes[1, 1] += share(w, 2)
    classes[1, 1] += share(w + 1, 0)
    dx = np.empty(xb.shape, dtype=xb.dtype)
    for (r, c), total in classes.items():
        total += zero
        dx[:, r::2, c::2] = total.reshape(p, oh + 1, w)[:, :oh, :ow]
    return dx


def max_backward_kernel(x, geom):
    """``kernel(dy, x)``: ``dx`` of max pooling, or None for the general path."""
    step = planes2d.step(x, geom, _max_backward_k2s2, _max_backward_k3s2p1)
    if step is None:
        return None
    return lambda dy, x: planes2d.blocks(x, geom.in_size, step, dy)
