"""The global average pooling fixture groups (fixtures/global_avg_pool/*.yaml); see common.py."""

import numpy as np

from .common import CHAPTER, NAN, case, error, line, plane, pool_golden
from .inputs import distinct, mixed_specials, order_sensitive

BIG = float(2**53)
# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    case("gavg-2d-chapter-4x4", "The chapter's 4x4 input: 50 / 16",
         plane(CHAPTER), expect={"y": [[3.125]]}),
    case("gavg-1d-n2-c3", "1-D, N=2, C=3", distinct((2, 3, 7), 400)),
    case("gavg-2d-n2-c2", "2-D, N=2, C=2", distinct((2, 2, 5, 6), 401)),
    case("gavg-3d-n1-c2", "3-D, N=1, C=2", distinct((1, 2, 3, 4, 5), 402)),
    case("gavg-2d-float32", "float32, N=3, C=1", distinct((3, 1, 6, 6), 403) / 3.0,
         dtype="float32"),
]
GROUPS["basic"] = ("one window over every spatial axis", BASIC)

SUM_ORDER = [
    case("gavg-2d-row-major-not-column-major",
         "[[2^53, 1], [-2^53, 1]]: row-major gives 1/4, column-major would give 2/4",
         plane([[BIG, 1.0], [-BIG, 1.0]]), expect={"y": [[0.25]]}),
    case("gavg-2d-mixed-magnitudes", "A 7x7 plane of mixed magnitudes: pairwise sums differ",
         order_sensitive((2, 2, 7, 7), 410)),
    case("gavg-3d-mixed-magnitudes-float32", "float32 3-D plane of mixed magnitudes",
         order_sensitive((1, 2, 3, 5, 6), 411), dtype="float32"),
    case("gavg-1d-negative-zero", "A plane of -0.0 averages to +0.0",
         line([-0.0, -0.0, -0.0]), expect={"y": [0.0]}),
    case("gavg-1d-nan", "Any NaN makes the average NaN", line([1.0, 2.0, NAN]),
         expect={"y": [NAN]}),
    case("gavg-2d-mixed-specials", "NaN, Inf, -0.0, subnormals", mixed_specials((2, 1, 3, 3), 412)),
]
GROUPS["sum-order"] = ("row-major sums over the whole plane, one division", SUM_ORDER)

# N = 0 works (SPEC.md): the output is (0, C, 1, ...).
EMPTY_BATCH = [
    case("gavg-1d-empty-batch", "N=0, 1-D", np.zeros((0, 2, 5))),
    case("gavg-2d-empty-batch", "N=0, C=1, 5x4", np.zeros((0, 1, 5, 4))),
    case("gavg-2d-empty-batch-float32", "N=0, float32, 2-D", np.zeros((0, 3, 4, 4)),
         dtype="float32"),
    case("gavg-3d-empty-batch", "N=0, 3-D", np.zeros((0, 2, 3, 4, 5))),
    case("gavg-3d-empty-batch-float32", "N=0, float32, 3-D", np.zeros((0, 1, 2, 2, 2)),
         dtype="float32"),
]
GROUPS["empty-batch"] = ("N = 0 in every rank", EMPTY_BATCH)


X2 = plane([[1.0, 2.0], [3.0, 4.0]])
ERRORS = [
    error("gavg-error-integer", "global average pooling refuses integers",
          plane([[1, 2], [3, 4]]), "pooling:badInput", dtype="int64"),
    error("gavg-error-gradient-dtype-shape", "dy shaped like x", X2, "pooling:badGradient",
          call="global_avg_pool_backward", dy=X2),
]
GROUPS["errors"] = ("errors of global average pooling", ERRORS)

# Pins every case of a group has whatever its values (conformance/golden/tags.py).
PINS = {"sum-order": ("sum-order",)}


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("global_avg_pool")
