"""The fast path: the naive reference's bits, from whole-array numpy operations.

Every kernel gives the bits of its ``naive`` counterpart; the fixtures and
the randomised tests hold it to that.  The modules:

- ``common``: blocking over (n, c) planes, the window offsets that matter
  (only those that land in the input, so huge kernels cost nothing extra),
  the selection step and bit masks;
- ``max`` and ``avg``: any geometry, one whole-array step per window offset;
- ``planes2d``, ``max2d``, ``avg2d``: the common 2-D geometries (2x2 stride 2,
  3x3 stride 2 pad 1) on contiguous rows and deinterleaved planes;
- ``global_``: one window per plane; ``unpool``: max unpooling.
"""

from . import avg as _avg
from . import avg2d as _a2
from . import max as _max
from . import max2d as _m2
from . import planes2d  # noqa: F401  (its BLOCK_BYTES is a tuning knob)
from .global_ import (
    global_avg_pool,
    global_avg_pool_backward,
    global_max_pool,
    global_max_pool_backward,
)
from .max import max_pool_backward_from_indices
from .unpool import max_unpool, max_unpool_backward

__all__ = [
    "avg_pool", "avg_pool_backward", "global_avg_pool", "global_avg_pool_backward",
    "global_max_pool", "global_max_pool_backward", "max_pool", "max_pool_backward",
    "max_pool_backward_from_indices", "max_unpool", "max_unpool_backward",
]


def max_pool(x, geom, return_indices=True):
    """Return ``(y, indices)`` exactly as ``naive.max_pool`` does (indices may be None)."""
    kernel = _m2.max_kernel(x, geom)
    if kernel is not None and not return_indices:
        return kernel(x), None
    return _max.max_pool(x, geom, return_indices)


def max_pool_backward(dy, x, geom):
    """``dx`` exactly as ``naive.max_pool_backward`` gives it."""
    kernel = _m2.max_backward_kernel(x, geom)
    if kernel is not None:
        return kernel(dy, x)
    return _max.max_pool_backward(dy, x, geom)


def avg_pool(x, geom, count_include_pad, divisor_override):
    """``y`` exactly as ``naive.avg_pool`` gives it."""
    kernel = _a2.avg_kernel(x, geom)
    if kernel is None:
        return _avg.avg_pool(x, geom, count_include_pad, divisor_override)
    return kernel(x, _avg.divisors(geom, count_include_pad, divisor_override))


def avg_pool_backward(dy, x, geom, count_include_pad, divisor_override):
    """``dx`` exactly as ``naive.avg_pool_backward`` gives it."""
    kernel = _a2.avg_backward_kernel(x, geom)
    if kernel is None:
        return _avg.avg_pool_backward(dy, x, geom, count_include_pad, divisor_override)
    return kernel(dy, _avg.divisors(geom, count_include_pad, divisor_override))
