"""Global max and average pooling: one window over every spatial axis (SPEC.md, section 9)."""

from .prologue import WHOLE, prepare


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
    call = prepare("global_max_pool", x, method, unknown, integers=True, window=WHOLE,
                   options={"return_indices": return_indices})
    y, indices = call.run("global_max_pool")
    return (y, indices) if call.options["return_indices"] else y


def global_max_pool_backward(dy, x, *, method="fast", **unknown):
    """Gradient of ``global_max_pool``: each ``dy`` to its plane's selected element.

    ``dy`` has shape (N, C, 1, ...) and ``x``'s dtype (float32 or float64);
    returns ``dx`` shaped like ``x``.
    """
    call = prepare("global_max_pool_backward", x, method, unknown, window=WHOLE, dy=dy)
    return call.run("global_max_pool_backward")


def global_avg_pool(x, *, method="fast", **unknown):
    """Mean of each (n, c) plane: a row-major sum from ``+0.0``, one division.

    ``x`` has shape (N, C, *spatial), float32 or float64; returns ``y`` of shape
    (N, C, 1, ...) in ``x``'s dtype.
    """
    call = prepare("global_avg_pool", x, method, unknown, window=WHOLE)
    return call.run("global_avg_pool")


def global_avg_pool_backward(dy, x, *, method="fast", **unknown):
    """Gradient of ``global_avg_pool``: ``dy / size`` added to every element of the plane."""
    call = prepare("global_avg_pool_backward", x, method, unknown, window=WHOLE, dy=dy)
    return call.run("global_avg_pool_backward")
