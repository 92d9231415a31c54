"""The bad-call catalogue (conformance/golden/catalogue.py) in both languages.

Every entry must raise its identifier: in Python a ``PoolingError`` whose
message names the argument; in Octave an error with that identifier and a
message naming the function.  Returning a value, or any other exception, fails.
"""

import functools
import pathlib
import re

import numpy as np
import pytest

from conformance.golden.catalogue import ACCEPTED, CATALOGUE, CONVENTIONS
from conformance.harness.octave_session import BatchFailed

IDS = [entry.id for entry in CATALOGUE]
CONVENTION_IDS = [c.id for c in CONVENTIONS]
SPEC = pathlib.Path(__file__).resolve().parents[2] / "SPEC.md"


@pytest.mark.parametrize("entry", CATALOGUE, ids=IDS)
def python(entry):
    import pooling

    args, kwargs = entry.python
    before = [np.array(a, copy=True) if isinstance(a, np.ndarray) else None for a in args]
    try:
        getattr(pooling, entry.function)(*args, **kwargs)
    except pooling.PoolingError as exc:
        assert exc.identifier == entry.identifier, (
            f"{entry.id} [python]: expected {entry.identifier}, got {exc.identifier}: {exc}"
        )
        assert entry.argument in str(exc), (
            f"{entry.id} [python]: the message does not name {entry.argument!r}: {exc}"
        )
        assert str(exc).startswith(entry.function + ":"), str(exc)
    else:
        pytest.fail(f"{entry.id} [python]: expected {entry.identifier}, but the call returned",
                    pytrace=False)
    for old, new in zip(before, args, strict=True):
        if old is not None:
            assert np.array_equal(old, new, equal_nan=True), f"{entry.id}: an input changed"


@pytest.fixture(scope="module")
def octave_catalogue(octave):
    """Every catalogue entry's Octave reply, from one batch."""
    calls = [("evaluate", (entry.matlab,), 0) for entry in CATALOGUE]
    try:
        return dict(zip(IDS, octave.run_calls(calls), strict=True))
    except BatchFailed as exc:
        return exc


@pytest.mark.octave
@pytest.mark.parametrize("entry", CATALOGUE, ids=IDS)
def octave(entry, octave_catalogue):
    if isinstance(octave_catalogue, BatchFailed):
        pytest.fail(f"{entry.id} [octave]: {octave_catalogue}", pytrace=False)
    _, identifier, message = octave_catalogue[entry.id]
    if not identifier and not message:
        pytest.fail(f"{entry.id} [octave]: expected {entry.identifier}, but `{entry.matlab}` "
                    "returned", pytrace=False)
    assert identifier == entry.identifier, (
        f"{entry.id} [octave]: expected {entry.identifier}, got {identifier or 'no identifier'}: "
        f"{message}  (call: {entry.matlab})"
    )
    assert f"pooling.{entry.function}" in message, (
        f"{entry.id} [octave]: the message does not name the function: {message}"
    )


# ------------------------------------------------------------ conventions
# SPEC.md section 12, "Per-language conventions": one language refuses, the other
# accepts, by design; each side is pinned here.


def _section_12():
    text = SPEC.read_text(encoding="utf-8")
    match = re.search(r"^## 12\. .*?(?=^## 13\. )", text, re.S | re.M)
    assert match, "SPEC.md has no section 12"
    return " ".join(match.group(0).split())


@pytest.mark.parametrize("convention", CONVENTIONS, ids=CONVENTION_IDS)
def test_convention_is_in_spec(convention):
    assert convention.spec in _section_12(), (
        f"{convention.id}: SPEC.md section 12 does not say {convention.spec!r}")
    assert ACCEPTED in (convention.python_expect, convention.matlab_expect)
    assert convention.python_expect != convention.matlab_expect


@pytest.mark.parametrize("convention", CONVENTIONS, ids=CONVENTION_IDS)
def test_convention_python(convention):
    import pooling

    args, kwargs = convention.python
    try:
        getattr(pooling, convention.function)(*args, **kwargs)
    except pooling.PoolingError as exc:
        assert exc.identifier == convention.python_expect, (
            f"{convention.id} [python]: expected {convention.python_expect}, got "
            f"{exc.identifier}: {exc}")
    else:
        assert convention.python_expect == ACCEPTED, (
            f"{convention.id} [python]: expected {convention.python_expect}, but the call "
            "returned")


@pytest.mark.octave
def test_conventions_octave(octave):
    calls = [("evaluate", (c.matlab,), 0) for c in CONVENTIONS]
    replies = octave.run_calls(calls)
    wrong = []
    for convention, (_, identifier, message) in zip(CONVENTIONS, replies, strict=True):
        got = identifier or (f"an error without identifier: {message}" if message
                             else ACCEPTED)
        if got != convention.matlab_expect:
            wrong.append(f"{convention.id}: `{convention.matlab}` expected "
                         f"{convention.matlab_expect}, got {got}")
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------ the export


@functools.cache
def _catalogue_cases():
    """The cases of every fixtures/<op>/catalogue.yaml, by id (read once)."""
    from conformance.fixtureio.reader import FIXTURES, load_file

    return {c.id: c for path in sorted(FIXTURES.glob("*/catalogue.yaml"))
            for c in load_file(path)}


def test_catalogue_groups_are_the_exportable_entries():
    """fixtures/<op>/catalogue.yaml holds the catalogue's expressible entries, with its
    identifiers: none lost, none added, and the new entries of 2.1.0 among them."""
    from conformance.golden import catalogue_cases

    loaded = _catalogue_cases()
    by_id = {"catalogue-" + e.id.replace("_", "-"): e for e in CATALOGUE}
    assert set(loaded) <= set(by_id)
    exported = {c["id"] for _, cases in catalogue_cases.groups().values() for c in cases}
    assert set(loaded) == exported
    for case_id, case in loaded.items():
        entry = by_id[case_id]
        assert (case.error, case.call, case.group) == (
            entry.identifier, entry.function, f"{case.op}/catalogue")
    for entry_id in ("max_pool-output-too-large", "max_pool-signal-as-row",
                     "max_unpool-output-size-full-wrong-channels", "max_pool-kernel-zero"):
        assert "catalogue-" + entry_id.replace("_", "-") in loaded, entry_id
    # Python-only values stay in the catalogue.
    for entry_id in ("max_pool-x-object", "max_pool-x-none", "max_unpool-indices-float",
                     "max_pool_backward-x-dtype-mixed", "max_pool-kernel-nan"):
        assert "catalogue-" + entry_id.replace("_", "-") not in loaded, entry_id


@pytest.mark.parametrize(("case_id", "tier"), [
    ("catalogue-max-pool-kernel-zero", "semantic"),
    ("catalogue-max-pool-padding-too-large-for-window", "semantic"),
    ("catalogue-max-pool-output-too-small", "semantic"),
    ("catalogue-max-pool-output-too-large", "semantic"),
    ("catalogue-max-pool-backward-dy-shape", "semantic"),
    ("catalogue-max-unpool-indices-out-of-range", "semantic"),
    ("catalogue-max-pool-x-rank-6", "semantic"),
    ("catalogue-max-pool-kernel-fraction", "api"),
    ("catalogue-max-pool-stride-too-large", "api"),
    ("catalogue-max-pool-padding-unknown-string", "api"),
    ("catalogue-max-pool-ceil-mode-string", "api"),
    ("catalogue-avg-pool-x-integer", "api"),
    ("catalogue-avg-pool-divisor-override-zero", "semantic"),
    ("catalogue-avg-pool-divisor-override-fraction", "api"),
])
def test_tiers(case_id, tier):
    assert _catalogue_cases()[case_id].tier == tier
