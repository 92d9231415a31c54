"""fixtures/schema.json, written from the operator registry.

The JSON Schema of a fixture file: the shared definitions (ids, arrays,
parameter values) and, per operator, the parameters, calls, identifiers,
dtypes and array fields ``conformance/operators.py`` gives it.  ``python -m
conformance.generate`` writes it and ``--check`` compares it, so the schema
cannot drift from the registry; ``tests/test_fixture_files.py`` validates every
fixture file against it.
"""

import json

from ..operators import ARRAYS, DTYPES, FLOAT_DTYPES, FUNCTIONS, IDENTIFIERS, OPERATORS, TAGS, TIERS
from .reader import FIXTURES, ID_PATTERN

SCHEMA_FILE = FIXTURES / "schema.json"


def _nested(leaf, name):
    return {"type": "array",
            "items": {"anyOf": [{"type": leaf}, {"$ref": f"#/$defs/{name}"}]}}


def _array(nested):
    return {"type": "object", "required": ["shape", "data"], "additionalProperties": False,
            "properties": {"shape": {"$ref": "#/$defs/shape"},
                           "data": {"$ref": f"#/$defs/{nested}"}}}


def _none_of(fields):
    return {"not": {"anyOf": [{"required": [f]} for f in fields]}}


def _ordinary(op, dtypes):
    """The fields an ordinary case of ``op`` with one of ``dtypes`` has, and no others."""
    inputs, outputs = op.fields(dtypes[0])
    present = inputs + outputs
    rule = {"required": list(present)}
    absent = [f for f in ARRAYS if f not in present]
    if absent:
        rule.update(_none_of(absent))
    return rule


def _operator(op):
    """The ``if op == name then ...`` block of one operator."""
    params = {"propertyNames": {"enum": list(op.param_names)}}
    required = [p.name for p in op.params if p.required]
    if required:
        params["required"] = required
    floats = [d for d in op.dtypes if d in FLOAT_DTYPES]
    integers = [d for d in op.dtypes if d not in FLOAT_DTYPES]
    ordinary = {"properties": {"dtype": {"enum": list(op.dtypes)}},
                "if": {"properties": {"dtype": {"enum": floats}}},
                "then": _ordinary(op, floats),
                "else": _ordinary(op, integers) if integers else False}
    return {
        "if": {"properties": {"op": {"const": op.name}}, "required": ["op"]},
        "then": {
            "properties": {"params": params, "call": {"enum": list(op.calls)},
                           "error": {"enum": list(op.errors)}},
            "if": {"required": ["error"]},
            "then": _none_of([f for f in ARRAYS
                              if f not in op.inputs + op.optional_inputs]),
            "else": ordinary,
        },
    }


def _tags():
    """``pins`` and ``needs``: lists of names of their vocabulary (operators.TAGS)."""
    return {name: {"description": f"see fixtures/README.md, \"{name}\"", "type": "array",
                   "items": {"enum": list(vocabulary)}, "uniqueItems": True}
            for name, vocabulary in TAGS.items()}


def schema():
    """The schema as a dict."""
    params = {}
    for op in OPERATORS.values():
        for p in op.params:
            params.setdefault(p.name, p.schema)
    case_fields = {
        "id": {"$ref": "#/$defs/id"},
        "description": {"type": "string", "minLength": 1},
        "op": {"enum": list(OPERATORS)},
        "dtype": {"enum": list(DTYPES)},
        "params": {"$ref": "#/$defs/params"},
        **_tags(),
        **{name: {"$ref": "#/$defs/" + ("intArray" if name == "indices" else "array")}
           for name in ARRAYS},
        "call": {"enum": list(FUNCTIONS)},
        "error": {"enum": list(IDENTIFIERS)},
        "tier": {"description": "error cases: " + "; ".join(f"{k}: {v}" for k, v in TIERS.items())
                 + " (fixtures/README.md, \"Error tiers\")", "enum": list(TIERS)},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://pooling-conformance.invalid/fixtures/schema.json",
        "title": "A pooling-conformance fixture file",
        "description": (
            "A non-empty list of cases: an ordinary case (the operator's outputs from its "
            "inputs) or an error case (call and error instead of outputs). See "
            "fixtures/README.md for the meaning of each field per operator. Written by "
            "python -m conformance.generate from conformance/operators.py; do not edit."),
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/case"},
        "$defs": {
            "id": {"type": "string", "pattern": ID_PATTERN.pattern},
            "perAxis": {"anyOf": [{"type": "number"},
                                  {"type": "array", "items": {"type": "number"}}]},
            "shape": {"type": "array", "items": {"type": "integer", "minimum": 0}},
            "nested": _nested("number", "nested"),
            "intNested": _nested("integer", "intNested"),
            "array": _array("nested"),
            "intArray": _array("intNested"),
            "params": {
                "description": "Call parameters as a caller writes them; error cases may "
                               "hold illegal values on purpose.",
                "type": "object", "additionalProperties": False, "properties": params,
            },
            "case": {
                "type": "object",
                "required": ["id", "description", "op", "dtype", "params", "x"],
                "additionalProperties": False,
                "properties": case_fields,
                "dependentRequired": {"error": ["call", "tier"], "call": ["error"],
                                      "tier": ["error"]},
                "allOf": [_operator(op) for op in OPERATORS.values()],
            },
        },
    }


def text():
    """The canonical text of fixtures/schema.json."""
    return json.dumps(schema(), indent=2) + "\n"
