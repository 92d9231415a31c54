"""Max unpooling and its true derivative (SPEC.md, "Max unpooling")."""

import numpy as np

from .arrays import as_indices, check_count
from .errors import PoolingError
from .parameters import LARGEST, _flat_items, _is_int, per_axis
from .prologue import prepare

# max_unpool accepts integer y, so an integer dz looks natural; say why it is not.
INTEGER_DZ = "dz is a gradient, and gradients must be float32 or float64"


def _check_range(indices, plane_size, fname):
    if indices.size and (indices.min() < 0 or indices.max() >= plane_size):
        bad = indices[(indices < 0) | (indices >= plane_size)].flat[0]
        raise PoolingError(
            "pooling:badIndices",
            f"{fname}: indices must lie in [0, {plane_size}), the flat row-major positions "
            f"of one (n, c) plane of the output; got {int(bad)}",
        )


def _given_size(output_size, y, fname):
    """``output_size`` as ``r`` spatial sizes; the full ``(N, C, *spatial)`` must match ``y``."""
    r = y.ndim - 2
    items = None if _is_int(output_size) else _flat_items(output_size)
    if items is not None and len(items) == r + 2:
        wrong = [
            f"{label} = {items[i]!r} where y has {label} = {y.shape[i]}"
            for i, label in enumerate(("N", "C"))
            if not _is_int(items[i]) or items[i] != y.shape[i]
        ]
        if wrong:
            raise PoolingError(
                "pooling:badOutputSize",
                f"{fname}: output_size given in full, (N, C, *spatial), must have y's N and C; "
                f"got {output_size!r}: {' and '.join(wrong)} (or give the spatial size alone, "
                f"{r} value(s))",
            )
        output_size = items[2:]
    return per_axis(output_size, r, "output_size", "pooling:badOutputSize", fname)


def _inferred_size(y, k, s, p, fname):
    """PyTorch's default output size, ``(out - 1)*stride - 2*padding + kernel_size`` per axis."""
    sizes = tuple((y.shape[2 + a] - 1) * s[a] - 2 * p[a] + k[a] for a in range(len(k)))
    for axis, n in enumerate(sizes):
        if not 1 <= n <= LARGEST:
            raise PoolingError(
                "pooling:badOutputSize",
                f"{fname}: the output size inferred on spatial axis {axis}, (out - 1)*stride - "
                f"2*padding + kernel_size = ({y.shape[2 + axis]} - 1)*{s[axis]} - 2*{p[axis]} + "
                f"{k[axis]} = {n}, must lie in [1, 2^31 - 1]; pass output_size instead, or a "
                f"smaller padding",
            )
    return sizes


def max_unpool(y, indices, output_size=None, kernel_size=None, stride=None, padding=0, *,
               method="fast", **unknown):
    """Place each pooled value back at its index; everything else is zero.

    Parameters
    ----------
    y : array_like, shape (N, C, *out_spatial), float or integer dtype
        Pooled values, e.g. ``max_pool``'s output.
    indices : integer array_like, shape of ``y``
        Row-major flat index of each value within its (n, c) plane of the
        result, 0-based (``max_pool(..., return_indices=True)``'s form).
    output_size : int or sequence of int, optional
        Size of the result: its spatial size (an int or ``r`` ints, the size
        of the input that was pooled) or its full shape ``(N, C, *spatial)``
        (e.g. ``x.shape``), whose N and C must be ``y``'s. When given, it is
        the size, as in PyTorch, and ``kernel_size``, ``stride`` and
        ``padding`` are only checked.
    kernel_size : int or sequence of int, optional
        With ``output_size`` omitted, the pooling's kernel size, from which
        the spatial size is inferred as PyTorch's ``max_unpool`` does:
        ``(out - 1)*stride - 2*padding + kernel_size`` per axis. One of
        ``output_size`` and ``kernel_size`` is required.
    stride : int or sequence of int, optional
        Default ``kernel_size``.
    padding : int or sequence of int, default 0
        Symmetric pad per spatial axis, as given to the pooling.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    z : ndarray, shape (N, C, *output_size), dtype of ``y``
        Zeros, with ``z[n, c].flat[indices[n, c, o]] = y[n, c, o]`` for output
        positions ``o`` in ascending row-major order: where two positions
        share an index, the later one's value stays.

    Raises ``PoolingError`` in SPEC.md's order: ``y``, options,
    ``output_size`` when given (``pooling:badOutputSize``), kernel size,
    stride, padding, the inferred size (``pooling:badOutputSize``, also when
    both ``output_size`` and ``kernel_size`` are omitted), ``z``'s element
    count (``pooling:tooLarge``), indices.
    """
    fname = "max_unpool"
    call = prepare(fname, y, method, unknown, name="y", integers=True)
    y = call.x
    r = y.ndim - 2
    out_size = k = s = None
    if output_size is not None:
        out_size = _given_size(output_size, y, fname)
    if kernel_size is not None:
        k = per_axis(kernel_size, r, "kernel_size", "pooling:badKernel", fname)
    if stride is not None:
        s = per_axis(stride, r, "stride", "pooling:badStride", fname)
    p = per_axis(padding, r, "padding", "pooling:badPadding", fname, minimum=0)
    if out_size is None and k is not None:
        out_size = _inferred_size(y, k, k if s is None else s, p, fname)
    elif out_size is None:
        raise PoolingError(
            "pooling:badOutputSize",
            f"{fname}: pass output_size (the spatial size {r} value(s), or the full shape "
            f"(N, C, *spatial), of the input that was pooled, e.g. x.shape) or kernel_size "
            f"(with stride and padding, to infer it as PyTorch does); got neither",
        )
    check_count(y.shape[:2] + out_size, "the result z", fname)
    indices = as_indices(indices, y.shape, fname)
    _check_range(indices, int(np.prod(out_size)), fname)
    return call.impl.max_unpool(y, indices, out_size)


def max_unpool_backward(dz, indices, *, method="fast", **unknown):
    """Gradient of ``max_unpool`` with respect to ``y``.

    Parameters
    ----------
    dz : array_like, shape (N, C, *output_size), float32 or float64
    indices : integer array_like, shape (N, C, *out_spatial)
        The indices given to ``max_unpool``.

    Returns
    -------
    dy : ndarray, shape of ``indices``, dtype of ``dz``
        ``dz`` at each index, except ``+0.0`` for a position whose value a
        later position overwrote (it never reached ``z``). PyTorch gathers
        ``dz`` for those too: a documented difference (SPEC.md).
    """
    fname = "max_unpool_backward"
    call = prepare(fname, dz, method, unknown, name="dz", why_not_integers=INTEGER_DZ)
    dz = call.x
    indices = as_indices(indices, None, fname)
    if indices.ndim >= 3:
        check_count(indices.shape, "indices (the shape of the result dy)", fname, taken=True)
    if indices.ndim != dz.ndim:
        raise PoolingError(
            "pooling:badIndices",
            f"{fname}: indices must have as many dimensions as dz ({dz.ndim}); "
            f"got shape {indices.shape}",
        )
    if indices.shape[:2] != dz.shape[:2]:
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dz must have the same N and C as indices {indices.shape[:2]}; "
            f"got shape {dz.shape}",
        )
    _check_range(indices, int(np.prod(dz.shape[2:])), fname)
    return call.impl.max_unpool_backward(dz, indices)
