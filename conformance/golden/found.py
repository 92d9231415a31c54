"""Found regression cases: draws the differential tests shrank, kept as data in found.yaml.

``conformance/tests/differential/`` appends a failing draw to ``found.yaml``
(``append``); the generator writes every entry into its operator's ``found``
group (``fixtures/<op>/found.yaml``), so a bug found once stays found.  Until
someone regenerates, the fixtures' drift check fails, which is the prompt to
review the entry: when the oracle is right, give it a description saying which
rule it pins and regenerate; when it is wrong, fix the oracle first.

An entry is a case spec (``groups/common.py``'s form) with its ``op`` and the
``problems`` the test saw: ``x`` (and ``dy``, ``indices``) as nested lists,
``params``, and for an error case ``error``.
"""

import pathlib

import numpy as np
import yaml

from ..operators import OPERATORS

FOUND_FILE = pathlib.Path(__file__).resolve().parent / "found.yaml"
SPEC_KEYS = ("id", "description", "dtype", "x", "dy", "indices", "params", "error", "call")
HEADER = ("# Draws of the differential tests that failed, shrunk (conformance/golden/found.py).\n"
          "# The generator writes them into fixtures/<op>/found.yaml.\n")


def load(path=FOUND_FILE):
    """``[(op, spec), ...]`` of every entry, in file order."""
    path = pathlib.Path(path)
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    found = []
    for entry in entries:
        spec = {key: entry[key] for key in SPEC_KEYS if key in entry}
        spec.setdefault("params", {})
        if "error" in spec:
            spec.setdefault("call", None)
        found.append((entry["op"], spec))
    return found


def _plain(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def append(op, case, problems, path=FOUND_FILE):
    """Add the failing ``case`` (a fixture ``Case``) as an entry; False if already there."""
    path = pathlib.Path(path)
    entry_id = "found-" + case.id.split("-", 1)[1]
    if any(spec["id"] == entry_id for _, spec in load(path)):
        return False
    where = problems[0].split(": ", 1)[0].split(" ", 1)[1]
    entry = {"op": op, "problems": list(problems[:3]), "id": entry_id,
             "description": f"Found by the differential tests: {where} differs",
             "dtype": case.dtype, "x": _plain(case.arrays["x"])}
    for name in OPERATORS[op].inputs:
        if name != "x" and name in case.arrays:
            entry[name] = _plain(case.arrays[name])
    entry["params"] = {k: _plain(v) for k, v in case.params.items()}
    if case.is_error:
        entry["error"] = case.error
    text = yaml.safe_dump([entry], sort_keys=False, default_flow_style=None, width=10**6)
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    path.write_text(old + "\n" + text, encoding="utf-8")
    return True
