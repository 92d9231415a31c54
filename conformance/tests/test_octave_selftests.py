"""Octave's own %!test blocks at the end of every public MATLAB function file."""

import pathlib

import pytest

MATLAB = pathlib.Path(__file__).resolve().parents[2] / "matlab" / "+pooling"
FILES = sorted(MATLAB.glob("*.m"))


def test_every_public_function_has_selftests():
    assert FILES
    for path in FILES:
        assert "%!test" in path.read_text(), f"{path.name} has no %!test block"


@pytest.mark.octave
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_octave_selftests_pass(octave, path):
    # Octave 7 cannot resolve "test pooling.max_pool" (a package function), so
    # the file is named by its path.
    passed, total = octave.engine.feval("test", str(path), "quiet", nout=2)
    passed, total = int(passed.item()), int(total.item())
    assert total > 0 and passed == total, f"{path.name}: {passed} of {total} Octave tests passed"
