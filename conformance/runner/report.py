"""The runner's report: a group x verdict table, one example per failing group, JSON records."""

import json
import pathlib

from .verdicts import FAILING, VERDICTS

COLUMNS = VERDICTS + ("partial", "listed")
ABBREV = {"unsupported": "unsupp."}


def counts(records):
    """``{group: {column: n}}`` in the order groups first appear."""
    table = {}
    for r in records:
        row = table.setdefault(r["group"], dict.fromkeys(COLUMNS, 0))
        row[r["verdict"]] += 1
        row["partial"] += r["verdict"] != "unsupported" and "unsupported" in r["outputs"].values()
        row["listed"] += bool(r.get("listed"))
    return table


def table_lines(records):
    """The table as text lines: a row per group, then the totals; 0 shown as '.'."""
    table = counts(records)
    total = dict.fromkeys(COLUMNS, 0)
    for row in table.values():
        for k in COLUMNS:
            total[k] += row[k]
    width = max([len("group"), len("total")] + [len(g) for g in table])
    heads = [ABBREV.get(c, c) for c in COLUMNS]
    lines = ["group".ljust(width) + "".join(f"  {h:>8}" for h in heads)]
    lines.append("-" * len(lines[0]))
    for group, row in list(table.items()) + [("total", total)]:
        if group == "total":
            lines.append("-" * len(lines[0]))
        cells = "".join(f"  {(str(row[c]) if row[c] else '.'):>8}" for c in COLUMNS)
        flag = "  <-" if any(row[v] for v in FAILING) and row["listed"] < sum(
            row[v] for v in FAILING) and group != "total" else ""
        lines.append(group.ljust(width) + cells + flag)
    return lines


def example_lines(records):
    """One example per group with a mismatch, rounding or accepted case: id and the reason."""
    lines, seen = [], set()
    for verdict in ("mismatch", "accepted", "rounding"):
        for r in records:
            key = (r["group"], verdict)
            if r["verdict"] != verdict or key in seen:
                continue
            seen.add(key)
            listed = f" [listed: {r['listed']}]" if r.get("listed") else ""
            lines.append(f"{r['group']}: {verdict} {r['id']}{listed}")
            lines.append(f"    {r['reason']}")
    return lines


def write_json(path, meta, records):
    """``meta`` (implementation, profile, fixture version, ...) and one record per case."""
    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({**meta, "cases": records}, f, indent=1, default=str)
        f.write("\n")
