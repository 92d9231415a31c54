"""Fixture in, calls out: how each language is asked to run one case.

A result is a dict: the outputs by fixture name (``y``, ``indices``, ``dx``)
in fixture layout, or ``{"error": identifier, "message": text}``, or
``{"returned": True}`` when an error case's call returned instead of raising.
"""

import numpy as np

from . import layout
from .fixture_format import fields

# Each language runs every case through its default vectorised path and through
# the naive reference, so both are held to the fixtures.
METHODS = ("fast", "naive")


def forward_name(case):
    return case.op


def backward_name(case):
    return case.op + "_backward"


# ------------------------------------------------------------------ Python


def _python_call(case, function, method):
    """Call ``pooling.<function>`` with the case's arrays and parameters."""
    import pooling

    a, params = case.arrays, dict(case.params)
    func = getattr(pooling, function)
    if case.op == "max_unpool":
        if function == "max_unpool":
            return func(a["x"], a["indices"], params["output_size"], method=method)
        return func(a["dy"], a["indices"], method=method)
    if function.endswith("_backward"):
        return func(a["dy"], a["x"], method=method, **params)
    if case.op in ("max_pool", "global_max_pool"):
        return func(a["x"], return_indices=True, method=method, **params)
    return func(a["x"], method=method, **params)


def run_python(case, method):
    import pooling

    before = {name: a.copy() for name, a in case.arrays.items()}
    try:
        return _run_python(case, method, pooling)
    finally:
        for name, a in before.items():
            # A reference implementation never changes what it was given.
            if a.tobytes() != case.arrays[name].tobytes():
                raise AssertionError(f"{case.id} [python, method={method}]: {name} was modified")


def _run_python(case, method, pooling):
    try:
        if case.is_error:
            _python_call(case, case.call, method)
            return {"returned": True}
        inputs, outputs = fields(case.op, case.dtype)
        result = {}
        forward = _python_call(case, forward_name(case), method)
        if "indices" in outputs:
            result["y"], result["indices"] = forward
        else:
            result["y"] = forward
        if "dx" in outputs:
            result["dx"] = _python_call(case, backward_name(case), method)
    except pooling.PoolingError as exc:
        return {"error": exc.identifier, "message": str(exc)}
    return result


# ------------------------------------------------------------------ Octave

_OPTION_NAMES = {"stride": "Stride", "padding": "Padding", "dilation": "Dilation",
                 "ceil_mode": "CeilMode", "count_include_pad": "CountIncludePad",
                 "divisor_override": "DivisorOverride"}


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


def spatial_dims(array):
    """MATLAB cannot tell the number of spatial axes from an array, so the harness says it."""
    r = array.ndim - 2
    return r if 1 <= r <= 3 else 3


def _octave_call(case, function, method):
    """``(name, args, nout)`` of one call of ``pooling.<function>`` in MATLAB layout."""
    a = case.arrays
    nout = 2 if function in ("max_pool", "global_max_pool") else 1
    tail = ("Method", method)
    if case.op == "max_unpool":
        size = case.params["output_size"]
        r = case.arrays["x"].ndim - 2
        # MATLAB takes r from numel(output_size): a scalar is written out per axis.
        size = size if isinstance(size, list) else [size] * r
        z_shape = a["x"].shape[:2] + tuple(size)
        if function == "max_unpool":
            idx = layout.to_matlab(layout.matlab_indices(a["indices"], z_shape, strict=False))
            args = (layout.to_matlab(a["x"]), idx, _matlab_value("output_size", size))
        else:
            idx = layout.matlab_indices(a["indices"], a["dy"].shape, strict=False)
            idx = layout.to_matlab(idx)
            args = (layout.to_matlab(a["dy"]), idx, "SpatialDims", float(spatial_dims(a["dy"])))
        return (f"pooling.{function}", args + tail, nout)
    x = layout.to_matlab(a["x"])
    lead = (layout.to_matlab(a["dy"]), x) if function.endswith("_backward") else (x,)
    options = ["SpatialDims", float(spatial_dims(a["x"]))]
    if not case.op.startswith("global_"):
        lead += (_matlab_value("kernel_size", case.params["kernel_size"]),)
        for name, value in case.params.items():
            if name in _OPTION_NAMES:
                options += [_OPTION_NAMES[name], _matlab_value(name, value)]
    return (f"pooling.{function}", lead + tuple(options) + tail, nout)


def octave_calls(case, method):
    """The Octave calls for one case, as ``(function, args, nout)`` tuples."""
    if case.is_error:
        return [_octave_call(case, case.call, method)]
    _, outputs = fields(case.op, case.dtype)
    calls = [_octave_call(case, forward_name(case), method)]
    if "dx" in outputs:
        calls.append(_octave_call(case, backward_name(case), method))
    return calls


def octave_result(case, replies):
    """Turn the replies to ``octave_calls(case)`` into a result in fixture layout."""
    for _, identifier, message in replies:
        if identifier or message:
            return {"error": identifier, "message": message}
    if case.is_error:
        return {"returned": True}
    _, outputs = fields(case.op, case.dtype)
    shapes = {"y": case.arrays["y"].shape, "indices": case.arrays["y"].shape}
    shapes["dx"] = case.arrays["x"].shape
    got = dict(zip(["y", "indices"] if "indices" in outputs else ["y"], replies[0][0],
                   strict=False))
    if "dx" in outputs:
        got["dx"] = replies[1][0][0]
    result = {}
    for name, value in got.items():
        back = layout.from_matlab(value, shapes[name])
        result[name] = back if back is not None else np.asarray(value)
    return result


def octave_expected(case):
    """The golden outputs as MATLAB reports them (indices 1-based into x, as doubles)."""
    _, outputs = fields(case.op, case.dtype)
    expected = {name: case.arrays[name] for name in outputs}
    if "indices" in outputs:
        expected["indices"] = layout.matlab_indices(case.arrays["indices"],
                                                    case.arrays["x"].shape)
    return expected
