"""The version of a fixture set: what its ``manifest.json`` says.

The generator writes ``FIXTURE_VERSION`` of the operator registry into
``fixtures/manifest.json``; fixtures/README.md's changelog says what each
version changed.  A folder without a valid manifest has no version.
"""

from ..fixtureio import manifest
from ..fixtureio.reader import FIXTURES


def fixture_version(root=None):
    try:
        return str(manifest.read(FIXTURES if root is None else root)["version"])
    except manifest.ManifestError:
        return "unversioned (no valid manifest.json)"
