"""Lp pooling (SPEC.md, "Lp pooling"): rules, fast == naive, errors."""

import numpy as np
import pytest
from helpers import SPECIALS, drawn_input, fast_equals_naive
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling
from pooling import lp_math

# Also a value whose power overflows and one whose power underflows.
LP_SPECIALS = np.append(SPECIALS, [1e200, -1e-200])


@st.composite
def lp_calls(draw):
    rank = draw(st.integers(1, 3))
    k = [draw(st.integers(1, 3)) for _ in range(rank)]
    s = [draw(st.integers(1, 3)) for _ in range(rank)]
    pads = [(draw(st.integers(0, k[a] - 1)), draw(st.integers(0, k[a] - 1))) for a in range(rank)]
    size = [k[a] + draw(st.integers(0, 4)) for a in range(rank)]
    shape = (draw(st.integers(0, 2)), draw(st.integers(1, 2)), *size)
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    p = draw(st.sampled_from([1, 2, 3, 4, 1.5, 2.5, 7]))
    x, rng = drawn_input(draw, shape, dtype, kinds=["ties", "specials", "magnitudes"],
                         specials=LP_SPECIALS)
    params = dict(kernel_size=k, stride=s, padding=[list(q) for q in pads],
                  ceil_mode=draw(st.booleans()))
    return x, p, params, rng


@settings(max_examples=150, deadline=None)
@given(lp_calls())
def test_fast_equals_naive(call):
    x, p, params, rng = call
    y = fast_equals_naive(pooling.lp_pool, x, p, refusal="pooling:outputTooSmall", **params)
    if y is None:
        return
    dy = (rng.standard_normal(y.shape) * 4).astype(x.dtype)
    dy[rng.random(y.shape) < 0.2] = 0.0
    fast_equals_naive(pooling.lp_pool_backward, dy, x, p, **params)


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_worked_example(method):
    # SPEC.md: x = [3 -4 0 -0 1e200 1] (one axis), k = 2.
    x = np.array([[[3.0, -4.0, 0.0, -0.0, 1e200, 1.0]]])
    y2 = pooling.lp_pool(x, 2, 2, method=method)
    assert y2.tolist() == [[[5.0, 0.0, np.inf]]] and not np.signbit(y2[0, 0, 1])
    assert pooling.lp_pool(x, 1, 2, method=method).tolist() == [[[7.0, 0.0, 1e200 + 1.0]]]
    dy = np.array([[[10.0, 20.0, 40.0]]])
    dx = pooling.lp_pool_backward(dy, x, 2, 2, method=method)
    # x * (dy / norm); a zero norm gives +0.0; 1e200 * (40 / inf) = 0.
    assert dx.tolist() == [[[6.0, -8.0, 0.0, 0.0, 0.0, 0.0]]]
    assert not np.signbit(dx[dx == 0]).any()
    dx = pooling.lp_pool_backward(dy, x, 1, 2, method=method)
    assert dx.tolist() == [[[10.0, -10.0, 0.0, 0.0, 40.0, 40.0]]]


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_padding_is_absent_and_overlap_accumulates(method):
    x = np.array([[[-2.0, 1.0, 2.0]]])
    y = pooling.lp_pool(x, 2, 2, stride=1, padding=1, method=method)
    assert y.tolist() == [[[2.0, np.sqrt(5.0), np.sqrt(5.0), 2.0]]]
    dx = pooling.lp_pool_backward(np.ones((1, 1, 4)), x, 1, 2, stride=1, padding=1,
                                  method=method)
    assert dx.tolist() == [[[-2.0, 2.0, 2.0]]]


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_row_major_sum_and_nan(method):
    # p = 1 on [[1, 2^53], [-1, NaN]] with k = (2, 1) and (1, 2): row-major
    # ((0 + 1) + 2^53) + 1 = 2^53, where column-major order would give 2^53 + 2.
    x = np.array([[[[1.0, 2.0**53, 7.0], [-1.0, 0.0, np.nan]]]])
    y = pooling.lp_pool(x, 1, (2, 2), stride=1, method=method)
    assert y.tolist()[0][0][0][0] == 2.0**53 and np.isnan(y[0, 0, 0, 1])
    dx = pooling.lp_pool_backward(np.ones((1, 1, 1, 2)), x, 1, (2, 2), stride=1, method=method)
    assert dx[0, 0, 0, :2].tolist() == [1.0, 2.0] and dx[0, 0, 1, :2].tolist() == [-1.0, 0.0]
    assert np.isnan(dx[0, 0, 1, 2]) and not np.signbit(dx[0, 0, 1, 1])


def test_power_is_repeated_squaring():
    a = np.array([1.1, 3.0, 1e-5])
    assert np.array_equal(lp_math.power(a, np.float64(3)), a * (a * a))
    assert np.array_equal(lp_math.power(a, np.float64(4)), (a * a) * (a * a))
    assert np.array_equal(lp_math.power(a, np.float64(2)), a * a)
    assert np.array_equal(lp_math.power(a, np.float64(0)), np.ones(3))
    assert np.array_equal(lp_math.power(a, np.float64(2.5)), np.power(a, 2.5))


def test_float32_throughout():
    x = np.array([[[3.0, 4.0, 1.0]]], dtype=np.float32)
    y = pooling.lp_pool(x, 3, 3)
    assert y.dtype == np.float32
    s = np.float32(27) + np.float32(64) + np.float32(1)
    assert y[0, 0, 0] == np.power(s, np.float32(1) / np.float32(3))


@pytest.mark.parametrize(("call", "identifier"), [
    (lambda x: pooling.lp_pool(x, np.inf, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, 0.5, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, np.nan, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, True, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, "2", 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, 2**31, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x, 2, 0), "pooling:badKernel"),
    (lambda x: pooling.lp_pool(x, 2, 2, stride=0), "pooling:badStride"),
    (lambda x: pooling.lp_pool(x, 2, 2, padding=2), "pooling:badPadding"),
    (lambda x: pooling.lp_pool(x, 2, 6), "pooling:outputTooSmall"),
    (lambda x: pooling.lp_pool(x, 2, 2, dilation=2), "pooling:badOption"),
    (lambda x: pooling.lp_pool(x.astype(np.int32), 2, 2), "pooling:badInput"),
    # x, options, kernel ... output size, then p, then dy.
    (lambda x: pooling.lp_pool(x, np.inf, 0), "pooling:badKernel"),
    (lambda x: pooling.lp_pool_backward(None, x, np.inf, 2), "pooling:badOption"),
    (lambda x: pooling.lp_pool_backward(np.zeros((1, 1, 3)), x, 2, 2), "pooling:badGradient"),
])
def test_errors(call, identifier):
    with pytest.raises(pooling.PoolingError) as err:
        call(np.zeros((1, 1, 5)))
    assert err.value.identifier == identifier


def test_p_accepts_numpy_scalars_and_integral_floats():
    x = np.array([[[3.0, 4.0]]])
    for p in (2, 2.0, np.int8(2), np.float32(2.0)):
        assert pooling.lp_pool(x, p, 2).tolist() == [[[5.0]]]


# Regression set "issue 15: huge kernel": SPEC.md section 12, the work is bounded by the
# arrays' sizes, not by the parameters; an output over 2^31 - 1 elements is refused.
HUGE = 2**31 - 1


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_huge_padded_output_is_too_large(method):
    with pytest.raises(pooling.PoolingError) as err:
        pooling.lp_pool(np.ones((1, 1, 1, 1, 1)), 2, HUGE, stride=1, padding=HUGE - 1,
                        method=method)
    assert err.value.identifier == "pooling:tooLarge"


@pytest.mark.parametrize("method", ["fast", "naive"])
@pytest.mark.parametrize("rank", [1, 3])
def test_huge_kernel_over_a_small_input_costs_what_the_input_costs(method, rank):
    # kernel 2^31 - 1, stride 2^31 - 1, padding 2^31 - 2 on length 1: one output per axis,
    # one real element; the strided fast path must not loop over the kernel's offsets.
    x = np.full((1, 1) + (1,) * rank, -3.0)
    kw = dict(stride=HUGE, padding=HUGE - 1, ceil_mode=True, method=method)
    for p in (1, 2):
        y = pooling.lp_pool(x, p, HUGE, **kw)
        assert y.shape == x.shape and y.item() == 3.0
        dx = pooling.lp_pool_backward(np.full(y.shape, 8.0), x, p, HUGE, **kw)
        assert dx.item() == -8.0
    # Output larger than the input, windows sliding over one element from both sides.
    x = np.array([[[1.0, -2.0]]])
    y = pooling.lp_pool(x, 1, 2**10, stride=1, padding=2**10 - 1, method=method)
    assert y.shape == (1, 1, 2**10 + 1)
    assert np.array_equal(y[0, 0], np.r_[1.0, np.full(2**10 - 1, 3.0), 2.0])


@pytest.mark.parametrize("k, s, pad", [(4, 1, 3), (5, 3, 4), (7, 9, 6), (3, 1, 0), (6, 2, 5)])
def test_live_offsets_are_exactly_the_offsets_with_a_real_element(k, s, pad):
    from pooling.parameters import window_geometry
    from pooling.range_fast import live_offsets
    from pooling.ranges import geometry_windows

    for length in range(1, 9):
        if pad > k - 1 or length + 2 * pad < k:
            continue
        w = geometry_windows(window_geometry((length,), k, s, pad, 1, True, "t"))
        expect = [j for j in range(k) if any(
            0 <= o * s - pad + j < length for o in range(w.out_size[0]))]
        assert live_offsets(w, 0) == expect, (length, k, s, pad)
