"""PyTorch (CPU, one thread) as an implementation of conformance/contract.py.

Forward passes are ``torch.nn.functional``; backward passes are autograd's
gradient of ``<forward(x), dy>``.  Parameters are translated, never emulated:
what PyTorch cannot express (asymmetric padding, ``padding="same"``, dilated
average pooling) or refuses by one of its own limits (the pad limit of half
the kernel, a dtype without a CPU kernel) raises ``NotSupported``.  Global
pooling is pooling with one window the size of the plane, the like-for-like
spelling (adaptive pooling to size 1 is another kernel with another sum order).
Adaptive pooling is ``F.adaptive_*_pool``; Lp pooling is ``F.lp_pool``, which has
no padding (NotSupported) and computes PyTorch's own form of the norm.
Arrays are ``(N, C, *spatial)`` numpy arrays in and out, as in ``pooling``.
"""

import re

import numpy as np

from ..contract import NotSupported
from . import framework
from ._params import global_by_window, per_axis, symmetric, window_params

torch, F = framework(__name__, "PyTorch", "torch", "torch.nn.functional")

# max_unpool's CPU kernel writes duplicate indices from several threads at once, so
# which value stays would be a race; one thread makes it the serial, ascending order.
torch.set_num_threads(1)

FRAMEWORK = "PyTorch"
VERSION = torch.__version__

# PyTorch's own limits on calls the specification allows.  Only these become
# NotSupported, so any other exception stays a refusal of the call.
LIMITS = (r"pad should be", r"not implemented for '", r"smaller than kernel size")


def _run(thunk):
    try:
        return thunk()
    except RuntimeError as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if any(re.search(p, text) for p in LIMITS):
            raise NotSupported(f"PyTorch refuses it: {text}") from exc
        raise


def _tensor(a, grad=False):
    # A copy, so PyTorch never shares (or writes) the caller's memory.
    t = torch.from_numpy(np.array(a, copy=True))
    return t.requires_grad_(True) if grad else t


def _numpy(t):
    return t.detach().numpy().copy()


def _gradient(t_in, t_out, dy):
    """Autograd's gradient of ``<t_out, dy>`` with respect to ``t_in``, shaped like ``t_in``."""
    t_out.backward(_tensor(dy))
    return _numpy(t_in.grad)


def _rank(x):
    r = np.ndim(x) - 2
    if not 1 <= r <= 3:
        raise ValueError(f"x must have 1 to 3 spatial axes after (N, C); got shape {np.shape(x)}")
    return r


def _pads(pairs):
    if isinstance(pairs, str):
        raise NotSupported("padding='same' (PyTorch's pooling functions have no 'same')")
    pads = symmetric(pairs)
    if pads is None:
        raise NotSupported("asymmetric padding (PyTorch pads both ends of an axis alike)")
    return pads


def _max(x, kernel_size, stride, padding, dilation, ceil_mode, grad):
    r = _rank(x)
    k, s, pairs, d = window_params(r, kernel_size, stride, padding, dilation)
    pads = _pads(pairs)
    xt = _tensor(x, grad)
    pool = getattr(F, f"max_pool{r}d")
    y, idx = _run(lambda: pool(xt, k, stride=s, padding=pads, dilation=d,
                               ceil_mode=ceil_mode, return_indices=True))
    return xt, y, idx


def max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             return_indices=False):
    """``F.max_pool{1,2,3}d``: y (N, C, *out), and int64 indices flat within each plane."""
    _, y, idx = _max(x, kernel_size, stride, padding, dilation, ceil_mode, grad=False)
    return (_numpy(y), _numpy(idx)) if return_indices else _numpy(y)


def max_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1,
                      ceil_mode=False, indices=None):
    """Autograd through ``max_pool``: dx shaped like x (N, C, *spatial).

    With ``indices`` (a forward call's saved indices), PyTorch's own backward from
    indices, ``aten.max_pool{2,3}d_with_indices_backward`` (1-D as 2-D over (N, C, 1, L),
    as ``max_pool1d`` runs).
    """
    if indices is None:
        xt, y, _ = _max(x, kernel_size, stride, padding, dilation, ceil_mode, grad=True)
        return _run(lambda: _gradient(xt, y, dy))
    r = _rank(x)
    k, s, pairs, d = window_params(r, kernel_size, stride, padding, dilation)
    pads = _pads(pairs)
    idx = np.asarray(indices)
    plane = int(np.prod(np.shape(x)[2:]))
    if idx.size and np.issubdtype(idx.dtype, np.integer) and (
            idx.min() < -1 or idx.max() >= plane):
        # The kernel checks no index: one outside the plane writes outside dx's memory.
        raise NotSupported("an index outside the plane (PyTorch's max_pool backward from "
                           "indices does not check them and writes outside the gradient)")
    xt, dyt, it = _tensor(x), _tensor(dy), _tensor(idx)
    if r == 1:
        xt, dyt, it = xt.unsqueeze(2), dyt.unsqueeze(2), it.unsqueeze(2)
        k, s, pads, d = [1] + list(k), [1] + list(s), [0] + list(pads), [1] + list(d)
    backward = getattr(torch.ops.aten, f"max_pool{max(r, 2)}d_with_indices_backward")
    dx = _run(lambda: backward(dyt, xt, list(k), list(s), list(pads), list(d), ceil_mode, it))
    return _numpy(dx.squeeze(2) if r == 1 else dx)


def _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
         divisor_override, grad):
    r = _rank(x)
    k, s, pairs, d = window_params(r, kernel_size, stride, padding, dilation)
    if any(v != 1 for v in d):
        raise NotSupported("dilation (PyTorch's average pooling has none)")
    pads = _pads(pairs)
    xt = _tensor(x, grad)
    # Flags pass as they are: PyTorch, not the adapter, judges a flag that is no bool.
    options = dict(stride=s, padding=pads, ceil_mode=ceil_mode,
                   count_include_pad=count_include_pad)
    if r == 1 and divisor_override is not None:
        # avg_pool1d has no divisor_override; it runs avg_pool2d over (N, C, 1, L) itself,
        # so the same call with the override keeps PyTorch's own rule.
        options.update(stride=[1] + list(s), padding=[0] + list(pads))
        return xt, _run(lambda: F.avg_pool2d(
            xt.unsqueeze(2), [1] + list(k), divisor_override=divisor_override, **options
        ).squeeze(2))
    if r == 1:
        return xt, _run(lambda: F.avg_pool1d(xt, k, **options))
    pool = getattr(F, f"avg_pool{r}d")
    return xt, _run(lambda: pool(xt, k, divisor_override=divisor_override, **options))


def avg_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             count_include_pad=True, divisor_override=None):
    """``F.avg_pool{1,2,3}d``: y (N, C, *out)."""
    _, y = _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
                divisor_override, grad=False)
    return _numpy(y)


def avg_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                      count_include_pad=True, divisor_override=None):
    """Autograd through ``avg_pool``: dx shaped like x."""
    xt, y = _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
                 divisor_override, grad=True)
    return _run(lambda: _gradient(xt, y, dy))


global_max_pool, global_max_pool_backward, global_avg_pool, global_avg_pool_backward = (
    global_by_window(max_pool, max_pool_backward, avg_pool, avg_pool_backward))


def _unpool_geometry(in_shape, size):
    """kernel and padding, with stride 1, for which ``F.max_unpool`` expects ``size``.

    PyTorch checks ``output_size`` against ``(in - 1)*s - 2p + k`` (within one
    stride) and uses those parameters for nothing else, so any choice that
    gives exactly ``size`` translates the call.
    """
    kernel, padding = [], []
    for m, want in zip(in_shape, size, strict=True):
        k = want - m + 1 if want >= m else 1 + (m - want) % 2
        kernel.append(k)
        padding.append((m - 1 + k - want) // 2)
    return kernel, padding


def _unpool(y, indices, output_size, grad):
    r = _rank(y)
    size = per_axis(output_size, r)
    kernel, padding = _unpool_geometry(np.shape(y)[2:], size)
    unpool = getattr(F, f"max_unpool{r}d")
    yt = _tensor(y, grad)
    # PyTorch takes int64 indices only; the values are the same in any integer dtype.
    it = _tensor(np.asarray(indices).astype(np.int64))
    return yt, _run(lambda: unpool(yt, it, kernel, stride=1, padding=padding,
                                   output_size=size))


def max_unpool(y, indices, output_size):
    """``F.max_unpool{1,2,3}d``: z (N, C, *output_size)."""
    return _numpy(_unpool(y, indices, output_size, grad=False)[1])


def max_unpool_backward(dz, indices):
    """Autograd through ``max_unpool``: dy shaped like ``indices``."""
    dz = np.asarray(dz)
    zeros = np.zeros(np.shape(indices), dtype=dz.dtype)
    yt, z = _unpool(zeros, indices, list(dz.shape[2:]), grad=True)
    return _run(lambda: _gradient(yt, z, dz))


def _adaptive(kind, x, output_size, grad, return_indices=False):
    r = _rank(x)
    size = per_axis(output_size, r)
    xt = _tensor(x, grad)
    pool = getattr(F, f"adaptive_{kind}_pool{r}d")
    if kind == "max":
        return xt, _run(lambda: pool(xt, size, return_indices=return_indices))
    return xt, _run(lambda: pool(xt, size))


def adaptive_max_pool(x, output_size, return_indices=False):
    """``F.adaptive_max_pool{1,2,3}d``: y (N, C, *output_size), int64 flat indices."""
    _, out = _adaptive("max", x, output_size, False, return_indices=True)
    y, idx = out
    return (_numpy(y), _numpy(idx)) if return_indices else _numpy(y)


def adaptive_max_pool_backward(dy, x, output_size):
    """Autograd through ``adaptive_max_pool``: dx shaped like x."""
    xt, y = _adaptive("max", x, output_size, True)
    return _run(lambda: _gradient(xt, y, dy))


def adaptive_avg_pool(x, output_size):
    """``F.adaptive_avg_pool{1,2,3}d``: y (N, C, *output_size)."""
    return _numpy(_adaptive("avg", x, output_size, False)[1])


def adaptive_avg_pool_backward(dy, x, output_size):
    """Autograd through ``adaptive_avg_pool``: dx shaped like x."""
    xt, y = _adaptive("avg", x, output_size, True)
    return _run(lambda: _gradient(xt, y, dy))


def _lp(x, p, kernel_size, stride, padding, ceil_mode, grad):
    r = _rank(x)
    k, s, pairs, _ = window_params(r, kernel_size, stride, padding, 1)
    if _pads(pairs) != [0] * r:
        raise NotSupported("padding (PyTorch's lp_pool has none)")
    xt = _tensor(x, grad)
    pool = getattr(F, f"lp_pool{r}d")
    if r == 1:  # lp_pool1d multiplies by kernel_size, so it takes ints only
        k, s = k[0] if isinstance(k, list) else k, s[0] if isinstance(s, list) else s
    # PyTorch's own form: avg_pool(x^p) * count, then sign(s) * relu(|s|)^(1/p).
    return xt, _run(lambda: pool(xt, p, k, stride=s, ceil_mode=ceil_mode))


def lp_pool(x, p, kernel_size, stride=None, padding=0, ceil_mode=False):
    """``F.lp_pool{1,2,3}d``: y (N, C, *out); padding is NotSupported."""
    return _numpy(_lp(x, p, kernel_size, stride, padding, ceil_mode, False)[1])


def lp_pool_backward(dy, x, p, kernel_size, stride=None, padding=0, ceil_mode=False):
    """Autograd through ``lp_pool``: dx shaped like x."""
    xt, y = _lp(x, p, kernel_size, stride, padding, ceil_mode, True)
    return _run(lambda: _gradient(xt, y, dy))
