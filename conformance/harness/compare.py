"""Bitwise comparison of one result array with its golden value.

Equal means: same type (ndarray), same dtype, same shape, NaN in the same
places, and the same bits everywhere else (so ``-0.0`` differs from ``+0.0``).
NaN payloads are not compared: the YAML text writes every NaN as ``.nan``.
"""

import numpy as np


def show(value):
    """A value in full precision: the shortest decimal, and the hex float for floats."""
    if isinstance(value, (np.floating, float)):
        text = repr(float(value))
        return f"{text} ({float(value).hex()})"
    return repr(value.item() if isinstance(value, np.generic) else value)


def _same_bits(expected, actual):
    if expected.dtype.kind != "f":
        return expected == actual
    both_nan = np.isnan(expected) & np.isnan(actual)
    uint = np.dtype(f"u{expected.dtype.itemsize}")
    return both_nan | (expected.view(uint) == actual.view(uint))


def first_difference(expected, actual):
    """None when ``actual`` equals ``expected`` bit for bit, else a sentence saying where not."""
    if not isinstance(actual, np.ndarray):
        return f"expected an ndarray, got {type(actual).__name__}: {actual!r}"
    if actual.dtype != expected.dtype:
        return f"dtype differs: expected {expected.dtype}, got {actual.dtype}"
    if actual.shape != expected.shape:
        return f"shape differs: expected {expected.shape}, got {actual.shape}"
    same = _same_bits(expected, np.ascontiguousarray(actual))
    if same.all():
        return None
    bad = np.argwhere(~same)
    pos = tuple(int(i) for i in bad[0])
    return (
        f"first difference at {pos} (N, C, *spatial): expected {show(expected[pos])}, "
        f"got {show(actual[pos])}; {len(bad)} of {expected.size} elements differ"
    )
