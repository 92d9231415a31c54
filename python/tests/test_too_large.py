"""Arrays too large to take or allocate are refused before any work (issue 16, item 2).

SPEC.md, "Errors": no array a call takes or returns may have more than
2^31 - 1 elements, an empty batch counted as N = 1 (``pooling:tooLarge``).
"""

import time

import numpy as np
import pytest
from helpers import FORWARDS, refusal

import pooling

LIMIT = 2**31 - 1


def refused_quickly(fn, *args, **kwargs):
    start = time.perf_counter()
    message = refusal("pooling:tooLarge", fn, *args, **kwargs)
    assert time.perf_counter() - start < 1.0
    return message


def test_unpool_to_a_huge_size_is_refused_before_allocating():
    y = np.ones((1, 1, 2, 2))
    idx = np.zeros((1, 1, 2, 2), dtype=np.int64)
    message = refused_quickly(pooling.max_unpool, y, idx, (LIMIT, LIMIT))
    assert "2^31 - 1" in message
    refused_quickly(pooling.max_unpool, y, idx, (1, 1, LIMIT, LIMIT))
    refused_quickly(pooling.max_unpool, y, idx, kernel_size=2**20)


@pytest.mark.parametrize("fn, extra", FORWARDS)
def test_a_75_gib_broadcast_input_is_refused(fn, extra):
    # 10^10 float64 elements viewed from one: 75 GiB if anything copied it.
    x = np.broadcast_to(np.float64(1), (1, 1, 100_000, 100_000))
    assert "x has shape (1, 1, 100000, 100000)" in refused_quickly(fn, x, *extra)


def test_a_huge_broadcast_gradient_or_index_array_is_refused():
    x = np.broadcast_to(np.float64(1), (1, 1, 100_000, 100_000))
    refused_quickly(pooling.max_pool_backward, x, x, 1)
    refused_quickly(pooling.max_unpool_backward, x, np.zeros((1, 1, 1, 1), dtype=np.int64))
    idx = np.broadcast_to(np.int64(0), (1, 1, 100_000, 100_000))
    refused_quickly(pooling.max_unpool_backward, np.ones((1, 1, 1, 1)), idx)


def test_an_empty_batch_counts_as_one_sample():
    x = np.empty((0, 1, 100_000, 100_000))
    refused_quickly(pooling.max_pool, x, 2)
    assert pooling.max_pool(np.empty((0, 1, 4, 4)), 2).shape == (0, 1, 2, 2)


def test_a_legal_window_with_a_huge_output_is_refused():
    x = np.ones((1, 1, 1, 1, 1))
    message = refused_quickly(pooling.max_pool, x, LIMIT, stride=1, padding=LIMIT - 1)
    assert "the output would have shape" in message
    refused_quickly(pooling.avg_pool, np.ones((1, 1, 4, 4)), 2**20, stride=1,
                    padding=2**20 - 1)


def test_the_largest_allowed_count_is_not_refused_by_the_rule():
    assert pooling.arrays.element_count((0, 3, 4)) == 12
    pooling.arrays.check_count((1, 1, LIMIT), "x", "f")
    with pytest.raises(pooling.PoolingError):
        pooling.arrays.check_count((1, 1, LIMIT + 1), "x", "f")
