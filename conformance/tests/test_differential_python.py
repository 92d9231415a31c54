"""Differential tests in Python: drawn cases through ``pooling`` (fast and naive) and PyTorch.

``pooling`` must give the oracle's bits on every draw; PyTorch (the shipped
adapter conformance/adapters/torch_pooling.py), where it is installed, too,
but for the rules its differences file lists (as torch_models.py computes
them).  Draws whose parameters the oracle
refuses must raise the same identifier.  A failing draw is shrunk by
hypothesis and appended to conformance/golden/found.yaml (drawn.py).
"""

import numpy as np
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from conformance.harness.compare import first_difference
from conformance.runner import differences
from conformance.runner.implementations import PythonImplementation
from conformance.tests import torch_models
from conformance.tests.drawn import (
    OPS,
    PYTHON_EXAMPLES,
    SETTINGS,
    TORCH_EXAMPLES,
    HypothesisDraws,
    build,
    draw_spec,
)
from conformance.tests.judged import describe, fail, final, run_python

try:
    TORCH = PythonImplementation("conformance.adapters.torch_pooling")
except ImportError:  # torch is not installed
    TORCH = None
TORCH_DIFFERENCES = "conformance/adapters/torch_pooling.differences.yaml"

# ------------------------------------------------------ Python: fast == naive == oracle


@pytest.mark.parametrize("op", OPS)
@settings(max_examples=PYTHON_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_drawn_cases_give_the_oracles_bits_in_python_fast_and_naive(op, data):
    case = build(draw_spec(HypothesisDraws(data), op))
    note(describe(case))
    problems = run_python(case)
    if problems:
        if final():
            fail(case, problems, "hypothesis")
        pytest.fail("\n".join(problems), pytrace=False)


# ------------------------------------------------------ PyTorch, where installed


def test_every_torch_model_is_a_rule_of_the_differences_file():
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[2] / TORCH_DIFFERENCES
    rules = {r["rule"] for r in differences.load(path)}
    assert set(torch_models.MODELS) <= rules, set(torch_models.MODELS) - rules


@pytest.mark.skipif(TORCH is None, reason="torch is not installed "
                    "(pip install -r conformance/requirements-frameworks.txt)")
@pytest.mark.parametrize("op", OPS)
@settings(max_examples=TORCH_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_drawn_cases_give_torch_the_oracles_bits_but_for_documented_rules(op, data):
    if op in torch_models.UNMODELLED:
        pytest.skip(f"{op}: PyTorch's documented differences have no model in torch_models.py")
    case = build(draw_spec(HypothesisDraws(data), op, torch=True))
    note(describe(case))
    if case.is_error:
        return
    with np.errstate(all="ignore"):
        ((_, outcomes),) = list(TORCH.run([case]))
        expected = torch_models.expected(case)
    problems = []
    for outcome in outcomes:
        if outcome.status == "unsupported":
            note(outcome.reason)
        elif outcome.status == "raised":
            problems.append(f"{case.id} [torch] {outcome.function}: {outcome.reason}")
        else:
            problems += [f"{case.id} [torch] {name}: {text}"
                         for name, got in outcome.outputs.items() if name in expected
                         and (text := first_difference(expected[name], got))]
    if problems:
        if final():
            fail(case, problems, "hypothesis")
        pytest.fail("\n".join(problems), pytrace=False)
