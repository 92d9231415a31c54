"""A fixture case run through PyTorch (CPU): ``torch.nn.functional`` and autograd.

Parameters are translated, never emulated: a case PyTorch cannot express
(asymmetric padding, dilated average pooling) or refuses by one of its own
checks (REFUSALS) is "not supported", with the reason; any other exception is
a failure and is compared like a result.
Global pooling is pooling with one window the size of the plane (``run``)
or adaptive pooling to size 1 (``run_adaptive``), PyTorch's two spellings.
"""

import numpy as np

from ..golden import oracle
from .common import NotSupported, per_axis, refusal


def _torch():
    import torch
    import torch.nn.functional as F  # noqa: N812

    # max_unpool's CPU kernel writes duplicate indices from several threads at once, so
    # which value stays is a race (torch.use_deterministic_algorithms refuses the op);
    # one thread makes it the serial, ascending order.
    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)
    return torch, F


def available():
    try:
        _torch()
    except ImportError:
        return False
    return True


def version():
    return _torch()[0].__version__


def _tensor(a, grad=False):
    torch, _ = _torch()
    t = torch.from_numpy(np.array(a, copy=True))
    return t.requires_grad_(True) if grad else t


def _numpy(t):
    return t.detach().numpy().copy()


# PyTorch's own checks: the pad limit of half the kernel, dtypes without a CPU kernel,
# and avg_pool3d's refusal of an input smaller than the kernel on some axis (which
# padding or ceil mode can still give windows, SPEC.md 3 and 4).
REFUSALS = (r"pad should be", r"not implemented for '", r"smaller than kernel size")


def _symmetric_pads(p):
    pads = p["pads"]
    if any(pb != pa for pb, pa in pads):
        return None
    return [pb for pb, _ in pads]


def _backward(t_in, t_out, dy):
    """Autograd's gradient of ``<t_out, dy>`` with respect to ``t_in``."""
    t_out.backward(_tensor(dy))
    return _numpy(t_in.grad)


def run(case):
    """The outputs PyTorch gives for ``case``, by fixture field name, or ``NotSupported``."""
    _, F = _torch()  # noqa: N806
    a = case.arrays
    floating = case.dtype in ("float32", "float64")
    try:
        if case.op == "max_pool":
            return _max_pool(F, case, a, floating)
        if case.op == "avg_pool":
            return _avg_pool(F, case, a)
        if case.op == "global_max_pool":
            return _global_max_pool(F, a, floating)
        if case.op == "global_avg_pool":
            return _global_avg_pool(F, a)
        return _max_unpool(F, case, a, floating)
    except RuntimeError as exc:
        return refusal(exc, REFUSALS, "PyTorch")


def _max_pool(F, case, a, floating):  # noqa: N803
    x = a["x"]
    r = x.ndim - 2
    p = oracle.normalise(case.params, x.shape[2:])
    pads = _symmetric_pads(p)
    if pads is None:
        return NotSupported("asymmetric padding (PyTorch pads both ends alike)")
    pool = getattr(F, f"max_pool{r}d")
    xt = _tensor(x, grad=floating)
    y, idx = pool(xt, p["kernel"], stride=p["stride"], padding=pads, dilation=p["dilation"],
                  ceil_mode=p["ceil_mode"], return_indices=True)
    out = {"y": _numpy(y), "indices": _numpy(idx)}
    if floating:
        out["dx"] = _backward(xt, y, a["dy"])
    return out


def _avg_pool(F, case, a):  # noqa: N803
    x = a["x"]
    r = x.ndim - 2
    p = oracle.normalise(case.params, x.shape[2:])
    if any(d != 1 for d in p["dilation"]):
        return NotSupported("dilation (PyTorch's average pooling has none)")
    pads = _symmetric_pads(p)
    if pads is None:
        return NotSupported("asymmetric padding (PyTorch pads both ends alike)")
    options = dict(stride=p["stride"], padding=pads, ceil_mode=p["ceil_mode"],
                   count_include_pad=case.params.get("count_include_pad", True))
    override = case.params.get("divisor_override")
    xt = _tensor(x, grad=True)
    if r == 1 and override is not None:
        # avg_pool1d has no divisor_override; avg_pool2d over (1, L) is what avg_pool1d
        # itself runs, so the rule is PyTorch's own.
        options.update(stride=[1] + p["stride"], padding=[0] + pads)
        y = F.avg_pool2d(xt.unsqueeze(2), [1] + p["kernel"], divisor_override=override,
                         **options).squeeze(2)
    elif r == 1:
        y = F.avg_pool1d(xt, p["kernel"], **options)
    else:
        pool = getattr(F, f"avg_pool{r}d")
        y = pool(xt, p["kernel"], divisor_override=override, **options)
    return {"y": _numpy(y), "dx": _backward(xt, y, a["dy"])}


def _global_max_pool(F, a, floating):  # noqa: N803
    x = a["x"]
    xt = _tensor(x, grad=floating)
    y, idx = getattr(F, f"max_pool{x.ndim - 2}d")(xt, list(x.shape[2:]), return_indices=True)
    out = {"y": _numpy(y), "indices": _numpy(idx)}
    if floating:
        out["dx"] = _backward(xt, y, a["dy"])
    return out


def _global_avg_pool(F, a):  # noqa: N803
    x = a["x"]
    xt = _tensor(x, grad=True)
    y = getattr(F, f"avg_pool{x.ndim - 2}d")(xt, list(x.shape[2:]))
    return {"y": _numpy(y), "dx": _backward(xt, y, a["dy"])}


def run_adaptive(case):
    """Global pooling as PyTorch models usually write it: adaptive pooling to size 1."""
    _, F = _torch()  # noqa: N806
    a = case.arrays
    x = a["x"]
    r = x.ndim - 2
    floating = case.dtype in ("float32", "float64")
    try:
        xt = _tensor(x, grad=floating)
        if case.op == "global_max_pool":
            y, idx = getattr(F, f"adaptive_max_pool{r}d")(xt, 1, return_indices=True)
            out = {"y": _numpy(y), "indices": _numpy(idx)}
        else:
            y = getattr(F, f"adaptive_avg_pool{r}d")(xt, 1)
            out = {"y": _numpy(y)}
        if floating:
            out["dx"] = _backward(xt, y, a["dy"])
        return out
    except RuntimeError as exc:
        return refusal(exc, REFUSALS, "PyTorch")


def _max_unpool(F, case, a, floating):  # noqa: N803
    y = a["x"]
    r = y.ndim - 2
    size = per_axis(case.params["output_size"], r)
    # F.max_unpool checks output_size against the size its other arguments give,
    # (in - 1)*s - 2p + k <= size < that + s.  They play no other part: with s = 1, choose
    # k and p to give exactly size (p > 0 only where the pooled axis is the longer).
    kernel, padding = [], []
    for i in range(r):
        m, want = y.shape[2 + i], size[i]
        k = want - m + 1 if want >= m else 1 + (m - want) % 2
        kernel.append(k)
        padding.append((m - 1 + k - want) // 2)
    unpool = getattr(F, f"max_unpool{r}d")
    yt = _tensor(y, grad=floating)
    z = unpool(yt, _tensor(a["indices"]), kernel, stride=1, padding=padding, output_size=size)
    out = {"y": _numpy(z)}
    if floating:
        out["dx"] = _backward(yt, z, a["dy"])
    return out
