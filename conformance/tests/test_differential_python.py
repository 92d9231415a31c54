"""Differential tests in Python: drawn cases through ``pooling`` (fast and naive) and PyTorch.

``pooling`` must give the oracle's bits on every draw; PyTorch, where it is
installed, too, but for the rules conformance/differences.yaml lists (as
crosscheck/models.py computes them).  Draws whose parameters the oracle
refuses must raise the same identifier.  A failing draw is shrunk by
hypothesis and appended to conformance/golden/found.yaml (drawn.py).
"""

import numpy as np
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from conformance.crosscheck import models, torch_runner
from conformance.crosscheck.common import Failed, NotSupported
from conformance.harness.compare import first_difference
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


@pytest.mark.skipif(not torch_runner.available(), reason="torch is not installed "
                    "(tox -e crosscheck)")
@pytest.mark.parametrize("op", OPS)
@settings(max_examples=TORCH_EXAMPLES, **SETTINGS)
@given(data=st.data())
def test_drawn_cases_give_torch_the_oracles_bits_but_for_documented_rules(op, data):
    case = build(draw_spec(HypothesisDraws(data), op, torch=True))
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
        if final():
            fail(case, problems, "hypothesis")
        pytest.fail("\n".join(problems), pytrace=False)

