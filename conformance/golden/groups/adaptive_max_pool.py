"""The adaptive max pooling fixture groups (fixtures/adaptive_max_pool/*.yaml); see common.py.

Window ``i`` of an axis of length ``L`` pooled to ``O`` covers
``[floor(i*L/O), ceil((i+1)*L/O))`` (SPEC.md section 16): uneven, possibly
overlapping, repeated when ``O > L``.  Values are distinct except where ties
are the point, so a wrong window or a wrong tie rule changes an index.
"""

import numpy as np

from ...operators import INT_DTYPES
from .common import INF, LARGEST, NAN, adaptive_float32_empty, case, error, line, plane, pool_golden
from .inputs import distinct, few_values, int_extremes, mixed_specials

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

WINDOWS = [
    case("amax-1d-spec-example", "SPEC.md 16's worked example: L=6, O=4 -> [0,2) [1,3) [3,5) "
         "[4,6); element 1 is chosen by two windows and its gradients add",
         line([1.0, 5.0, 2.0, 5.0, -0.0, 0.0]), output_size=4, dy=line([1.0, 2.0, 4.0, 8.0]),
         expect={"y": [5.0, 5.0, 5.0, -0.0], "indices": [1, 1, 3, 4],
                 "dx": [0.0, 3.0, 0.0, 4.0, 8.0, 0.0]}),
    case("amax-1d-overlap-5-to-3", "L=5, O=3: overlapping windows [0,2) [1,4) [3,5)",
         line([3.0, 9.0, 1.0, 7.0, 5.0]), output_size=3,
         expect={"y": [9.0, 9.0, 7.0], "indices": [1, 1, 3], "dx": [0.0, -1.0, 0.0, 4.0, 0.0]}),
    case("amax-1d-grow-5-to-7", "L=5, O=7 (output larger than input): [0,1) [0,2) [1,3) [2,3) "
         "[2,4) [3,5) [4,5)", line([4.0, 1.0, 5.0, 2.0, 3.0]), output_size=7,
         expect={"indices": [0, 0, 2, 2, 2, 4, 4]}),
    case("amax-1d-grow-2-to-4", "L=2, O=4: windows of one element repeat, [0,1) [0,1) [1,2) "
         "[1,2)", line([3.0, 7.0]), output_size=4,
         expect={"y": [3.0, 3.0, 7.0, 7.0], "indices": [0, 0, 1, 1], "dx": [-1.0, -4.0]}),
    case("amax-1d-n2-c3-7-to-3", "1-D, N=2, C=3, L=7 to O=3 (windows of 3, 4, 3)",
         distinct((2, 3, 7), 1500), output_size=3),
    case("amax-2d-uneven-5x7-to-3x4", "2-D, N=2, C=3, 5x7 to 3x4: uneven windows on both axes",
         distinct((2, 3, 5, 7), 1501), output_size=[3, 4]),
    case("amax-2d-one-output-size", "2-D, 6x5 to 4 per axis (one int for both axes)",
         distinct((1, 2, 6, 5), 1502), output_size=4),
    case("amax-2d-grow-2x3-to-5x4", "2-D, output larger than the input on both axes",
         distinct((1, 1, 2, 3), 1503), output_size=[5, 4]),
    case("amax-2d-7x7-to-1x1", "2-D, 7x7 to 1x1: one window over the plane",
         distinct((1, 2, 7, 7), 1504), output_size=1),
    case("amax-3d-uneven", "3-D, 4x5x3 to 3x2x4 (overlap, shrink and growth)",
         distinct((1, 2, 4, 5, 3), 1505), output_size=[3, 2, 4]),
    *adaptive_float32_empty("amax", 1506),
]
GROUPS["windows"] = ("uneven, overlapping and repeated adaptive windows in 1, 2 and 3 "
                     "dimensions", WINDOWS)

RULES = [
    case("amax-1d-ties-first", "Ties go to the first in row-major order: [0,2) [1,4) [3,5) of "
         "[2 7 7 1 7]", line([2.0, 7.0, 7.0, 1.0, 7.0]), output_size=3,
         expect={"indices": [1, 1, 4]}),
    case("amax-2d-ties-row-major", "2-D ties: the row-major first of the window",
         plane([[1.0, 7.0, 7.0], [7.0, 7.0, 2.0], [7.0, 3.0, 7.0]]), output_size=2,
         expect={"indices": [[1, 1], [3, 4]]}),
    case("amax-1d-nan-first-wins", "The first NaN of a window wins over later NaN and Inf",
         line([1.0, NAN, 5.0, NAN, INF]), output_size=2, expect={"indices": [1, 3]}),
    case("amax-2d-spec-nan", "SPEC.md 16's 2-D example: L=3, O=2 windows [0,2) and [1,3); "
         "the first NaN of each of the first three windows, 9 in the last",
         plane([[1.0, NAN, 3.0], [NAN, 7.0, 7.0], [2.0, 9.0, 0.0]]), output_size=[2, 2],
         expect={"indices": [[1, 1], [3, 7]]}),
    case("amax-1d-signed-zero", "-0.0 before +0.0 stays -0.0; +0.0 before -0.0 stays +0.0",
         line([-0.0, 0.0, 0.0, -0.0]), output_size=3,
         expect={"y": [-0.0, 0.0, 0.0], "indices": [0, 1, 2]}),
    case("amax-1d-all-neg-inf", "Windows of -Inf answer -Inf at their first element",
         line([-INF, -INF, -INF]), output_size=2, expect={"y": [-INF, -INF], "indices": [0, 1]}),
    case("amax-2d-mixed-specials", "NaN, Inf, -0.0, subnormals and ties in uneven windows",
         mixed_specials((2, 2, 5, 6), 1510), output_size=[3, 4]),
    case("amax-3d-ties", "3-D windows of values from {0, 1}: ties everywhere",
         few_values((1, 2, 3, 4, 5), 1511, (0.0, 1.0)), output_size=[2, 3, 3]),
    case("amax-1d-backward-ascending-order", "L=3, O=7: element 0 is chosen by windows 0, 1, 2; "
         "dy = [1, 2^53, -2^53, 0...] adds to ((0 + 1) + 2^53) - 2^53 = 0 in ascending output "
         "order (descending would give 1)", line([9.0, 1.0, 1.0]), output_size=7,
         dy=line([1.0, 2.0**53, -(2.0**53), 0.0, 0.0, 0.0, 0.0]),
         expect={"indices": [0, 0, 0, 1, 1, 2, 2], "dx": [0.0, 0.0, 0.0]}),
    case("amax-2d-backward-overlap", "2-D, 5x5 to 4x4: elements chosen by several overlapping "
         "windows accumulate their distinct powers of two", distinct((1, 2, 5, 5), 1512),
         output_size=4),
]
GROUPS["rules"] = ("ties, NaN, signed zero and the backward order over adaptive windows", RULES)

INTEGERS = [
    case(f"amax-2d-{t}", f"{t} extremes, 4x5 to 3x3 (forward only)",
         int_extremes(t, (2, 2, 4, 5), 1520 + n), dtype=t, output_size=[3, 3])
    for n, t in enumerate(INT_DTYPES)
]
GROUPS["integers"] = ("integer dtypes (forward only)", INTEGERS)

X2 = plane([[1.0, 2.0], [3.0, 4.0]])
ERRORS = [
    error("amax-error-output-size-zero", "output_size 0", X2, "pooling:badOutputSize",
          output_size=0),
    error("amax-error-output-size-negative", "output_size -1 on one axis", X2,
          "pooling:badOutputSize", output_size=[2, -1]),
    error("amax-error-output-size-count", "three sizes for two spatial axes", X2,
          "pooling:badOutputSize", output_size=[2, 2, 2]),
    error("amax-error-output-size-too-big", "an output_size above 2^31 - 1", X2,
          "pooling:badOutputSize", output_size=[2, 2**31]),
    error("amax-error-backward-output-size-zero", "the backward call checks output_size too",
          X2, "pooling:badOutputSize", call="adaptive_max_pool_backward", dy=X2,
          output_size=[0, 2]),
    error("amax-error-too-large", "an output of (2^31 - 1)^2 elements is refused before "
          "anything is allocated", X2, "pooling:tooLarge", output_size=[LARGEST, LARGEST]),
    error("amax-error-too-large-empty-batch", "N=0 counts as N=1: (0, 2, 2^30) has 2^31 "
          "elements", np.zeros((0, 2, 3)), "pooling:tooLarge", output_size=2**30),
    error("amax-error-rank-6", "x with 4 spatial axes (N=2)", [[[[[[1.0]]]]], [[[[[2.0]]]]]],
          "pooling:badInput", output_size=1),
    error("amax-error-gradient-shape", "dy shaped like x, not like the output", X2,
          "pooling:badGradient", call="adaptive_max_pool_backward", dy=X2, output_size=1),
    error("amax-error-backward-integer", "adaptive_max_pool_backward refuses integers",
          plane([[1, 2], [3, 4]]), "pooling:badInput", call="adaptive_max_pool_backward",
          dtype="int16", dy=plane([[1]]), output_size=1),
]
GROUPS["errors"] = ("errors of adaptive max pooling", ERRORS)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("adaptive_max_pool")
