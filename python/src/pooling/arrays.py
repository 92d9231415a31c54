"""Checks of the array arguments: ``x`` (or ``y``, ``dz``), ``dy`` and ``indices``.

Each check either returns the argument as an ndarray or raises
``PoolingError`` with the identifier of SPEC.md, "Errors", and a message that
names the function, the argument, the value received and the rule.
"""

import numpy as np

from .errors import PoolingError

FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))
INT_DTYPES = tuple(
    np.dtype(t)
    for t in (np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64)
)

# The most elements any array a call takes or returns may have (SPEC.md,
# "Errors"): the 32-bit offsets of the parameters' limit, and what MATLAB's
# numel of one array can reach on every platform.
LARGEST_COUNT = 2**31 - 1

# Said when an integer array arrives where only floats are accepted.
AVERAGE_OR_GRADIENT = "an integer average would need a rounding rule, and a gradient needs floats"


def _refuse_masked(a, identifier, fname, name):
    # np.asarray drops the mask and hands the masked-out values to the kernel,
    # so a masked element would silently take part in the result.
    if isinstance(a, np.ma.MaskedArray):
        raise PoolingError(
            identifier,
            f"{fname}: {name} must be a plain ndarray; got a numpy masked array, which is not "
            f"supported: fill or drop the mask first ({name}.filled(value) or {name}.data)",
        )


def as_input(x, fname, name="x", integers=False, why_not_integers=AVERAGE_OR_GRADIENT):
    """Return ``x`` as an ndarray of shape (N, C, *spatial) with 1 to 3 spatial axes.

    ``integers`` admits the integer dtypes of SPEC.md, "dtypes" (max pooling
    forward and unpooling); everything else takes float32 or float64 only, and
    ``why_not_integers`` tells the caller why an integer array is refused.
    """
    wanted = "a real float32, float64 or integer array" if integers else (
        "a real float32 or float64 array"
    )
    if isinstance(x, (str, bytes)) or x is None:
        raise PoolingError(
            "pooling:badInput", f"{fname}: {name} must be {wanted}; got {type(x).__name__}"
        )
    _refuse_masked(x, "pooling:badInput", fname, name)
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:
        raise PoolingError(
            "pooling:badInput", f"{fname}: {name} must be {wanted}; could not convert it ({exc})"
        ) from None
    native_dtype = arr.dtype.newbyteorder("=")
    if native_dtype not in FLOAT_DTYPES and not (integers and native_dtype in INT_DTYPES):
        why = f" ({why_not_integers})" if native_dtype in INT_DTYPES else ""
        raise PoolingError(
            "pooling:badInput", f"{fname}: {name} must be {wanted}{why}; got dtype {arr.dtype}"
        )
    if not 3 <= arr.ndim <= 5:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: {name} must have shape (N, C, *spatial) with 1 to 3 spatial axes "
            f"(3 to 5 dimensions); got shape {arr.shape}",
        )
    if 0 in arr.shape[1:]:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: {name} must have C >= 1 and every spatial size >= 1 (only the batch "
            f"N may be 0); got shape {arr.shape}",
        )
    check_count(arr.shape, name, fname, taken=True)
    return arr


def element_count(shape):
    """Elements of an array of ``shape`` (N, C, ...), an empty batch counted as N = 1.

    An empty batch holds nothing, but the work per (n, c) plane does not
    shrink with it, so the rule of SPEC.md, "Errors", counts it as one sample.
    """
    count = max(int(shape[0]), 1)
    for n in shape[1:]:
        count *= int(n)
    return count


def check_count(shape, name, fname, taken=False):
    """Refuse (``pooling:tooLarge``) an array of more than 2^31 - 1 elements.

    ``taken`` says whether ``name`` is an argument (checked before anything
    reads it) or an array the call would allocate (checked before it does).
    """
    count = element_count(shape)
    if count > LARGEST_COUNT:
        what = "has" if taken else "would have"
        raise PoolingError(
            "pooling:tooLarge",
            f"{fname}: {name} {what} shape {tuple(int(n) for n in shape)}, {count} elements "
            f"(an empty batch counted as N = 1), more than 2^31 - 1 = {LARGEST_COUNT}, the "
            f"most any array a call takes or returns may have: split the batch or the input",
        )


def as_gradient(dy, shape, dtype, fname):
    """Return ``dy`` as an ndarray; it must have the forward output's shape and x's dtype."""
    if isinstance(dy, (str, bytes)) or dy is None:
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must be a {dtype} array of shape {shape}; got {type(dy).__name__}",
        )
    _refuse_masked(dy, "pooling:badInput", fname, "dy")
    try:
        arr = np.asarray(dy)
    except (TypeError, ValueError):
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must be a {dtype} array of shape {shape}; could not convert it",
        ) from None
    if arr.dtype.newbyteorder("=") != dtype:
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must have x's dtype {dtype}; got {arr.dtype} (mixed dtypes are "
            f"refused, not converted: pass dy.astype(x.dtype))",
        )
    if arr.shape != tuple(shape):
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must have the forward output's shape {tuple(shape)}; got {arr.shape}",
        )
    return arr


def as_indices(indices, shape, fname):
    """Unpooling indices: an integer array of the given shape (range checked by the caller)."""
    _refuse_masked(indices, "pooling:badIndices", fname, "indices")
    try:
        arr = None if isinstance(indices, (str, bytes)) else np.asarray(indices)
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.dtype.newbyteorder("=") not in INT_DTYPES:
        got = type(indices).__name__ if arr is None else f"dtype {arr.dtype}"
        raise PoolingError(
            "pooling:badIndices", f"{fname}: indices must be an integer array; got {got}"
        )
    if shape is not None and arr.shape != tuple(shape):
        raise PoolingError(
            "pooling:badIndices",
            f"{fname}: indices must have the shape {tuple(shape)} of the pooled values; "
            f"got {arr.shape}",
        )
    return arr


def as_max_indices(indices, geom, shape, fname):
    """``max_pool``'s indices for a backward call: checked, then returned as int64.

    In order (SPEC.md, "Errors"): an integer array of ``shape`` (``dy``'s),
    each index in ``[0, plane)`` (``plane`` = elements of one (n, c) plane
    of ``x``), and each index a position that the window of its own output
    covers (an input element, not padding or ceil-mode overhang).  Whether
    the index is that window's maximum is not checked: the gradient goes
    where the indices say.  The first offending output position, in
    row-major order over (n, c, spatial...), is named.
    """
    arr = as_indices(indices, shape, fname)
    plane = 1
    for n in geom.in_size:
        plane *= int(n)
    outside = (arr < 0) | (arr >= plane)
    if outside.any():
        at = np.unravel_index(int(np.argmax(outside)), arr.shape)
        raise PoolingError(
            "pooling:badIndices",
            f"{fname}: indices{list(int(i) for i in at)} = {int(arr[at])} lies outside "
            f"[0, {plane}), the row-major flat positions of one (n, c) plane of x",
        )
    arr = arr.astype(np.int64)
    foreign = np.zeros(arr.shape, dtype=bool)
    rest = arr
    for a in reversed(range(geom.rank)):
        position = rest % geom.in_size[a]
        rest = rest // geom.in_size[a]
        out_shape = [1] * arr.ndim
        out_shape[2 + a] = -1
        origin = geom.positions(a, np.arange(geom.out_size[a], dtype=np.int64), 0)
        step = position - origin.reshape(out_shape)
        d = geom.dilation[a]
        foreign |= (step < 0) | (step % d != 0) | (step // d >= geom.kernel[a])
    if foreign.any():
        at = np.unravel_index(int(np.argmax(foreign)), arr.shape)
        where = tuple(int(p) for p in np.unravel_index(int(arr[at]), geom.in_size))
        raise PoolingError(
            "pooling:badIndices",
            f"{fname}: indices{list(int(i) for i in at)} = {int(arr[at])} (position "
            f"{where} of its plane) is not in the window of its own output position "
            f"{tuple(int(i) for i in at[2:])}: an index must name an input element that "
            f"window covers (o*stride - pad_before + j*dilation, j = 0 .. k-1, per axis)",
        )
    return arr


def native(a):
    """``a`` in native byte order, so results never inherit a big-endian dtype."""
    return a if a.dtype.isnative else a.astype(a.dtype.newbyteorder("="))
