"""The average pooling fixture groups (fixtures/avg_pool/*.yaml); see common.py."""

import numpy as np

from .. import oracle
from .common import CHAPTER, INF, NAN, case, error, line, plane, pool_golden, random_window
from .inputs import distinct, few_values, mixed_specials, order_sensitive

FIVE = line([1.0, 2.0, 3.0, 4.0, 5.0])
BIG = float(2**53)

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    case("avg-2d-chapter-4x4", "The chapter's 4x4 input averaged over 2x2 windows",
         plane(CHAPTER), kernel_size=2, dy=plane([[4.0, 8.0], [16.0, 32.0]]),
         expect={"y": [[3.25, 5.25], [2.0, 2.0]],
                 "dx": [[1, 1, 2, 2], [1, 1, 2, 2], [4, 4, 8, 8], [4, 4, 8, 8]]}),
    case("avg-1d-basic", "1-D, k=2", FIVE, kernel_size=2, expect={"y": [1.5, 3.5]}),
    case("avg-1d-n2-c3-overlap", "1-D with N=2, C=3, k=3, s=1 (overlapping)",
         distinct((2, 3, 7), 200), kernel_size=3, stride=1),
    case("avg-2d-n2-c2-rect", "2-D with N=2, C=2, k=(2,3), s=(1,2)",
         distinct((2, 2, 5, 7), 201), kernel_size=[2, 3], stride=[1, 2]),
    case("avg-2d-n1-c3", "N=1, C=3: MATLAB drops the trailing singleton N",
         distinct((1, 3, 4, 4), 202), kernel_size=2),
    case("avg-2d-n2-c1", "N=2, C=1: a middle singleton in MATLAB's layout",
         distinct((2, 1, 4, 6), 203), kernel_size=[2, 3]),
    case("avg-2d-stride-greater-than-kernel",
         "k=2, s=3: skipped rows and columns get zero gradient",
         distinct((1, 1, 8, 8), 204), kernel_size=2, stride=3),
    case("avg-3d-basic", "3-D, k=2", distinct((1, 2, 4, 4, 4), 205), kernel_size=2),
    case("avg-3d-overlap-rect", "3-D, k=(3,2,2), s=1",
         distinct((1, 1, 4, 3, 4), 206), kernel_size=[3, 2, 2], stride=1),
    case("avg-2d-float32", "float32, k=3, s=2: sums and divisions in float32",
         distinct((2, 2, 7, 7), 207) / 7.0, dtype="float32", kernel_size=3, stride=2),
]
GROUPS["basic"] = ("ranks 1 to 3, N and C, kernels, strides, dtypes", BASIC)

DIVISOR = [
    case("avg-1d-count-pad", "padding 1 counted: [pad,1] averages to 1/2 (SPEC.md section 8)",
         FIVE, kernel_size=2, padding=1, expect={"y": [0.5, 2.5, 4.5]}),
    case("avg-1d-exclude-pad", "padding 1 not counted: [pad,1] averages to 1",
         FIVE, kernel_size=2, padding=1, count_include_pad=False, expect={"y": [1.0, 2.5, 4.5]}),
    case("avg-1d-ceil-overhang-not-counted",
         "ceil_mode overhang is never counted: [5] averages to 5",
         FIVE, kernel_size=2, ceil_mode=True, expect={"y": [1.5, 3.5, 5.0]}),
    case("avg-1d-ceil-overhang-beyond-padding",
         "in=6, k=3, s=2, padding 1, ceil: the last window counts its padding but not the overhang",
         line([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), kernel_size=3, stride=2, padding=1, ceil_mode=True,
         expect={"y": [1.0, 3.0, 5.0, 3.0]}),
    case("avg-1d-divisor-override", "divisor_override 4 replaces every divisor",
         FIVE, kernel_size=2, divisor_override=4, expect={"y": [0.75, 1.75]}),
    case("avg-2d-divisor-override-padding", "divisor_override with padding, k=3, s=2",
         distinct((1, 1, 5, 5), 210), kernel_size=3, stride=2, padding=1, divisor_override=5),
    case("avg-2d-corners-count-pad", "k=3, s=1, padding 1: corner, edge and centre all divide by 9",
         distinct((1, 1, 4, 4), 211), kernel_size=3, stride=1, padding=1),
    case("avg-2d-corners-exclude-pad", "k=3, s=1, padding 1 not counted: 4, 6 and 9",
         distinct((1, 1, 4, 4), 211), kernel_size=3, stride=1, padding=1,
         count_include_pad=False),
    case("avg-2d-asymmetric-pad", "pads ((0, 1), (2, 0)), k=3, s=2, counted",
         distinct((1, 2, 5, 6), 212), kernel_size=3, stride=2, padding=[[0, 1], [2, 0]]),
    case("avg-2d-asymmetric-pad-exclude", "pads ((0, 1), (2, 0)), k=3, s=2, not counted",
         distinct((1, 2, 5, 6), 212), kernel_size=3, stride=2, padding=[[0, 1], [2, 0]],
         count_include_pad=False),
    case("avg-2d-dilation-pad-divisor", "k=2, d=2, padding 2 = e-1: positions in padding counted",
         distinct((1, 1, 4, 5), 213), kernel_size=2, dilation=2, stride=1, padding=2),
    case("avg-3d-ceil-exclude-pad", "3-D, k=2, s=2, padding 1, ceil_mode, not counted",
         distinct((1, 1, 3, 4, 5), 214), kernel_size=2, padding=1, ceil_mode=True,
         count_include_pad=False),
    case("avg-2d-float32-divisor-3", "float32: one true division by 3 per window",
         order_sensitive((1, 1, 3, 9), 215), dtype="float32", kernel_size=[1, 3]),
]
GROUPS["divisor"] = ("count_include_pad, the ceil overhang and divisor_override", DIVISOR)

SUM_ORDER = [
    case("avg-1d-sum-order-cancel",
         "[1, 2^53, -2^53] sums to 0 from +0.0 in row-major order; reversed it sums to 1",
         line([1.0, BIG, -BIG]), kernel_size=3, expect={"y": [0.0]}),
    case("avg-2d-sum-row-major-not-column-major",
         "[[2^53, 1], [-2^53, 1]]: row-major gives 1/4, column-major would give 2/4",
         plane([[BIG, 1.0], [-BIG, 1.0]]), kernel_size=2, expect={"y": [[0.25]]}),
    case("avg-1d-sum-order-float32", "float32 [1, 2^24, -2^24] sums to 0",
         line([1.0, float(2**24), -float(2**24)]), dtype="float32", kernel_size=3,
         expect={"y": [0.0]}),
    case("avg-2d-sum-order-3x3", "3x3 windows of mixed magnitudes: numpy's pairwise sum differs",
         order_sensitive((2, 2, 6, 6), 220), kernel_size=3, stride=1),
    case("avg-2d-sum-order-3x3-float32", "float32, 3x3 windows of mixed magnitudes, padding 1",
         order_sensitive((1, 2, 6, 6), 221), dtype="float32", kernel_size=3, stride=1, padding=1),
    case("avg-3d-sum-order", "3-D, k=3, s=1, mixed magnitudes",
         order_sensitive((1, 1, 4, 4, 4), 222), kernel_size=3, stride=1),
    case("avg-2d-backward-order", "Overlapping windows, order-sensitive gradients",
         order_sensitive((1, 2, 5, 5), 223), kernel_size=3, stride=1, padding=1,
         dy=order_sensitive((1, 2, 5, 5), 224)),
    case("avg-1d-backward-order-float32", "float32 overlapping windows, dy = [2^24, 3, 3]",
         line([1.0, 2.0, 3.0, 4.0, 5.0]), dtype="float32", kernel_size=3, stride=1,
         dy=line([float(2**24) * 3, 3.0, 3.0]),
         expect={"dx": [2**24, 2**24, 2**24, 2.0, 1.0]}),
]
GROUPS["sum-order"] = ("row-major sums from +0.0 and one division: order-sensitive "
                       "values", SUM_ORDER)

SPECIALS = [
    case("avg-1d-nan", "A NaN anywhere in the window makes its average NaN",
         line([1.0, NAN, 3.0, 4.0]), kernel_size=2, expect={"y": [NAN, 3.5]}),
    case("avg-1d-inf", "+Inf + -Inf is NaN; +Inf alone stays +Inf",
         line([INF, -INF, INF, 1.0, -INF, -INF]), kernel_size=2, expect={"y": [NAN, INF, -INF]}),
    case("avg-1d-negative-zero", "A window of -0.0 averages to +0.0: the sum starts at +0.0",
         line([-0.0, -0.0, -0.0, 1.0]), kernel_size=2, expect={"y": [0.0, 0.5]}),
    case("avg-1d-subnormal", "Subnormal sums and divisions round to even: 3 units / 2 = 2 units",
         line([5e-324, 5e-324, 1e-323, 5e-324]), kernel_size=2, expect={"y": [5e-324, 1e-323]}),
    case("avg-1d-negative-quotient-underflow",
         "A negative sum whose quotient underflows averages to -0.0, not +0.0",
         line([0.0, -5e-324]), kernel_size=2, expect={"y": [-0.0]}),
    case("avg-1d-nan-exclude-pad", "NaN propagates with count_include_pad false too",
         line([NAN, 1.0, 2.0]), kernel_size=2, padding=1, count_include_pad=False,
         expect={"y": [NAN, 1.5]}),
    case("avg-2d-mixed-specials", "NaN, +-Inf, -0.0 and subnormals with overlap",
         mixed_specials((1, 2, 5, 5), 230), kernel_size=2, stride=1),
    case("avg-2d-overflow-float32", "float32 sums that overflow to Inf before the division",
         [[[[3e38, 3e38], [3e38, 3e38]]]], dtype="float32", kernel_size=2,
         expect={"y": [[INF]]}),
]
GROUPS["specials"] = ("NaN, +-Inf, signed zero, subnormals and overflow", SPECIALS)

PADDING = [
    case("avg-1d-same", "'same': in=5, k=2, s=2, pads (0, 1), the padded position counted",
         FIVE, kernel_size=2, padding="same", expect={"y": [1.5, 3.5, 2.5]}),
    case("avg-2d-same-k3", "'same', k=3, s=1, counted", distinct((1, 1, 4, 5), 240),
         kernel_size=3, stride=1, padding="same"),
    case("avg-2d-same-k3-exclude", "'same', k=3, s=1, not counted (TensorFlow's SAME average)",
         distinct((1, 1, 4, 5), 240), kernel_size=3, stride=1, padding="same",
         count_include_pad=False),
    case("avg-2d-valid", "'valid' is padding 0", distinct((1, 1, 5, 5), 241), kernel_size=2,
         padding="valid"),
    case("avg-2d-pad-max", "pads of e-1 = 2 with k=3, s=2", distinct((2, 1, 4, 4), 242),
         kernel_size=3, stride=2, padding=2),
]
GROUPS["padding"] = ("padding strings and large pads", PADDING)


def random_cases():
    """Seeded random cases over every parameter, with order-sensitive values."""
    rng = np.random.default_rng(2025)
    specs = []
    for i in range(12):
        rank = 1 + i % 3
        dtype = "float32" if i % 2 else "float64"
        k, s, d, pads, e = random_window(rng, rank)
        size = tuple(int(e[a] + rng.integers(0, 5)) for a in range(rank))
        params = {"kernel_size": k, "stride": s, "padding": pads, "dilation": d,
                  "ceil_mode": bool(rng.integers(0, 2)),
                  "count_include_pad": bool(rng.integers(0, 2))}
        if i % 4 == 3:
            params["divisor_override"] = int(rng.integers(1, 10))
        _, wins = oracle.windows(size, oracle.normalise(params, size))
        if not all(wins):
            params["dilation"] = 1
            params["padding"] = 0
        shape = (int(rng.integers(1, 3)), int(rng.integers(1, 3)), *size)
        x = order_sensitive(shape, 2000 + i) if i % 3 else few_values(shape, 2000 + i)
        specs.append(case(f"avg-random-{i:02d}-{rank}d", f"Seeded random {rank}-D case, {dtype}",
                          x, dtype=dtype, **params))
    return specs


GROUPS["random"] = ("seeded random cases over every parameter", random_cases())


X2 = plane([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
ERRORS = [
    error("avg-error-integer-input", "average pooling refuses integers",
          plane([[1, 2], [3, 4]]), "pooling:badInput", dtype="int32", kernel_size=2),
    error("avg-error-backward-integer", "avg_pool_backward refuses integers",
          plane([[1, 2], [3, 4]]), "pooling:badInput", call="avg_pool_backward", dtype="int16",
          dy=plane([[1]]), kernel_size=2),
    error("avg-error-divisor-override-zero", "divisor_override 0", X2, "pooling:badOption",
          kernel_size=2, divisor_override=0),
    error("avg-error-divisor-override-fraction", "divisor_override 2.5", X2,
          "pooling:badOption", kernel_size=2, divisor_override=2.5),
    error("avg-error-count-include-pad-not-bool", "count_include_pad given as a string", X2,
          "pooling:badOption", kernel_size=2, count_include_pad="maybe"),
    error("avg-error-kernel-zero", "kernel_size 0", X2, "pooling:badKernel", kernel_size=0),
    error("avg-error-padding-too-large", "padding 2 with k=2", X2, "pooling:badPadding",
          kernel_size=2, padding=2),
    error("avg-error-output-too-small", "k=4 on a 3x3 input", X2, "pooling:outputTooSmall",
          kernel_size=4),
    error("avg-error-gradient-shape", "dy shaped like x", X2, "pooling:badGradient",
          call="avg_pool_backward", dy=X2, kernel_size=2),
]
GROUPS["errors"] = ("every error identifier average pooling raises", ERRORS)

# Pins every case of a group has whatever its values (conformance/golden/tags.py).
PINS = {"sum-order": ("sum-order",)}

# N = 0 works (SPEC.md): every output has N = 0 too; the last window overhanging or not.
EMPTY_BATCH = [
    case("avg-1d-empty-batch", "N=0, 1-D, k=2 on 6", np.zeros((0, 2, 6)), kernel_size=2),
    case("avg-1d-empty-batch-ceil", "N=0, 1-D, k=2 on 5, ceil_mode: the last window overhangs",
         np.zeros((0, 2, 5)), kernel_size=2, ceil_mode=True),
    case("avg-2d-empty-batch", "N=0, C=2, 4x4, k=2", np.zeros((0, 2, 4, 4)), kernel_size=2),
    case("avg-2d-empty-batch-c1-ceil", "N=0, C=1, 5x4, k=2, ceil_mode",
         np.zeros((0, 1, 5, 4)), kernel_size=2, ceil_mode=True),
    case("avg-2d-empty-batch-end-padding-exclude-pad",
         "N=0, 5x5, k=2, padding (0, 1) per axis, count_include_pad false",
         np.zeros((0, 2, 5, 5)), kernel_size=2, padding=[[0, 1], [0, 1]],
         count_include_pad=False),
    case("avg-2d-empty-batch-same-odd", "N=0, 5x5, k=2, s=2, 'same': odd padding (0, 1)",
         np.zeros((0, 2, 5, 5)), kernel_size=2, padding="same"),
    case("avg-2d-empty-batch-float32-ceil-divisor", "N=0, float32, 5x6, k=3, s=2, ceil, divisor 4",
         np.zeros((0, 2, 5, 6)), dtype="float32", kernel_size=3, stride=2, ceil_mode=True,
         divisor_override=4),
    case("avg-3d-empty-batch", "N=0, 3-D, 4x4x4, k=2", np.zeros((0, 2, 4, 4, 4)), kernel_size=2),
    case("avg-3d-empty-batch-ceil-padding", "N=0, 3-D, 3x4x5, k=2, padding 1, ceil_mode",
         np.zeros((0, 1, 3, 4, 5)), kernel_size=2, padding=1, ceil_mode=True),
    case("avg-3d-empty-batch-float32-same-odd", "N=0, float32, 3-D 3x5x3, k=2, s=2, 'same'",
         np.zeros((0, 2, 3, 5, 3)), dtype="float32", kernel_size=2, padding="same"),
    error("avg-error-empty-batch-output-too-small", "N=0 does not skip the checks: k=3 on 2x2",
          np.zeros((0, 1, 2, 2)), "pooling:outputTooSmall", kernel_size=3),
]
GROUPS["empty-batch"] = ("N = 0 in every rank, the last window overhanging or not", EMPTY_BATCH)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("avg_pool")
