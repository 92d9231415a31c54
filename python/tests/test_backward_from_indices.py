"""``max_pool_backward(..., indices=idx)``: the recomputed gradient's bits, and the checks."""

import numpy as np
import pytest
from helpers import order_sensitive, pooling_calls, same_bits, unless_refused
from hypothesis import given, settings

import pooling


@settings(max_examples=150, deadline=None)
@given(pooling_calls())
def test_from_indices_equals_recomputing_bit_for_bit(call):
    x, params, rng = call
    pooled = unless_refused("pooling:emptyWindow", pooling.max_pool, x, return_indices=True,
                            **params)
    if pooled is None:
        return
    y, idx = pooled
    dy = order_sensitive(rng, y.shape, x.dtype)
    recomputed = pooling.max_pool_backward(dy, x, **params, method="naive")
    for method in ("fast", "naive"):
        for kind in (np.int64, np.int32, np.uint16):
            got = pooling.max_pool_backward(dy, x, **params, indices=idx.astype(kind),
                                            method=method)
            assert same_bits(got, recomputed)


def test_overlapping_windows_accumulate_in_output_order():
    # k3 s1: the 2 at position 1 is every window's maximum; 1 + 2^53 - 2^53 = 0 in order.
    x = np.array([[[0.0, 2.0, 1.0, 0.0]]])
    dy = np.array([[[1.0, 2.0**53]]])
    y, idx = pooling.max_pool(x, 3, stride=1, return_indices=True)
    assert idx.tolist() == [[[1, 1]]]
    for method in ("fast", "naive"):
        dx = pooling.max_pool_backward(dy, x, 3, stride=1, indices=idx, method=method)
        assert dx.tolist() == [[[0.0, 1.0 + 2.0**53, 0.0, 0.0]]]


def test_the_gradient_goes_where_the_indices_say():
    x = np.array([[[1.0, 3.0, 2.0, 0.0]]])
    other = np.array([[[0, 2]]])  # inside their windows, not the maxima
    dx = pooling.max_pool_backward(np.ones((1, 1, 2)), x, 2, indices=other)
    assert dx.tolist() == [[[1.0, 0.0, 1.0, 0.0]]]


def test_empty_batch():
    x = np.zeros((0, 2, 5, 5), dtype=np.float32)
    idx = np.zeros((0, 2, 2, 2), dtype=np.int64)
    dx = pooling.max_pool_backward(np.zeros((0, 2, 2, 2), np.float32), x, 2, indices=idx)
    assert dx.shape == x.shape and dx.dtype == np.float32


X = np.arange(16.0).reshape(1, 1, 4, 4)
DY = np.ones((1, 1, 2, 2))
IDX = np.array([[[[5, 7], [13, 15]]]])


@pytest.mark.parametrize("method", ["fast", "naive"])
@pytest.mark.parametrize(
    "indices, words",
    [
        (IDX[..., :1], "shape (1, 1, 2, 2)"),
        (IDX.astype(np.float64), "integer array; got dtype float64"),
        (IDX.astype(bool), "integer array; got dtype bool"),
        ("5", "integer array; got str"),
        (np.ma.masked_array(IDX), "masked"),
        (np.array([[[[5, 7], [13, 16]]]]), "indices[0, 0, 1, 1] = 16 lies outside [0, 16)"),
        (np.array([[[[5, -1], [13, 15]]]]), "indices[0, 0, 0, 1] = -1 lies outside"),
        (np.array([[[[5, 7], [7, 15]]]], dtype=np.uint8),
         "indices[0, 0, 1, 0] = 7 (position (1, 3)"),
        (np.array([[[[5, 5], [13, 15]]]]), "window of its own output position (0, 1)"),
    ],
)
def test_bad_indices(method, indices, words):
    with pytest.raises(pooling.PoolingError, match=None) as info:
        pooling.max_pool_backward(DY, X, 2, indices=indices, method=method)
    assert info.value.identifier == "pooling:badIndices"
    assert words in str(info.value)


def test_padding_and_overhang_are_outside_every_window():
    # k2 s2 pad 1 on 3 elements: output 0 covers positions -1 (padding) and 0.
    x = np.array([[[1.0, 2.0, 3.0]]])
    with pytest.raises(pooling.PoolingError, match=r"indices\[0, 0, 0\] = 1"):
        pooling.max_pool_backward(np.ones((1, 1, 2)), x, 2, padding=1, indices=[[[1, 1]]])
    # dilation 2: output 0 of k2 d2 covers positions 0 and 2, not 1.
    x = np.arange(5.0).reshape(1, 1, 5)
    with pytest.raises(pooling.PoolingError, match="own output position"):
        pooling.max_pool_backward(np.ones((1, 1, 3)), x, 2, stride=1, dilation=2,
                                  indices=[[[1, 3, 4]]])


def test_checks_come_after_dy():
    with pytest.raises(pooling.PoolingError) as info:
        pooling.max_pool_backward(np.ones((1, 1, 3, 3)), X, 2, indices="bad")
    assert info.value.identifier == "pooling:badGradient"
