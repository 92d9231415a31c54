"""Average pooling, general geometry: one whole-array addition per window offset.

Only offsets that some output sees inside the input are visited
(``common.offsets``), so a huge kernel costs no more than the sizes allow.
``planes2d`` has faster kernels for the common 2-D geometries.
"""

import numpy as np

from ..geometry import divisors
from .common import by_blocks, offsets


def window_sums(xb, geom):
    """Each window's sum, adding one offset's strided slice at a time.

    Adding offsets in row-major order adds each window's elements in its own
    scan order, starting from the ``+0.0`` of ``np.zeros``.
    """
    acc = np.zeros(xb.shape[:2] + geom.out_size, dtype=xb.dtype)
    for _, _, out_s, in_s in offsets(geom):
        box = acc[(Ellipsis,) + out_s]
        box += xb[(Ellipsis,) + in_s]
    return acc


def avg_pool(x, geom, count_include_pad, divisor_override):
    """Window sums (``window_sums``), then one division by each window's divisor."""
    divisor = divisors(geom, count_include_pad, divisor_override).astype(x.dtype)

    def block(xb):
        acc = window_sums(xb, geom)
        return np.divide(acc, divisor, out=acc)

    return by_blocks(block, x, geom.out_size)


def avg_pool_backward(dy, x, geom, count_include_pad, divisor_override):
    """``dy / divisor`` added to the windows, offsets in reverse so outputs come in order.

    For a fixed input element, a larger window offset belongs to an earlier
    output on every axis (``o = (p + pb - j*d) / s``), so reverse row-major
    offset order adds each element's shares in ascending output order,
    starting from the ``+0.0`` of ``np.zeros``.
    """
    divisor = divisors(geom, count_include_pad, divisor_override).astype(x.dtype)

    def block(dyb):
        g = dyb / divisor
        dx = np.zeros(dyb.shape[:2] + geom.in_size, dtype=x.dtype)
        for _, _, out_s, in_s in reversed(list(offsets(geom))):
            target = dx[(Ellipsis,) + in_s]
            target += g[(Ellipsis,) + out_s]
        return dx

    return by_blocks(block, dy, geom.in_size, dtype=x.dtype)
