"""Geometry and its checks cost what the input and output cost, not what the kernel says.

Regression set for issue 16, item 2 (Python side): a legal kernel of 2^31 - 1
used to make the checks allocate ``np.arange(kernel)`` per output (16 GiB).
The kernels of ``fast.py`` are not exercised here with huge windows.
"""

import itertools

import numpy as np
import pytest

import pooling
from pooling.geometry import divisors
from pooling.parameters import window_geometry

BIG = 2**31 - 1


def brute_force_counts(geom, axis, lo, hi):
    return [
        sum(lo <= geom.positions(axis, o, j) < hi for j in range(geom.kernel[axis]))
        for o in range(geom.out_size[axis])
    ]


@pytest.mark.parametrize(
    "size, k, s, pads, d",
    [
        (size, k, s, pads, d)
        for size, k, s, d in itertools.product((1, 4, 7), (1, 2, 3), (1, 2, 3), (1, 2, 3))
        for pads in ((0, 0), (1, 0), (0, 1), (d * (k - 1), d * (k - 1)))
        if size + pads[0] + pads[1] >= d * (k - 1) + 1 and max(pads) <= d * (k - 1)
    ],
)
def test_offsets_inside_counts_what_a_loop_over_the_window_counts(size, k, s, pads, d):
    try:
        geom = window_geometry((size,), k, s, [pads], d, True, "test")
    except pooling.PoolingError as exc:
        assert exc.identifier == "pooling:emptyWindow"
        return
    for lo, hi in ((0, size), (-pads[0], size + pads[1]), (-5, 2), (3, 3)):
        want = brute_force_counts(geom, 0, lo, hi)
        assert geom.offsets_inside(0, lo, hi).tolist() == want, (lo, hi)


def test_the_largest_kernel_is_checked_without_enumerating_it():
    geom = window_geometry((4, 4), BIG, None, 0, 1, True, "max_pool")
    assert geom.out_size == (1, 1)
    assert divisors(geom, True, None).tolist() == [[16]]
    assert divisors(geom, False, None).tolist() == [[16]]


def test_huge_padding_divisors_count_padding_only_when_asked():
    geom = window_geometry((4, 4), 10000, None, 9999, 1, False, "avg_pool")
    assert geom.out_size == (2, 2)
    assert divisors(geom, True, None).tolist() == [[10000**2] * 2] * 2
    assert divisors(geom, False, None).tolist() == [[1, 3], [3, 9]]


def test_an_empty_window_of_a_huge_kernel_is_found_and_described_briefly():
    # Dilation 2 from position -1 visits odd positions only, so window 0
    # misses the one element of the axis however long it is.
    x = np.ones((1, 2, 1, 4))
    with pytest.raises(pooling.PoolingError) as info:
        pooling.max_pool(x, [2**30, 1], stride=1, padding=[(1, BIG - 1), (0, 0)],
                         dilation=[2, 1])
    assert info.value.identifier == "pooling:emptyWindow"
    message = str(info.value)
    assert "window 0 on spatial axis 0" in message
    assert f"positions [-1, 1, 3, ..., {2**31 - 3}] ({2**30} of them)" in message
    assert len(message) < 400


def test_a_small_empty_window_still_lists_every_position():
    with pytest.raises(pooling.PoolingError) as info:
        pooling.max_pool(np.ones((1, 1, 1)), 2, stride=1, padding=1, dilation=2)
    assert info.value.identifier == "pooling:emptyWindow"
    assert "(positions [-1, 1] of an axis of size 1)" in str(info.value)


def test_a_huge_kernel_that_does_not_fit_is_refused_by_arithmetic():
    with pytest.raises(pooling.PoolingError) as info:
        pooling.avg_pool(np.ones((1, 2, 4, 4)), BIG)
    assert info.value.identifier == "pooling:outputTooSmall"
