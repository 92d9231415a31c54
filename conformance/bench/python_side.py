"""The Python half: numpy fast and naive paths, PyTorch on one thread, ``x.copy()``."""

import contextlib
import functools
import gc
import statistics
import time
import tracemalloc

import numpy as np

import pooling
import pooling.fast

from .cases import SCALING_NAIVE_MAX_ELEMENTS, Case, naive_planes


def load_torch():
    """PyTorch pinned to one thread, or None when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    # Settable only before any parallel work; the intra-op count is what matters.
    with contextlib.suppress(RuntimeError):
        torch.set_num_interop_threads(1)
    return torch


class Rounds:
    """How long to measure: interleaved rounds until both minimums are reached."""

    def __init__(self, min_rounds=5, min_seconds=0.5, max_rounds=30, naive_rounds=3):
        self.min_rounds = min_rounds
        self.min_seconds = min_seconds
        self.max_rounds = max_rounds
        self.naive_rounds = naive_rounds


def interleaved(calls, rounds):
    """Minimum thread CPU seconds of each call, median wall seconds, and every sample.

    One warm-up call each first, then rounds that call each once.  The
    headline is the *minimum* of ``time.thread_time()`` over the rounds: CPU
    time of this thread only, so a neighbour on a shared machine does not
    inflate it by taking the core away, and the minimum is the run least
    disturbed by cache and frequency noise.  Interleaving puts the fast path
    and its yardsticks in the same stretch of time, so what noise is left
    shifts them together and the ratios hold.  Wall time (median) is kept too.
    Returns ``(cpu_min, rounds_done, samples)`` where ``samples[name]`` holds
    ``{"cpu": [...], "wall": [...], "wall_median": m}``.
    """
    calls = {name: f for name, f in calls.items() if f is not None}
    for f in calls.values():
        f()
    cpu = {name: [] for name in calls}
    wall = {name: [] for name in calls}
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        done = 0
        while done < rounds.min_rounds or (
            time.perf_counter() - start < rounds.min_seconds and done < rounds.max_rounds
        ):
            for name, f in calls.items():
                w0, c0 = time.perf_counter(), time.thread_time()
                f()
                cpu[name].append(time.thread_time() - c0)
                wall[name].append(time.perf_counter() - w0)
            done += 1
    finally:
        if was_enabled:
            gc.enable()
    samples = {name: {"cpu": cpu[name], "wall": wall[name],
                      "wall_median": statistics.median(wall[name])} for name in calls}
    return {name: min(t) for name, t in cpu.items()}, done, samples


def repeated(f, n):
    """Minimum thread CPU seconds of ``n`` calls (the naive loops: too slow to interleave)."""
    times = []
    for _ in range(n):
        t0 = time.thread_time()
        f()
        times.append(time.thread_time() - t0)
    return min(times)


def peak_bytes(f):
    """Peak of memory allocated while ``f`` runs (its result included); numpy reports to
    tracemalloc, so this counts every temporary array."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        result = f()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, result


def same_bits(a, b):
    """Same dtype, shape and bits, NaN compared as a class (as the conformance suite does)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.kind != "f":
        return a.tobytes() == b.tobytes()
    uint = np.dtype(f"u{a.dtype.itemsize}")
    both_nan = np.isnan(a) & np.isnan(b)
    return bool(np.all(both_nan | (a.view(uint) == b.view(uint))))


def _nbytes(result):
    if isinstance(result, tuple):
        return sum(r.nbytes for r in result)
    return result.nbytes


def _first(result):
    return result[0] if isinstance(result, tuple) else result


class Operators:
    """The operations of one case (``case.ops``), as calls on given arrays, per implementation."""

    def __init__(self, case, torch):
        self.case = case
        self.torch = torch
        self.F = torch.nn.functional if torch is not None else None

    # --- pooling (fast or naive)
    def pooling(self, op, method):
        c = self.case
        kw = {"method": method}
        if c.operator == "adaptive_avg":
            out = c.output_size
            return {
                "adaptive_avg_fwd": lambda a: pooling.adaptive_avg_pool(a["x"], out, **kw),
                "adaptive_avg_bwd": lambda a: pooling.adaptive_avg_pool_backward(
                    a["dy"], a["x"], out, **kw),
            }[op]
        if c.operator == "lp":
            w = {"kernel_size": c.kernel, "stride": c.stride, "padding": c.padding}
            return {
                "lp_fwd": lambda a: pooling.lp_pool(a["x"], c.p, **w, **kw),
                "lp_bwd": lambda a: pooling.lp_pool_backward(a["dy"], a["x"], c.p, **w, **kw),
            }[op]
        if c.is_global:
            return {
                "max_fwd": lambda a: pooling.global_max_pool(a["x"], **kw),
                "max_bwd": lambda a: pooling.global_max_pool_backward(a["dy"], a["x"], **kw),
                "max_bwd_idx": self.from_indices(method, g_fn=pooling.global_max_pool_backward),
                "avg_fwd": lambda a: pooling.global_avg_pool(a["x"], **kw),
                "avg_bwd": lambda a: pooling.global_avg_pool_backward(a["dy"], a["x"], **kw),
                "unpool_fwd": lambda a: pooling.max_unpool(a["y"], a["idx"], c.shape[2:], **kw),
                "unpool_bwd": lambda a: pooling.max_unpool_backward(a["x"], a["idx"], **kw),
            }[op]
        g = c.pooling_kwargs()
        return {
            "max_fwd": lambda a: pooling.max_pool(a["x"], **g, **kw),
            "max_bwd": lambda a: pooling.max_pool_backward(a["dy"], a["x"], **g, **kw),
            "max_bwd_idx": self.from_indices(method),
            "avg_fwd": lambda a: pooling.avg_pool(a["x"], **g, **kw),
            "avg_bwd": lambda a: pooling.avg_pool_backward(a["dy"], a["x"], **g, **kw),
            "unpool_fwd": lambda a: pooling.max_unpool(a["y"], a["idx"], c.shape[2:], **kw),
            # dz has z's shape, which is x's: x serves as dz.
            "unpool_bwd": lambda a: pooling.max_unpool_backward(a["x"], a["idx"], **kw),
        }[op]

    def from_indices(self, method, g_fn=None):
        """Max backward from the forward pass's saved indices.

        The fast kernel ``pooling.fast.max_pool_backward_from_indices`` (its
        public ``indices=`` option is not wired yet); the naive reference
        recomputes the selection, which must give the same bits.
        """
        if method == "fast":
            return lambda a: pooling.fast.max_pool_backward_from_indices(
                a["dy"], a["idx"], a["x"].shape)
        if g_fn is not None:
            return lambda a: g_fn(a["dy"], a["x"], method="naive")
        g = self.case.pooling_kwargs()
        return lambda a: pooling.max_pool_backward(a["dy"], a["x"], **g, method="naive")

    def arrays(self, x, dy):
        """The inputs of every operation: ``x``, ``dy`` and the fast path's own ``y, idx``
        (these two for unpooling and max backward from indices, so only in "pool" cases)."""
        if self.case.operator != "pool":
            return {"x": x, "dy": dy}
        if self.case.is_global:
            y, idx = pooling.global_max_pool(x, return_indices=True)
        else:
            y, idx = pooling.max_pool(x, **self.case.pooling_kwargs(), return_indices=True)
        return {"x": x, "dy": dy, "y": y, "idx": idx}

    @staticmethod
    def input_bytes(op, a):
        names = {"max_fwd": ("x",), "avg_fwd": ("x",), "max_bwd": ("dy", "x"),
                 "max_bwd_idx": ("dy", "idx"),
                 "avg_bwd": ("dy", "x"), "unpool_fwd": ("y", "idx"), "unpool_bwd": ("x", "idx"),
                 "adaptive_avg_fwd": ("x",), "adaptive_avg_bwd": ("dy", "x"),
                 "lp_fwd": ("x",), "lp_bwd": ("dy", "x")}
        return sum(a[n].nbytes for n in names[op])

    # --- PyTorch
    def torch_calls(self, x, dy):
        """Every op as a PyTorch call on one thread; None where PyTorch has no equivalent.

        Backward passes are timed as ``torch.autograd.grad`` on a kept graph:
        what a training step runs after the forward pass (max pooling's
        backward reuses the indices the forward pass saved, while ours
        recomputes the selection from ``x``).
        """
        c = self.case
        if self.torch is None:
            return dict.fromkeys(c.ops)
        F, r = self.F, c.rank
        xt = self.torch.from_numpy(x)
        dyt = self.torch.from_numpy(dy)
        if c.operator != "pool":
            return self.torch_operator_calls(xt, dyt)
        if c.is_global:
            # Like for like: one window over the whole plane, as ours, rather
            # than the adaptive operators (a different kernel with its own cost).
            def max_pool(t, indices=False):
                return getattr(F, f"max_pool{r}d")(t, c.shape[2:], return_indices=indices)

            def avg_pool(t):
                return getattr(F, f"avg_pool{r}d")(t, c.shape[2:])

            unpool_kw = {"kernel_size": c.shape[2:]}
        else:
            kw = c.torch_kwargs()

            def max_pool(t, indices=False):
                return getattr(F, f"max_pool{r}d")(t, **kw, dilation=c.dilation,
                                                   return_indices=indices)

            def avg_pool(t):
                return getattr(F, f"avg_pool{r}d")(t, **kw)

            if c.dilation != 1:
                avg_pool = None  # PyTorch's average pooling has no dilation
            # The kernel only bounds the output_size PyTorch accepts; the dilated
            # window's extent is the one that admits the input's size.
            unpool_kw = dict(kw, kernel_size=c.dilation * (c.kernel - 1) + 1)
        yt, it = max_pool(xt, indices=True)

        def unpool(t):
            return getattr(F, f"max_unpool{r}d")(t, it, **unpool_kw, output_size=c.shape[2:])

        # x does not require a gradient, so the forward calls build no graph.
        return {
            "max_fwd": lambda: max_pool(xt),
            "avg_fwd": (lambda: avg_pool(xt)) if avg_pool else None,
            "unpool_fwd": lambda: unpool(yt),
            "max_bwd": self.gradient(max_pool, xt, dyt),
            # PyTorch's max backward always scatters through the saved indices.
            "max_bwd_idx": self.gradient(max_pool, xt, dyt),
            "avg_bwd": self.gradient(avg_pool, xt, dyt),
            "unpool_bwd": self.gradient(unpool, yt, xt),
        }

    def torch_operator_calls(self, xt, dyt):
        """Forward and backward of issue 15's operators: PyTorch's operator of the same name.

        ``lp_pool{r}d`` has no padding, and raises ``x`` (not ``|x|``) to
        ``p``: for p = 2 the same but for rounding.  Exactness is checked
        against our naive loops, never against PyTorch.
        """
        F, c = self.F, self.case
        if c.operator == "adaptive_avg":
            def forward(t):
                return getattr(F, f"adaptive_avg_pool{c.rank}d")(t, c.output_size)
        else:
            def forward(t):
                return getattr(F, f"lp_pool{c.rank}d")(t, c.p, c.kernel, stride=c.stride)
        fwd, bwd = c.ops
        return {fwd: lambda: forward(xt), bwd: self.gradient(forward, xt, dyt)}

    def gradient(self, forward, leaf_source, grad):
        """``forward``'s backward pass as a call: ``autograd.grad`` on a graph built once."""
        if forward is None:
            return None
        leaf = leaf_source.detach().clone().requires_grad_(True)
        out = forward(leaf)
        return lambda: self.torch.autograd.grad(out, leaf, grad, retain_graph=True)


def check_planes(shape):
    """(n, c) of the planes the naive check runs on: first, middle and last.

    ``cases.inputs`` seeds ties, signed zeros, NaN and infinities into these
    planes, which lie in different blocks of the fast kernels; the fast path
    runs on the full array and its result there must equal the naive loops'.
    """
    n, c = shape[:2]
    return [0, n // 2, n - 1], [0, c // 2, c - 1]


def _planes(a, ns, cs_):
    return np.ascontiguousarray(a[ns, cs_][:, None])


def run_case(case, x, dy, torch, rounds, naive_cap, log):
    """Times, memory and the naive check of every op of one case."""
    ops = Operators(case, torch)
    full = ops.arrays(x, dy)
    c_sub, n_sub = naive_planes(case.shape, naive_cap)
    xs = np.ascontiguousarray(x[:n_sub, :c_sub])
    sub = ops.arrays(xs, np.ascontiguousarray(dy[:n_sub, :c_sub]))
    ns, cs_ = check_planes(case.shape)
    seeded = {name: _planes(a, ns, cs_) for name, a in full.items()}
    scale = x.size / xs.size
    torch_calls = ops.torch_calls(x, dy)
    results = {}
    for op in case.ops:
        fast = ops.pooling(op, "fast")
        naive = ops.pooling(op, "naive")
        best, done, samples = interleaved(
            {"copy": x.copy, "fast": functools.partial(fast, full), "torch": torch_calls[op]},
            rounds,
        )
        naive_seconds = repeated(functools.partial(naive, sub), rounds.naive_rounds)
        peak, result = peak_bytes(functools.partial(fast, full))
        io_bytes = ops.input_bytes(op, full) + _nbytes(result)
        identical = same_bits(_planes(_first(result), ns, cs_), _first(naive(seeded)))
        del result
        results[op] = {
            "fast": best["fast"],
            "copy": best["copy"],
            "torch": best.get("torch"),
            "wall": {name: v["wall_median"] for name, v in samples.items()},
            "rounds": done,
            "samples": samples,
            "naive": naive_seconds * scale,
            "naive_measured": naive_seconds,
            "naive_elements": int(xs.size),
            "identical": identical,
            "checked_planes": [ns, cs_],
            "peak_bytes": int(peak),
            "io_bytes": int(io_bytes),
        }
        log(f"python: {case.name:11} {op:16} fast {best['fast'] * 1e3:8.2f} ms cpu, "
            f"{best['fast'] / best['copy']:5.2f}x copy, same bits as naive: {identical}")
    return results


def run_scaling(x_all, dy_all, planes, ops, torch, rounds, log):
    """Time per element of the k=2 s=2 ops on the first P planes of one array."""
    out = {op: {"fast": [], "copy": [], "torch": [], "naive": []} for op in ops}
    elements = []
    for p in planes:
        x = np.ascontiguousarray(x_all[:, :p])
        dy = np.ascontiguousarray(dy_all[:, :p])
        case = Case(f"scaling-{p}", x.shape, 2, 2)
        impl = Operators(case, torch)
        a = impl.arrays(x, dy)
        torch_calls = impl.torch_calls(x, dy)
        elements.append(int(x.size))
        for op in ops:
            fast = impl.pooling(op, "fast")
            best, _, _ = interleaved(
                {"copy": x.copy, "fast": functools.partial(fast, a), "torch": torch_calls[op]},
                rounds,
            )
            naive = None
            if x.size <= SCALING_NAIVE_MAX_ELEMENTS:
                naive = repeated(functools.partial(impl.pooling(op, "naive"), a),
                                 rounds.naive_rounds)
            for key, value in (("fast", best["fast"]), ("copy", best["copy"]),
                               ("torch", best.get("torch")), ("naive", naive)):
                out[op][key].append(value)
        log(f"python: scaling {x.size:>9} elements done")
    return {"elements": elements, "ops": out}
