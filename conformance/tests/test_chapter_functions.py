"""The chapter's self-contained 2-D functions against every golden fixture they can express.

docs/chapter/python/chapter_pooling.py and docs/chapter/matlab/*.m are what a
student types in from docs/pooling.md: one (H, W) plane, a k x k window,
stride s, p positions of padding on every side.  Every fixture they can
express (max_pool and avg_pool, 2-D, float, a square kernel, one stride and
one symmetric pad for both axes, no dilation, no ceil mode, and for average
pooling the default divisor) is run through them plane by plane, forward and
backward, and must give the fixture's bits: ``y``, ``indices`` (max) and
``dx``.  The Python side always runs; the MATLAB side runs in Octave.
"""

import pathlib
import sys

import numpy as np
import pytest

from conformance.fixtureio.reader import load_all

ROOT = pathlib.Path(__file__).resolve().parents[2]
MATLAB_DIR = ROOT / "docs" / "chapter" / "matlab"
sys.path.insert(0, str(ROOT / "docs" / "chapter" / "python"))

import chapter_pooling  # noqa: E402  (docs/chapter/python is not a package)


def _same(value):
    """The one int a scalar or an all-equal list holds, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, list) and value and all(isinstance(v, int) and not isinstance(v, bool)
                                                 and v == value[0] for v in value):
        return value[0]
    return None


def chapter_params(case):
    """``(k, s, p)`` when the chapter's functions can express ``case``, else None."""
    p = case.params
    if case.is_error or case.op not in ("max_pool", "avg_pool"):
        return None
    if case.dtype not in ("float32", "float64") or case.arrays["x"].ndim != 4:
        return None
    k = _same(p["kernel_size"])
    s = k if p.get("stride") is None else _same(p["stride"])
    pad = p.get("padding", 0)
    if isinstance(pad, list) and pad and isinstance(pad[0], list):
        pad = [a for a, b in pad if a == b] if all(a == b for a, b in pad) else None
    pad = _same(pad) if pad is not None else None
    dilation = 1 if p.get("dilation") is None else _same(p["dilation"])
    if None in (k, s, pad) or dilation != 1 or p.get("ceil_mode", False):
        return None
    if case.op == "avg_pool" and (not p.get("count_include_pad", True)
                                  or p.get("divisor_override") is not None):
        return None
    return k, s, pad


CASES = [c for c in load_all() if chapter_params(c) is not None]


def test_the_chapter_functions_cover_many_fixtures():
    ops = {c.op for c in CASES}
    assert ops == {"max_pool", "avg_pool"}, ops
    assert len(CASES) >= 30, f"only {len(CASES)} fixtures expressible"


def _planes(case):
    x = case.arrays["x"]
    return [(n, c) for n in range(x.shape[0]) for c in range(x.shape[1])]


def _check(case, name, got, want, where):
    """Bit for bit, NaN compared as a class (SPEC section 5: its payload is not pinned)."""
    got = np.asarray(got)
    assert got.shape == want.shape and got.dtype == want.dtype, (
        f"{case.id} {where}: {name} is {got.dtype}{got.shape}, fixture {want.dtype}{want.shape}")
    if want.dtype.kind == "f":
        nan = np.isnan(want)
        same = (np.isnan(got) == nan) & ((got.view(f"u{got.itemsize}")
                                          == want.view(f"u{want.itemsize}")) | nan)
    else:
        same = got == want
    if not same.all():
        at = tuple(int(i) for i in np.argwhere(~same)[0])
        g, w = got[at], want[at]
        show = (lambda v: float(v).hex()) if want.dtype.kind == "f" else int
        pytest.fail(f"{case.id} {where}: {name}{list(at)} is {show(g)}, fixture {show(w)} "
                    f"(SPEC.md sections 5-8)", pytrace=False)


# numpy warns on inf - inf and on overflow, which fixtures such as
# avg-2d-mixed-specials do on purpose; the values are checked instead.
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_python(case):
    k, s, p = chapter_params(case)
    a = case.arrays
    for n, c in _planes(case):
        x, dy = a["x"][n, c], a["dy"][n, c]
        where = f"python (n={n}, c={c}), k={k} s={s} p={p}"
        if case.op == "max_pool":
            y, indices = chapter_pooling.max_pool_2d(x, k, s, p)
            _check(case, "y", y, a["y"][n, c], where)
            _check(case, "indices", indices, a["indices"][n, c], where)
            dx = chapter_pooling.max_pool_2d_backward(dy, x, k, s, p)
        else:
            _check(case, "y", chapter_pooling.avg_pool_2d(x, k, s, p), a["y"][n, c], where)
            dx = chapter_pooling.avg_pool_2d_backward(dy, x, k, s, p)
        _check(case, "dx", dx, a["dx"][n, c], where)


@pytest.fixture(scope="module")
def chapter_octave(octave):
    octave.engine.addpath(str(MATLAB_DIR))
    return octave.engine


def _matrix(value):
    """An Octave result as a 2-D array, its class kept (single is float32, double float64)."""
    return np.atleast_2d(np.asarray(value))


@pytest.mark.octave
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_octave(case, chapter_octave):
    k, s, p = (float(v) for v in chapter_params(case))  # doubles, as typed at the prompt
    a = case.arrays
    for n, c in _planes(case):
        x, dy = a["x"][n, c], a["dy"][n, c]
        where = f"octave (n={n}, c={c}), k={k:g} s={s:g} p={p:g}"
        want_y = a["y"][n, c]
        if case.op == "max_pool":
            y, idx = chapter_octave.feval("max_pool_2d", x, k, s, p, nout=2)
            y, idx = _matrix(y), _matrix(idx)
            _check(case, "y", y.reshape(want_y.shape), want_y, where)
            # MATLAB's idx is linear into the plane, 1-based and column-major.
            rows, cols = np.divmod(idx.reshape(want_y.shape).astype(np.int64) - 1, x.shape[0])
            _check(case, "indices", cols * x.shape[1] + rows, a["indices"][n, c], where)
            dx = chapter_octave.feval("max_pool_2d_backward", dy, x, k, s, p)
        else:
            y = chapter_octave.feval("avg_pool_2d", x, k, s, p)
            _check(case, "y", _matrix(y).reshape(want_y.shape), want_y, where)
            dx = chapter_octave.feval("avg_pool_2d_backward", dy, x, k, s, p)
        _check(case, "dx", _matrix(dx).reshape(x.shape), a["dx"][n, c], where)


def test_the_chapter_lists_every_one_of_them():
    """docs/pooling.md shows these functions, not copies: a listing marker for each."""
    text = (ROOT / "docs" / "pooling.md").read_text(encoding="utf-8")
    for name in ("max_pool_2d", "max_pool_2d_backward", "avg_pool_2d", "avg_pool_2d_backward"):
        assert f"<!-- listing: docs/chapter/python/chapter_pooling.py:{name} -->" in text, name
        assert f"<!-- listing: docs/chapter/matlab/{name}.m -->" in text, name
