"""The golden fixtures as one MAT file, for MATLAB and Octave without Python.

MATLAB and Octave read no YAML, so ``python -m conformance.generate`` (``tox
-e regen``) also writes ``fixtures/fixtures.mat``: every case of every
``fixtures/*/*.yaml`` file as the MATLAB calls it makes (``matlab_call.py``,
the calls the harness sends to Octave) and the outputs they must return, in
MATLAB's layout and index convention; ``matlab/run_conformance.m`` makes
exactly those calls.  The layout is specified in
``fixtures/README.md`` ("The MAT file").  It is a MAT v5 file (what MATLAB's
``save -v7`` writes, compressed), which both ``load`` exactly: doubles, singles
and the eight integer classes keep their bits (NaN, +-Inf, -0.0, int64 and
uint64 extremes).

``generate --check`` (``tox -e fixtures``) and ``tests/test_matfile.py`` compare
the committed file's *content*, never its bytes: a MAT header carries a
timestamp (fixed here, but zlib builds compress differently).
"""

import io
import pathlib
import tempfile
import zlib

import numpy as np

from . import layout
from .matlab_call import matlab_calls, matlab_expected
from .reader import FIXTURES, load_all

MATFILE = FIXTURES / "fixtures.mat"
# The 116 bytes of text that open a MAT v5 file; scipy writes a timestamp there.
HEADER_TEXT = (b"MATLAB 5.0 MAT-file, written by conformance/fixtureio/matfile.py "
               b"from fixtures/*/*.yaml")
ABOUT = (
    "The golden pooling fixtures (fixtures/*/*.yaml) in MATLAB layout, for "
    "matlab/run_conformance.m. Written by python -m conformance.generate; do not edit. "
    "Layout: fixtures/README.md, section 'The MAT file'."
)


# ----------------------------------------------------------------- writing


def _row(values):
    """A 1-by-k double row (scipy would write a 1-D array as a row too; be explicit)."""
    return np.array([list(values)], dtype=np.float64).reshape(1, -1)


def _cell(items):
    """A 1-by-n cell array."""
    cell = np.empty((1, len(items)), dtype=object)
    for i, item in enumerate(items):
        cell[0, i] = item
    return cell


def _mat_value(value):
    """An argument as the MAT file stores it: scalars as 1-by-1 double or logical."""
    if isinstance(value, bool):
        return np.array([[value]], dtype=bool)
    if isinstance(value, float):
        return np.array([[value]], dtype=np.float64)
    return value


def matlab_case(case):
    """One fixture ``Case`` as the struct the MAT file holds (a dict, in field order).

    ``calls`` are the case's MATLAB calls (``matlab_call.py``) without
    'Method'; an ordinary case adds the ``expected`` outputs in MATLAB's
    layout and their fixture ``shapes``, an error case its ``error``.
    """
    calls = [{"function": call.function,
              "args": _cell([_mat_value(v) for v in call.args]),
              "outputs": _cell(list(call.outputs))}
             for call in matlab_calls(case)]
    out = {"id": case.id, "group": case.group, "op": case.op, "dtype": case.dtype,
           "description": case.description, "calls": _cell(calls)}
    if case.is_error:
        out["error"] = case.error
        return out
    expected = matlab_expected(case)
    out["expected"] = {name: layout.to_matlab(value) for name, value in expected.items()}
    out["shapes"] = {name: _row(value.shape) for name, value in expected.items()}
    return out


def variables(cases):
    """The MAT file's variables: ``cases`` (a 1-by-n cell array of structs) and ``about``."""
    return {"cases": _cell([matlab_case(case) for case in cases]), "about": ABOUT}


def encode(cases):
    """The MAT file's bytes: MAT v5, compressed, with a fixed header text."""
    from scipy.io import savemat

    buffer = io.BytesIO()
    savemat(buffer, variables(cases), do_compression=True, long_field_names=True,
            oned_as="row")
    data = bytearray(buffer.getvalue())
    data[:116] = HEADER_TEXT.ljust(116, b" ")
    return bytes(data)


def write(cases, path=MATFILE):
    pathlib.Path(path).write_bytes(encode(cases))


# ----------------------------------------------------------------- reading


def _plain(value):
    """scipy's loadmat result as plain Python: dicts, lists, str, ndarrays.

    Read with ``struct_as_record=False`` and no squeezing, so arrays keep the
    shape written in the file (scipy keeps trailing singletons, MATLAB drops
    them), structs come back as ``mat_struct`` (fields in file order, an empty
    struct stays a struct) and char arrays as 1-element str arrays.  scipy
    reads logical arrays as uint8: the logical flag is not visible here.
    """
    from scipy.io.matlab import mat_struct

    if isinstance(value, mat_struct):
        return {name: _plain(getattr(value, name)) for name in value._fieldnames}
    if isinstance(value, np.ndarray) and value.dtype.kind == "U":
        return "".join(value.reshape(-1).tolist())
    if isinstance(value, np.ndarray) and value.dtype == object:
        # A struct comes as a 1-by-1 array of mat_struct; a cell as an array of anything.
        if value.shape == (1, 1) and isinstance(value[0, 0], mat_struct):
            return _plain(value[0, 0])
        return [_plain(v) for v in value.reshape(-1, order="F")]
    return value


def read(source=MATFILE):
    """The variables of a MAT file (a path or bytes) as plain Python (``_plain``)."""
    from scipy.io import loadmat

    if isinstance(source, bytes):
        source = io.BytesIO(source)
    raw = loadmat(source, struct_as_record=False, squeeze_me=False, chars_as_strings=True)
    return {k: _plain(v) for k, v in raw.items() if not k.startswith("__")}


def _elements(data):
    """The file's variables as uncompressed MAT elements, the header left out."""
    out, pos = [], 128
    while pos + 8 <= len(data):
        kind, size = (int(v) for v in np.frombuffer(data[pos:pos + 8], dtype="<u4"))
        body = data[pos + 8:pos + 8 + size]
        out.append(zlib.decompress(body) if kind == 15 else data[pos:pos + 8 + size])
        pos += 8 + size + (-size % 8 if kind != 15 else 0)
    return out


def _tag(data, pos):
    """(type, size, start of data, start of the next element) of the element at ``pos``."""
    kind, size = (int(v) for v in np.frombuffer(data[pos:pos + 8], dtype="<u4"))
    if kind >> 16:  # the small element format: size and type in one word, data in 4 bytes
        return kind & 0xFFFF, kind >> 16, pos + 4, pos + 8
    return kind, size, pos + 8, pos + 8 + size + (-size % 8)


def _classes(data, pos=0, out=None):
    """Every array of one uncompressed element, depth first: (class, logical flag, dims).

    loadmat does not report the logical flag of nested arrays, so this walks
    the element itself (MAT v5: array flags, dimensions, name, then the cells'
    or the struct fields' elements, or the data).
    """
    out = [] if out is None else out
    _, _, start, _ = _tag(data, pos)
    _, _, flags_at, at = _tag(data, start)
    word = int(np.frombuffer(data[flags_at:flags_at + 4], dtype="<u4")[0])
    cls, logical = word & 0xFF, bool(word & 0x200)
    _, dims_size, dims_at, at = _tag(data, at)
    dims = tuple(int(d) for d in np.frombuffer(data[dims_at:dims_at + dims_size], dtype="<i4"))
    out.append((cls, logical, dims))
    _, _, _, at = _tag(data, at)  # the name
    count = 0
    if cls == 1:  # a cell array: one element per cell
        count = int(np.prod(dims))
    elif cls == 2:  # a struct array: the field names, then one element per field and index
        _, _, len_at, at = _tag(data, at)
        name_len = int(np.frombuffer(data[len_at:len_at + 4], dtype="<i4")[0])
        _, names_size, _, at = _tag(data, at)
        count = int(np.prod(dims)) * (names_size // name_len if name_len else 0)
    for _ in range(count):
        _, _, _, following = _tag(data, at)
        _classes(data, at, out)
        at = following
    return out


def _differences(want, got, where, found):
    if len(found) >= 10:
        return
    if isinstance(want, dict):
        if not isinstance(got, dict) or list(want) != list(got):
            found.append(f"{where}: fields {list(want) if isinstance(want, dict) else want!r}"
                         f" expected, found {list(got) if isinstance(got, dict) else got!r}")
            return
        for key in want:
            _differences(want[key], got[key], f"{where}.{key}", found)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            found.append(f"{where}: {len(want)} elements expected")
            return
        for i, (w, g) in enumerate(zip(want, got, strict=True)):
            label = w.get("id", i) if isinstance(w, dict) else i
            _differences(w, g, f"{where}{{{label}}}", found)
    elif isinstance(want, str):
        if want != got:
            found.append(f"{where}: {want!r} expected, found {got!r}")
    else:
        if not isinstance(got, np.ndarray):
            found.append(f"{where}: an array expected, found {got!r}")
        elif (want.dtype, want.shape) != (got.dtype, got.shape):
            found.append(f"{where}: {want.dtype} {want.shape} expected, "
                         f"found {got.dtype} {got.shape}")
        elif want.tobytes(order="F") != got.tobytes(order="F"):
            found.append(f"{where}: the values differ")


def differences(cases, path=MATFILE):
    """How the MAT file at ``path`` differs from the one ``cases`` make; [] when the same.

    The content is compared, not the bytes (the header's text and zlib's
    choices do not count): equal when the uncompressed variables are equal
    byte for byte; otherwise the values as loadmat reads them (the message
    names the case and field) and every array's class and logical flag, so
    another scipy that encodes the same content differently still passes.
    """
    path = pathlib.Path(path)
    if not path.exists():
        return [f"{path}: missing"]
    fresh, current = encode(cases), path.read_bytes()
    try:
        current_elements = _elements(current)
        if _elements(fresh) == current_elements:
            return []
        found = []
        _differences(read(fresh), read(current), path.name, found)
        if not found:
            fresh_classes = [_classes(e) for e in _elements(fresh)]
            if fresh_classes != [_classes(e) for e in current_elements]:
                found.append(f"{path.name}: an array's class or logical flag differs")
    except Exception as exc:  # an unreadable file is a difference too
        return [f"{path}: cannot be read ({type(exc).__name__}: {exc})"]
    return found


def cases_from_texts(files):
    """Load the cases of fixture texts ``{path under FIXTURES: text}`` (before writing them)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for path, text in files.items():
            target = root / pathlib.Path(path).relative_to(FIXTURES)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        cases = load_all(root)
    for case in cases:
        case.file = str(FIXTURES / pathlib.Path(case.file).relative_to(root))
    return cases


if __name__ == "__main__":  # python -m conformance.fixtureio.matfile: rewrite it from the YAML
    write(load_all())
    print(f"wrote {MATFILE}")
