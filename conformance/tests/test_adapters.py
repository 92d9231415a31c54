"""The shipped adapters (conformance/adapters/) and their differences files.

Each adapter runs, where its framework is installed, the chapter's 4x4
example and a few other calls, and must give the reference's results; the
calls its framework cannot express must raise ``NotSupported``.  The
differences files are checked without any framework: every entry is complete
and names fixtures that exist and outputs those fixtures have.
"""

import importlib
import pathlib
import pickle
import sys

import numpy as np
import pytest
import yaml

import pooling
from conformance.contract import NotSupported

try:
    from conformance.fixtureio.reader import load_all
except ImportError:  # the layout before conformance/ moved into job folders
    from conformance.fixture_format import load_all

ADAPTERS = pathlib.Path(__file__).resolve().parents[1] / "adapters"
# adapter module -> the top-level packages it needs
FRAMEWORKS = {
    "torch_pooling": ("torch",),
    "onnxruntime_pooling": ("onnx", "onnxruntime"),
    "jax_pooling": ("jax",),
}
FUNCTIONS = ("max_pool", "max_pool_backward", "avg_pool", "avg_pool_backward",
             "global_max_pool", "global_max_pool_backward", "global_avg_pool",
             "global_avg_pool_backward", "max_unpool", "max_unpool_backward")
# The chapter's example (docs/pooling.md): one 4x4 plane, 2x2 windows.
CHAPTER_X = np.array([[[[1.0, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]]])


def adapter(name):
    for package in FRAMEWORKS[name]:
        pytest.importorskip(package)
    return importlib.import_module(f"conformance.adapters.{name}")


def same(got, want):
    """Bit for bit, NaN positions compared as positions, dtype and shape included."""
    got = np.asarray(got)
    return (got.shape == want.shape and got.dtype == want.dtype
            and np.array_equal(got, want, equal_nan=want.dtype.kind == "f")
            and np.array_equal(np.signbit(got), np.signbit(want)))


def has_indices(name):
    return name != "jax_pooling"


def has_backward(name):
    return name != "onnxruntime_pooling"


def test_not_supported_keeps_its_reason():
    exc = NotSupported("dilation (no such parameter)")
    assert exc.reason == "dilation (no such parameter)"
    assert str(exc) == exc.reason
    assert pickle.loads(pickle.dumps(exc)).reason == exc.reason


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_missing_framework_says_what_to_install(name, monkeypatch):
    for package in FRAMEWORKS[name]:
        monkeypatch.setitem(sys.modules, package, None)  # None makes `import package` fail
    monkeypatch.delitem(sys.modules, f"conformance.adapters.{name}", raising=False)
    with pytest.raises(ImportError, match="pip install -r conformance/requirements-frameworks.txt"):
        importlib.import_module(f"conformance.adapters.{name}")


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_exposes_the_ten_functions(name):
    impl = adapter(name)
    assert all(callable(getattr(impl, f, None)) for f in FUNCTIONS)
    assert impl.FRAMEWORK and impl.VERSION


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", FRAMEWORKS)
def test_chapter_example(name, dtype):
    impl = adapter(name)
    x = CHAPTER_X.astype(dtype)
    if name == "onnxruntime_pooling" and dtype == np.float64:
        # ONNX Runtime's CPU kernels of AveragePool, the global pools and MaxUnpool are float32.
        with pytest.raises(NotSupported, match="implementation"):
            impl.avg_pool(x, 2)
        dtype = np.float32
        x = x.astype(dtype)
    y, idx = pooling.max_pool(x, 2, return_indices=True)
    assert same(impl.max_pool(x, 2), y)
    assert same(impl.avg_pool(x, 2), pooling.avg_pool(x, 2))
    assert same(impl.global_max_pool(x), pooling.global_max_pool(x))
    assert same(impl.global_avg_pool(x), pooling.global_avg_pool(x))
    assert same(impl.max_unpool(y, idx, [4, 4]), pooling.max_unpool(y, idx, [4, 4]))
    if has_indices(name):
        got_y, got_idx = impl.max_pool(x, 2, return_indices=True)
        assert same(got_y, y) and same(got_idx, idx)
    dy = np.array([[[[1.0, 2], [4, 8]]]], dtype=dtype)
    if has_backward(name):
        assert same(impl.max_pool_backward(dy, x, 2), pooling.max_pool_backward(dy, x, 2))
        assert same(impl.avg_pool_backward(dy, x, 2), pooling.avg_pool_backward(dy, x, 2))
        dz = np.arange(16, dtype=dtype).reshape(1, 1, 4, 4)
        assert same(impl.max_unpool_backward(dz, idx), pooling.max_unpool_backward(dz, idx))


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_padded_overlapping_windows(name):
    impl = adapter(name)
    rng = np.random.default_rng(12)
    # Small integers: every sum and maximum is exact, so any sum order gives the same bits.
    x = rng.integers(-8, 9, size=(2, 3, 5, 6)).astype(np.float32)
    params = dict(kernel_size=3, stride=2, padding=1)
    assert same(impl.max_pool(x, **params), pooling.max_pool(x, **params))
    # Divisors 4 and 6 (corners and edges without padding): 4 is exact as a reciprocal too.
    assert same(impl.avg_pool(x, 2, count_include_pad=False),
                pooling.avg_pool(x, 2, count_include_pad=False))
    if has_indices(name):
        assert same(impl.max_pool(x, **params, return_indices=True)[1],
                    pooling.max_pool(x, **params, return_indices=True)[1])


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_one_dimensional_integers(name):
    impl = adapter(name)
    x = np.array([[[3, -7, 5, 5, 0, -1, 9]]], dtype=np.int8)
    assert same(impl.max_pool(x, 3, stride=2), pooling.max_pool(x, 3, stride=2))


def test_torch_not_supported():
    impl = adapter("torch_pooling")
    x = CHAPTER_X
    with pytest.raises(NotSupported, match="asymmetric"):
        impl.max_pool(x, 2, padding=[[0, 1], [1, 0]])
    with pytest.raises(NotSupported, match="same"):
        impl.max_pool(x, 3, stride=1, padding="same")
    with pytest.raises(NotSupported, match="dilation"):
        impl.avg_pool(x, 2, dilation=2)
    with pytest.raises(NotSupported, match="half"):
        impl.max_pool(x, 3, stride=1, padding=2)  # allowed up to e - 1 = 2
    with pytest.raises(NotSupported, match="not implemented for"):
        impl.max_pool(x.astype(np.uint16), 2)


def test_torch_refuses_with_its_own_error():
    impl = adapter("torch_pooling")
    with pytest.raises(Exception) as info:
        impl.max_pool(CHAPTER_X, 0)
    assert not isinstance(info.value, NotSupported)


def test_onnxruntime_not_supported():
    impl = adapter("onnxruntime_pooling")
    x = CHAPTER_X.astype(np.float32)
    for backward in ("max_pool_backward", "avg_pool_backward", "global_max_pool_backward",
                     "global_avg_pool_backward"):
        with pytest.raises(NotSupported, match="training graph"):
            getattr(impl, backward)(np.ones((1, 1, 2, 2), np.float32), x, 2)
    with pytest.raises(NotSupported, match="training graph"):
        impl.max_unpool_backward(x, np.zeros((1, 1, 2, 2), np.int64))
    with pytest.raises(NotSupported, match="divisor_override"):
        impl.avg_pool(x, 2, divisor_override=3)
    with pytest.raises(NotSupported, match="training graph"):
        impl.lp_pool_backward(np.ones((1, 1, 2, 2), np.float32), x, 2, 2)
    with pytest.raises(NotSupported, match="integer p"):
        impl.lp_pool(x, 2.5, 2)
    with pytest.raises(NotSupported, match="implementation"):
        impl.lp_pool(x.astype(np.float64), 2, 2)  # LpPool's CPU kernel is float32 only
    # ONNX has no adaptive pooling operator.
    for adaptive in ("adaptive_max_pool", "adaptive_avg_pool"):
        with pytest.raises(NotSupported, match="no adaptive pooling"):
            getattr(impl, adaptive)(x, 2)
        with pytest.raises(NotSupported, match="no adaptive pooling"):
            getattr(impl, f"{adaptive}_backward")(np.ones((1, 1, 2, 2), np.float32), x, 2)


def test_onnxruntime_lp_pool_p1_p2():
    impl = adapter("onnxruntime_pooling")
    rng = np.random.default_rng(17)
    # Small integers: every |x|^p and sum is exact, and so is the root of p = 1; padding
    # and ceil mode give windows that overhang the input.
    x = rng.integers(-8, 9, size=(2, 3, 5, 6)).astype(np.float32)
    for p in (1, 2, 2.0):
        params = dict(kernel_size=3, stride=2, padding=[[1, 0], [0, 1]], ceil_mode=True)
        assert same(impl.lp_pool(x, p, **params), pooling.lp_pool(x, p, **params))


def test_onnxruntime_asymmetric_padding_and_same():
    impl = adapter("onnxruntime_pooling")
    x = CHAPTER_X.astype(np.float32)
    for padding in ([[0, 1], [1, 0]], "same"):
        want_y, want_idx = pooling.max_pool(x, 3, stride=2, padding=padding, return_indices=True)
        got_y, got_idx = impl.max_pool(x, 3, stride=2, padding=padding, return_indices=True)
        assert same(got_y, want_y) and same(got_idx, want_idx)


def test_jax_not_supported_and_dilation():
    impl = adapter("jax_pooling")
    x = CHAPTER_X
    with pytest.raises(NotSupported, match="indices"):
        impl.max_pool(x, 2, return_indices=True)
    with pytest.raises(NotSupported, match="indices"):
        impl.global_max_pool(x, return_indices=True)
    params = dict(kernel_size=2, stride=1, padding=[[1, 0], [0, 1]], dilation=2)
    assert same(impl.max_pool(x, **params), pooling.max_pool(x, **params))


# ------------------------------------------------------------------ differences files

DIFFERENCE_FILES = sorted(ADAPTERS.glob("*.differences.yaml"))
CASES = {c.id: c for c in load_all()}
OUTPUTS = {"y", "indices", "dx", "accepted"}


def test_every_adapter_has_a_differences_file():
    names = {p.name.removesuffix(".differences.yaml") for p in DIFFERENCE_FILES}
    assert names == set(FRAMEWORKS)


@pytest.mark.parametrize("path", DIFFERENCE_FILES, ids=lambda p: p.name)
def test_differences_file(path):
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries
    rules = [e.get("rule") for e in entries]
    assert len(set(rules)) == len(rules), "rules must be unique"
    for entry in entries:
        where = f"{path.name}, rule {entry.get('rule')!r}"
        assert set(entry) == {"rule", "outputs", "why", "fixtures"}, where
        assert isinstance(entry["why"], str) and entry["why"].strip().endswith("."), where
        assert entry["outputs"] and set(entry["outputs"]) <= OUTPUTS, where
        assert entry["fixtures"], where
        for fid in entry["fixtures"]:
            assert fid in CASES, f"{where}: no fixture {fid!r}"
            case = CASES[fid]
            if case.is_error:
                assert entry["outputs"] == ["accepted"], f"{where}: {fid} is an error case"
            else:
                # An unpooling case's indices are an input, not an output.
                has = {f for f in ("y", "indices", "dx") if f in case.arrays}
                has -= {"indices"} if case.op == "max_unpool" else set()
                assert set(entry["outputs"]) & set(has), f"{where}: {fid} has only {has}"
