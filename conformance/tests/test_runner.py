"""``python -m conformance run``: verdicts, the outside adapter, differences, JSON, profiles, pack.

The runner's ``main`` is called in-process.  ``outside_impl.py`` plays an
implementation written by someone else: it exposes only ``max_pool`` and
``avg_pool`` and deviates in one way (``-0.0`` comes out ``+0.0`` from
``max_pool``); the report must show exactly that.
"""

import io
import json
import os
import tarfile

import numpy as np
import pytest
import yaml

from conformance.__main__ import main as conformance_main
from conformance.fixtureio import reader
from conformance.operators import NEEDS, OPERATORS, PINS
from conformance.runner import cli, pack, profiles
from conformance.runner.verdicts import ROUNDING_ULPS, VERDICTS, classify

OUTSIDE = "conformance.tests.outside_impl"
CASES = cli._load(str(reader.FIXTURES.resolve()))  # the runner's own (cached) read
BY_ID = {c.id: c for c in CASES}


def run(*argv):
    """Exit status, printed text and JSON records of one in-process run."""
    out = io.StringIO()
    status = cli.main(list(argv), out=out)
    return status, out.getvalue()


def run_json(tmp_path, *argv):
    path = tmp_path / "run.json"
    status, text = run(*argv, "--json", str(path))
    return status, text, json.loads(path.read_text())


def _has_negative_zero(a):
    return a.dtype.kind == "f" and bool(((a == 0) & np.signbit(a)).any())


# The outside adapter's deviation, found from the fixtures alone: every ordinary
# max_pool case whose golden y holds a -0.0.
DEVIATING = {c.id for c in CASES
             if c.op == "max_pool" and not c.is_error and _has_negative_zero(c.arrays["y"])}


# ------------------------------------------------------------------ verdicts


def test_verdicts_exact_rounding_mismatch():
    e = np.array([1.0, -0.0, np.nan, np.inf], dtype=np.float32)
    assert classify(e, e.copy())[0] == "exact"
    near = e.copy()
    near[0] = np.nextafter(np.nextafter(near[0], np.float32(2)), np.float32(2))
    verdict, reason, ulps = classify(e, near)
    assert (verdict, ulps) == ("rounding", 2) and "0x1.0000040000000p+0" in reason
    far = e.copy()
    far[0] = np.float32(1.0) + np.float32(2.0**-23) * (ROUNDING_ULPS + 1)
    assert classify(e, far)[0] == "mismatch"
    for bad in (np.array([1.0, 0.0, np.nan, np.inf], np.float32),        # +0.0 for -0.0
                np.array([1.0, -0.0, 1.0, np.inf], np.float32),          # NaN gone
                np.array([1.0, -0.0, np.nan, np.finfo(np.float32).max], np.float32),
                e.astype(np.float64), e[:3]):
        assert classify(e, bad)[0] == "mismatch", bad
    ints = np.array([1, 2], dtype=np.int64)
    assert classify(ints, ints + [0, 1])[0] == "mismatch"


# ------------------------------------------------------------------ own implementation


def test_pooling_is_exact_on_every_case(tmp_path):
    status, text, report = run_json(tmp_path, "--impl", "pooling")
    assert status == 0, text
    verdicts = {r["id"]: r["verdict"] for r in report["cases"]}
    assert verdicts == {c.id: "refused" if c.is_error else "exact" for c in CASES}
    assert "OK: no unlisted mismatch" in text


def test_json_records_are_well_formed(tmp_path):
    _, _, report = run_json(tmp_path, "--impl", OUTSIDE, "--groups", "max_pool/*", "avg_pool")
    assert report["implementation"] == OUTSIDE and report["profile"] == "strict"
    assert report["fixture_version"] and report["rounding_ulps"] == ROUNDING_ULPS
    for r in report["cases"]:
        case = BY_ID[r["id"]]
        assert {"id", "group", "op", "dtype", "verdict", "reason", "outputs", "pins",
                "needs"} <= set(r)
        assert (r["group"], r["op"], r["dtype"]) == (case.group, case.op, case.dtype)
        assert r["verdict"] in VERDICTS
        assert (r["reason"] is None) == (r["verdict"] == "exact" and
                                         "unsupported" not in r["outputs"].values())
        assert r["pins"] == list(case.pins) and r["needs"] == list(case.needs)
        assert ("ulps" in r) == (r["verdict"] == "rounding")


# ------------------------------------------------------------------ an outside implementation


def test_outside_adapter_shows_exactly_its_deviation(tmp_path):
    status, text, report = run_json(tmp_path, "--impl", OUTSIDE)
    assert status == 1, text
    records = {r["id"]: r for r in report["cases"]}
    assert set(records) == set(BY_ID)
    mismatches = {i for i, r in records.items() if r["verdict"] == "mismatch"}
    assert len(DEVIATING) >= 5 and mismatches == DEVIATING
    for i in DEVIATING:
        assert records[i]["outputs"] == {"y": "mismatch", "indices": "exact",
                                         "dx": "unsupported"}, records[i]
        assert "expected -0.0 (-0x0.0p+0), got 0.0 (0x0.0p+0)" in records[i]["reason"]
    for i, r in records.items():
        case = BY_ID[i]
        if case.is_error and case.tier == "api":
            # This suite's API (identifiers, spellings, types): not asked of outsiders.
            assert r["verdict"] == "skipped" and r["tier"] == "api", r
        elif case.op not in ("max_pool", "avg_pool"):
            assert r["verdict"] == "unsupported", r  # every other operator
            assert f"has no {case.call or OPERATORS[case.op].forward.name}" in r["reason"]
        elif case.is_error:
            backward = case.call.endswith("_backward")
            override = case.params.get("divisor_override") is not None
            assert r["verdict"] == ("unsupported" if backward or override else "refused"), r
        elif case.params.get("divisor_override") is not None:
            assert r["verdict"] == "unsupported" and "divisor_override" in r["reason"]
        elif i not in DEVIATING:
            assert r["verdict"] == "exact", r
    # The table flags the groups with the deviation, and shows one example of each.
    flagged = {line.split()[0] for line in text.splitlines() if line.endswith("<-")}
    assert flagged == {BY_ID[i].group for i in DEVIATING}
    for group in flagged:
        assert f"{group}: mismatch " in text


def _differences(tmp_path, ids):
    path = tmp_path / "outside.differences.yaml"
    path.write_text(yaml.safe_dump([{
        "rule": "negative-zero-canonicalised", "outputs": ["y"], "fixtures": sorted(ids),
        "why": "max_pool returns y + 0.0, which turns a selected -0.0 into +0.0"}]))
    return str(path)


def test_listed_deviations_pass_and_unlisted_fail(tmp_path):
    listed = _differences(tmp_path, DEVIATING)
    status, text = run("--impl", OUTSIDE, "--differences", listed)
    assert status == 0, text
    left_out = sorted(DEVIATING)[0]
    status, text = run("--impl", OUTSIDE, "--differences",
                       _differences(tmp_path, DEVIATING - {left_out}))
    assert status == 1 and "FAIL: 1 case(s)" in text
    # A rule limited to other outputs does not list a y mismatch.
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump([{"rule": "r", "why": "w", "outputs": ["dx"],
                                     "fixtures": ["max-*"]}]))
    assert run("--impl", OUTSIDE, "--differences", str(path))[0] == 1
    # Patterns work, and a rule listing nothing failing is reported as stale.
    path.write_text(yaml.safe_dump([{"rule": "all-max", "why": "w",
                                     "fixtures": ["max-*", "found-*"]},
                                    {"rule": "nothing", "why": "w", "fixtures": ["avg-*"]}]))
    status, text = run("--impl", OUTSIDE, "--differences", str(path))
    assert status == 0 and "list no failing case of this run: nothing" in text


def test_bad_differences_file_is_a_usage_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- rule: x\n")
    assert run("--impl", "pooling", "--differences", str(path))[0] == 2


def test_unknown_module_is_a_usage_error():
    status, text = run("--impl", "no_such_module_here")
    assert status == 2 and "cannot load" in text


# ------------------------------------------------------------------ profiles, groups


def test_profiles_select_by_pins(tmp_path):
    by_profile = {}
    for profile in profiles.PROFILES:
        _, _, report = run_json(tmp_path, "--impl", "pooling", "--profile", profile)
        by_profile[profile] = {r["id"] for r in report["cases"]}
    assert by_profile["strict"] == set(BY_ID)
    assert by_profile["core"] == {c.id for c in CASES if not set(c.pins) & profiles.NOT_CORE}
    assert by_profile["environment"] == {c.id for c in CASES if "subnormal" in c.pins}
    assert by_profile["environment"] and by_profile["core"]
    assert "max-2d-ties-row" not in by_profile["core"]
    assert "max-2d-chapter-4x4" in by_profile["core"]


def test_groups_take_patterns_and_operator_names(tmp_path):
    _, _, report = run_json(tmp_path, "--impl", "pooling", "--groups", "*/errors", "max_unpool")
    groups = {r["group"] for r in report["cases"]}
    assert groups == {c.group for c in CASES if c.group.endswith("/errors") or
                      c.op == "max_unpool"}
    assert run("--impl", "pooling", "--groups", "no/such")[0] == 2


# ------------------------------------------------------------------ pins and needs


def test_pins_and_needs_follow_the_case():
    assert BY_ID["max-2d-ties-row"].pins == ("ties",)
    assert "nan" in BY_ID["max-1d-nan-one"].pins
    assert "signed-zero" in BY_ID["max-1d-negzero-before-poszero"].pins
    assert "subnormal" in BY_ID["max-1d-subnormal-float32"].pins
    assert "ceil-last-window" in BY_ID["max-1d-ceil-last-window-dropped"].pins
    assert "ceil-last-window" not in BY_ID["max-2d-ceil-same-as-floor"].pins
    assert "gradient-order" in BY_ID["max-1d-backward-order-cancel"].pins
    assert BY_ID["max-2d-chapter-4x4"].pins == ()
    assert BY_ID["max-2d-chapter-4x4"].needs == ("backward", "indices", "float64")
    assert BY_ID["max-2d-pad-asymmetric"].needs == (
        "backward", "indices", "padding", "asymmetric-padding", "float64")
    assert "integer-dtypes" in BY_ID["max-1d-int64-near-max"].needs
    for case in CASES:
        assert case.pins is not None and case.needs is not None, case.id
        if case.is_error:
            assert case.pins == ()
        assert ("backward" in case.needs) == ("dx" in case.arrays or
                                              (case.call or "").endswith("_backward"))


def test_reader_refuses_unknown_or_unordered_tags(tmp_path):
    text = (reader.FIXTURES / "max_pool" / "ties.yaml").read_text()
    for bad, reason in ((text.replace("pins: [ties]", "pins: [tie]", 1), "unknown pins"),
                        (text.replace("needs: [backward, indices, float64]",
                                      "needs: [indices, backward, float64]", 1), "order")):
        (tmp_path / "max_pool").mkdir(exist_ok=True)
        (tmp_path / "max_pool" / "ties.yaml").write_text(bad)
        with pytest.raises(reader.FixtureError, match=reason):
            reader.load_all(tmp_path)


def test_readme_documents_every_pin_need_and_profile():
    readme = (reader.FIXTURES / "README.md").read_text()
    for name in (*PINS, *NEEDS, *profiles.PROFILES, *VERDICTS):
        assert f"`{name}`" in readme, name
    assert "python -m conformance run --impl" in readme


# ------------------------------------------------------------------ pack


def test_pack_is_deterministic_and_runnable(tmp_path):
    assert conformance_main(["pack", "--out", str(tmp_path / "a")]) == 0
    assert conformance_main(["pack", "--out", str(tmp_path / "b")]) == 0
    (a,) = (tmp_path / "a").iterdir()
    (b,) = (tmp_path / "b").iterdir()
    assert a.name.startswith("pooling-fixtures-") and a.read_bytes() == b.read_bytes()
    with tarfile.open(a) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "x", filter="data")
    folder = a.name[: -len(".tar.gz")]
    assert f"{folder}/README.md" in names and f"{folder}/schema.json" in names
    assert sum(n.endswith(".yaml") for n in names) == len(reader.fixture_files())
    assert [n for n, _ in pack.members()] == sorted(n.split("/", 1)[1] for n in names)
    status, text = run("--impl", "pooling", "--fixtures", str(tmp_path / "x" / folder),
                       "--groups", "max_pool/nan")
    assert status == 0 and "max_pool/nan" in text


# ------------------------------------------------------------------ Octave


@pytest.mark.octave
def test_octave_package_is_exact_on_every_case(tmp_path):
    from conformance.harness.octave_session import OctaveSession, OctaveUnavailable

    try:
        OctaveSession().close()
    except OctaveUnavailable as exc:
        if os.environ.get("REQUIRE_OCTAVE") == "1":
            pytest.fail(f"REQUIRE_OCTAVE=1 but {exc}", pytrace=False)
        pytest.skip(str(exc))
    status, text, report = run_json(tmp_path, "--impl", "octave")
    assert status == 0, text
    verdicts = {r["id"]: r["verdict"] for r in report["cases"]}
    assert verdicts == {c.id: "refused" if c.is_error else "exact" for c in CASES}
