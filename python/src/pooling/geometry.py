"""Window geometry: output sizes, padding, window positions and divisors, as arithmetic.

Everything here works per spatial axis and follows SPEC.md, sections 2 to 4:
the window of output ``o`` on an axis covers input positions
``o*s - pb + j*d`` for ``j = 0 .. k-1``; positions outside ``[0, in)`` are
padding (or ceil-mode overhang) and are absent.

This module checks nothing and raises nothing: ``parameters.py`` checks the
arguments and builds a ``Geometry`` from them.  Work here is bounded by the
input and output sizes, never by the kernel size, since a legal kernel may
have 2^31 - 1 offsets per axis.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Geometry:
    """Per-axis parameters of one pooling call, all tuples of length ``r``."""

    in_size: tuple
    kernel: tuple
    stride: tuple
    pad_before: tuple
    pad_after: tuple
    dilation: tuple
    out_size: tuple

    @property
    def rank(self):
        return len(self.in_size)

    def positions(self, axis, o, j):
        """Input position, on ``axis``, of offset ``j`` in the window of output ``o``."""
        return o * self.stride[axis] - self.pad_before[axis] + j * self.dilation[axis]

    def valid_outputs(self, axis, j):
        """The range ``[lo, hi)`` of outputs whose offset ``j`` lies inside the input.

        The position grows with ``o``, so the outputs that see a real element
        at a fixed offset form one contiguous range (possibly empty).
        """
        s = self.stride[axis]
        shift = self.pad_before[axis] - j * self.dilation[axis]
        lo = max(0, -(-shift // s))
        hi = min(self.out_size[axis], (self.in_size[axis] - 1 + shift) // s + 1)
        return lo, max(lo, hi)

    def offsets_inside(self, axis, lo, hi):
        """How many offsets of each window on ``axis`` land in ``[lo, hi)``.

        Returns an int64 array of shape ``(out_size[axis],)``.  The positions
        of one window step by ``d`` from ``base = o*s - pb``, so the offsets
        inside are those with ``ceil((lo - base) / d) <= j <= floor((hi - 1 - base) / d)``,
        clipped to ``[0, k - 1]``: O(1) per output, whatever ``k``.
        """
        d = self.dilation[axis]
        base = self.positions(axis, np.arange(self.out_size[axis], dtype=np.int64), 0)
        first = np.maximum(0, -((base - lo) // d))
        last = np.minimum(self.kernel[axis] - 1, (hi - 1 - base) // d)
        return np.maximum(0, last - first + 1)


def output_size(in_size, k, s, pb, pa, d, ceil_mode):
    """Output length on one axis (SPEC.md, "Output size"); may be < 1."""
    e = d * (k - 1) + 1
    span = in_size + pb + pa - e
    if ceil_mode:
        out = -(-span // s) + 1
        # Every window must start inside the input or the left padding.
        if (out - 1) * s >= in_size + pb:
            out -= 1
    else:
        out = span // s + 1
    return out


def same_padding(in_size, k, s, d):
    """(before, after) giving ``ceil(in / s)`` outputs, the extra pad at the end (SPEC 4.1)."""
    out = -(-in_size // s)
    total = max((out - 1) * s + d * (k - 1) + 1 - in_size, 0)
    return total // 2, total - total // 2


def divisors(geom, count_include_pad, divisor_override):
    """The divisor of every output position's average, an int array of shape ``out_size``.

    Per axis, count the window positions inside ``[-pb, in + pa)`` (padding
    counts, the ceil-mode overhang does not) or, without ``count_include_pad``,
    inside ``[0, in)``; the divisor is the product over axes (SPEC.md,
    "Average pooling").
    """
    if divisor_override is not None:
        return np.full(geom.out_size, divisor_override, dtype=np.int64)
    total = np.ones((1,) * geom.rank, dtype=np.int64)
    for a in range(geom.rank):
        lo, hi = 0, geom.in_size[a]
        if count_include_pad:
            lo, hi = -geom.pad_before[a], geom.in_size[a] + geom.pad_after[a]
        shape = [1] * geom.rank
        shape[a] = -1
        total = total * geom.offsets_inside(a, lo, hi).reshape(shape)
    return total


def first_empty_window(geom, axis):
    """The first output on ``axis`` whose window holds no input element, or None."""
    empty = geom.offsets_inside(axis, 0, geom.in_size[axis]) == 0
    return int(np.argmax(empty)) if empty.any() else None
