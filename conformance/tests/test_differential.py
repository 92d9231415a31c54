"""Differential tests: drawn cases, every operator, both methods, both languages, the oracle.

Each draw is a case spec as conformance/groups/ writes them (shape, dtype,
parameters anywhere in their legal range, values with NaN, +-Inf, -0.0,
subnormals, heavy ties and mixed magnitudes); the oracle computes its golden
outputs, and ``pooling`` (fast and naive), Octave (fast and naive, hundreds of
draws in one Octave call) and, where it is installed, PyTorch must give the
same bits (PyTorch as conformance/differences.yaml's models say).  Draws whose
parameters the oracle refuses must raise the same identifier.  A draw that
fails is shrunk (by hypothesis in Python; by lowering its recorded choices one
at a time for Octave) and appended to conformance/groups/found.py for review.

Properties of the mathematics close the file: gradients against central
differences, the adjoint identity of every backward pass, and unpooling what
max pooling selected.

Profiles: the default run takes well under a minute with Octave;
``POOLING_LONG=1`` (``python -m conformance.crosscheck --long``,
``tox -e crosscheck -- --long``) draws thousands of cases.  POOLING_SEED fixes
the seed of the Octave batches; POOLING_FOUND_FILE writes findings elsewhere
(to try the machinery on a deliberately broken oracle without touching
conformance/groups/).
"""

import hashlib
import math
import os
import pathlib
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis.control import current_build_context

import pooling
from conformance import generate, oracle, runners
from conformance.compare import first_difference, show
from conformance.crosscheck import models, torch_runner
from conformance.crosscheck.common import Failed, NotSupported
from conformance.fixture_format import INT_DTYPES, OPERATORS, Case, fields

LONG = os.environ.get("POOLING_LONG") == "1"
# Examples per operator: the long profile's, else the default's.
PYTHON_EXAMPLES = 2000 if LONG else 150
TORCH_EXAMPLES = 1000 if LONG else 100
PROPERTY_EXAMPLES = 300 if LONG else 40
OCTAVE_BATCHES, OCTAVE_BATCH = (10, 300) if LONG else (1, 250)
OCTAVE_SHRINK_CALLS = 150

OPS = tuple(OPERATORS)
FOUND = pathlib.Path(os.environ.get(
    "POOLING_FOUND_FILE", pathlib.Path(__file__).resolve().parents[1] / "groups" / "found.py"))
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                     HealthCheck.data_too_large])


# ------------------------------------------------------------------ drawing
#
# One drawing routine serves hypothesis (shrinkable, for the Python tests) and
# a seeded generator that records its choices (for Octave batches, which
# hypothesis cannot batch).  Every choice is an integer in [lo, hi] whose
# simplest value is lo, so both shrink toward small, plain cases.


class _HypothesisDraws:
    def __init__(self, data):
        self.data = data

    def integer(self, lo, hi):
        return self.data.draw(st.integers(lo, hi))

    def boolean(self):
        return bool(self.integer(0, 1))

    def choice(self, options):
        return options[self.integer(0, len(options) - 1)]


class _RecordedDraws(_HypothesisDraws):
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
    k, k1 = _axes(draw, rank, 1, 3)
    d, d1 = _axes(draw, rank, 1, 1 if torch and op == "avg_pool" else 2)
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    params = {"kernel_size": _param(k, k1)}
    if draw.boolean():
        s, s1 = _axes(draw, rank, 1, 3)
        params["stride"] = _param(s, s1)
    if draw.boolean() or d != [1] * rank:
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
    if op == "avg_pool":
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
    """A case spec for ``op`` (conformance/groups/common.py's form), before the oracle runs.

    ``torch=True`` keeps to what PyTorch can express (symmetric pads of at most
    floor(k/2), undilated average pooling, dtypes it has kernels for).
    """
    rank = draw.integer(1, 3)
    lead = [draw.integer(1, 2), draw.integer(1, 2)]
    integers = OPERATORS[op].integers
    dtype = _dtype(draw, integers and not (torch and op == "max_unpool"), torch)
    spec = {"op": op, "dtype": dtype, "params": {}}
    if op in ("max_pool", "avg_pool"):
        params, e = _window(draw, op, rank, torch)
        spec["params"] = params
        spec["x"] = _values(draw, tuple(lead + _spatial(draw, rank, e)), dtype)
    elif op.startswith("global_"):
        spec["x"] = _values(draw, tuple(lead + _spatial(draw, rank)), dtype)
    else:
        _unpool_spec(draw, spec, rank, lead, torch)
    if dtype in FLOATS and draw.boolean():
        # Not the default powers of two: order-sensitive magnitudes or specials.
        spec["dy_seed"] = draw.integer(0, 2**32 - 1)
        spec["dy_kind"] = draw.choice(["magnitudes", "specials"])
    return spec


def _unpool_spec(draw, spec, rank, lead, torch):
    """Unpool what max pooling selected, or arbitrary (often duplicate) in-plane indices."""
    dtype = spec["dtype"]
    if draw.boolean():
        params, e = _window(draw, "max_pool", rank, torch)
        x0 = _values(draw, tuple(lead + [e[a] + draw.integer(0, 3) for a in range(rank)]), dtype)
        if oracle.expected_error("max_pool", "max_pool", x0, params) is None:
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
    full = dict(spec, id=draw_id, description="drawn by test_differential.py")
    with np.errstate(all="ignore"):
        error = oracle.expected_error(op, OPERATORS[op].functions[0], spec["x"], spec["params"],
                                      indices=spec.get("indices"))
        if error:
            full.update(error=error, call=None)
        built = generate.build_case(full)
        if not error and "dy_kind" in spec and "dy" in built:
            built["dy"] = _dy(spec, built["dy"].shape)
            built["dx"] = generate.backward(op, built["dy"], built["x"], spec["params"],
                                            built["indices"])
    arrays = {k: built[k] for k in ("x", "dy", "y", "indices", "dx") if built.get(k) is not None}
    return Case(file="<drawn>", group="drawn", id=draw_id, description=full["description"],
                op=op, dtype=dtype, params=spec["params"], arrays=arrays,
                call=built.get("call"), error=built.get("error"))


# ------------------------------------------------------------ comparing


def compare(case, result, where, expected=None):
    """Problems of one language's (or framework's) ``result`` for ``case``: [] when it agrees.

    ``expected`` defaults to the case's golden arrays (Octave's indices are MATLAB's).
    """
    head = f"{case.id} [{where}]"
    if case.is_error:
        if "error" not in result:
            return [f"{head}: expected {case.error}, but the call returned"]
        if result["error"] != case.error:
            return [f"{head}: expected {case.error}, got {result['error']}: {result['message']}"]
        return []
    if "error" in result:
        return [f"{head}: raised {result['error']}: {result['message']}"]
    matlab = expected is not None
    expected = case.arrays if expected is None else expected
    problems = []
    for name in fields(case.op, case.dtype)[1]:
        text = first_difference(expected[name], result[name])
        if text:
            form = " (MATLAB's, 1-based into x)" if matlab and name == "indices" else ""
            problems.append(f"{head} {name}{form}: {text}")
    return problems


def describe(case):
    x = case.arrays["x"]
    return (f"draw {case.id}: {case.op} {case.dtype} x{list(x.shape)} params={case.params}"
            + (f" (expects {case.error})" if case.is_error else ""))


def _format_value(v, dtype):
    if dtype in INT_DTYPES:
        return str(int(v))
    v = float(v)
    if math.isnan(v):
        return "NAN"
    if math.isinf(v):
        return "INF" if v > 0 else "-INF"
    return repr(v)


def _nested(a, dtype):
    if a.ndim == 0:
        return _format_value(a, dtype)
    return "[" + ", ".join(_nested(sub, dtype) for sub in a) + "]"


def save_found(case, problems):
    """Append the failing draw to conformance/groups/found.py as a case spec, for review."""
    if any("undefined" in p for p in problems):
        return  # an operator Octave does not have yet is not a finding
    if not FOUND.exists():
        FOUND.write_text(
            '"""Draws of conformance/tests/test_differential.py that failed, shrunk.\n\n'
            "Review each: when the oracle is right, move the case to the group whose rule it\n"
            "pins and regenerate; when it is wrong, fix the oracle and keep the case as a\n"
            "regression.  conformance/generate.py does not read this file.\n"
            '"""\n\n# ruff: noqa: E501 -- the data of a draw is one line each\n\n'
            "from .common import INF, NAN, case, error  # noqa: F401\n\nFOUND = []\n",
            encoding="utf-8")
    text = FOUND.read_text(encoding="utf-8")
    if f'"found-{case.id[5:]}"' in text:
        return
    a = case.arrays
    where = problems[0].split(": ", 1)[0].split(" ", 1)[1]
    args = [f'"found-{case.id[5:]}"', json_str(f"Found by test_differential.py: {where} differs"),
            f"x={_nested(a['x'], case.dtype)}", f'dtype="{case.dtype}"']
    if "indices" in a and case.op == "max_unpool":
        args.append(f"indices={_nested(a['indices'], 'int64')}")
    if "dy" in a:
        args.append(f"dy={_nested(a['dy'], case.dtype)}")
    args += [f"{k}={v!r}" for k, v in case.params.items()]
    maker = "error" if case.is_error else "case"
    if case.is_error:
        args.insert(3, f'identifier="{case.error}"')
    comment = "".join(f"# {p}\n" for p in problems[:3])
    entry = f"{comment}FOUND.append((\"{case.op}\", {maker}({', '.join(args)})))\n"
    FOUND.write_text(text + "\n" + entry, encoding="utf-8")


def json_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fail(case, problems, shrunk_by):
    """Save the (final, shrunk) failing draw and fail with every problem found."""
    save_found(case, problems)
    pytest.fail(
        f"{describe(case)}\n  " + "\n  ".join(problems)
        + f"\n(shrunk by {shrunk_by}; appended to {FOUND})",
        pytrace=False)


def _final():
    try:
        return current_build_context().is_final
    except Exception:  # noqa: BLE001 -- outside hypothesis: treat as final
        return True


def _run_python(case):
    problems = []
    with np.errstate(all="ignore"):
        for method in runners.METHODS:
            problems += compare(case, runners.run_python(case, method), f"python, {method}")
    return problems


# ------------------------------------------------------ Python: fast == naive == oracle


@pytest.mark.parametrize("op", OPS)
@settings(max_examples=PYTHON_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_drawn_cases_give_the_oracles_bits_in_python_fast_and_naive(op, data):
    case = build(draw_spec(_HypothesisDraws(data), op))
    note(describe(case))
    problems = _run_python(case)
    if problems:
        if _final():
            fail(case, problems, "hypothesis")
        pytest.fail("\n".join(problems), pytrace=False)


# ------------------------------------------------------ PyTorch, where installed


@pytest.mark.skipif(not torch_runner.available(), reason="torch is not installed "
                    "(tox -e crosscheck)")
@pytest.mark.parametrize("op", OPS)
@settings(max_examples=TORCH_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_drawn_cases_give_torch_the_oracles_bits_but_for_documented_rules(op, data):
    case = build(draw_spec(_HypothesisDraws(data), op, torch=True))
    note(describe(case))
    if case.is_error:
        return
    with np.errstate(all="ignore"):
        result = torch_runner.run(case)
    if isinstance(result, NotSupported):
        note(result.reason)
        return
    if isinstance(result, Failed):
        problems = [f"{case.id} [torch]: {result.message}"]
    else:
        with np.errstate(all="ignore"):
            expected = models.expected("torch", case)
        problems = [f"{case.id} [torch] {name}: {text}" for name in expected
                    if (text := first_difference(expected[name], result[name]))]
    if problems:
        if _final():
            fail(case, problems, "hypothesis")
        pytest.fail("\n".join(problems), pytrace=False)


# ------------------------------------------------------ Octave: batches


def _octave_problems(octave, cases):
    """Run every case, both methods, in one Octave call; problems per case."""
    calls, spans = [], []
    for case in cases:
        for method in runners.METHODS:
            mine = runners.octave_calls(case, method)
            spans.append((case, method, len(calls), len(calls) + len(mine)))
            calls += mine
    answers = octave.run_calls(calls)
    problems = {case.id: [] for case in cases}
    for case, method, a, b in spans:
        expected = None if case.is_error else runners.octave_expected(case)
        problems[case.id] += compare(case, runners.octave_result(case, answers[a:b]),
                                     f"octave, {method}", expected)
    return problems


def _shrink(octave, op, choices):
    """Lower one recorded choice at a time while the draw still fails in Octave.

    Each choice's simplest value is its lower bound (replay clamps), so this is
    hypothesis's shrinking in miniature, one Octave call per attempt.
    """
    best = list(choices)
    budget = OCTAVE_SHRINK_CALLS
    improved = True
    while improved and budget > 0:
        improved = False
        i = 0
        while i < len(best) and budget > 0:
            for value in sorted({0, best[i] // 2, best[i] - 1}):
                if value >= best[i]:
                    continue
                draws = _RecordedDraws(replay=best[:i] + [value] + best[i + 1:])
                try:
                    case = build(draw_spec(draws, op))
                except Exception:  # noqa: BLE001 -- an unbuildable edit is just not smaller
                    continue
                budget -= 1
                if _octave_problems(octave, [case])[case.id]:
                    best, improved = draws.made, True
                    break
            else:
                i += 1
    case = build(draw_spec(_RecordedDraws(replay=best), op))
    return case, _octave_problems(octave, [case])[case.id]


@pytest.mark.octave
@pytest.mark.parametrize("op", OPS)
def test_drawn_cases_give_the_oracles_bits_in_octave_fast_and_naive(op, octave):
    seed = int(os.environ.get("POOLING_SEED", random.randrange(2**32)))
    rng = np.random.default_rng(seed)
    for _ in range(OCTAVE_BATCHES):
        recorded = []
        for _ in range(OCTAVE_BATCH):
            draws = _RecordedDraws(seed=int(rng.integers(2**32)))
            recorded.append((build(draw_spec(draws, op)), draws.made))
        problems = _octave_problems(octave, [case for case, _ in recorded])
        failing = [(case, made) for case, made in recorded if problems[case.id]]
        if failing:
            case, made = failing[0]
            shrunk, shrunk_problems = _shrink(octave, op, made)
            if not shrunk_problems:  # shrinking lost the failure: report the original
                shrunk, shrunk_problems = case, problems[case.id]
            fail(shrunk, shrunk_problems + [f"{len(failing)} of {OCTAVE_BATCH} draws failed; "
                                            f"POOLING_SEED={seed}"],
                 "lowering recorded choices")


# ------------------------------------------------------------ properties


@st.composite
def _finite_float64_cases(draw_st, op, distinct):
    """Drawn shapes and parameters with float64 values: distinct integers, or normal noise."""
    spec = draw_spec(_HypothesisDraws(draw_st(st.data())), op)
    rng = np.random.default_rng(draw_st(st.integers(0, 2**32 - 1)))
    shape = spec["x"].shape
    if distinct:
        x = (rng.permutation(math.prod(shape)) - math.prod(shape) // 2).reshape(shape)
    else:
        x = rng.standard_normal(shape)
    spec.update(dtype="float64", x=x.astype(np.float64), dy_kind="magnitudes",
                dy_seed=int(rng.integers(2**32)))
    return spec


def _forward(op, x, params, indices=None):
    if op == "max_pool":
        return pooling.max_pool(x, **params)
    if op == "avg_pool":
        return pooling.avg_pool(x, **params)
    if op == "global_max_pool":
        return pooling.global_max_pool(x)
    if op == "global_avg_pool":
        return pooling.global_avg_pool(x)
    return pooling.max_unpool(x, indices, params["output_size"])


def _backward(op, dy, x, params, indices=None):
    if op == "max_pool":
        return pooling.max_pool_backward(dy, x, **params)
    if op == "avg_pool":
        return pooling.avg_pool_backward(dy, x, **params)
    if op == "global_max_pool":
        return pooling.global_max_pool_backward(dy, x)
    if op == "global_avg_pool":
        return pooling.global_avg_pool_backward(dy, x)
    return pooling.max_unpool_backward(dy, indices)


# Central differences of a function that is linear near x (max pooling's selection
# cannot change: values are distinct integers and h = 1/4 < half their spacing) are
# exact but for rounding of <f(x +- h e_i), dy>, about n * 2^-52 of its terms' size.
FD_STEP = 0.25
FD_TOLERANCE = 1e-9


@pytest.mark.parametrize("op", OPS)
@settings(max_examples=PROPERTY_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_gradients_equal_central_differences_where_differentiable(op, data):
    spec = data.draw(_finite_float64_cases(op, distinct=True))
    case = build(spec)
    if case.is_error or case.arrays["x"].size > 400:
        return
    a = case.arrays
    x, dy, params, idx = a["x"], a["dy"], case.params, a.get("indices")
    dx = _backward(op, dy, x, params, idx)

    def loss(v):
        out = _forward(op, v, params, idx)
        return float(np.sum(out * dy))

    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = FD_STEP
        fd = (loss(x + step) - loss(x - step)) / (2 * FD_STEP)
        scale = 1.0 + float(np.sum(np.abs(dy)) * np.max(np.abs(x)))
        assert abs(fd - dx[i]) <= FD_TOLERANCE * scale, (
            f"{describe(case)}: d<{op}(x), dy>/dx{list(i)} is {show(fd)} by central "
            f"differences, {show(dx[i])} by {op}_backward"
        )


# <f(x), dy> and <x, f_backward(dy)> are the same sum of products in exact arithmetic
# (every operator is linear in x for fixed selections); each side rounds by at most
# about (window + n) * 2^-53 of the sum of its terms' magnitudes.
ADJOINT_TOLERANCE = 1e-12


@pytest.mark.parametrize("op", OPS)
@settings(max_examples=PROPERTY_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_backward_is_the_adjoint_of_forward(op, data):
    spec = data.draw(_finite_float64_cases(op, distinct=False))
    case = build(spec)
    if case.is_error:
        return
    a = case.arrays
    x, dy, params, idx = a["x"], a["dy"], case.params, a.get("indices")
    y = _forward(op, x, params, idx)
    y = y[0] if isinstance(y, tuple) else y
    dx = _backward(op, dy, x, params, idx)
    lhs, rhs = float(np.sum(y * dy)), float(np.sum(x * dx))
    scale = float(np.sum(np.abs(y * dy)) + np.sum(np.abs(x * dx)))
    assert abs(lhs - rhs) <= ADJOINT_TOLERANCE * scale, (
        f"{describe(case)}: <{op}(x), dy> = {show(lhs)} but <x, {op}_backward(dy)> = "
        f"{show(rhs)} (tolerance {ADJOINT_TOLERANCE} x {show(scale)})"
    )


@settings(max_examples=PROPERTY_EXAMPLES * 4, **SETTINGS)
@given(data=st.data())
def test_max_unpool_puts_max_pools_values_back_at_its_indices(data):
    spec = draw_spec(_HypothesisDraws(data), "max_pool")
    case = build(spec)
    if case.is_error:
        return
    x = case.arrays["x"]
    with np.errstate(all="ignore"):
        y, idx = pooling.max_pool(x, return_indices=True, **case.params)
        z = pooling.max_unpool(y, idx, list(x.shape[2:]))
    flat = z.reshape(z.shape[:2] + (-1,))
    lead = idx.shape[:2]
    back = np.take_along_axis(flat, idx.reshape(lead + (-1,)), axis=2).reshape(y.shape)
    text = first_difference(y, back)
    assert text is None, f"{describe(case)}: z at the indices is not y: {text}"
    untouched = np.ones(flat.shape, dtype=bool)
    np.put_along_axis(untouched, idx.reshape(lead + (-1,)), False, axis=2)
    rest = flat[untouched]
    assert not rest.any() and not np.signbit(rest).any(), (
        f"{describe(case)}: z is not +0 away from the indices: {rest[rest != 0][:5]}"
    )
