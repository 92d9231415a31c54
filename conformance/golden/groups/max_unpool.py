"""The max unpooling fixture groups (fixtures/max_unpool/*.yaml); see common.py.

A case's ``x`` is the pooled values and ``indices`` where they go (usually
``max_pool``'s own output, computed here by the oracle); ``y`` is the
unpooled result, ``dy`` its upstream gradient and ``dx`` the gradient with
respect to ``x``.
"""

import numpy as np

from .. import oracle
from .common import CHAPTER, NAN, case, error, line, plane
from .inputs import distinct, few_values, int_extremes


def pooled(id, description, source, dtype="float64", expect=None, **pool_params):
    """Unpool what ``max_pool`` made of ``source``: values, indices and the input size."""
    x0 = np.asarray(source, dtype=dtype)
    y, idx = oracle.max_pool(x0, pool_params)
    return case(id, description, y, dtype=dtype, indices=idx, expect=expect,
                output_size=list(x0.shape[2:]))


# The fixture groups, one file each: name -> (summary, case specs), each added
# after its cases.
GROUPS = {}

BASIC = [
    pooled("unpool-2d-chapter-4x4", "max_pool of the chapter's 4x4, unpooled",
           plane(CHAPTER), kernel_size=2,
           expect={"y": [[0, 0, 0, 0], [0, 6, 0, 8], [3, 0, 0, 0], [0, 0, 0, 4]]}),
    pooled("unpool-1d-n2-c3", "1-D, N=2, C=3, k=2", distinct((2, 3, 8), 500), kernel_size=2),
    pooled("unpool-2d-n2-c2-padding", "2-D, k=3, s=2, padding 1 on 5x6",
           distinct((2, 2, 5, 6), 501), kernel_size=3, stride=2, padding=1),
    pooled("unpool-3d", "3-D, k=2", distinct((1, 2, 4, 4, 4), 502), kernel_size=2),
    pooled("unpool-2d-float32-dilation", "float32, k=2, d=2, s=1",
           distinct((1, 1, 5, 5), 503), dtype="float32", kernel_size=2, dilation=2, stride=1),
    pooled("unpool-2d-tail-never-read", "5x5 input, k=2: the last row and column stay zero",
           distinct((1, 1, 5, 5), 504), kernel_size=2),
]
GROUPS["basic"] = ("max_pool's values put back at its indices", BASIC)

OVERWRITE = [
    case("unpool-1d-overwrite-spec-example",
         "SPEC.md section 10: y=[5 5] at one index: z=[0 5 0], dz=[10 20 30] gives dy=[0 20]",
         line([5.0, 5.0]), indices=line([1, 1]), output_size=3,
         dy=line([10.0, 20.0, 30.0]), expect={"y": [0.0, 5.0, 0.0], "dx": [0.0, 20.0]}),
    case("unpool-1d-later-position-wins", "Different values at one index: the later one stays",
         line([1.0, 2.0, 3.0]), indices=line([2, 2, 0]), output_size=4,
         expect={"y": [3.0, 0.0, 2.0, 0.0], "dx": [0.0, 4.0, 1.0]}),
    case("unpool-2d-overwrite-row-major", "Duplicates across rows: the row-major later one wins",
         plane([[1.0, 2.0], [3.0, 4.0]]), indices=plane([[4, 0], [4, 8]]), output_size=[3, 3],
         expect={"y": [[2, 0, 0], [0, 3, 0], [0, 0, 4]]}),
    pooled("unpool-2d-overlap-from-max-pool", "k=3, s=1 windows share maxima: duplicate indices",
           few_values((1, 2, 5, 5), 510), kernel_size=3, stride=1),
    pooled("unpool-3d-overlap", "3-D, k=2, s=1: duplicate indices",
           few_values((1, 1, 3, 3, 4), 511, (0.0, 1.0)), kernel_size=2, stride=1),
]
GROUPS["overwrite"] = ("duplicate indices: the later position wins, the true derivative", OVERWRITE)

VALUES = [
    case("unpool-1d-nan-and-signed-zero", "NaN and -0.0 travel unchanged",
         line([NAN, -0.0, 1.0]), indices=line([0, 2, 4]), output_size=5,
         expect={"y": [NAN, 0.0, -0.0, 0.0, 1.0]}),
] + [
    case(f"unpool-2d-{t}", f"{t} extremes unpooled into zeros",
         int_extremes(t, (1, 2, 2, 2), 520 + n), dtype=t,
         indices=np.array([[[[0, 3], [10, 15]], [[5, 5], [12, 1]]]]), output_size=[4, 4])
    for n, t in enumerate(("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
                           "uint64"))
]
GROUPS["values"] = ("NaN, signed zero and integer extremes unchanged", VALUES)

# N = 0 works (SPEC.md): max_pool's empty output unpools to an empty batch, forward and
# backward, including sizes max_pool reached with an overhanging last window.
EMPTY_BATCH = [
    pooled("unpool-1d-empty-batch", "N=0, 1-D, k=2 on 6", np.zeros((0, 2, 6)), kernel_size=2),
    pooled("unpool-1d-empty-batch-ceil", "N=0, 1-D, k=2 on 5, pooled with ceil_mode",
           np.zeros((0, 2, 5)), kernel_size=2, ceil_mode=True),
    pooled("unpool-2d-empty-batch", "N=0, C=2, 4x4, k=2", np.zeros((0, 2, 4, 4)), kernel_size=2),
    pooled("unpool-2d-empty-batch-c1-ceil", "N=0, C=1, 5x4, k=2, pooled with ceil_mode",
           np.zeros((0, 1, 5, 4)), kernel_size=2, ceil_mode=True),
    pooled("unpool-2d-empty-batch-float32-same-odd", "N=0, float32, 5x5, pooled with 'same'",
           np.zeros((0, 2, 5, 5)), dtype="float32", kernel_size=2, padding="same"),
    pooled("unpool-3d-empty-batch", "N=0, 3-D, 4x4x4, k=2", np.zeros((0, 2, 4, 4, 4)),
           kernel_size=2),
    pooled("unpool-3d-empty-batch-ceil", "N=0, 3-D, 3x4x5, k=2, pooled with ceil_mode",
           np.zeros((0, 1, 3, 4, 5)), kernel_size=2, ceil_mode=True),
] + [
    pooled(f"unpool-{r}d-empty-batch-{t}", f"N=0, {t}, {r}-D, k=2 on 5, ceil_mode",
           np.zeros((0, 2) + (5,) * r), dtype=t, kernel_size=2, ceil_mode=True)
    for t, r in (("int8", 2), ("uint16", 1), ("int64", 3), ("uint64", 2))
] + [
    error("unpool-error-empty-batch-backward-batch", "N=0 indices, dz with N=1",
          np.zeros((0, 1, 2)), "pooling:badGradient", call="max_unpool_backward",
          indices=np.zeros((0, 1, 2), dtype=np.int64), dy=np.zeros((1, 1, 4)), output_size=4),
]
GROUPS["empty-batch"] = ("N = 0 forward and backward in every rank, sizes from ceil_mode "
                         "too", EMPTY_BATCH)


V = line([1.0, 2.0])
ERRORS = [
    error("unpool-error-index-too-large", "index 4 in a plane of 4", V, "pooling:badIndices",
          indices=line([0, 4]), output_size=4),
    error("unpool-error-index-negative", "index -1", V, "pooling:badIndices",
          indices=line([-1, 0]), output_size=4),
    error("unpool-error-indices-shape", "three indices for two values", V,
          "pooling:badIndices", indices=line([0, 1, 2]), output_size=4),
    error("unpool-error-output-size-zero", "output_size 0", V, "pooling:badOutputSize",
          indices=line([0, 1]), output_size=0),
    error("unpool-error-output-size-count", "four sizes: at most three spatial axes", V,
          "pooling:badOutputSize", indices=line([0, 1]), output_size=[2, 2, 2, 2]),
    error("unpool-error-backward-batch", "dz with N=2 for indices with N=1", V,
          "pooling:badGradient", call="max_unpool_backward", indices=line([0, 1]),
          dy=[[[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]]], output_size=3),
    error("unpool-error-backward-index-range", "index 3 in a dz plane of 3", V,
          "pooling:badIndices", call="max_unpool_backward", indices=line([0, 3]),
          dy=line([1.0, 2.0, 3.0]), output_size=3),
    error("unpool-error-backward-integer", "max_unpool_backward refuses integer gradients",
          line([1, 2]), "pooling:badInput", call="max_unpool_backward", dtype="int32",
          indices=line([0, 1]), dy=line([1, 2, 3]), output_size=3),
]
GROUPS["errors"] = ("errors of max unpooling", ERRORS)


# ------------------------------------------------ golden values (the oracle)


def forward(x, params, indices=None):
    size = params["output_size"]
    size = size if isinstance(size, list) else [size] * (x.ndim - 2)
    return {"y": oracle.max_unpool(x, indices, size)}


def backward(dy, x, params, indices=None):
    return oracle.max_unpool_backward(dy, indices)


def expected_error(call, x, params, dy=None, indices=None):
    return oracle.unpool_error(call, x, params, dy, indices)
