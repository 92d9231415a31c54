"""docs/deviations.md and SPEC.md 14 in step with the adapters' differences files.

docs/deviations.md is written by ``tox -e deviations`` from runs of the
frameworks; these checks need no framework: every rule of every
``conformance/adapters/*.differences.yaml`` is a deviation class of the
document with its cause, word for word, and the document has no other; the
versions it names are the pins of ``conformance/requirements-frameworks.txt``;
SPEC.md 14 explains every rule and names no other.
"""

import pathlib
import re

import pytest

from conformance.runner import differences
from conformance.runner.deviations import ADAPTERS, base_version, pins

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deviations.md"
FILES = {name: ROOT / "conformance" / "adapters" / f"{module.rpartition('.')[2]}.differences.yaml"
         for module, (name, _) in ADAPTERS.items()}


def _words(text):
    return " ".join(text.split())


def doc_rules():
    """``{framework: {rule: cause}}`` from the document's deviation classes."""
    found, framework, rule = {}, None, None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^### (.+)$", line):
            framework = m.group(1)
            found.setdefault(framework, {})
        elif m := re.match(r"^#### `([^`]+)`$", line):
            rule = m.group(1)
            found[framework][rule] = None
        elif line.startswith("Cause: ") and rule:
            found[framework][rule] = line.removeprefix("Cause: ")
    return found


def spec_rules():
    """``{(framework, rule)}`` from the rows of SPEC.md 14's tables of differences."""
    text = (ROOT / "SPEC.md").read_text(encoding="utf-8")
    section = text[text.index("## 14."):text.index("## 15.")]
    names = {name for name, _ in ADAPTERS.values()}
    return {(m.group(1), m.group(2))
            for m in re.finditer(r"^\| ([^|]+?) \| `([^`]+)` \|", section, re.MULTILINE)
            if m.group(1) in names}


def file_rules():
    return {name: {r["rule"]: r["why"] for r in differences.load(path)}
            for name, path in FILES.items()}


def test_every_adapter_has_its_differences_file():
    assert all(path.exists() for path in FILES.values()), FILES


@pytest.mark.parametrize("name", [n for n, _ in ADAPTERS.values()])
def test_document_lists_the_rules_of_the_differences_file_with_their_causes(name):
    documented = doc_rules().get(name)
    assert documented is not None, f"docs/deviations.md has no section {name!r}"
    rules = file_rules()[name]
    assert set(documented) == set(rules), (
        f"{name}: in {FILES[name].name} only: {sorted(set(rules) - set(documented))}; "
        f"in docs/deviations.md only: {sorted(set(documented) - set(rules))} "
        "(tox -e deviations rewrites the document)")
    for rule, why in rules.items():
        assert documented[rule] == _words(why), (
            f"{name} {rule}: the cause in docs/deviations.md is not the differences file's "
            "(tox -e deviations)")


def test_document_names_the_pinned_versions():
    pinned = pins()
    text = DOC.read_text(encoding="utf-8")
    for _module, (name, dists) in ADAPTERS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| {name} | ")),
                   None)
        assert row, f"docs/deviations.md has no versions row for {name}"
        for dist in dists:
            m = re.search(rf"\b{re.escape(dist)} ([^\s,|]+)", row)
            assert m, f"{name}: no version of {dist} in {row!r}"
            assert base_version(m.group(1)) == pinned[dist], (
                f"{name}: docs/deviations.md was measured with {dist} {m.group(1)}, "
                f"conformance/requirements-frameworks.txt pins {pinned[dist]}")


def test_document_shows_its_picture():
    text = DOC.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert pictures, "docs/deviations.md shows no picture of the matrix"
    for picture in pictures:
        assert (DOC.parent / picture).exists(), picture


def test_spec_explains_every_rule_of_the_differences_files():
    named = spec_rules()
    listed = {(name, rule) for name, rules in file_rules().items() for rule in rules}
    assert listed - named == set(), f"SPEC.md 14 does not explain {sorted(listed - named)}"
    assert named - listed == set(), (
        f"SPEC.md 14 explains rules no differences file lists: {sorted(named - listed)}")
