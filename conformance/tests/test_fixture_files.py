"""The fixture files themselves: schema, exact values, canonical text, strict loading."""

import json

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
