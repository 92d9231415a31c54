"""Seeded input makers of the fixture group modules: distinct values, ties, specials.

Each returns a float64 array of the given shape (``int_extremes``: of the
given integer dtype) drawn from ``numpy.random.default_rng(seed)``, so a
case's input is fixed by its seed.
"""

import numpy as np


def distinct(shape, seed):
    """All-distinct values 1..n in a seeded random order, so no tie hides a bug."""
    rng = np.random.default_rng(seed)
    return (rng.permutation(int(np.prod(shape))) + 1).reshape(shape).astype(float)


def few_values(shape, seed, values=(-1.0, 0.0, 1.0, 2.0)):
    """Values drawn from a small set: ties in almost every window."""
    rng = np.random.default_rng(seed)
    return rng.choice(values, size=shape)


def mixed_specials(shape, seed):
    """Ties, NaN, +-Inf, -0.0 and subnormals together."""
    rng = np.random.default_rng(seed)
    pool = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 5e-324, -5e-324, 1.0, -1.0, 2.0, 2.0, 3.0])
    return rng.choice(pool, size=shape)


def order_sensitive(shape, seed):
    """Values of wildly different magnitudes: any change of addition order shows."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal(shape) * np.ldexp(1.0, rng.integers(-30, 30, size=shape))


def int_extremes(dtype, shape, seed):
    """Random values of an integer dtype with its minimum and maximum mixed in."""
    info = np.iinfo(dtype)
    rng = np.random.default_rng(seed)
    pool = np.array([info.min, info.min + 1, 0, 1, info.max - 1, info.max], dtype=dtype)
    return rng.choice(pool, size=shape)
