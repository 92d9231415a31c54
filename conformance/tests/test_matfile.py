"""fixtures/fixtures.mat, the fixtures for MATLAB and Octave, against the YAML fixtures.

Every case, every field and every array is read back with scipy's ``loadmat``
and compared with the YAML case it came from: same id, text fields and
parameters (in MATLAB's form), arrays with the same class, the same shape and
the same bits (NaN positions, the sign of zero), indices converted back from
MATLAB's 1-based linear form.  The conversion is undone here independently of
``conformance/matfile.py``, so a mistake there cannot hide itself.
"""

import numpy as np
import pytest

from conformance.fixtureio import layout, matfile, reader
from conformance.harness.compare import first_difference

pytestmark = pytest.mark.fixtures
CASES = reader.load_all()


@pytest.fixture(scope="module")
def mat():
    if not matfile.MATFILE.exists():
        pytest.fail(f"{matfile.MATFILE} is missing; run `tox -e regen`", pytrace=False)
    return matfile.read()


@pytest.fixture(scope="module")
def mat_cases(mat):
    return {c["id"]: c for c in mat["cases"]}


def test_the_file_is_a_mat_v5_file_with_every_case_once(mat):
    head = matfile.MATFILE.read_bytes()[:128]
    assert head.startswith(b"MATLAB 5.0 MAT-file")
    assert head[124:128] == b"\x00\x01IM"  # version 0x0100, little-endian
    assert set(mat) == {"cases", "about"}
    assert [c["id"] for c in mat["cases"]] == [c.id for c in CASES]


def test_the_content_is_what_regeneration_writes():
    assert matfile.differences(CASES) == [], "fixtures/fixtures.mat is stale; run `tox -e regen`"


def test_flags_are_logical():
    # loadmat reads logical as uint8, so count the logical arrays in the file itself.
    elements = matfile._elements(matfile.MATFILE.read_bytes())
    logical = sum(flag for e in elements for _, flag, _ in matfile._classes(e))
    flags = sum(isinstance(v, bool) for c in CASES for v in c.params.values())
    assert logical == flags > 0


def _param(value):
    """A fixture parameter as MATLAB takes it, read back through loadmat."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # logical, which loadmat reads as uint8
        return np.array([[value]], dtype=np.uint8)
    if isinstance(value, list) and value and all(isinstance(p, list) for p in value):
        return np.array(value, dtype=np.float64).T  # [before; after], 2-by-r
    if isinstance(value, list):
        return np.array([value], dtype=np.float64)
    return np.array([[value]], dtype=np.float64)


def _spatial_dims(case):
    a = case.arrays
    r = (a["dy"] if case.op == "max_unpool" and "dy" in a else a["x"]).ndim - 2
    return r if 1 <= r <= 3 else 3


def _indices_target(case):
    """The fixture shape of the array the case's MATLAB indices point into."""
    a = case.arrays
    if case.op != "max_unpool":
        return a["x"].shape
    if case.call == "max_unpool_backward":
        return a["dy"].shape
    size = case.params["output_size"]
    return a["x"].shape[:2] + tuple(size if isinstance(size, list) else [size] * (a["x"].ndim - 2))


def _python_indices(m_indices, shape, target):
    """MATLAB's 1-based linear indices into ``target`` (fixture layout) back to the
    fixtures' 0-based row-major offsets in each (n, c) plane."""
    assert np.array_equal(m_indices, np.round(m_indices))
    m = layout.from_matlab(m_indices, shape).astype(np.int64) - 1
    spatial = tuple(target[2:])
    plane = int(np.prod(spatial))
    n = np.arange(shape[0]).reshape((-1,) + (1,) * (len(shape) - 1))
    c = np.arange(shape[1]).reshape((1, -1) + (1,) * (len(shape) - 2))
    offset = m - plane * (c + target[1] * n)
    inside = (offset >= 0) & (offset < plane)
    if not inside.any():  # every index outside its plane (or an empty plane)
        return offset
    subs = np.unravel_index(np.where(inside, offset, 0), spatial, order="F")
    return np.where(inside, np.ravel_multi_index(subs, spatial), offset)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_matches_its_yaml(case, mat_cases):
    m = mat_cases[case.id]
    names = [n for n in ("x", "dy", "y", "indices", "dx") if n in case.arrays]
    expected_fields = ["id", "group", "op", "dtype", "description", "params", "spatial_dims",
                       *names, *(["call", "error"] if case.is_error else []), "shapes"]
    assert list(m) == expected_fields
    for name in ("id", "group", "op", "dtype", "description", "call", "error"):
        assert m.get(name) == getattr(case, name)
    assert list(m["params"]) == list(case.params)
    for name, value in case.params.items():
        want, got = _param(value), m["params"][name]
        if isinstance(want, str):
            assert got == want, name
        else:
            assert (got.dtype, got.shape) == (want.dtype, want.shape), name
            assert np.array_equal(got, want), name
    assert m["spatial_dims"].dtype == np.float64
    assert m["spatial_dims"].tolist() == [[_spatial_dims(case)]]
    assert list(m["shapes"]) == names
    for name in names:
        want = case.arrays[name]
        got = m[name]
        assert m["shapes"][name].dtype == np.float64
        assert m["shapes"][name].tolist() == [list(want.shape)], name
        # scipy keeps the trailing singletons it wrote; MATLAB drops them on load.
        assert got.shape == layout.matlab_shape(want.shape), name
        if name == "indices":
            assert got.dtype == np.float64
            back = _python_indices(got, want.shape, _indices_target(case))
            assert np.array_equal(back, want), f"indices: {back.tolist()} != {want.tolist()}"
        else:
            assert got.dtype == want.dtype, name
            difference = first_difference(want, layout.from_matlab(got, want.shape))
            assert difference is None, f"{name}: {difference}"


def _special_case():
    """A case with what the YAML cannot show by accident: specials, extremes, empties."""
    f32 = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-45, 3.4028235e38, -1.5],
                   dtype=np.float32).reshape(1, 2, 4)
    u64 = np.array([0, 1, 2**63, 2**64 - 1], dtype=np.uint64).reshape(1, 1, 4)
    i64 = np.array([-(2**63), -1, 0, 2**63 - 1], dtype=np.int64).reshape(1, 1, 2, 2)
    empty = np.zeros((0, 3, 2, 2), dtype=np.float64)
    cases = []
    for i, (dtype, x) in enumerate((("float32", f32), ("uint64", u64), ("int64", i64),
                                    ("float64", empty))):
        case = reader.Case(file="x.yaml", group="special/cases", id=f"special-{i}",
                       description="specials", op="global_max_pool", dtype=dtype,
                       params={} if i else {"padding": [[1, 0], [2, 1]], "ceil_mode": True})
        case.arrays = {"x": x, "y": x.copy()}
        cases.append(case)
    return cases


def test_specials_extremes_and_empty_arrays_survive_the_file():
    cases = _special_case()
    back = matfile.read(matfile.encode(cases))["cases"]
    for case, m in zip(cases, back, strict=True):
        for name in ("x", "y"):
            want, got = case.arrays[name], m[name]
            assert got.dtype == want.dtype and got.shape == layout.matlab_shape(want.shape)
            restored = layout.from_matlab(got, want.shape)
            assert restored.shape == want.shape
            assert first_difference(want, restored) is None
            if want.dtype.kind == "f":  # and the bits themselves, NaN included
                assert want.tobytes() == np.ascontiguousarray(restored).tobytes()
    assert back[0]["params"]["padding"].tolist() == [[1.0, 2.0], [0.0, 1.0]]
    assert back[1]["params"] == {}


def test_the_check_sees_a_changed_value_and_a_changed_flag(tmp_path, monkeypatch):
    cases = _special_case()
    path = tmp_path / "f.mat"
    path.write_bytes(matfile.encode(cases))
    assert matfile.differences(cases, path) == []
    # The header's text (a timestamp in scipy's files) is not content.
    data = bytearray(path.read_bytes())
    data[20:40] = b"Created on: sometime"
    path.write_bytes(bytes(data))
    assert matfile.differences(cases, path) == []
    # The sign of one zero.
    cases[0].arrays["y"].reshape(-1)[3] = 0.0
    assert "special-0" in " ".join(matfile.differences(cases, path))
    cases[0].arrays["y"].reshape(-1)[3] = -0.0
    # A flag written as a number instead of logical: loadmat cannot see it, the check does.
    real = matfile._params
    monkeypatch.setattr(matfile, "_params", lambda p: {
        k: (v.astype(np.uint8) if v.dtype == bool else v) if isinstance(v, np.ndarray) else v
        for k, v in real(p).items()})
    assert matfile.differences(cases, path) != []
