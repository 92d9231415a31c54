"""Average pooling, forward and backward (SPEC.md, "Average pooling")."""

from .prologue import prepare


def avg_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             count_include_pad=True, divisor_override=None, *, method="fast", **unknown):
    """Average pooling over the trailing spatial axes of ``x``.

    Parameters
    ----------
    x : array_like, shape (N, C, *spatial), 1 to 3 spatial axes, float32 or float64
    kernel_size, stride, padding, dilation, ceil_mode
        As for ``max_pool``: window extent, step (default ``kernel_size``),
        padding (int, per axis, (before, after) pairs, ``"valid"`` or
        ``"same"``), dilation, and ceil rounding of the output size.
    count_include_pad : bool, default True
        Count padded positions in the divisor. The ceil-mode overhang past
        the right padding is never counted (PyTorch's rule).
    divisor_override : int, optional
        A positive integer that replaces every window's divisor.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    y : ndarray, shape (N, C, *out_spatial), same dtype as ``x``
        Each window's real elements added, from ``+0.0``, in row-major window
        order in ``x``'s dtype, then divided once by the divisor. Output size
        as for ``max_pool``.

    Examples
    --------
    >>> import numpy as np, pooling
    >>> x = np.array([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
    >>> pooling.avg_pool(x, 2, padding=1).tolist()
    [[[0.5, 2.5, 4.5]]]
    >>> pooling.avg_pool(x, 2, padding=1, count_include_pad=False).tolist()
    [[[1.0, 2.5, 4.5]]]
    """
    call = prepare("avg_pool", x, method, unknown,
                   window=(kernel_size, stride, padding, dilation, ceil_mode),
                   options={"count_include_pad": count_include_pad,
                            "divisor_override": divisor_override})
    return call.run("avg_pool")


def avg_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                      count_include_pad=True, divisor_override=None, *, method="fast",
                      **unknown):
    """Gradient of ``avg_pool`` with respect to ``x``.

    Parameters
    ----------
    dy : array_like, shape (N, C, *out_spatial), same dtype as ``x``
    x : array_like, shape (N, C, *spatial), float32 or float64
    kernel_size, stride, padding, dilation, ceil_mode, count_include_pad, divisor_override, method
        As for ``avg_pool``.

    Returns
    -------
    dx : ndarray, shape and dtype of ``x``
        Starts at ``+0.0``; output positions in ascending row-major order
        each add ``dy / divisor`` (one division per output) to every real
        element of their window.
    """
    call = prepare("avg_pool_backward", x, method, unknown, dy=dy,
                   window=(kernel_size, stride, padding, dilation, ceil_mode),
                   options={"count_include_pad": count_include_pad,
                            "divisor_override": divisor_override})
    return call.run("avg_pool_backward")
