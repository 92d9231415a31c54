"""A fixture case run as a one-node ONNX model through ``onnx.reference.ReferenceEvaluator``.

ONNX is inference only, so only forward outputs are compared.  Attributes
are always written out: ONNX's defaults differ from ours (stride 1, not the
kernel; ``count_include_pad`` 0, not 1).  Its indices are flat over the whole
``(N, C, *spatial)`` tensor and are converted to ours (flat within a plane).
A model ``onnx.checker`` refuses (a dtype the operator does not take) is
"not supported".
"""

import numpy as np

from ..golden import oracle
from .common import Failed, NotSupported, per_axis

FRAMEWORK = "onnx"


def available():
    try:
        import onnx  # noqa: F401
        import onnx.reference  # noqa: F401
    except ImportError:
        return False
    return True


def version():
    import onnx

    return onnx.__version__


def _model(op, inputs, outputs, attrs):
    """A checked one-node model; ``inputs`` maps names to arrays, ``outputs`` to dtypes."""
    import onnx
    from onnx import helper

    def info(name, dtype, shape=None):
        return helper.make_tensor_value_info(name, helper.np_dtype_to_tensor_dtype(dtype), shape)

    node = helper.make_node(op, list(inputs), list(outputs), **attrs)
    rank = next(iter(inputs.values())).ndim
    graph = helper.make_graph(
        [node], f"one_{op}",
        [info(n, a.dtype, a.shape) for n, a in inputs.items()],
        # Output dimensions are left unknown: ONNX works them out, and they are compared.
        [info(n, np.dtype(d), [None] * rank) for n, d in outputs.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 22)])
    try:
        onnx.checker.check_model(model, full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as exc:
        first = str(exc).strip().splitlines()[0]
        return NotSupported(f"onnx.checker refuses the model: {first}")
    return model


def _evaluate(op, inputs, outputs, attrs):
    from onnx.reference import ReferenceEvaluator

    model = _model(op, inputs, outputs, attrs)
    if isinstance(model, NotSupported):
        return model
    try:
        return ReferenceEvaluator(model).run(None, inputs)
    except Exception as exc:  # noqa: BLE001 -- any crash of the reference is a result
        return Failed(f"{type(exc).__name__}: {str(exc).strip()[:200]}")


def _plane_base(shape):
    """Flat offset of each (n, c) plane's first element in the whole tensor, shaped to broadcast."""
    n, c = shape[:2]
    plane = int(np.prod(shape[2:]))
    base = (np.arange(n)[:, None] * c + np.arange(c)[None, :]) * plane
    return base.reshape((n, c) + (1,) * (len(shape) - 2)).astype(np.int64)


def _window_attrs(case, x):
    """kernel_shape, strides, dilations, pads/auto_pad and ceil_mode of a windowed case."""
    r = x.ndim - 2
    padding = case.params.get("padding", 0)
    p = oracle.normalise(case.params, x.shape[2:])
    attrs = {"kernel_shape": p["kernel"], "strides": p["stride"], "dilations": p["dilation"],
             "ceil_mode": int(p["ceil_mode"])}
    if padding == "same":
        attrs["auto_pad"] = "SAME_UPPER"  # the extra pad at the end, as SPEC.md 4.1
    elif padding == "valid":
        attrs["auto_pad"] = "VALID"
    else:
        attrs["pads"] = [pb for pb, _ in p["pads"]] + [pa for _, pa in p["pads"]]
    assert len(attrs["kernel_shape"]) == r
    return attrs


def run(case):
    """The forward outputs the ONNX reference gives for ``case``, or ``NotSupported``/``Failed``."""
    a = case.arrays
    x = a["x"]
    if case.op == "max_pool":
        got = _evaluate("MaxPool", {"x": x}, {"y": x.dtype, "indices": np.int64},
                        _window_attrs(case, x))
        if isinstance(got, (NotSupported, Failed)):
            return got
        y, idx = got
        return {"y": y, "indices": idx - _plane_base(x.shape)}
    if case.op == "avg_pool":
        if case.params.get("divisor_override") is not None:
            return NotSupported("divisor_override (ONNX AveragePool has none)")
        attrs = _window_attrs(case, x)
        attrs["count_include_pad"] = int(case.params.get("count_include_pad", True))
        got = _evaluate("AveragePool", {"x": x}, {"y": x.dtype}, attrs)
        return got if isinstance(got, (NotSupported, Failed)) else {"y": got[0]}
    if case.op in ("global_max_pool", "global_avg_pool"):
        op = "GlobalMaxPool" if case.op == "global_max_pool" else "GlobalAveragePool"
        got = _evaluate(op, {"x": x}, {"y": x.dtype}, {})
        return got if isinstance(got, (NotSupported, Failed)) else {"y": got[0]}
    return _max_unpool(case, a)


def _max_unpool(case, a):
    y, idx = a["x"], a["indices"]
    r = y.ndim - 2
    size = per_axis(case.params["output_size"], r)
    # The reference scatters into the shape kernel, strides and pads infer,
    # (in - 1)*s - pads + k, and only then copies into output_shape; choose them so
    # the inferred shape is output_shape itself.
    kernel, end_pads = [], []
    for i in range(r):
        k = size[i] - y.shape[2 + i] + 1
        kernel.append(max(k, 1))
        end_pads.append(max(1 - k, 0))
    attrs = {"kernel_shape": kernel, "strides": [1] * r, "pads": [0] * r + end_pads}
    inputs = {"x": y, "i": idx + _plane_base(y.shape[:2] + tuple(size)),
              "output_shape": np.array(y.shape[:2] + tuple(size), dtype=np.int64)}
    got = _evaluate("MaxUnpool", inputs, {"z": y.dtype}, attrs)
    return got if isinstance(got, (NotSupported, Failed)) else {"y": got[0]}
