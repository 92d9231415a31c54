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


def _max_k2s2(xb):
    # Rows first: pairs of whole rows are contiguous, so the step reads
    # contiguous operands; then the columns of the half-height result.
    v = xb.reshape(len(xb), xb.shape[1] // 2, 2, xb.shape[2])
    r = np.maximum(v[:, :, 1], v[:, :, 0])
    y = np.maximum(r[..., 1::2], r[..., ::2])
    return _repair(xb, y, 2, 0)


def _max_k3s2p1(xb):
    # Window o covers rows 2o-1, 2o, 2o+1: the odd row before, then the pair
    # (2o, 2o+1); row -1 is padding (absent).  Same for the columns.
    v = xb.reshape(len(xb), xb.shape[1] // 2, 2, xb.shape[2])
    r = np.maximum(v[:, :, 1], v[:, :, 0])
    np.maximum(r[:, 1:], v[:, :-1, 1], out=r[:, 1:])
    y = np.maximum(r[..., 1::2], r[..., ::2])
    np.maximum(y[..., 1:], r[..., 1:-1:2], out=y[..., 1:])
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


def avg_kernel(x, geom):
    return None


def avg_backward_kernel(x, geom):
    return None
