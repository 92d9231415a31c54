"""The max pooling fixture groups: what each file pins, case by case.

Each group maps to ``fixtures/max_pool/<group>.yaml``; see ``common.py`` for
how a case spec becomes a fixture.
"""

import numpy as np

from .. import oracle
from .common import CHAPTER, INF, NAN, case, error, line, plane, pool_golden, random_window
from .inputs import distinct, few_values, int_extremes, mixed_specials, order_sensitive

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    case("max-2d-chapter-4x4",
         "The chapter's 4x4 input, 2x2 window, stride 2 (worked in SPEC.md, section 5)",
         plane(CHAPTER), kernel_size=2,
         dy=plane([[1.0, 2.0], [4.0, 8.0]]),
         expect={"y": [[6, 8], [3, 4]], "indices": [[5, 7], [8, 15]],
                 "dx": [[0, 0, 0, 0], [0, 1, 0, 2], [4, 0, 0, 0], [0, 0, 0, 8]]}),
    case("max-1d-basic", "1-D, k=2: each pair keeps its larger element",
         line([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]), kernel_size=2,
         expect={"y": [3, 4, 9, 6], "indices": [0, 2, 5, 7]}),
    case("max-1d-n3-c2", "1-D with N=3, C=2, k=3 s=2 (overlapping)",
         distinct((3, 2, 9), 1), kernel_size=3, stride=2),
    case("max-2d-n2-c3-rect-kernel", "2-D with N=2, C=3, a 2x3 kernel on a 5x7 input",
         distinct((2, 3, 5, 7), 2), kernel_size=[2, 3]),
    case("max-2d-n2-c1", "N=2, C=1: a middle singleton in MATLAB's H x W x C x N layout",
         distinct((2, 1, 4, 4), 3), kernel_size=2),
    case("max-2d-n1-c3", "N=1, C=3: MATLAB drops the trailing singleton N",
         distinct((1, 3, 4, 6), 4), kernel_size=2),
    case("max-2d-n1-c1-1x1-output", "The whole 3x3 plane is one window",
         distinct((1, 1, 3, 3), 5), kernel_size=3),
    case("max-2d-kernel-1", "A 1x1 window with stride 1 copies the input",
         distinct((1, 2, 3, 4), 6), kernel_size=1),
    case("max-2d-stride-less-than-kernel", "k=3, s=1: windows overlap by two rows and columns",
         distinct((1, 1, 5, 5), 7), kernel_size=3, stride=1),
    case("max-2d-stride-greater-than-kernel",
         "k=2, s=3: rows and columns between windows are skipped",
         distinct((1, 1, 8, 8), 8), kernel_size=2, stride=3),
    case("max-2d-rect-kernel-rect-stride", "k=(3,2), s=(1,2) on a 6x5 input",
         distinct((2, 2, 6, 5), 9), kernel_size=[3, 2], stride=[1, 2]),
    case("max-3d-basic", "3-D, k=2 on a 4x4x4 volume",
         distinct((1, 1, 4, 4, 4), 10), kernel_size=2),
    case("max-3d-n2-c2-rect", "3-D with N=2, C=2, k=(1,2,3), s=(1,1,2)",
         distinct((2, 2, 3, 4, 5), 11), kernel_size=[1, 2, 3], stride=[1, 1, 2]),
    case("max-2d-float32-basic", "float32 in, float32 out, k=3 s=2",
         distinct((2, 2, 7, 7), 12) / 8.0, dtype="float32", kernel_size=3, stride=2),
]
GROUPS["basic"] = ("ranks 1 to 3, N and C, kernels, strides, dtypes", BASIC)

TIES = [
    case("max-2d-ties-row", "A tie along a row goes to the first element",
         plane([[7.0, 7.0, 3.0, 3.0], [1.0, 2.0, 3.0, 3.0]]), kernel_size=2,
         expect={"y": [[7, 3]], "indices": [[0, 2]]}),
    case("max-2d-ties-column", "A tie down a column goes to the upper element",
         plane([[5.0, 1.0], [5.0, 2.0]]), kernel_size=2,
         expect={"y": [[5]], "indices": [[0]]}),
    case("max-2d-ties-row-major-not-column-major",
         "Tied maxima at (0,1) and (1,0): row-major picks (0,1), MATLAB's max would pick (1,0)",
         plane([[1.0, 5.0], [5.0, 2.0]]), kernel_size=2,
         expect={"y": [[5]], "indices": [[1]], "dx": [[0, 1], [0, 0]]}),
    case("max-2d-ties-across-windows",
         "A constant plane with overlapping windows: each window takes its first element",
         plane([[4.0] * 3] * 3), kernel_size=2, stride=1,
         expect={"indices": [[0, 1], [3, 4]]}),
    case("max-2d-ties-constant-overlap-backward",
         "k=3, s=1 on a constant 4x4 plane: gradients land on each window's first element",
         plane([[1.0] * 4] * 4), kernel_size=3, stride=1),
    case("max-1d-ties-overlap", "1-D, k=3, s=1 on equal values",
         line([2.0] * 6), kernel_size=3, stride=1,
         expect={"indices": [0, 1, 2, 3]}),
    case("max-2d-ties-heavy", "Values from {-1, 0, 1, 2}, k=3, s=2, padding 1",
         few_values((2, 2, 7, 7), 20), kernel_size=3, stride=2, padding=1),
    case("max-3d-ties-heavy", "3-D, values from {0, 1}, k=2, s=1",
         few_values((1, 2, 3, 4, 4), 21, (0.0, 1.0)), kernel_size=2, stride=1),
    case("max-2d-ties-float32", "float32 ties, k=(2,3), s=1",
         few_values((1, 1, 5, 6), 22), dtype="float32", kernel_size=[2, 3], stride=1),
]
GROUPS["ties"] = ("ties go to the first element in row-major window order", TIES)

SIGNED_ZERO = [
    case("max-1d-negzero-before-poszero",
         "-0.0 met before +0.0 stays -0.0; +0.0 before -0.0 stays +0.0",
         line([-0.0, 0.0, 0.0, -0.0]), kernel_size=2,
         expect={"y": [-0.0, 0.0], "indices": [0, 2]}),
    case("max-2d-negzero-window", "A window of zeros of both signs keeps the first one met",
         plane([[-0.0, 0.0, 0.0, -0.0], [0.0, -0.0, -0.0, 0.0]]), kernel_size=2,
         expect={"y": [[-0.0, 0.0]], "indices": [[0, 2]]}),
    case("max-1d-negzero-with-padding", "A -0.0 beside padding stays -0.0: padding is not a zero",
         line([-0.0, -1.0, -0.0]), kernel_size=2, padding=1,
         expect={"y": [-0.0, -0.0]}),
    case("max-1d-negzero-gradient", "A -0.0 upstream gradient adds to +0.0 and gives +0.0",
         line([1.0, 2.0, 3.0, 4.0]), kernel_size=2, dy=line([-0.0, -0.0]),
         expect={"dx": [0.0, 0.0, 0.0, 0.0]}),
    case("max-2d-signed-zero-float32", "float32 zeros of both signs with overlap",
         [[[[-0.0, 0.0, -0.0], [0.0, -0.0, 0.0], [-0.0, -0.0, 0.0]]]], dtype="float32",
         kernel_size=2, stride=1,
         expect={"y": [[-0.0, 0.0], [0.0, -0.0]]}),
]
GROUPS["signed-zero"] = ("-0.0 and +0.0 are selected by position, never canonicalised", SIGNED_ZERO)

NANS = [
    case("max-1d-nan-one", "A NaN propagates: the window answers NaN and routes the gradient to it",
         line([1.0, NAN, 5.0, 3.0]), kernel_size=2,
         expect={"y": [NAN, 5.0], "indices": [1, 2]}),
    case("max-1d-nan-first-wins", "Several NaN in one window: the first one is selected",
         line([2.0, NAN, 7.0, NAN]), kernel_size=4,
         expect={"indices": [1]}),
    case("max-1d-nan-after-max", "A NaN after the maximum still replaces it",
         line([9.0, 1.0, NAN]), kernel_size=3,
         expect={"y": [NAN], "indices": [2]}),
    case("max-1d-nan-then-larger", "A larger value after a NaN does not replace it",
         line([NAN, INF, 9.0]), kernel_size=3,
         expect={"indices": [0]}),
    case("max-2d-nan-all-window", "A window of only NaN selects its first element",
         plane([[NAN, NAN, 1.0, 2.0], [NAN, NAN, 3.0, 4.0]]), kernel_size=2,
         expect={"indices": [[0, 7]]}),
    case("max-2d-nan-overlap", "NaN shared by overlapping windows, k=3 s=1",
         plane([[1.0, 2.0, 3.0, 4.0], [5.0, NAN, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0],
                [12.0, 13.0, NAN, 14.0]]), kernel_size=3, stride=1),
    case("max-2d-nan-padding", "NaN beside padding, k=3, s=2, padding 1",
         plane([[NAN, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, NAN]]), kernel_size=3, stride=2,
         padding=1),
    case("max-2d-nan-float32", "float32 NaN among ties, k=2, s=1",
         [[[[1.0, NAN, 1.0], [1.0, 1.0, NAN]]]], dtype="float32", kernel_size=2, stride=1),
    case("max-3d-nan", "3-D with NaN in several windows",
         mixed_specials((1, 1, 3, 3, 4), 30), kernel_size=2, stride=1),
]
GROUPS["nan"] = ("NaN propagates and the first NaN of a window wins", NANS)

INFS = [
    case("max-1d-inf", "+Inf wins, a window of -Inf answers -Inf",
         line([INF, 1.0, -INF, -INF]), kernel_size=2,
         expect={"y": [INF, -INF], "indices": [0, 2]}),
    case("max-1d-all-neg-inf-with-padding",
         "All -Inf with padding answers -Inf from a real element, never a sentinel",
         line([-INF, -INF, -INF]), kernel_size=2, padding=1,
         expect={"y": [-INF, -INF], "indices": [0, 1]}),
    case("max-1d-pos-inf-tie", "Two +Inf tie: the first one wins",
         line([1.0, INF, INF, 2.0]), kernel_size=4, expect={"indices": [1]}),
    case("max-1d-neg-inf-then-nan", "-Inf then NaN: NaN wins",
         line([-INF, NAN]), kernel_size=2, expect={"indices": [1]}),
    case("max-2d-inf-float32", "float32 +-Inf, k=2, s=1, padding 1",
         [[[[-INF, INF, 1.0], [-INF, -INF, -INF], [2.0, -INF, INF]]]], dtype="float32",
         kernel_size=2, stride=1, padding=1),
]
GROUPS["inf"] = ("+-Inf, and windows of -Inf with no sentinel", INFS)

SUBNORMAL = [
    case("max-1d-subnormal-float64", "The smallest subnormals beat zeros of either sign",
         line([0.0, 5e-324, -5e-324, -0.0, 2.2250738585072e-308, 1e-310]), kernel_size=2,
         expect={"y": [5e-324, -0.0, 2.2250738585072e-308], "indices": [1, 3, 4]}),
    case("max-1d-subnormal-float32", "float32 subnormals (1e-45 is the smallest)",
         line([1e-45, 0.0, -1e-45, -0.0, 1e-40, 1.1754942e-38]), dtype="float32", kernel_size=2,
         expect={"y": [1e-45, -0.0, 1.1754942e-38]}),
    case("max-2d-subnormal-mixed", "Subnormals, zeros and ties with overlap",
         mixed_specials((1, 2, 5, 5), 40), kernel_size=3, stride=1),
]
GROUPS["subnormal"] = ("subnormal values are ordinary values", SUBNORMAL)

PADDING = [
    case("max-1d-pad-negative-values",
         "Padding is absent, not zero: [-5, -7] with padding 1 answers [-5, -7]",
         line([-5.0, -7.0]), kernel_size=2, padding=1,
         expect={"y": [-5.0, -7.0], "indices": [0, 1]}),
    case("max-2d-pad-symmetric", "k=3, s=2, padding 1 on a 5x5 negative input",
         -distinct((1, 2, 5, 5), 50), kernel_size=3, stride=2, padding=1),
    case("max-2d-pad-per-axis", "Padding (1, 0): rows padded, columns not",
         distinct((1, 1, 4, 5), 51), kernel_size=[3, 2], stride=[2, 1], padding=[1, 0]),
    case("max-2d-pad-asymmetric", "Asymmetric (before, after) pads ((0, 1), (1, 0))",
         -distinct((1, 1, 4, 4), 52), kernel_size=2, stride=1, padding=[[0, 1], [1, 0]]),
    case("max-2d-pad-asymmetric-large", "Pads ((2, 0), (0, 2)) with k=3: pads of e-1 on one side",
         -distinct((2, 1, 3, 4), 53), kernel_size=3, stride=1, padding=[[2, 0], [0, 2]]),
    case("max-1d-pad-max", "Pad e-1 = 2 on both sides: corner windows hold one element",
         line([-3.0, -1.0, -2.0]), kernel_size=3, stride=1, padding=2,
         expect={"y": [-3, -1, -1, -1, -2], "indices": [0, 1, 1, 1, 2]}),
    case("max-3d-pad", "3-D, k=3, s=2, padding (1, 0, 1)",
         -distinct((1, 1, 4, 3, 5), 54), kernel_size=3, stride=2, padding=[1, 0, 1]),
    case("max-2d-pad-float32", "float32, padding 1, k=2, s=1",
         -distinct((1, 2, 3, 3), 55), dtype="float32", kernel_size=2, stride=1, padding=1),
]
GROUPS["padding"] = ("padding is absent, never a value; pads up to e-1, asymmetric", PADDING)

DILATION = [
    case("max-1d-dilation-2", "k=3, d=2: each window reads every other element",
         line([1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0]), kernel_size=3, stride=1, dilation=2,
         expect={"y": [3, 9, 4], "indices": [4, 1, 6]}),
    case("max-2d-dilation", "k=(2,3), d=(2,1), s=1",
         distinct((1, 2, 6, 6), 60), kernel_size=[2, 3], stride=1, dilation=[2, 1]),
    case("max-2d-dilation-padding", "k=2, d=3 (e=4), padding 3 = e-1, s=2",
         -distinct((1, 1, 5, 5), 61), kernel_size=2, stride=2, padding=3, dilation=3),
    case("max-3d-dilation", "3-D, k=2, d=2, s=1",
         distinct((1, 1, 4, 4, 5), 62), kernel_size=2, stride=1, dilation=2),
    case("max-2d-dilation-ties-float32", "float32 ties with dilation 2 and overlap",
         few_values((2, 1, 6, 6), 63), dtype="float32", kernel_size=2, stride=1, dilation=2),
]
GROUPS["dilation"] = ("dilated windows", DILATION)

CEIL = [
    case("max-1d-ceil-extra-window", "in=5, k=2, s=2: ceil_mode adds a window holding one element",
         line([1.0, 2.0, 3.0, 4.0, 5.0]), kernel_size=2, ceil_mode=True,
         expect={"y": [2, 4, 5], "indices": [1, 3, 4]}),
    case("max-1d-floor-drops-tail",
         "in=5, k=2, s=2 without ceil_mode: the last element is never read",
         line([1.0, 2.0, 3.0, 4.0, 5.0]), kernel_size=2,
         expect={"y": [2, 4]}),
    case("max-1d-ceil-last-window-dropped",
         "in=3, k=2, s=2, padding 1: ceil gives 3, but window 2 would start in the right padding",
         line([1.0, 3.0, 2.0]), kernel_size=2, padding=1, ceil_mode=True,
         expect={"y": [1, 3], "indices": [0, 1]}),
    case("max-2d-ceil-overhang", "6x6, k=3, s=2: the last window overhangs the input",
         distinct((1, 1, 6, 6), 70), kernel_size=3, stride=2, ceil_mode=True),
    case("max-2d-ceil-padding", "k=3, s=2, padding 1 on 6x7 with ceil_mode",
         distinct((2, 2, 6, 7), 71), kernel_size=3, stride=2, padding=1, ceil_mode=True),
    case("max-2d-ceil-same-as-floor", "Divisible sizes: ceil_mode changes nothing",
         distinct((1, 1, 4, 4), 72), kernel_size=2, ceil_mode=True),
    case("max-3d-ceil", "3-D, k=2, s=2 on 3x5x4 with ceil_mode",
         distinct((1, 2, 3, 5, 4), 73), kernel_size=2, ceil_mode=True),
    case("max-2d-ceil-dilation", "k=2, d=2, s=2 on 6x6 with ceil_mode",
         distinct((1, 1, 6, 6), 74), kernel_size=2, dilation=2, ceil_mode=True),
    case("max-1d-ceil-window-larger-than-input",
         "in=1, k=2, s=2 with ceil_mode: one window, larger than the input, holds its element",
         line([-4.0]), kernel_size=2, ceil_mode=True, expect={"y": [-4.0], "indices": [0]}),
    case("max-1d-ceil-stride-3", "in=7, k=2, s=3, padding 1: three windows, none dropped",
         line([5.0, 1.0, 2.0, 6.0, 3.0, 4.0, 7.0]), kernel_size=2, stride=3, padding=1,
         ceil_mode=True),
]
GROUPS["ceil-mode"] = ("ceil_mode output sizes, the overhang and the dropped last window", CEIL)


BIG = float(2**53)
BACKWARD_ORDER = [
    case("max-1d-backward-order-cancel",
         "Three windows select one element; dy = [1, 2^53, -2^53] sums to 0 in order, 1 reversed",
         line([0.0, 0.0, 9.0, 0.0, 0.0]), kernel_size=3, stride=1,
         dy=line([1.0, BIG, -BIG]), expect={"dx": [0.0, 0.0, 0.0, 0.0, 0.0]}),
    case("max-1d-backward-order-absorb",
         "dy = [2^53, 1, 1]: in order each 1 is absorbed (2^53), reversed they survive (2^53 + 2)",
         line([0.0, 0.0, 9.0, 0.0, 0.0]), kernel_size=3, stride=1,
         dy=line([BIG, 1.0, 1.0]), expect={"dx": [0.0, 0.0, BIG, 0.0, 0.0]}),
    case("max-1d-backward-order-float32",
         "float32: dy = [2^24, 1, 1] sums to 2^24 in order",
         line([0.0, 0.0, 9.0, 0.0, 0.0]), dtype="float32", kernel_size=3, stride=1,
         dy=line([float(2**24), 1.0, 1.0]), expect={"dx": [0.0, 0.0, float(2**24), 0.0, 0.0]}),
    case("max-2d-backward-order-peak",
         "k=3, s=1: one peak selected by nine windows, gradients of mixed magnitude",
         plane([[0.0] * 5, [0.0] * 5, [0.0, 0.0, 9.0, 0.0, 0.0], [0.0] * 5, [0.0] * 5]),
         kernel_size=3, stride=1, dy=order_sensitive((1, 1, 3, 3), 80)),
    case("max-2d-backward-order-random",
         "Overlapping windows with ties and order-sensitive gradients, k=3, s=1, padding 1",
         few_values((2, 2, 5, 6), 81), kernel_size=3, stride=1, padding=1,
         dy=order_sensitive((2, 2, 5, 6), 82)),
    case("max-2d-backward-order-float32",
         "float32, k=2, s=1, order-sensitive gradients",
         few_values((1, 2, 5, 5), 83), dtype="float32", kernel_size=2, stride=1,
         dy=order_sensitive((1, 2, 4, 4), 84)),
    case("max-3d-backward-order", "3-D, k=2, s=1, order-sensitive gradients",
         few_values((1, 1, 3, 4, 4), 85, (0.0, 1.0)), kernel_size=2, stride=1,
         dy=order_sensitive((1, 1, 2, 3, 3), 86)),
]
GROUPS["backward-order"] = ("overlapping gradients add in ascending output order", BACKWARD_ORDER)


def random_cases():
    """Seeded random cases across ranks, parameters, dtypes and value kinds."""
    rng = np.random.default_rng(2024)
    specs = []
    makers = [("distinct", distinct), ("ties", few_values), ("specials", mixed_specials)]
    for i in range(18):
        rank = 1 + i % 3
        kind, make = makers[i % len(makers)]
        dtype = "float32" if i % 2 else "float64"
        k, s, d, pads, e = random_window(rng, rank)
        ceil_mode = bool(rng.integers(0, 2))
        size = [int(e[a] + rng.integers(0, 5)) for a in range(rank)]
        shape = (int(rng.integers(1, 3)), int(rng.integers(1, 3)), *size)
        x = make(shape, 1000 + i)
        params = {"kernel_size": k, "stride": s, "padding": pads, "dilation": d,
                  "ceil_mode": ceil_mode}
        p = oracle.normalise(params, tuple(size))
        _, wins = oracle.windows(tuple(size), p)
        if not all(wins):
            params["dilation"] = 1
            params["padding"] = 0
        specs.append(case(f"max-random-{i:02d}-{rank}d-{kind}",
                          f"Seeded random {rank}-D case, {kind} values, {dtype}",
                          x, dtype=dtype, **params))
    return specs


GROUPS["random"] = ("seeded random cases over every parameter", random_cases())


X2 = plane([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
ERRORS = [
    error("max-error-input-rank-6",
          "x with 4 spatial axes (6 dimensions; N=2 so MATLAB cannot drop the 6th)",
          np.zeros((2, 1, 2, 2, 2, 2)), "pooling:badInput", kernel_size=[1, 1, 1]),
    error("max-error-kernel-zero", "kernel_size 0", X2, "pooling:badKernel", kernel_size=0),
    error("max-error-kernel-negative", "kernel_size (2, -1)", X2, "pooling:badKernel",
          kernel_size=[2, -1]),
    error("max-error-kernel-fraction", "kernel_size 1.5", X2, "pooling:badKernel",
          kernel_size=1.5),
    error("max-error-kernel-count", "three kernel sizes for two spatial axes", X2,
          "pooling:badKernel", kernel_size=[2, 2, 2]),
    error("max-error-stride-zero", "stride 0", X2, "pooling:badStride", kernel_size=2, stride=0),
    error("max-error-stride-count", "three strides for two spatial axes", X2,
          "pooling:badStride", kernel_size=2, stride=[1, 1, 1]),
    error("max-error-padding-negative", "padding -1", X2, "pooling:badPadding",
          kernel_size=2, padding=-1),
    error("max-error-padding-too-large", "padding 2 with k=2 (e-1 = 1)", X2,
          "pooling:badPadding", kernel_size=2, padding=2),
    error("max-error-padding-after-too-large", "pads ((0, 0), (0, 3)) with k=3", X2,
          "pooling:badPadding", kernel_size=3, stride=1, padding=[[0, 0], [0, 3]]),
    error("max-error-padding-count", "three pads for two spatial axes", X2,
          "pooling:badPadding", kernel_size=2, padding=[1, 1, 1]),
    error("max-error-dilation-zero", "dilation 0", X2, "pooling:badDilation",
          kernel_size=2, dilation=0),
    error("max-error-ceil-mode-not-bool", "ceil_mode given as a string", X2,
          "pooling:badOption", kernel_size=2, ceil_mode="maybe"),
    error("max-error-output-too-small", "k=4 on a 3x3 input", X2, "pooling:outputTooSmall",
          kernel_size=4),
    error("max-error-output-too-small-dilation", "k=2, d=3 (e=4) on a 3x3 input", X2,
          "pooling:outputTooSmall", kernel_size=2, dilation=3),
    error("max-error-empty-window",
          "in=1, k=2, d=3, s=1, pads (2, 1): the only window misses the input",
          line([1.0]), "pooling:emptyWindow", kernel_size=2, dilation=3, stride=1,
          padding=[[2, 1]]),
    error("max-error-gradient-shape", "dy shaped like x instead of y", X2,
          "pooling:badGradient", call="max_pool_backward", dy=X2, kernel_size=2),
    error("max-error-backward-integer", "max_pool_backward refuses integer inputs",
          plane([[1, 2], [3, 4]]), "pooling:badInput", call="max_pool_backward", dtype="int32",
          dy=plane([[1]]), kernel_size=2),
    error("max-error-padding-unknown-string", "padding 'full' is not a padding string", X2,
          "pooling:badPadding", kernel_size=2, padding="full"),
    error("max-error-backward-kernel", "max_pool_backward checks parameters too", X2,
          "pooling:badKernel", call="max_pool_backward", dy=plane([[1.0]]), kernel_size=0),
]
GROUPS["errors"] = ("every error identifier", ERRORS)

INT_TYPES = ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")
INTEGERS = [
    case(f"max-2d-{t}-extremes", f"{t}: the type's minimum and maximum, ties, k=2, s=1, padding 1",
         int_extremes(t, (1, 2, 4, 5), 90 + n), dtype=t, kernel_size=2, stride=1, padding=1)
    for n, t in enumerate(INT_TYPES)
] + [
    case("max-1d-int64-near-max", "int64 values 2^63-1 and 2^63-2 differ: no float conversion",
         line([2**63 - 2, 2**63 - 1, -(2**63), 2**63 - 2]), dtype="int64", kernel_size=2,
         expect={"y": [2**63 - 1, 2**63 - 2], "indices": [1, 3]}),
    case("max-1d-uint64-near-max", "uint64 values 2^64-1 and 2^64-2 differ: no float conversion",
         line([2**64 - 2, 2**64 - 1, 0, 2**64 - 2]), dtype="uint64", kernel_size=2,
         expect={"y": [2**64 - 1, 2**64 - 2], "indices": [1, 3]}),
    case("max-3d-int8-ties", "3-D int8 ties, k=2, s=1",
         few_values((1, 1, 3, 3, 3), 99, (-128.0, 0.0, 127.0)), dtype="int8", kernel_size=2,
         stride=1),
    case("max-2d-uint16-ceil-dilation", "uint16 with dilation 2 and ceil_mode",
         int_extremes("uint16", (2, 1, 6, 5), 100), dtype="uint16", kernel_size=2, dilation=2,
         ceil_mode=True),
]
GROUPS["integers"] = ("integer dtypes, exact at each type's extremes", INTEGERS)

PADDING_STRINGS = [
    case("max-1d-same-k2-s2", "'same': in=5, k=2, s=2 gives 3 outputs, pads (0, 1)",
         line([1.0, 5.0, 2.0, 4.0, 3.0]), kernel_size=2, padding="same",
         expect={"y": [5.0, 4.0, 3.0]}),
    case("max-2d-same-k3-s1", "'same' with k=3, s=1 keeps the size, pads (1, 1)",
         -distinct((1, 2, 4, 5), 110), kernel_size=3, stride=1, padding="same"),
    case("max-2d-same-k4-s1", "'same' with an even window: pads (1, 2), the extra at the end",
         -distinct((1, 1, 5, 5), 111), kernel_size=4, stride=1, padding="same"),
    case("max-2d-same-stride-3", "'same' with k=2, s=3 needs no padding on a 7x6 input",
         distinct((1, 1, 7, 6), 112), kernel_size=2, stride=3, padding="same"),
    case("max-3d-same-dilation", "'same' with k=2, d=2 (e=3): pads (1, 1)",
         distinct((1, 1, 3, 4, 5), 113), kernel_size=2, stride=1, dilation=2, padding="same"),
    case("max-2d-valid", "'valid' is padding 0", distinct((1, 1, 5, 5), 114), kernel_size=2,
         padding="valid"),
]
GROUPS["padding-strings"] = ("padding 'same' and 'valid'", PADDING_STRINGS)

# Pins every case of a group has whatever its values (conformance/golden/tags.py).
PINS = {"backward-order": ("gradient-order",)}


def empty(*shape):
    """An empty batch: N = 0, so every array of the case has no element."""
    return np.zeros(shape)


# N = 0 works (SPEC.md): every output has N = 0 too, with the sizes the formula gives.
# A last window that overhangs (ceil_mode, end padding, odd 'same' padding) once made
# MATLAB's fast kernel index past an empty array (issue 14), hence both kinds per rank.
EMPTY_BATCH = [
    case("max-1d-empty-batch", "N=0, 1-D, k=2 on 6: no window overhangs", empty(0, 2, 6),
         kernel_size=2),
    case("max-1d-empty-batch-ceil", "N=0, 1-D, k=2 on 5, ceil_mode: the last window overhangs",
         empty(0, 2, 5), kernel_size=2, ceil_mode=True),
    case("max-2d-empty-batch", "N=0, C=2, 4x4, k=2", empty(0, 2, 4, 4), kernel_size=2),
    case("max-2d-empty-batch-c1-ceil",
         "N=0, C=1, 5x4, k=2, ceil_mode: zeros(5,4,1,0) in MATLAB (issue 14)",
         empty(0, 1, 5, 4), kernel_size=2, ceil_mode=True),
    case("max-2d-empty-batch-end-padding", "N=0, 5x5, k=2, padding (0, 1) per axis at the end",
         empty(0, 2, 5, 5), kernel_size=2, padding=[[0, 1], [0, 1]]),
    case("max-2d-empty-batch-same-odd", "N=0, 5x5, k=2, s=2, 'same': odd padding (0, 1)",
         empty(0, 2, 5, 5), kernel_size=2, padding="same"),
    case("max-2d-empty-batch-float32-ceil-dilation", "N=0, float32, 6x7, k=2, d=2, ceil_mode",
         empty(0, 3, 6, 7), dtype="float32", kernel_size=2, dilation=2, stride=2, ceil_mode=True),
    case("max-3d-empty-batch", "N=0, 3-D, 4x4x4, k=2", empty(0, 2, 4, 4, 4), kernel_size=2),
    case("max-3d-empty-batch-ceil", "N=0, 3-D, 3x4x5, k=2, ceil_mode",
         empty(0, 1, 3, 4, 5), kernel_size=2, ceil_mode=True),
    case("max-3d-empty-batch-float32-same-odd", "N=0, float32, 3-D 3x5x3, k=2, s=2, 'same'",
         empty(0, 2, 3, 5, 3), dtype="float32", kernel_size=2, padding="same"),
] + [
    case(f"max-{r}d-empty-batch-{t}{'-ceil' if ceil else ''}",
         f"N=0, {t}, {r}-D{', ceil_mode: the last window overhangs' if ceil else ''}",
         empty(0, 2, *(5,) * r), dtype=t, kernel_size=2, ceil_mode=ceil)
    for t, r, ceil in (("int8", 2, True), ("uint8", 1, True), ("int16", 3, True),
                       ("uint16", 2, False), ("int32", 1, False), ("uint32", 3, False),
                       ("int64", 2, True), ("uint64", 2, False))
] + [
    error("max-error-empty-batch-output-too-small", "N=0 does not skip the checks: k=3 on 2x2",
          empty(0, 1, 2, 2), "pooling:outputTooSmall", kernel_size=3),
    error("max-error-empty-batch-gradient-shape", "N=0: dy with N=1 for an x with N=0",
          empty(0, 1, 4, 4), "pooling:badGradient", call="max_pool_backward",
          dy=np.zeros((1, 1, 2, 2)), kernel_size=2),
]
GROUPS["empty-batch"] = ("N = 0 in every rank and dtype, the last window overhanging or "
                         "not", EMPTY_BATCH)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("max_pool")


# ---------------------------------------------------------------- from saved indices
# max_pool_backward(..., indices=idx): the case's indices (max_pool's, computed by the
# oracle) go to the backward call; dx must be the recomputed one, bit for bit.
FROM = {"backward_from_indices": True}
FROM_INDICES = [
    case("max-1d-from-indices-overlap-cancel",
         "k=3, s=1: one element selected thrice; dy = [1, 2^53, -2^53] adds to 0 in order",
         line([0.0, 0.0, 9.0, 0.0, 0.0]), kernel_size=3, stride=1, **FROM,
         dy=line([1.0, BIG, -BIG]), expect={"indices": [2, 2, 2], "dx": [0.0] * 5}),
    case("max-2d-from-indices-overlap",
         "k=3, s=1 with ties and order-sensitive gradients: shared maxima accumulate",
         few_values((2, 2, 5, 6), 120), kernel_size=3, stride=1, **FROM,
         dy=order_sensitive((2, 2, 3, 4), 121)),
    case("max-2d-from-indices-ties",
         "A constant plane, k=2, s=1: each window's first element takes its gradient",
         plane([[4.0] * 3] * 3), kernel_size=2, stride=1, **FROM,
         expect={"indices": [[0, 1], [3, 4]]}),
    case("max-2d-from-indices-nan", "NaN selected (the first NaN of each window) gets dy",
         mixed_specials((1, 2, 5, 5), 122), kernel_size=3, stride=2, padding=1, **FROM),
    case("max-2d-from-indices-signed-zero",
         "-0.0 gradients alone on an element give +0.0 (the sum starts at +0.0)",
         plane([[1.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 3.0]]), kernel_size=2, **FROM,
         dy=plane([[-0.0, -0.0]]), expect={"dx": [[0.0] * 4] * 2}),
    case("max-2d-from-indices-padding",
         "k=3, s=2, padding 1: windows overlap the padding, indices count the input only",
         distinct((2, 1, 6, 7), 123), kernel_size=3, stride=2, padding=1, **FROM,
         dy=order_sensitive((2, 1, 3, 4), 124)),
    case("max-2d-from-indices-asymmetric-padding", "pads (0, 2) and (1, 0), k=3, s=1",
         few_values((1, 1, 4, 5), 125), kernel_size=3, stride=1, padding=[[0, 2], [1, 0]],
         **FROM, dy=order_sensitive((1, 1, 4, 4), 126)),
    case("max-2d-from-indices-dilation", "k=2, d=2, s=1: dilated, overlapping windows",
         few_values((1, 2, 6, 6), 127), kernel_size=2, stride=1, dilation=2, **FROM,
         dy=order_sensitive((1, 2, 4, 4), 128)),
    case("max-2d-from-indices-ceil", "6x7, k=3, s=2, ceil_mode: the last windows overhang",
         distinct((1, 1, 6, 7), 129), kernel_size=3, stride=2, ceil_mode=True, **FROM),
    case("max-1d-from-indices-rank-1", "1-D, N=2, C=3, k=3, s=2, padding 1",
         few_values((2, 3, 9), 130), kernel_size=3, stride=2, padding=1, **FROM,
         dy=order_sensitive((2, 3, 5), 131)),
    case("max-3d-from-indices-rank-3", "3-D, k=2, s=1, ties and order-sensitive gradients",
         few_values((1, 2, 3, 4, 4), 132, (0.0, 1.0)), kernel_size=2, stride=1, **FROM,
         dy=order_sensitive((1, 2, 2, 3, 3), 133)),
    case("max-2d-from-indices-float32", "float32: k=3, s=1, order-sensitive gradients",
         few_values((1, 2, 5, 5), 134), dtype="float32", kernel_size=3, stride=1, **FROM,
         dy=order_sensitive((1, 2, 3, 3), 135)),
    case("max-2d-from-indices-same", "padding 'same', k=3, s=1",
         distinct((1, 1, 4, 5), 136), kernel_size=3, stride=1, padding="same", **FROM),
    case("max-2d-from-indices-empty-batch", "N=0: empty indices, an empty dx of x's shape",
         np.zeros((0, 2, 4, 4)), kernel_size=2, **FROM),
    error("max-error-from-indices-shape", "indices shaped like x instead of y",
          X2, "pooling:badIndices", call="max_pool_backward", dy=plane([[1.0]]),
          indices=np.zeros(np.shape(X2), dtype=np.int64), kernel_size=2, **FROM),
    error("max-error-from-indices-out-of-plane", "index 9 on a 3x3 plane",
          X2, "pooling:badIndices", call="max_pool_backward", dy=plane([[1.0]]),
          indices=plane([[9]]), kernel_size=2, **FROM),
    error("max-error-from-indices-negative", "index -1",
          X2, "pooling:badIndices", call="max_pool_backward", dy=plane([[1.0]]),
          indices=plane([[-1]]), kernel_size=2, **FROM),
    error("max-error-from-indices-other-window",
          "k=2, s=2 on 4x4: output (0, 1) given index 0, inside the plane but not its window",
          distinct((1, 1, 4, 4), 137), "pooling:badIndices", call="max_pool_backward",
          dy=plane([[1.0, 1.0], [1.0, 1.0]]), indices=plane([[5, 0], [13, 15]]),
          kernel_size=2, **FROM),
    error("max-error-from-indices-padding-position",
          "k=2, s=2, padding 1 on 3 elements: output 1 covers positions 1 and 2, not 0",
          line([1.0, 2.0, 3.0]), "pooling:badIndices", call="max_pool_backward",
          dy=line([1.0, 1.0]), indices=line([0, 0]), kernel_size=2, padding=1, **FROM),
    error("max-error-from-indices-dilation-gap",
          "k=2, d=2, s=1 on 5: output 0 covers positions 0 and 2, not 1",
          line([1.0, 2.0, 3.0, 4.0, 5.0]), "pooling:badIndices", call="max_pool_backward",
          dy=line([1.0, 1.0, 1.0]), indices=line([1, 3, 4]), kernel_size=2, dilation=2,
          stride=1, **FROM),
    error("max-error-from-indices-after-gradient",
          "dy and indices both wrong: dy is checked first",
          X2, "pooling:badGradient", call="max_pool_backward", dy=X2,
          indices=plane([[9]]), kernel_size=2, **FROM),
]
GROUPS["backward-from-indices"] = (
    "max_pool_backward(..., indices=idx): the saved indices give the recomputed bits",
    FROM_INDICES)


def expected_error(call, x, params, dy=None, indices=None, _checks=expected_error):
    """The identifier of an error case; with ``backward_from_indices``, indices after dy."""
    found = _checks(call, x, params, dy, indices)
    if found is None and call == "max_pool_backward" and params.get("backward_from_indices"):
        found = oracle.max_indices_error(x, params, indices)
    return found
