"""Helpers shared by the fixture group modules: input makers and case specs.

A case spec gives the input and the parameters; the oracle computes the
outputs.  ``expect`` holds values worked out by hand (and checked by eye) for
the small cases; the generator refuses to write a case whose oracle values
disagree with them.  ``dy`` defaults to distinct powers of two, so every
summed gradient decodes to the windows that fed it.
"""

import numpy as np

from ...operators import INT_DTYPES, OPERATORS
from .. import oracle

NAN = float("nan")
INF = float("inf")
# The chapter's 4x4 example (docs/pooling.md, SPEC.md section 5), one (H, W) plane.
CHAPTER = [[1.0, 1.0, 2.0, 4.0], [5.0, 6.0, 7.0, 8.0], [3.0, 2.0, 1.0, 0.0], [1.0, 2.0, 3.0, 4.0]]


def plane(rows):
    """A single (n, c) plane as an (1, 1, H, W) input."""
    return [[rows]]


def line(values):
    """A single 1-D signal as an (1, 1, L) input."""
    return [[values]]


def distinct(shape, seed):
    """All-distinct values 1..n in a seeded random order, so no tie hides a bug."""
    rng = np.random.default_rng(seed)
    return (rng.permutation(int(np.prod(shape))) + 1).reshape(shape).astype(float)


def few_values(shape, seed, values=(-1.0, 0.0, 1.0, 2.0)):
    """Values drawn from a small set: ties in almost every window."""
    rng = np.random.default_rng(seed)
    return rng.choice(values, size=shape)


def mixed_specials(shape, seed):
    """Ties, NaN, +-Inf, -0.0 and subnormals together."""
    rng = np.random.default_rng(seed)
    pool = np.array([NAN, INF, -INF, -0.0, 0.0, 5e-324, -5e-324, 1.0, -1.0, 2.0, 2.0, 3.0])
    return rng.choice(pool, size=shape)


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


def order_sensitive(shape, seed):
    """Values of wildly different magnitudes: any change of addition order shows."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-30, 30, size=shape))


def int_extremes(dtype, shape, seed):
    """Random values of an integer dtype with its minimum and maximum mixed in."""
    info = np.iinfo(dtype)
    rng = np.random.default_rng(seed)
    pool = np.array([info.min, info.min + 1, 0, 1, info.max - 1, info.max], dtype=dtype)
    return rng.choice(pool, size=shape)




def pool_golden(op, forward, backward, whole=False):
    """``forward``, ``backward`` and ``expected_error`` of a pooling operator (see __init__.py).

    ``forward(x, window)`` and ``backward(dy, x, window)`` are its oracle
    functions; ``whole``: the window is the whole plane (global pooling).
    Outputs and whether integer ``x`` is allowed come from the registry.
    """
    spec = OPERATORS[op]
    integers = any(d in INT_DTYPES for d in spec.dtypes)

    def window(x, params):
        return oracle.whole(x) if whole else params

    def golden_forward(x, params, indices=None):
        out = forward(x, window(x, params))
        return dict(zip(spec.forward.outputs, out if isinstance(out, tuple) else (out,),
                        strict=True))

    def golden_backward(dy, x, params, indices=None):
        return backward(dy, x, window(x, params))

    def golden_error(call, x, params, dy=None, indices=None):
        return oracle.pool_error(call, x, window(x, params), dy, integers=integers)

    return golden_forward, golden_backward, golden_error
