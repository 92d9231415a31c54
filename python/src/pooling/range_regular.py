"""Adaptive average and Lp pooling on regular windows, through ``phase_layout``.

The fast path's kernels for windows of one size and stride per axis (Lp
windows, and adaptive windows where each input length is a multiple of its
output length or that overlap evenly, such as 4 -> 3), except where the
layout does not pay: huge kernels or paddings, and overlapping windows of
more than ``phase_layout.MAX_OFFSETS`` offsets (``phase_layout.regular``).
``x`` and ``dy`` have shape (N, C, *spatial) and a float dtype; ``form`` is
``phase_layout.regular`` of the call's windows.  Each block of (n, c) planes
is copied once into the phase layout, where every window offset is one run of
whole rows; each kernel says why its order of operations gives SPEC.md's bits.
"""

import numpy as np

from . import lp_math
from .fast.common import by_blocks
from .phase_layout import from_phases, planes_first, planes_last, scatter, to_phases, window_sums

# Planes per block: a block's layout and intermediates stay in cache
# (measured on the benchmark's cases, 2^19 to 2^21 bytes are alike).
BLOCK_BYTES = 1 << 20


def _blocks(kernel, x, out_spatial, *more):
    return by_blocks(kernel, x, out_spatial, *more, block_bytes=BLOCK_BYTES)


def avg_pool(x, form):
    """Each window's sum (``window_sums``), then one division by its element count.

    Returns (N, C, *out_size); every window of ``form`` has the same count.
    """
    count = x.dtype.type(int(np.prod(form.kernel)))

    def block(xb):
        total = window_sums(to_phases(xb, form), form)
        return planes_first(np.divide(total, count, out=total))

    return _blocks(block, x, form.out_size)


def avg_pool_backward(dy, x, form):
    """``dy / count`` added to every element of its window, outputs in ascending order.

    Where the windows tile the input, each element gets one share, ``+0.0 +
    dy / count``, repeated over its window without arithmetic.
    """
    g = dy / x.dtype.type(int(np.prod(form.kernel)))
    if form.tiling:
        share = g + x.dtype.type(0)
        for a, k in enumerate(form.kernel):
            share = share.repeat(k, axis=2 + a)
        return share

    def block(xb, gb):
        shares = planes_last(gb)
        shape = form.phases + form.rows + (xb.shape[0],)
        return from_phases(scatter(lambda *_: shares, shape, form, x.dtype), form)

    return _blocks(block, x, form.in_size, g)


def _norms(xs, form, p):
    """The windows' norms, ``(*out_size, B)``, from the phase layout ``xs`` of x.

    For an even integer p, ``power`` squares before its first product, so
    ``power(x, p)`` is ``power(|x|, p)`` but for a NaN's sign (not pinned):
    the pass of ``abs`` is left out.
    """
    even = lp_math.is_integer(p) and int(p) % 2 == 0
    return lp_math.root(window_sums(lp_math.power(xs if even else np.abs(xs), p), form), p)


def lp_pool(x, form, p):
    """``root`` of each window's row-major sum of ``power(|x|, p)`` (see ``lp_math``).

    Absent positions hold ``+0.0``, whose power is ``+0.0``: it leaves the sum as it is.
    """
    return _blocks(lambda xb: planes_first(_norms(to_phases(xb, form), form, p)), x,
                   form.out_size)


def lp_pool_backward(dy, x, form, p):
    """``lp_math.gradient`` of each element in each window, added in ascending output order.

    The gradient's pinned cases leave the loop over offsets.  A NaN result's
    payload and sign are not pinned (SPEC.md), so the sign goes into the
    first factor, ``copysign(power(|x|, p - 1), x)`` (just ``x`` for p = 2):
    for every other result rounding is symmetric in sign.  Where x is NaN,
    every share is NaN, as pinned.  A window of norm 0 holds only ``|x| <
    1``, whose first factor is finite, so the window's factor ``+0.0`` gives
    shares of +-0.0, which leave a sum from +0.0 unchanged, as the pinned
    +0.0 does.  Where x is 0, the first factor is +-0.0 (p > 1), so with
    finite factors its sum is +0.0 as pinned; otherwise it is set afterwards.
    """
    q = p - p.dtype.type(1)

    def block(xb, dyb):
        xs = to_phases(xb, form)
        norm = _norms(xs, form, p)
        f = lp_math.factor(planes_last(dyb), norm, p)
        f = np.where(norm == 0, x.dtype.type(0), f)
        signed = xs if q == 1 else np.copysign(lp_math.power(np.abs(xs), q), xs)
        if q == 0:
            signed[np.isnan(xs)] = np.nan  # power(NaN, 0) is 1
        share = np.empty_like(f)
        d = scatter(lambda phase, box: np.multiply(signed[phase + box], f, out=share),
                    xs.shape, form, x.dtype)
        if q == 0 or not np.isfinite(f).all():
            d[xs == 0] = 0
        return from_phases(d, form)

    return _blocks(block, x, form.in_size, dy)
