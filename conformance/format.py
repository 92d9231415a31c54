"""Rewrite fixture files in canonical text: ``python -m conformance.format [--check] [FILE...]``.

Canonical text is what ``conformance/fixtureio/writer.py`` writes: field order,
float spelling (shortest round-trip decimal, YAML 1.1 safe), array layout.
``--check`` rewrites nothing and fails on any difference.  Without files,
every fixture file is formatted.
"""

import argparse
import pathlib
import sys

from .fixtureio.reader import FixtureError, fixture_files
from .fixtureio.writer import canonical_text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on any difference")
    parser.add_argument("files", nargs="*", type=pathlib.Path)
    args = parser.parse_args(argv)
    files = [f.resolve() for f in args.files] or fixture_files()
    differ = 0
    for path in files:
        try:
            text = canonical_text(path, path.parent.parent)
        except FixtureError as exc:
            print(exc)
            return 1
        if path.read_text(encoding="utf-8") != text:
            differ += 1
            if args.check:
                print(f"{path}: not in canonical form")
            else:
                path.write_text(text, encoding="utf-8")
                print(f"{path}: rewritten")
    if args.check and differ:
        print(f"{differ} file(s) not in canonical form; run `python -m conformance.format`")
        return 1
    print(f"{len(files)} fixture file(s) {'checked' if args.check else 'formatted'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
