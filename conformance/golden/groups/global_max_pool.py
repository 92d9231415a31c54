"""The global max pooling fixture groups (fixtures/global_max_pool/*.yaml); see common.py."""

import numpy as np

from .common import CHAPTER, INF, NAN, case, error, line, plane, pool_golden
from .inputs import distinct, few_values, int_extremes, mixed_specials

# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    case("gmax-2d-chapter-4x4", "The chapter's 4x4 input: its maximum 8 at flat index 7",
         plane(CHAPTER),
         expect={"y": [[8.0]], "indices": [[7]]}),
    case("gmax-1d-n2-c3", "1-D, N=2, C=3", distinct((2, 3, 7), 300)),
    case("gmax-2d-n2-c2", "2-D, N=2, C=2, 5x6", distinct((2, 2, 5, 6), 301)),
    case("gmax-3d-n1-c2", "3-D, N=1, C=2", distinct((1, 2, 3, 4, 5), 302)),
    case("gmax-2d-float32-n3-c1", "float32, N=3, C=1", distinct((3, 1, 6, 6), 303) / 4.0,
         dtype="float32"),
]
GROUPS["basic"] = ("one window over every spatial axis", BASIC)

RULES = [
    case("gmax-2d-ties", "Ties across the plane go to the first in row-major order",
         plane([[1.0, 7.0], [7.0, 7.0]]), expect={"indices": [[1]]}),
    case("gmax-1d-nan-first-wins", "The first NaN of the plane wins",
         line([1.0, NAN, INF, NAN]), expect={"indices": [1]}),
    case("gmax-1d-signed-zero", "-0.0 before +0.0 stays -0.0",
         line([-1.0, -0.0, 0.0]), expect={"y": [-0.0], "indices": [1]}),
    case("gmax-1d-all-neg-inf", "A plane of -Inf answers -Inf",
         line([-INF, -INF, -INF]), expect={"y": [-INF], "indices": [0]}),
    case("gmax-2d-mixed-specials", "NaN, Inf, -0.0, subnormals, ties",
         mixed_specials((2, 2, 4, 4), 310)),
    case("gmax-3d-ties", "3-D planes of values from {0, 1}", few_values((1, 2, 2, 3, 3), 311,
                                                                        (0.0, 1.0))),
]
GROUPS["rules"] = ("ties, NaN, signed zero and -Inf over a whole plane", RULES)

INTEGERS = [
    case(f"gmax-2d-{t}", f"{t} extremes", int_extremes(t, (2, 2, 3, 3), 320 + n), dtype=t)
    for n, t in enumerate(("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
                           "uint64"))
]
GROUPS["integers"] = ("integer dtypes", INTEGERS)

# N = 0 works (SPEC.md): the output is (0, C, 1, ...).
EMPTY_BATCH = [
    case("gmax-1d-empty-batch", "N=0, 1-D", np.zeros((0, 2, 5))),
    case("gmax-2d-empty-batch", "N=0, C=1, 5x4", np.zeros((0, 1, 5, 4))),
    case("gmax-3d-empty-batch-float32", "N=0, float32, 3-D", np.zeros((0, 2, 3, 4, 5)),
         dtype="float32"),
] + [
    case(f"gmax-{r}d-empty-batch-{t}", f"N=0, {t}, {r}-D", np.zeros((0, 2) + (3,) * r), dtype=t)
    for t, r in (("int8", 1), ("uint8", 2), ("int16", 3), ("uint16", 2), ("int32", 2),
                 ("uint32", 1), ("int64", 2), ("uint64", 3))
] + [
    error("gmax-error-empty-batch-gradient-shape", "N=0: dy with N=1 for an x with N=0",
          np.zeros((0, 2, 3, 3)), "pooling:badGradient", call="global_max_pool_backward",
          dy=np.zeros((1, 2, 1, 1))),
]
GROUPS["empty-batch"] = ("N = 0 in every rank and dtype", EMPTY_BATCH)


X2 = plane([[1.0, 2.0], [3.0, 4.0]])
ERRORS = [
    error("gmax-error-rank-6", "x with 4 spatial axes", [[[[[[1.0]]]]], [[[[[2.0]]]]]],
          "pooling:badInput"),
    error("gmax-error-gradient-shape", "dy shaped like x", X2, "pooling:badGradient",
          call="global_max_pool_backward", dy=X2),
    error("gmax-error-backward-integer", "global_max_pool_backward refuses integers",
          plane([[1, 2], [3, 4]]), "pooling:badInput", call="global_max_pool_backward",
          dtype="uint8", dy=plane([[1]])),
]
GROUPS["errors"] = ("errors of global max pooling", ERRORS)


# Golden values from the oracle (common.py, ORACLE).
forward, backward, expected_error = pool_golden("global_max_pool")
