"""A report asked for is always this run's: a failed or cut-short run never leaves a green one.

Each test runs pytest on test_conformance.py in a subprocess, after writing a
green report from an "earlier run" where the new one goes.
"""

import os
import shutil
import subprocess
import sys

import pytest

from conformance.fixtureio import reader

ROOT = reader.FIXTURES.parent
GREEN = "# Conformance report\n\nResult: **all fixtures agree**.\n"


def _run(tmp_path, *args, plugin=None, fixtures=None, environment=()):
    md, page = tmp_path / "report.md", tmp_path / "report.html"
    md.write_text(GREEN)
    page.write_text(f"<p>Result: <b>all fixtures agree</b></p>{GREEN}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "python" / "src"), str(ROOT), str(tmp_path)]))
    env.pop("POOLING_FIXTURES", None)
    env.update(environment)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m",
               "not octave", str(ROOT / "conformance" / "tests" / "test_conformance.py"),
               "--report-md", str(md), "--report-html", str(page), *args]
    if plugin:
        (tmp_path / "report_plugin.py").write_text(plugin)
        command += ["-p", "report_plugin"]
    if fixtures:
        command += ["--fixture-dir", str(fixtures)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    return run, *(p.read_text() if p.exists() else None for p in (md, page))


def _broken_copy(tmp_path):
    root = tmp_path / "fixtures"
    shutil.copytree(reader.FIXTURES, root)
    (root / "max_pool" / "nan.yaml").unlink()
    return root


def test_a_run_stopped_at_collection_replaces_the_green_report(tmp_path):
    run, md, page = _run(tmp_path, fixtures=_broken_copy(tmp_path))
    assert run.returncode == 2, run.stdout[-2000:]
    for text in (md, page):
        assert "all fixtures agree" not in text
        assert "COLLECTION ERROR" in text and "max_pool/nan.yaml" in text
        assert "missing: manifest.json lists it" in text
    assert "- exit status: 2" in md


def test_an_interrupted_run_replaces_the_green_report(tmp_path):
    plugin = ("def pytest_runtest_call(item):\n"
              "    if item.name.startswith('python[max-1d'):\n"
              "        raise KeyboardInterrupt\n")
    run, md, page = _run(tmp_path, "-k", "max-", plugin=plugin)
    assert run.returncode == 2, run.stdout[-2000:]
    for text in (md, page):
        assert "all fixtures agree" not in text and "INTERRUPTED" in text


def test_a_run_that_checks_nothing_says_so(tmp_path):
    run, md, page = _run(tmp_path, "-k", "no-such-case-id")
    assert run.returncode == 5, run.stdout[-2000:]
    for text in (md, page):
        assert "all fixtures agree" not in text and "NO CASES RAN" in text


def test_a_run_killed_outright_leaves_no_report_at_all(tmp_path):
    plugin = ("import os, signal\n"
              "def pytest_runtest_call(item):\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n")
    run, md, page = _run(tmp_path, "-k", "max-1d", plugin=plugin)
    assert run.returncode == -9
    assert md is None and page is None


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_harness_runs_another_fixture_folder(tmp_path, how):
    root = tmp_path / "fixtures"
    shutil.copytree(reader.FIXTURES, root)
    if how == "option":
        run, md, _ = _run(tmp_path, "-k", "max-1d-nan", fixtures=root)
    else:
        run, md, _ = _run(tmp_path, "-k", "max-1d-nan",
                          environment={"POOLING_FIXTURES": str(root)})
    assert run.returncode == 0, run.stdout[-2000:]
    assert "all fixtures agree" in md and f"- fixtures: {root} (version" in md
