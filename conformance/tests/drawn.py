"""Drawn cases for the differential tests: case specs drawn anywhere in their legal range.

Each draw is a case spec as conformance/golden/groups/ writes them (shape,
dtype, parameters anywhere in their legal range, values with NaN, +-Inf, -0.0,
subnormals, heavy ties and mixed magnitudes); the oracle computes its golden
outputs (``build``).  judged.py compares results with them and records the
draws that fail.

Profiles: the default run takes well under a minute with Octave;
``POOLING_LONG=1`` (``POOLING_LONG=1 pytest -q conformance/tests/test_differential_*.py``)
draws thousands of cases.
"""

import hashlib
import math
import os

import numpy as np
from hypothesis import HealthCheck
from hypothesis import strategies as st

from conformance.fixtureio.reader import Case
from conformance.golden import cases as golden_cases
from conformance.golden import groups, oracle
from conformance.operators import INT_DTYPES, OPERATORS

LONG = os.environ.get("POOLING_LONG") == "1"
# Examples per operator: the long profile's, else the default's.
PYTHON_EXAMPLES = 2000 if LONG else 150
TORCH_EXAMPLES = 1000 if LONG else 100
PROPERTY_EXAMPLES = 300 if LONG else 40
OCTAVE_BATCHES, OCTAVE_BATCH = (10, 300) if LONG else (1, 250)
OCTAVE_SHRINK_CALLS = 150

OPS = tuple(OPERATORS)
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                     HealthCheck.data_too_large])


# ------------------------------------------------------------------ drawing
#
# One drawing routine serves hypothesis (shrinkable, for the Python tests) and
# a seeded generator that records its choices (for Octave batches, which
# hypothesis cannot batch).  Every choice is an integer in [lo, hi] whose
# simplest value is lo, so both shrink toward small, plain cases.


class HypothesisDraws:
    def __init__(self, data):
        self.data = data

    def integer(self, lo, hi):
        return self.data.draw(st.integers(lo, hi))

    def boolean(self):
        return bool(self.integer(0, 1))

    def choice(self, options):
        return options[self.integer(0, len(options) - 1)]


class RecordedDraws(HypothesisDraws):
    """Seeded draws, or a replay of edited choices (past the end: each choice's minimum)."""

    def __init__(self, seed=None, replay=None):
        self.rng = np.random.default_rng(seed)
        self.replay = replay
        self.made = []

    def integer(self, lo, hi):
        i = len(self.made)
        if self.replay is None:
            value = int(self.rng.integers(lo, hi + 1))
        else:
            value = min(max(self.replay[i], lo), hi) if i < len(self.replay) else lo
        self.made.append(value)
        return value


FLOATS = ("float64", "float32")


def _specials(dtype):
    info = np.finfo(dtype)
    tiny, sub, big = float(info.tiny), float(info.smallest_subnormal), float(info.max)
    return np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, sub, -sub, 3 * sub, tiny, -tiny,
                     1.0, -1.0, 2.0, 2.0, 3.0, big, -big], dtype=dtype)


def _values(draw, shape, dtype):
    """An input of ``shape``: its kind drawn, its values from a drawn seed."""
    rng = np.random.default_rng(draw.integer(0, 2**32 - 1))
    size = math.prod(shape)
    if dtype in INT_DTYPES:
        info = np.iinfo(dtype)
        kind = draw.choice(["small", "extremes", "ties"])
        if kind == "small":
            lo = max(int(info.min), -50)
            return rng.integers(lo, 50, size=shape, endpoint=True).astype(dtype)
        pool = [info.min, info.min + 1, 0, 1, info.max - 1, info.max]
        pool = pool if kind == "extremes" else pool[2:4]
        return rng.choice(np.array(pool, dtype=dtype), size=shape)
    kind = draw.choice(["distinct", "ties", "specials", "magnitudes", "nan-heavy"])
    if kind == "distinct":
        x = rng.permutation(size).reshape(shape) - size // 2
    elif kind == "ties":
        x = rng.integers(-1, 2, size=shape)
    elif kind == "magnitudes":
        span = 30 if dtype == "float64" else 12
        x = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-span, span, size=shape))
    elif kind == "nan-heavy":
        x = rng.choice(np.array([np.nan, np.nan, 1.0, -np.inf, 2.0]), size=shape)
    else:
        x = rng.choice(_specials(dtype), size=shape)
    return np.asarray(x, dtype=np.float64).astype(dtype)


def _axes(draw, rank, lo, hi):
    """Per-axis values, sometimes written as one scalar (the fixtures' two forms)."""
    if draw.boolean():
        return [draw.integer(lo, hi)] * rank, True
    return [draw.integer(lo, hi) for _ in range(rank)], False


def _param(values, scalar):
    return values[0] if scalar else list(values)


def _dtype(draw, integers, torch):
    if integers and draw.boolean():
        # PyTorch has no uint16/32/64 pooling kernels: such draws would only be refused.
        return draw.choice(["int8", "uint8", "int16", "int32", "int64"] if torch
                           else list(INT_DTYPES))
    return draw.choice(FLOATS)


def _window(draw, op, rank, torch):
    """kernel/stride/padding/dilation/ceil_mode (and the average options) of one draw."""
    names = OPERATORS[op].param_names
    k, k1 = _axes(draw, rank, 1, 3)
    averages = "divisor_override" in names
    # Lp pooling has no dilation (the registry leaves it out): its windows are undilated.
    dilated = "dilation" in names
    d, d1 = _axes(draw, rank, 1, 1 if torch and averages else 2) if dilated else ([1] * rank,
                                                                               True)
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    params = {"kernel_size": _param(k, k1)}
    if draw.boolean():
        s, s1 = _axes(draw, rank, 1, 3)
        params["stride"] = _param(s, s1)
    if dilated and (draw.boolean() or d != [1] * rank):
        params["dilation"] = _param(d, d1)
    kinds = ["pairs", "symmetric", "scalar", "same", "valid", "none"]
    kind = draw.choice(kinds[1:3] + kinds[4:] if torch else kinds)
    limit = [k[a] // 2 if torch else e[a] - 1 for a in range(rank)]
    if kind == "pairs":
        pairs = []
        for a in range(rank):
            before = draw.integer(0, limit[a])
            pairs.append([before, before if draw.boolean() else draw.integer(0, limit[a])])
        params["padding"] = pairs
    elif kind == "symmetric":
        params["padding"] = [draw.integer(0, limit[a]) for a in range(rank)]
    elif kind == "scalar":
        params["padding"] = draw.integer(0, min(limit))
    elif kind in ("same", "valid"):
        params["padding"] = kind
    if draw.boolean():
        params["ceil_mode"] = draw.boolean()
    if averages:
        if draw.boolean():
            params["count_include_pad"] = draw.boolean()
        if draw.integer(0, 3) == 0:
            params["divisor_override"] = draw.integer(1, 6)
    return params, e


def _spatial(draw, rank, e=None):
    if e is None:
        return [draw.integer(1, 6) for _ in range(rank)]
    # Mostly at least one window, sometimes too small (an error case).
    return [max(1, e[a] + draw.integer(-1, 4)) for a in range(rank)]


def draw_spec(draw, op, torch=False):
    """A case spec for ``op`` (conformance/golden/groups/common.py's form), before the oracle runs.

    ``torch=True`` keeps to what PyTorch can express (symmetric pads of at most
    floor(k/2), undilated average pooling, dtypes it has kernels for).
    """
    rank = draw.integer(1, 3)
    lead = [draw.integer(1, 2), draw.integer(1, 2)]
    integers = any(d in INT_DTYPES for d in OPERATORS[op].dtypes)
    dtype = _dtype(draw, integers and not (torch and op == "max_unpool"), torch)
    spec = {"op": op, "dtype": dtype, "params": {}}
    # The kind of operator, from its registry entry: windowed (Lp pooling's order p
    # first), global, unpooling (its forward call takes indices), or adaptive (an
    # output size instead of a window).
    names = OPERATORS[op].param_names
    if "kernel_size" in names:
        params, e = _window(draw, op, rank, torch)
        if "p" in names:
            params = {"p": _order(draw), **params}
        spec["params"] = params
        spec["x"] = _values(draw, tuple(lead + _spatial(draw, rank, e)), dtype)
    elif not OPERATORS[op].params:
        spec["x"] = _values(draw, tuple(lead + _spatial(draw, rank)), dtype)
    elif "indices" in OPERATORS[op].forward.args:
        _unpool_spec(draw, spec, rank, lead, torch)
    else:
        spatial = _spatial(draw, rank)
        spec["x"] = _values(draw, tuple(lead + spatial), dtype)
        spec["params"] = {"output_size": _output_size(draw, spatial)}
    if dtype in FLOATS and draw.boolean():
        # Not the default powers of two: order-sensitive magnitudes or specials.
        spec["dy_seed"] = draw.integer(0, 2**32 - 1)
        spec["dy_kind"] = draw.choice(["magnitudes", "specials"])
    return spec


def _order(draw):
    """Lp pooling's p: 1 or 2 only, the orders exact everywhere (SPEC.md 17), int or float."""
    return draw.choice([1, 2, 1.0, 2.0])


def _output_size(draw, spatial):
    """An adaptive output size per axis in [1, 2L] (larger than the input too), or one int."""
    if draw.boolean():
        return draw.integer(1, 2 * min(spatial))
    return [draw.integer(1, 2 * n) for n in spatial]


def _unpool_spec(draw, spec, rank, lead, torch):
    """Unpool what max pooling selected, or arbitrary (often duplicate) in-plane indices."""
    dtype = spec["dtype"]
    if draw.boolean():
        params, e = _window(draw, "max_pool", rank, torch)
        x0 = _values(draw, tuple(lead + [e[a] + draw.integer(0, 3) for a in range(rank)]), dtype)
        if groups.module("max_pool").expected_error("max_pool", x0, params) is None:
            with np.errstate(all="ignore"):
                y, idx = oracle.max_pool(x0, params)
            spec.update(x=y, indices=idx, params={"output_size": list(x0.shape[2:])})
            return
    pooled = [draw.integer(1, 3) for _ in range(rank)]
    size = [draw.integer(1, 5) for _ in range(rank)]
    rng = np.random.default_rng(draw.integer(0, 2**32 - 1))
    shape = tuple(lead + pooled)
    spec["x"] = _values(draw, shape, dtype)
    spec["indices"] = rng.integers(0, math.prod(size), size=shape).astype(np.int64)
    spec["params"] = {"output_size": size[0] if draw.boolean() and len(set(size)) == 1
                      else size}


def _dy(spec, shape):
    rng = np.random.default_rng(spec["dy_seed"])
    dtype = spec["dtype"]
    if spec["dy_kind"] == "magnitudes":
        values = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-20, 20, size=shape))
        return values.astype(dtype)
    return rng.choice(_specials(dtype), size=shape)


def build(spec):
    """The ``Case`` of a drawn spec, its outputs (or its error) from the oracle."""
    op, dtype = spec["op"], spec["dtype"]
    indices = spec.get("indices")
    text = repr((op, dtype, spec["params"], spec["x"].tobytes(), spec.get("dy_seed"),
                 None if indices is None else indices.tobytes()))
    draw_id = "draw-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    full = dict(spec, id=draw_id, description="drawn by the differential tests")
    with np.errstate(all="ignore"):
        error = groups.module(op).expected_error(OPERATORS[op].forward.name, spec["x"],
                                                 spec["params"], indices=spec.get("indices"))
        if error:
            full.update(error=error, call=None)
        built = golden_cases.build_case(full)
        if not error and "dy_kind" in spec and "dy" in built:
            built["dy"] = _dy(spec, built["dy"].shape)
            built["dx"] = groups.module(op).backward(built["dy"], built["x"], spec["params"],
                                                     built["indices"])
    arrays = {k: built[k] for k in ("x", "dy", "y", "indices", "dx") if built.get(k) is not None}
    return Case(file="<drawn>", group="drawn", id=draw_id, description=full["description"],
                op=op, dtype=dtype, params=spec["params"], arrays=arrays,
                call=built.get("call"), error=built.get("error"))
