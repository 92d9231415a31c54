"""The bad-call catalogue (``catalogue.py``) exported as error fixtures: ``<op>/catalogue``.

Every catalogue entry whose Python call can be written as fixture data becomes
an error case of its operator's ``catalogue`` group: the positional arguments
are the registry call's ``args`` (arrays or parameters), the keywords are the
operator's parameters.  An entry is left out when it cannot be written so: a
value that is not a numeric array (a string, ``None``, an object, a list, a
logical or complex array), arrays of two dtypes, float indices (fixture indices
are int64), an unknown option or one the registry does not give the operator
(``method``, ``max_unpool``'s kernel options), a parameter value its schema in
``conformance/operators.py`` does not admit (NaN, Inf, a bool for a kernel
size), a missing required parameter, an array beyond the reader's limits, or
indices the MATLAB call form cannot number (an impossible output size).
The case is then tagged like every other (``tags.tag``: needs and the tier).
"""

import math

import numpy as np

from ..fixtureio.matlab_call import matlab_calls
from ..fixtureio.reader import MAX_DIM, MAX_ELEMENTS, MAX_RANK, Case
from ..operators import ARRAYS, DTYPES, OPERATORS
from .catalogue import CATALOGUE, Y

GROUP = "catalogue"
SUMMARY = ("the bad-call catalogue (conformance/golden/catalogue.py): each entry that "
           "fixture data can express")
DEFS = {"perAxis": {"anyOf": [{"type": "number"},
                              {"type": "array", "items": {"type": "number"}}]}}


def _plain(value):
    """A parameter value as YAML data: lists, finite numbers, strings, bools; else None."""
    if isinstance(value, (tuple, list)):
        items = [_plain(v) for v in value]
        return None if any(v is None for v in items) else items
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return value
    return None


def _admits(schema, value):
    """Whether ``value`` matches ``schema`` (the fragments the registry's params use)."""
    if schema is None:
        return True
    if "$ref" in schema:
        return _admits(DEFS[schema["$ref"].rpartition("/")[2]], value)
    if "anyOf" in schema:
        return any(_admits(s, value) for s in schema["anyOf"])
    types = schema.get("type")
    types = [types] if isinstance(types, str) else types
    kinds = {"number": isinstance(value, (int, float)) and not isinstance(value, bool),
             "boolean": isinstance(value, bool), "string": isinstance(value, str),
             "null": value is None, "array": isinstance(value, list)}
    if not any(kinds[t] for t in types):
        return False
    if isinstance(value, list) and "items" in schema:
        return all(_admits(schema["items"], v) for v in value)
    return True


def _array(value):
    """A fixture array, or None: a numeric ndarray within the reader's limits."""
    if not isinstance(value, np.ndarray) or value.dtype.name not in DTYPES:
        return None
    if value.ndim > MAX_RANK or any(n > MAX_DIM for n in value.shape) or math.prod(
            n for n in value.shape if n) > MAX_ELEMENTS:
        return None
    return value


def case_spec(entry):
    """The case spec of one catalogue entry, or None when fixture data cannot express it."""
    op = next(o for o in OPERATORS.values() if entry.function in o.calls)
    call = op.calls[entry.function]
    params_of = {p.name: p for p in op.params}
    args, kwargs = entry.python
    if len(args) > len(call.args):
        return None
    arrays, params = {}, {}
    for name, value in [*zip(call.args, args, strict=False), *kwargs.items()]:
        if name in ARRAYS:
            array = _array(value)
            if array is None or (name == "indices" and array.dtype.kind not in "iu"):
                return None
            arrays[name] = array
        elif name in params_of:
            plain = _plain(value)
            if plain is None or not _admits(params_of[name].schema, plain):
                return None
            params[name] = plain
        else:
            return None
    # An array the call takes only when asked (max_pool_backward's saved indices) is
    # asked for by the case's switch, as in every other fixture.
    for optional in call.optional:
        if optional.keyword in kwargs:
            params[optional.switch] = True
    dtypes = {a.dtype.name for n, a in arrays.items() if n != "indices"}
    if len(dtypes) != 1:
        return None
    dtype = dtypes.pop()
    if "x" not in arrays:
        # max_unpool_backward takes no x; the case holds the pooled values it came from.
        arrays["x"] = Y.astype(dtype)
    if "output_size" in params_of and "output_size" not in params and "dy" in arrays:
        params["output_size"] = list(arrays["dy"].shape[2:])  # the size dy was unpooled to
    if any(p.required and p.name not in params for p in op.params):
        return None
    spec = {"id": "catalogue-" + entry.id.replace("_", "-"),
            "description": f"catalogue entry {entry.id}: {entry.function} with a bad "
                           f"{entry.argument}",
            "op": op.name, "dtype": dtype, "params": params,
            "x": arrays["x"], "error": entry.identifier, "call": entry.function}
    for name in ("dy", "indices"):
        if name in arrays:
            spec[name] = arrays[name]
    return spec


def specs():
    """``{op: [case spec, ...]}`` of the exportable catalogue entries, in catalogue order."""
    out = {}
    for entry in CATALOGUE:
        spec = case_spec(entry)
        if spec is not None:
            out.setdefault(spec["op"], []).append(spec)
    return out


def _case(spec):
    """The full fixture dict of a spec.  The oracle is not asked: its checks cover the
    geometry, not types, the ``2^31 - 1`` bounds or ``C = 0`` (and a huge legal pad would
    have it allocate); the identifier is the catalogue's, which
    ``conformance/tests/test_catalogue.py`` holds both languages to."""
    case = {key: spec[key] for key in ("id", "description", "op", "dtype", "params")}
    case["x"] = np.asarray(spec["x"], dtype=spec["dtype"])
    case["dy"] = None if "dy" not in spec else np.asarray(spec["dy"], dtype=spec["dtype"])
    case["indices"] = (None if "indices" not in spec
                       else np.asarray(spec["indices"], dtype=np.int64))
    case["call"], case["error"] = spec["call"], spec["error"]
    return case


def _has_matlab_form(case):
    """Whether the registry's MATLAB call form (fixtures.mat, the Octave runner) can write
    the case: indices of an impossible or huge output size have no exact MATLAB linear
    index."""
    loaded = Case(file="", group=GROUP, id=case["id"], description=case["description"],
                  op=case["op"], dtype=case["dtype"], params=case["params"],
                  arrays={n: case[n] for n in ARRAYS if case.get(n) is not None},
                  call=case["call"], error=case["error"])
    try:
        calls = matlab_calls(loaded)
    except (ValueError, TypeError):
        return False
    # MATLAB's indices are doubles: beyond 2^53 they would not say which element.
    return all(np.all(np.abs(a) < 2**53) for call in calls for a in call.args
               if isinstance(a, np.ndarray) and a.dtype == np.float64)


def groups():
    """``{op: (summary, [full case dict, ...])}``: the ``catalogue`` group of each operator."""
    from . import tags

    out = {}
    for op, op_specs in specs().items():
        cases = [tags.tag(case, GROUP) for case in map(_case, op_specs)
                 if _has_matlab_form(case)]
        if cases:
            out[op] = (SUMMARY, cases)
    return out
