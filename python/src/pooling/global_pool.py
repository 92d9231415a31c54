"""Global max and average pooling: one window over every spatial axis (SPEC.md, section 9)."""

import numpy as np

from . import validation
from .geometry import resolve
from .validation import implementation, native


def _whole(x, fname):
    """The geometry of one window covering the whole spatial extent."""
    return resolve(x.shape[2:], x.shape[2:], None, 0, 1, False, fname)


def global_max_pool(x, return_indices=False, *, method="fast", **unknown):
    """Largest element of each (n, c) plane, by the selection rule of ``max_pool``.

    Parameters
    ----------
    x : array_like, shape (N, C, *spatial), 1 to 3 spatial axes, float or integer dtype
    return_indices : bool, default False
        Also return the row-major flat index of each selected element.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    y : ndarray, shape (N, C, 1, ...), one 1 per spatial axis, dtype of ``x``
    indices : ndarray of int64, shape of ``y`` (only with ``return_indices``)
    """
    fname = "global_max_pool"
    x = validation.as_input(x, fname, integers=True)
    validation.no_unknown_options(unknown, fname)
    return_indices = validation.flag(return_indices, "return_indices", fname)
    impl = implementation(method, fname)
    y, indices = impl.global_max_pool(native(x), _whole(x, fname), return_indices)
    return (y, indices) if return_indices else y


def global_max_pool_backward(dy, x, *, method="fast", **unknown):
    """Gradient of ``global_max_pool``: each ``dy`` to its plane's selected element.

    ``dy`` has shape (N, C, 1, ...) and ``x``'s dtype (float32 or float64);
    returns ``dx`` shaped like ``x``.
    """
    fname = "global_max_pool_backward"
    x = validation.as_input(x, fname)
    validation.no_unknown_options(unknown, fname)
    impl = implementation(method, fname)
    geom = _whole(x, fname)
    x = native(x)
    dy = validation.as_gradient(dy, x.shape[:2] + geom.out_size, x.dtype, fname)
    with np.errstate(all="ignore"):
        return impl.global_max_pool_backward(native(dy), x, geom)


def global_avg_pool(x, *, method="fast", **unknown):
    """Mean of each (n, c) plane: a row-major sum from ``+0.0``, one division.

    ``x`` has shape (N, C, *spatial), float32 or float64; returns ``y`` of shape
    (N, C, 1, ...) in ``x``'s dtype.
    """
    fname = "global_avg_pool"
    x = validation.as_input(x, fname)
    validation.no_unknown_options(unknown, fname)
    impl = implementation(method, fname)
    with np.errstate(all="ignore"):
        return impl.global_avg_pool(native(x), _whole(x, fname))


def global_avg_pool_backward(dy, x, *, method="fast", **unknown):
    """Gradient of ``global_avg_pool``: ``dy / size`` added to every element of the plane."""
    fname = "global_avg_pool_backward"
    x = validation.as_input(x, fname)
    validation.no_unknown_options(unknown, fname)
    impl = implementation(method, fname)
    geom = _whole(x, fname)
    x = native(x)
    dy = validation.as_gradient(dy, x.shape[:2] + geom.out_size, x.dtype, fname)
    with np.errstate(all="ignore"):
        return impl.global_avg_pool_backward(native(dy), x, geom)
