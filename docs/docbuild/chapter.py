"""Regenerate the generated regions of the chapter, and say which ones changed."""

import difflib
import pathlib

from . import blocks, listings, sessions

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "docs" / "pooling.md"
ALL_KINDS = ("listing", "python", "matlab")


def kind_of(block):
    return block.kind if block.kind == "listing" else block.spec


def generate(text, kinds=ALL_KINDS, octave=None, root=ROOT, chapter=CHAPTER):
    """``(new_text, notes)``: ``text`` with every block of ``kinds`` regenerated.

    Blocks of other kinds keep their text.  ``octave`` is the executable for
    MATLAB sessions; without one, they keep their text and a note says so.
    """
    name = chapter.relative_to(root).as_posix()
    pieces = blocks.parse(text, name)
    notes = []
    python, matlab = [], []
    for piece in pieces:
        if not isinstance(piece, blocks.Block):
            continue
        where = f"{name}:{piece.line}"
        kind = kind_of(piece)
        if kind not in ALL_KINDS:
            raise blocks.DocsError(f"{where}: unknown session language '{piece.spec}' "
                                   "(python or matlab)")
        if kind not in kinds:
            continue
        if kind == "listing":
            piece.body = listings.listing(root, piece.spec, where, chapter.parent)
        else:
            (python if kind == "python" else matlab).append(
                (piece, where, sessions.statements(kind, piece.body, where)))
    if python:
        outputs = sessions.run_python([(w, s) for _, w, s in python])
        for (piece, _, sources), output in zip(python, outputs, strict=True):
            piece.body = sessions.render("python", sources, output)
    if matlab and octave is None:
        notes.append(f"{len(matlab)} MATLAB session(s) not run: no Octave (set "
                     "OCTAVE_EXECUTABLE or install octave-cli); their output is unchecked")
    elif matlab:
        outputs = sessions.run_matlab([(w, s) for _, w, s in matlab], root, octave)
        for (piece, _, sources), output in zip(matlab, outputs, strict=True):
            piece.body = sessions.render("matlab", sources, output)
    return blocks.render(pieces), notes


def differences(old, new, name="docs/pooling.md", context_lines=40):
    """One message per block whose text differs, with where it is and a diff."""
    messages = []
    old_blocks = [p for p in blocks.parse(old, name) if isinstance(p, blocks.Block)]
    new_blocks = [p for p in blocks.parse(new, name) if isinstance(p, blocks.Block)]
    for before, after in zip(old_blocks, new_blocks, strict=True):
        if before.body == after.body:
            continue
        diff = list(difflib.unified_diff(
            before.body.splitlines(), after.body.splitlines(),
            "in the chapter", "regenerated", lineterm="", n=1))
        if len(diff) > context_lines:
            diff = diff[:context_lines] + [f"... ({len(diff) - context_lines} more lines)"]
        messages.append(f"{name}:{before.line}: {before.kind} '{before.spec}' differs:\n"
                        + "\n".join(diff))
    return messages
