"""Reference pooling for convolutional networks, held bit for bit to golden fixtures.

Arrays are laid out ``(N, C, *spatial)`` with 1 to 3 spatial axes.  The
semantics are those of SPEC.md in the project's repository.
"""

from .adaptive import (
    adaptive_avg_pool,
    adaptive_avg_pool_backward,
    adaptive_max_pool,
    adaptive_max_pool_backward,
)
from .avg_pool import avg_pool, avg_pool_backward
from .errors import IDENTIFIERS, PoolingError
from .global_pool import (
    global_avg_pool,
    global_avg_pool_backward,
    global_max_pool,
    global_max_pool_backward,
)
from .lp_pool import lp_pool, lp_pool_backward
from .max_pool import max_pool, max_pool_backward
from .unpool import max_unpool, max_unpool_backward

__all__ = [
    "IDENTIFIERS",
    "PoolingError",
    "adaptive_avg_pool",
    "adaptive_avg_pool_backward",
    "adaptive_max_pool",
    "adaptive_max_pool_backward",
    "avg_pool",
    "avg_pool_backward",
    "global_avg_pool",
    "global_avg_pool_backward",
    "global_max_pool",
    "global_max_pool_backward",
    "lp_pool",
    "lp_pool_backward",
    "max_pool",
    "max_pool_backward",
    "max_unpool",
    "max_unpool_backward",
]
__version__ = "0.2.0"
