"""pytest glue of the harness: the Octave session, the fixture folder, and the report hooks."""

import os
import pathlib

import pytest

from conformance.fixtureio.reader import FIXTURES
from conformance.harness import report as reporting
from conformance.harness.octave_runner import octave_calls
from conformance.harness.octave_session import BatchFailed, OctaveSession, OctaveUnavailable
from conformance.harness.python_runner import METHODS


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
            for variable, fault in (("POOLING_TEST_CRASH_GROUPS", "testonly_crash"),
                                    ("POOLING_TEST_STOP_GROUPS", "testonly_stop")):
                if case.group in os.environ.get(variable, "").split(","):
                    # Test-only (test_octave_session.py): Octave dies or stops in this batch.
                    calls.insert(len(calls) // 2, (fault, (), 0))
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


# ---------------------------------------------------------- the report

_WHERE = {}
OUTCOMES = reporting.Outcomes()


def pytest_addoption(parser):
    group = parser.getgroup("conformance report")
    group.addoption("--report-md", metavar="PATH",
                    help="write the conformance report as Markdown to PATH")
    group.addoption("--report-html", metavar="PATH",
                    help="also write it as HTML to PATH")
    group.addoption("--fixture-dir", metavar="DIR", default=os.environ.get("POOLING_FIXTURES"),
                    help="the fixture folder test_conformance.py runs (default: "
                         "$POOLING_FIXTURES, else fixtures/); it needs its manifest.json")


def pytest_configure(config):
    # Where the run's fixtures come from (test_conformance.py, the report).
    chosen = config.getoption("--fixture-dir")
    config.fixtures_root = pathlib.Path(chosen).resolve() if chosen else FIXTURES
    OUTCOMES.fixtures = config.fixtures_root
    # A report from an earlier run must not survive this one, however it ends.
    for option in ("--report-md", "--report-html"):
        path = config.getoption(option)
        if path and pathlib.Path(path).is_file():
            pathlib.Path(path).unlink()


def pytest_report_header(config):
    return "conformance environment: " + ", ".join(
        f"{k} {v}" for k, v in reporting.environment().items())


def pytest_collection_modifyitems(items):
    for item in items:
        spec = getattr(item, "callspec", None)
        case = spec.params.get("case") if spec else None
        if case is not None and item.originalname in reporting.LANGUAGES:
            _WHERE[item.nodeid] = (case.group, item.originalname)


def pytest_collectreport(report):
    if report.failed:
        text = getattr(report.longrepr, "reprcrash", None)
        message = text.message if text is not None else str(report.longrepr)
        OUTCOMES.collection_errors.append((report.nodeid, message))


def pytest_runtest_logreport(report):
    where = _WHERE.get(report.nodeid)
    if where is None:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        message = None
        if report.failed:
            text = getattr(report.longrepr, "reprcrash", None)
            message = text.message if text is not None else str(report.longrepr)
        OUTCOMES.add(*where, report.outcome, report.nodeid.split("::")[-1], message)


def pytest_sessionfinish(session, exitstatus):
    # Every run asked for a report writes one, saying how the run ended.
    config = session.config
    OUTCOMES.exit_status = int(exitstatus)
    reporting.write_reports(OUTCOMES, config.getoption("--report-md"),
                            config.getoption("--report-html"))


def pytest_terminal_summary(terminalreporter, config):
    paths = (config.getoption("--report-md"), config.getoption("--report-html"))
    for path in paths:
        if path:
            terminalreporter.write_line(f"conformance report written to {path}")
    if not OUTCOMES:
        return
    terminalreporter.section("conformance: fixture group x language")
    for line in reporting.terminal_lines(OUTCOMES):
        terminalreporter.write_line(line)
