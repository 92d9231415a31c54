"""Properties of the mathematics on drawn cases: gradients, adjoints, unpooling.

Gradients against central differences, the adjoint identity of every backward
pass, and unpooling what max pooling selected, each on cases drawn as in the
differential tests (drawn.py), through the Python package.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling
from conformance.harness.compare import first_difference, show
from conformance.tests.drawn import (
    OPS,
    PROPERTY_EXAMPLES,
    SETTINGS,
    HypothesisDraws,
    build,
    draw_spec,
)
from conformance.tests.judged import backward, describe, forward

# ------------------------------------------------------------ properties


@st.composite
def _finite_float64_cases(draw_st, op, distinct):
    """A drawn case with float64 values: distinct integers, or normal noise."""
    spec = draw_spec(HypothesisDraws(draw_st(st.data())), op)
    rng = np.random.default_rng(draw_st(st.integers(0, 2**32 - 1)))
    shape = spec["x"].shape
    if distinct:
        x = (rng.permutation(math.prod(shape)) - math.prod(shape) // 2).reshape(shape)
    else:
        x = rng.standard_normal(shape)
    spec.update(dtype="float64", x=x.astype(np.float64), dy_kind="magnitudes",
                dy_seed=int(rng.integers(2**32)))
    return build(spec)


def per_operator(test):
    """Run ``test(op, data)`` for every operator on hypothesis-drawn data."""
    drawn = settings(max_examples=PROPERTY_EXAMPLES, **SETTINGS)(given(data=st.data())(test))
    return pytest.mark.parametrize("op", OPS)(drawn)


# Central differences of a function that is linear near x (max pooling's selection
# cannot change: values are distinct integers and h = 1/4 < half their spacing) are
# exact but for rounding of <f(x +- h e_i), dy>, about n * 2^-52 of its terms' size.
FD_STEP = 0.25
FD_TOLERANCE = 1e-9
# A smooth but nonlinear case (an Lp norm of order p != 1, SPEC.md 17): central
# differences with a small step h are off by about h^2 / 6 times the third
# derivative (at most about h^2 * sum|dy|, every nonzero norm of distinct integers
# being >= 1) plus the rounding of the loss over 2h, about 2^-52 * scale / h.
SMOOTH_FD_STEP = 2.0**-12
SMOOTH_FD_TOLERANCE = 1e-7


def _linear(case):
    """Whether the operator is linear in x for fixed selections (an order p, if any, is 1)."""
    return case.params.get("p", 1) == 1


@per_operator
def test_gradients_equal_central_differences_where_differentiable(op, data):
    case = data.draw(_finite_float64_cases(op, distinct=True))
    if case.is_error or case.arrays["x"].size > 400:
        return
    x, dy, dx = case.arrays["x"], case.arrays["dy"], backward(case)

    def loss(v):
        return float(np.sum(forward(case, v) * dy))

    h, tolerance = (FD_STEP, FD_TOLERANCE) if _linear(case) else (SMOOTH_FD_STEP,
                                                                   SMOOTH_FD_TOLERANCE)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        fd = (loss(x + step) - loss(x - step)) / (2 * h)
        scale = 1.0 + float(np.sum(np.abs(dy)) * np.max(np.abs(x)))
        assert abs(fd - dx[i]) <= tolerance * scale, (
            f"{describe(case)}: d<{op}(x), dy>/dx{list(i)} is {show(fd)} by central "
            f"differences, {show(dx[i])} by {op}_backward"
        )


# <f(x), dy> and <x, f_backward(dy)> are the same sum of products in exact arithmetic
# (every operator is linear in x for fixed selections, or, as an Lp norm, positively
# homogeneous of degree 1, so <x, grad> = f(x) by Euler's theorem); each side rounds by at most
# about (window + n) * 2^-53 of the sum of its terms' magnitudes.
ADJOINT_TOLERANCE = 1e-12


@per_operator
def test_backward_is_the_adjoint_of_forward(op, data):
    case = data.draw(_finite_float64_cases(op, distinct=False))
    if not case.is_error:
        _check_adjoint(op, case)


def _check_adjoint(op, case):
    x, dy = case.arrays["x"], case.arrays["dy"]
    y, dx = forward(case), backward(case)
    lhs, rhs = float(np.sum(y * dy)), float(np.sum(x * dx))
    scale = float(np.sum(np.abs(y * dy)) + np.sum(np.abs(x * dx)))
    assert abs(lhs - rhs) <= ADJOINT_TOLERANCE * scale, (
        f"{describe(case)}: <{op}(x), dy> = {show(lhs)} but <x, {op}_backward(dy)> = "
        f"{show(rhs)} (tolerance {ADJOINT_TOLERANCE} x {show(scale)})"
    )


@settings(max_examples=PROPERTY_EXAMPLES * 4, **SETTINGS)
@given(data=st.data())
def test_max_unpool_puts_max_pools_values_back_at_its_indices(data):
    spec = draw_spec(HypothesisDraws(data), "max_pool")
    case = build(spec)
    if case.is_error:
        return
    x = case.arrays["x"]
    with np.errstate(all="ignore"):
        y, idx = pooling.max_pool(x, return_indices=True, **case.params)
        z = pooling.max_unpool(y, idx, list(x.shape[2:]))
    flat = z.reshape(z.shape[:2] + (-1,))
    lead = idx.shape[:2]
    back = np.take_along_axis(flat, idx.reshape(lead + (-1,)), axis=2).reshape(y.shape)
    text = first_difference(y, back)
    assert text is None, f"{describe(case)}: z at the indices is not y: {text}"
    untouched = np.ones(flat.shape, dtype=bool)
    np.put_along_axis(untouched, idx.reshape(lead + (-1,)), False, axis=2)
    rest = flat[untouched]
    assert not rest.any() and not np.signbit(rest).any(), (
        f"{describe(case)}: z is not +0 away from the indices: {rest[rest != 0][:5]}"
    )
