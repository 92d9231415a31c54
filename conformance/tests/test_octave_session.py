"""The harness survives Octave's faults: a dead process or a hung batch."""

import os
import signal

import numpy as np
import pytest

from conformance.octave_session import BatchFailed

pytestmark = pytest.mark.octave
PROBE = [("pooling.max_pool", (np.array([[1.0, 3.0], [2.0, 0.0]]), 2.0), 1)]


def test_a_killed_octave_fails_its_batch_and_the_next_batch_runs(octave):
    os.kill(octave.engine._engine.repl.child.pid, signal.SIGKILL)
    with pytest.raises(BatchFailed, match="Octave batch failed"):
        octave.run_calls(PROBE)
    # Restarted with its path: the package is found again.
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0


def test_a_hung_batch_times_out_and_the_next_batch_runs(octave):
    with pytest.raises(BatchFailed, match="Timed out"):
        octave.run_calls([("pause", (60.0,), 0)], timeout=2)
    ((outputs, identifier, _),) = octave.run_calls(PROBE)
    assert identifier == "" and outputs[0].item() == 3.0
