"""matlab/run_conformance.m, the MATLAB-only runner, passes under octave-cli with no Python.

It reads fixtures/fixtures.mat and prints the group table, the failures and a
verdict line; its exit status is the verdict.  The sample output in
matlab/README.md is this run's output, kept in step by a test:

    python -m conformance.tests.test_matlab_runner --update

rewrites the README's block from a fresh run (after a fixture change, say).
The block differs from a run only in what changes from run to run: the
seconds taken and the Octave (or MATLAB) version.
"""

import re
import subprocess
import sys

import numpy as np
import pytest

from conformance.fixtureio import layout
from conformance.harness.octave_session import ROOT, OctaveUnavailable, find_executable

README = ROOT / "matlab" / "README.md"
BEGIN = "<!-- run_conformance output: generated, see conformance/tests/test_matlab_runner.py -->"
END = "<!-- end of run_conformance output -->"
# Group rows shown before and after the "..." of the README's sample.
HEAD_ROWS, TAIL_ROWS = 3, 2


def run(executable, expression="exit(~run_conformance())"):
    """(exit status, stdout) of ``expression`` in a fresh octave-cli in matlab/."""
    done = subprocess.run(
        [executable, "--no-gui", "--no-init-file", "--eval", f"cd matlab; {expression}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return done.returncode, done.stdout


def sample(output):
    """The README's sample of a run's ``output``: the group rows elided in the middle."""
    lines = output.rstrip("\n").splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("group "))
    total = next(i for i, line in enumerate(lines) if line.startswith("total "))
    rows = lines[top + 1:total]
    if len(rows) > HEAD_ROWS + TAIL_ROWS + 1:
        rows = rows[:HEAD_ROWS] + ["..."] + rows[-TAIL_ROWS:]
    return "\n".join(lines[:top + 1] + rows + lines[total:]) + "\n"


def normalised(text):
    """``text`` with what varies from run to run (system version, seconds) masked."""
    return re.sub(r"^(GNU Octave|MATLAB) \S+, [0-9.]+ s$", r"\1 <version>, <seconds> s", text,
                  flags=re.MULTILINE)


def readme_block(text):
    """The sample block of README text: what lies in the fence between the markers."""
    start, end = text.index(BEGIN), text.index(END)
    body = text[start + len(BEGIN):end].strip("\n")
    assert body.startswith("```") and body.endswith("```"), "the block must be one code fence"
    return body.split("\n", 1)[1].rsplit("```", 1)[0]


def with_block(text, block):
    """README ``text`` with its sample block replaced by ``block``."""
    start, end = text.index(BEGIN), text.index(END)
    return text[:start + len(BEGIN)] + "\n```text\n" + block + "```\n" + text[end:]


@pytest.fixture(scope="module")
def default_run(octave):
    # The `octave` fixture only decides skip-or-fail when Octave is missing;
    # the runner gets a fresh octave-cli process of its own.
    return run(octave.executable)


@pytest.mark.octave
def test_run_conformance_passes_in_octave_alone(default_run):
    status, out = default_run
    assert status == 0, out[-3000:]
    lines = out.rstrip("\n").splitlines()
    total = [line for line in lines if line.startswith("total ")]
    assert total and total[0].split()[2] == "0", out[-3000:]
    assert re.fullmatch(r"\d+ passed", lines[-1]), lines[-1]
    assert lines[-1] == f"{total[0].split()[1]} passed"
    assert max(len(line) for line in lines) < 120


@pytest.mark.octave
def test_readme_sample_is_the_real_output(default_run):
    _, out = default_run
    want = normalised(sample(out))
    got = normalised(readme_block(README.read_text(encoding="utf-8")))
    assert got == want, ("matlab/README.md's run_conformance sample is stale: run "
                         "python -m conformance.tests.test_matlab_runner --update\n"
                         f"--- README\n{got}--- run\n{want}")


@pytest.mark.octave
def test_a_group_as_first_argument(octave):
    status, out = run(octave.executable, "exit(~run_conformance('max_pool/ties'))")
    assert status == 0, out[-3000:]
    rows = [line.split()[0] for line in out.splitlines() if line.startswith("max_pool/")]
    assert rows == ["max_pool/ties"]


def test_sample_elides_the_middle_rows():
    out = ("run_conformance: x\nGNU Octave 7.3.0, 1.5 s\n\ngroup  passed  failed\n"
           + "".join(f"g{i}  1  0\n" for i in range(9)) + "total  9  0\n\n9 passed\n")
    assert sample(out).splitlines()[4:11] == ["g0  1  0", "g1  1  0", "g2  1  0", "...",
                                              "g7  1  0", "g8  1  0", "total  9  0"]
    assert normalised(sample(out)).splitlines()[1] == "GNU Octave <version>, <seconds> s"


def test_from_matlab_keeps_zero_size_dimensions():
    # The harness's half of the empty-batch check (the runner compares sizes itself):
    # N = 0 is no trailing singleton, and an empty array of another size is wrong.
    back = layout.from_matlab(np.zeros((5, 4, 1, 0)), (0, 1, 5, 4))
    assert back.shape == (0, 1, 5, 4)
    assert layout.from_matlab(np.zeros((4, 4, 2, 0)), (0, 2, 4, 4)).shape == (0, 2, 4, 4)
    assert layout.from_matlab(np.zeros((3, 2, 0)), (0, 2, 3)).shape == (0, 2, 3)
    for wrong in [(3, 2, 1, 0), (5, 4, 0), (0, 0), (5, 4, 0, 1)]:
        assert layout.from_matlab(np.zeros(wrong), (0, 1, 5, 4)) is None, wrong
    assert layout.to_matlab(np.zeros((0, 1, 5, 4))).shape == (5, 4, 1, 0)
    # A trailing singleton after a zero-size dimension is still dropped by MATLAB.
    assert layout.from_matlab(np.zeros((3, 0)), (1, 0, 3)).shape == (1, 0, 3)


def main(argv):
    """``--update``: rewrite matlab/README.md's sample from a fresh run."""
    if argv != ["--update"]:
        print(__doc__)
        return 2
    try:
        executable = find_executable()
    except OctaveUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    status, out = run(executable)
    if status != 0:
        print(out, file=sys.stderr)
        print("run_conformance failed: the README shows a passing run", file=sys.stderr)
        return 1
    text = README.read_text(encoding="utf-8")
    new = with_block(text, sample(out))
    if new == text:
        print(f"{README.relative_to(ROOT)}: up to date")
    else:
        README.write_text(new, encoding="utf-8")
        print(f"{README.relative_to(ROOT)}: sample rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
