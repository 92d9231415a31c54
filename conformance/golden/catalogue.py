"""The bad-call catalogue: every public function, called wrongly, in both languages.

Each entry is one call that SPEC.md refuses, with the identifier both
languages must raise.  The Python call is built from Python values; the
MATLAB call is written as MATLAB text (run by ``octave/evaluate.m``), since
cell arrays, structs, sparse and logical arrays cannot be sent through
oct2py as such.  A bad call must raise exactly that identifier: never return
a value, hang, or raise anything else.  ``tests/test_catalogue.py`` runs the
catalogue; every entry is a test in each language.
"""

from dataclasses import dataclass

import numpy as np

from ..operators import OPERATORS


@dataclass(frozen=True)
class BadCall:
    id: str
    function: str
    identifier: str
    python: tuple  # (args, kwargs)
    matlab: str  # a MATLAB expression
    argument: str  # the argument the Python message must name


# A valid 2-D call in each language: x is (N, C, H, W) = (1, 2, 4, 4) in Python
# and 4 x 4 x 2 in MATLAB; k = 2 gives a 2 x 2 output.
X = np.arange(32.0).reshape(1, 2, 4, 4)
DY = np.ones((1, 2, 2, 2))
X_M = "reshape(1:32, 4, 4, 2)"
DY_M = "ones(2, 2, 2)"
Y, IDX = np.ones((1, 2, 2, 2)), np.zeros((1, 2, 2, 2), dtype=np.int64)
Y_M = "ones(2, 2, 2)"
IDX_M = "cat(3, ones(2, 2), 17 * ones(2, 2))"  # 1-based, inside each 4 x 4 plane
DZ, DZ_M = np.ones((1, 2, 4, 4)), "ones(4, 4, 2)"

# Bad values for x, as (name, Python value, MATLAB text).
BAD_ARRAYS = [
    ("string", "abc", "'abc'"),
    ("none", None, "[]"),
    ("object", object(), "struct('a', 1)"),
    ("cell", [[1.0, "a"]], "{1, 2}"),
    ("logical", np.ones((1, 2, 4, 4), dtype=bool), "true(4, 4, 2)"),
    ("complex", X + 1j, f"complex({X_M}, 1)"),
    ("rank-6", np.zeros((2, 1, 2, 2, 2, 2)), "zeros(2, 2, 2, 2, 1, 2)"),
    ("channels-zero", np.zeros((1, 0, 4, 4)), "zeros(4, 4, 0, 1)"),
    ("spatial-zero", np.zeros((1, 2, 0, 4)), "zeros(0, 4, 2)"),
]
# Bad values for an integer parameter, as (name, Python value, MATLAB text).
BAD_INTEGERS = [
    ("zero", 0, "0"),
    ("negative", -1, "-1"),
    ("fraction", 1.5, "1.5"),
    ("nan", float("nan"), "NaN"),
    ("inf", float("inf"), "Inf"),
    ("bool", True, "true"),
    ("too-large", 2**31, "2^31"),
    ("string", "2", "'2'"),
    ("wrong-count", [2, 2, 2], "[2 2 2]"),
    # The right count, but not a vector: a nested sequence in Python, a 1x1x2 array
    # in MATLAB (SPEC.md: a scalar or a vector of one entry per spatial axis).
    ("nested", [[2, 2]], "reshape([2 2], 1, 1, 2)"),
]

# The windowed and the global pooling functions, as the registry has them.
WINDOW_FUNCTIONS = tuple(name for op in OPERATORS.values()
                         if op.forward.args == ("x", "kernel_size") for name in op.calls)
GLOBAL_FUNCTIONS = tuple(name for op in OPERATORS.values()
                         if not op.params and op.forward.args == ("x",) for name in op.calls)
OPERATOR_OF = {name: op for op in OPERATORS.values() for name in op.calls}


def _window_call(function, x=X, x_m=X_M, kernel=2, kernel_m="2", dy=DY, dy_m=DY_M,
                 extra=None, extra_m=""):
    """A windowed pooling call with one argument replaced."""
    args = (dy, x, kernel) if function.endswith("_backward") else (x, kernel)
    lead = f"{dy_m}, {x_m}" if function.endswith("_backward") else x_m
    # MATLAB cannot count spatial axes from an array; say 2, as the harness does.
    matlab = f"pooling.{function}({lead}, {kernel_m}, 'SpatialDims', 2{extra_m})"
    return (args, dict(extra or {})), matlab


GLOBAL_DY = np.ones((1, 2, 1, 1))


def _global_call(function, x=X, x_m=X_M, dy=GLOBAL_DY, dy_m="ones(1, 1, 2)",
                 extra=None, extra_m=""):
    args = (dy, x) if function.endswith("_backward") else (x,)
    lead = f"{dy_m}, {x_m}" if function.endswith("_backward") else x_m
    return (args, dict(extra or {})), f"pooling.{function}({lead}{extra_m})"


def _entries():
    entries = []

    def add(id, function, identifier, call, argument):
        python, matlab = call
        entries.append(BadCall(id, function, identifier, python, matlab, argument))

    for function in WINDOW_FUNCTIONS + GLOBAL_FUNCTIONS:
        make = _window_call if function in WINDOW_FUNCTIONS else _global_call
        for name, value, text in BAD_ARRAYS:
            add(f"{function}-x-{name}", function, "pooling:badInput",
                make(function, x=value, x_m=text), "x")
        add(f"{function}-unknown-option", function, "pooling:badOption",
            make(function, extra={"strides": 2}, extra_m=", 'Strides', 2"), "strides")
        add(f"{function}-method-unknown", function, "pooling:badOption",
            make(function, extra={"method": "slow"}, extra_m=", 'Method', 'slow'"), "method")
        if function.endswith("_backward"):
            add(f"{function}-dy-shape", function, "pooling:badGradient",
                make(function, dy=np.ones((1, 2, 3, 3)), dy_m="ones(3, 3, 2)"), "dy")
            add(f"{function}-dy-dtype", function, "pooling:badGradient",
                make(function, dy=np.ones((1, 2, 2, 2) if function in WINDOW_FUNCTIONS
                                          else (1, 2, 1, 1), dtype=np.float32),
                     dy_m=("single(ones(2, 2, 2))" if function in WINDOW_FUNCTIONS
                           else "single(ones(1, 1, 2))")), "dy")
            add(f"{function}-dy-string", function, "pooling:badGradient",
                make(function, dy="abc", dy_m="'abc'"), "dy")
            add(f"{function}-x-integer", function, "pooling:badInput",
                make(function, x=X.astype(np.int32), x_m=f"int32({X_M})",
                     dy=np.ones(
                         (1, 2, 2, 2) if function in WINDOW_FUNCTIONS else (1, 2, 1, 1),
                         dtype=np.int32),
                     dy_m=("int32(ones(2, 2, 2))" if function in WINDOW_FUNCTIONS
                           else "int32(ones(1, 1, 2))")), "x")
        elif "int16" not in OPERATOR_OF[function].dtypes:
            add(f"{function}-x-integer", function, "pooling:badInput",
                make(function, x=X.astype(np.int16), x_m=f"int16({X_M})"), "x")
        if function not in WINDOW_FUNCTIONS:
            continue
        for name, value, text in BAD_INTEGERS:
            add(f"{function}-kernel-{name}", function, "pooling:badKernel",
                make(function, kernel=value, kernel_m=text), "kernel_size")
            for option, matlab_name, identifier in (("stride", "Stride", "pooling:badStride"),
                                                    ("dilation", "Dilation",
                                                     "pooling:badDilation")):
                add(f"{function}-{option}-{name}", function, identifier,
                    make(function, extra={option: value},
                         extra_m=f", '{matlab_name}', {text}"), option)
        bad_pads = [("negative", -1, "-1"), ("fraction", 0.5, "0.5"),
                    ("nan", float("nan"), "NaN"),
                    ("too-large-for-window", 2, "2"), ("too-large", 2**31, "2^31"),
                    ("wrong-count", [1, 1, 1], "[1 1 1]"),
                    ("wrong-shape", [[0, 1, 0], [1, 0, 1]], "[0 1 0; 1 0 1; 0 0 0]"),
                    ("unknown-string", "full", "'full'"), ("bool", True, "true"),
                    ("nested", [[0, 0]], "reshape([0 0], 1, 1, 2)")]
        for name, value, text in bad_pads:
            add(f"{function}-padding-{name}", function, "pooling:badPadding",
                make(function, extra={"padding": value}, extra_m=f", 'Padding', {text}"),
                "padding")
        for name, value, text in (("string", "yes", "'yes'"), ("two", 2, "2"),
                                  ("vector", [True, True], "[true true]")):
            add(f"{function}-ceil-mode-{name}", function, "pooling:badOption",
                make(function, extra={"ceil_mode": value}, extra_m=f", 'CeilMode', {text}"),
                "ceil_mode")
        add(f"{function}-output-too-small", function, "pooling:outputTooSmall",
            make(function, kernel=5, kernel_m="5"), "kernel_size")
        if "divisor_override" in OPERATOR_OF[function].param_names:
            for name, value, text in (("zero", 0, "0"), ("fraction", 2.5, "2.5"),
                                      ("bool", True, "true"), ("nan", float("nan"), "NaN")):
                add(f"{function}-divisor-override-{name}", function, "pooling:badOption",
                    make(function, extra={"divisor_override": value},
                         extra_m=f", 'DivisorOverride', {text}"), "divisor_override")
            add(f"{function}-count-include-pad-string", function, "pooling:badOption",
                make(function, extra={"count_include_pad": "no"},
                     extra_m=", 'CountIncludePad', 'no'"), "count_include_pad")

    def unpool(y=Y, y_m=Y_M, idx=IDX, idx_m=IDX_M, size=(4, 4), size_m="[4 4]", extra=None,
               extra_m=""):
        matlab = f"pooling.max_unpool({y_m}, {idx_m}, {size_m}{extra_m})"
        return ((y, idx, size), dict(extra or {})), matlab

    for name, value, text in BAD_ARRAYS:
        if name != "channels-zero":
            add(f"max_unpool-y-{name}", "max_unpool", "pooling:badInput",
                unpool(y=value, y_m=text), "y")
    # MATLAB takes the number of spatial axes from numel(output_size), so a
    # "wrong count" is a different, valid call there: not in the catalogue.
    for name, value, text in [e for e in BAD_INTEGERS if e[0] != "wrong-count"]:
        add(f"max_unpool-output-size-{name}", "max_unpool", "pooling:badOutputSize",
            unpool(size=value, size_m=text), "output_size")
    bad_indices = [
        ("float", IDX.astype(float) + 0.5, "cat(3, 1.5 * ones(2, 2), 17 * ones(2, 2))"),
        ("out-of-range", IDX + 16, "cat(3, 17 * ones(2, 2), 33 * ones(2, 2))"),
        ("negative", IDX - 1, "cat(3, zeros(2, 2), 16 * ones(2, 2))"),
        ("shape", np.zeros((1, 2, 3, 3), dtype=np.int64), "ones(3, 3, 2)"),
        ("string", "abc", "'abc'"),
        ("bool", IDX.astype(bool), "true(2, 2, 2)"),
    ]
    for name, value, text in bad_indices:
        add(f"max_unpool-indices-{name}", "max_unpool", "pooling:badIndices",
            unpool(idx=value, idx_m=text), "indices")
    add("max_unpool-unknown-option", "max_unpool", "pooling:badOption",
        unpool(extra={"strides": 2}, extra_m=", 'Strides', 2"), "strides")
    add("max_unpool-output-size-full-wrong-channels", "max_unpool", "pooling:badOutputSize",
        unpool(size=(1, 3, 4, 4), size_m="[4 4 3 1]"), "output_size")
    add("max_unpool-output-size-missing", "max_unpool", "pooling:badOutputSize",
        (((Y, IDX), {}), f"pooling.max_unpool({Y_M}, {IDX_M})"), "output_size")

    def unpool_inferred(extra, extra_m):
        """max_unpool without output_size: the size inferred from the kernel options."""
        return (((Y, IDX), extra), f"pooling.max_unpool({Y_M}, {IDX_M}{extra_m})")

    add("max_unpool-inferred-size-too-small", "max_unpool", "pooling:badOutputSize",
        unpool_inferred({"kernel_size": 1, "padding": 1}, ", 'PoolSize', 1, 'Padding', 1"),
        "padding")
    add("max_unpool-kernel-zero", "max_unpool", "pooling:badKernel",
        unpool_inferred({"kernel_size": 0}, ", 'PoolSize', 0"), "kernel_size")
    add("max_unpool-stride-zero", "max_unpool", "pooling:badStride",
        unpool_inferred({"kernel_size": 2, "stride": 0}, ", 'PoolSize', 2, 'Stride', 0"),
        "stride")
    add("max_unpool-padding-negative", "max_unpool", "pooling:badPadding",
        unpool_inferred({"kernel_size": 2, "padding": -1}, ", 'PoolSize', 2, 'Padding', -1"),
        "padding")
    add("max_unpool-output-too-large", "max_unpool", "pooling:tooLarge",
        unpool(size=(2**31 - 1, 2**31 - 1), size_m="[2^31-1 2^31-1]"), "z")
    # Too large counted from the sizes alone, nothing allocated (SPEC.md section 12):
    # an empty batch counts as N = 1; a huge legal padding makes a huge output.
    add("max_pool-x-too-large-empty-batch", "max_pool", "pooling:tooLarge",
        (((np.zeros((0, 1, 100000, 100000)), 2), {}),
         "pooling.max_pool(zeros(1e5, 1e5, 1, 0), 2)"), "x")
    add("max_pool-output-too-large", "max_pool", "pooling:tooLarge",
        (((np.ones((1, 1, 1, 1, 1)), 2**31 - 1), {"stride": 1, "padding": 2**31 - 2}),
         "pooling.max_pool(1, 2^31-1, 'Stride', 1, 'Padding', 2^31-2, 'SpatialDims', 3)"),
        "output")
    # A MATLAB row with 'SpatialDims', 1 is a signal of length 1 with 4 channels.
    add("max_pool-signal-as-row", "max_pool", "pooling:outputTooSmall",
        (((np.ones((1, 4, 1)), 2), {}), "pooling.max_pool([1 5 2 8], 2, 'SpatialDims', 1)"),
        "kernel_size")
    add("max_pool_backward-x-dtype-mixed", "max_pool_backward", "pooling:badGradient",
        (((np.ones((1, 2, 2, 2)), X.astype(np.float32), 2), {}),
         f"pooling.max_pool_backward(ones(2, 2, 2), single({X_M}), 2)"), "dy")

    def unpool_back(dz=DZ, dz_m=DZ_M, idx=IDX, idx_m=IDX_M, extra=None, extra_m=""):
        matlab = f"pooling.max_unpool_backward({dz_m}, {idx_m}{extra_m})"
        return ((dz, idx), dict(extra or {})), matlab

    for name, value, text in BAD_ARRAYS:
        add(f"max_unpool_backward-dz-{name}", "max_unpool_backward", "pooling:badInput",
            unpool_back(dz=value, dz_m=text), "dz")
    add("max_unpool_backward-dz-integer", "max_unpool_backward", "pooling:badInput",
        unpool_back(dz=DZ.astype(np.int8), dz_m=f"int8({DZ_M})"), "dz")
    add("max_unpool_backward-dz-batch", "max_unpool_backward", "pooling:badGradient",
        unpool_back(dz=np.ones((2, 2, 4, 4)), dz_m="ones(4, 4, 2, 2)"), "dz")
    for name, value, text in bad_indices[:3] + [("string", "abc", "'abc'")]:
        add(f"max_unpool_backward-indices-{name}", "max_unpool_backward", "pooling:badIndices",
            unpool_back(idx=value, idx_m=text), "indices")
    _sized_entries(add)
    return entries


# Operators called as f(x, *size) and f_backward(dy, x, *size) (adaptive and Lp
# pooling): a valid value of every positional argument, (Python, MATLAB text).
# output_size 2 and k = 2 both give the 2 x 2 output DY has.
VALID = {"x": (X, X_M), "dy": (DY, DY_M), "kernel_size": (2, "2"), "p": (2, "2"),
         "output_size": (2, "[2 2]")}
SIZED_FUNCTIONS = tuple(name for op in OPERATORS.values()
                        if op.forward.args[0] == "x" and op.forward.args[1:]
                        and op.forward.args != ("x", "kernel_size") and op.name != "max_unpool"
                        for name in op.calls)
BAD_ORDERS = [("inf", float("inf"), "Inf"), ("half", 0.5, "0.5"), ("nan", float("nan"), "NaN"),
              ("zero", 0, "0"), ("negative", -2, "-2"), ("bool", True, "true"),
              ("string", "2", "'2'"), ("too-large", 2**31, "2^31"), ("vector", [2, 2], "[2 2]"),
              ("none", None, "[]")]


def _sized_call(function, replace=None, extra=None, extra_m=""):
    """``function`` called with the valid arguments of ``VALID``, some replaced."""
    values = dict(VALID, **(replace or {}))
    names = OPERATOR_OF[function].calls[function].args
    args = tuple(values[n][0] for n in names)
    lead = ", ".join(values[n][1] for n in names)
    return (args, dict(extra or {})), f"pooling.{function}({lead}, 'SpatialDims', 2{extra_m})"


def _sized_entries(add):
    """Bad calls of the adaptive and Lp functions: x, options, dy, output_size, p, window."""
    for function in SIZED_FUNCTIONS:
        op = OPERATOR_OF[function]
        backward = function.endswith("_backward")
        for name, value, text in BAD_ARRAYS:
            add(f"{function}-x-{name}", function, "pooling:badInput",
                _sized_call(function, {"x": (value, text)}), "x")
        add(f"{function}-unknown-option", function, "pooling:badOption",
            _sized_call(function, extra={"strides": 2}, extra_m=", 'Strides', 2"), "strides")
        add(f"{function}-method-unknown", function, "pooling:badOption",
            _sized_call(function, extra={"method": "slow"}, extra_m=", 'Method', 'slow'"),
            "method")
        if backward:
            for name, value, text in (
                    ("shape", np.ones((1, 2, 3, 3)), "ones(3, 3, 2)"),
                    ("dtype", np.ones((1, 2, 2, 2), dtype=np.float32), "single(ones(2, 2, 2))"),
                    ("string", "abc", "'abc'")):
                add(f"{function}-dy-{name}", function, "pooling:badGradient",
                    _sized_call(function, {"dy": (value, text)}), "dy")
            add(f"{function}-x-integer", function, "pooling:badInput",
                _sized_call(function, {"x": (X.astype(np.int32), f"int32({X_M})"),
                                       "dy": (DY.astype(np.int32), f"int32({DY_M})")}), "x")
        elif "int16" not in op.dtypes:
            add(f"{function}-x-integer", function, "pooling:badInput",
                _sized_call(function, {"x": (X.astype(np.int16), f"int16({X_M})")}), "x")
        if "output_size" in op.param_names:
            for name, value, text in BAD_INTEGERS:
                add(f"{function}-output-size-{name}", function, "pooling:badOutputSize",
                    _sized_call(function, {"output_size": (value, text)}), "output_size")
            big = 2**31 - 1
            add(f"{function}-output-too-large", function, "pooling:tooLarge",
                _sized_call(function, {"output_size": ((big, big), "[2^31-1 2^31-1]")}),
                "output")
        if "p" in op.param_names:
            for name, value, text in BAD_ORDERS:
                add(f"{function}-p-{name}", function, "pooling:badOption",
                    _sized_call(function, {"p": (value, text)}), "p")
        if "kernel_size" not in op.param_names:
            continue
        for name, value, text in BAD_INTEGERS:
            add(f"{function}-kernel-{name}", function, "pooling:badKernel",
                _sized_call(function, {"kernel_size": (value, text)}), "kernel_size")
            add(f"{function}-stride-{name}", function, "pooling:badStride",
                _sized_call(function, extra={"stride": value}, extra_m=f", 'Stride', {text}"),
                "stride")
        for name, value, text in (("negative", -1, "-1"), ("fraction", 0.5, "0.5"),
                                  ("too-large-for-window", 2, "2"),
                                  ("wrong-count", [1, 1, 1], "[1 1 1]"),
                                  ("unknown-string", "full", "'full'")):
            add(f"{function}-padding-{name}", function, "pooling:badPadding",
                _sized_call(function, extra={"padding": value}, extra_m=f", 'Padding', {text}"),
                "padding")
        add(f"{function}-ceil-mode-string", function, "pooling:badOption",
            _sized_call(function, extra={"ceil_mode": "yes"}, extra_m=", 'CeilMode', 'yes'"),
            "ceil_mode")
        # Lp pooling has no dilation: the option is unknown.
        add(f"{function}-dilation-unknown", function, "pooling:badOption",
            _sized_call(function, extra={"dilation": 2}, extra_m=", 'Dilation', 2"),
            "dilation")
        add(f"{function}-output-too-small", function, "pooling:outputTooSmall",
            _sized_call(function, {"kernel_size": (5, "5")}), "kernel_size")
        add(f"{function}-output-too-large", function, "pooling:tooLarge",
            _sized_call(function, {"kernel_size": (2**31 - 1, "2^31-1")},
                        extra={"stride": 1, "padding": 2**31 - 2},
                        extra_m=", 'Stride', 1, 'Padding', 2^31-2"), "output")
    _from_indices(add)


# max_pool_backward(..., indices=...): valid saved indices of the k = 2 call on X
# (Python: flat in each 4 x 4 plane; MATLAB: 1-based into reshape(1:32, 4, 4, 2)).
SAVED = np.broadcast_to(np.array([[5, 7], [13, 15]], dtype=np.int64), (1, 2, 2, 2)).copy()
SAVED_M = "cat(3, [6 14; 8 16], [22 30; 24 32])"


def _from_indices(add):
    """Bad saved indices for ``max_pool_backward``: type, shape, range, window."""
    other_window = SAVED.copy()
    other_window[0, 0, 0, 1] = 5  # output (0, 1) given output (0, 0)'s element
    bad = [
        ("float", SAVED.astype(float), f"{SAVED_M} + 0.5"),
        ("single", SAVED.astype(np.float32), f"single({SAVED_M})"),
        ("bool", SAVED.astype(bool), "true(2, 2, 2)"),
        ("string", "abc", "'abc'"),
        ("shape", np.zeros((1, 2, 3, 3), dtype=np.int64), "ones(3, 3, 2)"),
        ("out-of-plane", SAVED + 16, "cat(3, [6 14; 8 17], [22 30; 24 32])"),
        ("negative", SAVED - 6, "cat(3, [0 14; 8 16], [22 30; 24 32])"),
        ("other-window", other_window, "cat(3, [6 6; 8 16], [22 30; 24 32])"),
    ]
    for name, value, text in bad:
        add(f"max_pool_backward-indices-{name}", "max_pool_backward", "pooling:badIndices",
            _window_call("max_pool_backward", extra={"indices": value},
                         extra_m=f", 'Indices', {text}"), "indices")


CATALOGUE = _entries()


@dataclass(frozen=True)
class Convention:
    """A call one language refuses and the other accepts by design (SPEC.md section 12,
    "Per-language conventions").  ``python_expect`` and ``matlab_expect`` are an
    identifier or ``ACCEPTED``; ``spec`` is text of the SPEC.md sentence it pins."""

    id: str
    function: str
    python: tuple  # (args, kwargs)
    python_expect: str
    matlab: str
    matlab_expect: str
    spec: str


ACCEPTED = "accepted"

_W = "'SpatialDims', 2"
CONVENTIONS = [
    Convention("padding-string-case", "max_pool", ((X, 2), {"padding": "SAME"}),
               "pooling:badPadding", f"pooling.max_pool({X_M}, 2, {_W}, 'Padding', 'SAME')",
               ACCEPTED, "MATLAB matches `'valid'` and `'same'` case-insensitively"),
    Convention("flag-numeric-one", "max_pool", ((X, 2), {"ceil_mode": 1}),
               "pooling:badOption", f"pooling.max_pool({X_M}, 2, {_W}, 'CeilMode', 1)",
               ACCEPTED, "MATLAB takes a logical or a numeric `0` or `1`"),
    Convention("integer-parameter-float-class", "max_pool", ((X, 2.0), {}),
               "pooling:badKernel", f"pooling.max_pool({X_M}, single(2), {_W})", ACCEPTED,
               "MATLAB takes any integer-valued real numeric scalar of a built-in class"),
    Convention("indices-float-double", "max_unpool", ((Y, IDX.astype(np.float64), (4, 4)), {}),
               "pooling:badIndices", f"pooling.max_unpool({Y_M}, {IDX_M}, [4 4])", ACCEPTED,
               "an integer-valued float index array is accepted by MATLAB and refused by Python"),
    Convention("indices-float-single", "max_unpool", ((Y, IDX.astype(np.float32), (4, 4)), {}),
               "pooling:badIndices", f"pooling.max_unpool({Y_M}, single({IDX_M}), [4 4])",
               ACCEPTED, "any integer-valued numeric class is accepted"),
]
