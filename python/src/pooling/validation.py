"""Argument checks shared by every public function.

Each check either returns the argument in a normal form or raises
``PoolingError`` with the identifier of SPEC.md, "Errors", and a message that
names the function, the argument, the value received and the rule.
"""

import numbers

import numpy as np

from .errors import PoolingError

FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))
INT_DTYPES = tuple(
    np.dtype(t)
    for t in (np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64)
)


def as_input(x, fname, name="x", integers=False):
    """Return ``x`` as an ndarray of shape (N, C, *spatial) with 1 to 3 spatial axes.

    ``integers`` admits the integer dtypes of SPEC.md, "dtypes" (max pooling
    forward and unpooling); everything else takes float32 or float64 only.
    """
    wanted = "a real float32, float64 or integer array" if integers else (
        "a real float32 or float64 array"
    )
    if isinstance(x, (str, bytes)) or x is None:
        raise PoolingError(
            "pooling:badInput", f"{fname}: {name} must be {wanted}; got {type(x).__name__}"
        )
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:
        raise PoolingError(
            "pooling:badInput", f"{fname}: {name} must be {wanted}; could not convert it ({exc})"
        ) from None
    native = arr.dtype.newbyteorder("=")
    if native not in FLOAT_DTYPES and not (integers and native in INT_DTYPES):
        why = ""
        if native in INT_DTYPES:
            why = (" (an integer average would need a rounding rule, and a gradient needs "
                   "floats)")
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
    return arr


# Larger values cannot be indexed by the 32-bit offsets other systems use, and
# MATLAB's doubles stop being exact integers above 2^53 (SPEC.md, "Errors").
LARGEST = 2**31 - 1


def _is_int(value):
    # bool is an int subclass, but True as a kernel size is a bug, not a 1.
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )


def per_axis(value, r, name, identifier, fname, minimum=1):
    """Expand an int or a sequence of ``r`` ints into a tuple of ``r`` ints >= minimum."""
    rule = (
        f"{name} must be an integer in [{minimum}, 2^31 - 1] or a sequence of {r} such integers"
    )
    if _is_int(value):
        items = (value,) * r
    elif isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) == 1:
        items = tuple(value)
        if len(items) != r:
            raise PoolingError(
                identifier,
                f"{fname}: {rule} (one per spatial axis); got {len(items)} values {value!r}",
            )
    else:
        raise PoolingError(identifier, f"{fname}: {rule}; got {value!r}")
    for item in items:
        if not _is_int(item) or not minimum <= item <= LARGEST:
            raise PoolingError(identifier, f"{fname}: {rule}; got {value!r}")
    return tuple(int(item) for item in items)


def padding_pairs(value, r, fname):
    """Normalise ``padding`` to a tuple of ``r`` (before, after) pairs of ints >= 0.

    Accepted forms: an int; a sequence of ``r`` ints (symmetric per axis); a
    sequence of ``r`` (before, after) pairs.  The strings ``"valid"`` and
    ``"same"`` are returned as they are; ``geometry.resolve`` turns them into
    pairs, since ``"same"`` depends on the input size.
    """
    rule = (
        f"padding must be an integer >= 0, a sequence of {r} such integers, "
        f"a sequence of {r} (before, after) pairs, or 'valid' or 'same'"
    )
    if isinstance(value, str):
        if value in ("valid", "same"):
            return value
        raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
    if _is_int(value) or (
        isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) == 1
    ):
        sym = per_axis(value, r, "padding", "pooling:badPadding", fname, minimum=0)
        return tuple((p, p) for p in sym)
    if isinstance(value, (list, tuple, np.ndarray)) and len(value) == r:
        pairs = []
        for pair in value:
            if not isinstance(pair, (list, tuple, np.ndarray)) or len(pair) != 2:
                raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
            if not all(_is_int(p) and 0 <= p <= LARGEST for p in pair):
                raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
            pairs.append((int(pair[0]), int(pair[1])))
        return tuple(pairs)
    raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")


def flag(value, name, fname):
    """Return ``value`` as a bool; only ``True``/``False`` (or numpy bools) are flags."""
    if not isinstance(value, (bool, np.bool_)):
        raise PoolingError(
            "pooling:badOption", f"{fname}: {name} must be True or False; got {value!r}"
        )
    return bool(value)


def divisor_override(value, fname):
    """``None`` or a positive integer that replaces every average's divisor."""
    if value is None:
        return None
    if not _is_int(value) or not 1 <= value <= LARGEST:
        raise PoolingError(
            "pooling:badOption",
            f"{fname}: divisor_override must be None or an integer in [1, 2^31 - 1]; "
            f"got {value!r}",
        )
    return int(value)


def as_indices(indices, shape, fname):
    """Unpooling indices: an integer array of the given shape (range checked by the caller)."""
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


def implementation(method, fname):
    """The module implementing ``method``: ``fast`` (default) or ``naive``."""
    from . import fast, naive

    if not isinstance(method, str) or method not in ("fast", "naive"):
        raise PoolingError(
            "pooling:badOption",
            f"{fname}: method must be 'fast' or 'naive'; got {method!r}",
        )
    return fast if method == "fast" else naive


def native(a):
    """``a`` in native byte order, so results never inherit a big-endian dtype."""
    return a if a.dtype.isnative else a.astype(a.dtype.newbyteorder("="))


def no_unknown_options(unknown, fname):
    """Refuse keyword arguments the function does not have, as MATLAB does for names."""
    if unknown:
        names = ", ".join(sorted(unknown))
        raise PoolingError(
            "pooling:badOption", f"{fname}: unknown option(s) {names}"
        )


def as_gradient(dy, shape, dtype, fname):
    """Return ``dy`` as an ndarray; it must have the forward output's shape and x's dtype."""
    if isinstance(dy, (str, bytes)) or dy is None:
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must be a {dtype} array of shape {shape}; got {type(dy).__name__}",
        )
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
            f"{fname}: dy must have x's dtype {dtype}; got {arr.dtype}",
        )
    if arr.shape != tuple(shape):
        raise PoolingError(
            "pooling:badGradient",
            f"{fname}: dy must have the forward output's shape {tuple(shape)}; got {arr.shape}",
        )
    return arr
