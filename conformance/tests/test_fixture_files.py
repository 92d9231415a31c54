"""The fixture files themselves: schema, exact values, canonical text, strict loading."""

import json
import pathlib

import numpy as np
import pytest
import yaml

from conformance import operators
from conformance.fixtureio import reader, writer

pytestmark = pytest.mark.fixtures
FILES = reader.fixture_files()
FILE_IDS = [p.relative_to(reader.FIXTURES).as_posix() for p in FILES]


def test_there_are_fixture_files_and_cases():
    assert FILES, "no fixture files found"
    assert len(reader.load_all()) > 50


@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_file_matches_the_json_schema(path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((reader.FIXTURES / "schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
    assert not errors, jsonschema.exceptions.best_match(errors).message


@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_file_text_is_canonical(path):
    assert path.read_text(encoding="utf-8") == writer.canonical_text(path), (
        f"{path} is not in canonical form; run `tox -e regen`"
    )


def _bits(a):
    return a.view(np.dtype(f"u{a.dtype.itemsize}")) if a.dtype.kind == "f" else a


EDGE_VALUES = [0.1, -0.0, 0.0, 5e-324, 1e-45, 1e-40, 2.2250738585072014e-308,
               1.7976931348623157e308, 3.4028234663852886e38, 1e16, 1e-5, 123456789.0,
               2.0**53 + 2, np.inf, -np.inf, 1 / 3]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_written_floats_parse_back_to_the_same_bits(dtype):
    with np.errstate(over="ignore"):  # the float64 extremes overflow float32 on purpose
        values = np.array(EDGE_VALUES, dtype=np.float64).astype(dtype)
    rng = np.random.default_rng(0)
    width = np.dtype(dtype).itemsize
    raw = rng.integers(0, 2 ** (8 * width), size=2000, dtype=np.uint64)
    random_bits = raw.astype(f"u{width}").view(dtype)
    values = np.concatenate([values, random_bits[np.isfinite(random_bits)]])
    for v in values:
        text = writer.format_float(v, dtype)
        parsed = yaml.safe_load(f"[{text}]")[0]
        assert isinstance(parsed, float), (text, parsed)
        back = np.array([parsed]).astype(dtype)
        assert _bits(back)[0] == _bits(np.array([v], dtype))[0], (float(v).hex(), text)


def test_every_fixture_value_is_exactly_what_its_text_says():
    """Each array decodes to the dtype's value of its decimal text, bit for bit."""
    for case in reader.load_all():
        for name, arr in case.arrays.items():
            kind = operators.kind_of(name, case.dtype)
            if kind not in operators.FLOAT_DTYPES:
                continue
            text = writer.format_array(arr, kind, 0)
            again = yaml.safe_load(text.replace("shape:", "shape:", 1))
            decoded = np.array(again["data"], dtype=np.float64).astype(kind).reshape(arr.shape)
            same = (np.isnan(decoded) & np.isnan(arr)) | (_bits(decoded) == _bits(arr))
            assert same.all(), f"{case.id}: {name}"


# ------------------------------------------------- the loader refuses bad files

GOOD = """\
- id: ok-case
  description: "fine"
  op: max_pool
  dtype: float64
  params: {kernel_size: 2}
  x:
    shape: [1, 1, 2]
    data: [[[1.0, 2.0]]]
  dy:
    shape: [1, 1, 1]
    data: [[[1.0]]]
  y:
    shape: [1, 1, 1]
    data: [[[2.0]]]
  indices:
    shape: [1, 1, 1]
    data: [[[1]]]
  dx:
    shape: [1, 1, 2]
    data: [[[0.0, 1.0]]]
"""

BROKEN = {
    "python-tag": (GOOD.replace('"fine"', "!!python/name:os.system"), "not plain YAML"),
    "standard-tag": (GOOD.replace("[[[1.0, 2.0]]]", "[[[!!float 1, 2.0]]]"), "the tag"),
    "anchor-and-alias": (GOOD.replace("[[[1.0, 2.0]]]", "&row [[[1.0, 2.0]]]").replace(
        "data: [[[0.0, 1.0]]]", "data: *row"), "anchor or alias"),
    "missing-field": (GOOD.replace('  description: "fine"\n', ""), "missing field"),
    "unknown-field": (GOOD + "  extra: 1\n", "unknown field"),
    "nesting-shallower-than-shape": (GOOD.replace("[[[1.0, 2.0]]]", "[[1.0, 2.0]]"),
                                     "but shape [1, 1, 2] says 1"),
    "nesting-deeper-than-shape": (GOOD.replace("[[[1.0, 2.0]]]", "[[[[1.0], [2.0]]]]"),
                                  "nested deeper than its shape"),
    "length-disagrees-with-shape": (GOOD.replace("[[[1.0, 2.0]]]", "[[[1.0, 2.0, 3.0]]]"),
                                    "has 3 entries"),
    "string-for-number": (GOOD.replace("[[[1.0, 2.0]]]", "[[[1.0, two]]]"), "must be a float"),
    "exponent-without-dot": (GOOD.replace("[[[1.0, 2.0]]]", "[[[1.0, 1e5]]]"), "must be a float"),
    "int-for-float": (GOOD.replace("[[[1.0, 2.0]]]", "[[[1, 2.0]]]"), "must be a float"),
    "bool-for-index": (GOOD.replace("[[[1]]]", "[[[true]]]"), "must be an integer"),
    "not-float32": (GOOD.replace("float64", "float32").replace("[[[1.0, 2.0]]]",
                                                                "[[[0.1000000001, 2.0]]]"),
                    "float32"),
    "float32-overflow": (GOOD.replace("float64", "float32").replace("[[[1.0, 2.0]]]",
                                                                     "[[[1.0e+39, 2.0]]]"),
                         "overflows"),
    "unknown-error-identifier": (
        GOOD.split("  dy:")[0] + "  call: max_pool\n  error: pooling:noSuchThing\n",
        "unknown error identifier",
    ),
    "error-case-with-outputs": (GOOD + "  call: max_pool\n  error: pooling:badKernel\n",
                                "no outputs"),
    "unknown-param": (GOOD.replace("{kernel_size: 2}", "{kernel_size: 2, pad: 1}"),
                      "unknown parameter"),
    "bad-id": (GOOD.replace("ok-case", "Not_Kebab"), "kebab-case"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_loader_refuses_with_file_case_and_reason(tmp_path, name):
    text, reason = BROKEN[name]
    path = tmp_path / "max_pool" / "broken.yaml"
    path.parent.mkdir()
    path.write_text(text)
    with pytest.raises(reader.FixtureError) as info:
        reader.load_all(tmp_path)
    message = str(info.value)
    assert str(path) in message and reason in message
    if name not in ("python-tag", "standard-tag", "anchor-and-alias", "bad-id"):
        assert "ok-case" in message


def test_format_check_fails_on_a_non_canonical_file_and_fixes_it(tmp_path):
    from conformance import format as formatter

    path = tmp_path / "max_pool" / "good.yaml"
    path.parent.mkdir()
    path.write_text(GOOD)
    assert formatter.main(["--check", str(path)]) == 0
    path.write_text(GOOD.replace("[[[1.0, 2.0]]]", "[[[1.00, 2.0]]]"))
    assert formatter.main(["--check", str(path)]) == 1
    assert formatter.main([str(path)]) == 0
    assert formatter.main(["--check", str(path)]) == 0
    assert "[[[1.0, 2.0]]]" in path.read_text()


def test_loader_accepts_the_good_example(tmp_path):
    path = tmp_path / "max_pool" / "good.yaml"
    path.parent.mkdir()
    path.write_text(GOOD)
    (case,) = reader.load_all(tmp_path)
    assert case.arrays["indices"].dtype == np.int64


def test_duplicate_ids_across_files_are_refused(tmp_path):
    (tmp_path / "max_pool").mkdir()
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / "max_pool" / name).write_text(GOOD)
    with pytest.raises(reader.FixtureError, match="duplicate id"):
        reader.load_all(tmp_path)


def test_integer_values_are_exact_at_the_extremes():
    """int64 and uint64 extremes are not rounded through a float on the way."""
    seen = set()
    for case in reader.load_all():
        for arr in case.arrays.values():
            if arr.dtype.kind in "iu" and arr.size:
                info = np.iinfo(arr.dtype)
                seen |= {(arr.dtype.name, int(v)) for v in (arr.min(), arr.max())
                         if int(v) in (info.min, info.max)}
    assert ("uint64", 2**64 - 1) in seen and ("int64", -(2**63)) in seen


def test_readme_documents_every_field():
    readme = (reader.FIXTURES / "README.md").read_text()
    for field in operators.ORDER:
        assert f"`{field}`" in readme, field


# ------------------------------------- files that lie, and folders that do not add up

def _write(root, relative, data):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _empty_x(shape):
    return GOOD.replace("shape: [1, 1, 2]\n    data: [[[1.0, 2.0]]]",
                        f"shape: {shape}\n    data: []")


LYING = {
    "duplicate-output": (GOOD + "  y:\n    shape: [1, 1, 1]\n    data: [[[1.0]]]\n",
                         "duplicate key 'y'"),
    "duplicate-error": (GOOD.split("  dy:")[0] + "  call: max_pool\n  error: pooling:badKernel\n"
                        "  error: pooling:badStride\n", "duplicate key 'error'"),
    "duplicate-param": (GOOD.replace("{kernel_size: 2}", "{kernel_size: 2, kernel_size: 3}"),
                        "duplicate key 'kernel_size'"),
    "not-utf-8": (GOOD.encode("utf-8").replace(b'"fine"', b'"fin\xe9"'), "not UTF-8"),
    "nested-5000-deep": (GOOD.replace("[[[1.0, 2.0]]]", "[" * 5000 + "]" * 5000),
                         "nested more than 64 levels"),
    "nested-5000-deep-block": ("- " * 5000 + "1\n", "nested more than 64 levels"),
    # Empty data agrees with any shape holding a 0, so only the shape's own limits refuse these.
    "shape-2-to-the-70": (_empty_x(f"[0, {2**70}]"), "absurd"),
    "shape-product": (_empty_x(f"[0, {2**20}, {2**20}, {2**20}]"), "absurd"),
    "shape-rank-100": (_empty_x("[" + "1, " * 99 + "0]"), "absurd"),
    "integer-of-5000-digits": (GOOD.replace("shape: [1, 1, 2]", "shape: [1, 1, " + "9" * 5000
                                            + "]"), "not plain YAML data"),
    "not-a-list": ("just text\n", "non-empty list"),
    "empty-file": ("", "non-empty list"),
}


@pytest.mark.parametrize("name", sorted(LYING))
def test_a_lying_file_is_refused_naming_the_file_and_reason(tmp_path, name):
    data, reason = LYING[name]
    path = _write(tmp_path, "max_pool/lying.yaml", data)
    with pytest.raises(reader.FixtureError) as info:
        reader.load_all(tmp_path)
    assert str(path) in str(info.value) and reason in str(info.value), str(info.value)


UNEXPECTED = {  # name: (file written, the path the refusal names)
    "yml": ("max_pool/extra.yml", "max_pool/extra.yml"),
    "upper-case-yaml": ("max_pool/extra.YAML", "max_pool/extra.YAML"),
    "nested-folder": ("max_pool/deeper/extra.yaml", "max_pool/deeper"),
    "top-level-yaml": ("extra.yaml", "extra.yaml"),
    "directory-named-yaml": ("max_pool/folder.yaml/x", "max_pool/folder.yaml"),
    "unknown-operator-folder": ("min_pool/extra.yaml", "min_pool"),
    "stray-file": ("max_pool/notes.txt", "max_pool/notes.txt"),
}


@pytest.mark.parametrize("name", sorted(UNEXPECTED))
def test_unexpected_files_are_refused_not_skipped(tmp_path, name):
    written, named = UNEXPECTED[name]
    _write(tmp_path, "max_pool/good.yaml", GOOD)
    _write(tmp_path, written, GOOD)
    with pytest.raises(reader.FixtureError, match="unexpected") as info:
        reader.load_all(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / named}: "), str(info.value)


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    path = _write(tmp_path, "max_pool/big.yaml", GOOD + "#" * reader.MAX_FILE_BYTES)
    # Anything parsing it would fail the test: the limit comes first.
    monkeypatch.setattr(reader, "parse_text", lambda *a: pytest.fail("parsed"))
    with pytest.raises(reader.FixtureError, match="over the limit") as info:
        reader.load_all(tmp_path)
    assert str(path) in str(info.value)


def test_the_largest_fixture_file_is_far_below_the_size_limit():
    assert max(p.stat().st_size for p in FILES) * 8 < reader.MAX_FILE_BYTES


def _copy_of_the_fixtures(tmp_path):
    import shutil

    root = tmp_path / "fixtures"
    shutil.copytree(reader.FIXTURES, root)
    return root


def test_the_fixture_set_matches_its_manifest():
    from conformance.fixtureio import manifest

    listed = manifest.verify(reader.FIXTURES)
    assert sorted(listed) == FILE_IDS
    assert manifest.read()["version"] == operators.FIXTURE_VERSION
    assert sum(v["cases"] for v in listed.values()) == len(reader.load_all())


@pytest.mark.parametrize("attack", ["delete-file", "delete-operator-folder", "add-file",
                                    "edit-file", "delete-manifest", "drop-a-case"])
def test_a_fixture_set_that_differs_from_its_manifest_is_refused(tmp_path, attack):
    import shutil

    root = _copy_of_the_fixtures(tmp_path)
    target = root / "max_pool" / "nan.yaml"
    if attack == "delete-file":
        target.unlink()
        reason = "missing: manifest.json lists it"
    elif attack == "delete-operator-folder":
        shutil.rmtree(root / "avg_pool")
        target, reason = root / "avg_pool", "missing: manifest.json lists it"
    elif attack == "add-file":
        target = _write(root, "max_pool/extra.yaml", GOOD)
        reason = "not listed in manifest.json"
    elif attack == "edit-file":
        target.write_text(target.read_text().replace("1.0", "1.5", 1))
        reason = "sha256 differs"
    elif attack == "delete-manifest":
        (root / "manifest.json").unlink()
        target, reason = root / "manifest.json", "missing"
    else:  # a case removed, and the hash in the manifest updated to match: the count tells
        import hashlib
        import json

        text = target.read_text()
        target.write_text(text[:text.rindex("\n- id:") + 1])
        data = json.loads((root / "manifest.json").read_text())
        data["files"]["max_pool/nan.yaml"]["sha256"] = hashlib.sha256(
            target.read_bytes()).hexdigest()
        (root / "manifest.json").write_text(json.dumps(data))
        reason = "but manifest.json says"
    with pytest.raises(reader.FixtureError) as info:
        reader.load_all(root, manifest=True)  # as test_conformance.py loads a folder
    assert str(target) in str(info.value) and reason in str(info.value), str(info.value)


def test_the_repository_fixtures_always_need_their_manifest(tmp_path, monkeypatch):
    root = _copy_of_the_fixtures(tmp_path)
    (root / "manifest.json").unlink()
    monkeypatch.setattr(reader, "FIXTURES", root.resolve())
    with pytest.raises(reader.FixtureError, match="manifest.json: missing"):
        reader.load_all(root)


def test_the_loader_never_calls_an_unsafe_yaml_entry_point():
    source = pathlib.Path(reader.__file__).read_text()
    assert "yaml.load(" not in source and "unsafe_load" not in source
