"""Octave's own tests of the MATLAB package: the %!test files in matlab/tests.

They hold only what the golden fixtures cannot check: SpatialDims and trailing
singleton dimensions, MATLAB classes, NaN payloads, name-value parsing and
1-based indices, plus 'fast' against 'naive' on random calls.
"""

import pathlib

import pytest

MATLAB = pathlib.Path(__file__).resolve().parents[2] / "matlab"
TESTS = MATLAB / "tests"
FILES = sorted(TESTS.glob("test_*.m"))


def test_there_are_octave_test_files():
    assert FILES, f"no test_*.m in {TESTS}"


def test_public_files_are_help_and_code_only():
    # The tests live in matlab/tests, so the public files read as help plus code.
    for path in sorted((MATLAB / "+pooling").rglob("*.m")):
        assert "%!" not in path.read_text(), f"{path.name} holds Octave test blocks"


@pytest.mark.octave
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_octave_selftests_pass(octave, path):
    # The shared helpers (fast_matches_naive) live next to the test files.
    octave.engine.addpath(str(TESTS))
    # Octave 7 resolves a test file given by its path, not by a package name.
    passed, total = octave.engine.feval("test", str(path), "quiet", nout=2)
    passed, total = int(passed.item()), int(total.item())
    assert total > 0, f"{path.name} has no Octave tests"
    assert passed == total, f"{path.name}: {passed} of {total} Octave tests passed"
