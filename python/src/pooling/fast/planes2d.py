"""Faster kernels for the two most common 2-D geometries, same bits as the naive loops.

``2x2 stride 2`` and ``3x3 stride 2 padding 1`` on planes of even height and
width (``H = 2*OH``, ``W = 2*OW``, floor mode, no dilation).  What makes the
general kernels slow there is not arithmetic but strided operands: a ufunc
over two stride-2 views costs several copies of its output, over contiguous
rows a fraction of one.  So these kernels read ``x`` through views whose
inner axis is contiguous (even and odd *rows* of a plane are whole rows) and
work through the planes in cache-sized blocks.  Each kernel says why its
order of operations gives SPEC.md's bits.  This module holds what they
share; ``max2d`` and ``avg2d`` hold the kernels, and their ``*_kernel(x,
geom)`` return the kernel for ``x`` and ``geom``, or None when the general
path must serve.
"""

import numpy as np

# Planes per block: intermediate arrays of a block stay in cache.
BLOCK_BYTES = 1 << 20


def kind(x, geom):
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


def step(x, geom, k2s2, k3s2p1):
    """``k2s2`` or ``k3s2p1``, whichever ``kind(x, geom)`` names, or None."""
    return {"k2s2": k2s2, "k3s2p1": k3s2p1}.get(kind(x, geom))


def blocks(x, out_spatial, kernel, *more, dtype=None):
    """``kernel`` on blocks of (P, H, W) planes of ``x`` (and of ``more``), gathered."""
    planes = x.shape[0] * x.shape[1]
    flat = [np.ascontiguousarray(a).reshape((planes,) + a.shape[2:]) for a in (x, *more)]
    out = np.empty((planes,) + tuple(out_spatial), dtype=dtype or x.dtype)
    per = max(1, BLOCK_BYTES // max(1, flat[0][:1].nbytes))
    for start in range(0, planes, per):
        block = slice(start, start + per)
        out[block] = kernel(*(a[block] for a in flat))
    return out.reshape(x.shape[:2] + tuple(out_spatial))

def quarters(xb, pad_top_left):
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


def columns(r):
    """Even and odd columns of ``r`` as contiguous arrays (one strided read each)."""
    return np.ascontiguousarray(r[..., ::2]), np.ascontiguousarray(r[..., 1::2])


def after_previous(best, previous):
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
