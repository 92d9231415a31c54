"""The operator registry: what the suite knows about each operator, in one place.

Everything that differs between operators is data here: the functions of
each language, the positional arguments, the parameters with their defaults,
MATLAB option names and fixture schema, the arrays a fixture case holds, the
dtypes, the outputs and the error identifiers.  The fixture reader and writer,
the schema writer, the generator, the MATLAB call form (and through it the
MAT file and ``matlab/run_conformance.m``), the Python runner, the catalogue
and the cross-check read it; none of them names an operator.

Adding an operator: an ``Operator`` here, a group module
``conformance/golden/groups/<op>.py`` and the function in both
implementations.  This module imports nothing of the suite, so every part
of it can import this one.
"""

from dataclasses import dataclass

# The version of the fixture set (fixtures/README.md, "Versioning"): written into
# fixtures/manifest.json by the generator; a runner reads sets of its major version.
FIXTURE_VERSION = "2.1.0"

FLOAT_DTYPES = ("float32", "float64")
INT_DTYPES = ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")
DTYPES = FLOAT_DTYPES + INT_DTYPES

# Every identifier either language raises, with its fault (SPEC.md, "Errors").
# pooling.IDENTIFIERS, fixtures/schema.json and the error('pooling:...') calls
# of matlab/ must name exactly these (conformance/tests/test_operators.py).
IDENTIFIERS = {
    "pooling:badInput": "x (y, dy, dz) is not a real array of a supported type and rank, "
                        "or has C = 0 or a spatial size of 0",
    "pooling:badKernel": "a kernel size is not a positive integer, or the count is wrong",
    "pooling:badStride": "a stride is not a positive integer, or the count is wrong",
    "pooling:badPadding": "a pad is not an integer in [0, e - 1], or the padding's shape is wrong",
    "pooling:badDilation": "a dilation is not a positive integer, or the count is wrong",
    "pooling:outputTooSmall": "an output size would be less than 1",
    "pooling:emptyWindow": "some window holds no input element",
    "pooling:badGradient": "dy does not have the forward output's shape or x's dtype",
    "pooling:badOption": "an unknown option, a flag that is not a boolean, a bad "
                         "SpatialDims or method, a bad divisor_override, an Lp order p "
                         "outside [1, 2^31 - 1]",
    "pooling:badIndices": "unpooling or saved max pooling indices of the wrong type or shape, "
                          "outside their plane, or (max_pool_backward) outside their window",
    "pooling:badOutputSize": "an unpooling or adaptive pooling output_size that is not one "
                             "positive integer per axis (or the full size with y's N and C), "
                             "or none to infer",
    "pooling:tooLarge": "an array the call takes or returns would have more than 2^31 - 1 "
                        "elements",
}

# JSON Schema fragments of parameter values (fixtures/schema.json's $defs).
PER_AXIS = {"$ref": "#/$defs/perAxis"}
FLAG = {"type": ["boolean", "string"]}


@dataclass(frozen=True)
class Param:
    """One parameter of an operator.

    ``matlab`` is its MATLAB option name, or None where MATLAB takes it
    positionally.  ``per_axis_in_matlab``: MATLAB counts the spatial axes from
    this argument's length, so a scalar is written out once per axis.
    ``schema`` is the JSON Schema of its fixture value (error cases may hold
    illegal values on purpose, so it is loose).
    """

    name: str
    default: object
    matlab: str = None
    schema: dict = None
    required: bool = False
    per_axis_in_matlab: bool = False


@dataclass(frozen=True)
class OptionalInput:
    """An array a call takes only when a case asks for it.

    A case whose ``params`` set the boolean ``switch`` to true passes its
    array ``field`` to the call: as the keyword ``keyword`` in Python, as the
    option ``matlab`` in MATLAB (converted as the positional arrays are:
    layout, and 1-based indices into the call's ``indices_into``).  The switch
    is a parameter of the case, never an option of either function.  ``need``
    is the ``needs`` tag of such a case.
    """

    field: str
    keyword: str
    matlab: str
    switch: str
    need: str


@dataclass(frozen=True)
class Call:
    """One function of an operator, the same name in both languages.

    ``args``: the positional arguments, as fixture array or parameter names.
    ``outputs``: fixture names of what it returns (``python_options`` makes
    the Python function return all of them).  ``options``: whether the
    operator's other parameters are passed to it (as keywords in Python, as
    MATLAB options).  ``spatial_dims``: the array
    whose rank gives MATLAB's 'SpatialDims' (None: MATLAB takes it from an
    argument).  ``indices_into``: the array MATLAB's 1-based indices count
    into, ``"output_size"`` meaning the unpooled array.  ``optional``: the
    ``OptionalInput``s a case may switch on.

    What only the MATLAB function has (``matlab_options`` gathers its options):
    ``matlab_names``, (fixture name, MATLAB name) pairs for the arguments and
    outputs its help text names otherwise than ``MATLAB_NAMES`` does;
    ``matlab_only_options``, options no fixture passes; ``matlab_omittable``,
    positional arguments a MATLAB caller may leave out.
    """

    name: str
    args: tuple
    outputs: tuple
    spatial_dims: str = "x"
    python_options: tuple = ()
    indices_into: str = "x"
    options: bool = True
    optional: tuple = ()
    matlab_names: tuple = ()
    matlab_only_options: tuple = ()
    matlab_omittable: tuple = ()

    @property
    def matlab(self):
        return "pooling." + self.name


@dataclass(frozen=True)
class Operator:
    """One ``op`` of the fixtures: its two calls, parameters, arrays and errors.

    ``inputs``/``outputs`` name the array fields of an ordinary case;
    ``float_only`` ones (the backward pass) are left out for integer dtypes.
    """

    name: str
    forward: Call
    backward: Call
    params: tuple
    inputs: tuple
    outputs: tuple
    dtypes: tuple
    errors: tuple
    float_only: tuple = ("dy", "dx")

    @property
    def calls(self):
        return {self.forward.name: self.forward, self.backward.name: self.backward}

    @property
    def optional_inputs(self):
        """Array fields a case may pass to a call as ``OptionalInput``s (an error case may
        hold them too)."""
        return tuple(dict.fromkeys(o.field for c in self.calls.values() for o in c.optional))

    @property
    def param_names(self):
        return tuple(p.name for p in self.params)

    def fields(self, dtype):
        """(inputs, outputs) of an ordinary case with ``dtype``."""
        drop = self.float_only if dtype in INT_DTYPES else ()
        return (tuple(f for f in self.inputs if f not in drop),
                tuple(f for f in self.outputs if f not in drop))


WINDOW_PARAMS = (
    Param("kernel_size", None, schema=PER_AXIS, required=True),
    Param("stride", None, "Stride", PER_AXIS),
    Param("padding", 0, "Padding", {"anyOf": [
        PER_AXIS, {"type": "string"},
        {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}]}),
    Param("dilation", 1, "Dilation", PER_AXIS),
    Param("ceil_mode", False, "CeilMode", FLAG),
)
AVERAGE_PARAMS = (
    Param("count_include_pad", True, "CountIncludePad", FLAG),
    Param("divisor_override", None, "DivisorOverride", {"type": ["number", "null"]}),
)
WINDOW_ERRORS = ("pooling:badInput", "pooling:badKernel", "pooling:badStride",
                 "pooling:badPadding", "pooling:badDilation", "pooling:outputTooSmall",
                 "pooling:emptyWindow", "pooling:badGradient", "pooling:badOption",
                 "pooling:tooLarge")
GLOBAL_ERRORS = ("pooling:badInput", "pooling:badGradient", "pooling:badOption",
                 "pooling:tooLarge")
WITH_INDICES = ("y", "indices")


# max_pool_backward(..., indices=idx): the gradient from the forward call's saved indices.
FROM_INDICES = OptionalInput("indices", "indices", "Indices", "backward_from_indices",
                             "backward-indices")


def _window(name, params, outputs, dtypes):
    optional = (FROM_INDICES,) if "indices" in outputs else ()
    errors = WINDOW_ERRORS
    if optional:
        params = params + (Param("backward_from_indices", False, schema={"type": "boolean"}),)
        errors = errors + ("pooling:badIndices",)
    return Operator(
        name,
        forward=Call(name, ("x", "kernel_size"), outputs,
                     python_options=(("return_indices", True),) if "indices" in outputs else ()),
        backward=Call(f"{name}_backward", ("dy", "x", "kernel_size"), ("dx",),
                      optional=optional),
        params=params, inputs=("x", "dy"), outputs=outputs + ("dx",), dtypes=dtypes,
        errors=errors)


def _global(name, outputs, dtypes):
    return Operator(
        name,
        forward=Call(name, ("x",), outputs,
                     python_options=(("return_indices", True),) if "indices" in outputs else ()),
        backward=Call(f"{name}_backward", ("dy", "x"), ("dx",)),
        params=(), inputs=("x", "dy"), outputs=outputs + ("dx",), dtypes=dtypes,
        errors=GLOBAL_ERRORS)


# Adaptive pooling (SPEC.md section 16): the output size instead of a window.
# MATLAB is given it written out per axis, and 'SpatialDims' from x.
ADAPTIVE_PARAMS = (Param("output_size", None, schema=PER_AXIS, required=True,
                         per_axis_in_matlab=True),)
ADAPTIVE_ERRORS = ("pooling:badInput", "pooling:badOutputSize", "pooling:badGradient",
                   "pooling:badOption", "pooling:tooLarge")
# Lp pooling (SPEC.md section 17): the order p, positional in both languages and
# before the kernel size, then max pooling's window parameters without dilation.
LP_PARAMS = (Param("p", None, schema={"type": "number"}, required=True),) + tuple(
    p for p in WINDOW_PARAMS if p.name != "dilation")
LP_ERRORS = ("pooling:badInput", "pooling:badKernel", "pooling:badStride",
             "pooling:badPadding", "pooling:outputTooSmall", "pooling:badGradient",
             "pooling:badOption", "pooling:tooLarge")


def _sized(name, size, params, outputs, dtypes, errors):
    """An operator called as ``f(x, *size)`` and ``f_backward(dy, x, *size)``."""
    return Operator(
        name,
        forward=Call(name, ("x", *size), outputs,
                     python_options=(("return_indices", True),) if "indices" in outputs else ()),
        backward=Call(f"{name}_backward", ("dy", "x", *size), ("dx",)),
        params=params, inputs=("x", "dy"), outputs=outputs + ("dx",), dtypes=dtypes,
        errors=errors)


OPERATORS = {op.name: op for op in (
    _window("max_pool", WINDOW_PARAMS, WITH_INDICES, DTYPES),
    _window("avg_pool", WINDOW_PARAMS + AVERAGE_PARAMS, ("y",), FLOAT_DTYPES),
    _global("global_max_pool", WITH_INDICES, DTYPES),
    _global("global_avg_pool", ("y",), FLOAT_DTYPES),
    Operator(
        "max_unpool",
        # MATLAB takes the rank from numel(output_size) in the forward call.
        # MATLAB infers the size from the pooling's parameters when OUTPUT_SIZE is left out.
        forward=Call("max_unpool", ("x", "indices", "output_size"), ("y",), spatial_dims=None,
                     indices_into="output_size", matlab_names=(("x", "Y"), ("y", "Z")),
                     matlab_only_options=("PoolSize", "Stride", "Padding"),
                     matlab_omittable=("output_size",)),
        backward=Call("max_unpool_backward", ("dy", "indices"), ("dx",), spatial_dims="dy",
                      indices_into="dy", options=False,
                      matlab_names=(("dy", "DZ"), ("dx", "DY"))),
        params=(Param("output_size", None, schema=PER_AXIS, required=True,
                      per_axis_in_matlab=True),),
        inputs=("x", "indices", "dy"), outputs=("y", "dx"), dtypes=DTYPES,
        # Without output_size, max_unpool infers it from kernel_size, stride and padding.
        errors=("pooling:badInput", "pooling:badIndices", "pooling:badOutputSize",
                "pooling:badGradient", "pooling:badOption", "pooling:badKernel",
                "pooling:badStride", "pooling:badPadding", "pooling:tooLarge")),
    _sized("adaptive_max_pool", ("output_size",), ADAPTIVE_PARAMS, WITH_INDICES, DTYPES,
           ADAPTIVE_ERRORS),
    _sized("adaptive_avg_pool", ("output_size",), ADAPTIVE_PARAMS, ("y",), FLOAT_DTYPES,
           ADAPTIVE_ERRORS),
    _sized("lp_pool", ("p", "kernel_size"), LP_PARAMS, ("y",), FLOAT_DTYPES, LP_ERRORS),
)}

# What a case says it tests (``pins``: the rules it pins) and what an
# implementation must support to run it (``needs``), in the canonical text's
# order.  conformance/golden/tags.py derives both for every case; runners select
# cases by them (fixtures/README.md, "Profiles").
PINS = {
    "ties": "a window's maximum occurs more than once: which element is selected",
    "nan": "NaN in the input: it propagates, and which NaN is selected",
    "inf": "+-Inf in the input",
    "signed-zero": "-0.0 in an input or an expected output",
    "subnormal": "subnormal values in an input or an expected output",
    "overflow": "a sum overflows to +-Inf where every input is finite",
    "padding-absent": "a window overlaps the padding or overhangs the input: padding is "
                      "no value",
    "ceil-last-window": "ceil_mode adds a last window, or drops one that would start in "
                        "the padding",
    "divisor": "the average's divisor: padding counted or not, the overhang, an override",
    "sum-order": "an average's window sum rounds differently in another order",
    "gradient-order": "gradients added into one element round differently in another order",
    "overwrite": "max_unpool indices repeat within a plane: the later position wins",
}
NEEDS = {
    "backward": "the backward function",
    "indices": "indices of the selected elements (return_indices=True)",
    "padding": "explicit padding",
    "asymmetric-padding": "(before, after) pads that differ on some axis",
    "padding-strings": "padding 'same' or 'valid'",
    "dilation": "a dilation other than 1",
    "ceil-mode": "ceil_mode=True",
    "count-include-pad": "count_include_pad=False",
    "divisor-override": "divisor_override",
    "integer-dtypes": "an integer dtype",
    "float64": "float64",
    "rank-1": "one spatial axis",
    "rank-3": "three spatial axes",
    "backward-indices": "the backward call takes the forward call's saved indices",
}
TAGS = {"pins": PINS, "needs": NEEDS}

# Error cases in two tiers (fixtures/README.md, "Error tiers"): conformance/golden/tags.py
# derives every error case's ``tier``; a runner holds an implementation that is not this
# suite's own to the ``semantic`` ones only.
TIERS = {
    "semantic": "a fault every implementation must refuse: an output or window with no "
                "element, a zero or negative kernel or stride, padding beyond the window, "
                "a wrong count or shape, indices outside their plane, a gradient of the "
                "wrong shape, an array too large",
    "api": "a rule of this suite's API: identifiers, option names and spellings, flag and "
           "parameter types, the 2^31 - 1 bound on parameters, the dtype policy (integer "
           "averages and gradients)",
}

# Fields of a case in the canonical text's order: an error case has ``call``
# and ``error`` instead of the outputs.  ``indices`` are int64 whatever the dtype.
ARRAYS = ("x", "dy", "y", "indices", "dx")
ORDER = ("id", "description", "op", "dtype", "params") + tuple(TAGS) + ARRAYS + (
    "call", "error", "tier")
INT_FIELDS = ("indices",)
PARAMS = tuple(dict.fromkeys(p for op in OPERATORS.values() for p in op.param_names))
FUNCTIONS = tuple(name for op in OPERATORS.values() for name in op.calls)


SWITCHES = tuple(dict.fromkeys(o.switch for op in OPERATORS.values()
                                for c in op.calls.values() for o in c.optional))


def switched_on(call, params):
    """The ``OptionalInput``s of ``call`` that a case's ``params`` switch on."""
    return tuple(o for o in call.optional if params.get(o.switch) is True)


def options_of(call, params):
    """The case's parameters ``call`` takes as options: no positional ones, no switches."""
    if not call.options:
        return {}
    return {k: v for k, v in params.items() if k not in call.args and k not in SWITCHES}


# MATLAB's names of arguments and outputs (its help text's), where they are not
# the fixture name in capitals; a ``Call``'s ``matlab_names`` come first.
MATLAB_NAMES = {"kernel_size": "POOL_SIZE", "indices": "IDX"}
# Options every MATLAB function takes; the MATLAB call form sets 'SpatialDims' itself.
MATLAB_COMMON_OPTIONS = ("SpatialDims", "Method")


def matlab_name(call, field):
    """The MATLAB help text's name of ``call``'s argument or output ``field``."""
    return dict(call.matlab_names).get(field) or MATLAB_NAMES.get(field, field.upper())


def matlab_options(op, call):
    """Every option name the MATLAB function of ``call`` accepts, spelled as its help does."""
    passed = [p.matlab for p in op.params if call.options and p.matlab]
    names = passed + [o.matlab for o in call.optional] + list(call.matlab_only_options)
    return tuple(dict.fromkeys(names + list(MATLAB_COMMON_OPTIONS)))


def kind_of(field, dtype):
    """The element type of a field: indices are int64, the rest have the case's dtype."""
    return "int64" if field in INT_FIELDS else dtype
