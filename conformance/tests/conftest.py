"""Shared pytest fixtures of the conformance harness: the Octave session, the table, the report."""

import collections
import html
import os
import pathlib
import platform
import subprocess
import sys

import pytest

from conformance.octave_session import BatchFailed, OctaveSession, OctaveUnavailable
from conformance.runners import METHODS, octave_calls


@pytest.fixture(scope="session")
def octave():
    """The run's Octave session; skips without Octave unless REQUIRE_OCTAVE=1."""
    try:
        session = OctaveSession()
    except OctaveUnavailable as exc:
        if os.environ.get("REQUIRE_OCTAVE") == "1":
            pytest.fail(f"REQUIRE_OCTAVE=1 but {exc}", pytrace=False)
        pytest.skip(str(exc))
    yield session
    session.close()


@pytest.fixture(scope="session")
def octave_replies(octave):
    """Replies for every case of a fixture file, fetched in one Octave call per file.

    Returns a function ``replies(case, cases_of_file)``: the case's replies by
    method, or raises ``BatchFailed`` when its file's batch did not return.
    """
    by_file = {}

    def replies(case, cases_of_file):
        if case.file not in by_file:
            calls, spans = [], {}
            for c in cases_of_file:
                for method in METHODS:
                    mine = octave_calls(c, method)
                    spans[c.id, method] = (len(calls), len(calls) + len(mine))
                    calls += mine
            if case.group in os.environ.get("POOLING_TEST_CRASH_GROUPS", "").split(","):
                # Test-only (test_octave_session.py): Octave dies inside this batch.
                calls.insert(len(calls) // 2, ("testonly_crash", (), 0))
            try:
                answers = octave.run_calls(calls)
                by_file[case.file] = {}
                for (cid, method), (a, b) in spans.items():
                    by_file[case.file].setdefault(cid, {})[method] = answers[a:b]
            except BatchFailed as exc:
                by_file[case.file] = exc
        batch = by_file[case.file]
        if isinstance(batch, BatchFailed):
            raise batch
        return batch[case.id]

    return replies


# ---------------------------------------------------------- the summary table

_WHERE = {}
_OUTCOMES = collections.defaultdict(collections.Counter)
_FAILURES = []


def pytest_addoption(parser):
    group = parser.getgroup("conformance report")
    group.addoption("--report-md", metavar="PATH",
                    help="write the conformance report as Markdown to PATH")
    group.addoption("--report-html", metavar="PATH",
                    help="also write it as HTML to PATH")


def environment():
    """What the run ran on: the versions that decide exactness, and the platform."""
    import numpy

    info = {"Python": sys.version.split()[0], "numpy": numpy.__version__,
            "platform": platform.platform(), "machine": platform.machine()}
    try:
        import oct2py

        info["oct2py"] = oct2py.__version__
    except ImportError:
        info["oct2py"] = "not installed"
    exe = os.environ.get("OCTAVE_EXECUTABLE") or "octave-cli"
    try:
        first = subprocess.run([exe, "--version"], capture_output=True, text=True,
                               timeout=30).stdout.splitlines()
        info["Octave"] = first[0] if first else "unknown"
    except (OSError, subprocess.TimeoutExpired):
        info["Octave"] = "not found"
    return info


def pytest_report_header(config):
    return "conformance environment: " + ", ".join(f"{k} {v}" for k, v in environment().items())


def pytest_collection_modifyitems(items):
    for item in items:
        spec = getattr(item, "callspec", None)
        case = spec.params.get("case") if spec else None
        if case is not None and item.originalname in ("python", "octave"):
            _WHERE[item.nodeid] = (case.group, item.originalname)


def pytest_runtest_logreport(report):
    where = _WHERE.get(report.nodeid)
    if where is None:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        _OUTCOMES[where][report.outcome] += 1
        if report.failed:
            text = getattr(report.longrepr, "reprcrash", None)
            message = text.message if text is not None else str(report.longrepr)
            _FAILURES.append((where[0], where[1], report.nodeid.split("::")[-1], message))


def _table():
    """Rows of (group, {language: "n passed, m FAILED"})."""
    groups = sorted({g for g, _ in _OUTCOMES})
    languages = [lang for lang in ("python", "octave") if any(w == lang for _, w in _OUTCOMES)]
    rows = []
    for group in groups:
        cells = {}
        for lang in languages:
            counts = _OUTCOMES.get((group, lang), collections.Counter())
            text = f"{counts['passed']} passed"
            if counts["failed"]:
                text += f", {counts['failed']} FAILED"
            if counts["skipped"]:
                text += f", {counts['skipped']} skipped"
            cells[lang] = text
        rows.append((group, cells))
    return languages, rows


def _write_reports(config):
    md_path, html_path = config.getoption("--report-md"), config.getoption("--report-html")
    if not (md_path or html_path) or not _OUTCOMES:
        return
    languages, rows = _table()
    env = environment()
    total_failed = sum(c["failed"] for c in _OUTCOMES.values())
    verdict = "all fixtures agree" if not total_failed else f"{total_failed} FAILED"
    lines = ["# Conformance report", "", f"Result: **{verdict}**.", "",
             "| group | " + " | ".join(languages) + " |",
             "|---|" + "---|" * len(languages)]
    lines += [f"| {g} | " + " | ".join(c[lang] for lang in languages) + " |" for g, c in rows]
    lines += ["", "## Failures", ""]
    lines += [f"- `{node}` ({group}, {lang}): {msg.splitlines()[0] if msg else ''}"
              for group, lang, node, msg in _FAILURES] or ["None."]
    lines += ["", "## Environment", ""] + [f"- {k}: {v}" for k, v in env.items()]
    if md_path:
        pathlib.Path(md_path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(md_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if html_path:
        head = "".join(f"<th>{html.escape(x)}</th>" for x in ["group", *languages])
        body = "".join(
            "<tr><td>" + html.escape(g) + "</td>"
            + "".join(f"<td>{html.escape(c[lang])}</td>" for lang in languages) + "</tr>"
            for g, c in rows)
        fails = "".join(f"<li><code>{html.escape(n)}</code> ({html.escape(g)}, {html.escape(la)})"
                        f"<pre>{html.escape(m)}</pre></li>" for g, la, n, m in _FAILURES)
        envs = "".join(f"<li>{html.escape(k)}: {html.escape(v)}</li>" for k, v in env.items())
        page = (f"<!doctype html><meta charset=utf-8><title>Conformance report</title>"
                f"<h1>Conformance report</h1><p>Result: <b>{html.escape(verdict)}</b></p>"
                f"<table border=1><tr>{head}</tr>{body}</table>"
                f"<h2>Failures</h2><ul>{fails or '<li>None.</li>'}</ul>"
                f"<h2>Environment</h2><ul>{envs}</ul>")
        pathlib.Path(html_path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(html_path).write_text(page, encoding="utf-8")


def pytest_terminal_summary(terminalreporter, config):
    _write_reports(config)
    for path in (config.getoption("--report-md"), config.getoption("--report-html")):
        if path and _OUTCOMES:
            terminalreporter.write_line(f"conformance report written to {path}")
    if not _OUTCOMES:
        return
    languages, rows = _table()
    write = terminalreporter.write_line
    terminalreporter.section("conformance: fixture group x language")
    width = max(len(g) for g, _ in rows) + 2
    write("group".ljust(width) + "".join(lang.ljust(22) for lang in languages))
    for group, cells in rows:
        write(group.ljust(width) + "".join(cells[lang].ljust(22) for lang in languages))
