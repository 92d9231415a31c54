"""``python -m conformance pack``: the fixtures as one archive an outsider can download.

Writes ``build/pooling-fixtures-<version>.tar.gz`` holding, under the folder
``pooling-fixtures-<version>/``, every ``<op>/<group>.yaml``, ``schema.json``,
``README.md`` (and ``manifest.json`` when the fixture set has one).  The bytes
are deterministic: sorted members, fixed times, owners and modes, and a gzip
header without a name or time, so the same fixtures always give the same
archive (and the same checksum).
"""

import argparse
import gzip
import hashlib
import io
import pathlib
import sys
import tarfile

from ..fixtureio.reader import FIXTURES, fixture_files
from .version import fixture_version

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXTRA = ("README.md", "schema.json", "manifest.json")
# 2000-01-01T00:00:00Z: any fixed time will do.
MTIME = 946684800


def members(root=FIXTURES):
    """``(name inside the archive, path)`` of every file packed, sorted by name."""
    files = [p for p in fixture_files(root)] + [
        root / name for name in EXTRA if (root / name).exists()]
    return sorted((p.relative_to(root).as_posix(), p) for p in files)


def archive_bytes(root=FIXTURES, version=None):
    """The archive as bytes, and its folder name."""
    folder = f"pooling-fixtures-{version or fixture_version(root)}"
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, path in members(root):
            data = path.read_bytes()
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size, info.mtime, info.mode = len(data), MTIME, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw.getvalue())
    return out.getvalue(), folder


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m conformance pack",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=pathlib.Path, default=FIXTURES, metavar="DIR")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "build", metavar="DIR",
                        help="where to write the archive (default: build/)")
    args = parser.parse_args(argv)
    data, folder = archive_bytes(args.fixtures)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{folder}.tar.gz"
    path.write_bytes(data)
    count = len(members(args.fixtures))
    print(f"wrote {path} ({count} files, {len(data)} bytes, "
          f"sha256 {hashlib.sha256(data).hexdigest()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
