"""The PNG: time per element against size, the ratio grids coloured by target, and issue 15's
operators (no targets) in a grid of their own."""

import matplotlib

matplotlib.use("Agg")  # no display on a CI machine or over ssh

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import cases as cs  # noqa: E402
from .report import octave_ratios, python_ratios  # noqa: E402

MET, MISSED, NO_TARGET = "#b7e1b0", "#f4b6b0", "#eeeeee"


def _ns_per_element(times, elements):
    return [np.nan if t is None else t / n * 1e9 for t, n in zip(times, elements, strict=True)]


def _scaling_panel(ax, op, scaling):
    py = scaling["python"]
    elements = py["elements"]
    series = py["ops"][op]
    styles = [("copy (numpy)", series["copy"], "k", "--", "o"),
              ("fast (numpy)", series["fast"], "tab:blue", "-", "o"),
              ("PyTorch, 1 thread", series["torch"], "tab:orange", "-", "s"),
              ("naive (numpy)", series["naive"], "tab:red", ":", "x")]
    octave = scaling.get("octave")
    if octave:
        o = octave["ops"].get(op, {})
        oct_elements = octave["elements"] if isinstance(octave["elements"], list) \
            else [octave["elements"]]
        fast = o.get("fast") if isinstance(o.get("fast"), list) else [o.get("fast")]
        copy = o.get("copy") if isinstance(o.get("copy"), list) else [o.get("copy")]
        ax.plot(oct_elements, _ns_per_element(copy, oct_elements), color="tab:green",
                linestyle="--", marker="o", label="copy (Octave x + 0)")
        ax.plot(oct_elements, _ns_per_element(fast, oct_elements), color="tab:green",
                linestyle="-", marker="^", label="fast (Octave)")
    for label, times, color, style, marker in styles:
        y = _ns_per_element(times, elements)
        if np.all(np.isnan(y)):
            continue
        ax.plot(elements, y, color=color, linestyle=style, marker=marker, label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_title(f"{cs.OP_LABELS[op]}, k=2 s=2, 56x56 planes")
    ax.set_xlabel("input elements")
    ax.set_ylabel("ns per input element")
    ax.grid(True, which="both", alpha=0.3)


def _grid(ax, title, values, colours, row_labels, column_labels):
    ax.imshow(np.zeros((len(row_labels), len(column_labels))), cmap="Greys", vmin=0, vmax=1)
    for i in range(len(row_labels)):
        for j in range(len(column_labels)):
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, color=colours[i][j]))
            v = values[i][j]
            text = "n/a" if v is None else (f"{v:.0f}" if v >= 100 else f"{v:.2f}")
            ax.text(j, i, text, ha="center", va="center", fontsize=9)
    ax.set_xticks(range(len(column_labels)), column_labels, rotation=30, ha="right")
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.set_title(title)


def _colour(value, target):
    if target is None or value is None:
        return NO_TARGET
    return MET if target.met(value) else MISSED


def _operator_grid(ax, results, by_name):
    """Issue 15's cases: a row per (case, op), a column per ratio; grey, as no target applies."""
    columns = [("Python fast/copy", "python", "fast_copy"),
               ("Python fast/PyTorch", "python", "fast_torch"),
               ("Python peak mem/(in+out)", "python", "memory"),
               ("Octave fast/copy", "octave", "fast_copy"),
               ("Octave/Python fast", "octave", "octave_python")]
    values, labels = [], []
    for entry in results["cases"]:
        case = by_name[entry["name"]]
        if case.operator == "pool":
            continue
        for op in case.ops:
            p = entry["python"][op]
            ratios = {"python": python_ratios(p),
                      "octave": octave_ratios((entry.get("octave") or {}).get(op), p)}
            values.append([ratios[side][key] for _, side, key in columns])
            labels.append(f"{case.name} {cs.OP_LABELS[op]}")
    colours = [[NO_TARGET] * len(columns) for _ in values]
    _grid(ax, "Issue 15: adaptive average and Lp pooling (no targets)", values, colours,
          labels, [title for title, _, _ in columns])


def draw(results, case_list, path):
    by_name = {c.name: c for c in case_list}
    operators = any(by_name[e["name"]].operator != "pool" for e in results["cases"])
    fig = plt.figure(figsize=(20, 18 if operators else 12), constrained_layout=True)
    grid = fig.add_gridspec(3 if operators else 2, 12)
    if results.get("scaling"):
        for k, op in enumerate(cs.SCALING_OPS):
            ax = fig.add_subplot(grid[0, 3 * k:3 * k + 3])
            _scaling_panel(ax, op, results["scaling"])
            if k == 0:
                ax.legend(fontsize=8)
    entries = [e for e in results["cases"] if by_name[e["name"]].operator == "pool"]
    panels = [
        ("Python fast / copy of x", "python", "fast_copy", cs.copy_target),
        ("Python fast / PyTorch (1 thread)", "python", "fast_torch", cs.torch_target),
        ("Python fast peak memory / (inputs + output)", "python", "memory",
         cs.memory_target),
        ("Octave fast / Octave x + 0", "octave", "fast_copy", cs.octave_copy_target),
    ]
    for k, (title, side, key, target_of) in enumerate(panels):
        values, colours = [], []
        for entry in entries:
            case = by_name[entry["name"]]
            row_v, row_c = [], []
            for op in cs.OPS:
                p = entry["python"][op]
                r = python_ratios(p) if side == "python" else \
                    octave_ratios((entry.get("octave") or {}).get(op), p)
                row_v.append(r[key])
                row_c.append(_colour(r[key], target_of(case, op)))
            values.append(row_v)
            colours.append(row_c)
        _grid(fig.add_subplot(grid[1, 3 * k:3 * k + 3]), title, values, colours,
              [e["name"] for e in entries],
              [cs.OP_LABELS[o] for o in cs.OPS])
    if operators:
        _operator_grid(fig.add_subplot(grid[2, 2:8]), results, by_name)
    m = results["machine"]
    fig.suptitle(f"tox -e bench on {m['cpu']} ({m['cores']} cores), numpy {m['numpy']}, "
                 f"PyTorch {m['torch']}, Octave {(results.get('octave') or {}).get('version')}"
                 "  -  grids: green met, red missed, grey no target", fontsize=12)
    fig.savefig(path, dpi=80)
    plt.close(fig)
