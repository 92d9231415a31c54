"""The fixture set's version.

``conformance/operators.py`` is getting ``FIXTURE_VERSION`` (with
``fixtures/manifest.json``, written by the generator); until it has it, the
newest version of fixtures/README.md's changelog stands in.
NOTE: drop the fallback once FIXTURE_VERSION has landed.
"""

import re

from .. import operators
from ..fixtureio.reader import FIXTURES


def fixture_version(root=FIXTURES):
    version = getattr(operators, "FIXTURE_VERSION", None)
    if version:
        return str(version)
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    found = re.search(r"^- \*\*(\d+\.\d+\.\d+)\*\*", text, re.MULTILINE)
    return found.group(1) if found else "unversioned"
