"""Lp pooling, forward and backward (SPEC.md, "Lp pooling").

``y = (sum over the window of |x|^p)^(1/p)``, ONNX's ``LpPool``: the norm of
the window, padding absent.  public function -> checks (``prologue.prepare``
with a window of dilation 1, then ``p``, then ``dy``) -> ``ranges`` -> kernel
(``range_fast`` or ``range_naive``), with the arithmetic of ``lp_math``.
"""

import numbers

import numpy as np

from . import arrays, range_fast, range_naive
from .errors import PoolingError
from .prologue import prepare
from .ranges import geometry_windows

KERNELS = {"fast": range_fast, "naive": range_naive}
LARGEST_P = 2**31 - 1

# Said when an integer x arrives.
INTEGER_LP = "an Lp norm needs floating point, and a gradient needs floats"


def norm_order(p, dtype, fname):
    """``p`` as a scalar of ``dtype``: a real number in ``[1, 2^31 - 1]`` (``inf`` refused)."""
    ok = isinstance(p, (numbers.Real, np.integer, np.floating)) and not isinstance(
        p, (bool, np.bool_)
    )
    if not ok or not np.isfinite(p) or not 1 <= p <= LARGEST_P:
        raise PoolingError(
            "pooling:badOption",
            f"{fname}: p must be a real number in [1, 2^31 - 1] (p = inf, the max of |x|, "
            f"is not supported: use max_pool of abs(x)); got {p!r}",
        )
    return dtype.type(p)


def _prepare(fname, x, p, window, method, unknown, dy=None, backward=False):
    call = prepare(fname, x, method, unknown, window=window, why_not_integers=INTEGER_LP)
    pp = norm_order(p, call.x.dtype, fname)
    if backward:
        dy = arrays.native(arrays.as_gradient(dy, call.x.shape[:2] + call.geom.out_size,
                                              call.x.dtype, fname))
    return KERNELS[method], call.x, geometry_windows(call.geom), pp, dy


def lp_pool(x, p, kernel_size, stride=None, padding=0, ceil_mode=False, *, method="fast",
            **unknown):
    """Lp pooling: the p-norm of each window, ``(sum |x|^p)^(1/p)``.

    Parameters
    ----------
    x : array_like, shape (N, C, *spatial), 1 to 3 spatial axes, float32 or float64
    p : int or float
        The norm's order, a real number in ``[1, 2^31 - 1]``; computed in
        ``x``'s dtype.  Results are exact and identical in every language for
        p = 1 (``|x|``, plain sums) and p = 2 (``x*x``, ``sqrt``); other p
        use ``pow`` (SPEC.md, "Lp pooling").
    kernel_size, stride, padding, ceil_mode
        As for ``max_pool`` (no dilation).  Padding is absent, never a value.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    y : ndarray, shape (N, C, *out_spatial), dtype of ``x``
        The output size formula of ``max_pool`` with dilation 1.
    """
    kernels, x, w, pp, _ = _prepare("lp_pool", x, p, (kernel_size, stride, padding, 1,
                                                      ceil_mode), method, unknown)
    with np.errstate(all="ignore"):
        return kernels.lp_pool(x, w, pp)


def lp_pool_backward(dy, x, p, kernel_size, stride=None, padding=0, ceil_mode=False, *,
                     method="fast", **unknown):
    """Gradient of ``lp_pool``: ``sign(x) * |x|^(p-1) * (dy / norm^(p-1))`` per element.

    ``dy`` has ``lp_pool``'s output shape and ``x``'s dtype.  ``dx`` starts at
    ``+0.0``; outputs in ascending row-major order add their share to each
    element of their window.  Where ``x`` is zero or the window's norm is
    zero the share is ``+0.0``; where ``x`` is NaN it is NaN.
    """
    kernels, x, w, pp, dy = _prepare("lp_pool_backward", x, p, (kernel_size, stride, padding, 1,
                                                                ceil_mode), method, unknown,
                                     dy=dy, backward=True)
    with np.errstate(all="ignore"):
        return kernels.lp_pool_backward(dy, x, w, pp)
