"""Listings copied from the real source files, selected by function name.

A spec is ``path`` or ``path:name[,name...]``, the path relative to the
repository root.  Selection needs no markers in the sources, so the people
editing them need not know the chapter exists:

- Python: each name is a top-level ``def`` (or ``Class.method``), found with
  ``ast``; the listing runs from its first decorator to its last line.  A bare
  path lists the whole file.
- MATLAB: each name is a function in the file (the primary one or a local
  one).  A bare path lists the file's primary function.  A function runs from
  its ``function`` line to the first ``end`` in column 0 after it (the style
  MISS_HIT keeps: bodies are indented), or, in a file whose functions have no
  ``end``, to the next function or Octave test block.
"""

import ast
import os
import re
import textwrap

from .blocks import DocsError, fence

LANGUAGES = {".py": ("python", "Python"), ".m": ("matlab", "MATLAB")}


def parse_spec(spec):
    path, _, names = spec.partition(":")
    return path.strip(), [n.strip() for n in names.split(",") if n.strip()]


def python_functions(text, names, where):
    tree = ast.parse(text)
    lines = text.splitlines()
    chunks = []
    for name in names:
        node = _find_def(tree, name.split("."))
        if node is None:
            raise DocsError(f"{where}: no function '{name}' (a renamed or removed function: "
                            "update the listing marker in docs/pooling.md)")
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        chunks.append(textwrap.dedent("\n".join(lines[first - 1:node.end_lineno])))
    return "\n\n\n".join(chunks)


def _find_def(tree, dotted):
    scope = tree.body
    node = None
    for part in dotted:
        node = next((n for n in scope if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                         ast.ClassDef)) and n.name == part),
                    None)
        if node is None:
            return None
        scope = node.body
    return node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None


_MATLAB_FUNCTION = re.compile(
    r"^function\s+(?:(?:\[[^\]]*\]|\w+)\s*=\s*)?(?P<name>\w+)\s*(?:\(|$|%)")


def matlab_functions(text, names, where):
    lines = text.splitlines()
    starts = {}
    for i, line in enumerate(lines):
        m = _MATLAB_FUNCTION.match(line)
        if m:
            starts.setdefault(m.group("name"), i)
    if not starts:
        raise DocsError(f"{where}: not a MATLAB function file")
    primary = min(starts, key=starts.get)
    chunks = []
    for name in names or [primary]:
        if name not in starts:
            raise DocsError(f"{where}: no function '{name}' (a renamed or removed function: "
                            "update the listing marker in docs/pooling.md)")
        first = starts[name]
        last = None
        for j in range(first + 1, len(lines)):
            if re.match(r"^end\s*(%.*)?$", lines[j]):
                last = j
                break
            if _MATLAB_FUNCTION.match(lines[j]) or lines[j].startswith("%!"):
                last = j - 1
                break
        if last is None:
            last = len(lines) - 1
        while last > first and not lines[last].strip():
            last -= 1
        chunks.append("\n".join(lines[first:last + 1]))
    return "\n\n".join(chunks)


def listing(root, spec, where, chapter_dir):
    """The Markdown of one listing: a caption linking the source, then the code."""
    path, names = parse_spec(spec)
    source = root / path
    suffix = source.suffix
    if suffix not in LANGUAGES:
        raise DocsError(f"{where}: cannot list '{path}': only .py and .m files")
    if not source.is_file():
        raise DocsError(f"{where}: '{path}' does not exist (moved? update the marker)")
    text = source.read_text(encoding="utf-8")
    language, label = LANGUAGES[suffix]
    if suffix == ".py":
        code = python_functions(text, names, f"{path}") if names else text
    else:
        code = matlab_functions(text, names, f"{path}")
    shown = ", ".join(f"`{n}`" for n in names) if names else (
        "the whole file" if suffix == ".py" else f"`{source.stem}`")
    link = os.path.relpath(source, chapter_dir).replace(os.sep, "/")
    caption = f"**{label}**: {shown} from [`{path}`]({link})\n"
    return caption + "\n" + fence(code, language)
