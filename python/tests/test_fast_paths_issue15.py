"""The phase-layout kernels of adaptive average and Lp pooling (``range_regular``): fast == naive.

Each case names the path it reaches: adaptive windows that tile the input
(the backward repeats its shares), that overlap (scatter), a whole plane;
Lp windows with padding or a ceil-mode overhang (a zero-padded layout), a
stride beyond the kernel (phases skipped), p = 1 (the zero override), and
blocks of one plane (``BLOCK_BYTES`` small), so every block boundary shows.
"""

import numpy as np
import pytest
from helpers import SPECIALS, fast_equals_naive, order_sensitive

import pooling
from pooling import phase_layout, range_regular
from pooling.phase_layout import regular
from pooling.ranges import adaptive_windows

ADAPTIVE = [
    ((7, 7), (1, 1)),  # a whole plane: one column per plane in the sums
    ((12, 8), (3, 4)),  # tiling
    ((4, 6, 6), (3, 3, 2)),  # 4 -> 3 overlaps (k = 2, s = 1), the rest tile
    ((9,), (3,)),
]
LP = [  # kernel, stride, padding, ceil_mode
    ((3, 3), (2, 2), (0, 0), False),
    ((3, 2), (2, 2), (1, 0), False),
    ((2, 3), (3, 4), (0, 1), True),  # stride beyond the kernel, ceil-mode overhang
    ((3,), (1,), (1,), True),
    ((2, 2, 3), (1, 2, 2), (1, 0, 1), False),
]


def inputs(shape, dtype, kind, seed):
    rng = np.random.default_rng(seed)
    if kind == "specials":
        # Tiny values make windows of norm 0 (their powers underflow).
        values = np.r_[SPECIALS, 1e-200, -1e-200, 1e-30, -1e-30]
        with np.errstate(over="ignore"):
            return rng.choice(values, size=shape).astype(dtype), rng
    return order_sensitive(rng, shape, dtype), rng


@pytest.fixture
def regular_path(monkeypatch):
    """Whether each fast call took the phase layout: a list, one entry per call."""
    taken = []

    def spy(w):
        form = real(w)
        taken.append(form is not None)
        return form

    real = phase_layout.regular
    monkeypatch.setattr(phase_layout, "regular", spy)
    return taken


@pytest.fixture(params=[1 << 20, 1], ids=["blocks", "one-plane-blocks"])
def block_bytes(request, monkeypatch):
    monkeypatch.setattr(range_regular, "BLOCK_BYTES", request.param)


@pytest.mark.parametrize("in_size, out_size", ADAPTIVE)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind", ["order", "specials"])
def test_adaptive_avg_regular_windows(block_bytes, in_size, out_size, dtype, kind):
    assert regular(adaptive_windows(in_size, out_size)) is not None
    x, rng = inputs((2, 3) + in_size, dtype, kind, 15)
    fast_equals_naive(pooling.adaptive_avg_pool, x, out_size)
    dy, _ = inputs((2, 3) + out_size, dtype, kind, 16)
    fast_equals_naive(pooling.adaptive_avg_pool_backward, dy, x, out_size)


@pytest.mark.parametrize("kernel, stride, padding, ceil_mode", LP)
@pytest.mark.parametrize("p", [1, 2, 3, 2.5])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind", ["order", "specials"])
def test_lp_regular_windows(block_bytes, regular_path, kernel, stride, padding, ceil_mode, p,
                            dtype, kind):
    x, _ = inputs((2, 3) + (7,) * len(kernel), dtype, kind, 17)
    args = (x, p, kernel, stride, padding, ceil_mode)
    y = fast_equals_naive(pooling.lp_pool, *args)
    dy, _ = inputs(y.shape, dtype, kind, 18)
    fast_equals_naive(pooling.lp_pool_backward, dy, *args)
    assert regular_path and all(regular_path)


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_lp_backward_with_a_huge_stride_allocates_by_the_data(regular_path, rank):
    # One window per axis, the stride far beyond the input: the layout back to
    # the input must be sized by the input, not by the stride (SPEC.md 12, too large).
    x, _ = inputs((1, 2) + (8,) * rank, np.float64, "order", 19)
    args = (x, 2, 3, 2**31 - 1)
    y = fast_equals_naive(pooling.lp_pool, *args)
    fast_equals_naive(pooling.lp_pool_backward, np.ones_like(y), *args)
    assert regular_path and all(regular_path)


@pytest.mark.parametrize("in_size, out_size", [((4,), (2,)), ((1, 2), (1, 1))])
def test_adaptive_avg_of_negative_zeros_is_plus_zero_where_windows_tile(regular_path, in_size,
                                                                         out_size):
    # Windows that do not overlap are summed by a reduction that starts from the
    # first term, not from +0.0 (one plane of one window is a single column,
    # summed by accumulate); the sum must still be SPEC's +0.0 for {-0.0, -0.0}.
    x = np.full((1, 1) + in_size, -0.0)
    y = fast_equals_naive(pooling.adaptive_avg_pool, x, out_size)
    assert not np.signbit(y).any()
    assert regular_path and all(regular_path)


def test_lp_gradient_where_x_or_the_norm_is_zero():
    # Windows [0, 0], [0, -1e-200] (norm 0 in float64 for p >= 2) and [NaN, 2]:
    # shares +0.0 where x or the norm is 0, NaN where x is NaN; dy infinite.
    x = np.array([[[0.0, 0.0, 0.0, -1e-200, np.nan, 2.0]]])
    for p in (1, 2, 3):
        dx = fast_equals_naive(pooling.lp_pool_backward, np.full((1, 1, 3), np.inf), x, p, 2)
        zeros = 3 if p == 1 else 4
        assert np.array_equal(dx[0, 0, :zeros], np.zeros(zeros))
        assert not np.signbit(dx[0, 0, :zeros]).any() and np.isnan(dx[0, 0, 4])
