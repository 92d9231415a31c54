"""One case's outcomes judged against its golden values: a record per case.

A record is a dict with ``id``, ``group``, ``op``, ``dtype``, ``verdict``,
``reason`` (None for exact), ``outputs`` (each output's verdict), ``ulps``
(rounding only), ``pins`` and ``needs`` (and an error case's ``tier``); the
runner adds ``listed`` (the rule of the differences file that names it).
"""

from ..operators import OPERATORS
from .verdicts import WORST, classify


def _record(case, verdict, reason, outputs=None, ulps=None):
    record = {"id": case.id, "group": case.group, "op": case.op, "dtype": case.dtype,
              "verdict": verdict, "reason": reason, "outputs": outputs or {},
              "pins": list(getattr(case, "pins", None) or ()),
              "needs": list(getattr(case, "needs", None) or ())}
    if ulps is not None:
        record["ulps"] = ulps
    if getattr(case, "tier", None):
        record["tier"] = case.tier
    return record


def skipped(case):
    """An ``api`` error case, not run: only this suite's implementations are held to it."""
    return _record(case, "skipped", f"{case.tier} error case ({case.error}): only the "
                   "pooling package and the MATLAB package are held to this suite's API")


def is_skipped(case, own):
    """Whether a run of an implementation (``own``: this suite's) leaves ``case`` out."""
    return case.is_error and case.tier == "api" and not own


def judge_error(case, outcome, check_identifiers):
    """An error case: ``refused`` when the call raised, ``accepted`` when it returned."""
    if outcome.status == "unsupported":
        return _record(case, "unsupported", outcome.reason)
    if outcome.status == "returned":
        return _record(case, "accepted",
                       f"{outcome.function} returned; it must refuse the call ({case.error})")
    if check_identifiers and outcome.identifier != case.error:
        return _record(case, "mismatch",
                       f"{outcome.function} refused with {outcome.identifier or 'no identifier'}"
                       f", expected {case.error}: {outcome.reason}")
    return _record(case, "refused", outcome.reason)


def judge(case, outcomes, expected, check_identifiers=False):
    """The record of one case from its ``Outcome`` list and its expected outputs."""
    if case.is_error:
        return judge_error(case, outcomes[0], check_identifiers)
    _, wanted = OPERATORS[case.op].fields(case.dtype)
    per_output, reasons, unsupported, worst_ulps = {}, {}, [], 0
    for outcome in outcomes:
        for name in (n for n in OPERATORS[case.op].calls[outcome.function].outputs
                     if n in wanted):
            if outcome.status == "unsupported":
                per_output[name] = "unsupported"
                unsupported.append(f"{name}: {outcome.reason}")
            elif outcome.status == "raised":
                per_output[name] = "mismatch"
                reasons[name] = f"{outcome.function} raised {outcome.reason}"
            else:
                verdict, reason, ulps = classify(expected[name], outcome.outputs[name])
                per_output[name] = verdict
                if reason:
                    reasons[name] = reason
                if verdict == "rounding":
                    worst_ulps = max(worst_ulps, ulps)
    compared = [v for v in per_output.values() if v != "unsupported"]
    if not compared:
        return _record(case, "unsupported", "; ".join(dict.fromkeys(unsupported)), per_output)
    verdict = next(v for v in WORST if v in compared)
    reason = "; ".join(f"{n}: {r}" for n, r in reasons.items() if per_output[n] == verdict)
    if verdict == "exact":
        reason = None
    if unsupported:
        note = "not compared: " + "; ".join(unsupported)
        reason = f"{reason} ({note})" if reason else note
    return _record(case, verdict, reason, per_output,
                   worst_ulps if verdict == "rounding" else None)
