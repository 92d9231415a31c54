"""No function allocates a window-expanded copy of its input (issue: peak memory).

numpy reports its allocations to tracemalloc, so the peak of a call is
measured directly.  The bound is a small multiple of what the call must hold
anyway (input + output); an im2col-style copy of ``x`` for 3x3 windows with
stride 1 alone would be 9 times the input.
"""

import tracemalloc

import numpy as np
import pytest

import pooling

X = np.random.default_rng(0).standard_normal((2, 4, 96, 96))
CALLS = {
    "max_pool": lambda: pooling.max_pool(X, 3, stride=1, padding=1),
    "max_pool-indices": lambda: pooling.max_pool(X, 3, stride=1, padding=1, return_indices=True),
    "max_pool_backward": lambda: pooling.max_pool_backward(X, X, 3, stride=1, padding=1),
    "avg_pool": lambda: pooling.avg_pool(X, 3, stride=1, padding=1),
    "avg_pool_backward": lambda: pooling.avg_pool_backward(X, X, 3, stride=1, padding=1),
    "global_max_pool": lambda: pooling.global_max_pool(X, return_indices=True),
    "global_avg_pool": lambda: pooling.global_avg_pool(X),
    "max_unpool": lambda: pooling.max_unpool(*pooling.max_pool(X, 2, return_indices=True),
                                             X.shape[2:]),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_peak_memory_is_a_small_multiple_of_input_plus_output(name):
    CALLS[name]()  # warm up any one-time allocations
    tracemalloc.start()
    try:
        out = CALLS[name]()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    produced = sum(a.nbytes for a in (out if isinstance(out, tuple) else (out,)))
    limit = 3 * (X.nbytes + produced)
    assert peak <= limit, f"{name}: peak {peak / 1e6:.1f} MB > {limit / 1e6:.1f} MB"
