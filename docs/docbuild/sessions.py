"""Interactive sessions in the chapter, replayed to regenerate their output.

A session block holds one fenced block of prompts and output.  The input
lines (``>>>``/``...`` for Python, ``>>`` for MATLAB) are the author's; the
output lines are thrown away and written again from a real run, so every
number the chapter shows is one the code computed.  All sessions of one
language share one workspace, in the order they appear: the chapter reads
top to bottom like a single session.

Python runs in this process (from the ``pooling`` that is importable:
``docs/build.py`` puts the checkout's ``python/src`` first).  MATLAB runs in
GNU Octave (``OCTAVE_EXECUTABLE``, else ``octave-cli`` or ``octave`` on the
PATH), in one process for all its sessions.  Both find the chapter's own
functions: ``docs/chapter/python`` is importable while the Python sessions run,
and ``docs/chapter/matlab`` is on Octave's path.
"""

import contextlib
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import traceback

from .blocks import DocsError, fence, fenced_lines

CAPTIONS = {
    "python": "**Python**\n",
    "matlab": "**MATLAB** (output as printed by GNU Octave)\n",
}
_MARK = "@@docbuild-session@@"
# The chapter's self-contained functions (docs/chapter/<language>/).
CHAPTER_CODE = pathlib.Path(__file__).resolve().parents[1] / "chapter"


def statements(kind, body, where):
    """The input statements of a session body, each as its source text."""
    found = []
    for line in fenced_lines(body, where):
        if kind == "python":
            if line.startswith(">>>"):
                found.append([line[4:]])
            elif line.startswith("...") and found:
                found[-1].append(line[4:])
        elif line.startswith(">>"):
            found.append([line[3:]])
    if not found:
        raise DocsError(f"{where}: a {kind} session without any input line")
    return ["\n".join(lines) for lines in found]


def render(kind, sources, outputs):
    """The body of a session block: caption, then prompts and output in a fence."""
    lines = []
    previous = []
    for source, output in zip(sources, outputs, strict=True):
        if kind == "python":
            first, *rest = source.split("\n")
            lines.append((">>> " + first).rstrip())
            lines += [("... " + r).rstrip() for r in rest]
        else:
            # MATLAB leaves a blank line after a displayed matrix; without it
            # the next prompt reads as part of the matrix.
            if len(previous) > 1:
                lines.append("")
            lines.append((">> " + source).rstrip())
        lines += output
        previous = output
    language = "pycon" if kind == "python" else "matlab"
    return CAPTIONS[kind] + "\n" + fence("\n".join(lines), language)


def _clean(text):
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def run_python(sessions):
    """Outputs of ``sessions`` (a list of ``(where, [source, ...])``), run in one namespace."""
    namespace = {"__name__": "__chapter__"}
    results = []
    sys.path.insert(0, str(CHAPTER_CODE / "python"))
    try:
        for where, sources in sessions:
            results.append(_run_python_session(where, sources, namespace))
    finally:
        sys.path.remove(str(CHAPTER_CODE / "python"))
    return results


def _run_python_session(where, sources, namespace):
    """The outputs of one session's statements, run in ``namespace``."""
    outputs = []
    for source in sources:
        buffer = io.StringIO()
        try:
            code = compile(source + "\n", where, "single")
            with contextlib.redirect_stdout(buffer):
                exec(code, namespace)  # the chapter's own examples, nothing else
        except Exception as exc:
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            raise DocsError(f"{where}: Python statement failed: {source!r}: {last}") from None
        outputs.append(_clean(buffer.getvalue()))
    return outputs


def octave_executable():
    """The Octave to run MATLAB sessions with, or None when there is none."""
    return (os.environ.get("OCTAVE_EXECUTABLE") or shutil.which("octave-cli")
            or shutil.which("octave"))


def run_matlab(sessions, root, executable):
    """Outputs of MATLAB ``sessions``, all run in one Octave process with ``matlab/`` on the path.

    Each statement is written to a script as it stands, so it displays its
    result exactly as typed at the prompt would; a marker line printed before
    each one splits the output back into statements.
    """
    script = ["more off", f"addpath('{(root / 'matlab').as_posix()}');",
              f"addpath('{(root / 'docs' / 'chapter' / 'matlab').as_posix()}');"]
    for b, (_, sources) in enumerate(sessions):
        for s, source in enumerate(sources):
            script.append(f"fprintf('{_MARK} {b} {s}\\n');")
            script.append(source)
    script.append(f"fprintf('{_MARK} end\\n');")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "chapter_sessions.m")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(script) + "\n")
        try:
            done = subprocess.run(
                [executable, "--no-gui", "--norc", "--quiet", "--no-window-system", path],
                capture_output=True, text=True, timeout=300, cwd=tmp)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocsError(f"could not run Octave ({executable}): {exc}") from None
    chunks = done.stdout.split(_MARK + " ")
    ran = {}
    for chunk in chunks[1:]:
        head, _, text = chunk.partition("\n")
        if head != "end":
            b, s = map(int, head.split())
            ran[b, s] = _clean(text)
    if done.returncode != 0 or not done.stdout.rstrip().endswith(_MARK + " end"):
        failed = max(ran, default=None)
        where, sources = sessions[failed[0]] if failed else ("", [""])
        statement = sources[failed[1]] if failed else ""
        raise DocsError(f"{where}: MATLAB session failed in Octave at {statement!r}:\n"
                        f"{done.stderr.strip()}")
    return [[ran[b, s] for s in range(len(sources))] for b, (_, sources) in enumerate(sessions)]
