"""Golden fixtures against PyTorch and the ONNX reference (tox -e crosscheck).

Each fixture either agrees bit for bit with a framework, is refused by it, or
differs as conformance/differences.yaml documents; the mechanism tests below
pin, on inputs small enough to check by hand, the behaviour each documented
rule (and each refuted candidate) claims.  Without torch and onnx only the
checks of differences.yaml and SPEC.md run.
"""

import itertools
import pathlib
import re

import numpy as np
import pytest

from conformance.crosscheck import check, onnx_runner, torch_runner
from conformance.crosscheck.common import Failed
from conformance.crosscheck.models import MODELS
from conformance.fixtureio.reader import Case, load_all
from conformance.golden import oracle

SPEC = pathlib.Path(__file__).resolve().parents[2] / "SPEC.md"
CASES = [c for c in load_all() if not c.is_error]
DIFFERENCES = check.load_differences()
FRAMEWORKS = check.available_frameworks()
PAIRS = [(f, c) for f in FRAMEWORKS for c in CASES if f.applies(c)]

needs_torch = pytest.mark.skipif(not torch_runner.available(), reason="torch is not installed")
needs_onnx = pytest.mark.skipif(not onnx_runner.available(), reason="onnx is not installed")


def spec_section():
    text = SPEC.read_text(encoding="utf-8")
    match = re.search(r"^## \d+\. Where other systems differ\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, "SPEC.md has no section 'Where other systems differ'"
    return match.group(1)


# ------------------------------------------------- differences.yaml and SPEC.md


def test_differences_name_only_existing_fixtures():
    missing = check.unknown_fixtures(DIFFERENCES, load_all())
    assert not missing, f"differences.yaml names fixtures that do not exist: {missing}"


def test_every_documented_rule_is_explained_in_spec():
    section = spec_section()
    absent = sorted({d.rule for d in DIFFERENCES if f"`{d.rule}`" not in section})
    assert not absent, f"SPEC.md, 'Where other systems differ', does not explain {absent}"


def test_every_rule_explained_in_spec_is_documented():
    # Rules are named in the section's table rows as `| framework | `rule` |`.
    named = set(re.findall(r"^\| *[\w-]+ *\| *`([a-z0-9-]+)` *\|", spec_section(), re.M))
    extra = sorted(named - {d.rule for d in DIFFERENCES})
    assert named and not extra, f"SPEC.md explains rules differences.yaml does not list: {extra}"


def test_every_model_belongs_to_a_documented_rule():
    listed = {(d.framework, d.rule) for d in DIFFERENCES}
    assert set(MODELS) <= listed, f"models without an entry: {sorted(set(MODELS) - listed)}"


# ------------------------------------------------------------ every fixture


@pytest.mark.skipif(not PAIRS, reason="neither torch nor onnx is installed")
@pytest.mark.parametrize(("framework", "case"), PAIRS,
                         ids=[f"{f.name}:{c.id}" for f, c in PAIRS])
def test_fixture_agrees_or_differs_as_documented(framework, case):
    with np.errstate(all="ignore"):
        result = framework.run(case)
    outcome = check.judge(framework.name, case, result, DIFFERENCES)
    assert outcome.status != "unexpected", (
        f"{case.id} [{framework.name}] ({case.group}): {outcome.detail}"
    )


# ------------------------------------------------ mechanisms: PyTorch


def torch_f():
    import torch
    import torch.nn.functional as F  # noqa: N812

    return torch, F


@needs_torch
def test_torch_selects_the_last_of_several_nans():
    torch, F = torch_f()
    x = torch.tensor([[[1.0, float("nan"), 5.0, float("nan")]]])
    _, idx = F.max_pool1d(x, 4, return_indices=True)
    assert idx.item() == 3  # SPEC.md 5 (and our fixtures) select offset 1


@needs_torch
def test_torch_unpool_backward_gathers_overwritten_positions():
    # SPEC.md 10's example: y = [5 5] both at index 1, dz = [10 20 30]: ours is [0 20].
    torch, F = torch_f()
    y = torch.tensor([[[5.0, 5.0]]], requires_grad=True)
    z = F.max_unpool1d(y, torch.tensor([[[1, 1]]]), 2, stride=1, output_size=[3])
    z.backward(torch.tensor([[[10.0, 20.0, 30.0]]]))
    assert y.grad.tolist() == [[[20.0, 20.0]]]


@needs_torch
def test_torch_unpool_has_no_deterministic_implementation():
    # Why the cross-check runs PyTorch on one thread: duplicate indices race otherwise.
    torch, F = torch_f()
    y = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]])
    idx = torch.tensor([[[[4, 0], [4, 8]]]])
    before = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        with pytest.raises(RuntimeError, match="deterministic"):
            F.max_unpool2d(y, idx, 2, stride=1, output_size=[3, 3])
    finally:
        torch.use_deterministic_algorithms(before)


@needs_torch
@pytest.mark.parametrize("rank", [1, 2, 3])
def test_torch_pad_limit_is_half_the_kernel_whatever_the_dilation(rank):
    # k = 3, d = 2: e = 5, so SPEC.md allows pads up to 4; PyTorch stops at floor(3/2) = 1.
    torch, F = torch_f()
    pool = getattr(F, f"max_pool{rank}d")
    x = torch.zeros((1, 1) + (6,) * rank)
    pool(x, 3, stride=1, padding=1, dilation=2, return_indices=True)
    with pytest.raises(RuntimeError, match="pad should be"):
        pool(x, 3, stride=1, padding=2, dilation=2, return_indices=True)


@needs_torch
def test_torch_stride_defaults_to_the_kernel_as_ours():
    torch, F = torch_f()
    x = torch.arange(6.0).reshape(1, 1, 6)
    assert F.max_pool1d(x, 2).tolist() == [[[1.0, 3.0, 5.0]]]


@needs_torch
@pytest.mark.parametrize("rank", [1, 2, 3])
def test_torch_float32_avg_pool_sums_row_major_in_float32(rank):
    # The candidate "PyTorch averages float32 in another order or precision" is refuted
    # for avg_pool: [1, 2^24, -2^24] row-major in float32 is (1 + 2^24) - 2^24 = 0.
    torch, F = torch_f()
    x = torch.tensor([1.0, 2.0**24, -(2.0**24)], dtype=torch.float32)
    x = x.reshape((1, 1) + (1,) * (rank - 1) + (3,))
    kernel = [1] * (rank - 1) + [3]
    y = getattr(F, f"avg_pool{rank}d")(x, kernel)
    assert y.flatten().tolist() == [0.0]


@needs_torch
def test_torch_adaptive_avg_pool_to_one_is_the_mean():
    torch, F = torch_f()
    case = next(c for c in CASES if c.id == "gavg-2d-mixed-magnitudes")
    x = torch.from_numpy(case.arrays["x"].copy())
    adaptive = F.adaptive_avg_pool2d(x, 1)
    assert torch.equal(adaptive, x.mean(dim=(2, 3), keepdim=True))
    assert not torch.equal(adaptive, torch.from_numpy(case.arrays["y"]))


# ------------------------------------------------ mechanisms: ONNX reference


def onnx_case(op, x, **params):
    x = np.asarray(x)
    return Case(file="", group="", id="mechanism", description="", op=op,
                dtype=str(x.dtype), params=params, arrays={"x": x})


def onnx_run(op_type, x, **attrs):
    """One node through the reference with exactly these attributes (defaults untouched)."""
    result = onnx_runner._evaluate(op_type, {"x": np.asarray(x)}, {"y": np.asarray(x).dtype},
                                   attrs)
    assert not isinstance(result, Failed), result
    return result[0]


NAN = float("nan")


@needs_onnx
def test_onnx_reference_max_pool_skips_nan_inputs():
    unit = onnx_runner.run(onnx_case("max_pool", [[[1.0, NAN]]], kernel_size=2, stride=1))
    assert unit["y"].tolist() == [[[1.0]]]
    strided = onnx_runner.run(onnx_case("max_pool", [[[1.0, NAN, 2.0, NAN]]], kernel_size=2))
    assert strided["y"].tolist() == [[[1.0, 2.0]]]
    first = onnx_runner.run(onnx_case("max_pool", [[[NAN, 1.0]]], kernel_size=2))
    assert np.isnan(first["y"]).all()


@needs_onnx
def test_onnx_reference_average_pool_drops_nan_without_count_include_pad():
    # No fixture pins this (avg_pool has no NaN case with count_include_pad false).
    y = onnx_run("AveragePool", [[[1.0, NAN]]], kernel_shape=[2], strides=[2],
                 count_include_pad=0)
    assert y.tolist() == [[[1.0]]]


@needs_onnx
def test_onnx_strides_default_to_one():
    y = onnx_run("MaxPool", np.arange(6.0).reshape(1, 1, 6), kernel_shape=[2])
    assert y.tolist() == [[[1.0, 2.0, 3.0, 4.0, 5.0]]]


@needs_onnx
def test_onnx_count_include_pad_defaults_to_zero():
    y = onnx_run("AveragePool", [[[2.0, 4.0]]], kernel_shape=[2], strides=[2], pads=[1, 1])
    assert y.tolist() == [[[2.0, 4.0]]]  # counting the pads would give [1, 2]


@needs_onnx
def test_onnx_reference_does_not_count_the_ceil_overhang():
    # Refutes the candidate "ONNX counts the ceil-mode overhang in the divisor" for
    # this reference: the last window {5, overhang} averages to 5, as SPEC.md 8 says.
    case = onnx_case("avg_pool", [[[1.0, 2.0, 3.0, 4.0, 5.0]]], kernel_size=2, ceil_mode=True)
    assert onnx_runner.run(case)["y"].tolist() == [[[1.5, 3.5, 5.0]]]


@needs_onnx
def test_onnx_reference_ceil_extra_padding_shifts_the_windows():
    case = onnx_case("avg_pool", [[[1.0, 2.0, 3.0, 4.0]]], kernel_size=2, dilation=2, stride=3,
                     ceil_mode=True)
    assert oracle.avg_pool(case.arrays["x"], case.params).tolist() == [[[2.0, 4.0]]]
    assert onnx_runner.run(case)["y"].tolist() == [[[1.0, 3.0]]]


@needs_onnx
def test_onnx_reference_same_upper_pads_negatively_when_stride_exceeds_window():
    # in = 6, k = 2, s = 3: total = (2 - 1)*3 + 2 - 6 = -1; SPEC.md 4.1 clamps it to 0.
    case = onnx_case("max_pool", [[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]], kernel_size=2, stride=3,
                     padding="same")
    assert oracle.max_pool(case.arrays["x"], case.params)[0].tolist() == [[[2.0, 5.0]]]
    assert onnx_runner.run(case)["y"].tolist() == [[[3.0, 6.0]]]


@needs_onnx
def test_onnx_reference_unit_stride_indices_use_the_output_shape():
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 1, 0] = 1.0  # window (0, 0)'s maximum at window offset (1, 0): flat 4
    got = onnx_runner.run(onnx_case("max_pool", x, kernel_size=2, stride=1))
    assert got["y"][0, 0, 0, 0] == 1.0
    # offset 2 of the 2x2 window unravelled in the 3x3 output gives (0, 2): flat 2.
    assert got["indices"][0, 0, 0, 0] == 2


@needs_onnx
def test_onnx_reference_np_max_keeps_the_last_equal_zero():
    got = onnx_runner.run(onnx_case("max_pool", [[[0.0, -0.0]]], kernel_size=2, stride=1))
    assert np.signbit(got["y"]).all()


@needs_onnx
@pytest.mark.parametrize("shape", [(2, 3, 4), (1, 2, 2, 3, 3)], ids=["1d", "3d"])
def test_onnx_reference_global_max_pool_reduces_the_wrong_axes(shape):
    y = onnx_run("GlobalMaxPool", np.arange(float(np.prod(shape))).reshape(shape))
    assert y.shape != shape[:2] + (1,) * (len(shape) - 2)


def _np_average_model(case):
    """AveragePool as np.average over each window's values, pads as 0.0 when counted."""
    x, params = case.arrays["x"], case.params
    p = oracle.normalise(params, x.shape[2:])
    spatial = x.shape[2:]
    count_pad = params.get("count_include_pad", True)
    out_shape = [oracle.out_length(n, p["kernel"][a], p["stride"][a], *p["pads"][a],
                                   p["dilation"][a], p["ceil_mode"])
                 for a, n in enumerate(spatial)]
    y = np.empty(x.shape[:2] + tuple(out_shape), dtype=x.dtype)
    for n, c in itertools.product(range(x.shape[0]), range(x.shape[1])):
        for o in itertools.product(*(range(m) for m in out_shape)):
            values = []
            for j in itertools.product(*(range(k) for k in p["kernel"])):
                pos = [o[a] * p["stride"][a] - p["pads"][a][0] + j[a] * p["dilation"][a]
                       for a in range(len(spatial))]
                if all(0 <= pos[a] < spatial[a] for a in range(len(spatial))):
                    values.append(x[(n, c, *pos)])
                elif count_pad and all(-p["pads"][a][0] <= pos[a] < spatial[a] + p["pads"][a][1]
                                       for a in range(len(spatial))):
                    values.append(x.dtype.type(0.0))
            y[(n, c, *o)] = np.average(np.array(values, dtype=x.dtype))
    return y


@needs_onnx
@pytest.mark.parametrize("fixture", [f for d in DIFFERENCES if d.rule == "np-sum-order"
                                     for f in d.fixtures if f.startswith("avg-")])
def test_onnx_reference_average_pool_is_np_average_per_window(fixture):
    case = next(c for c in CASES if c.id == fixture)
    expected = _np_average_model(case)
    got = onnx_runner.run(case)["y"]
    assert np.array_equal(expected, got), f"{fixture}: the reference is not np.average"


@needs_torch
@pytest.mark.parametrize("rank", [1, 2, 3])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_torch_average_of_a_negative_underflow_is_plus_zero(rank, dtype):
    torch, F = torch_f()
    tiny = float(np.finfo(dtype).smallest_subnormal)
    x = np.array([0.0, -tiny], dtype=dtype).reshape((1, 1) + (1,) * (rank - 1) + (2,))
    params = {"kernel_size": [1] * (rank - 1) + [2]}
    assert np.signbit(oracle.avg_pool(x, params)).all()  # SPEC.md 8: -tiny / 2 rounds to -0.0
    y = getattr(F, f"avg_pool{rank}d")(torch.from_numpy(x), params["kernel_size"])
    assert not torch.signbit(y).any()
    assert torch.signbit(getattr(F, f"adaptive_avg_pool{rank}d")(torch.from_numpy(x), 1)).all()


@needs_torch
def test_torch_avg_pool3d_refuses_an_input_smaller_than_the_kernel():
    # SPEC.md 3: in = 1, k = 2, ceil mode gives one window; avg_pool1d/2d and max_pool3d agree.
    torch, F = torch_f()
    x = torch.zeros((1, 1, 1, 1, 1), dtype=torch.float64)
    assert F.avg_pool2d(x[..., 0], 2, ceil_mode=True).shape == (1, 1, 1, 1)
    with pytest.raises(RuntimeError, match="smaller than kernel size"):
        F.avg_pool3d(x, 2, ceil_mode=True)
