"""A case's ``pins`` and ``needs``, derived from its params, dtype, arrays and group.

Nobody types them per case: ``needs`` follow from the parameters, the dtype
and the rank; ``pins`` from the values (a NaN in ``x`` pins the NaN rule, a
window whose maximum occurs twice pins the tie rule, a window sum that rounds
differently when added in reverse pins the order of sums, ...) and from what
a group module declares for all its cases (``PINS = {group: (pin, ...)}``).
The vocabularies, with a line on each, are ``PINS`` and ``NEEDS`` in
``conformance/operators.py``.  Error cases carry ``needs`` only, and a ``tier``
(``tier`` below; the vocabulary is ``TIERS`` there): ``semantic`` when the fault
is one every implementation must refuse, ``api`` when only this suite's API
refuses it.
"""

import math

import numpy as np

from ..operators import INT_DTYPES, NEEDS, OPERATORS, PINS, TIERS, switched_on
from . import groups, oracle


def _numbers(value):
    """Every number in a parameter value (nested lists flattened; strings skipped)."""
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else []


def needs(case):
    """What an implementation must support to run ``case`` (a full fixture dict)."""
    op = OPERATORS[case["op"]]
    params, dtype, error_call = case["params"], case["dtype"], case.get("call")
    out = set()
    if case.get("dx") is not None or error_call == op.backward.name:
        out.add("backward")
    if "indices" in op.forward.outputs and error_call in (None, op.forward.name):
        out.add("indices")
    for call in op.calls.values():
        if error_call in (None, call.name):
            out.update(o.need for o in switched_on(call, params))
    padding = params.get("padding", 0)
    if isinstance(padding, str):
        out.add("padding-strings")
    elif any(_numbers(padding)):
        out.add("padding")
        if isinstance(padding, list) and any(
                isinstance(p, list) and len(set(_numbers(p))) > 1 for p in padding):
            out.add("asymmetric-padding")
    if any(n != 1 for n in _numbers(params.get("dilation", 1))):
        out.add("dilation")
    if params.get("ceil_mode") is True:
        out.add("ceil-mode")
    if params.get("count_include_pad") is False:
        out.add("count-include-pad")
    if params.get("divisor_override") is not None:
        out.add("divisor-override")
    if dtype in INT_DTYPES:
        out.add("integer-dtypes")
    if dtype == "float64":
        out.add("float64")
    rank = np.ndim(case["x"]) - 2
    if rank in (1, 3):
        out.add(f"rank-{rank}")
    return [n for n in NEEDS if n in out]


# ------------------------------------------------------------------ pins


def _floats(case):
    return [a for k in ("x", "dy", "y", "dx") if (a := case.get(k)) is not None
            and a.dtype.kind == "f"]


def _value_pins(case):
    out = set()
    arrays = _floats(case)
    inputs = [case[k] for k in ("x", "dy") if case.get(k) is not None and case[k].dtype.kind == "f"]
    if any(np.isnan(a).any() for a in inputs):
        out.add("nan")
    if any(np.isinf(a).any() for a in inputs):
        out.add("inf")
    if any(((a == 0) & np.signbit(a)).any() for a in arrays):
        out.add("signed-zero")
    if any(((a != 0) & (np.abs(a) < np.finfo(a.dtype).tiny)).any() for a in arrays):
        out.add("subnormal")
    outputs = [case[k] for k in ("y", "dx")
               if case.get(k) is not None and case[k].dtype.kind == "f"]
    if any(np.isinf(a).any() for a in outputs) and "inf" not in out and "nan" not in out:
        out.add("overflow")
    return out


def _sum(values, kind, reverse=False):
    acc = kind(0.0)
    for v in (reversed(values) if reverse else values):
        acc = acc + v
    return acc


def _differ(a, b):
    return not (a == b and np.signbit(a) == np.signbit(b)) and not (np.isnan(a) and np.isnan(b))


def _order_matters(lists, kind, divisors=None):
    """True when some list sums (then divides) differently added in reverse."""
    with np.errstate(all="ignore"):
        for i, values in enumerate(lists):
            if len(values) < 2:
                continue
            d = kind(1.0) if divisors is None else kind(divisors[i])
            if _differ(_sum(values, kind) / d, _sum(values, kind, True) / d):
                return True
    return False


def _ceil_differs(n, k, s, pb, pa, d):
    """Ceil mode's count before its last-window rule differs from floor's: the extra
    window is kept (a longer output) or dropped (SPEC.md, "Output size")."""
    floor = oracle.out_length(n, k, s, pb, pa, d, False)
    return math.ceil((n + pb + pa - d * (k - 1) - 1) / s) + 1 != floor


def _window_pins(case):
    """Pins that need the windows: ties, padding, ceil mode, divisor, orders of sums."""
    op = OPERATORS[case["op"]]
    if op.name == "max_unpool":
        idx = case["indices"]
        # The size spelled out: with an empty batch numpy cannot infer a -1.
        flat = idx.reshape(idx.shape[:2] + (int(np.prod(idx.shape[2:])),))
        repeats = any(len(set(flat[i, j].tolist())) < flat.shape[2]
                      for i in range(flat.shape[0]) for j in range(flat.shape[1]))
        return {"overwrite"} if repeats else set()
    x, params, out = case["x"], case["params"], set()
    spatial = x.shape[2:]
    windowed = "kernel_size" in op.param_names
    p = oracle.normalise(params if windowed else oracle.whole(x), spatial)
    kernel = math.prod(p["kernel"])
    averaging = "indices" not in op.forward.outputs
    mode = "pad" if params.get("count_include_pad", True) else "input"
    _, wins, counts = oracle.windows(spatial, p, divisor=mode)
    override = params.get("divisor_override")
    divisors = [override or c for c in counts]
    if windowed and any(len(w) < kernel for w in wins):
        out.add("padding-absent")
    if windowed and p["ceil_mode"] and any(
            _ceil_differs(n, k, s, pb, pa, d)
            for n, k, s, (pb, pa), d in zip(spatial, p["kernel"], p["stride"], p["pads"],
                                            p["dilation"], strict=True)):
        out.add("ceil-last-window")
    if windowed and averaging and (override is not None or "padding-absent" in out):
        out.add("divisor")
    kind = x.dtype.type
    planes = [list(plane) for _, plane in oracle.planes(x)]
    if averaging:
        if x.dtype.kind == "f" and _order_matters(
                [[plane[f] for f in w] for plane in planes for w in wins], kind,
                divisors * len(planes)):
            out.add("sum-order")
    else:
        for plane in planes:
            for w in wins:
                values = [plane[f] for f in w]
                best = values[oracle.pick(values)]
                if not np.isnan(best) and sum(v == best for v in values) > 1:
                    out.add("ties")
    dy = case.get("dy")
    if case.get("dx") is not None and dy is not None:
        shares = []
        for ij, _ in oracle.planes(x):
            g = list(dy[ij].ravel())
            acc = {}
            for o, w in enumerate(wins):
                if averaging:
                    with np.errstate(all="ignore"):
                        share = g[o] / kind(divisors[o])
                    for f in w:
                        acc.setdefault(f, []).append(share)
                else:
                    target = int(case["indices"][ij].ravel()[o])
                    acc.setdefault(target, []).append(g[o])
            shares += list(acc.values())
        if _order_matters(shares, kind):
            out.add("gradient-order")
    return out


def pins(case, group):
    """The rules ``case`` (a full fixture dict of ``group``) pins; none for an error case."""
    if case.get("error"):
        return []
    declared = getattr(groups.module(case["op"]), "PINS", {}).get(group, ())
    out = set(declared) | _value_pins(case) | _window_pins(case)
    return [n for n in PINS if n in out]


# ------------------------------------------------------------------ tier

# Refusals no implementation may skip, whatever the fault's values: an output or a
# window with no element, an array too large, indices outside their plane (fixture
# indices are always int64, so only their range and shape can be wrong), a gradient
# of the wrong shape (a fixture's dy has x's dtype, so only its shape can be wrong).
SEMANTIC_ERRORS = ("pooling:outputTooSmall", "pooling:emptyWindow", "pooling:tooLarge",
                   "pooling:badIndices", "pooling:badGradient")
# The parameter an identifier is about; its value decides the tier.
PARAMETER_OF = {"pooling:badKernel": "kernel_size", "pooling:badStride": "stride",
                "pooling:badDilation": "dilation", "pooling:badPadding": "padding",
                "pooling:badOutputSize": "output_size", "pooling:badOption": "divisor_override"}
INT_MAX = 2**31 - 1


def _plain_integers(value, nested):
    """Every leaf an ``int`` (not a bool, float or string) of at most ``INT_MAX``; lists
    of lists only where ``nested`` (padding's (before, after) pairs)."""
    if isinstance(value, list):
        return bool(value) and all(
            _plain_integers(v, nested=False) if nested or not isinstance(v, list) else False
            for v in value)
    return isinstance(value, int) and not isinstance(value, bool) and value <= INT_MAX


def tier(case):
    """``semantic`` or ``api`` for an error case (a full fixture dict); None otherwise.

    ``api``: the refusal rests on this suite's rules: an integer dtype (integer
    averages and gradients), an option that is not a plain integer (a fraction, a
    string, a bool, a nested list: types and spellings), or an integer above
    ``2^31 - 1`` (the suite's bound), a flag or an unknown option.  ``semantic``: a
    wrong rank, ``C = 0`` or a spatial size of 0, a kernel, stride, dilation or
    output size below 1, a pad below 0 or beyond the window, a wrong count or shape,
    and every identifier of ``SEMANTIC_ERRORS``.
    """
    error = case.get("error")
    if not error:
        return None
    if error in SEMANTIC_ERRORS:
        return "semantic"
    if error == "pooling:badInput":
        return "api" if case["dtype"] in INT_DTYPES else "semantic"
    name = PARAMETER_OF.get(error)
    value = case["params"].get(name)
    if value is None or not _plain_integers(value, nested=name == "padding"):
        return "api"
    if name == "divisor_override":
        return "semantic" if value < 1 else "api"
    return "semantic"


def tag(case, group):
    """``case`` with its ``pins`` and ``needs`` filled in, and an error case's ``tier``."""
    case["pins"] = pins(case, group)
    case["needs"] = needs(case)
    if case.get("error"):
        case["tier"] = tier(case)
        assert case["tier"] in TIERS
    return case
