"""Adaptive max and average pooling, forward and backward (SPEC.md, "Adaptive pooling").

The caller gives the output size; window ``i`` of an axis of input length
``L`` and output length ``O`` covers ``[floor(i*L/O), ceil((i+1)*L/O))``, so
windows differ in size and may overlap.  public function -> checks
(``prologue.prepare``, ``output_size``, ``dy``) -> ``ranges`` -> kernel
(``range_fast`` or ``range_naive``).
"""

import numpy as np

from . import arrays, range_fast, range_naive
from .parameters import per_axis
from .prologue import prepare
from .ranges import adaptive_windows

KERNELS = {"fast": range_fast, "naive": range_naive}


def _prepare(fname, x, output_size, method, unknown, dy=None, backward=False, options=None):
    """Check ``x``, options, ``output_size``, the output's count, ``dy``: SPEC.md's order."""
    call = prepare(fname, x, method, unknown, integers=fname == "adaptive_max_pool",
                   options=options)
    x = call.x
    out = per_axis(output_size, x.ndim - 2, "output_size", "pooling:badOutputSize", fname)
    # The output's element count, before the windows or the output are allocated.
    arrays.check_count(x.shape[:2] + out, "the output", fname)
    windows = adaptive_windows(x.shape[2:], out)
    if backward:
        dy = arrays.native(arrays.as_gradient(dy, x.shape[:2] + out, x.dtype, fname))
    return call, KERNELS[method], x, windows, dy


def adaptive_max_pool(x, output_size, return_indices=False, *, method="fast", **unknown):
    """Adaptive max pooling: ``output_size`` windows per axis, uneven and possibly overlapping.

    Parameters
    ----------
    x : array_like, shape (N, C, *spatial), 1 to 3 spatial axes
        float32, float64 or an integer dtype (int8 ... uint64).
    output_size : int or sequence of int
        Output length ``O`` per spatial axis, each >= 1 (larger than the input
        is allowed: windows of one element repeat).
    return_indices : bool, default False
        Also return the row-major flat index of each selected element within
        its (n, c) plane, 0-based.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    y : ndarray, shape (N, C, *output_size), dtype of ``x``
        Window ``i`` of an axis of length ``L`` covers ``[floor(i*L/O),
        ceil((i+1)*L/O))``; each value is chosen by max pooling's selection
        rule (first maximum in row-major order, the first NaN wins).
    indices : ndarray of int64, shape of ``y`` (only with ``return_indices``)
    """
    call, kernels, x, w, _ = _prepare("adaptive_max_pool", x, output_size, method, unknown,
                                      options={"return_indices": return_indices})
    with np.errstate(all="ignore"):
        y, indices = kernels.max_pool(x, w)
    return (y, indices) if call.options["return_indices"] else y


def adaptive_max_pool_backward(dy, x, output_size, *, method="fast", **unknown):
    """Gradient of ``adaptive_max_pool``: each ``dy`` to its selected element.

    ``dy`` has shape (N, C, *output_size) and ``x``'s dtype (float32 or
    float64).  ``dx`` starts at ``+0.0``; outputs in ascending row-major
    order add their ``dy`` to the element they selected, so overlapping
    windows accumulate in that order.
    """
    _, kernels, x, w, dy = _prepare("adaptive_max_pool_backward", x, output_size, method,
                                    unknown, dy=dy, backward=True)
    with np.errstate(all="ignore"):
        return kernels.max_pool_backward(dy, x, w)


def adaptive_avg_pool(x, output_size, *, method="fast", **unknown):
    """Adaptive average pooling: each window's mean, over its own element count.

    ``x`` has shape (N, C, *spatial), float32 or float64; ``y`` has shape
    (N, C, *output_size).  Each window is summed from ``+0.0`` in row-major
    order and divided once by its own number of elements (SPEC.md).
    """
    _, kernels, x, w, _ = _prepare("adaptive_avg_pool", x, output_size, method, unknown)
    with np.errstate(all="ignore"):
        return kernels.avg_pool(x, w)


def adaptive_avg_pool_backward(dy, x, output_size, *, method="fast", **unknown):
    """Gradient of ``adaptive_avg_pool``: ``dy / count`` added to every element of the window.

    Outputs in ascending row-major order, each one division, accumulating
    from ``+0.0`` where windows overlap.
    """
    _, kernels, x, w, dy = _prepare("adaptive_avg_pool_backward", x, output_size, method,
                                    unknown, dy=dy, backward=True)
    with np.errstate(all="ignore"):
        return kernels.avg_pool_backward(dy, x, w)
