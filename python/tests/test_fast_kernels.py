"""Fast kernels called directly: backward from saved indices, huge kernels, 2-D special cases.

These hold the kernels of ``pooling.fast`` to the naive reference where the
public functions do not (yet) reach them.
"""

import time

import numpy as np
import pytest
from helpers import SPECIALS, order_sensitive, same_bits

import pooling
from pooling import fast, naive
from pooling.parameters import window_geometry


def geometry(x, kernel, stride=None, padding=0, dilation=1, ceil_mode=False):
    return window_geometry(x.shape[2:], kernel, stride, padding, dilation, ceil_mode, "test")


GEOMETRIES = [
    dict(kernel=2), dict(kernel=3, stride=2, padding=1), dict(kernel=3, stride=1, padding=1),
    dict(kernel=(2, 3), stride=(1, 2), dilation=(2, 1), ceil_mode=True),
    dict(kernel=2, ceil_mode=True), dict(kernel=3, stride=2, padding=1, ceil_mode=True),
]


@pytest.mark.parametrize("shape", [(2, 3, 8, 8), (1, 2, 7, 9), (2, 1, 6), (1, 2, 4, 5, 6)])
@pytest.mark.parametrize("params", GEOMETRIES, ids=str)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int16])
def test_backward_from_indices_equals_recomputing(shape, params, dtype):
    rng = np.random.default_rng(5)
    if np.dtype(dtype).kind == "f":
        x = rng.choice(SPECIALS, size=shape).astype(dtype)
        gdtype = dtype
    else:
        x = rng.integers(-2, 3, size=shape).astype(dtype)
        gdtype = np.float64
    params = dict(params)
    if len(shape) - 2 != 2 and isinstance(params["kernel"], tuple):
        pytest.skip("a 2-D geometry")
    try:
        geom = geometry(x, **params)
    except pooling.PoolingError:
        pytest.skip("geometry does not fit this shape")
    y, idx = naive.max_pool(x, geom, True)
    dy = order_sensitive(rng, y.shape, gdtype)
    got = fast.max_pool_backward_from_indices(dy, idx, x.shape)
    if x.dtype == gdtype:
        assert same_bits(got, naive.max_pool_backward(dy, x, geom))
    # The same sum, written out: each output's gradient added to +0.0 in output order.
    want = np.zeros(x.shape, dtype=gdtype).reshape(x.shape[0] * x.shape[1], -1)
    pairs = zip(idx.reshape(len(want), -1), dy.reshape(len(want), -1), strict=True)
    for p, (rows, cols) in enumerate(pairs):
        for i, g in zip(rows, cols, strict=True):
            want[p, i] += g
    assert same_bits(got, want.reshape(x.shape))


@pytest.mark.parametrize("call", [
    lambda x: pooling.max_pool(x, 10000, ceil_mode=True),
    lambda x: pooling.max_pool(x, 10000, ceil_mode=True, return_indices=True),
    lambda x: pooling.avg_pool(x, 10000, padding=9999),
    lambda x: pooling.avg_pool(x, (10000, 3), stride=(10000, 1), padding=(9999, 1)),
    lambda x: pooling.max_pool_backward(np.ones((1, 2, 1, 1)), x, 10000, ceil_mode=True),
    lambda x: pooling.avg_pool_backward(np.ones((1, 2, 2, 2)), x, 10000, padding=9999),
], ids=["max", "max-indices", "avg", "avg-strided", "max-backward", "avg-backward"])
def test_huge_kernels_cost_what_the_sizes_cost(call):
    # Issue 16, item 2: only offsets that land in the input are visited.
    x = np.arange(32, dtype=np.float64).reshape(1, 2, 4, 4)
    start = time.process_time()
    call(x)
    assert time.process_time() - start < 5


@pytest.mark.parametrize("k", [500, 1001])
def test_huge_kernels_equal_naive(k):
    rng = np.random.default_rng(k)
    x = rng.choice(SPECIALS, size=(2, 2, 4, 5))
    geom = geometry(x, (k, 3), stride=(k, 2), padding=(k - 1, 1), ceil_mode=True)
    for got, want in zip(fast.max_pool(x, geom, True), naive.max_pool(x, geom, True), strict=True):
        assert same_bits(got, want)
    assert same_bits(fast.avg_pool(x, geom, False, None), naive.avg_pool(x, geom, False, None))


SPECIAL_2D = [dict(kernel=2), dict(kernel=3, stride=2, padding=1)]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    # Several blocks of planes even for the small inputs here.
    monkeypatch.setattr(fast.planes2d, "BLOCK_BYTES", 700)


def special_inputs(dtype):
    rng = np.random.default_rng(11)
    for shape in [(2, 3, 8, 8), (1, 1, 2, 2), (1, 2, 4, 6), (3, 7, 8, 8)]:
        for kind in ("specials", "ties", "zeros"):
            if np.dtype(dtype).kind != "f":
                x = rng.integers(-2, 3, size=shape)
            elif kind == "specials":
                x = rng.choice(SPECIALS, size=shape)
            elif kind == "ties":
                x = rng.integers(-1, 2, size=shape).astype(np.float64)
            else:
                x = rng.choice(np.array([0.0, -0.0, -1.0, np.nan]), size=shape,
                               p=[.45, .45, .05, .05])
            yield x.astype(dtype), rng


@pytest.mark.parametrize("params", SPECIAL_2D, ids=["k2s2", "k3s2p1"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int8, np.uint32])
def test_special_2d_max_kernels_equal_naive(params, dtype):
    for x, rng in special_inputs(dtype):
        geom = geometry(x, **params)
        y, _ = fast.max_pool(x, geom, False)
        assert same_bits(y, naive.max_pool(x, geom, False)[0])
        if x.dtype.kind == "f":
            dy = order_sensitive(rng, y.shape, x.dtype)
            assert same_bits(fast.max_pool_backward(dy, x, geom),
                             naive.max_pool_backward(dy, x, geom))


@pytest.mark.parametrize("params", SPECIAL_2D, ids=["k2s2", "k3s2p1"])
@pytest.mark.parametrize("divisor", [(True, None), (False, None), (True, 3)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_special_2d_avg_kernels_equal_naive(params, divisor, dtype):
    for x, rng in special_inputs(dtype):
        geom = geometry(x, **params)
        y = fast.avg_pool(x, geom, *divisor)
        assert same_bits(y, naive.avg_pool(x, geom, *divisor))
        dy = order_sensitive(rng, y.shape, x.dtype)
        assert same_bits(fast.avg_pool_backward(dy, x, geom, *divisor),
                         naive.avg_pool_backward(dy, x, geom, *divisor))


@pytest.mark.parametrize("repeats", [False, True])
def test_unpool_blocks_with_and_without_repeated_targets(monkeypatch, repeats):
    monkeypatch.setattr(fast.unpool, "BLOCK_BYTES", 100)
    rng = np.random.default_rng(3)
    x = rng.integers(-3, 4, size=(3, 5, 6, 6)).astype(np.float32)
    params = dict(kernel=3, stride=1) if repeats else dict(kernel=2)
    geom = geometry(x, **params)
    y, idx = naive.max_pool(x, geom, True)
    assert same_bits(fast.max_unpool(y, idx, (6, 6)), naive.max_unpool(y, idx, (6, 6)))
    dz = order_sensitive(rng, x.shape, x.dtype)
    assert same_bits(fast.max_unpool_backward(dz, idx), naive.max_unpool_backward(dz, idx))
