"""The fast path gives the naive reference's bits on random inputs (SPEC.md, all rules)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling

SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 5e-324, -5e-324, 1.0, 1.0, 2.0, -1.0])


@st.composite
def pooling_calls(draw, integers=False):
    rank = draw(st.integers(1, 3))
    k = [draw(st.integers(1, 3)) for _ in range(rank)]
    s = [draw(st.integers(1, 3)) for _ in range(rank)]
    d = [draw(st.integers(1, 2)) for _ in range(rank)]
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    pads = [(draw(st.integers(0, e[a] - 1)), draw(st.integers(0, e[a] - 1))) for a in range(rank)]
    ceil_mode = draw(st.booleans())
    size = [e[a] + draw(st.integers(0, 4)) for a in range(rank)]
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 2)), *size)
    dtypes = [np.float32, np.float64]
    if integers:
        dtypes += [np.int8, np.uint16, np.int64, np.uint64]
    dtype = draw(st.sampled_from(dtypes))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    kind = draw(st.sampled_from(["distinct", "ties", "specials", "magnitudes"]))
    if np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        x = rng.choice(np.array([info.min, 0, 1, info.max], dtype=dtype), size=shape)
    elif kind == "distinct":
        x = rng.permutation(int(np.prod(shape))).reshape(shape)
    elif kind == "ties":
        x = rng.integers(-1, 2, size=shape)
    elif kind == "magnitudes":
        x = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-30, 30, size=shape))
    else:
        x = rng.choice(SPECIALS, size=shape)
    padding = draw(st.sampled_from([[list(p) for p in pads], "same", "valid"]))
    params = dict(kernel_size=k, stride=s, padding=padding, dilation=d, ceil_mode=ceil_mode)
    return x.astype(dtype), params, rng


def same_bits(a, b):
    assert a.dtype == b.dtype and a.shape == b.shape
    if a.dtype.kind == "f":
        uint = np.dtype(f"u{a.dtype.itemsize}")
        nan = np.isnan(a) & np.isnan(b)
        return bool(np.all(nan | (a.view(uint) == b.view(uint))))
    return bool(np.array_equal(a, b))


@settings(max_examples=150, deadline=None)
@given(pooling_calls())
def test_fast_forward_and_backward_equal_naive_bit_for_bit(call):
    x, params, rng = call
    try:
        y_fast, i_fast = pooling.max_pool(x, return_indices=True, **params)
    except pooling.PoolingError as exc:
        assert exc.identifier == "pooling:emptyWindow"
        return
    y_naive, i_naive = pooling.max_pool(x, return_indices=True, method="naive", **params)
    assert same_bits(y_fast, y_naive)
    assert same_bits(i_fast, i_naive)
    # Order-sensitive gradients: mixed magnitudes make any change of addition order show.
    dy = (rng.standard_normal(y_fast.shape) * np.ldexp(1.0, rng.integers(-25, 25, y_fast.shape)))
    dy = dy.astype(x.dtype)
    dx_fast = pooling.max_pool_backward(dy, x, **params)
    dx_naive = pooling.max_pool_backward(dy, x, method="naive", **params)
    assert same_bits(dx_fast, dx_naive)


@pytest.mark.parametrize("method", ["fast", "naive"])
def test_selected_values_are_the_input_elements_at_the_indices(method):
    rng = np.random.default_rng(7)
    x = rng.choice(SPECIALS, size=(2, 3, 7, 6))
    y, idx = pooling.max_pool(x, 3, stride=2, padding=1, return_indices=True, method=method)
    planes = x.reshape(2, 3, -1)
    gathered = np.take_along_axis(planes, idx.reshape(2, 3, -1), axis=2).reshape(y.shape)
    assert same_bits(gathered, y)


def order_sensitive(rng, shape, dtype):
    g = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-25, 25, shape))
    return g.astype(dtype)


@settings(max_examples=100, deadline=None)
@given(pooling_calls(), st.booleans(), st.sampled_from([None, 1, 3, 7]))
def test_fast_average_equals_naive_bit_for_bit(call, count_include_pad, divisor_override):
    x, params, rng = call
    params = dict(params, count_include_pad=count_include_pad, divisor_override=divisor_override)
    try:
        y_fast = pooling.avg_pool(x, **params)
    except pooling.PoolingError as exc:
        assert exc.identifier == "pooling:emptyWindow"
        return
    assert same_bits(y_fast, pooling.avg_pool(x, method="naive", **params))
    dy = order_sensitive(rng, y_fast.shape, x.dtype)
    assert same_bits(pooling.avg_pool_backward(dy, x, **params),
                     pooling.avg_pool_backward(dy, x, method="naive", **params))


@settings(max_examples=60, deadline=None)
@given(pooling_calls(integers=True))
def test_integer_max_pool_and_unpool_fast_equal_naive(call):
    x, params, rng = call
    try:
        y, idx = pooling.max_pool(x, return_indices=True, **params)
    except pooling.PoolingError as exc:
        assert exc.identifier == "pooling:emptyWindow"
        return
    y_n, idx_n = pooling.max_pool(x, return_indices=True, method="naive", **params)
    assert same_bits(y, y_n) and same_bits(idx, idx_n)
    z = pooling.max_unpool(y, idx, x.shape[2:])
    assert same_bits(z, pooling.max_unpool(y, idx, x.shape[2:], method="naive"))
    # Unpooling puts every pooled value back where max_pool found it.
    planes = z.reshape(z.shape[:2] + (-1,))
    assert same_bits(np.take_along_axis(planes, idx.reshape(idx.shape[:2] + (-1,)), 2),
                     y.reshape(y.shape[:2] + (-1,)))
    if x.dtype.kind == "f":
        dz = order_sensitive(rng, z.shape, x.dtype)
        assert same_bits(pooling.max_unpool_backward(dz, idx),
                         pooling.max_unpool_backward(dz, idx, method="naive"))


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
