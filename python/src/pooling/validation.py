"""Argument checks shared by every public function.

Each check either returns the argument in a normal form or raises
``PoolingError`` with the identifier of SPEC.md, "Errors", and a message that
names the function, the argument, the value received and the rule.
"""

import numbers

import numpy as np

from .errors import PoolingError

FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


def as_input(x, fname):
    """Return ``x`` as an ndarray of shape (N, C, *spatial) with 1 to 3 spatial axes."""
    if isinstance(x, (str, bytes)) or x is None:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: x must be a real float32 or float64 array; got {type(x).__name__}",
        )
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: x must be a real float32 or float64 array; could not convert it ({exc})",
        ) from None
    if arr.dtype.newbyteorder("=") not in FLOAT_DTYPES:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: x must be a real float32 or float64 array; got dtype {arr.dtype}",
        )
    if not 3 <= arr.ndim <= 5:
        raise PoolingError(
            "pooling:badInput",
            f"{fname}: x must have shape (N, C, *spatial) with 1 to 3 spatial axes "
            f"(3 to 5 dimensions); got shape {arr.shape}",
        )
    return arr


def _is_int(value):
    # bool is an int subclass, but True as a kernel size is a bug, not a 1.
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )


def per_axis(value, r, name, identifier, fname, minimum=1):
    """Expand an int or a sequence of ``r`` ints into a tuple of ``r`` ints >= minimum."""
    rule = (
        f"{name} must be an integer >= {minimum} or a sequence of {r} such integers"
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
        if not _is_int(item) or item < minimum:
            raise PoolingError(identifier, f"{fname}: {rule}; got {value!r}")
    return tuple(int(item) for item in items)


def padding_pairs(value, r, fname):
    """Normalise ``padding`` to a tuple of ``r`` (before, after) pairs of ints >= 0.

    Accepted forms: an int; a sequence of ``r`` ints (symmetric per axis); a
    sequence of ``r`` (before, after) pairs.
    """
    rule = (
        f"padding must be an integer >= 0, a sequence of {r} such integers, "
        f"or a sequence of {r} (before, after) pairs"
    )
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
            if not all(_is_int(p) and p >= 0 for p in pair):
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


def method(value, fname):
    if value not in ("fast", "naive"):
        raise PoolingError(
            "pooling:badOption",
            f"{fname}: method must be 'fast' or 'naive'; got {value!r}",
        )
    return value


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
