"""Shared pytest fixtures of the conformance harness: the Octave session and the table."""

import collections
import os

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


def pytest_terminal_summary(terminalreporter):
    if not _OUTCOMES:
        return
    groups = sorted({g for g, _ in _OUTCOMES})
    languages = [lang for lang in ("python", "octave") if any(w == lang for _, w in _OUTCOMES)]
    write = terminalreporter.write_line
    terminalreporter.section("conformance: fixture group x language")
    width = max(len(g) for g in groups) + 2
    write("group".ljust(width) + "".join(lang.ljust(22) for lang in languages))
    for group in groups:
        cells = []
        for lang in languages:
            counts = _OUTCOMES.get((group, lang), collections.Counter())
            text = f"{counts['passed']} passed"
            if counts["failed"]:
                text += f", {counts['failed']} FAILED"
            if counts["skipped"]:
                text += f", {counts['skipped']} skipped"
            cells.append(text.ljust(22))
        write(group.ljust(width) + "".join(cells))
