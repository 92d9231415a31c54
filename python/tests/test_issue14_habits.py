"""Refusals that say how to fix the call, and max_unpool's sizes (issue 14)."""

import numpy as np
import pytest
from helpers import BACKWARDS, refusal

import pooling


@pytest.mark.parametrize("backward, args", BACKWARDS)
def test_mixed_dtypes_are_refused_with_the_fix(backward, args):
    x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
    out = (2, 2) if args else (1, 1)
    dy = np.ones((1, 1, *out))  # float64, as np.ones gives
    message = refusal("pooling:badGradient", backward, dy, x, *args)
    assert "dy.astype(x.dtype)" in message


X = np.arange(2 * 3 * 4 * 6, dtype=np.float64).reshape(2, 3, 4, 6)


def test_max_unpool_accepts_the_full_size_as_pytorch_does():
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    z = pooling.max_unpool(y, idx, X.shape[2:])
    assert np.array_equal(pooling.max_unpool(y, idx, X.shape), z)
    assert np.array_equal(pooling.max_unpool(y, idx, list(X.shape), method="naive"), z)


@pytest.mark.parametrize("size, which", [
    ((1, 3, 4, 6), "N = 1 where y has N = 2"),
    ((2, 4, 4, 6), "C = 4 where y has C = 3"),
    ((3, 1, 4, 6), "N = 3 where y has N = 2 and C = 1 where y has C = 3"),
])
def test_max_unpool_full_size_must_match_n_and_c(size, which):
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    assert which in refusal("pooling:badOutputSize", pooling.max_unpool, y, idx, size)


@pytest.mark.parametrize("kwargs, spatial", [
    (dict(kernel_size=2), (4, 6)),
    (dict(kernel_size=(2, 2), stride=2, padding=0), (4, 6)),
    (dict(kernel_size=3, stride=2), (5, 7)),
    (dict(kernel_size=3, stride=2, padding=1), (3, 5)),
    (dict(kernel_size=(3, 2), stride=(1, 2), padding=(1, 0)), (2, 6)),
])
def test_max_unpool_infers_the_size_as_pytorch_does(kwargs, spatial):
    # (out - 1)*stride - 2*padding + kernel_size per axis; y is 2x3 spatially.
    y = np.arange(1.0, 37.0).reshape(2, 3, 2, 3)
    idx = np.zeros(y.shape, dtype=np.int64)
    z = pooling.max_unpool(y, idx, **kwargs)
    assert z.shape == (2, 3, *spatial)
    assert np.array_equal(z, pooling.max_unpool(y, idx, spatial))


def test_max_unpool_needs_a_size_or_a_kernel():
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    message = refusal("pooling:badOutputSize", pooling.max_unpool, y, idx)
    assert "output_size" in message and "kernel_size" in message
    refusal("pooling:badOutputSize", pooling.max_unpool, y, idx, stride=2)
    refusal("pooling:badOutputSize", pooling.max_unpool, y, idx, kernel_size=1, padding=1)
    refusal("pooling:badKernel", pooling.max_unpool, y, idx, kernel_size=0)
    refusal("pooling:badStride", pooling.max_unpool, y, idx, kernel_size=2, stride=(1, 2, 3))
    refusal("pooling:badPadding", pooling.max_unpool, y, idx, kernel_size=2, padding=-1)
    refusal("pooling:badPadding", pooling.max_unpool, y, idx, kernel_size=2, padding="same")


def test_max_unpool_output_size_wins_over_the_kernel():
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    z = pooling.max_unpool(y, idx, (5, 7), kernel_size=2)
    assert z.shape == (2, 3, 5, 7)


# Per-language conventions (SPEC.md section 12): Python's side. MATLAB's side is
# pinned in matlab/tests/test_issue14_habits.m.
@pytest.mark.parametrize("kwargs, identifier", [
    (dict(padding="SAME"), "pooling:badPadding"),
    (dict(padding="Valid"), "pooling:badPadding"),
    (dict(ceil_mode=1), "pooling:badOption"),
    (dict(ceil_mode=0), "pooling:badOption"),
    (dict(stride=2.0), "pooling:badStride"),
    (dict(stride=np.float32(2)), "pooling:badStride"),
    (dict(dilation=[[1, 1]]), "pooling:badDilation"),
])
def test_python_conventions_refuse_what_matlab_accepts(kwargs, identifier):
    refusal(identifier, pooling.max_pool, X, 2, **kwargs)


def test_python_refuses_integer_valued_float_indices():
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    refusal("pooling:badIndices", pooling.max_unpool, y, idx.astype(np.float64), (4, 6))


def test_python_accepts_numpy_integers_and_bools():
    y = pooling.max_pool(X, np.int8(2), ceil_mode=np.bool_(False), padding="same")
    assert y.shape == (2, 3, 2, 3)


def test_max_unpool_full_size_of_an_empty_batch():
    x = np.zeros((0, 2, 4, 4))
    y, idx = pooling.max_pool(x, 2, return_indices=True)
    assert pooling.max_unpool(y, idx, x.shape).shape == (0, 2, 4, 4)
    assert pooling.max_unpool(y, idx, kernel_size=2).shape == (0, 2, 4, 4)
    refusal("pooling:badOutputSize", pooling.max_unpool, y, idx, (0, 2, 4, 0))
