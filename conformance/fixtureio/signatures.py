"""matlab/resources/functionSignatures.json, written from the operator registry.

MATLAB's editor shows argument names, completes option names and offers
their choices from this file (MATLAB's "Customize Code Suggestions and
Completions"); the public functions take VARARGIN, so without it MATLAB has
nothing to show.  For package functions the file sits in a ``resources``
folder beside the outermost package folder, and each function is named with
its package, ``pooling.max_pool``.  Octave ignores it.

Per function of ``conformance/operators.py``: the positional arguments in
MATLAB's order (``kind`` required, or ``ordered`` where a caller may leave
one out), every option ``operators.matlab_options`` says the function takes
(``namevalue``) and the outputs.  The MATLAB types and the purposes, worded
after the functions' help text, are the tables below.  ``python -m
conformance.generate`` writes the file and ``--check`` compares it;
``conformance/tests/test_matlab_signatures.py`` holds it to the MATLAB code.
"""

import json

from ..operators import OPERATORS, matlab_name, matlab_options
from .reader import FIXTURES

SIGNATURES_FILE = FIXTURES.parent / "matlab" / "resources" / "functionSignatures.json"
SCHEMA_VERSION = "1.0.0"

# MATLAB type descriptions: a list is every attribute at once, a list of lists any one of them.
COUNTS = ["numeric", "positive", "integer"]
ARRAY = ["numeric"]
# A flag is logical, or numeric 0 or 1 (what MATLAB code often writes for one: SPEC.md 12).
FLAG = [["logical", "scalar"], ["numeric", "scalar"]]

# Positional arguments by MATLAB name: (type, purpose).
INPUTS = {
    "X": (ARRAY, "Input array, laid out as [spatial..., C, N] (H-by-W-by-C-by-N for images)"),
    "DY": (ARRAY, "Upstream gradient: the size of the forward output, of class(X)"),
    "POOL_SIZE": (COUNTS, "Window size: a positive integer, or one per spatial dimension"),
    "OUTPUT_SIZE": (COUNTS, "Output spatial size: a positive integer, or one per spatial "
                            "dimension"),
    "P": (["numeric", "scalar", "positive"], "Order of the norm, a real number in [1, 2^31-1]"),
    "Y": (ARRAY, "Max-pooled values, laid out as [spatial..., C, N]"),
    "IDX": (COUNTS, "1-based linear indices into Z, as the second output of pooling.max_pool"),
    "DZ": (ARRAY, "Gradient with respect to Z, laid out as [OUTPUT_SIZE..., C, N]"),
}
OUTPUTS = {
    "Y": (ARRAY, "Pooled output, [OUT..., C, N], of class(X)"),
    "IDX": (["double"], "1-based linear indices into X of the selected elements: X(IDX) is Y"),
    "DX": (ARRAY, "Gradient with respect to X: the size and class of X"),
    "Z": (ARRAY, "Zeros of class(Y) with each Y(p) written at Z(IDX(p))"),
    "DY": (ARRAY, "Gradient with respect to Y: the size of IDX, of class(DZ)"),
}
OPTIONS = {
    "Stride": (COUNTS, "Step between windows, a scalar or one per spatial dimension; "
                       "default POOL_SIZE"),
    "Padding": ([["numeric", "nonnegative", "integer"], ["choices={'same','valid'}"]],
                "Pad per spatial dimension: a scalar, a 1-by-R row or a 2-by-R [BEFORE; AFTER], "
                "or 'same' or 'valid'; padding is absent, never a value; default 0"),
    "Dilation": (COUNTS, "A window reads every DILATION-th element; default 1"),
    "CeilMode": (FLAG, "Round the output size up instead of down; "
                                        "default false"),
    "CountIncludePad": (FLAG, "Whether padded positions count in the divisor; "
                                               "default true"),
    # Not "scalar": [] (no override) is accepted too.
    "DivisorOverride": (["numeric", "positive", "integer"],
                        "When given, the divisor of every window; default [] (none)"),
    "Indices": (COUNTS, "IDX of [Y, IDX] = pooling.max_pool(X, POOL_SIZE, ...): the selection, "
                        "taken instead of recomputed"),
    "PoolSize": (COUNTS, "The pooling's window size, to infer the size of Z when OUTPUT_SIZE "
                         "is left out"),
    "SpatialDims": (["choices={1,2,3}"], "The number R of spatial dimensions"),
    "Method": (["choices={'fast','naive'}"], "'fast' (whole-array operations) or 'naive' "
                                             "(one window at a time); identical bits; "
                                             "default 'fast'"),
}
# Where one function's help says otherwise: (function, name) -> (type, purpose).
OVERRIDES = {
    ("max_unpool", "OUTPUT_SIZE"): (COUNTS, "Spatial size of Z, or its full size [SPATIAL, C, N] "
                                            "(e.g. SIZE(X)); left out, it is inferred from "
                                            "'PoolSize'"),
    ("max_unpool", "Stride"): (COUNTS, "The pooling's stride, to infer the size of Z; "
                                       "default 'PoolSize'"),
    ("max_unpool", "Padding"): (["numeric", "nonnegative", "integer"],
                                "The pooling's padding (symmetric), a scalar or one per spatial "
                                "dimension, to infer the size of Z; default 0"),
    ("max_unpool_backward", "IDX"): (COUNTS, "1-based linear indices into DZ, as given to "
                                             "pooling.max_unpool"),
}


def _argument(function, name, table, **kind):
    types, purpose = OVERRIDES.get((function, name)) or table[name]
    return {"name": name, **kind, "type": types, "purpose": purpose}


def _function(op, call):
    inputs = [_argument(call.name, matlab_name(call, a), INPUTS,
                        kind="ordered" if a in call.matlab_omittable else "required")
              for a in call.args]
    inputs += [_argument(call.name, o, OPTIONS, kind="namevalue")
               for o in matlab_options(op, call)]
    outputs = [_argument(call.name, matlab_name(call, f), OUTPUTS) for f in call.outputs]
    return {"inputs": inputs, "outputs": outputs}


def signatures():
    """The file's content as a dict: the schema version, then one entry per public function."""
    functions = {call.matlab: _function(op, call)
                 for op in OPERATORS.values() for call in op.calls.values()}
    return {"_schemaVersion": SCHEMA_VERSION, **functions}


def text():
    """The canonical text of matlab/resources/functionSignatures.json: one argument a line."""
    def block(items, indent, open_, close):
        inner = " " * (indent + 2)
        return open_ + "\n" + ",\n".join(inner + i for i in items) + "\n" + " " * indent + close

    def entry(name, value):
        if isinstance(value, str):
            return f"{json.dumps(name)}: {json.dumps(value)}"
        lists = [f"{json.dumps(part)}: " + block([json.dumps(a) for a in args], 4, "[", "]")
                 for part, args in value.items()]
        return f"{json.dumps(name)}: " + block(lists, 2, "{", "}")

    return block([entry(k, v) for k, v in signatures().items()], 0, "{", "}") + "\n"
