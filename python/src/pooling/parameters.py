"""Checks of the options and window parameters, and the ``Geometry`` they make.

``window_geometry`` is the one step from the caller's ``kernel_size``,
``stride``, ``padding``, ``dilation`` and ``ceil_mode`` to a checked
``Geometry``.  Each check either returns the argument in a normal form or
raises ``PoolingError`` with the identifier of SPEC.md, "Errors", and a
message that names the function, the argument, the value received and the
rule.
"""

import numbers

import numpy as np

from .arrays import check_count
from .errors import PoolingError
from .geometry import Geometry, first_empty_window, output_size, same_padding

# Larger values cannot be indexed by the 32-bit offsets other systems use, and
# MATLAB's doubles stop being exact integers above 2^53 (SPEC.md, "Errors").
LARGEST = 2**31 - 1

# An empty window's message lists its positions only up to this many.
LISTED_POSITIONS = 64


def _is_int(value):
    # bool is an int subclass, but True as a kernel size is a bug, not a 1.
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )


def _flat_items(value):
    """The items of a list, tuple or 1-d array holding no sequences, else None.

    Asking numpy for the shape of ``[2, [2]]`` raises its own "inhomogeneous
    shape" error, so nesting is looked for item by item; a 0-d array is a
    scalar, not a sequence.
    """
    if isinstance(value, np.ndarray):
        return tuple(value) if value.ndim == 1 else None
    if not isinstance(value, (list, tuple)):
        return None
    try:
        flat = all(np.ndim(item) == 0 for item in value)
    except ValueError:
        flat = False
    return tuple(value) if flat else None


def per_axis(value, r, name, identifier, fname, minimum=1):
    """Expand an int or a sequence of ``r`` ints into a tuple of ``r`` ints >= minimum."""
    rule = (
        f"{name} must be an integer in [{minimum}, 2^31 - 1] or a sequence of {r} such integers"
    )
    items = (value,) * r if _is_int(value) else _flat_items(value)
    if items is None:
        raise PoolingError(identifier, f"{fname}: {rule}; got {value!r}")
    if len(items) != r:
        raise PoolingError(
            identifier,
            f"{fname}: {rule} (one per spatial axis); got {len(items)} values {value!r}",
        )
    for item in items:
        if not _is_int(item) or not minimum <= item <= LARGEST:
            raise PoolingError(identifier, f"{fname}: {rule}; got {value!r}")
    return tuple(int(item) for item in items)


def padding_pairs(value, r, fname):
    """Normalise ``padding`` to a tuple of ``r`` (before, after) pairs of ints >= 0.

    Accepted forms: an int; a sequence of ``r`` ints (symmetric per axis); a
    sequence of ``r`` (before, after) pairs.  The strings ``"valid"`` and
    ``"same"`` are returned as they are; ``window_geometry`` turns them into
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
    if _is_int(value) or _flat_items(value) is not None:
        sym = per_axis(value, r, "padding", "pooling:badPadding", fname, minimum=0)
        return tuple((p, p) for p in sym)
    sequence = isinstance(value, (list, tuple)) or (
        isinstance(value, np.ndarray) and value.ndim >= 1
    )
    if not sequence or len(value) != r:
        raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
    pairs = []
    for pair in value:
        items = _flat_items(pair)
        if items is None or len(items) != 2:
            raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
        if not all(_is_int(p) and 0 <= p <= LARGEST for p in items):
            raise PoolingError("pooling:badPadding", f"{fname}: {rule}; got {value!r}")
        pairs.append((int(items[0]), int(items[1])))
    return tuple(pairs)


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


def no_unknown_options(unknown, fname):
    """Refuse keyword arguments the function does not have, as MATLAB does for names."""
    if unknown:
        names = ", ".join(sorted(unknown))
        raise PoolingError(
            "pooling:badOption", f"{fname}: unknown option(s) {names}"
        )


def _positions_text(geom, axis, o):
    """The positions of output ``o``'s window on ``axis``, elided in the middle if many."""
    k = geom.kernel[axis]
    if k <= LISTED_POSITIONS:
        return str([int(geom.positions(axis, o, j)) for j in range(k)])
    head = ", ".join(str(int(geom.positions(axis, o, j))) for j in range(3))
    return f"[{head}, ..., {int(geom.positions(axis, o, k - 1))}] ({k} of them)"


def window_geometry(spatial_shape, kernel_size, stride, padding, dilation, ceil_mode, fname,
                    planes=(1, 1)):
    """Check the window parameters against the input's spatial shape; return a ``Geometry``.

    ``planes`` is the input's ``(N, C)``, for the output's element count.
    Raises ``PoolingError`` in SPEC.md's order: ceil_mode, kernel size,
    stride, padding, dilation, pad range, output size, the output's element
    count (``pooling:tooLarge``), empty windows.
    """
    r = len(spatial_shape)
    ceil_mode = flag(ceil_mode, "ceil_mode", fname)
    k = per_axis(kernel_size, r, "kernel_size", "pooling:badKernel", fname)
    s = k if stride is None else per_axis(stride, r, "stride", "pooling:badStride", fname)
    pads = padding_pairs(padding, r, fname)
    d = per_axis(dilation, r, "dilation", "pooling:badDilation", fname)
    if pads == "valid":
        pads = ((0, 0),) * r
    elif pads == "same":
        pads = tuple(same_padding(spatial_shape[a], k[a], s[a], d[a]) for a in range(r))

    for axis in range(r):
        e = d[axis] * (k[axis] - 1) + 1
        if max(pads[axis]) > e - 1:
            raise PoolingError(
                "pooling:badPadding",
                f"{fname}: padding {pads[axis]} on spatial axis {axis} must lie in "
                f"[0, e - 1] = [0, {e - 1}], where e = dilation*(kernel_size-1)+1 = {e} is the "
                f"effective window",
            )
    out = tuple(
        output_size(spatial_shape[a], k[a], s[a], pads[a][0], pads[a][1], d[a], ceil_mode)
        for a in range(r)
    )
    for axis in range(r):
        if out[axis] < 1:
            raise PoolingError(
                "pooling:outputTooSmall",
                f"{fname}: kernel_size {k[axis]} with dilation {d[axis]} (a window of "
                f"{d[axis] * (k[axis] - 1) + 1}) does not fit spatial axis {axis} of size "
                f"{spatial_shape[axis]} with padding {pads[axis]}: the output size would be "
                f"{out[axis]}",
            )
    # Before the empty-window check, whose work grows with the output size.
    check_count(tuple(planes) + out, "the output", fname)
    geom = Geometry(
        in_size=tuple(int(n) for n in spatial_shape),
        kernel=k,
        stride=s,
        pad_before=tuple(p[0] for p in pads),
        pad_after=tuple(p[1] for p in pads),
        dilation=d,
        out_size=out,
    )
    for axis in range(r):
        first = first_empty_window(geom, axis)
        if first is not None:
            raise PoolingError(
                "pooling:emptyWindow",
                f"{fname}: window {first} on spatial axis {axis} holds no input element "
                f"(positions {_positions_text(geom, axis, first)} of an axis of size "
                f"{geom.in_size[axis]}); reduce the dilation or the padding",
            )
    return geom
