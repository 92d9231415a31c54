"""Helpers shared by the fixture group modules: case specs and golden values.

A case spec gives the input and the parameters; the oracle computes the
outputs.  ``expect`` holds values worked out by hand (and checked by eye) for
the small cases; the generator refuses to write a case whose oracle values
disagree with them.  ``dy`` defaults to distinct powers of two, so every
summed gradient decodes to the windows that fed it.  The seeded input
makers are in inputs.py.
"""

import numpy as np

from ...operators import INT_DTYPES, OPERATORS
from .. import oracle
from .inputs import distinct

NAN = float("nan")
INF = float("inf")
# The largest size, count or parameter SPEC.md allows (section 12), as the oracle checks it.
LARGEST = oracle.LARGEST
# The chapter's 4x4 example (docs/pooling.md, SPEC.md section 5), one (H, W) plane.
CHAPTER = [[1.0, 1.0, 2.0, 4.0], [5.0, 6.0, 7.0, 8.0], [3.0, 2.0, 1.0, 0.0], [1.0, 2.0, 3.0, 4.0]]


def plane(rows):
    """A single (n, c) plane as an (1, 1, H, W) input."""
    return [[rows]]


def line(values):
    """A single 1-D signal as an (1, 1, L) input."""
    return [[values]]


def case(id, description, x, dtype="float64", expect=None, dy=None, indices=None, **params):
    """An ordinary case: outputs from the oracle, checked against ``expect`` if given."""
    spec = {"id": id, "description": description, "dtype": dtype, "x": x, "params": params}
    if expect:
        spec["expect"] = expect
    if dy is not None:
        spec["dy"] = dy
    if indices is not None:
        spec["indices"] = indices
    return spec


def error(id, description, x, identifier, call=None, dtype="float64", dy=None, indices=None,
          **params):
    """An error case: ``call`` (default: the operator's forward function) must raise it."""
    spec = case(id, description, x, dtype, dy=dy, indices=indices, **params)
    spec.update(error=identifier, call=call)
    return spec


def adaptive_float32_empty(prefix, seed):
    """The float32 cases (2-D and 3-D) and the empty batch both adaptive operators share.

    Ids start with ``prefix``; the inputs are ``distinct`` with seeds ``seed``
    and ``seed + 1``.
    """
    return [
        case(f"{prefix}-2d-float32", "float32, N=2, C=2, 6x7 to 4x3",
             distinct((2, 2, 6, 7), seed) / 4.0, dtype="float32", output_size=[4, 3]),
        case(f"{prefix}-3d-float32", "float32, 3-D, 3x4x5 to 2x3x2",
             distinct((1, 1, 3, 4, 5), seed + 1), dtype="float32", output_size=[2, 3, 2]),
        case(f"{prefix}-2d-empty-batch", "N=0: an empty result of shape (0, C, *output_size)",
             np.zeros((0, 2, 5, 5)), output_size=[3, 2]),
    ]


def random_window(rng, rank):
    """Random window parameters for ``rank`` spatial axes, drawn from ``rng`` in this order.

    Returns ``(kernel, stride, dilation, pads, extent)``, each a list of one
    entry per axis: kernel and stride in 1..3, dilation in 1..2, ``[before,
    after]`` pads each in ``0 .. extent-1`` (so every pad is allowed), and the
    dilated window extent ``dilation*(kernel-1) + 1``.
    """
    k = [int(v) for v in rng.integers(1, 4, size=rank)]
    s = [int(v) for v in rng.integers(1, 4, size=rank)]
    d = [int(v) for v in rng.integers(1, 3, size=rank)]
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    pads = [[int(rng.integers(0, e[a])), int(rng.integers(0, e[a]))] for a in range(rank)]
    return k, s, d, pads, e


# Each pooling operator's oracle functions: forward(x, window), backward(dy, x,
# window), the error checks error(call, x, window, dy, integers=...), and whether
# the window is the whole plane (global pooling).
ORACLE = {
    "max_pool": (oracle.max_pool, oracle.max_pool_backward, oracle.pool_error, False),
    "avg_pool": (oracle.avg_pool, oracle.avg_pool_backward, oracle.pool_error, False),
    "global_max_pool": (oracle.max_pool, oracle.max_pool_backward, oracle.pool_error, True),
    "global_avg_pool": (oracle.avg_pool, oracle.avg_pool_backward, oracle.pool_error, True),
    "adaptive_max_pool": (oracle.adaptive_max_pool, oracle.adaptive_max_pool_backward,
                          oracle.adaptive_error, False),
    "adaptive_avg_pool": (oracle.adaptive_avg_pool, oracle.adaptive_avg_pool_backward,
                          oracle.adaptive_error, False),
    "lp_pool": (oracle.lp_pool, oracle.lp_pool_backward, oracle.lp_error, False),
}


def pool_golden(op):
    """``forward``, ``backward`` and ``expected_error`` of a pooling operator (see __init__.py).

    Each calls its oracle function of ``ORACLE[op]`` on the operator's window
    (the whole plane for global pooling).  Outputs and whether integer ``x``
    is allowed come from the registry.
    """
    spec = OPERATORS[op]
    integers = any(d in INT_DTYPES for d in spec.dtypes)
    forward, backward, error, whole = ORACLE[op]

    def window(x, params):
        return oracle.whole(x) if whole else params

    def golden_forward(x, params, indices=None):
        out = forward(x, window(x, params))
        return dict(zip(spec.forward.outputs, out if isinstance(out, tuple) else (out,),
                        strict=True))

    def golden_backward(dy, x, params, indices=None):
        return backward(dy, x, window(x, params))

    def golden_error(call, x, params, dy=None, indices=None):
        return error(call, x, window(x, params), dy, integers=integers)

    return golden_forward, golden_backward, golden_error
