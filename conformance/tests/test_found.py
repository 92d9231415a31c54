"""Found regression cases as data: what the differential tests append, the generator reads back."""

import numpy as np

from conformance.fixtureio.reader import Case
from conformance.golden import cases, found
from conformance.harness.compare import first_difference


def _drawn(op, dtype, x, params, **arrays):
    return Case(file="<drawn>", group="drawn", id="draw-0123456789", description="drawn",
                op=op, dtype=dtype, params=params, arrays={"x": x, **arrays})


def test_an_appended_draw_builds_back_into_the_same_case(tmp_path):
    path = tmp_path / "found.yaml"
    x = np.array([[[1.0, -0.0, np.nan, np.inf, 5e-324]]])
    dy = np.array([[[1.0, -2.0, 4.0, -8.0]]])
    drawn = _drawn("max_pool", "float64", x, {"kernel_size": 2, "stride": [1]}, dy=dy)
    assert found.append("max_pool", drawn, ["draw-0123456789 [python, fast] y: differs"], path)
    assert not found.append("max_pool", drawn, ["again"], path)  # kept once
    ((op, spec),) = found.load(path)
    assert op == "max_pool" and spec["id"] == "found-0123456789"
    assert spec["params"] == {"kernel_size": 2, "stride": [1]}
    built = cases.build_case(dict(spec, op=op))
    for name, want in (("x", x), ("dy", dy)):  # NaN as a class, -0.0 and 5e-324 exactly
        assert first_difference(want, built[name]) is None, name


def test_unpool_indices_and_error_cases_are_kept(tmp_path):
    path = tmp_path / "found.yaml"
    x = np.array([[[3, 7]]], dtype=np.int8)
    idx = np.array([[[2, 2]]], dtype=np.int64)
    drawn = _drawn("max_unpool", "int8", x, {"output_size": 2}, indices=idx)
    drawn.error, drawn.call = "pooling:badIndices", "max_unpool"
    found.append("max_unpool", drawn, ["draw-0123456789 [octave, naive]: returned"], path)
    ((op, spec),) = found.load(path)
    assert spec["indices"] == [[[2, 2]]] and spec["error"] == "pooling:badIndices"
    built = cases.build_case(dict(spec, op=op))
    assert built["error"] == "pooling:badIndices" and built["call"] == "max_unpool"
    assert built["x"].dtype == np.int8 and built["x"].tolist() == [[[3, 7]]]


def test_the_committed_found_cases_load():
    assert all(spec["id"].startswith("found-") for _, spec in found.load())
