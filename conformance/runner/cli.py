"""``python -m conformance run --impl MODULE``: run an implementation over the fixtures.

Prints a group x verdict table, then one example per failing group, and exits
1 when a case is ``mismatch`` (or an error case ``accepted``) and the
differences file does not list it; 2 on a usage error.  See fixtures/README.md,
"How to run your implementation".
"""

import argparse
import contextlib
import fnmatch
import functools
import importlib.metadata
import pathlib
import platform
import sys

from ..fixtureio.reader import FIXTURES, FixtureError, load_all
from . import differences, implementations, profiles
from .judge import is_skipped, judge, skipped
from .report import example_lines, table_lines, write_json
from .verdicts import FAILING, ROUNDING_ULPS
from .version import fixture_version


def parser():
    p = argparse.ArgumentParser(prog="python -m conformance run",
                                description=__doc__.splitlines()[0])
    p.add_argument("--impl", required=True, metavar="MODULE",
                   help="an importable module exposing pooling's functions (e.g. pooling, "
                        "conformance.adapters.torch_pooling), or octave[:PACKAGE] for a "
                        "MATLAB package run in GNU Octave (default package: pooling)")
    p.add_argument("--groups", nargs="+", metavar="PATTERN", default=None,
                   help="only these groups: shell patterns on <op>/<group> "
                        "(max_pool/nan, '*/errors') or an operator name (avg_pool)")
    p.add_argument("--profile", choices=sorted(profiles.PROFILES), default="strict",
                   help="which cases: " + "; ".join(f"{k}: {v}"
                                                     for k, v in profiles.PROFILES.items()))
    p.add_argument("--differences", type=pathlib.Path, metavar="FILE",
                   help="YAML list of the deviations the implementation owns up to")
    p.add_argument("--json", type=pathlib.Path, metavar="FILE",
                   help="write one record per case (id, group, op, verdict, reason, ...)")
    p.add_argument("--fixtures", type=pathlib.Path, default=FIXTURES, metavar="DIR",
                   help="the fixture directory (default: this checkout's fixtures/; "
                        "an unpacked pooling-fixtures archive works too)")
    return p


@functools.lru_cache(maxsize=4)
def _load(root):
    # Reading every file takes seconds; a process that runs several times reads once.
    return tuple(load_all(pathlib.Path(root)))


def _in_groups(case, patterns):
    if not patterns:
        return True
    return any(fnmatch.fnmatchcase(case.group, p) or p == case.op for p in patterns)


def select(cases, patterns, profile):
    return [c for c in cases if _in_groups(c, patterns) and profiles.selects(profile, c)]


def run(impl, cases, rules=()):
    """One record per case, in the order of ``cases``, with ``listed`` set where a rule
    lists a failing or rounding case.  An ``api`` error case is not run but ``skipped``
    unless the implementation is this suite's own."""
    records = {}
    for case, outcomes in impl.run([c for c in cases if not is_skipped(c, impl.own)]):
        expected = None if case.is_error else impl.expected(case)
        record = judge(case, outcomes, expected, check_identifiers=impl.own)
        if record["verdict"] in FAILING + ("rounding",):
            record["listed"] = differences.listing_rule(rules, record)
        records[case.group, case.id] = record
    return [records.get((c.group, c.id)) or skipped(c) for c in cases]


def installed_versions():
    """``{distribution: version}`` of every installed distribution this process imported.

    Goes into the JSON report, so that a table built from it names the releases
    it was measured on (docs/deviations.md).
    """
    imported = {name.partition(".")[0] for name in list(sys.modules)}
    found = {}
    for top, dists in importlib.metadata.packages_distributions().items():
        if top in imported:
            for dist in dists:
                with contextlib.suppress(importlib.metadata.PackageNotFoundError):
                    found[dist.lower()] = importlib.metadata.version(dist)
    return dict(sorted(found.items()))


def main(argv=None, out=None):
    out = out or sys.stdout
    args = parser().parse_args(argv)

    def say(line=""):
        print(line, file=out)

    try:
        cases = select(_load(str(args.fixtures.resolve())), args.groups, args.profile)
        rules = differences.load(args.differences) if args.differences else []
    except (FixtureError, differences.DifferencesError, OSError) as exc:
        say(f"conformance run: {exc}")
        return 2
    if not cases:
        say("conformance run: no case matches --groups and --profile")
        return 2
    try:
        impl = implementations.load(args.impl)
    except Exception as exc:  # noqa: BLE001 -- an import error of the module under test
        say(f"conformance run: cannot load {args.impl}: {type(exc).__name__}: {exc}")
        return 2
    try:
        records = run(impl, cases, rules)
    finally:
        impl.close()
    version = fixture_version(args.fixtures)
    say(f"{impl.describe()} against pooling-conformance fixtures {version}, "
        f"profile {args.profile}: {len(records)} cases")
    say(f"(rounding: only the last bits differ, at most {ROUNDING_ULPS} ulp; partial: "
        "compared in part, some outputs unsupported; listed: in the differences file)")
    say()
    for line in table_lines(records):
        say(line)
    examples = example_lines(records)
    if examples:
        say()
        say("One example per group:")
        for line in examples:
            say(line)
    used = {r.get("listed") for r in records}
    stale = [rule["rule"] for rule in rules if rule["rule"] not in used]
    if stale:
        say()
        say(f"Rules of {args.differences} that list no failing case of this run: "
            + ", ".join(stale))
    if args.json:
        meta = {"implementation": args.impl, "description": impl.describe(),
                "fixture_version": version, "profile": args.profile, "groups": args.groups,
                "differences": args.differences and args.differences.as_posix(),
                "rounding_ulps": ROUNDING_ULPS, "python": platform.python_version(),
                "versions": installed_versions()}
        write_json(args.json, meta, records)
        say(f"\n{len(records)} records written to {args.json}")
    unlisted = [r for r in records if r["verdict"] in FAILING and not r.get("listed")]
    say()
    if unlisted:
        say(f"FAIL: {len(unlisted)} case(s) mismatch or accept a bad call and are not "
            "in a differences file")
        return 1
    if all(r["verdict"] == "unsupported" for r in records):
        say("OK, but nothing was compared: every case is unsupported")
        return 0
    say("OK: no unlisted mismatch")
    return 0
