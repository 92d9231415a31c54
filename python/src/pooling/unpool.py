"""Max unpooling and its true derivative (SPEC.md, "Max unpooling")."""

import numpy as np

from .arrays import as_indices
from .errors import PoolingError
from .parameters import per_axis
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


def max_unpool(y, indices, output_size, *, method="fast", **unknown):
    """Place each pooled value back at its index; everything else is zero.

    Parameters
    ----------
    y : array_like, shape (N, C, *out_spatial), float or integer dtype
        Pooled values, e.g. ``max_pool``'s output.
    indices : integer array_like, shape of ``y``
        Row-major flat index of each value within its (n, c) plane of the
        result, 0-based (``max_pool(..., return_indices=True)``'s form).
    output_size : int or sequence of int
        Spatial size of the result: the size of the input that was pooled.
    method : {"fast", "naive"}, default "fast"

    Returns
    -------
    z : ndarray, shape (N, C, *output_size), dtype of ``y``
        Zeros, with ``z[n, c].flat[indices[n, c, o]] = y[n, c, o]`` for output
        positions ``o`` in ascending row-major order: where two positions
        share an index, the later one's value stays.
    """
    fname = "max_unpool"
    call = prepare(fname, y, method, unknown, name="y", integers=True)
    y = call.x
    out_size = per_axis(output_size, y.ndim - 2, "output_size", "pooling:badOutputSize", fname)
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
