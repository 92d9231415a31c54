"""``python -m conformance.runner.deviations JSON...``: the published deviation table.

Reads the JSON reports of ``python -m conformance run --impl
conformance.adapters.<name> --differences ... --json FILE`` (``tox -e
deviations`` writes one per shipped adapter) and writes

- ``docs/deviations.md``: the versions measured, the matrix framework x
  fixture group (exact / rounding / mismatch / unsupported; refused /
  accepted for error groups), and each deviation class (a rule of an
  adapter's differences file) with its cause and one example case, expected
  and got in full precision;
- ``docs/img/deviations.svg``: a picture of the matrix.

It fails (exit 1) where the table would hide something: a mismatch, an
accepted bad call or a rounding case no rule lists, a rule that lists no
case, or a measured version other than the pin in
``conformance/requirements-frameworks.txt``.  Nothing here depends on the
frameworks: only the JSON reports, the differences files and matplotlib.
"""

import argparse
import json
import pathlib
import re
import sys

from . import differences

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deviations.md"
IMAGES = ROOT / "docs" / "img"
REQUIREMENTS = ROOT / "conformance" / "requirements-frameworks.txt"
# The shipped adapters, in the order of the table: module -> (name, distributions shown).
ADAPTERS = {
    "conformance.adapters.torch_pooling": ("PyTorch", ("torch",)),
    "conformance.adapters.onnxruntime_pooling": ("ONNX Runtime", ("onnxruntime", "onnx")),
    "conformance.adapters.jax_pooling": ("JAX", ("jax", "jaxlib")),
}
ORDINARY = ("exact", "rounding", "mismatch", "unsupported")
ERRORS = ("refused", "accepted", "unsupported", "skipped")
# Okabe and Ito's palette, as docs/docbuild/pictures.py.
COLOURS = {"exact": "#009E73", "rounding": "#56B4E9", "mismatch": "#D55E00",
           "unsupported": "#d0d0d0", "refused": "#0072B2", "accepted": "#E69F00",
           "skipped": "#f0f0f0"}


def pins(path=REQUIREMENTS):
    """``{distribution: version}`` of the ``name==version`` lines of a requirements file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s#;]+)", line)
        if m:
            found[m.group(1).lower()] = m.group(2)
    return found


def base_version(version):
    """``2.13.0+cpu`` -> ``2.13.0``: the local label names the build, not the release."""
    return version.partition("+")[0]


def load_reports(paths):
    """The reports, in the order of ``ADAPTERS``, each with its differences rules."""
    reports = []
    for path in paths:
        report = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        impl = report["implementation"]
        if impl not in ADAPTERS:
            raise SystemExit(f"{path}: {impl} is not a shipped adapter")
        rules_path = ROOT / report["differences"] if report.get("differences") else None
        report["rules"] = differences.load(rules_path) if rules_path else []
        reports.append(report)
    order = list(ADAPTERS)
    return sorted(reports, key=lambda r: order.index(r["implementation"]))


def is_error_group(group):
    return group.endswith(("/errors", "/catalogue"))


def matrix(reports):
    """``(groups, {implementation: {group: {verdict: n}}})``, groups in fixture order."""
    groups, cells = [], {}
    for report in reports:
        table = cells.setdefault(report["implementation"], {})
        for r in report["cases"]:
            if r["group"] not in groups:
                groups.append(r["group"])
            row = table.setdefault(r["group"], {})
            row[r["verdict"]] = row.get(r["verdict"], 0) + 1
    return groups, cells


def cell_text(group, row):
    verdicts = ERRORS if is_error_group(group) else ORDINARY
    return " / ".join(str(row.get(v, 0)) if row.get(v) else "." for v in verdicts)


def problems(reports, pinned):
    """What the published table must not hide: unlisted cases, stale rules, unpinned versions."""
    out = []
    for report in reports:
        name = ADAPTERS[report["implementation"]][0]
        for r in report["cases"]:
            if r["verdict"] in ("mismatch", "accepted", "rounding") and not r.get("listed"):
                out.append(f"{name}: {r['id']} is {r['verdict']} and no rule lists it")
        used = {r.get("listed") for r in report["cases"]}
        out += [f"{name}: rule {rule['rule']} lists no case of the run"
                for rule in report["rules"] if rule["rule"] not in used]
        if report.get("profile") != "strict" or report.get("groups"):
            out.append(f"{name}: the table needs a run over every case (strict, no --groups)")
        for dist in ADAPTERS[report["implementation"]][1]:
            got = report.get("versions", {}).get(dist)
            if got is None or base_version(got) != pinned.get(dist):
                out.append(f"{name}: measured {dist} {got}, pinned {pinned.get(dist)}")
    return out


def _one_line(text):
    return " ".join(str(text).split())


def render(reports, picture="img/deviations.svg"):
    """docs/deviations.md as text."""
    groups, cells = matrix(reports)
    names = [ADAPTERS[r["implementation"]][0] for r in reports]
    first = reports[0]
    lines = [
        "# Where PyTorch, ONNX Runtime and JAX differ from the fixtures",
        "",
        "<!-- Generated by `tox -e deviations` (python -m conformance.runner.deviations); "
        "do not edit. -->",
        "",
        "Each shipped adapter (`conformance/adapters/`) run over every fixture with "
        "`python -m conformance run --impl conformance.adapters.<name> --differences "
        "conformance/adapters/<name>.differences.yaml` (profile "
        f"`{first['profile']}`, fixtures {first['fixture_version']}). Verdicts as in "
        "fixtures/README.md, \"How to run your implementation\": *rounding* differs only "
        f"in the last bits (at most {first['rounding_ulps']} ulp). Every mismatch, "
        "accepted bad call and rounding case is listed by a rule of the adapter's "
        "differences file; each rule is a deviation class below, with its cause. Why the "
        "frameworks do what they do, and what is not measured here: SPEC.md, section 14.",
        "",
        "## Versions",
        "",
        "| framework | adapter | packages | numpy | Python |",
        "|---|---|---|---|---|",
    ]
    for report, name in zip(reports, names, strict=True):
        versions = report.get("versions", {})
        packages = ", ".join(f"{d} {versions.get(d, '?')}"
                             for d in ADAPTERS[report["implementation"]][1])
        lines.append(f"| {name} | `{report['implementation']}` | {packages} | "
                     f"{versions.get('numpy', '?')} | {report.get('python', '?')} |")
    lines += [
        "",
        "CPU builds, one thread (`OMP_NUM_THREADS=1`); the pins are "
        "`conformance/requirements-frameworks.txt`.",
        "",
        "## The matrix",
        "",
        "Per fixture group: exact / rounding / mismatch / unsupported cases; for the error "
        "groups (`*/errors`, `*/catalogue`): refused / accepted / unsupported / skipped "
        "(`api` error cases). `.` is none.",
        "",
        f"![framework x fixture group]({picture})",
        "",
        "| group | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for group in groups:
        row = [cell_text(group, cells[r["implementation"]].get(group, {})) for r in reports]
        lines.append(f"| `{group}` | " + " | ".join(row) + " |")
    totals = []
    for report in reports:
        count = {}
        for r in report["cases"]:
            count[r["verdict"]] = count.get(r["verdict"], 0) + 1
        totals.append(", ".join(f"{count[v]} {v}" for v in ORDINARY + ERRORS[:2]
                                if count.get(v)))
    lines.append("| **total** | " + " | ".join(totals) + " |")
    partial = [sum(r["verdict"] != "unsupported" and "unsupported" in r["outputs"].values()
                   for r in report["cases"]) for report in reports]
    lines += ["", "Judged in part (a case whose other outputs are unsupported is judged on "
              "those compared, e.g. JAX's max pooling on its gradient alone, ONNX Runtime's "
              "on its forward outputs): " + ", ".join(
                  f"{name} {n}" for name, n in zip(names, partial, strict=True)) + "."]
    lines += ["", "## Deviation classes", ""]
    for report, name in zip(reports, names, strict=True):
        lines += [f"### {name}", "",
                  f"Rules of `{report['differences']}`: "
                  f"{len(report['rules'])}.", ""]
        for rule in report["rules"]:
            listed = [r for r in report["cases"] if r.get("listed") == rule["rule"]]
            by = {}
            for r in listed:
                by[r["verdict"]] = by.get(r["verdict"], 0) + 1
            counts = ", ".join(f"{n} {v}" for v, n in sorted(by.items()))
            outputs = ", ".join(rule.get("outputs", [])) or "any"
            lines += [f"#### `{rule['rule']}`", "",
                      f"Cause: {_one_line(rule['why'])}", "",
                      f"Outputs: {outputs}. Cases: {counts or 'none'}.", ""]
            if listed:
                ex = listed[0]
                lines += [f"Example: `{ex['id']}` ({ex['group']}, {ex['dtype']}), "
                          f"{ex['verdict']}:", "", "```text",
                          _one_line(ex["reason"]), "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def draw(reports, folder=IMAGES):
    """The matrix as a picture: one stacked bar per group and framework. Returns the path."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    groups, cells = matrix(reports)
    names = [ADAPTERS[r["implementation"]][0] for r in reports]
    style = {"svg.hashsalt": "pooling-conformance-deviations", "svg.fonttype": "path",
             "font.family": "DejaVu Sans", "font.size": 8}
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with matplotlib.rc_context(style):
        height = 0.22 * len(groups) + 1.1
        fig = Figure(figsize=(7.5, height))
        ax = fig.add_axes((0.27, 0.02, 0.71, 1 - 0.9 / height))
        for col, report in enumerate(reports):
            for row, group in enumerate(groups):
                counts = cells[report["implementation"]].get(group, {})
                total = sum(counts.values()) or 1
                left = col + 0.04
                for verdict in ("exact", "rounding", "refused", "mismatch", "accepted",
                                "unsupported", "skipped"):
                    width = 0.92 * counts.get(verdict, 0) / total
                    if width:
                        ax.add_patch(Rectangle((left, row + 0.12), width, 0.76,
                                               facecolor=COLOURS[verdict], linewidth=0))
                        left += width
        ax.set_xlim(0, len(reports))
        ax.set_ylim(len(groups), 0)
        ax.set_xticks([c + 0.5 for c in range(len(reports))], names)
        ax.xaxis.tick_top()
        ax.set_yticks([r + 0.5 for r in range(len(groups))], groups)
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        handles = [Patch(facecolor=COLOURS[v], label=v) for v in COLOURS]
        fig.legend(handles=handles, loc="upper left", ncol=6, frameon=False,
                   bbox_to_anchor=(0.0, 1.0), fontsize=7)
        # SVG only: byte for byte the same for the same runs (fixed hash salt, no date);
        # a PNG in docs/img/ is one of the chapter's pictures (test_docs.py).
        path = folder / "deviations.svg"
        fig.savefig(path, metadata={"Date": None, "Creator": None}, facecolor="white")
        written.append(path)
    return written


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m conformance.runner.deviations",
                                description=__doc__.splitlines()[0])
    p.add_argument("reports", nargs="+", type=pathlib.Path, metavar="JSON",
                   help="the --json reports of the adapters' runs")
    p.add_argument("--out", type=pathlib.Path, default=DOC, help="default: docs/deviations.md")
    p.add_argument("--img", type=pathlib.Path, default=IMAGES, help="default: docs/img")
    args = p.parse_args(argv)
    reports = load_reports(args.reports)
    found = problems(reports, pins())
    for line in found:
        print(f"deviations: {line}")
    picture = pathlib.Path("img") / "deviations.svg"
    args.out.write_text(render(reports, picture.as_posix()), encoding="utf-8")
    written = draw(reports, args.img)
    print(f"wrote {args.out} and " + ", ".join(str(w) for w in written))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
