"""``python -m conformance.crosscheck [--long] [--table-only] [-v] [pytest options]``.

Prints the framework x fixture group table and every unexpected outcome,
then runs conformance/tests/test_crosscheck.py, the differential tests and the
properties (``--long``: the differential tests' long profile, POOLING_LONG=1).  Options
it does not know are passed to pytest.  Exits non-zero when anything is
unexpected or a test fails.
"""

import argparse
import os
import pathlib
import subprocess
import sys

from ..fixtureio.reader import load_all
from . import check

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
TESTS = ("conformance/tests/test_crosscheck.py", "conformance/tests/test_differential_python.py",
         "conformance/tests/test_differential_octave.py", "conformance/tests/test_properties.py")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true",
                        help="the differential tests' long profile (thousands of draws)")
    parser.add_argument("--table-only", action="store_true", help="print the table, run no tests")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list documented and unsupported outcomes with their reasons")
    args, pytest_args = parser.parse_known_args(argv)

    cases = load_all()
    frameworks = check.available_frameworks()
    for name, f in check.FRAMEWORKS.items():
        state = f"{f.version()}: {f.what}" if f.available() else "not installed, skipped"
        print(f"{name}: {state}")
    outcomes = check.run(cases)
    print()
    print(check.table(outcomes, cases))
    failed = bool(check.unknown_fixtures(check.load_differences(), cases))
    shown = ("unexpected", "documented", "not supported") if args.verbose else ("unexpected",)
    for status in shown:
        chosen = [o for o in outcomes if o.status == status]
        if chosen:
            print(f"\n{status}:")
        for o in chosen:
            print(f"  {o.framework} {o.case.id} ({o.case.group}): {o.detail}")
    failed |= any(o.status == "unexpected" for o in outcomes)
    if not frameworks:
        print("\nno framework installed: install torch==2.13.0 and onnx (tox -e crosscheck)")
    if args.table_only:
        return 1 if failed else 0
    env = dict(os.environ)
    if args.long:
        env["POOLING_LONG"] = "1"
    print(flush=True)
    tests = subprocess.call([sys.executable, "-m", "pytest", "-q", "-rs", *TESTS, *pytest_args],
                            cwd=ROOT, env=env)
    return 1 if failed or tests else 0


if __name__ == "__main__":
    sys.exit(main())
