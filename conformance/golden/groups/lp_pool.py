"""The Lp pooling fixture groups (fixtures/lp_pool/*.yaml); see common.py.

``y = (sum over the window's real elements of |v|^p)^(1/p)`` with max
pooling's windows and no dilation (SPEC.md section 17).  The exact fixtures
use p = 1 (the sum of ``|v|``) and p = 2 (``sqrt`` of the sum of ``v*v``)
only: plain IEEE arithmetic, the same bits in every conforming
implementation.  Inputs have both signs, so ``|x|`` (not ``x``) shows.
"""

import numpy as np

from .common import INF, LARGEST, NAN, case, error, line, plane, pool_golden
from .inputs import distinct, order_sensitive


def signed(shape, seed):
    """Distinct values of both signs: 1..n centred on zero, zero left out."""
    v = distinct(shape, seed)
    v = v - np.floor(v.size / 2)
    return np.where(v <= 0, v - 1, v)


SPEC_X = line([3.0, -4.0, 0.0, -0.0, 1e200, 1.0])

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    case("lp-1d-spec-example-p2", "SPEC.md 17's example, p=2, k=2: [5, +0.0, inf] "
         "((1e200)^2 overflows); dx every zero +0.0 (40 / inf = 0)", SPEC_X, p=2, kernel_size=2,
         dy=line([10.0, 20.0, 40.0]),
         expect={"y": [5.0, 0.0, INF], "dx": [6.0, -8.0, 0.0, 0.0, 0.0, 0.0]}),
    case("lp-1d-spec-example-p1", "SPEC.md 17's example, p=1, k=2: [7, +0.0, 1e200]; "
         "dx = sign(x) * dy, +0.0 where x is zero", SPEC_X, p=1, kernel_size=2,
         dy=line([10.0, 20.0, 40.0]),
         expect={"y": [7.0, 0.0, 1e200], "dx": [10.0, -10.0, 0.0, 0.0, 40.0, 40.0]}),
    case("lp-1d-spec-padding-p2", "SPEC.md 17: padding 1, stride 1, k=2 on [-2 1 2]: windows "
         "{pad,-2} {-2,1} {1,2} {2,pad}; padding is absent", line([-2.0, 1.0, 2.0]), p=2,
         kernel_size=2, stride=1, padding=1,
         expect={"y": [2.0, np.sqrt(5.0), np.sqrt(5.0), 2.0]}),
    case("lp-1d-spec-padding-p1", "SPEC.md 17: the p=1 backward of dy = 1 is [-2, 2, 2]",
         line([-2.0, 1.0, 2.0]), p=1, kernel_size=2, stride=1, padding=1,
         dy=line([1.0, 1.0, 1.0, 1.0]), expect={"y": [2.0, 3.0, 3.0, 2.0], "dx": [-2.0, 2.0, 2.0]}),
    case("lp-2d-spec-row-major", "SPEC.md 17: p=1, k=(2,2) on [[1, 2^53], [-1, 0]] adds "
         "((0 + 1) + 2^53) + 1 = 2^53 in row-major order (column-major gives 2^53 + 2)",
         plane([[1.0, 2.0**53], [-1.0, 0.0]]), p=1, kernel_size=[2, 2],
         expect={"y": [[2.0**53]]}),
    case("lp-1d-p2-n2-c3", "1-D, N=2, C=3, p=2, k=3, s=2", signed((2, 3, 9), 1700), p=2,
         kernel_size=3, stride=2),
    case("lp-1d-p1-overlap", "1-D, p=1, k=3, s=1: every element in up to three windows",
         signed((1, 2, 8), 1701), p=1, kernel_size=3, stride=1),
    case("lp-2d-p2-k3s2", "2-D, p=2, k=3, s=2 on 7x9, N=2, C=2", signed((2, 2, 7, 9), 1702),
         p=2, kernel_size=3, stride=2),
    case("lp-2d-p1-padding-pairs", "2-D, p=1, k=(3,2), s=(2,1), padding ((1,0),(1,1))",
         signed((1, 2, 5, 4), 1703), p=1, kernel_size=[3, 2], stride=[2, 1],
         padding=[[1, 0], [1, 1]]),
    case("lp-2d-p2-ceil-mode", "2-D, p=2, k=2, s=2, ceil_mode: the last windows are partial",
         signed((1, 1, 5, 5), 1704), p=2, kernel_size=2, ceil_mode=True),
    case("lp-3d-p2", "3-D, p=2, k=2, s=1, padding 1", signed((1, 2, 3, 4, 3), 1705), p=2,
         kernel_size=2, stride=1, padding=1),
    case("lp-3d-p1", "3-D, p=1, k=(2,3,2), s=(1,2,1)", signed((1, 1, 3, 5, 4), 1706), p=1,
         kernel_size=[2, 3, 2], stride=[1, 2, 1]),
    case("lp-2d-float32-p2", "float32, p=2, k=3, s=2", signed((2, 2, 7, 7), 1707) / 4.0,
         dtype="float32", p=2, kernel_size=3, stride=2),
    case("lp-1d-float32-p1", "float32, p=1, k=2, s=1, padding 1", signed((1, 3, 6), 1708),
         dtype="float32", p=1, kernel_size=2, stride=1, padding=1),
    case("lp-2d-p-as-float", "p given as the float 2.0 computes as p=2",
         signed((1, 1, 4, 4), 1709), p=2.0, kernel_size=2),
    case("lp-2d-empty-batch", "N=0: an empty result of shape (0, C, *out)",
         np.zeros((0, 2, 5, 5)), p=2, kernel_size=2),
]
GROUPS["basic"] = ("p = 1 and p = 2 over max pooling's windows in 1, 2 and 3 dimensions, padding "
                   "absent", BASIC)

RULES = [
    case("lp-1d-zero-norm-gradient", "p=2, a window of zeros (one -0.0): y = +0.0 and the "
         "gradient is +0.0, never 0/0", line([0.0, -0.0, 3.0, -4.0]), p=2, kernel_size=2,
         dy=line([8.0, 10.0]), expect={"y": [0.0, 5.0], "dx": [0.0, 0.0, 6.0, -8.0]}),
    case("lp-1d-zero-norm-p1", "p=1, a window of zeros: +0.0 forward and backward",
         line([-0.0, -0.0, -1.0]), p=1, kernel_size=2, stride=1,
         dy=line([4.0, 2.0]), expect={"y": [0.0, 1.0], "dx": [0.0, 0.0, -2.0]}),
    case("lp-1d-underflow-norm", "p=2: every v*v underflows to zero, so the norm is +0.0 and "
         "the gradient +0.0", line([1e-200, -1e-200, 3e-200]), p=2, kernel_size=3,
         dy=line([2.0]), expect={"y": [0.0], "dx": [0.0, 0.0, 0.0]}),
    case("lp-1d-overflow-p1", "p=1: the sum overflows to Inf; the gradient is still sign(x)*dy",
         line([1.5e308, -1.5e308, 1.0]), p=1, kernel_size=3, dy=line([2.0]),
         expect={"y": [INF], "dx": [2.0, -2.0, 2.0]}),
    case("lp-1d-inf", "p=2 with Inf in the window: y = Inf; dy / Inf = 0, and Inf * 0 = NaN "
         "for the Inf element itself; -(2 * 0) = -0.0 lands on dx's +0.0",
         line([INF, 1.0, -2.0]), p=2, kernel_size=3,
         dy=line([4.0]), expect={"y": [INF], "dx": [NAN, 0.0, 0.0]}),
    case("lp-1d-nan", "NaN propagates forward; its own gradient is NaN, and dy / NaN is NaN "
         "for its window's other elements", line([1.0, NAN, 2.0, 3.0]), p=2, kernel_size=2,
         dy=line([1.0, 2.0]), expect={"y": [NAN, np.sqrt(13.0)]}),
    case("lp-1d-signed-sum", "p=1 sums |x|, not x: [-3, 3] gives 6 (PyTorch's x^p gives 0)",
         line([-3.0, 3.0, -1.0, -2.0]), p=1, kernel_size=2, expect={"y": [6.0, 3.0]}),
    case("lp-2d-order-sensitive-p1", "Magnitudes from 2^-30 to 2^30, p=1, overlapping "
         "windows: any other order of the sums shows", order_sensitive((1, 2, 6, 7), 1710), p=1,
         kernel_size=3, stride=1),
    case("lp-2d-order-sensitive-p2", "The same with p=2", order_sensitive((1, 2, 6, 7), 1711),
         p=2, kernel_size=3, stride=2, padding=1),
    case("lp-1d-huge-kernel", "kernel, stride 2^31 - 1 and padding 2^31 - 2 over one element, "
         "ceil_mode: one window holding x; the work is bounded by the input, not the kernel",
         line([-3.0]), p=1, kernel_size=LARGEST, stride=LARGEST, padding=LARGEST - 1,
         ceil_mode=True,
         expect={"y": [3.0], "dx": [-1.0]}),
]
GROUPS["rules"] = ("zero norms, under- and overflow, Inf, NaN, |x| and the order of the "
                   "sums", RULES)

X2 = plane([[1.0, -2.0], [3.0, -4.0]])
ERRORS = [
    error("lp-error-p-inf", "p = inf (the max of |x|) is refused: use max_pool of abs(x)", X2,
          "pooling:badOption", p=INF, kernel_size=2),
    error("lp-error-p-half", "p = 0.5 is not a norm", X2, "pooling:badOption", p=0.5,
          kernel_size=2),
    error("lp-error-p-nan", "p = NaN", X2, "pooling:badOption", p=NAN, kernel_size=2),
    error("lp-error-p-zero", "p = 0", X2, "pooling:badOption", p=0, kernel_size=2),
    error("lp-error-p-too-big", "p = 2^31 is above 2^31 - 1", X2, "pooling:badOption",
          p=2**31, kernel_size=2),
    error("lp-error-backward-p", "the backward call checks p too, before dy", X2,
          "pooling:badOption", call="lp_pool_backward", dy=X2, p=-1, kernel_size=2),
    error("lp-error-kernel-before-p", "A bad kernel is reported before a bad p", X2,
          "pooling:badKernel", p=INF, kernel_size=0),
    error("lp-error-stride", "stride 0", X2, "pooling:badStride", p=2, kernel_size=2, stride=0),
    error("lp-error-padding-range", "padding 2 with k=2: outside [0, k - 1]", X2,
          "pooling:badPadding", p=2, kernel_size=2, padding=2),
    error("lp-error-output-too-small", "k=3 does not fit a 2x2 input", X2,
          "pooling:outputTooSmall", p=1, kernel_size=3),
    error("lp-error-too-large", "k = 2^31 - 1, stride 1, padding 2^31 - 2 on 1x1x1: an "
          "output of (2^31 - 1)^3 elements is refused before anything is allocated",
          [[[[[1.0]]]]], "pooling:tooLarge", p=2, kernel_size=LARGEST, stride=1,
          padding=LARGEST - 1),
    error("lp-error-integer", "integer x: a norm needs floating point",
          plane([[1, 2], [3, 4]]), "pooling:badInput", dtype="int32", p=2, kernel_size=2),
    error("lp-error-rank-6", "x with 4 spatial axes (N=2)", [[[[[[1.0]]]]], [[[[[2.0]]]]]],
          "pooling:badInput", p=2, kernel_size=1),
    error("lp-error-gradient-shape", "dy shaped like x, not like the output", X2,
          "pooling:badGradient", call="lp_pool_backward", dy=X2, p=2, kernel_size=2),
]
GROUPS["errors"] = ("errors of Lp pooling", ERRORS)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("lp_pool")
