"""Verdicts: how one result compares with its golden value.

Per output (``y``, ``indices``, ``dx``):

- ``exact``: same dtype and shape, NaN in the same places, the same bits
  everywhere else (``conformance/harness/compare.py``);
- ``rounding``: a floating-point output that differs only in the last bits:
  same dtype and shape, NaN in the same places, +-Inf in the same places with
  the same signs, every other element of the same sign (so ``-0.0`` against
  ``+0.0`` is never rounding) and at most ``ROUNDING_ULPS`` units in the last
  place away from the golden value;
- ``mismatch``: anything else, including a wrong dtype, shape or an exception.

A case's verdict is the worst over the outputs that were compared (mismatch,
then rounding, then exact); it is ``unsupported`` when none was.  An error
case is ``refused`` when the call raised, ``accepted`` when it returned; an
error case of the ``api`` tier is ``skipped`` (not called) for an implementation
that is not this suite's own (fixtures/README.md, "Error tiers").
"""

import numpy as np

from ..harness.compare import first_difference

# Above this many units in the last place a difference is no longer "the last bits".
ROUNDING_ULPS = 4

VERDICTS = ("exact", "rounding", "mismatch", "unsupported", "refused", "accepted", "skipped")
WORST = ("mismatch", "rounding", "exact")  # a case's verdict over its compared outputs
FAILING = ("mismatch", "accepted")  # fail the run unless a differences file lists them


def max_ulps(expected, actual):
    """The largest distance in units in the last place between two float arrays.

    Only meaningful where both are finite and of the same sign: the distance
    between their bit patterns read as integers (in Python ints, so float64
    cannot overflow).
    """
    signed = np.dtype(f"i{expected.dtype.itemsize}")
    a, b = expected.view(signed).ravel().tolist(), actual.view(signed).ravel().tolist()
    return max((abs(p - q) for p, q in zip(a, b, strict=True)), default=0)


def classify(expected, actual):
    """``(verdict, reason, max_ulps)`` of one output; reason is None when exact."""
    diff = first_difference(expected, actual)
    if diff is None:
        return "exact", None, 0
    if (not isinstance(actual, np.ndarray) or actual.dtype != expected.dtype
            or actual.shape != expected.shape or expected.dtype.kind != "f"):
        return "mismatch", diff, None
    actual = np.ascontiguousarray(actual)
    e_nan, a_nan = np.isnan(expected), np.isnan(actual)
    e_inf, a_inf = np.isinf(expected), np.isinf(actual)
    if (e_nan != a_nan).any() or (e_inf != a_inf).any():
        return "mismatch", diff, None
    numbers = ~e_nan
    if (np.signbit(expected[numbers]) != np.signbit(actual[numbers])).any():
        return "mismatch", diff, None
    finite = numbers & ~e_inf
    worst = max_ulps(expected[finite], actual[finite])
    if worst <= ROUNDING_ULPS:
        return "rounding", f"at most {worst} ulp; {diff}", worst
    return "mismatch", diff, None
