"""The adaptive average pooling fixture groups (fixtures/adaptive_avg_pool/*.yaml); see common.py.

Each window (SPEC.md section 16) is summed from +0.0 in row-major order and
divided once by its own element count; the backward pass adds ``dy / count``
to every element, outputs in ascending order.
"""

import numpy as np

from .common import INF, LARGEST, NAN, adaptive_float32_empty, case, error, line, plane, pool_golden
from .inputs import distinct, order_sensitive

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

WINDOWS = [
    case("aavg-1d-spec-example", "SPEC.md 16's worked example: L=6, O=4; the last window "
         "{-0.0, +0.0} averages to +0.0 (the sum starts at +0.0)",
         line([1.0, 5.0, 2.0, 5.0, -0.0, 0.0]), output_size=4, dy=line([1.0, 2.0, 4.0, 8.0]),
         expect={"y": [3.0, 3.5, 2.5, 0.0], "dx": [0.5, 1.5, 1.0, 2.0, 6.0, 4.0]}),
    case("aavg-1d-overlap-5-to-3", "L=5, O=3: [0,2) [1,4) [3,5), counts 2, 3, 2",
         line([3.0, 9.0, 1.0, 7.0, 5.0]), output_size=3, dy=line([2.0, 3.0, 4.0]),
         expect={"y": [6.0, 17.0 / 3.0, 6.0], "dx": [1.0, 2.0, 1.0, 3.0, 2.0]}),
    case("aavg-1d-grow-5-to-7", "L=5, O=7: [0,1) [0,2) [1,3) [2,3) [2,4) [3,5) [4,5)",
         line([4.0, 1.0, 5.0, 2.0, 3.0]), output_size=7,
         expect={"y": [4.0, 2.5, 3.0, 5.0, 3.5, 2.5, 3.0]}),
    case("aavg-1d-grow-2-to-4", "L=2, O=4: windows of one element repeat",
         line([2.0, 4.0]), output_size=4, expect={"y": [2.0, 2.0, 4.0, 4.0], "dx": [-1.0, -4.0]}),
    case("aavg-1d-n2-c3-7-to-3", "1-D, N=2, C=3, L=7 to O=3", distinct((2, 3, 7), 1600),
         output_size=3),
    case("aavg-2d-uneven-5x7-to-3x4", "2-D, N=2, C=3, 5x7 to 3x4: windows of 2x2 to 3x3",
         distinct((2, 3, 5, 7), 1601), output_size=[3, 4]),
    case("aavg-2d-grow-2x3-to-5x4", "2-D, output larger than the input on both axes",
         distinct((1, 1, 2, 3), 1602), output_size=[5, 4]),
    case("aavg-2d-7x7-to-1x1", "2-D, 7x7 to 1x1 (ResNet's head): one row-major sum of 49, "
         "one division", distinct((1, 2, 7, 7), 1603), output_size=1),
    case("aavg-3d-uneven", "3-D, 4x5x3 to 3x2x4", distinct((1, 2, 4, 5, 3), 1604),
         output_size=[3, 2, 4]),
    *adaptive_float32_empty("aavg", 1605),
]
GROUPS["windows"] = ("uneven, overlapping and repeated adaptive windows in 1, 2 and 3 "
                     "dimensions", WINDOWS)

# A 3x3 window summing to 11: 11/9 differs from (11/3)/3 in float64 (PyTorch divides
# twice); in float32 the sum 5 does.
ONE_DIVISION_64 = [[-4.0, -3.0, -2.0], [-1.0, 0.0, 1.0], [2.0, 3.0, 15.0]]
ONE_DIVISION_32 = [[-4.0, -3.0, -2.0], [-1.0, 0.0, 1.0], [2.0, 3.0, 9.0]]

RULES = [
    case("aavg-2d-one-division-float64", "3x3 to 1x1, sum 11: one division 11/9, not (11/3)/3",
         plane(ONE_DIVISION_64), output_size=1, expect={"y": [[11.0 / 9.0]]}),
    case("aavg-2d-one-division-float32", "float32 3x3 to 1x1, sum 5: 5/9, not (5/3)/3",
         plane(ONE_DIVISION_32), dtype="float32", output_size=1,
         expect={"y": [[np.float32(5.0) / np.float32(9.0)]]}),
    case("aavg-1d-row-major-sum", "[1, 2^53, -2^53]: the sum from +0.0 in order is 0, so 0/3",
         line([1.0, 2.0**53, -(2.0**53)]), output_size=1, expect={"y": [0.0]}),
    case("aavg-2d-order-sensitive", "Magnitudes from 2^-30 to 2^30: any other summation "
         "order shows", order_sensitive((1, 2, 7, 9), 1610), output_size=[2, 4]),
    case("aavg-1d-signed-zero", "{-0.0, -0.0} averages to +0.0: the sum starts at +0.0",
         line([-0.0, -0.0, 1.0]), output_size=2, expect={"y": [0.0, 0.5]}),
    case("aavg-1d-nan-inf", "Inf, Inf - Inf = NaN and NaN propagate through the sums",
         line([1.0, INF, -INF, NAN, 2.0]), output_size=3, expect={"y": [INF, NAN, NAN]}),
    case("aavg-1d-overflow", "The sum overflows to Inf before the division",
         line([1.5e308, 1.5e308, 1.0]), output_size=2, expect={"y": [INF, 7.5e307]}),
    case("aavg-1d-backward-ascending-order", "L=3, O=7: element 0 gets dy/1 + dy/1 + dy/2 "
         "from windows 0, 1, 2: ((0 + 1) + 2^53) - 2^53 = 0 in ascending order",
         line([9.0, 1.0, 1.0]), output_size=7,
         dy=line([1.0, 2.0**53, -(2.0**54), 0.0, 0.0, 0.0, 0.0]),
         expect={"dx": [0.0, -(2.0**53), 0.0]}),
    case("aavg-2d-backward-overlap", "2-D, 5x5 to 4x4: overlapping windows accumulate",
         distinct((1, 2, 5, 5), 1611), output_size=4),
    case("aavg-1d-backward-negative-zero-dy", "L=5, O=3, dy all -0.0: dx starts at +0.0 and "
         "the -0.0 shares added to it give +0.0, in one window (elements 0, 2, 4) and in two "
         "(1, 3)", line([3.0, 9.0, 1.0, 7.0, 5.0]), output_size=3, dy=line([-0.0, -0.0, -0.0]),
         expect={"dx": [0.0, 0.0, 0.0, 0.0, 0.0]}),
    case("aavg-1d-backward-negative-zero-dy-one-window", "L=3, O=1, dy = -0.0: each element's "
         "one share -0.0/3 is added to +0.0, so dx is +0.0, not the share itself",
         line([3.0, 9.0, 1.0]), output_size=1, dy=line([-0.0]),
         expect={"dx": [0.0, 0.0, 0.0]}),
    case("aavg-2d-backward-negative-zero-dy-1x1", "2-D, 2x3 to 1x1, dy = -0.0 in channel 0 "
         "and 6.0 in channel 1: dx is +0.0 (each share added to +0.0), then 1.0",
         [[[[3.0, 9.0, 1.0], [7.0, 5.0, 2.0]], [[4.0, 8.0, 6.0], [0.5, 1.5, 2.5]]]],
         output_size=1, dy=[[[[-0.0]], [[6.0]]]],
         expect={"dx": [[[0.0] * 3] * 2, [[1.0] * 3] * 2]}),
]
GROUPS["rules"] = ("one division by the window's count, row-major sums from +0.0, specials and the "
                   "backward order", RULES)

X2 = plane([[1.0, 2.0], [3.0, 4.0]])
ERRORS = [
    error("aavg-error-output-size-zero", "output_size 0", X2, "pooling:badOutputSize",
          output_size=0),
    error("aavg-error-output-size-negative", "output_size -2 on one axis", X2,
          "pooling:badOutputSize", output_size=[-2, 2]),
    error("aavg-error-output-size-count", "two sizes for one spatial axis", line([1.0, 2.0]),
          "pooling:badOutputSize", output_size=[2, 2]),
    error("aavg-error-backward-output-size", "the backward call checks output_size too", X2,
          "pooling:badOutputSize", call="adaptive_avg_pool_backward", dy=X2, output_size=0),
    error("aavg-error-too-large", "an output of (2^31 - 1)^2 elements is refused before "
          "anything is allocated", X2, "pooling:tooLarge", output_size=[LARGEST, LARGEST]),
    error("aavg-error-backward-too-large", "the backward call counts the output too", X2,
          "pooling:tooLarge", call="adaptive_avg_pool_backward", dy=X2,
          output_size=[LARGEST, 2]),
    error("aavg-error-integer", "integer x: an average needs floating point",
          plane([[1, 2], [3, 4]]), "pooling:badInput", dtype="int32", output_size=1),
    error("aavg-error-gradient-shape", "dy shaped like x, not like the output", X2,
          "pooling:badGradient", call="adaptive_avg_pool_backward", dy=X2, output_size=1),
]
GROUPS["errors"] = ("errors of adaptive average pooling", ERRORS)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("adaptive_avg_pool")
