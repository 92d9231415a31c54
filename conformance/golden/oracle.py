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


def normalise(params, spatial):
    """Expand a fixture's ``params`` into per-axis lists (SPEC.md, "Parameters").

    ``spatial`` is the input's spatial shape; ``padding="same"`` depends on it.
    """
    rank = len(spatial)

    def expand(value):
        return list(value) if isinstance(value, list) else [value] * rank

    kernel = expand(params["kernel_size"])
    stride = expand(params.get("stride", params["kernel_size"]))
    dilation = expand(params.get("dilation", 1))
    padding = params.get("padding", 0)
    if padding == "valid":
        pads = [(0, 0)] * rank
    elif padding == "same":
        pads = []
        for a in range(rank):
            out = math.ceil(spatial[a] / stride[a])
            total = max((out - 1) * stride[a] + dilation[a] * (kernel[a] - 1) + 1 - spatial[a], 0)
            pads.append((total // 2, total - total // 2))
    elif isinstance(padding, list) and padding and isinstance(padding[0], list):
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


def _offsets_inside(start, k, d, lo, hi):
    """The offsets ``j`` in ``[0, k)`` with ``lo <= start + j*d < hi``, in ascending order."""
    first = max(0, -((start - lo) // d))  # ceil((lo - start) / d)
    last = min(k - 1, (hi - 1 - start) // d)
    return range(first, last + 1)


def windows(spatial, p, divisor=None):
    """For each output position (row-major), the flat indices of its real elements.

    Offsets are listed in row-major window order and padding is left out, so
    the list is exactly the scan order of SPEC.md.  With ``divisor`` set to
    ``"pad"`` or ``"input"``, also return each window's divisor counted over
    the padded extent or over the input (SPEC.md, "Average pooling").
    """
    # Per axis and output: the positions inside the input, in window order, and how
    # many positions lie inside the padded extent [-pb, n + pa).  Both come from the
    # offsets that land there, so the work is bounded by the sizes, not by the kernel
    # size (which may be 2^31 - 1).  A position is real, or counted, when it is so on
    # every axis: the window is the product of its axes.
    per_axis, padded = [], []
    for a, n in enumerate(spatial):
        k, s, d = p["kernel"][a], p["stride"][a], p["dilation"][a]
        pb, pa = p["pads"][a]
        out = out_length(n, k, s, pb, pa, d, p["ceil_mode"])
        per_axis.append([[o * s - pb + j * d for j in _offsets_inside(o * s - pb, k, d, 0, n)]
                         for o in range(out)])
        padded.append([len(_offsets_inside(o * s - pb, k, d, -pb, n + pa)) for o in range(out)])
    strides = [math.prod(spatial[a + 1:]) for a in range(len(spatial))]
    result, counts = [], []
    for o in itertools.product(*(range(len(w)) for w in per_axis)):
        flat = [sum(pos[a] * strides[a] for a in range(len(spatial)))
                for pos in itertools.product(*(per_axis[a][o[a]] for a in range(len(spatial))))]
        result.append(flat)
        pad_count = math.prod(padded[a][o[a]] for a in range(len(spatial)))
        counts.append(pad_count if divisor == "pad" else len(flat))
    out_shape = tuple(len(w) for w in per_axis)
    if divisor is None:
        return out_shape, result
    return out_shape, result, counts


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


def select(x, out_shape, wins, rule=pick):
    """``(y, indices)``: the selection rule over each window (SPEC.md section 5).

    ``wins`` lists each output's flat window offsets, outputs in row-major
    order; ``rule(values)`` picks one (default: ``pick``, SPEC.md's rule).
    ``y`` and ``indices`` have shape ``(N, C, *out_shape)``.
    """
    y = np.empty(x.shape[:2] + out_shape, dtype=x.dtype)
    idx = np.empty(y.shape, dtype=np.int64)
    for (i, j), plane in planes(x):
        chosen = [win[rule([plane[f] for f in win])] for win in wins]
        y[i, j] = np.array([plane[f] for f in chosen], dtype=x.dtype).reshape(out_shape)
        idx[i, j] = np.array(chosen, dtype=np.int64).reshape(out_shape)
    return y, idx


def route(dy, x, idx):
    """Each dy added at its selected element ``idx``, outputs in ascending order, from +0.0."""
    dx = np.zeros(x.shape, dtype=x.dtype)
    for (i, j), _ in planes(x):
        acc = [x.dtype.type(0.0)] * math.prod(x.shape[2:])
        for target, g in zip(idx[i, j].ravel(), dy[i, j].ravel(), strict=True):
            acc[target] = acc[target] + g
        dx[i, j] = np.array(acc, dtype=x.dtype).reshape(x.shape[2:])
    return dx


def max_pool(x, params):
    """Return ``(y, indices)`` for an (N, C, *spatial) array."""
    spatial = x.shape[2:]
    return select(x, *windows(spatial, normalise(params, spatial)))


def max_pool_backward(dy, x, params):
    """Gradient routed to the selected elements in ascending output order."""
    return route(dy, x, max_pool(x, params)[1])


def average(x, out_shape, wins, divisors):
    """Each window's elements summed from +0.0 in scan order, then one division.

    ``wins`` lists each output's flat window offsets and ``divisors`` its
    divisor, outputs in row-major order; ``y`` has shape ``(N, C, *out_shape)``.
    """
    kind = x.dtype.type
    y = np.empty(x.shape[:2] + out_shape, dtype=x.dtype)
    for (i, j), plane in planes(x):
        values = []
        for win, divisor in zip(wins, divisors, strict=True):
            acc = kind(0.0)
            for f in win:
                acc = acc + plane[f]
            values.append(acc / kind(divisor))
        y[i, j] = np.array(values, dtype=x.dtype).reshape(out_shape)
    return y


def average_backward(dy, x, wins, divisors):
    """Each output's ``dy / divisor`` (one division) added to its window's elements, in order."""
    kind = x.dtype.type
    dx = np.zeros(x.shape, dtype=x.dtype)
    for (i, j), _ in planes(x):
        acc = [kind(0.0)] * math.prod(x.shape[2:])
        for win, divisor, g in zip(wins, divisors, dy[i, j].ravel(), strict=True):
            share = g / kind(divisor)
            for f in win:
                acc[f] = acc[f] + share
        dx[i, j] = np.array(acc, dtype=x.dtype).reshape(x.shape[2:])
    return dx


def avg_windows(spatial, params):
    """``(out_shape, windows, divisors)`` of average pooling (SPEC.md, "Average pooling")."""
    override = params.get("divisor_override")
    mode = "pad" if params.get("count_include_pad", True) else "input"
    out_shape, wins, counts = windows(spatial, normalise(params, spatial), divisor=mode)
    return out_shape, wins, counts if override is None else [override] * len(wins)


def avg_pool(x, params):
    """Each window's real elements summed from +0.0 in scan order, then one division."""
    return average(x, *avg_windows(x.shape[2:], params))


def avg_pool_backward(dy, x, params):
    """Each output's dy / divisor added to its window's elements, outputs in order."""
    _, wins, divisors = avg_windows(x.shape[2:], params)
    return average_backward(dy, x, wins, divisors)


def whole(x):
    """Parameters of the one window of global pooling."""
    return {"kernel_size": list(x.shape[2:])}


def max_unpool(y, indices, output_size):
    """Zeros of shape (N, C, *output_size); later positions overwrite earlier ones."""
    z = np.zeros(y.shape[:2] + tuple(output_size), dtype=y.dtype)
    for (i, j), values in planes(y):
        flat = [y.dtype.type(0)] * math.prod(output_size)
        for target, v in zip(indices[i, j].ravel(), values, strict=True):
            flat[target] = v
        z[i, j] = np.array(flat, dtype=y.dtype).reshape(output_size)
    return z


def max_unpool_backward(dz, indices):
    """dz at each index, +0.0 where a later position overwrote the value."""
    dy = np.zeros(indices.shape, dtype=dz.dtype)
    for (i, j), grads in planes(dz):
        targets = list(indices[i, j].ravel())
        out = []
        for pos, target in enumerate(targets):
            overwritten = target in targets[pos + 1:]
            out.append(dz.dtype.type(0.0) if overwritten else grads[target])
        dy[i, j] = np.array(out, dtype=dz.dtype).reshape(indices.shape[2:])
    return dy


# ------------------------------------------------ adaptive pooling (SPEC.md 16)


def adaptive_range(i, length, out):
    """Window ``i`` of an axis of ``length`` pooled to ``out``: [floor(i*L/O), ceil((i+1)*L/O))."""
    return (i * length) // out, -((-(i + 1) * length) // out)


def range_windows(spatial, ranges):
    """Flat row-major indices of each output's window, outputs in row-major order.

    ``ranges[a]`` lists the ``(lo, hi)`` input range of every output on axis ``a``.
    """
    strides = [math.prod(spatial[a + 1:]) for a in range(len(spatial))]
    result = []
    for o in itertools.product(*(range(len(r)) for r in ranges)):
        per_axis = [range(*ranges[a][o[a]]) for a in range(len(spatial))]
        result.append([sum(pos[a] * strides[a] for a in range(len(spatial)))
                       for pos in itertools.product(*per_axis)])
    return tuple(len(r) for r in ranges), result


def adaptive_windows(spatial, output_size):
    size = output_size if isinstance(output_size, list) else [output_size] * len(spatial)
    return range_windows(spatial, [[adaptive_range(i, n, o) for i in range(o)]
                                   for n, o in zip(spatial, size, strict=True)])


def adaptive_max_pool(x, params):
    return select(x, *adaptive_windows(x.shape[2:], params["output_size"]))


def adaptive_max_pool_backward(dy, x, params):
    return route(dy, x, adaptive_max_pool(x, params)[1])


def adaptive_avg_pool(x, params):
    """Each window summed from +0.0 in row-major order, one division by its own count."""
    out_shape, wins = adaptive_windows(x.shape[2:], params["output_size"])
    return average(x, out_shape, wins, [len(w) for w in wins])


def adaptive_avg_pool_backward(dy, x, params):
    """Outputs in ascending order: g = dy / count (one division) added to every element."""
    _, wins = adaptive_windows(x.shape[2:], params["output_size"])
    return average_backward(dy, x, wins, [len(w) for w in wins])


# ------------------------------------------------ Lp pooling (SPEC.md 17), p = 1 and 2


def lp_windows(spatial, params):
    """Max pooling's windows without dilation, each clipped to its real elements.

    Positions are listed from the clipped range, so a huge kernel over a short
    input costs nothing here either.
    """
    p = normalise(dict(params, dilation=1), spatial)
    ranges = []
    for a, n in enumerate(spatial):
        k, s = p["kernel"][a], p["stride"][a]
        pb, pa = p["pads"][a]
        out = out_length(n, k, s, pb, pa, 1, p["ceil_mode"])
        ranges.append([(max(o * s - pb, 0), min(o * s - pb + k, n)) for o in range(out)])
    return range_windows(spatial, ranges)


def _order(params):
    p = params["p"]
    if p not in (1, 2):
        raise ValueError(f"the oracle computes p = 1 and p = 2 only (SPEC.md 17); got {p!r}")
    return p


def lp_pool(x, params):
    """p = 1: the sum of |v| from +0.0; p = 2: sqrt of the sum of v*v; row-major."""
    p = _order(params)
    out_shape, wins = lp_windows(x.shape[2:], params)
    kind = x.dtype.type
    y = np.empty(x.shape[:2] + out_shape, dtype=x.dtype)
    for (i, j), plane in planes(x):
        values = []
        for win in wins:
            acc = kind(0.0)
            for f in win:
                a = abs(plane[f])
                acc = acc + (a if p == 1 else a * a)
            values.append(acc if p == 1 else np.sqrt(acc))
        y[i, j] = np.array(values, dtype=x.dtype).reshape(out_shape)
    return y


def lp_pool_backward(dy, x, params):
    """SPEC.md 17's loop: f = dy (p = 1) or dy / norm (p = 2); g per element, summed in order.

    g is NaN where x is NaN, +0.0 where x or the norm is zero, else
    ``|x|^(p-1) * f`` (p = 1: ``1 * f``; p = 2: ``|x| * f``), negated where x < 0.
    """
    p = _order(params)
    spatial = x.shape[2:]
    _, wins = lp_windows(spatial, params)
    norm = lp_pool(x, params)
    kind = x.dtype.type
    dx = np.zeros(x.shape, dtype=x.dtype)
    for (i, j), plane in planes(x):
        acc = [kind(0.0)] * math.prod(spatial)
        for win, g_out, n in zip(wins, dy[i, j].ravel(), norm[i, j].ravel(), strict=True):
            f = g_out if p == 1 else g_out / n
            for e in win:
                v = plane[e]
                if np.isnan(v):
                    g = kind(np.nan)
                elif v == 0 or n == 0:
                    g = kind(0.0)
                else:
                    g = (kind(1.0) if p == 1 else abs(v)) * f
                    if v < 0:
                        g = -g
                acc[e] = acc[e] + g
        dx[i, j] = np.array(acc, dtype=x.dtype).reshape(spatial)
    return dx


# ------------------------------------------------------------------ errors


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _ints(value, rank, minimum):
    """True when ``value`` is an int >= minimum or a list of ``rank`` of them."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) != rank:
        return False
    return all(_is_int(v) and v >= minimum for v in items)


def _pads_ok(padding, rank):
    if padding in ("same", "valid"):
        return True
    if isinstance(padding, list) and padding and isinstance(padding[0], list):
        return len(padding) == rank and all(
            isinstance(pair, list) and len(pair) == 2 and _ints(pair, 2, 0) for pair in padding
        )
    return _ints(padding, rank, 0)


FLOATS = (np.float32, np.float64)


def _array_error(a, integers):
    ok = a.dtype in FLOATS or (integers and a.dtype.kind in "iu")
    return None if ok and 3 <= a.ndim <= 5 else "pooling:badInput"


def _window_error(x, params, dy, backward):
    """SPEC.md's checks of a windowed pooling call, in SPEC.md's order."""
    rank = x.ndim - 2
    spatial = x.shape[2:]
    for flag in ("ceil_mode", "count_include_pad"):
        if not isinstance(params.get(flag, False), bool):
            return "pooling:badOption"
    override = params.get("divisor_override")
    if override is not None and not (_is_int(override) and override >= 1):
        return "pooling:badOption"
    if not _ints(params["kernel_size"], rank, 1):
        return "pooling:badKernel"
    if not _ints(params.get("stride", 1), rank, 1):
        return "pooling:badStride"
    if not _pads_ok(params.get("padding", 0), rank):
        return "pooling:badPadding"
    if not _ints(params.get("dilation", 1), rank, 1):
        return "pooling:badDilation"
    p = normalise(params, spatial)
    for a in range(rank):
        e = p["dilation"][a] * (p["kernel"][a] - 1) + 1
        if max(p["pads"][a]) > e - 1:
            return "pooling:badPadding"
    for a in range(rank):
        k, s, d = p["kernel"][a], p["stride"][a], p["dilation"][a]
        if out_length(spatial[a], k, s, *p["pads"][a], d, p["ceil_mode"]) < 1:
            return "pooling:outputTooSmall"
    out_shape, wins = windows(spatial, p)
    if any(not w for w in wins):
        return "pooling:emptyWindow"
    if backward and (dy is None or dy.dtype != x.dtype or dy.shape != x.shape[:2] + out_shape):
        return "pooling:badGradient"
    return None


def pool_error(call, x, params, dy=None, integers=False):
    """The identifier SPEC.md's checks raise for a pooling call, in SPEC.md's order (or None).

    ``integers``: whether the call takes integer ``x``; ``params`` are the
    window parameters (``whole(x)`` for the global operators).
    """
    backward = call.endswith("_backward")
    problem = _array_error(x, integers=integers and not backward)
    if problem:
        return problem
    return _window_error(x, params, dy, backward)


def unpool_error(call, y, params, dz=None, indices=None):
    """The identifier SPEC.md's checks raise for an unpooling call (or None)."""
    def bad_indices(a, ndim):
        return a is None or a.dtype.kind not in "iu" or a.ndim != ndim

    if call == "max_unpool":
        if _array_error(y, integers=True):
            return "pooling:badInput"
        size = params["output_size"]
        if not _ints(size, y.ndim - 2, 1):
            return "pooling:badOutputSize"
        if bad_indices(indices, y.ndim) or indices.shape != y.shape:
            return "pooling:badIndices"
        plane = math.prod(size if isinstance(size, list) else [size] * (y.ndim - 2))
    else:
        if _array_error(dz, integers=False):
            return "pooling:badInput"
        if bad_indices(indices, dz.ndim):
            return "pooling:badIndices"
        if indices.shape[:2] != dz.shape[:2]:
            return "pooling:badGradient"
        plane = math.prod(dz.shape[2:])
    if indices.size and (indices.min() < 0 or indices.max() >= plane):
        return "pooling:badIndices"
    return None


LARGEST = 2**31 - 1


def _too_large(shape):
    """More than 2^31 - 1 elements, an empty batch counted as N = 1 (SPEC.md 12)."""
    return max(shape[0], 1) * math.prod(shape[1:]) > LARGEST


def _bad_gradient(dy, x, out_shape):
    return dy is None or dy.dtype != x.dtype or dy.shape != x.shape[:2] + tuple(out_shape)


def adaptive_error(call, x, params, dy=None, integers=False):
    """x, output_size, the output's count, dy: SPEC.md 16's checks in order (or None)."""
    backward = call.endswith("_backward")
    if _array_error(x, integers=integers and not backward):
        return "pooling:badInput"
    rank = x.ndim - 2
    size = params["output_size"]
    if not _ints(size, rank, 1) or max(size if isinstance(size, list) else [size]) > LARGEST:
        return "pooling:badOutputSize"
    size = size if isinstance(size, list) else [size] * rank
    if _too_large(x.shape[:2] + tuple(size)):
        return "pooling:tooLarge"
    if backward and _bad_gradient(dy, x, size):
        return "pooling:badGradient"
    return None


def _bad_order(p):
    real = isinstance(p, (int, float)) and not isinstance(p, bool)
    return not real or math.isnan(p) or not 1 <= p <= LARGEST


def lp_error(call, x, params, dy=None, integers=False):
    """x, the window, the output's count, p, dy: SPEC.md 17's checks in order (or None)."""
    backward = call.endswith("_backward")
    if _array_error(x, integers=integers and not backward):
        return "pooling:badInput"
    window = {k: v for k, v in params.items() if k != "p"}
    if not isinstance(window.get("ceil_mode", False), bool):
        return "pooling:badOption"
    if not _ints(window["kernel_size"], x.ndim - 2, 1):
        return "pooling:badKernel"
    if not _ints(window.get("stride", 1), x.ndim - 2, 1):
        return "pooling:badStride"
    if not _pads_ok(window.get("padding", 0), x.ndim - 2):
        return "pooling:badPadding"
    spatial = x.shape[2:]
    q = normalise(dict(window, dilation=1), spatial)
    for a in range(len(spatial)):
        if max(q["pads"][a]) > q["kernel"][a] - 1:
            return "pooling:badPadding"
    out = [out_length(spatial[a], q["kernel"][a], q["stride"][a], *q["pads"][a], 1,
                      q["ceil_mode"]) for a in range(len(spatial))]
    if min(out) < 1:
        return "pooling:outputTooSmall"
    if _too_large(x.shape[:2] + tuple(out)):
        return "pooling:tooLarge"
    if _bad_order(params["p"]):
        return "pooling:badOption"
    if backward and _bad_gradient(dy, x, out):
        return "pooling:badGradient"
    return None


def max_indices_error(x, params, indices):
    """``pooling:badIndices`` unless ``indices`` could be ``max_pool``'s for ``x`` (or None).

    Checked after ``dy`` (SPEC.md, "Errors"): an integer array of the
    forward output's shape, each index inside its (n, c) plane and among the
    real elements of its own output's window.  Whether it is the maximum is
    not checked.
    """
    spatial = x.shape[2:]
    out_shape, wins = windows(spatial, normalise(params, spatial))
    if indices is None or indices.dtype.kind not in "iu" or \
            indices.shape != x.shape[:2] + out_shape:
        return "pooling:badIndices"
    for (i, j), _ in planes(x):
        for target, win in zip(indices[i, j].ravel().tolist(), wins, strict=True):
            if target not in win:
                return "pooling:badIndices"
    return None
