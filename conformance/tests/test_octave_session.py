"""The harness survives Octave's faults: a dead, hung or stopped process."""

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from conformance.harness.octave_session import NO_CRASH_DUMPS, ROOT, BatchFailed

pytestmark = pytest.mark.octave
PROBE = [("pooling.max_pool", (np.array([[1.0, 3.0], [2.0, 0.0]]), 2.0), 1)]


def test_octave_killed_between_batches_fails_the_next_batch_which_then_recovers(octave):
    os.kill(octave.engine._engine.repl.child.pid, signal.SIGKILL)
    with pytest.raises(BatchFailed, match="Octave batch failed"):
        octave.run_calls(PROBE)
    # Restarted with its path: the package is found again.
    _assert_the_probe_runs(octave)


def test_octave_dying_inside_a_batch_fails_it_and_the_next_batch_runs(octave):
    with pytest.raises(BatchFailed, match="Octave batch failed"):
        octave.run_calls(PROBE + [("testonly_crash", (), 0)] + PROBE)
    _assert_the_probe_runs(octave)


def test_a_hung_batch_times_out_and_the_next_batch_runs(octave):
    with pytest.raises(BatchFailed, match="did not answer within 2 s; killed and restarted"):
        octave.run_calls([("testonly_hang", (), 0)], timeout=2)
    _assert_the_probe_runs(octave)


def test_a_stopped_octave_fails_the_batch_within_the_limit_and_the_next_batch_runs(octave):
    """SIGSTOP: Octave answers no SIGINT; the watchdog's SIGKILL still ends the batch."""
    stopped = octave.pid
    os.kill(stopped, signal.SIGSTOP)
    start = time.monotonic()
    with pytest.raises(BatchFailed, match="did not answer within 2 s; killed and restarted"):
        octave.run_calls(PROBE, timeout=2)
    assert time.monotonic() - start < 15  # the limit, plus a restart
    assert octave.pid != stopped
    _assert_the_probe_runs(octave)


def test_octave_stopping_itself_inside_a_batch_fails_it_and_the_next_batch_runs(octave):
    start = time.monotonic()
    with pytest.raises(BatchFailed, match="did not answer within 3 s"):
        octave.run_calls(PROBE + [("testonly_stop", (), 0)] + PROBE, timeout=3)
    assert time.monotonic() - start < 15
    _assert_the_probe_runs(octave)


def test_restarting_a_stopped_octave_does_not_hang(octave):
    stopped = octave.pid
    os.kill(stopped, signal.SIGSTOP)
    start = time.monotonic()
    octave.restart()
    assert time.monotonic() - start < 15 and octave.pid != stopped
    _assert_the_probe_runs(octave)


def test_the_session_has_octave_crash_dumps_off(octave):
    """A killed Octave must not write octave-workspace into the working folder."""
    for name in NO_CRASH_DUMPS:
        assert not bool(octave.engine.feval(name, nout=1)), name


def test_an_octave_warning_fails_the_call_that_issued_it(octave):
    replies = octave.run_calls(PROBE + [("testonly_warn", (), 0)] + PROBE)
    assert [r[1] for r in replies] == ["", "octave:unexpectedWarning", ""]
    assert "pooling:testonly" in replies[1][2]


def test_a_run_in_which_octave_dies_still_reports_every_group(tmp_path):
    """End to end: one group's batch kills Octave; the table still lists every group."""
    run = _run_max_pool_groups(tmp_path, POOLING_TEST_CRASH_GROUPS="max_pool/nan")
    assert run.returncode == 1
    assert "Octave batch failed" in run.stdout
    _assert_only_max_pool_nan_failed(run)
    report = (tmp_path / "report.md").read_text()
    assert "| max_pool/nan |" in report and "octave[max-1d-nan-one]" in report
    assert "Octave batch failed" in report and "- Octave: GNU Octave" in report
    assert "<table" in (tmp_path / "r.html").read_text()


def test_a_run_in_which_octave_stops_still_reports_every_group(tmp_path):
    """End to end: one group's batch stops Octave (SIGSTOP); the run still ends, complete."""
    start = time.monotonic()
    run = _run_max_pool_groups(tmp_path, POOLING_TEST_STOP_GROUPS="max_pool/nan",
                               POOLING_OCTAVE_TIMEOUT="20")
    assert time.monotonic() - start < 300
    assert run.returncode == 1, run.stdout[-3000:]
    assert "did not answer within 20 s; killed and restarted" in run.stdout
    _assert_only_max_pool_nan_failed(run)
    report = (tmp_path / "report.md").read_text()
    assert "| max_pool/nan |" in report and "did not answer within 20 s" in report
    assert not (ROOT / "octave-workspace").exists()


def _run_max_pool_groups(tmp_path, **env):
    """pytest in a subprocess over the Octave side of the max_pool groups (ids "max-...")."""
    return subprocess.run(
        # Only the injected fault can fail these.
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "octave",
         "-k", "max-", str(ROOT / "conformance" / "tests" / "test_conformance.py"),
         "--report-md", str(tmp_path / "report.md"), "--report-html", str(tmp_path / "r.html")],
        cwd=ROOT, env=dict(os.environ, **env), capture_output=True, text=True, timeout=600,
    )


def _assert_the_probe_runs(octave):
    """The session answers a plain call: the package is on Octave's path."""
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0


def _assert_only_max_pool_nan_failed(run):
    """In the group x language table ``run`` printed, max_pool/nan failed and no other group."""
    table = run.stdout.split("conformance: fixture group x language")[-1]
    rows = {line.split()[0]: line for line in table.splitlines()[1:] if line.strip()}
    assert "FAILED" in rows["max_pool/nan"], table
    others = [g for g in rows if "/" in g and g != "max_pool/nan"]
    assert others and all("FAILED" not in rows[g] for g in others), table
