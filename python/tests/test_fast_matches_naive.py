"""The fast path gives the naive reference's bits on random inputs (SPEC.md, all rules)."""

import numpy as np
import pytest
from helpers import SPECIALS, fast_equals_naive, order_sensitive, pooling_calls, same_bits
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling


def check_forward_and_backward(forward, backward, call, **options):
    """Fast == naive, bit for bit, for ``forward`` and for ``backward`` of a drawn ``dy``.

    ``call`` is drawn by ``pooling_calls``; ``options`` go to both functions, but
    ``return_indices``, which goes to ``forward`` only.
    """
    x, params, rng = call
    params = dict(params, **options)
    pooled = fast_equals_naive(forward, x, refusal="pooling:emptyWindow", **params)
    if pooled is None:
        return
    # With return_indices, max_pool's (y, indices); the backward takes no such option.
    y = pooled[0] if params.pop("return_indices", False) else pooled
    # Order-sensitive gradients: mixed magnitudes make any change of addition order show.
    fast_equals_naive(backward, order_sensitive(rng, y.shape, x.dtype), x, **params)


@settings(max_examples=150, deadline=None)
@given(pooling_calls())
def test_fast_forward_and_backward_equal_naive_bit_for_bit(call):
    check_forward_and_backward(pooling.max_pool, pooling.max_pool_backward, call,
                               return_indices=True)


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_selected_values_are_the_input_elements_at_the_indices(method):
    rng = np.random.default_rng(7)
    x = rng.choice(SPECIALS, size=(2, 3, 7, 6))
    y, idx = pooling.max_pool(x, 3, stride=2, padding=1, return_indices=True, method=method)
    planes = x.reshape(2, 3, -1)
    gathered = np.take_along_axis(planes, idx.reshape(2, 3, -1), axis=2).reshape(y.shape)
    assert same_bits(gathered, y)


@settings(max_examples=100, deadline=None)
@given(pooling_calls(), st.booleans(), st.sampled_from([None, 1, 3, 7]))
def test_fast_average_equals_naive_bit_for_bit(call, count_include_pad, divisor_override):
    check_forward_and_backward(pooling.avg_pool, pooling.avg_pool_backward, call,
                               count_include_pad=count_include_pad,
                               divisor_override=divisor_override)


@settings(max_examples=60, deadline=None)
@given(pooling_calls(integers=True))
def test_integer_max_pool_and_unpool_fast_equal_naive(call):
    x, params, rng = call
    pooled = fast_equals_naive(pooling.max_pool, x, return_indices=True,
                               refusal="pooling:emptyWindow", **params)
    if pooled is None:
        return
    y, idx = pooled
    z = fast_equals_naive(pooling.max_unpool, y, idx, x.shape[2:])
    # Unpooling puts every pooled value back where max_pool found it.
    planes = z.reshape(z.shape[:2] + (-1,))
    assert same_bits(np.take_along_axis(planes, idx.reshape(idx.shape[:2] + (-1,)), 2),
                     y.reshape(y.shape[:2] + (-1,)))
    if x.dtype.kind == "f":
        dz = order_sensitive(rng, z.shape, x.dtype)
        fast_equals_naive(pooling.max_unpool_backward, dz, idx)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 3), st.integers(0, 2**32 - 1), st.sampled_from([np.float32, np.float64]))
def test_global_pooling_is_one_window_over_the_plane(rank, seed, dtype):
    rng = np.random.default_rng(seed)
    shape = (2, 3) + tuple(int(v) for v in rng.integers(1, 5, size=rank))
    x = order_sensitive(rng, shape, dtype)
    spatial = shape[2:]
    for method in ("fast", "naive"):
        y, idx = pooling.global_max_pool(x, return_indices=True, method=method)
        y2, idx2 = pooling.max_pool(x, spatial, return_indices=True, method=method)
        assert same_bits(y, y2) and same_bits(idx, idx2)
        assert same_bits(pooling.global_avg_pool(x, method=method),
                         pooling.avg_pool(x, spatial, method=method))
        dy = order_sensitive(rng, y.shape, dtype)
        assert same_bits(pooling.global_avg_pool_backward(dy, x, method=method),
                         pooling.avg_pool_backward(dy, x, spatial, method=method))
        assert same_bits(pooling.global_max_pool_backward(dy, x, method=method),
                         pooling.max_pool_backward(dy, x, spatial, method=method))
