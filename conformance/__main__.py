"""``python -m conformance COMMAND``: the suite's commands.

- ``run``: an implementation against the fixtures (``conformance/runner/cli.py``).
- ``pack``: fixtures, schema and README as one archive (``conformance/runner/pack.py``).
- ``generate``, ``format``: as ``python -m conformance.generate`` / ``.format``.
"""

import importlib
import sys

COMMANDS = {
    "run": "conformance.runner.cli",
    "pack": "conformance.runner.pack",
    "generate": "conformance.generate",
    "format": "conformance.format",
}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
