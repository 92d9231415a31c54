"""Golden fixture files: the canonical YAML text and a strict loader.

One file per behaviour group, ``fixtures/<operator>/<group>.yaml``, holding a
list of cases.  The text is canonical (this module writes it, and
``python -m conformance.generate --check`` fails on any difference), so a
fixture file can be diffed and reviewed by eye.  The loader uses
``yaml.safe_load`` and then refuses anything that is not exactly the data
``fixtures/README.md`` describes, naming the file, the case id and the reason.
"""

import json
import math
import pathlib
import re
from dataclasses import dataclass, field

import numpy as np
import yaml

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

FLOAT_DTYPES = {"float32": np.float32, "float64": np.float64}
INT_DTYPES = {
    name: getattr(np, name)
    for name in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")
}
DTYPES = {**FLOAT_DTYPES, **INT_DTYPES}
IDENTIFIERS = (
    "pooling:badInput",
    "pooling:badKernel",
    "pooling:badStride",
    "pooling:badPadding",
    "pooling:badDilation",
    "pooling:outputTooSmall",
    "pooling:emptyWindow",
    "pooling:badGradient",
    "pooling:badOption",
    "pooling:badIndices",
    "pooling:badOutputSize",
)


@dataclass(frozen=True)
class Operator:
    """What a fixture of one ``op`` holds: its functions, parameters and arrays.

    ``inputs`` and ``outputs`` name the array fields of an ordinary case;
    ``dy`` and ``dx`` (the backward pass) are left out for integer dtypes,
    which have no backward pass.  ``integers`` says whether integer dtypes
    are allowed at all.
    """

    functions: tuple
    params: tuple
    inputs: tuple
    outputs: tuple
    integers: bool


WINDOW_PARAMS = ("kernel_size", "stride", "padding", "dilation", "ceil_mode")
OPERATORS = {
    "max_pool": Operator(("max_pool", "max_pool_backward"), WINDOW_PARAMS,
                         ("x", "dy"), ("y", "indices", "dx"), True),
    "avg_pool": Operator(("avg_pool", "avg_pool_backward"),
                         WINDOW_PARAMS + ("count_include_pad", "divisor_override"),
                         ("x", "dy"), ("y", "dx"), False),
    "global_max_pool": Operator(("global_max_pool", "global_max_pool_backward"), (),
                                ("x", "dy"), ("y", "indices", "dx"), True),
    "global_avg_pool": Operator(("global_avg_pool", "global_avg_pool_backward"), (),
                                ("x", "dy"), ("y", "dx"), False),
    "max_unpool": Operator(("max_unpool", "max_unpool_backward"), ("output_size",),
                           ("x", "indices", "dy"), ("y", "dx"), True),
}
PARAMS = WINDOW_PARAMS + ("count_include_pad", "divisor_override", "output_size")
# Field order of a case in the canonical text.  An error case has ``call`` and
# ``error`` instead of the outputs.
ORDER = ("id", "description", "op", "dtype", "params", "x", "dy", "y", "indices", "dx",
         "call", "error")
INT_FIELDS = ("indices",)


def fields(op, dtype):
    """(inputs, outputs) of an ordinary case of ``op`` with ``dtype``."""
    spec = OPERATORS[op]
    inputs, outputs = spec.inputs, spec.outputs
    if dtype in INT_DTYPES:
        inputs = tuple(f for f in inputs if f != "dy")
        outputs = tuple(f for f in outputs if f != "dx")
    return inputs, outputs
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Strings written without quotes: names like max_pool and pooling:badKernel.
# YAML 1.1 reads yes/no/on/off/null (and friends) as other types, so those stay quoted.
PLAIN = re.compile(r"^[a-z][A-Za-z0-9_:-]*$")
NOT_PLAIN = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}


class FixtureError(Exception):
    """A fixture file that is not what the contract says; names file, case and reason."""


@dataclass
class Case:
    """One golden case, its arrays decoded to numpy with the case's dtype."""

    file: str
    group: str
    id: str
    description: str
    op: str
    dtype: str
    params: dict
    arrays: dict = field(default_factory=dict)
    call: str = None
    error: str = None

    @property
    def is_error(self):
        return self.error is not None


# ----------------------------------------------------------------- writing


def kind_of(field, dtype):
    """The element type of a field: indices are int64, the rest have the case's dtype."""
    return "int64" if field in INT_FIELDS else dtype


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
    v = DTYPES[dtype](value)
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


# ----------------------------------------------------------------- reading


def _fail(path, case_id, reason):
    where = f"{path}" + (f", case {case_id}" if case_id else "")
    raise FixtureError(f"{where}: {reason}")


def _decode(path, case_id, name, node, kind):
    """Nested lists + shape -> ndarray, refusing anything that is not exactly that."""
    if not isinstance(node, dict) or set(node) != {"shape", "data"}:
        _fail(path, case_id, f"{name} must be a mapping with exactly 'shape' and 'data'")
    shape = node["shape"]
    if not isinstance(shape, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape
    ):
        _fail(path, case_id, f"{name}.shape must be a list of integers >= 0; got {shape!r}")
    flat = []

    def walk(data, depth, where):
        if depth == len(shape):
            if isinstance(data, list):
                _fail(path, case_id, f"{name}{where} is nested deeper than its shape {shape}")
            flat.append(_number(path, case_id, f"{name}{where}", data, kind))
            return
        if not isinstance(data, list):
            _fail(path, case_id, f"{name}{where} must be a list (shape {shape}); got {data!r}")
        if len(data) != shape[depth]:
            if math.prod(shape) == 0 and data == []:
                return
            _fail(
                path, case_id,
                f"{name}{where} has {len(data)} entries, but shape {shape} says {shape[depth]}",
            )
        for i, item in enumerate(data):
            walk(item, depth + 1, f"{where}[{i}]")

    walk(node["data"], 0, "")
    return np.array(flat, dtype=DTYPES[kind]).reshape(shape)


def _number(path, case_id, where, value, kind):
    if kind in INT_DTYPES:
        if not isinstance(value, int) or isinstance(value, bool):
            _fail(path, case_id, f"{where} must be an integer; got {value!r}")
        info = np.iinfo(kind)
        if not info.min <= value <= info.max:
            _fail(path, case_id, f"{where} = {value} does not fit in {kind}")
        return value
    if not isinstance(value, float):
        _fail(
            path, case_id,
            f"{where} must be a float written with a dot (1.0, 1.0e-05, .nan, .inf); "
            f"got {value!r} ({type(value).__name__})",
        )
    if kind == "float32" and not math.isnan(value):
        # Past max * (1 + 2^-24) a cast would round to Inf; refuse it before casting.
        if not math.isinf(value) and abs(value) >= float(np.finfo(np.float32).max) * (1 + 2**-24):
            _fail(path, case_id, f"{where} = {value!r} overflows float32")
        as32 = np.float32(value)
        if float(format_float(as32, "float32").replace(".inf", "inf")) != value:
            _fail(path, case_id, f"{where} = {value!r} is not a float32 value's shortest decimal")
    return value


def _refuse_tags_and_aliases(path, text):
    """Plain data only: no tag (not even ``!!float``), no anchor, no alias.

    ``safe_load`` accepts the standard tags and aliases; a fixture needs
    neither, and either can make the text say something other than what a
    reader sees.
    """
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = getattr(event.start_mark, "line", -1) + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            _fail(path, None, f"not plain YAML data: an anchor or alias at line {line}")
        if getattr(event, "tag", None) is not None:
            _fail(path, None, f"not plain YAML data: the tag {event.tag} at line {line}")


def _check_params(path, case_id, op, params):
    if not isinstance(params, dict):
        _fail(path, case_id, "params must be a mapping")
    unknown = set(params) - set(OPERATORS[op].params)
    if unknown:
        _fail(path, case_id, f"unknown parameter(s) {sorted(unknown)} for {op}")
    for required in ("kernel_size", "output_size"):
        if required in OPERATORS[op].params and required not in params:
            _fail(path, case_id, f"params.{required} is required for {op}")


def load_file(path, root=FIXTURES):
    """Load and check one fixture file; return its list of ``Case``."""
    path = pathlib.Path(path)
    group = path.relative_to(root).with_suffix("").as_posix()
    text = path.read_text(encoding="utf-8")
    try:
        _refuse_tags_and_aliases(path, text)
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        _fail(path, None, f"not plain YAML data: {exc}")
    if not isinstance(raw, list) or not raw:
        _fail(path, None, "a fixture file is a non-empty list of cases")
    cases = []
    for entry in raw:
        if not isinstance(entry, dict):
            _fail(path, None, f"each case must be a mapping; got {entry!r}")
        case_id = entry.get("id")
        if not isinstance(case_id, str) or not ID_PATTERN.match(case_id):
            _fail(path, None, f"case id {case_id!r} is not kebab-case")
        unknown = set(entry) - set(ORDER)
        if unknown:
            _fail(path, case_id, f"unknown field(s) {sorted(unknown)}")
        is_error = "error" in entry
        for name in ("op", "dtype"):
            if name not in entry:
                _fail(path, case_id, f"missing field(s) {[name]}")
        op, dtype = entry["op"], entry["dtype"]
        if op not in OPERATORS:
            _fail(path, case_id, f"unknown op {op!r}")
        if dtype not in DTYPES or (
            dtype in INT_DTYPES and not OPERATORS[op].integers and not is_error
        ):
            _fail(path, case_id, f"dtype {dtype!r} is not one {op} takes")
        inputs, outputs = fields(op, dtype)
        required = {"id", "description", "op", "dtype", "params", "x"}
        required |= {"call", "error"} if is_error else set(inputs) | set(outputs)
        missing = required - set(entry)
        if missing:
            _fail(path, case_id, f"missing field(s) {sorted(missing)}")
        allowed = required | (set(OPERATORS[op].inputs) if is_error else set())
        extra = set(entry) - allowed
        if extra:
            what = "an error case has no outputs" if is_error else f"{op} has no such field"
            _fail(path, case_id, f"{what}; found {sorted(extra)}")
        if not isinstance(entry["description"], str) or not entry["description"].strip():
            _fail(path, case_id, "description must be a non-empty string")
        _check_params(path, case_id, op, entry["params"])
        case = Case(
            file=str(path), group=group, id=case_id, description=entry["description"],
            op=entry["op"], dtype=entry["dtype"], params=entry["params"],
        )
        for name in ("x", "dy", "y", "indices", "dx"):
            if name in entry:
                kind = kind_of(name, dtype)
                case.arrays[name] = _decode(path, case_id, name, entry[name], kind)
        if is_error:
            if entry["error"] not in IDENTIFIERS:
                _fail(path, case_id, f"unknown error identifier {entry['error']!r}")
            if entry["call"] not in OPERATORS[op].functions:
                _fail(path, case_id, f"call {entry['call']!r} is not a function of {entry['op']}")
            case.error, case.call = entry["error"], entry["call"]
        cases.append(case)
    return cases


def case_to_dict(case):
    """The fields of a loaded ``Case`` in the form ``dump_case`` writes."""
    out = {"id": case.id, "description": case.description, "op": case.op,
           "dtype": case.dtype, "params": case.params}
    out.update(case.arrays)
    if case.is_error:
        out.update(call=case.call, error=case.error)
    return out


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


def fixture_files(root=FIXTURES):
    return sorted(pathlib.Path(root).glob("*/*.yaml"))


def load_all(root=FIXTURES):
    """Every case of every fixture file; ids must be unique across files."""
    seen = {}
    cases = []
    for path in fixture_files(root):
        for case in load_file(path, root):
            if case.id in seen:
                _fail(path, case.id, f"duplicate id (also in {seen[case.id]})")
            seen[case.id] = path
            cases.append(case)
    return cases
