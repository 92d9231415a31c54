"""What the differential tests share besides drawing: judging a result, recording a finding.

``compare`` holds one language's (or framework's) result to the oracle's
outputs of a drawn case (drawn.py); ``fail`` appends a failing, shrunk draw
to conformance/golden/found.yaml (POOLING_FOUND_FILE: elsewhere, to try the
machinery on a deliberately broken oracle without touching the real file).
"""

import dataclasses
import os
import pathlib

import numpy as np
import pytest
from hypothesis.control import current_build_context

from conformance.golden import found
from conformance.harness import python_runner
from conformance.harness.compare import first_difference
from conformance.operators import OPERATORS

FOUND = pathlib.Path(os.environ.get("POOLING_FOUND_FILE", found.FOUND_FILE))



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
    for name in OPERATORS[case.op].fields(case.dtype)[1]:
        text = first_difference(expected[name], result[name])
        if text:
            form = " (MATLAB's, 1-based into x)" if matlab and name == "indices" else ""
            problems.append(f"{head} {name}{form}: {text}")
    return problems


def describe(case):
    x = case.arrays["x"]
    return (f"draw {case.id}: {case.op} {case.dtype} x{list(x.shape)} params={case.params}"
            + (f" (expects {case.error})" if case.is_error else ""))



def fail(case, problems, shrunk_by):
    """Save the (final, shrunk) failing draw and fail with every problem found."""
    if not any("undefined" in p for p in problems):  # an operator Octave lacks is no finding
        found.append(case.op, case, problems, FOUND)
    pytest.fail(
        f"{describe(case)}\n  " + "\n  ".join(problems)
        + f"\n(shrunk by {shrunk_by}; appended to {FOUND})",
        pytrace=False)

def final():
    try:
        return current_build_context().is_final
    except Exception:  # noqa: BLE001 -- outside hypothesis: treat as final
        return True


def run_python(case):
    problems = []
    with np.errstate(all="ignore"):
        for method in python_runner.METHODS:
            problems += compare(case, python_runner.run_python(case, method), f"python, {method}")
    return problems



def forward(case, x=None):
    """The Python package's forward output ``y`` of ``case`` (with ``x`` in place of its own)."""
    if x is not None:
        case = dataclasses.replace(case, arrays={**case.arrays, "x": x})
    out = python_runner.python_call(case, OPERATORS[case.op].forward.name)
    return out[0] if isinstance(out, tuple) else out


def backward(case):
    """The Python package's input gradient of ``case``."""
    return python_runner.python_call(case, OPERATORS[case.op].backward.name)
