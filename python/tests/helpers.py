"""What the package's tests share: drawn inputs, the bit comparison, refusals."""

import numpy as np
import pytest
from hypothesis import strategies as st

import pooling

# NaN, both infinities, both zeros, the smallest subnormals and ties: the values a
# careless comparison or sum gets wrong.
SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 5e-324, -5e-324, 1.0, 1.0, 2.0, -1.0])
KINDS = ["distinct", "ties", "specials", "magnitudes"]

# Windowed and global max and average pooling, each with the positional arguments
# after ``x`` the tests pass (a 2 x 2 kernel; global pooling takes none), and
# their backwards with the same arguments after ``(dy, x)``.
FORWARDS = [
    (pooling.max_pool, (2,)),
    (pooling.avg_pool, (2,)),
    (pooling.global_max_pool, ()),
    (pooling.global_avg_pool, ()),
]
BACKWARDS = [(getattr(pooling, f"{fn.__name__}_backward"), args) for fn, args in FORWARDS]


def drawn_input(draw, shape, dtype, kinds=KINDS, specials=SPECIALS):
    """``(x, rng)``: ``x`` of ``shape`` and ``dtype``, filled the way a drawn kind says.

    kinds: "distinct" (a permutation of 0..size-1), "ties" (-1, 0, 1), "specials"
    (drawn from ``specials``), "magnitudes" (normal values times 2^-30..2^29).
    Integer dtypes get their extremes, 0 and 1 whatever the kind.  ``rng``, the
    seeded generator that drew ``x``, is for the caller's gradients.
    """
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    kind = draw(st.sampled_from(kinds))
    if np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        x = rng.choice(np.array([info.min, 0, 1, info.max], dtype=dtype), size=shape)
    elif kind == "distinct":
        x = rng.permutation(int(np.prod(shape))).reshape(shape)
    elif kind == "ties":
        x = rng.integers(-1, 2, size=shape)
    elif kind == "magnitudes":
        x = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-30, 30, size=shape))
    else:
        x = rng.choice(specials, size=shape)
    # A special too large for float32 becomes inf, as intended.
    with np.errstate(over="ignore"):
        return x.astype(dtype), rng


@st.composite
def pooling_calls(draw, integers=False):
    """``(x, params, rng)``: an input and the keyword arguments of a windowed pooling call.

    Rank 1 to 3, kernel, stride 1 to 3, dilation 1 to 2, explicit padding (less
    than the dilated kernel per side), "same" or "valid", either ceil mode;
    float32 and float64, and with ``integers`` four integer dtypes.
    """
    rank = draw(st.integers(1, 3))
    k = [draw(st.integers(1, 3)) for _ in range(rank)]
    s = [draw(st.integers(1, 3)) for _ in range(rank)]
    d = [draw(st.integers(1, 2)) for _ in range(rank)]
    e = [d[a] * (k[a] - 1) + 1 for a in range(rank)]
    pads = [(draw(st.integers(0, e[a] - 1)), draw(st.integers(0, e[a] - 1))) for a in range(rank)]
    ceil_mode = draw(st.booleans())
    size = [e[a] + draw(st.integers(0, 4)) for a in range(rank)]
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 2)), *size)
    dtypes = [np.float32, np.float64]
    if integers:
        dtypes += [np.int8, np.uint16, np.int64, np.uint64]
    x, rng = drawn_input(draw, shape, draw(st.sampled_from(dtypes)))
    padding = draw(st.sampled_from([[list(p) for p in pads], "same", "valid"]))
    params = dict(kernel_size=k, stride=s, padding=padding, dilation=d, ceil_mode=ceil_mode)
    return x, params, rng


def unless_refused(identifier, fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, or None where it raises ``PoolingError`` ``identifier``.

    For drawn arguments that may legitimately be refused (a window of padding
    only: ``pooling:emptyWindow``); any other refusal fails the test.
    """
    try:
        return fn(*args, **kwargs)
    except pooling.PoolingError as exc:
        assert exc.identifier == identifier, str(exc)
        return None


def same_bits(a, b):
    """True when ``a`` and ``b`` hold the same bits (any NaN matches any NaN)."""
    assert a.dtype == b.dtype and a.shape == b.shape, (a.dtype, b.dtype, a.shape, b.shape)
    if a.dtype.kind == "f":
        uint = np.dtype(f"u{a.dtype.itemsize}")
        nan = np.isnan(a) & np.isnan(b)
        return bool(np.all(nan | (a.view(uint) == b.view(uint))))
    return bool(np.array_equal(a, b))


def order_sensitive(rng, shape, dtype):
    """Normal values times 2^-25..2^24: any change in the order of a sum shows in its bits."""
    g = rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-25, 25, shape))
    return g.astype(dtype)


def refusal(identifier, fn, *args, **kwargs):
    """The message of the ``PoolingError`` that ``fn(*args, **kwargs)`` must raise."""
    with pytest.raises(pooling.PoolingError) as info:
        fn(*args, **kwargs)
    assert info.value.identifier == identifier, str(info.value)
    return str(info.value)


def fast_equals_naive(fn, *args, refusal=None, **kwargs):
    """The fast path's ``fn(*args, **kwargs)``, once the naive loops have given its bits.

    ``fn`` returns an array or a tuple of arrays.  With ``refusal``, the fast
    path may refuse the call with that identifier (see ``unless_refused``): then
    None, and the naive loops are not asked.
    """
    fast = (fn(*args, **kwargs) if refusal is None
            else unless_refused(refusal, fn, *args, **kwargs))
    if fast is not None:
        naive = fn(*args, method="naive", **kwargs)
        pairs = zip(fast, naive, strict=True) if isinstance(fast, tuple) else [(fast, naive)]
        for number, (a, b) in enumerate(pairs):
            assert same_bits(a, b), f"output {number} of {fn.__name__}: fast != naive"
    return fast
