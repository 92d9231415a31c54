"""A fixture case as MATLAB calls: the suite's one MATLAB call form.

Both routes to MATLAB use it: the harness sends these calls to Octave through
oct2py, and ``fixtures/fixtures.mat`` stores them for ``matlab/run_conformance.m``.
A call is ``pooling.<function>`` with the arrays in MATLAB's [spatial..., C, N]
layout, indices 1-based, parameters in MATLAB's form, then 'SpatialDims' and
the options in the fixture's order, then the optional inputs the case switches
on ('Indices', IDX); each runner appends 'Method', METHOD.
What differs between operators comes from ``conformance/operators.py``.
"""

from dataclasses import dataclass

import numpy as np

from ..operators import OPERATORS, switched_on
from . import layout


@dataclass(frozen=True)
class MatlabCall:
    """``function`` (e.g. 'pooling.max_pool'), ``args`` (no 'Method'), ``outputs`` (names)."""

    function: str
    args: tuple
    outputs: tuple


def matlab_value(name, value):
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
    """MATLAB cannot tell the number of spatial axes from an array, so the caller says it."""
    r = array.ndim - 2
    return r if 1 <= r <= 3 else 3


def _per_axis(value, rank):
    return value if isinstance(value, list) else [value] * rank


def indices_target(case, call):
    """Fixture shape of the array ``call``'s MATLAB indices count into."""
    a = case.arrays
    if call.indices_into != "output_size":
        return a[call.indices_into].shape
    size = _per_axis(case.params["output_size"], a["x"].ndim - 2)
    return a["x"].shape[:2] + tuple(size)


def _argument(case, call, name):
    a = case.arrays
    if name == "indices":
        target = indices_target(case, call)
        return layout.to_matlab(layout.matlab_indices(a["indices"], target, strict=False))
    if name in a:
        return layout.to_matlab(a[name])
    param = {p.name: p for p in OPERATORS[case.op].params}[name]
    value = case.params[name]
    if param.per_axis_in_matlab:
        value = _per_axis(value, a["x"].ndim - 2)
    return matlab_value(name, value)


def matlab_call(case, function):
    """The ``MatlabCall`` of ``pooling.<function>`` for ``case``."""
    op = OPERATORS[case.op]
    call = op.calls[function]
    args = [_argument(case, call, name) for name in call.args]
    if call.spatial_dims:
        args += ["SpatialDims", float(spatial_dims(case.arrays[call.spatial_dims]))]
    if call.options:
        names = {p.name: p.matlab for p in op.params if p.matlab}
        for name, value in case.params.items():
            if name in names:
                args += [names[name], matlab_value(name, value)]
    for optional in switched_on(call, case.params):
        args += [optional.matlab, _argument(case, call, optional.field)]
    return MatlabCall(call.matlab, tuple(args), call.outputs)


def matlab_calls(case):
    """Every call a case makes: its ``call`` (error case), else forward (and backward)."""
    if case.is_error:
        return [matlab_call(case, case.call)]
    op = OPERATORS[case.op]
    _, outputs = op.fields(case.dtype)
    calls = [matlab_call(case, op.forward.name)]
    if any(name in outputs for name in op.backward.outputs):
        calls.append(matlab_call(case, op.backward.name))
    return calls


def matlab_expected(case):
    """The golden outputs as MATLAB reports them, in fixture layout: indices 1-based
    into the array the forward call's ``indices_into`` names, as doubles."""
    op = OPERATORS[case.op]
    _, outputs = op.fields(case.dtype)
    expected = {name: case.arrays[name] for name in outputs}
    if "indices" in expected:
        target = indices_target(case, op.forward)
        expected["indices"] = layout.matlab_indices(case.arrays["indices"], target)
    return expected
