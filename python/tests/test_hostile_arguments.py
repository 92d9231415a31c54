"""Odd but possible arguments get a PoolingError naming the rule, never a numpy error.

Regression set for issue 16, items 3 and 7: nested sequences, 0-d arrays,
masked arrays, and an integer ``dz`` for ``max_unpool_backward``.
"""

import numpy as np
import pytest
from helpers import refusal

import pooling

X = np.arange(16.0).reshape(1, 1, 4, 4)


@pytest.mark.parametrize(
    "kwargs, identifier, name",
    [
        (dict(kernel_size=[2, [2]]), "pooling:badKernel", "kernel_size"),
        (dict(kernel_size=2, stride=[2, [2]]), "pooling:badStride", "stride"),
        (dict(kernel_size=2, dilation=[1, [1]]), "pooling:badDilation", "dilation"),
        (dict(kernel_size=2, padding=[1, [1]]), "pooling:badPadding", "padding"),
        (dict(kernel_size=2, padding=[(0, 1), (1,)]), "pooling:badPadding", "padding"),
        (dict(kernel_size=2, padding=[(0, 1), (1, [1])]), "pooling:badPadding", "padding"),
        (dict(kernel_size=2, padding=[(0, 1), np.array(1)]), "pooling:badPadding", "padding"),
    ],
    ids=["kernel", "stride", "dilation", "padding-ints", "padding-short-pair",
         "padding-nested-pair", "padding-0d-pair"],
)
def test_ragged_sequences_are_refused_with_the_arguments_identifier(kwargs, identifier, name):
    message = refusal(identifier, pooling.max_pool, X, **kwargs)
    assert message.startswith(f"max_pool: {name} must be ")
    assert "sequence of 2" in message


@pytest.mark.parametrize(
    "name, identifier",
    [("kernel_size", "pooling:badKernel"), ("stride", "pooling:badStride"),
     ("padding", "pooling:badPadding"), ("dilation", "pooling:badDilation")],
)
def test_zero_dimensional_arrays_are_refused_alike(name, identifier):
    # SPEC.md, "Errors": an integer parameter is an int or a numpy integer
    # scalar; a 0-d array is neither, for padding as for the others.
    kwargs = {"kernel_size": 2, name: np.array(1)}
    message = refusal(identifier, pooling.avg_pool, X, **kwargs)
    assert message.startswith(f"avg_pool: {name} must be an integer")
    assert message.endswith("; got array(1)")


def test_equal_arrays_as_sequences_are_still_accepted():
    want = pooling.avg_pool(X, 2, padding=((1, 1), (0, 1)))
    got = pooling.avg_pool(X, np.array([2, 2]), padding=np.array([[1, 1], [0, 1]]))
    assert np.array_equal(got, want)


def masked(a):
    return np.ma.masked_array(a, mask=np.zeros(np.shape(a), bool))


def test_masked_arrays_are_refused_wherever_an_array_goes():
    y, idx = pooling.max_pool(X, 2, return_indices=True)
    calls = [
        ("pooling:badInput", "x", pooling.max_pool, (masked(X), 2)),
        ("pooling:badInput", "x", pooling.avg_pool, (masked(X), 2)),
        ("pooling:badInput", "x", pooling.global_max_pool, (masked(X),)),
        ("pooling:badInput", "dy", pooling.max_pool_backward, (masked(y), X, 2)),
        ("pooling:badInput", "dy", pooling.global_avg_pool_backward,
         (masked(np.ones((1, 1, 1, 1))), X)),
        ("pooling:badInput", "y", pooling.max_unpool, (masked(y), idx, (4, 4))),
        ("pooling:badIndices", "indices", pooling.max_unpool, (y, masked(idx), (4, 4))),
        ("pooling:badInput", "dz", pooling.max_unpool_backward, (masked(X), idx)),
        ("pooling:badIndices", "indices", pooling.max_unpool_backward, (X, masked(idx))),
    ]
    for identifier, name, func, args in calls:
        message = refusal(identifier, func, *args)
        assert message.startswith(f"{func.__name__}: {name} must be a plain ndarray")
        assert "masked array" in message and "mask first" in message


def test_a_masked_input_is_not_pooled_as_if_unmasked():
    # The masked 15 used to win the window silently.
    x = np.ma.masked_array(X, mask=X == 15)
    refusal("pooling:badInput", pooling.max_pool, x, 2)


def test_integer_dz_of_max_unpool_backward_is_refused_for_being_a_gradient():
    idx = np.zeros((1, 1, 2, 2), np.int64)
    message = refusal("pooling:badInput", pooling.max_unpool_backward,
                      np.zeros((1, 1, 4, 4), np.int32), idx)
    assert "average" not in message
    assert message == (
        "max_unpool_backward: dz must be a real float32 or float64 array (dz is a gradient, "
        "and gradients must be float32 or float64); got dtype int32"
    )


def test_integer_x_of_avg_pool_keeps_its_reason():
    message = refusal("pooling:badInput", pooling.avg_pool, X.astype(np.int32), 2)
    assert "an integer average would need a rounding rule" in message
