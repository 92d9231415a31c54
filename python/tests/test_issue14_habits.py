"""Refusals that say how to fix the call, and max_unpool's sizes (issue 14)."""

import numpy as np
import pytest

import pooling


def refusal(identifier, fn, *args, **kwargs):
    with pytest.raises(pooling.PoolingError) as info:
        fn(*args, **kwargs)
    assert info.value.identifier == identifier
    return str(info.value)


@pytest.mark.parametrize("backward, args", [
    (pooling.max_pool_backward, (2,)),
    (pooling.avg_pool_backward, (2,)),
    (pooling.global_max_pool_backward, ()),
    (pooling.global_avg_pool_backward, ()),
])
def test_mixed_dtypes_are_refused_with_the_fix(backward, args):
    x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
    out = (2, 2) if args else (1, 1)
    dy = np.ones((1, 1, *out))  # float64, as np.ones gives
    message = refusal("pooling:badGradient", backward, dy, x, *args)
    assert "dy.astype(x.dtype)" in message
