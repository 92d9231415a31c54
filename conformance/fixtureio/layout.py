"""Between the fixtures' (N, C, *spatial) layout and MATLAB's [spatial..., C, N].

MATLAB cannot store trailing singleton dimensions, so an array coming back
from Octave may have fewer dimensions than it should; only missing trailing
ones are restored, anything else is a real shape difference and is reported.
A zero-size dimension is no singleton: an empty batch, (0, 2, 4, 4), is
4 x 4 x 2 x 0 in MATLAB and must come back so, like any other size.
"""

import numpy as np


def to_matlab(a):
    """(N, C, *spatial) -> (*spatial, C, N), the same elements."""
    r = a.ndim - 2
    return np.ascontiguousarray(np.transpose(a, tuple(range(2, 2 + r)) + (1, 0)))


def matlab_shape(shape):
    return tuple(shape[2:]) + (shape[1], shape[0])


def from_matlab(a, shape):
    """Octave's result for an array of fixture shape ``shape``, back in fixture layout.

    Returns ``None`` when the dimensions do not match even after restoring
    dropped trailing singletons, empty arrays included (an empty array of
    another size is a wrong answer too); the caller reports the shape it got.
    """
    a = np.asarray(a)
    want = matlab_shape(shape)
    fits = a.ndim <= len(want) and a.shape == want[: a.ndim] and all(
        n == 1 for n in want[a.ndim:]
    )
    if not fits:
        return None
    a = a.reshape(want)
    r = len(shape) - 2
    return np.transpose(a, (r + 1, r) + tuple(range(r)))


def matlab_indices(indices, x_shape, strict=True):
    """Python-form indices (flat row-major in each spatial plane, 0-based) as MATLAB's.

    MATLAB uses 1-based linear indices into the whole H x W x C x N array,
    column-major, as doubles.  Result in fixture layout, as an array the
    harness hands to Octave (``to_matlab``) or compares with its output.

    An index outside its plane (only in error fixtures, ``strict=False``)
    becomes the same offset from the start of its plane in MATLAB's numbering,
    so it lands outside the plane there too and MATLAB must refuse it.
    """
    spatial = tuple(x_shape[2:])
    plane = int(np.prod(spatial))
    n, c = np.indices(indices.shape[:2])
    n = np.broadcast_to(n.reshape(n.shape + (1,) * (indices.ndim - 2)), indices.shape)
    c = np.broadcast_to(c.reshape(c.shape + (1,) * (indices.ndim - 2)), indices.shape)
    inside = (indices >= 0) & (indices < plane)
    if strict and not inside.all():
        raise ValueError(f"indices outside a plane of {plane} elements")
    if plane == 0:  # an empty output (error fixtures only): nothing is inside
        return (plane * (c + x_shape[1] * n) + indices + 1).astype(np.float64)
    subs = np.unravel_index(np.where(inside, indices, 0), spatial)
    linear = np.ravel_multi_index(subs + (c, n), matlab_shape(x_shape), order="F")
    # Out-of-plane indices keep their offset from the plane's first element.
    outside = plane * (c + x_shape[1] * n) + indices
    return (np.where(inside, linear, outside) + 1).astype(np.float64)
