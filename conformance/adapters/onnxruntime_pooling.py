"""ONNX Runtime (CPU, one thread) as an implementation of conformance/contract.py, forward only.

Each call builds a one-node model in memory with the ``onnx`` helper API
(MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool, MaxUnpool, LpPool)
and runs it.  Every attribute is written out, since ONNX's defaults are not the
contract's (stride 1 rather than the kernel, ``count_include_pad`` 0 rather
than 1).  ONNX indices are flat over the whole ``(N, C, *spatial)`` tensor
(``storage_order`` 0) and are converted to the contract's flat index within
each (n, c) plane, and back for MaxUnpool.  A dtype the operator's type
constraints or ONNX Runtime's kernels lack, a non-integer Lp order (LpPool's
``p`` is an integer attribute), adaptive pooling (ONNX has no such operator)
and the backward passes raise ``NotSupported``.
"""

import math
import numbers

import numpy as np

from ..contract import NotSupported
from . import framework
from ._params import per_axis, window_params

onnxruntime, helper = framework(__name__, "onnx and onnxruntime", "onnxruntime", "onnx.helper")

FRAMEWORK = "ONNX Runtime"
VERSION = onnxruntime.__version__
# AveragePool has dilations from opset 19 on; the newest opset both onnx and ONNX
# Runtime know keeps the operators' current definitions.
OPSET = 22
IR_VERSION = 10

_ERRORS = onnxruntime.capi.onnxruntime_pybind11_state
# A dtype outside the operator's type constraints, or one ONNX Runtime has no kernel
# for: limits of the framework, not refusals of the call.
# ONNX Runtime also refuses a pad as large as the kernel, which the contract allows up to
# the effective (dilated) window minus one.
_LIMITS = ("Could not find an implementation", "Type Error: Type '",
           "Pad should be smaller than kernel")
NO_BACKWARD = "ONNX Runtime has no training graph here: forward only"
NO_ADAPTIVE = "ONNX has no adaptive pooling operator (only fixed windows and the global pools)"


def _options():
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # A refused model is reported through the exception; the log would repeat it on stderr.
    options.log_severity_level = 4
    return options


def _info(name, dtype, rank):
    # Dimensions are left unknown, so ONNX Runtime works out the output shape itself.
    return helper.make_tensor_value_info(name, helper.np_dtype_to_tensor_dtype(np.dtype(dtype)),
                                         [None] * rank)


def _run(op, inputs, outputs, attrs):
    """Run a one-node model; ``inputs`` maps names to arrays, ``outputs`` names to dtypes."""
    node = helper.make_node(op, list(inputs), list(outputs), **attrs)
    graph = helper.make_graph(
        [node], f"one_{op}",
        [_info(n, a.dtype, a.ndim) for n, a in inputs.items()],
        [_info(n, d, next(iter(inputs.values())).ndim) for n, d in outputs.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    try:
        session = onnxruntime.InferenceSession(model.SerializeToString(), _options(),
                                               providers=["CPUExecutionProvider"])
    except (_ERRORS.NotImplemented, _ERRORS.InvalidGraph, _ERRORS.Fail) as exc:
        text = str(exc).strip()
        if any(p in text for p in _LIMITS):
            raise NotSupported(f"ONNX Runtime refuses the model: {text[:200]}") from exc
        raise
    return session.run(None, {n: np.ascontiguousarray(a) for n, a in inputs.items()})


def _input(x):
    x = np.asarray(x)
    if not 1 <= x.ndim - 2 <= 3:
        raise ValueError(f"x must have 1 to 3 spatial axes after (N, C); got shape {x.shape}")
    return x


def _plane_base(shape):
    """Flat offset of each (n, c) plane in the whole tensor, shaped to broadcast over a plane."""
    n, c = shape[:2]
    plane = int(np.prod(shape[2:]))
    base = (np.arange(n)[:, None] * c + np.arange(c)[None, :]) * plane
    return base.reshape((n, c) + (1,) * (len(shape) - 2)).astype(np.int64)


def _flag(value):
    # A bool becomes ONNX's 0/1; anything else passes as it is, for ONNX Runtime to judge.
    return int(value) if isinstance(value, (bool, np.bool_)) else value


def _window_attrs(x, kernel_size, stride, padding, dilation, ceil_mode):
    r = x.ndim - 2
    k, s, pairs, d = window_params(r, kernel_size, stride, padding, dilation)
    attrs = {"kernel_shape": k, "strides": s, "dilations": d, "ceil_mode": _flag(ceil_mode)}
    if pairs == "same":
        attrs["auto_pad"] = "SAME_UPPER"  # the extra pad at the end, as the contract's 'same'
    elif isinstance(pairs, str):
        attrs["auto_pad"] = pairs  # not a form the contract has: ONNX Runtime judges it
    else:
        attrs["pads"] = [b for b, _ in pairs] + [a for _, a in pairs]
    return attrs


def max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             return_indices=False):
    """MaxPool: y (N, C, *out) and, from its second output, int64 indices within each plane."""
    x = _input(x)
    attrs = _window_attrs(x, kernel_size, stride, padding, dilation, ceil_mode)
    attrs["storage_order"] = 0
    if not return_indices:
        return _run("MaxPool", {"x": x}, {"y": x.dtype}, attrs)[0]
    y, idx = _run("MaxPool", {"x": x}, {"y": x.dtype, "indices": np.int64}, attrs)
    return y, idx - _plane_base(x.shape)


def avg_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             count_include_pad=True, divisor_override=None):
    """AveragePool: y (N, C, *out)."""
    x = _input(x)
    if divisor_override is not None:
        raise NotSupported("divisor_override (ONNX's AveragePool has none)")
    attrs = _window_attrs(x, kernel_size, stride, padding, dilation, ceil_mode)
    attrs["count_include_pad"] = _flag(count_include_pad)
    return _run("AveragePool", {"x": x}, {"y": x.dtype}, attrs)[0]


def global_max_pool(x, return_indices=False):
    """GlobalMaxPool: y (N, C, 1, ...).

    GlobalMaxPool has no indices output; with ``return_indices`` the call is
    MaxPool with one window the size of the plane, ONNX's spelling of the
    same reduction with indices.
    """
    x = _input(x)
    if return_indices:
        return max_pool(x, list(x.shape[2:]), return_indices=True)
    return _run("GlobalMaxPool", {"x": x}, {"y": x.dtype}, {})[0]


def global_avg_pool(x):
    """GlobalAveragePool: y (N, C, 1, ...)."""
    x = _input(x)
    return _run("GlobalAveragePool", {"x": x}, {"y": x.dtype}, {})[0]


def max_unpool(y, indices, output_size):
    """MaxUnpool with ``output_shape``: z (N, C, *output_size)."""
    y = _input(y)
    r = y.ndim - 2
    size = per_axis(output_size, r)
    if not isinstance(size, list) or len(size) != r:
        raise ValueError(f"output_size must be an int or {r} ints; got {output_size!r}")
    # MaxUnpool infers a shape from kernel, strides and pads, (in - 1)*s - pads + k, and
    # then takes output_shape; stride 1 with these kernels and end pads infers exactly
    # output_shape, so the attributes only translate the call.
    kernel = [max(want - m + 1, 1) for m, want in zip(y.shape[2:], size, strict=True)]
    end_pads = [max(m - want, 0) for m, want in zip(y.shape[2:], size, strict=True)]
    attrs = {"kernel_shape": kernel, "strides": [1] * r, "pads": [0] * r + end_pads}
    shape = y.shape[:2] + tuple(size)
    whole = np.asarray(indices).astype(np.int64) + _plane_base(shape)
    inputs = {"x": y, "i": whole, "output_shape": np.array(shape, dtype=np.int64)}
    return _run("MaxUnpool", inputs, {"z": y.dtype}, attrs)[0]


def _order(p):
    """``p`` as LpPool's integer attribute; a number that is not a whole one is NotSupported.

    Anything that is not a number passes as it is, for ONNX Runtime to judge.
    """
    if isinstance(p, (bool, np.bool_)):
        return p
    if isinstance(p, numbers.Integral):
        return int(p)
    if isinstance(p, numbers.Real):
        if not math.isfinite(p) or p != int(p):
            raise NotSupported(f"p = {p!r} (ONNX's LpPool takes an integer p only)")
        return int(p)
    return p


def lp_pool(x, p, kernel_size, stride=None, padding=0, ceil_mode=False):
    """LpPool: y (N, C, *out), ONNX's norm (sum of |x|^p)^(1/p) over each window."""
    x = _input(x)
    attrs = _window_attrs(x, kernel_size, stride, padding, 1, ceil_mode)
    attrs["p"] = _order(p)
    return _run("LpPool", {"x": x}, {"y": x.dtype}, attrs)[0]


def _no_backward(*args, **kwargs):
    raise NotSupported(NO_BACKWARD)


def _no_adaptive(*args, **kwargs):
    raise NotSupported(NO_ADAPTIVE)


max_pool_backward = avg_pool_backward = lp_pool_backward = _no_backward
global_max_pool_backward = global_avg_pool_backward = max_unpool_backward = _no_backward
adaptive_max_pool = adaptive_avg_pool = _no_adaptive
adaptive_max_pool_backward = adaptive_avg_pool_backward = _no_adaptive

__all__ = ["adaptive_avg_pool", "adaptive_avg_pool_backward", "adaptive_max_pool",
           "adaptive_max_pool_backward", "avg_pool", "avg_pool_backward", "global_avg_pool",
           "global_avg_pool_backward", "global_max_pool", "global_max_pool_backward",
           "lp_pool", "lp_pool_backward", "max_pool", "max_pool_backward", "max_unpool",
           "max_unpool_backward"]
