"""Max pooling, forward and backward (SPEC.md, sections 5 to 7)."""

import numpy as np

from .arrays import as_max_indices
from .prologue import prepare


def max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             return_indices=False, *, method="fast", **unknown):
    """Max pooling over the trailing spatial axes of ``x``.

    Parameters
    ----------
    x : array_like, shape (N, C, *spatial), 1 to 3 spatial axes
        float32, float64, or an integer dtype (int8 ... uint64).
    kernel_size : int or sequence of int
        Window extent ``k`` per spatial axis (an int applies to every axis).
    stride : int or sequence of int, optional
        Step ``s`` between windows; defaults to ``kernel_size``.
    padding : int, sequence of int, sequence of (before, after) pairs, or str, default 0
        Padding per axis. Padded positions are absent: never compared, never
        selected. Each pad must lie in ``[0, e - 1]``, ``e = dilation*(k-1)+1``.
        ``"valid"`` is 0; ``"same"`` pads for ``ceil(in / stride)`` outputs,
        the extra element at the end (SPEC.md, "Padding strings").
    dilation : int or sequence of int, default 1
        Spacing ``d`` between the window's elements.
    ceil_mode : bool, default False
        Round the output size up; a last window that would start past the
        input and its left padding is dropped.
    return_indices : bool, default False
        Also return the indices of the selected elements.
    method : {"fast", "naive"}, default "fast"
        ``"naive"`` runs the chapter's loops; both give identical bits.

    Returns
    -------
    y : ndarray, shape (N, C, *out_spatial), same dtype as ``x``
        ``out = floor((in + pad_before + pad_after - e) / s) + 1`` (``ceil``
        with ``ceil_mode``; SPEC.md, "Output size").  Each element is the
        first maximum of its window in row-major order; NaN propagates (the
        first NaN wins); ``-0.0`` before ``+0.0`` stays ``-0.0``.
    indices : ndarray of int64, shape of ``y`` (only with ``return_indices``)
        Row-major flat index of each selected element within its (n, c)
        spatial plane, 0-based, padding not counted (PyTorch's convention).

    Raises
    ------
    PoolingError
        With an ``identifier`` from SPEC.md, "Errors".

    Examples
    --------
    >>> import numpy as np, pooling
    >>> x = np.array([[[[1., 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]]])
    >>> y, idx = pooling.max_pool(x, 2, return_indices=True)
    >>> y[0, 0].tolist(), idx[0, 0].tolist()
    ([[6.0, 8.0], [3.0, 4.0]], [[5, 7], [8, 15]])
    """
    call = prepare("max_pool", x, method, unknown, integers=True,
                   window=(kernel_size, stride, padding, dilation, ceil_mode),
                   options={"return_indices": return_indices})
    y, indices = call.run("max_pool")
    return (y, indices) if call.options["return_indices"] else y


def max_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1,
                      ceil_mode=False, *, indices=None, method="fast", **unknown):
    """Gradient of ``max_pool`` with respect to ``x``.

    Parameters
    ----------
    dy : array_like, shape (N, C, *out_spatial), same dtype as ``x``
        Upstream gradient, shaped like ``max_pool``'s output.
    x : array_like, shape (N, C, *spatial), float32 or float64
        The forward input; the selection is recomputed from it unless
        ``indices`` is given.  Integer inputs are refused: their gradient is
        not defined.
    kernel_size, stride, padding, dilation, ceil_mode, method
        As for ``max_pool``.
    indices : integer array_like, shape of ``dy``, optional
        The indices ``max_pool(x, ..., return_indices=True)`` returned for
        this ``x`` and these parameters.  Given, the selection is not
        recomputed: ``dx`` comes from the indices, bit-identical to
        recomputing (the same order of additions).  Each index must lie in
        ``[0, plane)`` and name an element its own output's window covers;
        whether it is that window's maximum is not checked: the gradient
        goes where the indices say.

    Returns
    -------
    dx : ndarray, shape and dtype of ``x``
        Starts at ``+0.0``; output positions, in ascending row-major order,
        each add their ``dy`` to the one element they selected (SPEC.md,
        "Max pooling backward").  Overlapping windows accumulate.

    Raises
    ------
    PoolingError
        ``pooling:badGradient`` when ``dy`` has the wrong shape or dtype,
        ``pooling:badIndices`` when ``indices`` is not an integer array of
        ``dy``'s shape, or an index is outside the plane or its own window,
        and every identifier ``max_pool`` raises.

    Examples
    --------
    >>> import numpy as np, pooling
    >>> x = np.array([[[1., 3, 2, 3, 0]]])
    >>> y, idx = pooling.max_pool(x, 3, stride=1, return_indices=True)
    >>> idx.tolist()
    [[[1, 1, 3]]]
    >>> pooling.max_pool_backward(np.ones_like(y), x, 3, stride=1, indices=idx).tolist()
    [[[0.0, 2.0, 0.0, 1.0, 0.0]]]
    """
    fname = "max_pool_backward"
    call = prepare(fname, x, method, unknown, dy=dy,
                   window=(kernel_size, stride, padding, dilation, ceil_mode))
    if indices is None:
        return call.run("max_pool_backward")
    indices = as_max_indices(indices, call.geom, call.dy.shape, fname)
    # Inf - Inf is NaN here by design, not a warning.
    with np.errstate(all="ignore"):
        return call.impl.max_pool_backward_from_indices(call.dy, indices, call.x.shape)
