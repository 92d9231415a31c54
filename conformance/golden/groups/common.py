"""Helpers shared by the fixture group modules: case specs and golden values.

A case spec gives the input and the parameters; the oracle computes the
outputs.  ``expect`` holds values worked out by hand (and checked by eye) for
the small cases; the generator refuses to write a case whose oracle values
disagree with them.  ``dy`` defaults to distinct powers of two, so every
summed gradient decodes to the windows that fed it.  The seeded input
makers are in inputs.py.
"""


from ...operators import INT_DTYPES, OPERATORS
from .. import oracle

NAN = float("nan")
INF = float("inf")
# The largest size, count or parameter SPEC.md allows (section 12).
LARGEST = 2**31 - 1
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
