"""The conformance report: the fixture group x language table, as text, Markdown and HTML.

The pytest hooks in ``conformance/tests/conftest.py`` collect one outcome per
test of a fixture case (``Outcomes.add``); this module turns them into the
table the terminal shows and the files ``--report-md`` and ``--report-html``
write, with the failures and the environment the run ran on.  A run that
was asked for a report always writes one, saying how it ended (collection
error, interrupted, no case ran, exit status), so an earlier run's green
report cannot stand for a failed one.
"""

import collections
import html
import os
import pathlib
import platform
import subprocess
import sys

LANGUAGES = ("python", "octave")


class Outcomes:
    """Outcome counts per (group, language), and the failures with their messages."""

    def __init__(self):
        self.counts = collections.defaultdict(collections.Counter)
        self.failures = []
        self.collection_errors = []  # (node id, message)
        self.exit_status = None  # pytest's: 0 passed, 1 failed, 2 interrupted, 5 none ran
        self.fixtures = None  # the fixture folder the run read

    def __bool__(self):
        return bool(self.counts)

    def add(self, group, language, outcome, test=None, message=None):
        self.counts[group, language][outcome] += 1
        if outcome == "failed":
            self.failures.append((group, language, test, message))


def environment():
    """What the run ran on: the versions that decide exactness, and the platform."""
    import numpy

    info = {"Python": sys.version.split()[0], "numpy": numpy.__version__,
            "platform": platform.platform(), "machine": platform.machine()}
    try:
        import oct2py

        info["oct2py"] = oct2py.__version__
    except ImportError:
        info["oct2py"] = "not installed"
    exe = os.environ.get("OCTAVE_EXECUTABLE") or "octave-cli"
    try:
        first = subprocess.run([exe, "--version"], capture_output=True, text=True,
                               timeout=30).stdout.splitlines()
        info["Octave"] = first[0] if first else "unknown"
    except (OSError, subprocess.TimeoutExpired):
        info["Octave"] = "not found"
    return info


def table(outcomes):
    """(languages, rows of (group, {language: "n passed, m FAILED"}))."""
    groups = sorted({g for g, _ in outcomes.counts})
    languages = [lang for lang in LANGUAGES if any(w == lang for _, w in outcomes.counts)]
    rows = []
    for group in groups:
        cells = {}
        for lang in languages:
            counts = outcomes.counts.get((group, lang), collections.Counter())
            text = f"{counts['passed']} passed"
            if counts["failed"]:
                text += f", {counts['failed']} FAILED"
            if counts["skipped"]:
                text += f", {counts['skipped']} skipped"
            cells[lang] = text
        rows.append((group, cells))
    return languages, rows


def verdict(outcomes):
    """One line saying how the run ended; "all fixtures agree" only for a complete, clean one."""
    status = outcomes.exit_status
    total_failed = sum(c["failed"] for c in outcomes.counts.values())
    if outcomes.collection_errors:
        return (f"COLLECTION ERROR: {len(outcomes.collection_errors)} module(s) could not be "
                "collected, so their fixtures were not checked")
    if status == 2:
        return "INTERRUPTED: the run did not finish" + (
            f"; {total_failed} FAILED before it stopped" if total_failed else "")
    if total_failed:
        return f"{total_failed} FAILED"
    if not outcomes:
        return "NO CASES RAN: nothing was checked"
    if status not in (0, None):
        return f"all fixtures that ran agree, but the run failed (exit status {status})"
    return "all fixtures agree"


def _fixture_version(root):
    from ..fixtureio import manifest

    try:
        return manifest.read(root)["version"]
    except manifest.ManifestError:
        return "unknown: no valid manifest.json"


def write_reports(outcomes, md_path=None, html_path=None):
    """Write the report as Markdown to ``md_path``, as HTML to ``html_path`` (or neither)."""
    if not (md_path or html_path):
        return
    languages, rows = table(outcomes)
    env = environment()
    if outcomes.fixtures is not None:
        env["fixtures"] = f"{outcomes.fixtures} (version {_fixture_version(outcomes.fixtures)})"
    env["exit status"] = str(outcomes.exit_status)
    result = verdict(outcomes)
    lines = ["# Conformance report", "", f"Result: **{result}**.", ""]
    if languages:
        lines += ["| group | " + " | ".join(languages) + " |",
                  "|---|" + "---|" * len(languages)]
        lines += [f"| {g} | " + " | ".join(c[lang] for lang in languages) + " |"
                  for g, c in rows]
    if outcomes.collection_errors:
        lines += ["", "## Collection errors", ""]
        lines += [f"- `{node}`: {msg}" for node, msg in outcomes.collection_errors]
    lines += ["", "## Failures", ""]
    lines += [f"- `{node}` ({group}, {lang}): {msg.splitlines()[0] if msg else ''}"
              for group, lang, node, msg in outcomes.failures] or ["None."]
    lines += ["", "## Environment", ""] + [f"- {k}: {v}" for k, v in env.items()]
    if md_path:
        pathlib.Path(md_path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(md_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if html_path:
        head = "".join(f"<th>{html.escape(x)}</th>" for x in ["group", *languages])
        body = "".join(
            "<tr><td>" + html.escape(g) + "</td>"
            + "".join(f"<td>{html.escape(c[lang])}</td>" for lang in languages) + "</tr>"
            for g, c in rows)
        fails = "".join(f"<li><code>{html.escape(n)}</code> ({html.escape(g)}, {html.escape(la)})"
                        f"<pre>{html.escape(m or '')}</pre></li>"
                        for g, la, n, m in outcomes.failures)
        envs = "".join(f"<li>{html.escape(k)}: {html.escape(v)}</li>" for k, v in env.items())
        collection = "".join(f"<li><code>{html.escape(n)}</code><pre>{html.escape(m)}</pre></li>"
                             for n, m in outcomes.collection_errors)
        page = (f"<!doctype html><meta charset=utf-8><title>Conformance report</title>"
                f"<h1>Conformance report</h1><p>Result: <b>{html.escape(result)}</b></p>"
                f"<table border=1><tr>{head}</tr>{body}</table>"
                + (f"<h2>Collection errors</h2><ul>{collection}</ul>" if collection else "") +
                f"<h2>Failures</h2><ul>{fails or '<li>None.</li>'}</ul>"
                f"<h2>Environment</h2><ul>{envs}</ul>")
        pathlib.Path(html_path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(html_path).write_text(page, encoding="utf-8")




def terminal_lines(outcomes):
    """The group x language table as lines of text."""
    languages, rows = table(outcomes)
    width = max(len(g) for g, _ in rows) + 2
    lines = ["group".ljust(width) + "".join(lang.ljust(22) for lang in languages)]
    lines += [group.ljust(width) + "".join(cells[lang].ljust(22) for lang in languages)
              for group, cells in rows]
    return lines
