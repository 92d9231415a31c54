"""Case specs (``groups/<op>.py``, ``found.yaml``) turned into full fixture cases.

The outputs come from the oracle through the operator's group module; the
upstream gradient defaults to distinct powers of two.  Hand-written
expectations (``expect``) are checked here, and the build stops if the oracle
ever disagrees with them.
"""

import numpy as np

from ..operators import OPERATORS
from . import found, groups, tags


def powers_of_two(shape, dtype, seed=0):
    """Upstream gradient of distinct powers of two (cycled), alternating in sign.

    Sums of a few of them are exact and decode to the outputs that fed them;
    the exponents (float32: 2^0 .. 2^19, float64: 2^0 .. 2^39) stay inside
    the dtype's exact span so overlapping sums do not round.
    """
    count = int(np.prod(shape))
    span = 20 if dtype == "float32" else 40
    k = (np.arange(count) + seed) % span
    values = np.ldexp(1.0, k) * np.where(np.arange(count) % 2, -1.0, 1.0)
    return values.reshape(shape).astype(dtype)


def _array(value, dtype):
    return None if value is None else np.asarray(value, dtype=dtype)


def build_case(spec):
    """Turn a group's case spec into the full fixture dict, computing golden values."""
    op, dtype = spec["op"], spec["dtype"]
    golden = groups.module(op)
    x = np.asarray(spec["x"], dtype=dtype)
    params = spec["params"]
    indices = _array(spec.get("indices"), np.int64)
    case = {
        "id": spec["id"],
        "description": spec["description"],
        "op": op,
        "dtype": dtype,
        "params": params,
        "x": x,
        "indices": indices,
    }
    if "error" in spec:
        case["dy"] = _array(spec.get("dy"), dtype)
        case["call"] = spec["call"] or OPERATORS[op].forward.name
        case["error"] = spec["error"]
        found = golden.expected_error(case["call"], x, params, case["dy"], indices)
        if found != spec["error"]:
            raise SystemExit(
                f"{spec['id']}: the case says {spec['error']} but the oracle finds {found}"
            )
        return case
    inputs, _ = OPERATORS[op].fields(dtype)
    case.update(golden.forward(x, params, indices))
    if "dy" in inputs:
        y = case["y"]
        dy = _array(spec.get("dy"), dtype)
        dy = powers_of_two(y.shape, dtype) if dy is None else dy
        if dy.shape != y.shape:
            raise SystemExit(f"{spec['id']}: dy has shape {dy.shape}, y has {y.shape}")
        case["dy"] = dy
        case["dx"] = golden.backward(dy, x, params, indices)
    for name, expected in spec.get("expect", {}).items():
        got = case[name]
        want = np.asarray(expected, dtype=got.dtype).reshape(got.shape)
        same = np.array_equal(got, want, equal_nan=got.dtype.kind == "f")
        if got.dtype.kind == "f":  # the sign of zero counts; a NaN's sign does not
            numbers = ~np.isnan(got)
            same = same and np.array_equal(np.signbit(got[numbers]), np.signbit(want[numbers]))
        if not same:
            raise SystemExit(
                f"{spec['id']}: the oracle's {name} {got.tolist()} differs from the "
                f"hand-checked {want.tolist()}"
            )
    return case


def all_groups():
    """``{op: {group: (summary, [full case dict, ...])}}``, the found cases included."""
    out = {op: dict(groups.module(op).GROUPS) for op in OPERATORS}
    for op, spec in found.load():
        summary, specs = out[op].setdefault(
            "found", ("bugs the randomised differential tests found, kept", []))
        out[op]["found"] = (summary, [*specs, spec])
    # Inf - Inf and overflow are cases here, not accidents.
    with np.errstate(all="ignore"):
        return {op: {group: (summary, [tags.tag(build_case(dict(spec, op=op)), group)
                                       for spec in specs])
                     for group, (summary, specs) in op_groups.items()}
                for op, op_groups in out.items()}
