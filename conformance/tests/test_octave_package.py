"""The MATLAB half as an Octave package: matlab/build_octave_package, then `pkg install`.

The archive is built into a scratch folder and installed with ``pkg install
-local`` into a scratch prefix with a scratch package list and HOME, in a fresh
octave-cli that has nothing of the checkout on its path; the test then loads it
and pools the chapter's 4 x 4 example.  Nothing outside the scratch folder is
written.
"""

import os
import pathlib
import re
import shutil
import subprocess
import tarfile

import pytest

from conformance.octave_session import OctaveUnavailable, find_executable

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "matlab" / "build_octave_package"

pytestmark = pytest.mark.octave


def _version():
    text = (ROOT / "python" / "src" / "pooling" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([0-9.]+)"$', text, re.M).group(1)


@pytest.fixture(scope="module")
def octave_cli():
    try:
        return find_executable()
    except OctaveUnavailable as exc:
        if os.environ.get("REQUIRE_OCTAVE") == "1":
            pytest.fail(f"REQUIRE_OCTAVE=1 but {exc}", pytrace=False)
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    if shutil.which("sh") is None or shutil.which("tar") is None:
        pytest.skip("building the archive needs sh and tar")
    out = tmp_path_factory.mktemp("build")
    done = subprocess.run(["sh", str(SCRIPT), str(out)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    path = out / f"pooling-{_version()}.tar.gz"
    assert done.stdout.strip() == str(path)
    return path


def test_the_archive_is_an_octave_package(archive):
    top = f"pooling-{_version()}"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        description = tar.extractfile(f"{top}/DESCRIPTION").read().decode()
    for needed in ("DESCRIPTION", "COPYING", "INDEX", "inst/+pooling/max_pool.m",
                   "inst/+pooling/+internal/pool_geometry.m"):
        assert f"{top}/{needed}" in names, f"{needed} missing from {archive.name}"
    assert all(n == top or n.startswith(top + "/") for n in names), "one top folder only"
    assert re.search(r"^Name: pooling$", description, re.M)
    assert re.search(rf"^Version: {re.escape(_version())}$", description, re.M)


def test_the_archive_is_reproducible(archive, tmp_path):
    again = subprocess.run(["sh", str(SCRIPT), str(tmp_path)], capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / archive.name).read_bytes() == archive.read_bytes()


def test_pkg_install_then_load_then_pool(archive, octave_cli, tmp_path):
    prefix, home = tmp_path / "prefix", tmp_path / "home"
    home.mkdir()
    script = tmp_path / "install_and_run.m"
    script.write_text("\n".join([
        f"pkg('prefix', '{prefix.as_posix()}', '{prefix.as_posix()}');",
        f"pkg('local_list', '{(tmp_path / 'octave_packages').as_posix()}');",
        "before = which('pooling.max_pool');",
        f"pkg('install', '-local', '{archive.as_posix()}');",
        "pkg('load', 'pooling');",
        "x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];",
        "disp(['before: [', before, ']']);",
        "disp(['from: ', which('pooling.max_pool')]);",
        "disp(['y = ', mat2str(pooling.max_pool(x, 2))]);",
    ]) + "\n", encoding="utf-8")
    env = dict(os.environ, HOME=str(home))
    done = subprocess.run(
        [octave_cli, "--no-gui", "--norc", "--quiet", "--no-window-system", str(script)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    output = done.stdout
    assert done.returncode == 0, f"{output}\n{done.stderr}"
    assert "before: []" in output, "pooling was on the path before pkg load:\n" + output
    assert f"from: {prefix.as_posix()}/pooling-{_version()}/+pooling/max_pool.m" in output, output
    assert "y = [6 8;3 4]" in output, output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "home", "install_and_run.m", "octave_packages", "prefix"]
