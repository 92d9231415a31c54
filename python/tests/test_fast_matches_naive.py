"""The fast path gives the naive reference's bits on random inputs (SPEC.md, all rules)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pooling

SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 5e-324, -5e-324, 1.0, 1.0, 2.0, -1.0])


@st.composite
def pooling_calls(draw):
    rank = draw(st.integers(1, 3))
    k = [draw(st.integers(1, 3)) for _ in range(rank)]
    s = [draw(st.integers(1, 3)) for _ in range(rank)]
    d = [draw(st.integers(1, 2)) for _ in range(rank)]
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    pads = [(draw(st.integers(0, e[a] - 1)), draw(st.integers(0, e[a] - 1))) for a in range(rank)]
    ceil_mode = draw(st.booleans())
    size = [e[a] + draw(st.integers(0, 4)) for a in range(rank)]
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 2)), *size)
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    kind = draw(st.sampled_from(["distinct", "ties", "specials"]))
    if kind == "distinct":
        x = rng.permutation(int(np.prod(shape))).reshape(shape)
    elif kind == "ties":
        x = rng.integers(-1, 2, size=shape)
    else:
        x = rng.choice(SPECIALS, size=shape)
    params = dict(kernel_size=k, stride=s, padding=[list(p) for p in pads], dilation=d,
                  ceil_mode=ceil_mode)
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
