"""Fixture in, calls out: how each language is asked to run one case.

A result is a dict: the outputs by fixture name (``y``, ``indices``, ``dx``)
in fixture layout, or ``{"error": identifier, "message": text}``.
"""

import numpy as np

from . import layout

OUTPUT_NAMES = ("y", "indices", "dx")
# Each language runs every case through its default vectorised path and through
# the naive reference, so both are held to the fixtures.
METHODS = ("fast", "naive")


# ------------------------------------------------------------------ Python


def run_python(case, method):
    import pooling

    x = case.arrays["x"]
    params = dict(case.params, method=method)
    try:
        if case.is_error:
            if case.call == "max_pool_backward":
                pooling.max_pool_backward(case.arrays["dy"], x, **params)
            else:
                pooling.max_pool(x, return_indices=True, **params)
            return {"returned": True}
        y, indices = pooling.max_pool(x, return_indices=True, **params)
        dx = pooling.max_pool_backward(case.arrays["dy"], x, **params)
    except pooling.PoolingError as exc:
        return {"error": exc.identifier, "message": str(exc)}
    return {"y": y, "indices": indices, "dx": dx}


# ------------------------------------------------------------------ Octave

_OPTION_NAMES = {"stride": "Stride", "padding": "Padding", "dilation": "Dilation",
                 "ceil_mode": "CeilMode"}


def _matlab_value(name, value):
    """A fixture parameter as MATLAB would write it (doubles, rows, a 2-by-r pad matrix)."""
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, list):
        if name == "padding" and value and all(isinstance(p, list) for p in value):
            # (before, after) pairs per axis -> [before; after], the Toolbox's form.
            return np.array(value, dtype=np.float64).T.copy()
        return np.array([value], dtype=np.float64)
    return float(value)


def spatial_dims(case):
    """MATLAB cannot tell the number of spatial axes from x, so the harness says it."""
    r = case.arrays["x"].ndim - 2
    return r if 1 <= r <= 3 else 3


def octave_calls(case, method):
    """The Octave calls for one case, as ``(function, args, nout)`` tuples."""
    x = layout.to_matlab(case.arrays["x"])
    options = []
    for name, value in case.params.items():
        if name in _OPTION_NAMES:
            options += [_OPTION_NAMES[name], _matlab_value(name, value)]
    options += ["SpatialDims", float(spatial_dims(case)), "Method", method]
    kernel = _matlab_value("kernel_size", case.params["kernel_size"])
    forward = ("pooling.max_pool", (x, kernel, *options), 2)
    if "dy" in case.arrays:
        dy = layout.to_matlab(case.arrays["dy"])
        backward = ("pooling.max_pool_backward", (dy, x, kernel, *options), 1)
    if case.is_error:
        return [backward if case.call == "max_pool_backward" else forward]
    return [forward, backward]


def octave_result(case, replies):
    """Turn the replies to ``octave_calls(case)`` into a result in fixture layout."""
    for _, identifier, message in replies:
        if identifier or message:
            return {"error": identifier, "message": message}
    if case.is_error:
        return {"returned": True}
    (y, idx), (dx,) = replies[0][0], replies[1][0]
    result = {}
    for name, value, like in (("y", y, "y"), ("indices", idx, "y"), ("dx", dx, "x")):
        shape = case.arrays[like].shape
        back = layout.from_matlab(value, shape)
        result[name] = back if back is not None else np.asarray(value)
    return result


def octave_expected(case):
    """The golden outputs as MATLAB reports them (indices 1-based into x, as doubles)."""
    expected = {name: case.arrays[name] for name in OUTPUT_NAMES}
    expected["indices"] = layout.matlab_indices(case.arrays["indices"], case.arrays["x"].shape)
    return expected
