"""What PyTorch computes instead: executable forms of rules of its differences file.

The differential tests (test_differential_python.py) compare PyTorch's
results on drawn cases with these models, bit for bit, so a documented rule
cannot hide a second, unrelated disagreement in the same output.  Each model
is the oracle with the one rule of
``conformance/adapters/torch_pooling.differences.yaml`` changed; ``MODELS``
is keyed by the rule's name, which test_differential_python.py checks is in
that file.
"""

import math
from dataclasses import dataclass

import numpy as np

from conformance.adapters._params import per_axis
from conformance.golden import oracle
from conformance.operators import OPERATORS


def _torch_pick(values):
    """PyTorch's CPU selection: ``if (val > maxval || isnan(val))``, so the last NaN wins."""
    best = 0
    for i in range(1, len(values)):
        if np.isnan(values[i]) or values[i] > values[best]:
            best = i
    return best


def _max_pool(x, params, pick):
    spatial = x.shape[2:]
    if "output_size" in params:  # adaptive pooling's windows (SPEC.md 16)
        out_shape, wins = oracle.adaptive_windows(spatial, params["output_size"])
    else:
        out_shape, wins = oracle.windows(spatial, oracle.normalise(params, spatial))
    return oracle.select(x, out_shape, wins, pick)


def torch_last_nan_wins(case):
    """Max pooling with PyTorch's selection; otherwise SPEC.md's rules, backward included."""
    a = case.arrays
    x = a["x"]
    params = oracle.whole(x) if case.op == "global_max_pool" else case.params
    y, idx = _max_pool(x, params, _torch_pick)
    out = {"y": y, "indices": idx}
    if "dy" in a:
        out["dx"] = oracle.route(a["dy"], x, idx)
    return out


def torch_unpool_backward_gathers(case):
    """PyTorch's max_unpool backward: ``dz`` gathered at every index, overwritten or not."""
    a = case.arrays
    if "dy" not in a:
        return {}
    dz, idx = a["dy"], a["indices"]
    r = idx.ndim - 2
    size = per_axis(case.params["output_size"], r)
    flat = dz.reshape(dz.shape[:2] + (math.prod(size),))
    gathered = np.take_along_axis(flat, idx.reshape(idx.shape[:2] + (-1,)), axis=2)
    return {"dx": gathered.reshape(idx.shape)}


def torch_avg_adds_to_zeroed_output(case):
    """PyTorch's average: ``+0.0 + sum / divisor``, so a quotient of -0.0 comes out +0.0."""
    y = case.arrays["y"]
    return {"y": y + y.dtype.type(0.0)}


def _mean_path(case):
    """Whether PyTorch computes this adaptive average as ``input.mean`` (every output size 1)."""
    x = case.arrays["x"]
    return all(o == 1 for o in per_axis(case.params["output_size"], x.ndim - 2))


def torch_adaptive_avg_divides_twice(case):
    """PyTorch's adaptive average kernel: sums and gradients divided by each extent in turn.

    Each window's row-major sum from +0.0 is divided by its extent on every
    axis, first axis first (``sum / kh / kw``; 1-D runs as 2-D with kh = 1);
    the backward pass adds ``dy / kh / kw`` to every element of the window,
    outputs in ascending order, to a zeroed ``dx``.  Output size 1 on every
    axis is not this kernel (``torch_adaptive_avg_mean``).
    """
    if _mean_path(case):
        return {}
    a = case.arrays
    x = a["x"]
    out_shape, wins = oracle.adaptive_windows(x.shape[2:], case.params["output_size"])
    size = per_axis(case.params["output_size"], x.ndim - 2)
    extents = []  # per axis, each output's window length, shaped to broadcast over out_shape
    for axis, (n, o) in enumerate(zip(x.shape[2:], size, strict=True)):
        lengths = [hi - lo for lo, hi in (oracle.adaptive_range(i, n, o) for i in range(o))]
        later = (1,) * (len(size) - 1 - axis)
        extents.append(np.array(lengths, dtype=x.dtype).reshape((o,) + later))
    # The oracle's average with divisor 1 (exact) is the row-major sum from +0.0, and its
    # backward adds each given share as it is, in ascending output order.
    ones = [1] * len(wins)

    def per_extent(v):
        for e in extents:
            v = v / e
        return v

    out = {"y": per_extent(oracle.average(x, out_shape, wins, ones))}
    if "dy" in a:
        out["dx"] = oracle.average_backward(per_extent(a["dy"]), x, wins, ones)
    return out


def torch_adaptive_avg_mean(case):
    """To output size 1 on every axis PyTorch's adaptive average is ``input.mean``.

    Its gradient writes ``dy / count`` into every element, added to nothing,
    so a ``dy`` of -0.0 stays -0.0.  Its ``y`` is a cascade sum whose order
    depends on the CPU's vector width, which this model does not follow: ``y``
    is None (not compared).
    """
    if not _mean_path(case):
        return {}
    a = case.arrays
    x = a["x"]
    out = {"y": None}
    if "dy" in a:
        count = x.dtype.type(math.prod(x.shape[2:]))
        out["dx"] = np.broadcast_to(a["dy"] / count, x.shape).copy()
    return out


@dataclass(frozen=True)
class Model:
    ops: tuple
    compute: object


MODELS = {
    "nan-last-nan-wins": Model(("max_pool", "global_max_pool", "adaptive_max_pool"),
                               torch_last_nan_wins),
    "unpool-backward-gathers": Model(("max_unpool",), torch_unpool_backward_gathers),
    "avg-adds-to-zeroed-output": Model(("avg_pool", "global_avg_pool"),
                                       torch_avg_adds_to_zeroed_output),
    "adaptive-avg-divides-twice": Model(("adaptive_avg_pool",),
                                        torch_adaptive_avg_divides_twice),
    "adaptive-avg-mean-gradient-negative-zero": Model(("adaptive_avg_pool",),
                                                      torch_adaptive_avg_mean),
}

# Operators whose documented differences (the differences file) have no model here
# yet, so the drawn cases cannot say what PyTorch should give: lp_pool
# (lp-signed-power, lp-avg-times-count, lp-gradient-negative-zero).  Not compared
# either: adaptive_avg_pool's y to output size 1 (torch_adaptive_avg_mean).
UNMODELLED = ("lp_pool",)


def expected(case):
    """The golden outputs with every modelled rule applied: what PyTorch should give.

    An output a model gives as None is one it cannot predict; it is left out.
    """
    _, outputs = OPERATORS[case.op].fields(case.dtype)
    out = {name: case.arrays[name] for name in outputs}
    for model in MODELS.values():
        if case.op in model.ops:
            out.update({k: v for k, v in model.compute(case).items() if k in outputs})
    return {k: v for k, v in out.items() if v is not None}
