"""Build the pooling chapter, docs/pooling.md, from the code it describes.

    python docs/build.py              refresh every listing and every session's output
    python docs/build.py --pictures   the same, and redraw docs/img/ from the fixtures
    python docs/build.py --check      write nothing; exit 1 when anything is stale

Listings are copied from the sources by function name, and session output is
produced by running the sessions: Python in this process (the checkout's
``python/src`` comes first on the path), MATLAB in GNU Octave.  Without Octave
the MATLAB sessions keep their text and a note says so, unless
REQUIRE_OCTAVE=1, which makes that an error.  Pictures need matplotlib, which
lives in the docs environment only (``tox -e docs`` runs this with
``--pictures``, then conformance/tests/test_docs.py).  ``--check --pictures``
draws into a scratch folder and compares the SVG files byte for byte (PNG
bytes depend on the rasteriser, so they are only redrawn).
"""

import argparse
import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The checkout's own package (what the listings show) and the fixture loader.
sys.path[:0] = [str(ROOT / "python" / "src"), str(ROOT)]

from docbuild import chapter, sessions  # noqa: E402  (after the path is set)
from docbuild.blocks import DocsError  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when a generated region or picture is stale")
    mode.add_argument("--update", action="store_true", help="rewrite stale regions (default)")
    parser.add_argument("--pictures", action="store_true",
                        help="also draw docs/img/ from the fixtures (needs matplotlib)")
    parser.add_argument("--no-octave", action="store_true",
                        help="leave the MATLAB sessions as they are")
    args = parser.parse_args(argv)

    octave = None if args.no_octave else sessions.octave_executable()
    if octave is None and not args.no_octave and os.environ.get("REQUIRE_OCTAVE") == "1":
        print("build: REQUIRE_OCTAVE=1 but no Octave found (set OCTAVE_EXECUTABLE or "
              "install octave-cli)", file=sys.stderr)
        return 1
    name = chapter.CHAPTER.relative_to(ROOT).as_posix()
    try:
        old = chapter.CHAPTER.read_text(encoding="utf-8")
        new, notes = chapter.generate(old, octave=octave)
    except DocsError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"build: note: {note}")

    stale = chapter.differences(old, new, name)
    if args.check:
        for message in stale:
            print(message, file=sys.stderr)
    elif stale:
        chapter.CHAPTER.write_text(new, encoding="utf-8")
        print(f"build: {name}: {len(stale)} region(s) refreshed")
    else:
        print(f"build: {name}: up to date")

    if args.pictures:
        from docbuild import pictures  # matplotlib is needed from here on only

        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                written = pictures.draw_all(pathlib.Path(tmp))
                problems = pictures.compare(written, pathlib.Path(tmp), pictures.IMAGES)
            for problem in problems:
                print(f"build: {problem}", file=sys.stderr)
            stale += problems
        else:
            written = pictures.draw_all(pictures.IMAGES)
            print(f"build: drew {len(written)} files in "
                  f"{pictures.IMAGES.relative_to(ROOT).as_posix()}/")

    if args.check and stale:
        print(f"build: {len(stale)} stale item(s); run: python docs/build.py"
              + (" --pictures" if args.pictures else ""), file=sys.stderr)
        return 1
    if args.check:
        print(f"build: {name}: every listing and session output is current"
              + (", and so are the pictures" if args.pictures else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
