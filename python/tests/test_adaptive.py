"""Adaptive max and average pooling (SPEC.md, "Adaptive pooling"): rules, fast == naive, errors."""

import numpy as np
import pytest
from helpers import drawn_input, fast_equals_naive
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling
from pooling.ranges import adaptive_bounds


@st.composite
def adaptive_calls(draw, integers=False):
    rank = draw(st.integers(1, 3))
    size = [draw(st.integers(1, 7)) for _ in range(rank)]
    out = [draw(st.integers(1, 8)) for _ in range(rank)]
    shape = (draw(st.integers(0, 2)), draw(st.integers(1, 2)), *size)
    dtypes = [np.float32, np.float64] + ([np.int8, np.uint64] if integers else [])
    x, rng = drawn_input(draw, shape, draw(st.sampled_from(dtypes)))
    return x, out, rng


def gradient_for(x, out, rng):
    shape = x.shape[:2] + tuple(out)
    return np.ldexp(1.0, rng.integers(-8, 8, size=shape)).astype(x.dtype) * rng.choice(
        np.array([1, -1, 1e300 if x.dtype == np.float64 else 1e30], dtype=x.dtype), size=shape)


@settings(max_examples=150, deadline=None)
@given(adaptive_calls(integers=True))
def test_adaptive_max_fast_equals_naive(call):
    x, out, rng = call
    fast_equals_naive(pooling.adaptive_max_pool, x, out, return_indices=True)
    if x.dtype.kind == "f":
        fast_equals_naive(pooling.adaptive_max_pool_backward, gradient_for(x, out, rng), x, out)


@settings(max_examples=150, deadline=None)
@given(adaptive_calls())
def test_adaptive_avg_fast_equals_naive(call):
    x, out, rng = call
    fast_equals_naive(pooling.adaptive_avg_pool, x, out)
    fast_equals_naive(pooling.adaptive_avg_pool_backward, gradient_for(x, out, rng), x, out)


@pytest.mark.parametrize(("length", "out", "lo", "hi"), [
    (5, 3, [0, 1, 3], [2, 4, 5]),          # uneven, overlapping
    (6, 3, [0, 2, 4], [2, 4, 6]),          # a multiple: plain tiling
    (2, 4, [0, 0, 1, 1], [1, 1, 2, 2]),    # output larger: one-element windows repeat
    (5, 7, [0, 0, 1, 2, 2, 3, 4], [1, 2, 3, 3, 4, 5, 5]),
    (7, 1, [0], [7]),                      # global
])
def test_window_bounds(length, out, lo, hi):
    got_lo, got_hi = adaptive_bounds(length, out)
    assert got_lo.tolist() == lo and got_hi.tolist() == hi


def test_bounds_exact_for_huge_sizes():
    lo, hi = adaptive_bounds(2**31 - 1, 3)
    assert lo.tolist() == [0, 715827882, 1431655764]
    assert hi.tolist() == [715827883, 1431655765, 2147483647]


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_worked_example(method):
    # SPEC.md: x = [1 5 2 5 -0 0] (one axis), output 4: windows [0,2) [1,3) [3,5) [4,6).
    x = np.array([[[1.0, 5.0, 2.0, 5.0, -0.0, 0.0]]])
    y, idx = pooling.adaptive_max_pool(x, 4, return_indices=True, method=method)
    assert y.tolist() == [[[5.0, 5.0, 5.0, 0.0]]] and idx.tolist() == [[[1, 1, 3, 4]]]
    assert np.signbit(y[0, 0, 3])
    dx = pooling.adaptive_max_pool_backward(np.array([[[1.0, 2.0, 4.0, 8.0]]]), x, 4,
                                            method=method)
    assert dx.tolist() == [[[0.0, 3.0, 0.0, 4.0, 8.0, 0.0]]]
    avg = pooling.adaptive_avg_pool(x, 4, method=method)
    assert avg.tolist() == [[[3.0, 3.5, 2.5, 0.0]]] and not np.signbit(avg[0, 0, 3])
    dx = pooling.adaptive_avg_pool_backward(np.array([[[1.0, 2.0, 4.0, 8.0]]]), x, 4,
                                            method=method)
    assert dx.tolist() == [[[0.5, 1.5, 1.0, 2.0, 6.0, 4.0]]]


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_nan_first_wins_and_2d_indices(method):
    nan = np.nan
    x = np.array([[[[1.0, nan, 3.0], [nan, 7.0, 7.0], [2.0, 9.0, 0.0]]]])
    y, idx = pooling.adaptive_max_pool(x, (2, 2), return_indices=True, method=method)
    assert idx.tolist() == [[[[1, 1], [3, 7]]]]
    assert np.isnan(y[0, 0, 0, 0]) and np.isnan(y[0, 0, 1, 0]) and y[0, 0, 1, 1] == 9.0


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_one_division_by_the_window_count(method):
    # Window of 3 elements [1, 2^53, -2^53]: row-major sum 0, so 0 / 3 = 0 (not 1/3).
    x = np.array([[[1.0, 2.0**53, -(2.0**53)]]])
    assert pooling.adaptive_avg_pool(x, 1, method=method).tolist() == [[[0.0]]]
    x = np.array([[[[1.0, 2.0], [3.0, 5.0], [7.0, 11.0]]]], dtype=np.float32)
    y = pooling.adaptive_avg_pool(x, (1, 1), method=method)
    assert y.dtype == np.float32 and y[0, 0, 0, 0] == np.float32(29.0) / np.float32(6.0)


def test_integer_types_and_float_only_functions():
    x = np.array([[[-128, 127, 5]]], dtype=np.int8)
    y = pooling.adaptive_max_pool(x, 2)
    assert y.dtype == np.int8 and y.tolist() == [[[127, 127]]]
    for fn, args in [(pooling.adaptive_avg_pool, (x, 2)),
                     (pooling.adaptive_max_pool_backward, (np.zeros((1, 1, 2)), x, 2))]:
        with pytest.raises(pooling.PoolingError) as err:
            fn(*args)
        assert err.value.identifier == "pooling:badInput"


@pytest.mark.parametrize(("call", "identifier"), [
    (lambda x: pooling.adaptive_max_pool(x, 0), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, -1), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, (2, 2)), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, 2.0), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, True), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, 2**31), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool(x, None), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_max_pool(x, 2, return_indices=1), "pooling:badOption"),
    (lambda x: pooling.adaptive_max_pool(x, 2, method="slow"), "pooling:badOption"),
    (lambda x: pooling.adaptive_avg_pool(x, 2, stride=1), "pooling:badOption"),
    (lambda x: pooling.adaptive_avg_pool(x[0], 2), "pooling:badInput"),
    # x, then options, then output_size, then dy.
    (lambda x: pooling.adaptive_avg_pool(x[0], 0), "pooling:badInput"),
    (lambda x: pooling.adaptive_avg_pool(x, 0, method="slow"), "pooling:badOption"),
    (lambda x: pooling.adaptive_avg_pool_backward(None, x, 0), "pooling:badOutputSize"),
    (lambda x: pooling.adaptive_avg_pool_backward(np.zeros((1, 1, 3)), x, 2),
     "pooling:badGradient"),
    (lambda x: pooling.adaptive_max_pool_backward(np.zeros((1, 1, 2), np.float32), x, 2),
     "pooling:badGradient"),
])
def test_errors(call, identifier):
    with pytest.raises(pooling.PoolingError) as err:
        call(np.zeros((1, 1, 5)))
    assert err.value.identifier == identifier


def test_inputs_not_modified_and_empty_batch():
    x = np.arange(10.0).reshape(1, 1, 10)
    before = x.copy()
    pooling.adaptive_avg_pool_backward(np.ones((1, 1, 3)), x, 3)
    assert np.array_equal(x, before)
    assert pooling.adaptive_max_pool(np.zeros((0, 2, 4, 4)), (3, 5)).shape == (0, 2, 3, 5)
    assert pooling.adaptive_avg_pool_backward(
        np.zeros((0, 2, 3)), np.zeros((0, 2, 4)), 3).shape == (0, 2, 4)


# Regression set "issue 15: huge output_size": SPEC.md section 12, pooling:tooLarge is
# raised from the sizes alone, before the windows or the output are allocated.
HUGE = 2**31 - 1


@pytest.mark.parametrize("method", ["fast", "naive"])
@pytest.mark.parametrize(
    "call",
    [
        lambda m: pooling.adaptive_avg_pool(np.ones((1, 1, 4, 4)), (HUGE, HUGE), method=m),
        lambda m: pooling.adaptive_max_pool(np.ones((1, 1, 4, 4)), (HUGE, HUGE), method=m),
        lambda m: pooling.adaptive_max_pool(np.ones((1, 1, 4, 4), np.int8), (HUGE, 2), method=m),
        lambda m: pooling.adaptive_avg_pool_backward(
            np.ones((1, 1, 1, 1)), np.ones((1, 1, 4, 4)), (HUGE, HUGE), method=m),
        lambda m: pooling.adaptive_max_pool_backward(
            np.ones((1, 1, 1, 1)), np.ones((1, 1, 4, 4)), (HUGE, HUGE), method=m),
        # An empty batch counts as N = 1.
        lambda m: pooling.adaptive_avg_pool(np.ones((0, 2, 4)), HUGE, method=m),
        lambda m: pooling.adaptive_max_pool(np.ones((1, 1, 1, 1, 1)), (2, 2**30, 2), method=m),
    ],
)
def test_huge_output_size_is_too_large(call, method):
    with pytest.raises(pooling.PoolingError) as err:
        call(method)
    assert err.value.identifier == "pooling:tooLarge"
    assert "2^31 - 1" in str(err.value)

