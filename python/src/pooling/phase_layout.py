"""Range windows of one size and stride per axis, on a layout where every add is contiguous.

Lp windows, and adaptive windows whose input length is a multiple of the output
length (``7 x 7 -> 1 x 1``, ``56 x 56 -> 7 x 7``), are regular: on axis ``a``
output ``o`` reads padded positions ``o*s + j`` for ``j = 0 .. k-1``, that is
input position ``o*s + j - pb``, absent outside the input.  Split the positions
by phase ``r = j % s``: phase plane ``r`` holds positions ``m*s + r``, so offset
``j`` of every window is the box ``[q, q + O)`` of plane ``r``, ``q = j // s``.

Blocks of (n, c) planes are copied once into the layout ``(*phase, *m, plane)``
(``to_phases``): the planes are the innermost axis, so each offset's box is a
run of whole rows and an add over it is one long contiguous loop, where the
same add over (n, c, h, w) would stride through short rows.  Absent positions
hold ``+0.0``, which changes no sum in SPEC's order (a sum from ``+0.0`` is
never ``-0.0``; ``window_sums`` says how its reduction keeps to that), and the
gradients never leave the layout's real positions.
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import as_strided

# Overlapping windows cost one pass per offset and block; beyond this many the
# general path serves (``range_fast``), as it does for windows of huge kernels.
MAX_OFFSETS = 64


@dataclass(frozen=True)
class Regular:
    """Per-axis ``kernel``, ``stride`` and ``pad_before`` of regular windows, all tuples."""

    in_size: tuple
    out_size: tuple
    kernel: tuple
    stride: tuple
    pad_before: tuple

    @property
    def phases(self):
        """Phases used per axis: ``min(k, s)`` (a stride beyond the kernel skips the rest)."""
        return tuple(min(k, s) for k, s in zip(self.kernel, self.stride, strict=True))

    @property
    def rows(self):
        """Length ``M = O + (k - 1) // s`` of each phase plane, per axis."""
        return tuple(o + (k - 1) // s
                     for o, k, s in zip(self.out_size, self.kernel, self.stride, strict=True))

    @property
    def extent(self):
        """The padded positions the layout holds per axis: ``[0, (M - 1)*s + phases)``."""
        return tuple((m - 1) * s + n for m, s, n in zip(self.rows, self.stride, self.phases,
                                                        strict=True))

    @property
    def overlapping(self):
        return any(k > s for k, s in zip(self.kernel, self.stride, strict=True))

    @property
    def tiling(self):
        """Whether the windows cover the input exactly once (``k == s``, ``O*k == L``, no pad)."""
        return all(k == s and o * k == n and pb == 0 for n, o, k, s, pb in zip(
            self.in_size, self.out_size, self.kernel, self.stride, self.pad_before, strict=True))

    def offsets(self):
        """``(phase, box)`` per window offset, row-major: slices of the phase layout."""
        per_axis = [[(j % s, slice(j // s, j // s + o)) for j in range(k)]
                    for k, s, o in zip(self.kernel, self.stride, self.out_size, strict=True)]
        for combo in itertools.product(*per_axis):
            yield tuple(c[0] for c in combo), tuple(c[1] for c in combo)


def regular(w):
    """The ``Regular`` form of the ``RangeWindows`` ``w``, or None where the layout does not pay."""
    if w.geom is not None:
        g = w.geom
        form = Regular(w.in_size, w.out_size, g.kernel, g.stride, g.pad_before)
    else:
        kernel, stride = [], []
        for lo, hi in zip(w.lo, w.hi, strict=True):
            k = int(hi[0] - lo[0])
            s = int(lo[1] - lo[0]) if lo.size > 1 else k
            if s < 1 or (hi - lo != k).any() or (lo != np.arange(lo.size) * s).any():
                return None
            kernel.append(k)
            stride.append(s)
        form = Regular(w.in_size, w.out_size, tuple(kernel), tuple(stride), (0,) * w.rank)
    # The layout must stay about the input's size and the offsets few: huge
    # kernels and paddings (up to 2^31 - 1) stay on the general path.
    if math.prod(form.extent) > 4 * math.prod(form.in_size) + 64:
        return None
    if form.overlapping and math.prod(form.kernel) > MAX_OFFSETS:
        return None
    return form


def to_phases(xb, form):
    """``xb`` (B, 1, *in_size) as ``(*phases, *rows, B)``, contiguous, ``+0.0`` where absent."""
    b, rank = xb.shape[0], len(form.in_size)
    xb = xb.reshape((b,) + tuple(form.in_size))
    extent = form.extent
    inside = all(pb == 0 and e <= n for pb, e, n in zip(form.pad_before, extent, form.in_size,
                                                        strict=True))
    if not inside:
        padded = np.zeros((b,) + extent, dtype=xb.dtype)
        src, dst = [slice(None)], [slice(None)]
        for n, pb, e in zip(form.in_size, form.pad_before, extent, strict=True):
            stop = min(n, e - pb)
            src.append(slice(0, stop))
            dst.append(slice(pb, pb + stop))
        padded[tuple(dst)] = xb[tuple(src)]
        xb = padded
    shape, strides = [b], [xb.strides[0]]
    for a in range(rank):
        step = xb.strides[1 + a]
        shape += [form.rows[a], form.phases[a]]
        strides += [form.stride[a] * step, step]
    view = as_strided(xb, tuple(shape), tuple(strides), writeable=False)
    order = [2 + 2 * a for a in range(rank)] + [1 + 2 * a for a in range(rank)] + [0]
    return np.ascontiguousarray(view.transpose(order))


def planes_last(a):
    """``(B, 1, *spatial)`` as ``(*spatial, B)``, contiguous."""
    return np.ascontiguousarray(np.moveaxis(a[:, 0], 0, -1))


def planes_first(t):
    """``(*spatial, B)`` back to ``(B, 1, *spatial)``."""
    return np.moveaxis(t, -1, 0)[:, None]


def from_phases(d, form):
    """Phase layout ``d`` back to ``(B, 1, *in_size)`` (a view); ``+0.0`` where no phase is.

    Two copies, each with the planes as its innermost run: to the padded
    positions ``(*padded, B)``, then (by the caller's assignment of the
    view) to the planes first.
    """
    rank, b = len(form.in_size), d.shape[-1]
    # Padded positions per axis enough for [0, pb + in_size) and for the layout.
    size = tuple(max(e, pb + n) for e, pb, n in zip(form.extent, form.pad_before,
                                                     form.in_size, strict=True))
    whole = size == form.extent and form.phases == form.stride
    padded = (np.empty if whole else np.zeros)(size + (b,), dtype=d.dtype)
    shape, strides = [], []
    for a in range(rank):
        shape += [form.rows[a], form.phases[a]]
        strides += [form.stride[a] * padded.strides[a], padded.strides[a]]
    view = as_strided(padded, tuple(shape) + (b,), tuple(strides) + (padded.strides[-1],))
    order = [v for a in range(rank) for v in (rank + a, a)] + [2 * rank]
    view[...] = d.transpose(order)
    box = tuple(slice(pb, pb + n) for pb, n in zip(form.pad_before, form.in_size, strict=True))
    return planes_first(padded[box])


def window_sums(t, form):
    """Each window's sum of the phase layout ``t``, from ``+0.0`` in row-major order.

    Returns ``(*out_size, B)``.  Without overlap every offset's box is a whole
    phase plane, and the phases in row-major order are the leading rows of
    ``t``; ``np.add.reduce`` along the outer axis of a C-contiguous 2-D array
    adds row after row, vectorised along the rows (pairwise summation only
    applies along a contiguous axis, see ``fast.global_``).  It starts from
    the first row, not from ``+0.0``: that differs only where every term is
    ``-0.0``, which the ``+ 0.0`` at the end turns into the ``+0.0`` of SPEC's
    sum.  With overlap the boxes are added one by one, each a contiguous run.
    """
    out = tuple(form.out_size) + (t.shape[-1],)
    if not form.overlapping:
        rows = t.reshape(int(np.prod(form.phases)), -1)
        if rows.shape[1] == 1:
            # One column is one contiguous run, which reduce would sum pairwise.
            total = np.add.accumulate(rows[:, 0])[-1:]
        else:
            total = np.add.reduce(rows, axis=0)
        total += t.dtype.type(0)
        return total.reshape(out)
    offsets = form.offsets()
    phase, box = next(offsets)
    acc = t[phase + box] + t.dtype.type(0)  # +0.0 + the first term
    for phase, box in offsets:
        acc += t[phase + box]
    return acc


def scatter(share, shape, form, dtype):
    """``d`` of the phase layout ``shape``: ``share(phase, box)`` added to every offset's box.

    Offsets go in reverse row-major order: for a fixed position a larger
    offset belongs to an earlier output on every axis, so each position gets
    its shares in ascending output order, starting from the ``+0.0`` of
    ``np.zeros`` (SPEC.md's order for overlapping windows).
    """
    d = np.zeros(shape, dtype=dtype)
    for phase, box in reversed(list(form.offsets())):
        d[phase + box] += share(phase, box)
    return d
