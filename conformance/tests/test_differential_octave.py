"""Differential tests in Octave: hundreds of drawn cases per Octave call, fast and naive.

Octave must give the oracle's bits on every draw, as Python must
(test_differential_python.py).  hypothesis cannot batch, so the draws come
from a seeded generator that records its choices (POOLING_SEED fixes the
seed); a failing draw is shrunk by lowering its recorded choices one at a
time, then appended to conformance/golden/found.yaml (drawn.py).
"""

import os
import random

import numpy as np
import pytest

from conformance.fixtureio.matlab_call import matlab_expected
from conformance.harness import octave_runner, python_runner
from conformance.tests.drawn import (
    OCTAVE_BATCH,
    OCTAVE_BATCHES,
    OCTAVE_SHRINK_CALLS,
    OPS,
    RecordedDraws,
    build,
    draw_spec,
)
from conformance.tests.judged import compare, fail

# ------------------------------------------------------ Octave: batches


def _octave_problems(octave, cases):
    """Run every case, both methods, in one Octave call; problems per case."""
    calls, spans = [], []
    for case in cases:
        for method in python_runner.METHODS:
            mine = octave_runner.octave_calls(case, method)
            spans.append((case, method, len(calls), len(calls) + len(mine)))
            calls += mine
    answers = octave.run_calls(calls)
    problems = {case.id: [] for case in cases}
    for case, method, a, b in spans:
        expected = None if case.is_error else matlab_expected(case)
        problems[case.id] += compare(case, octave_runner.octave_result(case, answers[a:b]),
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
                draws = RecordedDraws(replay=best[:i] + [value] + best[i + 1:])
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
    case = build(draw_spec(RecordedDraws(replay=best), op))
    return case, _octave_problems(octave, [case])[case.id]


@pytest.mark.octave
@pytest.mark.parametrize("op", OPS)
def test_drawn_cases_give_the_oracles_bits_in_octave_fast_and_naive(op, octave):
    seed = int(os.environ.get("POOLING_SEED", random.randrange(2**32)))
    rng = np.random.default_rng(seed)
    for _ in range(OCTAVE_BATCHES):
        recorded = []
        for _ in range(OCTAVE_BATCH):
            draws = RecordedDraws(seed=int(rng.integers(2**32)))
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

