"""Canonical fixture text: the one way a fixture file is written.

The text is canonical (``python -m conformance.generate --check`` and
``python -m conformance.format --check`` fail on any difference), so a fixture
file can be diffed and reviewed by eye: field order, the shortest round-trip
decimal of each float in a form YAML 1.1 reads as a float, numpy-like nested
rows.
"""

import json
import pathlib
import re

import numpy as np

from ..operators import FLOAT_DTYPES, ORDER, PARAMS, TAGS, kind_of
from .reader import FIXTURES, load_file

# Strings written without quotes: names like max_pool and pooling:badKernel.
# YAML 1.1 reads yes/no/on/off/null (and friends) as other types, so those stay quoted.
PLAIN = re.compile(r"^[a-z][A-Za-z0-9_:-]*$")
NOT_PLAIN = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}



def format_number(value, kind):
    if kind in FLOAT_DTYPES:
        return format_float(value, kind)
    return str(int(value))


def format_float(value, dtype):
    """Shortest round-trip decimal of ``value`` as a float of ``dtype``, in YAML 1.1 form.

    PyYAML reads ``1e-05`` (no dot) and ``nan`` as strings, so the mantissa
    always has a dot, the exponent a sign, and the specials are ``.nan``,
    ``.inf`` and ``-.inf``.
    """
    v = np.dtype(dtype).type(value)
    if np.isnan(v):
        return ".nan"
    if np.isinf(v):
        return ".inf" if v > 0 else "-.inf"
    text = repr(float(v)) if dtype == "float64" else str(v)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    if exponent:
        if exponent[0] not in "+-":
            exponent = "+" + exponent
        return f"{mantissa}e{exponent}"
    return mantissa


def _format_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_float(value, "float64")
    if isinstance(value, str):
        plain = PLAIN.match(value) and value.lower() not in NOT_PLAIN
        return value if plain else json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_format_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} in a fixture")


def _format_nested(array, column, fmt, width=96):
    """numpy-like nested lists: one innermost row per line, aligned under its bracket."""
    if array.ndim == 1:
        items = [fmt(v) for v in array]
        lines, line = [], ""
        for item in items:
            piece = item if not line else line + ", " + item
            if line and column + len(piece) + 2 > width:
                lines.append(line + ",")
                line = item
            else:
                line = piece
        lines.append(line)
        return "[" + ("\n" + " " * (column + 1)).join(lines) + "]"
    if array.shape[0] == 0:
        return "[]"
    parts = [_format_nested(sub, column + 1, fmt, width) for sub in array]
    return "[" + (",\n" + " " * (column + 1)).join(parts) + "]"


def format_array(array, kind, indent):
    """``shape`` and ``data`` lines of an array field, ``kind`` a dtype name or 'int64'."""
    def fmt(v):
        return format_number(v, kind)

    pad = " " * indent
    shape = "[" + ", ".join(str(n) for n in array.shape) + "]"
    if array.size == 0:
        data = "[]"
    else:
        data = _format_nested(np.asarray(array), indent + len("data: "), fmt)
    return f"{pad}shape: {shape}\n{pad}data: {data}"


def dump_case(case):
    """Canonical text of one case, a dict with the fields of ``ORDER``."""
    lines = []
    for key in ORDER:
        if key not in case or case[key] is None:
            continue
        value = case[key]
        lead = "- " if not lines else "  "
        if isinstance(value, np.ndarray):
            kind = kind_of(key, case["dtype"])
            lines.append(f"{lead}{key}:\n{format_array(value, kind, 4)}")
        elif key == "params":
            body = ", ".join(f"{k}: {_format_scalar(value[k])}" for k in PARAMS if k in value)
            lines.append(f"{lead}{key}: {{{body}}}")
        elif key == "description":
            lines.append(f"{lead}{key}: {json.dumps(value)}")
        else:
            lines.append(f"{lead}{key}: {_format_scalar(value)}")
    return "\n".join(lines) + "\n"


def dump_file(cases, header):
    """Canonical text of a fixture file: a comment header, then the cases."""
    head = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return head + "\n" + "\n".join(dump_case(c) for c in cases)



def case_to_dict(case):
    """The fields of a loaded ``Case`` in the form ``dump_case`` writes."""
    out = {"id": case.id, "description": case.description, "op": case.op,
           "dtype": case.dtype, "params": case.params}
    out.update(case_tags(case))
    out.update(case.arrays)
    if case.is_error:
        out.update(call=case.call, error=case.error, tier=case.tier)
    return out


def case_tags(case):
    """A loaded case's ``pins`` and ``needs`` (operators.TAGS), where it has them."""
    return {name: list(value) for name in TAGS
            if (value := getattr(case, name, None)) is not None}


def canonical_text(path, root=FIXTURES):
    """What the file's text must be: its own cases, re-written canonically.

    The header comment is kept as it is; everything after it is rewritten.
    """
    text = pathlib.Path(path).read_text(encoding="utf-8")
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    header = header[: len(header)] if text.startswith(header) else ""
    cases = load_file(path, root)
    body = "\n".join(dump_case(case_to_dict(c)) for c in cases)
    return (header + "\n" if header else "") + body
