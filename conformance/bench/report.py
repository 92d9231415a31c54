"""Ratios, the targets of issue 13 beside them, and the printed tables."""

import math

from . import cases as cs


def _num(value):
    return value is not None and isinstance(value, (int, float)) and math.isfinite(value)


def ratio(a, b):
    return a / b if _num(a) and _num(b) and b > 0 else None


def python_ratios(p):
    return {
        "fast_copy": ratio(p["fast"], p["copy"]),
        "fast_torch": ratio(p["fast"], p.get("torch")),
        "naive_fast": ratio(p["naive"], p["fast"]),
        "memory": ratio(p["peak_bytes"], p["io_bytes"]),
    }


def octave_ratios(o, p):
    if not o:
        return {"fast_copy": None, "naive_fast": None, "octave_python": None}
    return {
        "fast_copy": ratio(o.get("fast"), o.get("copy")),
        "naive_fast": ratio(o.get("naive"), o.get("fast")),
        "octave_python": ratio(o.get("fast"), p["fast"]),
    }


def _targets_of(case, op):
    """(ratio name, side, Target) for every target that applies to this case and op."""
    found = [("fast_copy", "python", cs.copy_target(case, op)),
             ("fast_torch", "python", cs.torch_target(case, op)),
             ("memory", "python", cs.memory_target(case, op)),
             ("fast_copy", "octave", cs.octave_copy_target(case, op)),
             ("naive_fast", "octave", cs.octave_naive_target(case, op))]
    return [(name, side, t) for name, side, t in found if t is not None]


def evaluate(results, case_list):
    """Every target check of the run: value, limit and whether it is met (None: not measured)."""
    checks = []
    by_name = {c.name: c for c in case_list}
    for entry in results["cases"]:
        case = by_name[entry["name"]]
        for op in case.ops:
            p = entry["python"][op]
            ratios = {"python": python_ratios(p),
                      "octave": octave_ratios((entry.get("octave") or {}).get(op), p)}
            for name, side, target in _targets_of(case, op):
                value = ratios[side][name]
                check = {"key": target.key, "text": target.text, "case": case.name, "op": op,
                         "value": value, "limit": target.limit, "kind": target.kind,
                         "met": target.met(value)}
                if target.stretch:
                    check["stretch"] = target.stretch
                    check["stretch_met"] = None if value is None else value <= target.stretch
                checks.append(check)
    conf = results.get("conformance")
    if conf:
        t = cs.CONFORMANCE_TARGET
        checks.append({"key": t.key, "text": t.text, "case": "-", "op": "-",
                       "value": conf["seconds"], "limit": t.limit, "kind": t.kind,
                       "met": t.met(conf["seconds"]) and conf["returncode"] == 0})
        once = conf.get("batches") == conf["fixture_files"]
        checks.append({"key": "conformance_batches",
                       "text": "Octave called once per fixture file", "case": "-", "op": "-",
                       "value": conf.get("batches"), "limit": conf["fixture_files"],
                       "kind": "equal", "met": once if conf.get("batches") is not None else None})
    return checks


# ------------------------------------------------------------------ text


def fmt(value, approx=False):
    if not _num(value):
        return "n/a"
    if value >= 100:
        text = f"{value:.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return ("~" + text) if approx else text


def cell(value, target=None, approx=False):
    text = f"{fmt(value, approx):>7}"
    if target is not None and _num(value):
        text += f" {target.short():>6} {'ok' if target.met(value) else 'MISS'}"
    elif target is not None:
        text += f" {target.short():>6}"
    return text


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def ms(seconds):
    return "n/a" if not _num(seconds) else f"{seconds * 1e3:.2f}"


def render(results, case_list):
    m = results["machine"]
    oct_info = results.get("octave") or {}
    out = []
    out.append(f"Machine: {m['cpu']}, {m['cores']} cores, "
               f"{(m['memory_bytes'] or 0) / 2**30:.0f} GiB; {m['platform']}")
    out.append(f"Python {m['python']}, numpy {m['numpy']}, PyTorch {m['torch'] or 'n/a'} "
               f"(threads: {m['torch_threads'] or 'n/a'}), Octave "
               f"{oct_info.get('version') or 'n/a (' + oct_info.get('error', '?') + ')'}")
    rounds = results["rounds"]
    out.append(f"Command: {results['command']}.  Times are the minimum thread CPU time "
               f"(Octave: cputime) over interleaved rounds (>= {rounds['min_rounds']}, >= "
               f"{rounds['min_seconds']:g} s) after a warm-up, wall medians in results.json; "
               "float32 throughout.")
    load = results.get("load_average") or {}
    if load:
        out.append("Load average (1 min) before/after: "
                   f"{load['before'][0]:.2f}/{load['after'][0]:.2f} "
                   f"(above 0 means other work shared the {m['cores']} cores)")
    out.append("naive: run on the leading planes of each input (<= "
               f"{cs.PYTHON_NAIVE_CAP} elements in Python, <= {cs.OCTAVE_NAIVE_CAP} in Octave) "
               "and scaled by the element count (~).")
    out.append("")
    out.append("Cases:")
    for c in case_list:
        out.append(f"  {c.name:11} {c.describe()}")
    by_name = {c.name: c for c in case_list}

    rows = []
    for entry in results["cases"]:
        case = by_name[entry["name"]]
        for op in case.ops:
            p = entry["python"][op]
            r = python_ratios(p)
            rows.append([case.name, cs.OP_LABELS[op], ms(p["fast"]), ms(p["copy"]),
                         cell(r["fast_copy"], cs.copy_target(case, op)),
                         ms(p.get("torch")),
                         cell(r["fast_torch"], cs.torch_target(case, op)),
                         cell(r["naive_fast"], approx=p["naive_elements"] < case.elements),
                         cell(r["memory"], cs.memory_target(case, op))])
    out.append("")
    out.append("Python: fast path against a copy of x, PyTorch (1 thread) and the naive loops")
    out.append(table(["case", "op", "fast ms", "copy ms", "fast/copy", "torch ms",
                      "fast/torch", "naive/fast", "mem/(in+out)"], rows))

    rows = []
    for entry in results["cases"]:
        case = by_name[entry["name"]]
        for op in case.ops:
            p = entry["python"][op]
            o = (entry.get("octave") or {}).get(op) or {}
            r = octave_ratios(o, p)
            naive_elements = o.get("naive_elements") or 0
            rows.append([case.name, cs.OP_LABELS[op], ms(o.get("fast")), ms(o.get("copy")),
                         cell(r["fast_copy"], cs.octave_copy_target(case, op)),
                         cell(r["naive_fast"], cs.octave_naive_target(case, op),
                              approx=naive_elements < case.elements),
                         cell(r["octave_python"]),
                         "" if not o.get("error") else "error: " + o["error"][:60]])
    out.append("")
    out.append("Octave: fast path against x + 0 and its naive loops; Octave fast / Python fast")
    out.append(table(["case", "op", "fast ms", "copy ms", "fast/copy", "naive/fast",
                      "oct/py fast", ""], rows))

    conf = results.get("conformance")
    out.append("")
    if conf:
        out.append(f"Conformance run (pytest -q conformance/tests/test_conformance.py): "
                   f"{conf['seconds']:.1f} s, {conf['summary']}; Octave: "
                   f"{conf.get('batches', '?')} batches ({conf.get('calls', '?')} calls) in "
                   f"{conf.get('sessions', '?')} session(s) for {conf['fixture_files']} "
                   "fixture files")
    else:
        out.append("Conformance run: not timed (skipped or no Octave)")

    identical_py = [p["identical"] for e in results["cases"] for p in e["python"].values()]
    identical_oct = [o.get("identical") for e in results["cases"]
                     for o in (e.get("octave") or {}).values() if o]
    out.append(f"naive vs fast, same bits (Python: three full-size seeded planes; Octave: "
               f"the leading planes): Python "
               f"{sum(bool(v) for v in identical_py)}/{len(identical_py)}, Octave "
               f"{sum(bool(v) for v in identical_oct)}/{len(identical_oct)}")

    out.append("")
    out.append("Targets (issue 13; issue 15 sets none)")
    rows = []
    for key, group, measured, met, worst in target_tally(results):
        text = group[0]["text"]
        where = "" if worst is None else (
            f"worst {fmt(worst['value'])} ({worst['case']} {cs.OP_LABELS.get(worst['op'], '')})"
            .replace(" )", ")"))
        if key == "conformance":
            conf = results["conformance"]
            where = f"{fmt(group[0]['value'])} s"
            if conf["returncode"] != 0:
                where += f", but the run failed: {conf['summary']}"
        if key == "conformance_batches":
            where = f"{group[0]['value']} batches for {group[0]['limit']} files"
        if "stretch" in group[0]:
            stretch = sum(bool(c.get("stretch_met")) for c in measured)
            where += f"; stretch {group[0]['stretch']:g}x met {stretch}/{len(measured)}"
        status = "n/a" if not measured else ("MET" if met == len(measured) else "MISSED")
        rows.append([text, status, f"{met}/{len(measured)}", where])
    out.append(table(["target", "status", "met", "detail"], rows))
    return "\n".join(out)


def target_tally(results):
    """Per target, in the summary's order: ``(key, checks, measured checks, met, worst)``.

    A target has one check per case it applies to; "measured" leaves out
    those whose value the run could not take, "worst" is the measured check
    farthest on the wrong side of the limit (None when none was measured).
    """
    checks = results["targets"]
    present = {c["key"] for c in checks}
    for key in [k for k in cs.TARGET_ORDER if k in present]:
        group = [c for c in checks if c["key"] == key]
        measured = [c for c in group if c["met"] is not None]
        yield key, group, measured, sum(bool(c["met"]) for c in measured), _worst(measured)


def _worst(checks):
    checks = [c for c in checks if _num(c["value"])]
    if not checks:
        return None
    if checks[0]["kind"] == "min":
        return min(checks, key=lambda c: c["value"] / c["limit"])
    return max(checks, key=lambda c: c["value"] / c["limit"])


# ------------------------------------------------------------------ Markdown

HEADLINE_CASES = ("2d-k2s2", "2d-k3s2", "global")


def _md_cell(value, target=None, approx=False):
    text = fmt(value, approx)
    if target is not None and _num(value):
        text += f" ({target.short()}{'' if target.met(value) else ' **miss**'})"
    return text


def ratio_table(results, case_list, names):
    """Markdown rows of every ratio, Python and Octave, for the cases named (in run order)."""
    by_name = {c.name: c for c in case_list}
    lines = [
        "| case | op | fast/copy | fast/PyTorch | naive/fast | peak mem/(in+out) "
        "| Octave fast/copy | Octave naive/fast | Octave/Python |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for entry in results["cases"]:
        if entry["name"] not in names:
            continue
        case = by_name[entry["name"]]
        for op in case.ops:
            p = entry["python"][op]
            r = python_ratios(p)
            o = (entry.get("octave") or {}).get(op) or {}
            ro = octave_ratios(o, p)
            lines.append("| " + " | ".join([
                case.name, cs.OP_LABELS[op],
                _md_cell(r["fast_copy"], cs.copy_target(case, op)),
                _md_cell(r["fast_torch"], cs.torch_target(case, op)),
                _md_cell(r["naive_fast"], approx=True),
                _md_cell(r["memory"], cs.memory_target(case, op)),
                _md_cell(ro["fast_copy"], cs.octave_copy_target(case, op)),
                _md_cell(ro["naive_fast"], cs.octave_naive_target(case, op), approx=True),
                _md_cell(ro["octave_python"]),
            ]) + " |")
    return lines


def markdown(results, case_list):
    """The README's performance table: the headline cases, then every target's tally."""
    m = results["machine"]
    octave = (results.get("octave") or {}).get("version") or "n/a"
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {(m['memory_bytes'] or 0) / 2**30:.0f} GiB; "
        f"Python {m['python']}, numpy {m['numpy']},",
        f"PyTorch {m['torch'] or 'n/a'} (1 thread), Octave {octave}; 1-min load average "
        f"{results['load_average']['before'][0]:.1f} before the run.",
        "",
        *ratio_table(results, case_list, HEADLINE_CASES),
    ]
    lines += ["", "| target | met | worst |", "|---|---|---|"]
    for key, group, measured, met, worst in target_tally(results):
        if key == "conformance":
            detail = f"{fmt(group[0]['value'])} s"
        elif key == "conformance_batches":
            detail = f"{group[0]['value']} batches for {group[0]['limit']} fixture files"
        elif worst is None:
            detail = "n/a"
        else:
            detail = f"{fmt(worst['value'])} ({worst['case']} {cs.OP_LABELS[worst['op']]})"
        lines.append(f"| {group[0]['text']} | {met}/{len(measured)} | {detail} |")
    return "\n".join(lines) + "\n"
