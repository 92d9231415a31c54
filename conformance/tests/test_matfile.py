"""fixtures/fixtures.mat, the fixtures for MATLAB and Octave, against the YAML fixtures.

Every case is read back with scipy's ``loadmat`` and compared with the YAML
case it came from: the same id and text fields; the calls the registry says
the case makes, each argument decoded back (arrays with the same class, shape
and bits, indices from MATLAB's 1-based linear form, parameters in MATLAB's
form, 'SpatialDims' and the options in the YAML's order); the expected
outputs likewise.  The conversion is undone here independently of
``conformance/fixtureio/matlab_call.py``, so a mistake there cannot hide itself.
"""

import numpy as np
import pytest

from conformance.fixtureio import layout, matfile, reader
from conformance.harness.compare import first_difference
from conformance.operators import OPERATORS, SWITCHES, switched_on

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


def _same_param(got, want, where):
    if isinstance(want, str):
        assert got == want, where
    else:
        assert (got.dtype, got.shape) == (want.dtype, want.shape), where
        # A NaN parameter (an error case's p) is a NaN there too.
        assert np.array_equal(got, want, equal_nan=got.dtype.kind == "f"), where


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


def _target(case, into):
    """The fixture shape of the array MATLAB indices count into (``Call.indices_into``)."""
    a = case.arrays
    if into != "output_size":
        return a[into].shape
    size = case.params["output_size"]
    return a["x"].shape[:2] + tuple(size if isinstance(size, list) else [size] * (a["x"].ndim - 2))


def _same_array(case, name, got, into):
    want = case.arrays[name]
    # scipy keeps the trailing singletons it wrote; MATLAB drops them on load.
    assert got.shape == layout.matlab_shape(want.shape), name
    if name == "indices":
        assert got.dtype == np.float64
        back = _python_indices(got, want.shape, _target(case, into))
        assert np.array_equal(back, want), f"indices: {back.tolist()} != {want.tolist()}"
    else:
        assert got.dtype == want.dtype, name
        difference = first_difference(want, layout.from_matlab(got, want.shape))
        assert difference is None, f"{name}: {difference}"


def _expected_args(case, call):
    """The arguments after the positional ones: 'SpatialDims', then the options."""
    op = OPERATORS[case.op]
    tail = []
    if call.spatial_dims:
        r = case.arrays[call.spatial_dims].ndim - 2
        tail += ["SpatialDims", np.array([[r if 1 <= r <= 3 else 3]], dtype=np.float64)]
    if call.options:
        names = {p.name: p.matlab for p in op.params if p.matlab}
        for name, value in case.params.items():
            if name in names:
                tail += [names[name], _param(value)]
    for optional in switched_on(call, case.params):
        tail += [optional.matlab, optional.field]
    return tail


def _check_call(case, call, m_call):
    assert m_call["function"] == "pooling." + call.name
    assert m_call["outputs"] == list(call.outputs)
    args = m_call["args"]
    for name, got in zip(call.args, args, strict=False):
        if name in case.arrays:
            _same_array(case, name, got, call.indices_into)
        else:
            value = case.params[name]
            if name == "output_size" and not isinstance(value, list):
                value = [value] * (case.arrays["x"].ndim - 2)  # MATLAB counts axes from it
            _same_param(got, _param(value), name)
    tail = args[len(call.args):]
    want = _expected_args(case, call)
    assert len(tail) == len(want), (tail, want)
    for got, expected in zip(tail, want, strict=True):
        if isinstance(expected, str) and expected in case.arrays:
            _same_array(case, expected, got, call.indices_into)  # an optional input
        else:
            _same_param(got, expected, f"{call.name} option")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_matches_its_yaml(case, mat_cases):
    m = mat_cases[case.id]
    op = OPERATORS[case.op]
    tail = ["error"] if case.is_error else ["expected", "shapes"]
    assert list(m) == ["id", "group", "op", "dtype", "description", "calls", *tail]
    for name in ("id", "group", "op", "dtype", "description", "error"):
        assert m.get(name) == getattr(case, name)
    _, outputs = op.fields(case.dtype)
    calls = [op.calls[case.call]] if case.is_error else [
        c for c in (op.forward, op.backward) if set(c.outputs) <= set(outputs)]
    assert len(m["calls"]) == len(calls)
    for call, m_call in zip(calls, m["calls"], strict=True):
        _check_call(case, call, m_call)
    if case.is_error:
        return
    assert list(m["expected"]) == list(m["shapes"]) == [n for n in op.outputs if n in outputs]
    for name, got in m["expected"].items():
        assert m["shapes"][name].dtype == np.float64
        assert m["shapes"][name].tolist() == [list(case.arrays[name].shape)], name
        _same_array(case, name, got, op.forward.indices_into)


def test_flags_are_logical(mat_cases):
    # loadmat reads logical as uint8, so count the logical arrays in the file itself.
    elements = matfile._elements(matfile.MATFILE.read_bytes())
    logical = sum(flag for e in elements for _, flag, _ in matfile._classes(e))
    flags = 0
    for case in CASES:
        per_call = sum(isinstance(v, bool) for k, v in case.params.items()
                       if k not in SWITCHES)
        op = OPERATORS[case.op]
        flags += per_call * sum(op.calls[c["function"][len("pooling."):]].options
                                for c in mat_cases[case.id]["calls"])
    assert logical == flags > 0


def _special_cases():
    """Error cases with what the YAML cannot show by accident: specials, extremes, empties."""
    f32 = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-45, 3.4028235e38, -1.5],
                   dtype=np.float32).reshape(1, 2, 4)
    u64 = np.array([0, 1, 2**63, 2**64 - 1], dtype=np.uint64).reshape(1, 1, 4)
    i64 = np.array([-(2**63), -1, 0, 2**63 - 1], dtype=np.int64).reshape(1, 1, 2, 2)
    empty = np.zeros((0, 3, 2, 2), dtype=np.float64)
    cases = []
    for i, (dtype, x) in enumerate((("float32", f32), ("uint64", u64), ("int64", i64),
                                    ("float64", empty))):
        params = {"kernel_size": 1}
        if not i:
            params.update(padding=[[1, 0], [2, 1]], ceil_mode=True)
        case = reader.Case(file="x.yaml", group="special/cases", id=f"special-{i}",
                           description="specials", op="max_pool", dtype=dtype, params=params,
                           call="max_pool", error="pooling:badPadding")
        case.arrays = {"x": x}
        cases.append(case)
    return cases


def test_specials_extremes_and_empty_arrays_survive_the_file():
    cases = _special_cases()
    back = matfile.read(matfile.encode(cases))["cases"]
    for case, m in zip(cases, back, strict=True):
        (call,) = m["calls"]
        want, got = case.arrays["x"], call["args"][0]
        assert got.dtype == want.dtype and got.shape == layout.matlab_shape(want.shape)
        restored = layout.from_matlab(got, want.shape)
        assert restored.shape == want.shape
        assert first_difference(want, restored) is None
        if want.dtype.kind == "f":  # and the bits themselves, NaN included
            assert want.tobytes() == np.ascontiguousarray(restored).tobytes()
    # x, POOL_SIZE, 'SpatialDims', r, then the options in the case's order.
    args = back[0]["calls"][0]["args"]
    assert (args[2], args[4], args[6]) == ("SpatialDims", "Padding", "CeilMode")
    assert args[5].tolist() == [[1.0, 2.0], [0.0, 1.0]]
    assert len(back[1]["calls"][0]["args"]) == 4


def test_the_check_sees_a_changed_value_and_a_changed_flag(tmp_path, monkeypatch):
    cases = _special_cases()
    path = tmp_path / "f.mat"
    path.write_bytes(matfile.encode(cases))
    assert matfile.differences(cases, path) == []
    # The header's text (a timestamp in scipy's files) is not content.
    data = bytearray(path.read_bytes())
    data[20:40] = b"Created on: sometime"
    path.write_bytes(bytes(data))
    assert matfile.differences(cases, path) == []
    # The sign of one zero.
    cases[0].arrays["x"].reshape(-1)[3] = 0.0
    assert "special-0" in " ".join(matfile.differences(cases, path))
    cases[0].arrays["x"].reshape(-1)[3] = -0.0
    # A flag written as a number instead of logical: loadmat cannot see it, the check does.
    real = matfile._mat_value
    monkeypatch.setattr(matfile, "_mat_value", lambda v: (
        real(v).astype(np.uint8) if isinstance(v, bool) else real(v)))
    assert matfile.differences(cases, path) != []
