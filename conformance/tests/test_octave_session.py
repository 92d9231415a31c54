"""The harness survives Octave's faults: a dead process or a hung batch."""

import os
import signal

import numpy as np
import pytest

from conformance.harness.octave_session import BatchFailed

pytestmark = pytest.mark.octave
PROBE = [("pooling.max_pool", (np.array([[1.0, 3.0], [2.0, 0.0]]), 2.0), 1)]


def test_octave_killed_between_batches_fails_the_next_batch_which_then_recovers(octave):
    os.kill(octave.engine._engine.repl.child.pid, signal.SIGKILL)
    with pytest.raises(BatchFailed, match="Octave batch failed"):
        octave.run_calls(PROBE)
    # Restarted with its path: the package is found again.
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0


def test_octave_dying_inside_a_batch_fails_it_and_the_next_batch_runs(octave):
    with pytest.raises(BatchFailed, match="Octave batch failed"):
        octave.run_calls(PROBE + [("testonly_crash", (), 0)] + PROBE)
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0


def test_a_hung_batch_times_out_and_the_next_batch_runs(octave):
    with pytest.raises(BatchFailed, match="Timed out"):
        octave.run_calls([("testonly_hang", (), 0)], timeout=2)
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0


def test_an_octave_warning_fails_the_call_that_issued_it(octave):
    replies = octave.run_calls(PROBE + [("testonly_warn", (), 0)] + PROBE)
    assert [r[1] for r in replies] == ["", "octave:unexpectedWarning", ""]
    assert "pooling:testonly" in replies[1][2]


def test_a_run_in_which_octave_dies_still_reports_every_group(tmp_path):
    """End to end: one group's batch kills Octave; the table still lists every group."""
    import subprocess
    import sys

    from conformance.harness.octave_session import ROOT

    env = dict(os.environ, POOLING_TEST_CRASH_GROUPS="max_pool/nan")
    run = subprocess.run(
        # The max_pool groups (ids "max-..."), so only the injected crash can fail.
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "octave",
         "-k", "max-", str(ROOT / "conformance" / "tests" / "test_conformance.py"),
         "--report-md", str(tmp_path / "report.md"), "--report-html", str(tmp_path / "r.html")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    table = run.stdout.split("conformance: fixture group x language")[-1]
    rows = {line.split()[0]: line for line in table.splitlines()[1:] if line.strip()}
    assert run.returncode == 1
    assert "FAILED" in rows["max_pool/nan"], table
    assert "Octave batch failed" in run.stdout
    others = [g for g in rows if "/" in g and g != "max_pool/nan"]
    assert others and all("FAILED" not in rows[g] for g in others), table
    report = (tmp_path / "report.md").read_text()
    assert "| max_pool/nan |" in report and "octave[max-1d-nan-one]" in report
    assert "Octave batch failed" in report and "- Octave: GNU Octave" in report
    assert "<table" in (tmp_path / "r.html").read_text()
