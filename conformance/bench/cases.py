"""The benchmark's cases, their inputs and the targets of issue 13.

Most cases time the seven operations of ``OPS`` (max, average and unpooling,
issue 13); the cases of issue 15's operators, adaptive average and Lp
pooling, time their own forward and backward pass (``Case.ops``) and have no
targets.
"""

from dataclasses import dataclass

import numpy as np

SEED = 20240606

OPS = ("max_fwd", "max_bwd", "max_bwd_idx", "avg_fwd", "avg_bwd", "unpool_fwd", "unpool_bwd")
OP_LABELS = {
    "max_fwd": "max fwd",
    "max_bwd": "max bwd",
    "max_bwd_idx": "max bwd (indices)",
    "avg_fwd": "avg fwd",
    "avg_bwd": "avg bwd",
    "unpool_fwd": "unpool",
    "unpool_bwd": "unpool bwd",
}
# Issue 15's operators, each with its forward and backward pass.
OPERATOR_OPS = {
    "pool": OPS,
    "adaptive_avg": ("adaptive_avg_fwd", "adaptive_avg_bwd"),
    "lp": ("lp_fwd", "lp_bwd"),
}
OP_LABELS.update({
    "adaptive_avg_fwd": "adaptive avg fwd",
    "adaptive_avg_bwd": "adaptive avg bwd",
    "lp_fwd": "lp fwd",
    "lp_bwd": "lp bwd",
})

# The naive loops cost about 2 us (Python) and 40 us (Octave) per element,
# so they run on the leading planes of each input and their time is scaled
# by the element count: they visit every plane alike, so they are linear in it.
PYTHON_NAIVE_CAP = 70_000
OCTAVE_NAIVE_CAP = 6_400


@dataclass(frozen=True)
class Case:
    name: str
    shape: tuple  # (N, C, *spatial)
    kernel: int = 0  # 0: global pooling
    stride: int = 0
    padding: int = 0
    dilation: int = 1
    operator: str = "pool"  # a key of OPERATOR_OPS
    output_size: tuple = ()  # adaptive_avg: the output's spatial size
    p: int = 0  # lp: the norm's order

    @property
    def ops(self):
        return OPERATOR_OPS[self.operator]

    @property
    def rank(self):
        return len(self.shape) - 2

    @property
    def is_global(self):
        return self.operator == "pool" and self.kernel == 0

    @property
    def elements(self):
        return int(np.prod(self.shape))

    @property
    def out_spatial(self):
        if self.operator == "adaptive_avg":
            return self.output_size
        if self.is_global:
            return (1,) * self.rank
        e = self.dilation * (self.kernel - 1) + 1
        return tuple((n + 2 * self.padding - e) // self.stride + 1 for n in self.shape[2:])

    @property
    def out_shape(self):
        return self.shape[:2] + self.out_spatial

    def describe(self):
        dims = "x".join(map(str, self.shape))
        if self.operator == "adaptive_avg":
            out = "x".join(map(str, self.output_size))
            return f"(N,C,*spatial) = {dims}, adaptive average to {out}"
        if self.is_global:
            return f"(N,C,*spatial) = {dims}, one window over the whole plane"
        norm = f"L{self.p} norm, " if self.operator == "lp" else ""
        text = f"(N,C,*spatial) = {dims}, {norm}k={self.kernel} s={self.stride}"
        if self.padding:
            text += f" p={self.padding}"
        if self.dilation != 1:
            text += f" d={self.dilation}"
        return text

    def torch_kwargs(self):
        return {"kernel_size": self.kernel, "stride": self.stride, "padding": self.padding}

    def pooling_kwargs(self):
        return {"kernel_size": self.kernel, "stride": self.stride, "padding": self.padding,
                "dilation": self.dilation}


def all_cases(quick=False):
    big = (8, 16) if quick else (32, 64)
    return [
        Case("2d-k2s2", big + (56, 56), 2, 2),
        # ResNet's stem pooling: overlapping windows and padding.
        Case("2d-k3s2", big + (56, 56), 3, 2, padding=1),
        Case("2d-small", (8, 16, 32, 32), 2, 2),
        # As many elements as the 2-D cases, so times per element compare directly.
        Case("1d-k2s2", big + (3136,), 2, 2),
        Case("3d-k2s2", (8, 32, 16, 28, 28) if not quick else (2, 8, 16, 28, 28), 2, 2),
        Case("2d-dil", big + (56, 56), 3, 2, padding=1, dilation=2),
        Case("global", big + (56, 56)),
        # Issue 15: ResNet's head (as many elements as the headline cases: 64 x
        # 2048 channels of 7 x 7), the same to 7 x 7 from the headline shape,
        # and Lp pooling with the windows of the stem's max pooling but no padding.
        Case("adapt-7to1", (16, 512, 7, 7) if quick else (64, 2048, 7, 7),
             operator="adaptive_avg", output_size=(1, 1)),
        Case("adapt-56to7", big + (56, 56), operator="adaptive_avg", output_size=(7, 7)),
        Case("lp2-k3s2", big + (56, 56), 3, 2, operator="lp", p=2),
    ]


# Time per element against input size: one array of 56 x 56 planes, of which
# each size takes the first P planes (the pooling does not care whether a plane
# is a sample or a channel).
SCALING_PLANES = (16, 64, 256, 1024, 4096)
SCALING_PLANES_QUICK = (16, 64, 256)
SCALING_OPS = ("max_fwd", "max_bwd", "avg_fwd", "avg_bwd")
SCALING_NAIVE_MAX_ELEMENTS = 200_704  # the two smallest sizes


SPECIALS = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1.0, 1.0, -1.0], dtype=np.float32)


def inputs(shape, out_shape, seed):
    """``x`` and ``dy``: standard normal float32, with specials seeded into three planes.

    The first, middle and last (n, c) planes (``python_side.check_planes``:
    they fall into different blocks of the fast kernels) are drawn from ties,
    signed zeros, NaN and infinities, so the check of the fast path against
    the naive loops on them exercises every rule of SPEC.md at full size.
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape, dtype=np.float32)
    dy = rng.standard_normal(out_shape, dtype=np.float32)
    n, c = shape[:2]
    for p, q in zip([0, n // 2, n - 1], [0, c // 2, c - 1], strict=True):
        x[p, q] = rng.choice(SPECIALS, size=shape[2:])
    return x, dy


def case_seed(index):
    return SEED + index


def naive_planes(shape, cap):
    """``(c, n)``: the leading channels and samples whose elements stay within ``cap``.

    At least one plane, so a plane larger than the cap still runs once.
    """
    plane = int(np.prod(shape[2:]))
    c = max(1, min(shape[1], cap // plane))
    n = max(1, min(shape[0], cap // (plane * c)))
    return c, n


# ------------------------------------------------------------------ targets


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    limit: float
    kind: str  # "max": value must be <= limit; "min": >= limit; "below": < limit
    stretch: float = 0.0

    def met(self, value):
        if value is None or not np.isfinite(value):
            return None
        if self.kind == "max":
            return value <= self.limit
        if self.kind == "min":
            return value >= self.limit
        return value < self.limit

    def short(self):
        sign = {"max": "<=", "min": ">=", "below": "<"}[self.kind]
        return f"{sign}{self.limit:.2f}" if self.limit < 1 else f"{sign}{self.limit:g}"


def _plain(case, k, s):
    return case.kernel == k and case.stride == s and case.dilation == 1


# Issue 13's targets are for float32 (32, 64, 56, 56): the headline cases.
_COPY_LIMITS = {
    ("2d-k2s2", "max_fwd"): 2.5, ("2d-k3s2", "max_fwd"): 3.2,
    ("2d-k2s2", "avg_fwd"): 3.0, ("2d-k3s2", "avg_fwd"): 5.0,
    ("2d-k2s2", "max_bwd"): 7, ("2d-k3s2", "max_bwd"): 11.5,
    ("2d-k2s2", "max_bwd_idx"): 3.5, ("2d-k3s2", "max_bwd_idx"): 3.5,
    ("2d-k3s2", "avg_bwd"): 4.5,
    ("2d-k2s2", "unpool_fwd"): 7,
    ("global", "avg_fwd"): 3.3,
}


def copy_target(case, op):
    """Python fast / copy (CPU time): the issue's limit for this case and op, or None."""
    limit = _COPY_LIMITS.get((case.name, op))
    if limit is None:
        return None
    text = f"Python {case.name} {OP_LABELS[op]} <= {limit:g}x copy"
    return Target(f"py_{case.name}_{op}", text, limit, "max")


def torch_target(case, op):
    """Python fast / PyTorch (one thread): average backward k3s2p1 faster than PyTorch."""
    if case.name == "2d-k3s2" and op == "avg_bwd":
        return Target("py_avg_bwd_torch", "Python 2d-k3s2 avg bwd faster than PyTorch "
                      "(fast/torch < 1)", 1, "below")
    return None


MEMORY_TARGET = Target("py_memory", "Python fast peak memory <= 2x (inputs + output)", 2, "max")
UNPOOL_MEMORY_TARGET = Target("py_unpool_memory",
                              "Python unpool peak memory <= 1.1x (inputs + output)", 1.1, "max")


def memory_target(case, op):
    if case.operator != "pool":
        return None  # issue 15 sets no targets
    if case.name == "2d-k2s2" and op == "unpool_fwd":
        return UNPOOL_MEMORY_TARGET
    return MEMORY_TARGET


def octave_copy_target(case, op):
    limit = {"2d-k2s2": 2.5, "2d-k3s2": 5.5}.get(case.name)
    if op == "max_fwd" and limit is not None:
        return Target(f"oct_{case.name}_max_fwd", f"Octave {case.name} max fwd <= {limit:g}x "
                      "Octave copy (CPU time)", limit, "max")
    return None


OCTAVE_NAIVE_TARGET = Target("oct_naive", "Octave fast >= 100x faster than Octave naive",
                             100, "min")


def octave_naive_target(case, op):
    return OCTAVE_NAIVE_TARGET if case.operator == "pool" else None

CONFORMANCE_TARGET = Target("conformance", "conformance run < 30 s", 30, "below")

# The order of the summary.
TARGET_ORDER = tuple(f"py_{name}_{op}" for name, op in _COPY_LIMITS) + (
    "py_avg_bwd_torch", "py_unpool_memory", "py_memory", "oct_2d-k2s2_max_fwd",
    "oct_2d-k3s2_max_fwd", "oct_naive", "conformance", "conformance_batches")
