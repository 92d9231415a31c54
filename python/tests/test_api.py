"""The public API: shapes, dtypes, layouts and refusals (SPEC.md, sections 11 to 13)."""

import numpy as np
import pytest
from helpers import refusal

import pooling

CHAPTER = np.array([[1.0, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])[None, None]


def test_poolingerror_is_a_valueerror_with_an_identifier():
    message = refusal("pooling:badKernel", pooling.max_pool, CHAPTER, 0)
    assert issubclass(pooling.PoolingError, ValueError)
    assert "kernel_size" in message and "0" in message


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_outputs_keep_the_input_dtype_and_indices_are_int64(dtype):
    x = CHAPTER.astype(dtype)
    y, idx = pooling.max_pool(x, 2, return_indices=True)
    dx = pooling.max_pool_backward(np.ones_like(y), x, 2)
    assert y.dtype == dtype and dx.dtype == dtype and idx.dtype == np.int64


def test_lists_are_accepted_as_arrays():
    y = pooling.max_pool(CHAPTER.tolist(), 2)
    assert y.tolist() == [[[[6.0, 8.0], [3.0, 4.0]]]]


def test_big_endian_and_non_contiguous_inputs_give_native_identical_results():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 2, 9, 8))
    want_y, want_i = pooling.max_pool(x, 3, stride=2, return_indices=True)
    for variant in (x.astype(">f8"), np.asfortranarray(x), x[:, :, ::1, :][..., ::1].copy()):
        y, i = pooling.max_pool(variant, 3, stride=2, return_indices=True)
        assert y.dtype == np.float64 and y.dtype.isnative
        assert np.array_equal(y, want_y) and np.array_equal(i, want_i)
    strided = np.repeat(x, 2, axis=3)[..., ::2]
    assert np.array_equal(pooling.max_pool(strided, 3, stride=2), want_y)


def test_inputs_are_not_modified():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((1, 2, 6, 6))
    dy = rng.standard_normal((1, 2, 4, 4))
    x0, dy0 = x.copy(), dy.copy()
    for method in ("fast", "naive"):
        pooling.max_pool(x, 3, stride=1, method=method)
        pooling.max_pool_backward(dy, x, 3, stride=1, method=method)
    assert np.array_equal(x, x0) and np.array_equal(dy, dy0)


@pytest.mark.parametrize(
    "x",
    ["abc", None, np.zeros((1, 1, 4, 4), complex),
     np.zeros((1, 1, 4, 4), bool), np.zeros((1, 1, 4, 4), np.float16), np.zeros((4, 4)),
     np.zeros((1, 1, 1, 1, 1, 4)), [[1, 2], [3]]],
    ids=["str", "None", "complex", "bool", "float16", "rank-2", "rank-6", "ragged"],
)
def test_bad_inputs_are_refused_as_badInput(x):
    message = refusal("pooling:badInput", pooling.max_pool, x, 1)
    assert message.startswith("max_pool: x ")


@pytest.mark.parametrize(
    "kwargs, identifier",
    [
        (dict(kernel_size=True), "pooling:badKernel"),
        (dict(kernel_size=2.0), "pooling:badKernel"),
        (dict(kernel_size=[2]), "pooling:badKernel"),
        (dict(kernel_size=2, stride=-1), "pooling:badStride"),
        (dict(kernel_size=2, padding=[[0, 1]]), "pooling:badPadding"),
        (dict(kernel_size=2, padding=[[0, 1, 2], [0, 1, 2]]), "pooling:badPadding"),
        (dict(kernel_size=2, dilation=[1, 0]), "pooling:badDilation"),
        (dict(kernel_size=2, ceil_mode=1), "pooling:badOption"),
        (dict(kernel_size=2, return_indices="yes"), "pooling:badOption"),
        (dict(kernel_size=2, method="slow"), "pooling:badOption"),
        (dict(kernel_size=2, strides=2), "pooling:badOption"),
        (dict(kernel_size=5), "pooling:outputTooSmall"),
    ],
)
def test_bad_parameters_name_the_rule(kwargs, identifier):
    refusal(identifier, pooling.max_pool, CHAPTER, **kwargs)


def test_gradient_of_the_wrong_shape_or_dtype_is_badGradient():
    refusal("pooling:badGradient", pooling.max_pool_backward, np.ones((1, 1, 3, 2)), CHAPTER, 2)
    refusal("pooling:badGradient", pooling.max_pool_backward,
            np.ones((1, 1, 2, 2), np.float32), CHAPTER, 2)
    refusal("pooling:badGradient", pooling.max_pool_backward, "dy", CHAPTER, 2)


def test_docstring_example_runs():
    import doctest
    import importlib

    # The module shares its name with the function it defines.
    module = importlib.import_module("pooling.max_pool")
    failures, tried = doctest.testmod(module, verbose=False)
    assert tried > 0 and failures == 0
