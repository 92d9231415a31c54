"""Adaptive and Lp pooling: Python and Octave give the same bits and refuse the same calls.

A few hundred random cases per operator (ties, NaN, +-0, +-Inf, wide
magnitudes, overlapping windows, output larger than the input) run through
``pooling`` and, batched, through ``matlab/+pooling`` in Octave; results are
compared bit for bit (NaN positions, not payloads), indices after converting
MATLAB's 1-based linear form.  The one exception is Lp pooling with p other
than 1 and 2, which goes through ``pow``: numpy and Octave need not round it
alike, so there the test states the bound it holds them to (SPEC.md section
17).  The golden fixtures pin the rules; these draws look for what they miss.
"""

import numpy as np
import pytest

import pooling
from conformance.fixtureio.layout import from_matlab, matlab_indices, to_matlab

pytestmark = pytest.mark.octave

SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 5e-324, 1.0, 1.0, 2.0, -1.0, -2.0])
CASES = 150


def draw_x(rng, shape, dtype):
    kind = rng.integers(4)
    if kind == 0:
        x = rng.integers(-1, 2, size=shape)
    elif kind == 1:
        x = rng.choice(SPECIALS, size=shape)
    elif kind == 2:
        x = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-30, 30, size=shape))
    else:
        x = rng.permutation(int(np.prod(shape))).reshape(shape) - 3.0
    return x.astype(dtype)


def adaptive_cases(seed):
    rng = np.random.default_rng(seed)
    for i in range(CASES):
        r = int(rng.integers(1, 4))
        shape = (int(rng.integers(1, 3)), int(rng.integers(1, 3)),
                 *(int(n) for n in rng.integers(1, 7, size=r)))
        out = [int(o) for o in rng.integers(1, 8, size=r)]
        dtype = (np.float64, np.float32)[i % 2]
        x = draw_x(rng, shape, dtype)
        dy = np.ldexp(1.0, rng.integers(-8, 8, size=shape[:2] + tuple(out))).astype(dtype)
        yield x, out, dy


def lp_cases(seed):
    rng = np.random.default_rng(seed)
    for i in range(CASES):
        r = int(rng.integers(1, 4))
        k = [int(v) for v in rng.integers(1, 4, size=r)]
        s = [int(v) for v in rng.integers(1, 4, size=r)]
        pads = [[int(rng.integers(0, k[a])), int(rng.integers(0, k[a]))] for a in range(r)]
        shape = (int(rng.integers(1, 3)), int(rng.integers(1, 3)),
                 *(k[a] + int(rng.integers(0, 4)) for a in range(r)))
        dtype = (np.float64, np.float32)[i % 2]
        x = draw_x(rng, shape, dtype)
        p = [1, 2, 3, 4, 1.5, 2.5][i % 6]
        params = dict(kernel_size=k, stride=s, padding=pads, ceil_mode=bool(rng.integers(2)))
        y = pooling.lp_pool(x, p, **params)
        dy = (rng.standard_normal(y.shape) * 4).astype(dtype)
        yield x, p, params, dy


def ulp_distance(want, got):
    """Per element, how many representable values lie between WANT and GOT (0: same bits)."""
    bits = np.dtype(f"i{want.dtype.itemsize}")
    a, b = (v.view(bits).astype(object) for v in (want, got))
    least = int(np.iinfo(bits).min)
    # Negative floats count down from -0.0, so the integer keys are ordered like the floats.
    key = np.vectorize(lambda k: least - k if k < 0 else k, otypes=[object])
    return np.abs(key(a) - key(b)) if a.size else np.zeros(0, dtype=object)


def assert_same(want, got, what, ulps=0):
    """Bit-for-bit equal (NaN positions, not payloads), or within ULPS representable steps."""
    assert got is not None, f"{what}: Octave returned the wrong shape"
    got = np.asarray(got)
    assert got.dtype == want.dtype, f"{what}: dtype {got.dtype} against {want.dtype}"
    nan = np.isnan(want)
    assert np.array_equal(nan, np.isnan(got)), f"{what}: NaN in different places"
    far = ulp_distance(want[~nan], got[~nan]) > ulps
    bad = np.flatnonzero(far)
    if bad.size:
        a, b = want[~nan][bad[0]], got[~nan][bad[0]]
        pytest.fail(f"{what}: {bad.size} elements more than {ulps} steps apart, first "
                    f"{float(a).hex()} (Python) against {float(b).hex()} (Octave)")


def run(octave, calls):
    replies = octave.run_calls(calls)
    for (name, _, _), (_, identifier, message) in zip(calls, replies, strict=True):
        assert not identifier, f"{name}: Octave raised {identifier}: {message}"
    return [outputs for outputs, _, _ in replies]


def test_adaptive_pooling_matches_octave(octave):
    cases = list(adaptive_cases(15))
    calls = []
    for x, out, dy in cases:
        opts = ("SpatialDims", float(x.ndim - 2))
        size = [float(o) for o in out]
        xm, dym = to_matlab(x), to_matlab(dy)
        calls += [("pooling.adaptive_max_pool", (xm, size, *opts), 2),
                  ("pooling.adaptive_max_pool_backward", (dym, xm, size, *opts), 1),
                  ("pooling.adaptive_avg_pool", (xm, size, *opts), 1),
                  ("pooling.adaptive_avg_pool_backward", (dym, xm, size, *opts), 1)]
    replies = run(octave, calls)
    for n, (x, out, dy) in enumerate(cases):
        (y_m, idx_m), (dxmax_m,), (yavg_m,), (dxavg_m,) = replies[4 * n: 4 * n + 4]
        y, idx = pooling.adaptive_max_pool(x, out, return_indices=True)
        what = f"case {n} {x.dtype} {x.shape} -> {out}"
        assert_same(y, from_matlab(y_m, y.shape), f"adaptive_max_pool {what}")
        want_idx = matlab_indices(idx, x.shape)
        assert np.array_equal(from_matlab(idx_m, y.shape), want_idx), f"indices {what}"
        assert_same(pooling.adaptive_max_pool_backward(dy, x, out),
                    from_matlab(dxmax_m, x.shape), f"adaptive_max_pool_backward {what}")
        assert_same(pooling.adaptive_avg_pool(x, out), from_matlab(yavg_m, y.shape),
                    f"adaptive_avg_pool {what}")
        assert_same(pooling.adaptive_avg_pool_backward(dy, x, out),
                    from_matlab(dxavg_m, x.shape), f"adaptive_avg_pool_backward {what}")


def test_lp_pooling_matches_octave(octave):
    cases = list(lp_cases(17))
    calls = []
    for x, p, params, dy in cases:
        r = x.ndim - 2
        opts = ("Stride", [float(v) for v in params["stride"]],
                "Padding", np.array(params["padding"], dtype=float).T,
                "CeilMode", params["ceil_mode"], "SpatialDims", float(r))
        k = [float(v) for v in params["kernel_size"]]
        xm = to_matlab(x)
        calls += [("pooling.lp_pool", (xm, float(p), k, *opts), 1),
                  ("pooling.lp_pool_backward", (to_matlab(dy), xm, float(p), k, *opts), 1)]
    replies = run(octave, calls)
    for n, (x, p, params, dy) in enumerate(cases):
        (y_m,), (dx_m,) = replies[2 * n: 2 * n + 2]
        y = pooling.lp_pool(x, p, **params)
        what = f"case {n} {x.dtype} {x.shape} p={p} {params}"
        dx = pooling.lp_pool_backward(dy, x, p, **params)
        if p in (1, 2):
            # Only IEEE arithmetic and sqrt: the same bits in every conforming implementation.
            assert_same(y, from_matlab(y_m, y.shape), f"lp_pool {what}")
            assert_same(dx, from_matlab(dx_m, x.shape), f"lp_pool_backward {what}")
            continue
        # Other p take the root (and, for non-integer p, the powers) through pow, which numpy
        # may compute with its own vectorised routine instead of the C library's (SPEC.md
        # section 17): one rounding step apart in the output, and in the gradient a few
        # roundings of each share, measured against the sum of the shares' magnitudes (the
        # gradient of |x| for |dy|), since overlapping shares of opposite sign cancel.
        assert_same(y, from_matlab(y_m, y.shape), f"lp_pool {what}", ulps=1)
        got = from_matlab(dx_m, x.shape)
        assert got is not None and got.dtype == dx.dtype, f"lp_pool_backward {what}: {got!r}"
        scale = pooling.lp_pool_backward(np.abs(dy), np.abs(x), p, **params)
        limit = 8 * np.finfo(dx.dtype).eps * scale.astype(np.float64)
        gap = np.abs(dx.astype(np.float64) - got.astype(np.float64))
        nan = np.isnan(dx)
        assert np.array_equal(nan, np.isnan(got)), f"lp_pool_backward {what}: NaN places"
        far = ~((dx == got) | (gap <= limit) | nan)
        assert not far.any(), (
            f"lp_pool_backward {what}: {np.count_nonzero(far)} elements "
            f"further apart than 8 eps times the sum of their shares' magnitudes")


BAD_CALLS = [
    # (Python call, Octave call), one fault each.
    (lambda x: pooling.adaptive_max_pool(x, 0), ("pooling.adaptive_max_pool", 0.0)),
    (lambda x: pooling.adaptive_avg_pool(x, -2), ("pooling.adaptive_avg_pool", -2.0)),
    (lambda x: pooling.adaptive_avg_pool(x, [2, 2, 2]),
     ("pooling.adaptive_avg_pool", [2.0, 2.0, 2.0])),
    (lambda x: pooling.lp_pool(x, np.inf, 2), ("pooling.lp_pool", np.inf, 2.0)),
    (lambda x: pooling.lp_pool(x, 0.5, 2), ("pooling.lp_pool", 0.5, 2.0)),
    (lambda x: pooling.lp_pool(x, np.inf, 9), ("pooling.lp_pool", np.inf, 9.0)),
    (lambda x: pooling.lp_pool(x, 2, 2, padding=2),
     ("pooling.lp_pool", 2.0, 2.0, "Padding", 2.0)),
]


def test_same_refusals(octave):
    x = np.zeros((1, 1, 5, 4))
    calls = [(octave_call[0], (to_matlab(x), *octave_call[1:], "SpatialDims", 2.0), 1)
             for _, octave_call in BAD_CALLS]
    replies = octave.run_calls(calls)
    for (python_call, octave_call), (_, identifier, _) in zip(BAD_CALLS, replies, strict=True):
        with pytest.raises(pooling.PoolingError) as err:
            python_call(x)
        assert identifier == err.value.identifier, octave_call
