"""The fixture oracle: SPEC.md computed with plain loops over plain Python lists.

Golden values must not come from the code they test, so this module shares no
code with ``python/`` (it does not import ``pooling``) and is written in a
different style: each (n, c) plane is a flat Python list of numpy scalars,
windows are lists of flat offsets, and every rule of the specification is a
few lines of scalar code.  It is slow and meant to be obviously right.
"""

import itertools
import math

import numpy as np


def normalise(params, rank):
    """Expand a fixture's ``params`` into per-axis lists (SPEC.md, "Parameters")."""

    def expand(value):
        return list(value) if isinstance(value, list) else [value] * rank

    kernel = expand(params["kernel_size"])
    stride = expand(params.get("stride", params["kernel_size"]))
    dilation = expand(params.get("dilation", 1))
    padding = params.get("padding", 0)
    if isinstance(padding, list) and padding and isinstance(padding[0], list):
        pads = [tuple(pair) for pair in padding]
    else:
        pads = [(p, p) for p in expand(padding)]
    return {
        "kernel": kernel,
        "stride": stride,
        "dilation": dilation,
        "pads": pads,
        "ceil_mode": params.get("ceil_mode", False),
    }


def out_length(n, k, s, pb, pa, d, ceil_mode):
    e = d * (k - 1) + 1
    if ceil_mode:
        out = math.ceil((n + pb + pa - e) / s) + 1
        if (out - 1) * s >= n + pb:
            out -= 1
        return out
    return math.floor((n + pb + pa - e) / s) + 1


def windows(spatial, p):
    """For each output position (row-major), the flat indices of its real elements.

    Offsets are listed in row-major window order and padding is left out, so
    the list is exactly the scan order of SPEC.md.
    """
    per_axis = []
    for a, n in enumerate(spatial):
        k, s, d = p["kernel"][a], p["stride"][a], p["dilation"][a]
        pb, pa = p["pads"][a]
        out = out_length(n, k, s, pb, pa, d, p["ceil_mode"])
        per_axis.append([[o * s - pb + j * d for j in range(k)] for o in range(out)])
    strides = [math.prod(spatial[a + 1:]) for a in range(len(spatial))]
    result = []
    for o in itertools.product(*(range(len(w)) for w in per_axis)):
        flat = []
        for pos in itertools.product(*(per_axis[a][o[a]] for a in range(len(spatial)))):
            if all(0 <= pos[a] < spatial[a] for a in range(len(spatial))):
                flat.append(sum(pos[a] * strides[a] for a in range(len(spatial))))
        result.append(flat)
    out_shape = tuple(len(w) for w in per_axis)
    return out_shape, result


def pick(values):
    """Index into ``values`` of the element the selection rule keeps."""
    best = 0
    for i in range(1, len(values)):
        b, v = values[best], values[i]
        if not np.isnan(b) and (np.isnan(v) or v > b):
            best = i
    return best


def planes(x):
    n, c = x.shape[:2]
    for i in range(n):
        for j in range(c):
            yield (i, j), list(x[i, j].ravel())


def max_pool(x, params):
    """Return ``(y, indices)`` for an (N, C, *spatial) array."""
    spatial = x.shape[2:]
    out_shape, wins = windows(spatial, normalise(params, len(spatial)))
    y = np.empty(x.shape[:2] + out_shape, dtype=x.dtype)
    idx = np.empty(y.shape, dtype=np.int64)
    for (i, j), plane in planes(x):
        ys, ids = [], []
        for win in wins:
            chosen = win[pick([plane[f] for f in win])]
            ys.append(plane[chosen])
            ids.append(chosen)
        y[i, j] = np.array(ys, dtype=x.dtype).reshape(out_shape)
        idx[i, j] = np.array(ids, dtype=np.int64).reshape(out_shape)
    return y, idx


def max_pool_backward(dy, x, params):
    """Gradient routed to the selected elements in ascending output order."""
    _, idx = max_pool(x, params)
    dx = np.zeros(x.shape, dtype=x.dtype)
    for (i, j), _ in planes(x):
        acc = [x.dtype.type(0.0)] * math.prod(x.shape[2:])
        for target, g in zip(idx[i, j].ravel(), dy[i, j].ravel(), strict=True):
            acc[target] = acc[target] + g
        dx[i, j] = np.array(acc, dtype=x.dtype).reshape(x.shape[2:])
    return dx


def _ints(value, rank, minimum):
    """True when ``value`` is an int >= minimum or a list of ``rank`` of them."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) != rank:
        return False
    return all(isinstance(v, int) and not isinstance(v, bool) and v >= minimum for v in items)


def _pads_ok(padding, rank):
    if isinstance(padding, list) and padding and isinstance(padding[0], list):
        return len(padding) == rank and all(
            isinstance(pair, list) and len(pair) == 2 and _ints(pair, 2, 0) for pair in padding
        )
    return _ints(padding, rank, 0)


def expected_error(x, params, dy, call):
    """The identifier SPEC.md's checks, in SPEC.md's order, raise for this call (or None)."""
    if x.dtype not in (np.float32, np.float64) or not 3 <= x.ndim <= 5:
        return "pooling:badInput"
    rank = x.ndim - 2
    if not isinstance(params.get("ceil_mode", False), bool):
        return "pooling:badOption"
    if not _ints(params["kernel_size"], rank, 1):
        return "pooling:badKernel"
    if not _ints(params.get("stride", 1), rank, 1):
        return "pooling:badStride"
    if not _pads_ok(params.get("padding", 0), rank):
        return "pooling:badPadding"
    if not _ints(params.get("dilation", 1), rank, 1):
        return "pooling:badDilation"
    p = normalise(params, rank)
    for a in range(rank):
        e = p["dilation"][a] * (p["kernel"][a] - 1) + 1
        if max(p["pads"][a]) > e - 1:
            return "pooling:badPadding"
    for a in range(rank):
        k, s, d = p["kernel"][a], p["stride"][a], p["dilation"][a]
        if out_length(x.shape[2 + a], k, s, *p["pads"][a], d, p["ceil_mode"]) < 1:
            return "pooling:outputTooSmall"
    out_shape, wins = windows(x.shape[2:], p)
    if any(not w for w in wins):
        return "pooling:emptyWindow"
    if call == "max_pool_backward" and (
        dy is None or dy.dtype != x.dtype or dy.shape != x.shape[:2] + out_shape
    ):
        return "pooling:badGradient"
    return None
