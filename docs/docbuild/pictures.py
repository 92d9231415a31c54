"""The chapter's pictures, drawn from golden fixtures with matplotlib.

Every number in a picture comes from a fixture case (picked by id): the
input, the upstream gradient, the selected indices, the outputs.  What the
picture adds (window outlines, padding, the order of additions) is derived
from the case's parameters by the formulas of SPEC.md, and checked against
the case's own arrays before anything is drawn, so a picture cannot show a
window or a sum the fixture does not.

SVG output is byte-for-byte reproducible with the pinned matplotlib of
``tox -e docs``: a fixed hash salt for the ids, and no date or creator in the
metadata.  PNG output carries no software tag but may still differ in a few
bytes between rasteriser builds.
"""

import math
import pathlib

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Rectangle

from .blocks import DocsError

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "img"
MATPLOTLIB_VERSION = "3.10.8"  # the version pinned in tox.ini's docs env

# Okabe and Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#F0E442"]
INK = "#222222"
FAINT = "#9a9a9a"
PAD_FACE = "#eeeeee"
STYLE = {
    "svg.hashsalt": "pooling-conformance-docs",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "hatch.color": "#b0b0b0",
    "hatch.linewidth": 0.8,
}
DPI = 150


def tint(colour, amount=0.28):
    """``colour`` mixed with white: a fill light enough for black text on it."""
    rgb = np.array(matplotlib.colors.to_rgb(colour))
    return tuple(1 - amount * (1 - rgb))


def number(v):
    """A value as the chapter writes it: integers without '.0', a true minus sign."""
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        return "−0" if math.copysign(1, v) < 0 else "0"
    if v.is_integer() and abs(v) >= 2**16 and math.log2(abs(v)).is_integer():
        text = f"$2^{{{int(math.log2(abs(v)))}}}$"
    elif v.is_integer():
        text = str(int(abs(v)))
    else:
        text = f"{abs(v):g}"
    return ("−" if v < 0 else "") + text


# ------------------------------------------------------------------ geometry


def _per_axis(value, rank, default):
    if value is None:
        value = default
    if isinstance(value, (int, bool)):
        return (int(value),) * rank
    return tuple(int(v) for v in value)


def geometry(case):
    """Per-axis (in, k, s, pb, pa, d), ceil mode and the output size, from a case's params.

    The output size follows SPEC.md section 3 and must equal the size of the
    case's ``y``; ``raw`` is the count before ceil mode's correction, so a
    dropped window can be drawn.
    """
    p = case.params
    shape = case.arrays["x"].shape[2:]
    rank = len(shape)
    k = _per_axis(p["kernel_size"], rank, None)
    s = _per_axis(p.get("stride"), rank, k)
    d = _per_axis(p.get("dilation"), rank, 1)
    pad = p.get("padding", 0)
    if isinstance(pad, str):
        raise DocsError(f"{case.id}: padding strings are not drawn")
    if isinstance(pad, list) and pad and isinstance(pad[0], list):
        pb, pa = tuple(a for a, _ in pad), tuple(b for _, b in pad)
    else:
        pb = pa = _per_axis(pad, rank, 0)
    ceil = bool(p.get("ceil_mode", False))
    out, raw = [], []
    for a in range(rank):
        span = shape[a] + pb[a] + pa[a] - (d[a] * (k[a] - 1) + 1)
        n = (-(-span // s[a]) if ceil else span // s[a]) + 1
        raw.append(n)
        if ceil and (n - 1) * s[a] >= shape[a] + pb[a]:
            n -= 1
        out.append(n)
    if tuple(out) != case.arrays["y"].shape[2:]:
        raise DocsError(f"{case.id}: drawn output size {tuple(out)} is not the fixture's "
                        f"{case.arrays['y'].shape[2:]}")
    return dict(shape=shape, k=k, s=s, d=d, pb=pb, pa=pa, ceil=ceil, out=tuple(out),
                raw=tuple(raw))


def first_planes(case, *names):
    """The (n, c) = (0, 0) plane of each named array of ``case``: the one the pictures draw."""
    return [case.arrays[name][0, 0] for name in names]


def window(g, o):
    """Input positions (tuples, padding included) of the window of output ``o``."""
    axes = [[o[a] * g["s"][a] - g["pb"][a] + j * g["d"][a] for j in range(g["k"][a])]
            for a in range(len(o))]
    return [tuple(p) for p in np.array(np.meshgrid(*axes, indexing="ij")).reshape(len(o), -1).T]


def routed(case, n=0, c=0):
    """``{flat input index: [(output, dy), ...]}`` in ascending output order, checked.

    The sum of each list, added in that order from +0.0, must be the
    fixture's ``dx`` bit for bit: that is the order the picture writes out.
    """
    idx = case.arrays["indices"][n, c]
    dy = case.arrays["dy"][n, c]
    dx = case.arrays["dx"][n, c].reshape(-1)
    routes = {}
    for o in np.ndindex(*idx.shape):
        routes.setdefault(int(idx[o]), []).append((o, dy[o]))
    for target, parts in routes.items():
        total = dx.dtype.type(0)
        for _, g in parts:
            total = total + g
        if total.tobytes() != dx[target].tobytes():
            raise DocsError(f"{case.id}: routed sum at {target} is not the fixture's dx")
    return routes


# ------------------------------------------------------------------- drawing


def _figure(width, height, scale=0.62):
    fig = Figure(figsize=(width * scale, height * scale))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)  # rows grow downwards, as in a matrix
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def _cell(ax, x, y, text="", face="white", edge=INK, size=11, weight="normal", colour=INK,
          hatch=None, lw=0.8, ls="-"):
    ax.add_patch(Rectangle((x, y), 1, 1, facecolor=face, edgecolor=edge, lw=lw, ls=ls,
                           hatch=hatch))
    if text:
        ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=size,
                fontweight=weight, color=colour)


def _box(ax, x, y, w, h, colour, inset=0.07, lw=2.6, ls="-"):
    ax.add_patch(Rectangle((x + inset, y + inset), w - 2 * inset, h - 2 * inset, fill=False,
                           edgecolor=colour, lw=lw, ls=ls, joinstyle="round"))


def _ring(ax, x, y, colour, lw=2.2, ls="-"):
    ax.add_patch(Circle((x + 0.5, y + 0.5), 0.3, fill=False, edgecolor=colour, lw=lw, ls=ls))


def _title(ax, x, y, text, size=10.5, **kw):
    ax.text(x, y, text, ha="left", va="bottom", fontsize=size, color=INK, **kw)


def _arrow(ax, start, end, text="", colour=INK):
    ax.annotate("", xy=end, xytext=start,
                arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.4, shrinkA=0, shrinkB=0))
    if text:
        ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 - 0.25, text, ha="center",
                va="bottom", fontsize=8.5, color=INK)


def _corner_labels(ax, x, y, top_left, bottom_right):
    # Clear of the window outlines, which run 0.07 inside the cell edges.
    ax.text(x + 0.16, y + 0.14, top_left, ha="left", va="top", fontsize=6.5, color="#777777")
    ax.text(x + 0.86, y + 0.88, bottom_right, ha="right", va="bottom", fontsize=6.5,
            color="#777777")


def _colours_by_target(routes):
    """One colour per selected element, in the order outputs first select them."""
    order = sorted(routes, key=lambda t: routes[t][0][0])
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(order)}


def draw_forward(case):
    """Input grid with every window outlined and its selection ringed; the output beside it."""
    g = geometry(case)
    x, y, idx = first_planes(case, "x", "y", "indices")
    h, w = g["shape"]
    oh, ow = g["out"]
    left, top, gap = 0.3, 0.9, 2.6
    fig, ax = _figure(left + w + gap + ow + 0.5, top + h + 1.5)
    colour_of = {o: PALETTE[(o[0] * ow + o[1]) % len(PALETTE)] for o in np.ndindex(oh, ow)}
    face = {}
    for o in np.ndindex(oh, ow):
        for p in window(g, o):
            face.setdefault(p, tint(colour_of[o]))
    _title(ax, left, top - 0.2, f"x ({h} × {w}), kernel {g['k'][0]}, stride {g['s'][0]}")
    for r in range(h):
        for col in range(w):
            _cell(ax, left + col, top + r, number(x[r, col]), face=face.get((r, col), "white"))
            _corner_labels(ax, left + col, top + r, str(r * w + col), str(col * h + r + 1))
    ox, oy = left + w + gap, top + (h - oh) / 2
    for o in np.ndindex(oh, ow):
        cells = window(g, o)
        rows = [p[0] for p in cells]
        cols = [p[1] for p in cells]
        _box(ax, left + min(cols), top + min(rows), max(cols) - min(cols) + 1,
             max(rows) - min(rows) + 1, colour_of[o])
        sr, sc = divmod(int(idx[o]), w)
        _ring(ax, left + sc, top + sr, colour_of[o])
        _cell(ax, ox + o[1], oy + o[0], number(y[o]), face=tint(colour_of[o]), size=12,
              weight="bold")
        _box(ax, ox + o[1], oy + o[0], 1, 1, colour_of[o], inset=0.06, lw=2)
        _corner_labels(ax, ox + o[1], oy + o[0], str(int(idx[o])), str(sc * h + sr + 1))
    _title(ax, ox, oy - 0.2, f"y = max_pool(x, {g['k'][0]})")
    _arrow(ax, (left + w + 0.4, top + h / 2), (ox - 0.4, top + h / 2),
           "largest in\neach window")
    notes = ("ringed: the element each window selects\n"
             "small numbers: its index in Python (top left; row-major, from 0)\n"
             "and in MATLAB (bottom right; column-major, from 1)")
    ax.text(left, top + h + 0.25, notes, fontsize=7.5, color="#555555", va="top",
            linespacing=1.5)
    return fig


def _sum_text(parts):
    """``a + b − c`` over at most two terms a line, then ``= total``."""
    terms = []
    for i, (_, g) in enumerate(parts):
        text = number(g)
        if i:
            text = ("− " + text[1:]) if text.startswith("−") else ("+ " + text)
        terms.append(text)
    total = 0.0
    for _, g in parts:
        total += float(g)
    lines = [" ".join(terms[i:i + 2]) for i in range(0, len(terms), 2)]
    return "\n".join(lines + [f"= {number(total)}"])


def draw_backward(case):
    """The input with every window and its selection, the upstream gradient, and dx.

    ``dx`` is drawn at the input's cell size, so the two grids line up; where
    several gradients meet at one element, their sum is written out beneath
    ``dx`` in the order it is added.
    """
    g = geometry(case)
    x, dy, dx = first_planes(case, "x", "dy", "dx")
    h, w = g["shape"]
    oh, ow = g["out"]
    routes = routed(case)
    colour_of = _colours_by_target(routes)
    overlap = any(len(parts) > 1 for parts in routes.values())
    sums = [t for t in sorted(routes) if len(routes[t]) > 1]
    left, top, gap = 0.3, 1.3, 1.6
    ox = left + w + gap
    dxx = ox + ow + gap
    below = 0.5 + (0.45 * len(sums) + 0.5 if sums else 0)
    fig, ax = _figure(dxx + w + 0.3, top + h + below)
    mid = top + h / 2
    oy = mid - oh / 2
    _title(ax, left, top - 0.2,
           f"x: {oh * ow} windows of {g['k'][0]} × {g['k'][1]}, each outlined\n"
           "in the colour of the element it selects"
           if overlap else "x, with the element\neach window selects")
    for r in range(h):
        for col in range(w):
            target = r * w + col
            face = tint(colour_of[target]) if target in routes else "white"
            _cell(ax, left + col, top + r, number(x[r, col]), face=face)
            if target in routes:
                _ring(ax, left + col, top + r, colour_of[target])
    target_of = {o: t for t, parts in routes.items() for o, _ in parts}
    windows = list(np.ndindex(oh, ow))
    for i, o in enumerate(windows):
        cells = window(g, o)
        rows, cols = [p[0] for p in cells], [p[1] for p in cells]
        if overlap:
            # Each window in the colour of the element it selects, nested by
            # output order so that all of them stay visible.
            _box(ax, left + min(cols), top + min(rows), max(cols) - min(cols) + 1,
                 max(rows) - min(rows) + 1, colour_of[target_of[o]],
                 inset=0.04 + 0.035 * i, lw=1.1)
        else:
            _box(ax, left + min(cols), top + min(rows), max(cols) - min(cols) + 1,
                 max(rows) - min(rows) + 1, INK, lw=1.2, ls=(0, (3, 2)))
    _title(ax, ox, oy - 0.2, "dy, coloured by\nits destination")
    for o in np.ndindex(oh, ow):
        _cell(ax, ox + o[1], oy + o[0], number(dy[o]), face=tint(colour_of[target_of[o]]),
              weight="bold")
        # A saturated border as well as the fill: light tints alone are hard to tell apart.
        _box(ax, ox + o[1], oy + o[0], 1, 1, colour_of[target_of[o]], inset=0.06, lw=2)
    _title(ax, dxx, top - 0.2,
           "dx: each dy added to the element\nits window selected" if overlap else
           "dx: each dy goes to the\nelement its window selected")
    flat = dx.reshape(-1)
    for r in range(h):
        for col in range(w):
            target = r * w + col
            routed_here = target in routes
            _cell(ax, dxx + col, top + r, number(flat[target]),
                  face=tint(colour_of[target]) if routed_here else "white",
                  weight="bold" if routed_here else "normal",
                  colour=INK if routed_here else FAINT)
            if routed_here:
                _box(ax, dxx + col, top + r, 1, 1, colour_of[target], inset=0.06, lw=2)
    for n, target in enumerate(sums):
        r, col = divmod(target, w)
        text = (f"at x = {number(x[r, col])}:  " + _sum_text(routes[target]).replace("\n", " ")
                + "   (added in output order)")
        ax.text(left, top + h + 0.55 + 0.45 * n, text, fontsize=8.5, va="center",
                color=INK, fontweight="bold")
        ax.add_patch(Rectangle((left - 0.25, top + h + 0.45 + 0.45 * n), 0.18, 0.2,
                               facecolor=colour_of[target], edgecolor="none"))
    _arrow(ax, (left + w + 0.3, mid), (ox - 0.3, mid))
    _arrow(ax, (ox + ow + 0.3, mid), (dxx - 0.3, mid), "route")
    return fig


def _row(ax, case, top, label):
    """One 1-D case as a row: padding, inputs, overhang, windows, then the output."""
    g = geometry(case)
    n_in = g["shape"][0]
    x, y, idx = first_planes(case, "x", "y", "indices")
    k, s, pb, pa, d = g["k"][0], g["s"][0], g["pb"][0], g["pa"][0], g["d"][0]
    raw, out = g["raw"][0], g["out"][0]
    windows = [[o * s - pb + j * d for j in range(k)] for o in range(raw)]
    lo = -pb
    hi = max([n_in + pa] + [w[-1] + 1 for w in windows])
    left = 1.2 + pb  # x position of input element 0
    _title(ax, 0.2, top - 0.25, label, size=9.5)
    read = {p for w in windows[:out] for p in w}
    for p in range(lo, hi):
        xc = left + p
        if p < 0 or n_in <= p < n_in + pa:
            _cell(ax, xc, top, "pad", face=PAD_FACE, edge=FAINT, size=7.5, colour="#777777",
                  hatch="////")
        elif p >= n_in + pa:
            _cell(ax, xc, top, "", face="white", edge=FAINT, ls=(0, (2, 2)))
            ax.text(xc + 0.5, top + 0.5, "past\nthe end", ha="center", va="center",
                    fontsize=6, color="#777777")
        else:
            unread = p not in read
            _cell(ax, xc, top, number(x[p]), colour=FAINT if unread else INK)
            if unread:
                ax.text(xc + 0.5, top + 0.9, "never read", ha="center", va="bottom",
                        fontsize=6, color="#777777")
    for o, cells in enumerate(windows):
        depth = top + 1.25 + 0.32 * (o % 2 if s < k * d else 0)
        x0, x1 = left + cells[0] + 0.1, left + cells[-1] + 0.9
        if o >= out:
            ax.plot([x0, x0, x1, x1], [depth - 0.12, depth, depth, depth - 0.12],
                    color="#888888", lw=1.6, ls=(0, (3, 2)))
            ax.text((x0 + x1) / 2, depth + 0.12, "dropped: would start\nin the right padding",
                    ha="center", va="top", fontsize=7, color="#555555")
            continue
        colour = PALETTE[o % len(PALETTE)]
        ax.plot([x0, x0, x1, x1], [depth - 0.12, depth, depth, depth - 0.12], color=colour,
                lw=2.4, solid_capstyle="butt")
        _ring(ax, left + int(idx[o]), top, colour)
    ox = left + hi + 1.4
    _arrow(ax, (left + hi + 0.2, top + 0.5), (ox - 0.2, top + 0.5))
    for o in range(out):
        _cell(ax, ox + o, top, number(y[o]), face=tint(PALETTE[o % len(PALETTE)]),
              weight="bold")
    ax.text(ox + out + 0.2, top + 0.5, f"out = {out}", va="center", fontsize=9, color=INK)
    return ox + out + 2.2


def _size_label(case, g):
    n_in, k, s = g["shape"][0], g["k"][0], g["s"][0]
    pb, pa = g["pb"][0], g["pa"][0]
    e = g["d"][0] * (k - 1) + 1
    rounding = "ceil" if g["ceil"] else "floor"
    bracket = (r"\lceil", r"\rceil") if g["ceil"] else (r"\lfloor", r"\rfloor")
    formula = (f"${bracket[0]}({n_in} + {pb} + {pa} - {e}) / {s}{bracket[1]} + 1 = "
               f"{g['raw'][0]}$")
    text = f"{rounding}:  in = {n_in}, k = {k}, s = {s}"
    text += f", padding {pb}" if pb or pa else ""
    text += f";   out = {formula}"
    if g["raw"][0] != g["out"][0]:
        text += f", then {g['out'][0]}"
    return text


def draw_rows(cases, note=None):
    """1-D cases stacked as rows, each titled with its output size worked out."""
    pitch = 2.6  # a row, its windows, a dropped window's label, and space
    last = 0.9 + pitch * (len(cases) - 1)
    height = last + (2.4 if note else 2.2)
    fig, ax = _figure(16, height)
    right = 0
    for i, case in enumerate(cases):
        right = max(right, _row(ax, case, 0.9 + pitch * i, _size_label(case, geometry(case))))
    if note:
        ax.text(0.2, last + 1.9, note, fontsize=8, color="#555555", va="bottom")
    ax.set_xlim(0, max(right, 12))
    fig.set_size_inches(max(right, 12) * 0.62, height * 0.62)
    return fig


def draw_tie(case):
    """One window scanned row-major (selected) and column-major (MATLAB's max); then dx."""
    x, dx, indices = first_planes(case, "x", "dx", "indices")
    idx = int(indices.reshape(-1)[0])
    h, w = x.shape
    best = np.nanmax(x)
    first_by_column = next((r, c) for c in range(w) for r in range(h) if x[r, c] == best)
    left, top, gap = 0.3, 1.3, 2.2
    fig, ax = _figure(left + 3 * w + 2 * gap + 1.6, top + h + 1.4)
    panels = [
        (left, "row-major scan\n(this library)", [(r, c) for r in range(h) for c in range(w)],
         divmod(idx, w), PALETTE[2], "-", "selected: the first 5 met"),
        (left + w + gap, "column-major scan\n(MATLAB's max)",
         [(r, c) for c in range(w) for r in range(h)],
         first_by_column, PALETTE[4], (0, (3, 2)), "max would pick this 5"),
    ]
    for x0, title, order, pick, colour, ls, note in panels:
        _title(ax, x0, top - 0.25, title, size=9.5)
        for r in range(h):
            for c in range(w):
                _cell(ax, x0 + c, top + r, number(x[r, c]),
                      face=tint(colour) if (r, c) == pick else "white",
                      weight="bold" if x[r, c] == best else "normal")
        centres = [(x0 + c + 0.5, top + r + 0.5) for r, c in order]
        for i, (r, c) in enumerate(order):
            ax.text(x0 + c + 0.1, top + r + 0.1, str(i + 1), ha="left", va="top",
                    fontsize=7, color="#666666")
        for a, b in zip(centres, centres[1:], strict=False):
            ax.annotate("", xy=(b[0] - 0.25 * np.sign(b[0] - a[0]),
                                b[1] - 0.25 * np.sign(b[1] - a[1])),
                        xytext=(a[0] + 0.25 * np.sign(b[0] - a[0]),
                                a[1] + 0.25 * np.sign(b[1] - a[1])),
                        arrowprops=dict(arrowstyle="->", color="#888888", lw=0.9,
                                        connectionstyle="arc3,rad=0.0"), zorder=3)
        _ring(ax, x0 + pick[1], top + pick[0], colour, ls=ls)
        ax.text(x0, top + h + 0.25, note, fontsize=8, color=INK, va="top")
    x0 = left + 2 * (w + gap)
    _title(ax, x0, top - 0.25, "dx for dy = " + number(case.arrays["dy"].reshape(-1)[0])
           + "\n(all of it to one element)", size=9.5)
    for r in range(h):
        for c in range(w):
            routed_here = r * w + c == idx
            _cell(ax, x0 + c, top + r, number(dx[r, c]),
                  face=tint(PALETTE[2]) if routed_here else "white",
                  weight="bold" if routed_here else "normal",
                  colour=INK if routed_here else FAINT)
    ax.text(left, top + h + 0.85, "Small numbers: the scan order. A later element replaces "
            "the best only if it is strictly greater, so an equal one met later loses.",
            fontsize=7.5, color="#666666", va="top")
    return fig


def _row_major_sum(values, dtype):
    """``values`` added one at a time from +0.0 in ``dtype`` (SPEC.md section 8)."""
    total = dtype.type(0)
    for v in values:
        total = total + v
    return total


def draw_average(case):
    """Each window outlined on the input, its row-major sum and one division beside the output."""
    g = geometry(case)
    x, y = first_planes(case, "x", "y")
    h, w = g["shape"]
    oh, ow = g["out"]
    if any(g["pb"]) or any(g["pa"]) or g["ceil"] or any(d != 1 for d in g["d"]):
        raise DocsError(f"{case.id}: the average picture draws unpadded, undilated windows")
    left, top, gap = 0.3, 0.9, 2.6
    ox = left + w + gap
    lines = []
    colour_of = {o: PALETTE[(o[0] * ow + o[1]) % len(PALETTE)] for o in np.ndindex(oh, ow)}
    fig, ax = _figure(max(ox + ow + 0.5, left + 6.5), top + h + 1.6 + 0.45 * oh * ow)
    _title(ax, left, top - 0.2, f"x ({h} × {w}), kernel {g['k'][0]}, stride {g['s'][0]}")
    face = {}
    for o in np.ndindex(oh, ow):
        for p in window(g, o):
            face.setdefault(p, tint(colour_of[o]))
    for r in range(h):
        for col in range(w):
            _cell(ax, left + col, top + r, number(x[r, col]), face=face.get((r, col), "white"))
    oy = top + (h - oh) / 2
    for o in np.ndindex(oh, ow):
        cells = window(g, o)
        rows, cols = [p[0] for p in cells], [p[1] for p in cells]
        _box(ax, left + min(cols), top + min(rows), max(cols) - min(cols) + 1,
             max(rows) - min(rows) + 1, colour_of[o])
        values = [x[p] for p in cells]
        total = _row_major_sum(values, x.dtype)
        mean = total / x.dtype.type(len(values))
        if mean.tobytes() != y[o].tobytes():
            raise DocsError(f"{case.id}: the drawn average of window {o} is not the fixture's y")
        _cell(ax, ox + o[1], oy + o[0], number(y[o]), face=tint(colour_of[o]), size=11,
              weight="bold")
        _box(ax, ox + o[1], oy + o[0], 1, 1, colour_of[o], inset=0.06, lw=2)
        terms = " + ".join(number(v) for v in values)
        lines.append((colour_of[o], f"({terms}) / {len(values)} = {number(y[o])}"))
    _title(ax, ox, oy - 0.2, f"y = avg_pool(x, {g['k'][0]})")
    _arrow(ax, (left + w + 0.4, top + h / 2), (ox - 0.4, top + h / 2), "mean of\neach window")
    for n, (colour, text) in enumerate(lines):
        yy = top + h + 0.55 + 0.45 * n
        ax.add_patch(Rectangle((left, yy - 0.1), 0.18, 0.2, facecolor=colour, edgecolor="none"))
        ax.text(left + 0.35, yy, text, fontsize=8.5, va="center", color=INK)
    ax.text(left, top + h + 0.55 + 0.45 * len(lines), "each sum: the window's elements added "
            "row by row from +0, then one division", fontsize=7.5, color="#555555", va="center")
    return fig


def draw_dilation(case):
    """A 1-D dilated case: each window's k read positions, and the positions it skips."""
    g = geometry(case)
    x, y, idx = first_planes(case, "x", "y", "indices")
    n_in = g["shape"][0]
    k, s, d, pb = g["k"][0], g["s"][0], g["d"][0], g["pb"][0]
    out = g["out"][0]
    e = d * (k - 1) + 1
    left, top = 1.6, 1.3
    fig, ax = _figure(left + n_in + 1.6 + out + 0.6, top + 1.6 + 0.8 * out + 0.6)
    _title(ax, 0.2, top - 0.8, f"k = {k}, dilation d = {d}, stride {s}: each window spans "
           f"e = d·(k − 1) + 1 = {e} positions and reads {k} of them", size=9.5)
    for p in range(n_in):
        _cell(ax, left + p, top, number(x[p]))
        ax.text(left + p + 0.5, top - 0.05, str(p), ha="center", va="bottom", fontsize=6.5,
                color="#777777")
    for o in range(out):
        colour = PALETTE[o % len(PALETTE)]
        yy = top + 1.5 + 0.8 * o
        read = [o * s - pb + j * d for j in range(k)]
        best = None
        for q in read:  # the selection rule, checked against the fixture's indices
            if 0 <= q < n_in and (best is None or x[q] > x[best]):
                best = q
        if best != int(idx[o]) or x[best].tobytes() != y[o].tobytes():
            raise DocsError(f"{case.id}: the drawn selection of window {o} is not the fixture's")
        ax.plot([left + read[0] + 0.5, left + read[-1] + 0.5], [yy, yy], color=colour, lw=1.2,
                ls=(0, (2, 2)))
        for q in range(read[0], read[-1] + 1):
            xc = left + q + 0.5
            if q in read:
                ax.add_patch(Circle((xc, yy), 0.16, facecolor=colour, edgecolor=colour))
                ax.plot([xc, xc], [top + 1, yy - 0.16], color=colour, lw=0.8, alpha=0.6)
            else:
                ax.add_patch(Circle((xc, yy), 0.09, facecolor="white", edgecolor=FAINT))
        ax.text(0.2, yy, f"window {o}", va="center", fontsize=8, color=INK)
        _ring(ax, left + best, top, colour)
        ox = left + n_in + 1.6
        _cell(ax, ox + o, top, number(y[o]), face=tint(colour), weight="bold")
    _arrow(ax, (left + n_in + 0.2, top + 0.5), (left + n_in + 1.4, top + 0.5))
    _title(ax, left + n_in + 1.6, top - 0.15, "y", size=9.5)
    ax.text(0.2, top + 1.5 + 0.8 * out, "filled dots: the positions a window reads; "
            "hollow: the ones it steps over; rings: the selected elements", fontsize=7.5,
            color="#555555", va="center")
    return fig


def _span(start, step, count, size, base=0):
    """The strided slice of ``count`` positions from ``start``, as Python or MATLAB writes it."""
    last = start + step * (count - 1)
    if base == 0:
        stop = "" if last + step >= size else str(last + 1)
        return f"{start}:{stop}:{step}"
    end = "end" if last + step >= size else str(last + 1)
    return f"{start + 1}:{step}:{end}"


def draw_offsets(case):
    """The offset technique: each window offset reads one strided slice for every output.

    Folding the slices in row-major offset order with the selection rule must
    give the fixture's ``y`` bit for bit.
    """
    g = geometry(case)
    x, y = first_planes(case, "x", "y")
    h, w = g["shape"]
    oh, ow = g["out"]
    k, s = g["k"], g["s"]
    if any(g["pb"]) or any(g["pa"]) or g["ceil"] or any(d != 1 for d in g["d"]):
        raise DocsError(f"{case.id}: the offset picture draws unpadded, undilated windows")
    offsets = list(np.ndindex(*k))
    pitch = w + 1.3
    left, top = 0.4, 2.2
    fig, ax = _figure(left + pitch * len(offsets) - 1.1, top + h + 2 * (oh + 0.9) + 0.4)
    best = None
    for n, (a, b) in enumerate(offsets):
        colour = PALETTE[n % len(PALETTE)]
        x0 = left + n * pitch
        _title(ax, x0, top - 0.85, f"offset ({a}, {b})", size=9.5, fontweight="bold")
        ax.text(x0, top - 0.15, f"Python:  x[{_span(a, s[0], oh, h)}, {_span(b, s[1], ow, w)}]\n"
                f"MATLAB:  x({_span(a, s[0], oh, h, 1)}, {_span(b, s[1], ow, w, 1)})",
                fontsize=7, color="#555555", va="bottom", family="DejaVu Sans Mono")
        rows = range(a, a + s[0] * (oh - 1) + 1, s[0])
        cols = range(b, b + s[1] * (ow - 1) + 1, s[1])
        for r in range(h):
            for c in range(w):
                picked = r in rows and c in cols
                _cell(ax, x0 + c, top + r, number(x[r, c]), size=9,
                      face=tint(colour) if picked else "white",
                      colour=INK if picked else FAINT, weight="bold" if picked else "normal")
        piece = x[np.ix_(list(rows), list(cols))]
        sy = top + h + 0.9
        ax.text(x0, sy - 0.15, "the slice", fontsize=8, color=INK, va="bottom")
        for o in np.ndindex(oh, ow):
            _cell(ax, x0 + o[1], sy + o[0], number(piece[o]), face=tint(colour), size=9)
        if best is None:
            best = piece.copy()
        else:
            replace = ~np.isnan(best) & (np.isnan(piece) | (piece > best))
            best = np.where(replace, piece, best)
        by = sy + oh + 0.9
        label = ("running best" if n == 0 else
                 "best so far = y" if n == len(offsets) - 1 else "best so far")
        ax.text(x0, by - 0.15, label, fontsize=8, color=INK, va="bottom")
        for o in np.ndindex(oh, ow):
            _cell(ax, x0 + o[1], by + o[0], number(best[o]), size=9, weight="bold")
        if n:
            ax.text(x0 - 0.65, by + oh / 2, "→", ha="center", va="center", fontsize=14,
                    color=INK)
    if best.tobytes() != y.tobytes():
        raise DocsError(f"{case.id}: folding the offset slices does not give the fixture's y")
    ax.text(left, top - 1.35, f"{len(offsets)} offsets, each one whole-array step for all "
            f"{oh * ow} outputs; after the last, the running best is y", fontsize=8.5,
            color=INK, va="bottom")
    return fig


def adaptive_range(i, length, out):
    """Window ``i`` of an axis of ``length`` pooled to ``out`` (SPEC.md section 16)."""
    return (i * length) // out, -((-(i + 1) * length) // out)


def draw_adaptive(*cases):
    """1-D adaptive average cases stacked: the input, each window as a bar under the
    positions it covers, and its mean (checked against the fixture's y) at the right."""
    for case in cases:
        if case.op != "adaptive_avg_pool" or case.arrays["x"].ndim != 3:
            raise DocsError(f"{case.id}: the adaptive picture draws 1-D adaptive averages")
    width = max(case.arrays["x"].shape[2] for case in cases)
    heights = [1.9 + 0.62 * case.arrays["y"].shape[2] for case in cases]
    left, gap = 2.2, 1.2
    fig, ax = _figure(left + width + gap + 6.3, 0.4 + sum(heights))
    top = 0.9
    for case, height in zip(cases, heights, strict=True):
        x, y = first_planes(case, "x", "y")
        length, out = x.shape[0], y.shape[0]
        _title(ax, 0.1, top - 0.2, f"L = {length}, O = {out}: window i covers "
               f"[⌊{length}·i/{out}⌋, ⌈{length}·(i+1)/{out}⌉)   ({case.id})", size=9.5)
        ax.text(left - 0.2, top + 0.5, "x", ha="right", va="center", fontsize=10, color=INK)
        for j in range(length):
            _cell(ax, left + j, top, number(x[j]))
            ax.text(left + j + 0.5, top + 1.12, str(j), ha="center", va="top", fontsize=7,
                    color="#777777")
        for i in range(out):
            lo, hi = adaptive_range(i, length, out)
            values = [x[j] for j in range(lo, hi)]
            mean = _row_major_sum(values, x.dtype) / x.dtype.type(hi - lo)
            if mean.tobytes() != y[i].tobytes():
                raise DocsError(f"{case.id}: the drawn mean of window {i} is not the fixture's y")
            colour = PALETTE[i % len(PALETTE)]
            yy = top + 1.45 + 0.62 * i
            ax.add_patch(Rectangle((left + lo + 0.08, yy), hi - lo - 0.16, 0.42,
                                   facecolor=tint(colour, 0.5), edgecolor=colour, lw=1.6))
            ax.text(left - 0.2, yy + 0.21, f"i = {i}  [{lo}, {hi})", ha="right", va="center",
                    fontsize=7.5, color=INK)
            terms = " + ".join(number(v) for v in values)
            ax.text(left + width + gap, yy + 0.21, f"({terms}) / {hi - lo} = {number(y[i])}",
                    ha="left", va="center", fontsize=8, color=INK)
        top += height
    return fig


# --------------------------------------------------------------- the pictures

# (file stem, fixture ids, drawing function); the chapter embeds docs/img/<stem>.png.
PICTURES = [
    ("max-forward", ["max-2d-chapter-4x4"], draw_forward),
    ("max-backward", ["max-2d-chapter-4x4"], draw_backward),
    ("max-backward-overlap", ["max-2d-stride-less-than-kernel"], draw_backward),
    ("output-size", ["max-1d-floor-drops-tail", "max-1d-ceil-extra-window",
                     "max-1d-ceil-last-window-dropped"], lambda *cs: draw_rows(cs)),
    ("padding-absent", ["max-1d-pad-negative-values"],
     lambda c: draw_rows([c], note="Padding is absent: it is never compared. Padding with "
                         "zeros would have answered 0 and 0, values x never held.")),
    ("tie", ["max-2d-ties-row-major-not-column-major"], draw_tie),
    ("avg-forward", ["avg-2d-chapter-4x4"], draw_average),
    ("dilation", ["max-1d-dilation-2"], draw_dilation),
    ("offsets", ["max-2d-chapter-4x4"], draw_offsets),
    ("adaptive-windows", ["aavg-1d-overlap-5-to-3", "aavg-1d-grow-5-to-7"], draw_adaptive),
]


def load_cases(ids):
    from conformance.fixtureio.reader import load_all  # the fixtures' own strict loader

    cases = {c.id: c for c in load_all()}
    missing = [i for i in ids if i not in cases]
    if missing:
        raise DocsError(f"fixture case(s) not found: {', '.join(missing)} "
                        "(renamed? update PICTURES in docs/docbuild/pictures.py)")
    return cases


def draw_all(folder):
    """Draw every picture into ``folder`` as PNG and SVG; return the paths written."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cases = load_cases([i for _, ids, _ in PICTURES for i in ids])
    written = []
    with matplotlib.rc_context(STYLE):
        for stem, ids, draw in PICTURES:
            fig = draw(*(cases[i] for i in ids))
            for suffix, metadata in ((".svg", {"Date": None, "Creator": None}),
                                     (".png", {"Software": None})):
                path = folder / (stem + suffix)
                fig.savefig(path, dpi=DPI, metadata=metadata, facecolor="white")
                written.append(path)
    return written


def compare(written, scratch, committed):
    """Problems with the committed pictures, given a fresh drawing in ``scratch``."""
    problems = []
    for path in written:
        target = pathlib.Path(committed) / path.relative_to(scratch)
        name = target.relative_to(ROOT).as_posix()
        if not target.exists():
            problems.append(f"{name} is missing")
        elif path.suffix == ".svg" and path.read_bytes() != target.read_bytes():
            problems.append(f"{name} differs from a fresh drawing")
    return problems
