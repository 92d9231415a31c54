"""Window geometry: output sizes, window positions and the checks that depend on them.

Everything here works per spatial axis and follows SPEC.md, sections 2 to 4:
the window of output ``o`` on an axis covers input positions
``o*s - pb + j*d`` for ``j = 0 .. k-1``; positions outside ``[0, in)`` are
padding (or ceil-mode overhang) and are absent.
"""

from dataclasses import dataclass

import numpy as np

from . import validation
from .errors import PoolingError


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
        o = np.arange(geom.out_size[a])[:, None]
        j = np.arange(geom.kernel[a])[None, :]
        pos = geom.positions(a, o, j)
        lo, hi = 0, geom.in_size[a]
        if count_include_pad:
            lo, hi = -geom.pad_before[a], geom.in_size[a] + geom.pad_after[a]
        count = ((pos >= lo) & (pos < hi)).sum(axis=1)
        shape = [1] * geom.rank
        shape[a] = -1
        total = total * count.reshape(shape)
    return total


def resolve(spatial_shape, kernel_size, stride, padding, dilation, ceil_mode, fname):
    """Check the pooling parameters against the input's spatial shape.

    Returns a ``Geometry``. Raises ``PoolingError`` in SPEC.md's order: ceil_mode, kernel
    size, stride, padding, dilation, pad range, output size, empty windows.
    """
    r = len(spatial_shape)
    ceil_mode = validation.flag(ceil_mode, "ceil_mode", fname)
    k = validation.per_axis(kernel_size, r, "kernel_size", "pooling:badKernel", fname)
    s = k if stride is None else validation.per_axis(
        stride, r, "stride", "pooling:badStride", fname
    )
    pads = validation.padding_pairs(padding, r, fname)
    d = validation.per_axis(dilation, r, "dilation", "pooling:badDilation", fname)
    if pads == "valid":
        pads = ((0, 0),) * r
    elif pads == "same":
        pads = tuple(same_padding(spatial_shape[a], k[a], s[a], d[a]) for a in range(r))

    for axis in range(r):
        e = d[axis] * (k[axis] - 1) + 1
        if max(pads[axis]) > e - 1:
            raise PoolingError(
                "pooling:badPadding",
                f"{fname}: padding {pads[axis]} on spatial axis {axis} must lie in "
                f"[0, e - 1] = [0, {e - 1}], where e = dilation*(kernel_size-1)+1 = {e} is the "
                f"effective window",
            )
    out = tuple(
        output_size(spatial_shape[a], k[a], s[a], pads[a][0], pads[a][1], d[a], ceil_mode)
        for a in range(r)
    )
    for axis in range(r):
        if out[axis] < 1:
            raise PoolingError(
                "pooling:outputTooSmall",
                f"{fname}: kernel_size {k[axis]} with dilation {d[axis]} (a window of "
                f"{d[axis] * (k[axis] - 1) + 1}) does not fit spatial axis {axis} of size "
                f"{spatial_shape[axis]} with padding {pads[axis]}: the output size would be "
                f"{out[axis]}",
            )
    geom = Geometry(
        in_size=tuple(int(n) for n in spatial_shape),
        kernel=k,
        stride=s,
        pad_before=tuple(p[0] for p in pads),
        pad_after=tuple(p[1] for p in pads),
        dilation=d,
        out_size=out,
    )
    for axis in range(r):
        o = np.arange(geom.out_size[axis])[:, None]
        j = np.arange(geom.kernel[axis])[None, :]
        pos = geom.positions(axis, o, j)
        inside = ((pos >= 0) & (pos < geom.in_size[axis])).any(axis=1)
        if not inside.all():
            first = int(np.argmin(inside))
            raise PoolingError(
                "pooling:emptyWindow",
                f"{fname}: window {first} on spatial axis {axis} holds no input element "
                f"(positions {pos[first].tolist()} of an axis of size {geom.in_size[axis]}); "
                f"reduce the dilation or the padding",
            )
    return geom
