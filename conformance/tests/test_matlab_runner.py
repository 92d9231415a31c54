"""matlab/run_conformance.m, the MATLAB-only runner, passes under octave-cli with no Python.

It reads fixtures/fixtures.mat and prints the same group table as the Python
harness; its exit status is the verdict.
"""

import subprocess

import pytest

from conformance.harness.octave_session import ROOT


@pytest.mark.octave
def test_run_conformance_passes_in_octave_alone(octave):
    # The `octave` fixture only decides skip-or-fail when Octave is missing;
    # the runner gets a fresh octave-cli process of its own.
    run = subprocess.run(
        [octave.executable, "--no-gui", "--no-init-file", "--eval",
         "cd matlab; exit(~run_conformance())"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    total = [line for line in run.stdout.splitlines() if line.startswith("total")]
    assert total and total[0].split()[-1] == "0", run.stdout[-3000:]
