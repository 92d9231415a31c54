"""The strict fixture reader: golden fixture files in, ``Case`` objects out.

One file per behaviour group, ``fixtures/<operator>/<group>.yaml``, holding a
list of cases.  The loader reads with ``yaml.safe_load``'s rules plus one
(a duplicate key is refused) and then refuses anything that is not exactly
the data ``fixtures/README.md`` describes (the operators' fields from
``conformance/operators.py``), naming the file, the case id and the reason.
Before any parsing, the folder must hold only the expected files (``check_folder``),
each at most ``MAX_FILE_BYTES``, and ``load_all`` checks them against the
generator's ``manifest.json`` (``conformance/fixtureio/manifest.py``), so a
deleted, added or edited file fails every run.  Whatever a file holds, the
answer is a ``FixtureError`` naming it, never an exception from inside
yaml or numpy.
"""

import math
import pathlib
import re
from dataclasses import dataclass, field

import numpy as np
import yaml

from ..operators import (
    ARRAYS,
    DTYPES,
    IDENTIFIERS,
    INT_DTYPES,
    OPERATORS,
    ORDER,
    TAGS,
    TIERS,
    kind_of,
)

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"

NUMPY = {name: np.dtype(name).type for name in DTYPES}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Limits on what a file may ask the loader to do (fixtures/README.md, "Limits").
# The largest generated file is about 40 KB.
MAX_FILE_BYTES = 4 * 2**20
MAX_NESTING = 64
MAX_RANK = 8
MAX_DIM = 2**31 - 1
MAX_ELEMENTS = 2**24  # product of an array's non-zero dimensions
# What a fixture folder holds besides <operator>/<group>.yaml.
TOP_LEVEL_FILES = ("README.md", "schema.json", "fixtures.mat", "manifest.json")


class FixtureError(Exception):
    """A fixture file that is not what the contract says; names file, case and reason."""


class _StrictLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses a mapping with the same key twice.

    PyYAML lets the last of two equal keys win silently, so a second ``y:`` or
    ``error:`` would change a case without anyone seeing it.
    """

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:  # unhashable: the base class refuses it
                    continue
                if duplicate:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r} (first at line {seen[key]})",
                        key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _safe_data(text):
    """The data of one YAML document under the strict loader (safe_load's rules)."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


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
    tier: str = None  # error cases: "semantic" or "api" (operators.TIERS)
    pins: tuple = None
    needs: tuple = None

    @property
    def is_error(self):
        return self.error is not None


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
    if len(shape) > MAX_RANK or any(n > MAX_DIM for n in shape) or math.prod(
            n for n in shape if n) > MAX_ELEMENTS:
        _fail(path, case_id, f"{name}.shape {shape} is absurd: at most {MAX_RANK} dimensions "
                             f"of at most {MAX_DIM}, at most {MAX_ELEMENTS} elements")
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
    return np.array(flat, dtype=NUMPY[kind]).reshape(shape)


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
        # numpy prints a float32 as its shortest round-trip decimal.
        if float(str(as32)) != value:
            _fail(path, case_id, f"{where} = {value!r} is not a float32 value's shortest decimal")
    return value


def _refuse_tags_and_aliases(path, text):
    """Plain data only: no tag (not even ``!!float``), no anchor, no alias, no deep nesting.

    ``safe_load`` accepts the standard tags and aliases; a fixture needs
    neither, and either can make the text say something other than what a
    reader sees.  Nesting is limited before anything recursive sees it.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = getattr(event.start_mark, "line", -1) + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            _fail(path, None, f"not plain YAML data: an anchor or alias at line {line}")
        if getattr(event, "tag", None) is not None:
            _fail(path, None, f"not plain YAML data: the tag {event.tag} at line {line}")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                _fail(path, None, f"nested more than {MAX_NESTING} levels deep at line {line}")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def read_text(path):
    """The text of a fixture file, refused unless it is a UTF-8 regular file within the limit."""
    path = pathlib.Path(path)
    if not path.is_file():
        _fail(path, None, "not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        _fail(path, None, f"{size} bytes, over the limit of {MAX_FILE_BYTES} bytes per file")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(path, None, f"not UTF-8 text: {exc}")


def parse_text(path, text):
    """The plain data of a fixture file's text, or a ``FixtureError`` saying why not."""
    try:
        _refuse_tags_and_aliases(path, text)
        return _safe_data(text)
    except yaml.YAMLError as exc:
        _fail(path, None, f"not plain YAML data: {exc}")
    except RecursionError:
        _fail(path, None, "not plain YAML data: nested too deeply")
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        _fail(path, None, f"not plain YAML data: {exc}")


def _check_params(path, case_id, op, params):
    if not isinstance(params, dict):
        _fail(path, case_id, "params must be a mapping")
    unknown = set(params) - set(OPERATORS[op].param_names)
    if unknown:
        _fail(path, case_id, f"unknown parameter(s) {sorted(unknown)} for {op}")
    for param in OPERATORS[op].params:
        if param.required and param.name not in params:
            _fail(path, case_id, f"params.{param.name} is required for {op}")


def _tags(path, case_id, entry):
    """``pins`` and ``needs`` where the case has them: names of their vocabulary, in its order."""
    found = {}
    for name, vocabulary in TAGS.items():
        if name not in entry:
            continue
        value = entry[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            _fail(path, case_id, f"{name} must be a list of names")
        unknown = [v for v in value if v not in vocabulary]
        if unknown:
            _fail(path, case_id, f"unknown {name} {unknown}; known: {list(vocabulary)}")
        if value != [v for v in vocabulary if v in value]:
            _fail(path, case_id, f"{name} must be unique and in the order {list(vocabulary)}")
        found[name] = tuple(value)
    return found


def load_file(path, root=FIXTURES):
    """Load and check one fixture file; return its list of ``Case``."""
    path = pathlib.Path(path)
    group = path.relative_to(root).with_suffix("").as_posix()
    raw = parse_text(path, read_text(path))
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
        if dtype not in DTYPES or (dtype not in OPERATORS[op].dtypes and not is_error):
            _fail(path, case_id, f"dtype {dtype!r} is not one {op} takes")
        inputs, outputs = OPERATORS[op].fields(dtype)
        required = {"id", "description", "op", "dtype", "params", "x"}
        required |= {"call", "error"} if is_error else set(inputs) | set(outputs)
        missing = required - set(entry)
        if missing:
            _fail(path, case_id, f"missing field(s) {sorted(missing)}")
        error_fields = set(OPERATORS[op].inputs) | set(OPERATORS[op].optional_inputs) | {"tier"}
        allowed = required | set(TAGS) | (error_fields if is_error else set())
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
        for name, value in _tags(path, case_id, entry).items():
            setattr(case, name, value)
        for name in ARRAYS:
            if name in entry:
                kind = kind_of(name, dtype)
                case.arrays[name] = _decode(path, case_id, name, entry[name], kind)
        if is_error:
            if entry["error"] not in IDENTIFIERS:
                _fail(path, case_id, f"unknown error identifier {entry['error']!r}")
            if entry["error"] not in OPERATORS[op].errors:
                _fail(path, case_id, f"{op} never raises {entry['error']}")
            if entry["call"] not in OPERATORS[op].calls:
                _fail(path, case_id, f"call {entry['call']!r} is not a function of {entry['op']}")
            if "tier" not in entry:
                _fail(path, case_id, "missing field(s) ['tier']: an error case is "
                                     f"one of {list(TIERS)}")
            if entry["tier"] not in TIERS:
                _fail(path, case_id, f"tier must be one of {list(TIERS)}; got {entry['tier']!r}")
            case.error, case.call, case.tier = entry["error"], entry["call"], entry["tier"]
        cases.append(case)
    return cases


def fixture_files(root=FIXTURES):
    return sorted(pathlib.Path(root).glob("*/*.yaml"))


def check_folder(root=FIXTURES):
    """Refuse anything in a fixture folder but ``<operator>/<group>.yaml`` and the known files.

    A ``*.yml``, ``*.YAML``, a nested folder, a top-level ``x.yaml`` or a folder
    named ``x.yaml`` would otherwise be skipped without a word; a file over
    ``MAX_FILE_BYTES`` is refused before anything reads it.
    """
    root = pathlib.Path(root)
    if not root.is_dir():
        _fail(root, None, "the fixture folder does not exist")
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            if entry.name not in OPERATORS:
                _fail(entry, None, f"unexpected folder: not an operator ({', '.join(OPERATORS)})")
            for item in sorted(entry.iterdir()):
                if item.suffix != ".yaml" or not item.is_file() or item.is_symlink():
                    _fail(item, None, "unexpected entry: an operator folder holds only "
                                      "<group>.yaml files")
                size = item.stat().st_size
                if size > MAX_FILE_BYTES:
                    _fail(item, None,
                          f"{size} bytes, over the limit of {MAX_FILE_BYTES} bytes per file")
        elif entry.name not in TOP_LEVEL_FILES or not entry.is_file():
            _fail(entry, None, f"unexpected file: a fixture folder holds <operator>/<group>.yaml "
                               f"and {', '.join(TOP_LEVEL_FILES)}")


def load_all(root=FIXTURES, manifest=None):
    """Every case of every fixture file; ids must be unique across files.

    The folder must hold nothing unexpected (``check_folder``).  With
    ``manifest`` true, or by default for the repository's fixtures and any
    folder holding a ``manifest.json``, the files must be exactly those the
    manifest lists, with its hashes and case counts.
    """
    from . import manifest as manifests

    root = pathlib.Path(root)
    check_folder(root)
    if manifest is None:
        manifest = root.resolve() == FIXTURES or (root / manifests.NAME).exists()
    try:
        listed = manifests.verify(root) if manifest else None
    except manifests.ManifestError as exc:
        raise FixtureError(str(exc)) from None
    seen = {}
    cases = []
    for path in fixture_files(root):
        loaded = load_file(path, root)
        if listed is not None:
            try:
                manifests.check_count(root, path, len(loaded), listed)
            except manifests.ManifestError as exc:
                raise FixtureError(str(exc)) from None
        for case in loaded:
            if case.id in seen:
                _fail(path, case.id, f"duplicate id (also in {seen[case.id]})")
            seen[case.id] = path
            cases.append(case)
    return cases
