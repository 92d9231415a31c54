"""fixtures/manifest.json: the fixture set's version and, per file, its case count and hash.

``python -m conformance.generate`` writes it with the fixtures and ``--check``
compares it; ``reader.load_all`` checks every run's fixture folder against it
(turning a ``ManifestError`` into its ``FixtureError``), so a deleted file or
operator folder, an added file and a file edited by hand each fail the run,
naming the file and the reason.  The version is
``conformance.operators.FIXTURE_VERSION``.  This module imports nothing of
the reader, which imports it.
"""

import hashlib
import json
import pathlib

from ..operators import FIXTURE_VERSION

NAME = "manifest.json"
MANIFEST = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / NAME


class ManifestError(Exception):
    """A fixture folder that differs from its manifest; names the file and the reason."""


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def build(files):
    """The manifest for ``{path relative to the fixture folder: (text, case count)}``."""
    return {
        "about": "The fixture set: every <operator>/<group>.yaml with its case count and the "
                 "sha256 of its bytes. Written by python -m conformance.generate; a runner "
                 "refuses a folder that differs from it (fixtures/README.md).",
        "version": FIXTURE_VERSION,
        "files": {name: {"cases": count, "sha256": sha256(text.encode("utf-8"))}
                  for name, (text, count) in sorted(files.items())},
    }


def text(manifest):
    """The canonical text of a manifest."""
    return json.dumps(manifest, indent=2) + "\n"


def _refuse(path, reason):
    raise ManifestError(f"{path}: {reason}")


def read(root=MANIFEST.parent):
    """The manifest of the fixture folder ``root``, refused unless it is well formed."""
    path = pathlib.Path(root) / NAME
    if not path.is_file():
        _refuse(path, "missing: every fixture folder has the manifest the generator writes "
                      "(python -m conformance.generate)")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        _refuse(path, f"not a JSON manifest: {exc}")
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("cases"), int)
            and isinstance(v.get("sha256"), str) for v in files.values()):
        _refuse(path, "not a manifest: no 'files' mapping of {cases, sha256}")
    version = data.get("version")
    if not isinstance(version, str) or version.split(".")[0] != FIXTURE_VERSION.split(".")[0]:
        _refuse(path, f"fixture set version {version!r}; this harness reads "
                      f"{FIXTURE_VERSION.split('.')[0]}.x (conformance/operators.py)")
    return data


def verify(root=MANIFEST.parent):
    """Check the files present in ``root`` against its manifest; return the manifest's files.

    Raises ``ManifestError`` naming the first file that is missing, not listed, or
    whose bytes differ from the listed hash.
    """
    root = pathlib.Path(root)
    listed = read(root)["files"]
    present = {p.relative_to(root).as_posix(): p for p in sorted(root.glob("*/*.yaml"))}
    for name in sorted(set(listed) - set(present)):
        _refuse(root / name, f"missing: {NAME} lists it with {listed[name]['cases']} case(s)")
    for name in sorted(set(present) - set(listed)):
        _refuse(present[name], f"not listed in {NAME} (not written by the generator)")
    for name, path in sorted(present.items()):
        if sha256(path.read_bytes()) != listed[name]["sha256"]:
            _refuse(path, f"its sha256 differs from {NAME}: edited by hand, or the manifest is "
                          "stale (python -m conformance.generate)")
    return listed


def check_count(root, path, count, listed):
    """Refuse a file whose number of cases differs from the manifest's."""
    name = pathlib.Path(path).relative_to(root).as_posix()
    if listed[name]["cases"] != count:
        _refuse(path, f"{count} case(s), but {NAME} says {listed[name]['cases']}")
