"""Windows that are one contiguous range of input positions per axis.

Adaptive pooling (SPEC.md, "Adaptive pooling") and Lp pooling (no dilation,
padding absent) both have windows of this form: on spatial axis ``a`` the
window of output ``o`` covers the input positions ``lo[a][o] .. hi[a][o] - 1``,
never empty.  The kernels in ``range_naive`` and ``range_fast`` work on this
one description, so the two operators share their loops.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RangeWindows:
    """Per-axis window ranges; ``lo`` and ``hi`` are tuples of int64 arrays, one per axis."""

    in_size: tuple
    out_size: tuple
    lo: tuple
    hi: tuple
    # The ``Geometry`` (dilation 1) these windows come from, if any: regular
    # windows, which the fast path reads through strided slices.
    geom: object = None

    @property
    def rank(self):
        return len(self.in_size)

    def extent(self, axis):
        """The largest window length on ``axis``."""
        return int((self.hi[axis] - self.lo[axis]).max())

    def counts(self):
        """The number of input elements of every window, an int64 array of shape ``out_size``."""
        total = np.ones((1,) * self.rank, dtype=np.int64)
        for a in range(self.rank):
            shape = [1] * self.rank
            shape[a] = -1
            total = total * (self.hi[a] - self.lo[a]).reshape(shape)
        return total


def adaptive_bounds(length, out):
    """``(lo, hi)`` of the adaptive windows of one axis, in integer arithmetic.

    Window ``i`` covers ``[floor(i*L/O), ceil((i+1)*L/O))`` (SPEC.md,
    "Adaptive pooling"); Python integers make this exact for every size.
    """
    # int64 holds every product i*L below 2^62; beyond, Python integers.
    i = np.arange(out, dtype=np.int64 if out * length < 2**62 else object)
    lo = (i * length) // out
    hi = -((-(i + 1) * length) // out)
    return lo.astype(np.int64), hi.astype(np.int64)


def adaptive_windows(in_size, out_size):
    """The ``RangeWindows`` of adaptive pooling from ``in_size`` to ``out_size``."""
    bounds = [adaptive_bounds(n, o) for n, o in zip(in_size, out_size, strict=True)]
    return RangeWindows(tuple(in_size), tuple(out_size),
                        tuple(b[0] for b in bounds), tuple(b[1] for b in bounds))


def geometry_windows(geom):
    """The ``RangeWindows`` of a checked ``Geometry`` without dilation (padding clipped away)."""
    lo, hi = [], []
    for a in range(geom.rank):
        start = np.arange(geom.out_size[a], dtype=np.int64) * geom.stride[a] - geom.pad_before[a]
        lo.append(np.maximum(start, 0))
        hi.append(np.minimum(start + geom.kernel[a], geom.in_size[a]))
    return RangeWindows(geom.in_size, geom.out_size, tuple(lo), tuple(hi), geom)
