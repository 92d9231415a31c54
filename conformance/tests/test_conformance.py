"""Every golden fixture, in every language: ``python[<id>]`` and ``octave[<id>]``.

(pytest collects the functions ``python`` and ``octave`` by name, see tox.ini,
so nothing else in this module may start with either word.)  A failure names
the fixture id, the language, the output and its first
differing element with both values in full precision.  The cases come from
the fixture folder ``--fixture-dir DIR`` (or ``POOLING_FIXTURES``; default
``fixtures/``), checked against its manifest: a broken folder stops the run
at collection.
"""

import collections

import pytest

from conformance.fixtureio.matlab_call import matlab_expected
from conformance.fixtureio.reader import FixtureError, load_all
from conformance.harness import octave_runner, python_runner
from conformance.harness.compare import first_difference
from conformance.harness.octave_session import BatchFailed
from conformance.operators import OPERATORS

_LOADED = {}


def cases_in(root):
    """The cases of the fixture folder ``root`` (manifest checked), and them by file."""
    if root not in _LOADED:
        try:
            cases = load_all(root, manifest=True)
        except FixtureError as exc:
            pytest.fail(f"fixture folder {root} refused: {exc}", pytrace=False)
        by_file = collections.defaultdict(list)
        for case in cases:
            by_file[case.file].append(case)
        _LOADED[root] = cases, by_file
    return _LOADED[root]


def pytest_generate_tests(metafunc):
    if "case" in metafunc.fixturenames:
        cases, _ = cases_in(metafunc.config.fixtures_root)
        metafunc.parametrize("case", cases, ids=[c.id for c in cases])


def check(case, language, result, expected):
    """Fail with the fixture id, the language and the first difference, if any."""
    where = f"{case.id} [{language}] ({case.group})"
    if case.is_error:
        if "error" not in result:
            pytest.fail(f"{where}: expected {case.error}, but the call returned", pytrace=False)
        if result["error"] != case.error:
            pytest.fail(
                f"{where}: expected {case.error}, got {result['error'] or 'no identifier'}: "
                f"{result['message']}",
                pytrace=False,
            )
        return
    if "error" in result:
        pytest.fail(f"{where}: raised {result['error']}: {result['message']}", pytrace=False)
    problems = []
    for name in OPERATORS[case.op].fields(case.dtype)[1]:
        diff = first_difference(expected[name], result[name])
        if diff:
            problems.append(f"{name}: {diff}")
    if problems:
        pytest.fail(f"{where}: " + "\n  ".join(problems), pytrace=False)


def python(case):
    for method in python_runner.METHODS:
        check(case, f"python, method={method}", python_runner.run_python(case, method), case.arrays)


@pytest.mark.octave
def octave(case, octave_replies, pytestconfig):
    _, by_file = cases_in(pytestconfig.fixtures_root)
    try:
        replies = octave_replies(case, by_file[case.file])
    except BatchFailed as exc:
        pytest.fail(f"{case.id} [octave] ({case.group}): {exc}", pytrace=False)
    expected = None if case.is_error else matlab_expected(case)
    for method in python_runner.METHODS:
        check(case, f"octave, method={method}", octave_runner.octave_result(case, replies[method]),
              expected)
