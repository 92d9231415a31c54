"""The benchmark's cases, their inputs and the targets of issue 6."""

from dataclasses import dataclass

import numpy as np

SEED = 20240606

OPS = ("max_fwd", "max_bwd", "avg_fwd", "avg_bwd", "unpool_fwd", "unpool_bwd")
OP_LABELS = {
    "max_fwd": "max fwd",
    "max_bwd": "max bwd",
    "avg_fwd": "avg fwd",
    "avg_bwd": "avg bwd",
    "unpool_fwd": "unpool",
    "unpool_bwd": "unpool bwd",
}
FORWARD = ("max_fwd", "avg_fwd")
BACKWARD = ("max_bwd", "avg_bwd")

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

    @property
    def rank(self):
        return len(self.shape) - 2

    @property
    def is_global(self):
        return self.kernel == 0

    @property
    def elements(self):
        return int(np.prod(self.shape))

    @property
    def out_spatial(self):
        if self.is_global:
            return (1,) * self.rank
        e = self.dilation * (self.kernel - 1) + 1
        return tuple((n + 2 * self.padding - e) // self.stride + 1 for n in self.shape[2:])

    @property
    def out_shape(self):
        return self.shape[:2] + self.out_spatial

    def describe(self):
        dims = "x".join(map(str, self.shape))
        if self.is_global:
            return f"(N,C,*spatial) = {dims}, one window over the whole plane"
        text = f"(N,C,*spatial) = {dims}, k={self.kernel} s={self.stride}"
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
    ]


# Time per element against input size: one array of 56 x 56 planes, of which
# each size takes the first P planes (the pooling does not care whether a plane
# is a sample or a channel).
SCALING_PLANES = (16, 64, 256, 1024, 4096)
SCALING_PLANES_QUICK = (16, 64, 256)
SCALING_OPS = ("max_fwd", "max_bwd", "avg_fwd", "avg_bwd")
SCALING_NAIVE_MAX_ELEMENTS = 200_704  # the two smallest sizes


def inputs(shape, out_shape, seed):
    """``x`` and ``dy``: standard normal float32, no ties in practice, no NaN."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape, dtype=np.float32)
    dy = rng.standard_normal(out_shape, dtype=np.float32)
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


def copy_target(case, op):
    """Python fast / copy: the issue's limit for this case and op, or None."""
    if op in FORWARD:
        if case.is_global:
            return Target("py_global_copy", "Python global fwd over 56x56 <= 3x copy", 3, "max")
        if _plain(case, 2, 2):
            return Target("py_fwd_k2s2_copy", "Python fwd k=2 s=2 <= 2x copy (stretch 1.5x)",
                          2, "max", stretch=1.5)
        if _plain(case, 3, 2):
            return Target("py_fwd_k3s2_copy", "Python fwd k=3 s=2 <= 3x copy", 3, "max")
        return None
    if op in BACKWARD:
        return Target("py_bwd_copy", "Python bwd <= 4x copy", 4, "max")
    return None


def torch_target(case, op):
    """Python fast / PyTorch (one thread)."""
    if op in FORWARD:
        return Target("py_fwd_torch", "Python fwd >= 3x faster than PyTorch (fast/torch <= 1/3)",
                      1 / 3, "max")
    if op in BACKWARD:
        return Target("py_bwd_torch", "Python bwd faster than PyTorch bwd (fast/torch < 1)",
                      1, "below")
    return None


MEMORY_TARGET = Target("py_memory", "Python fast peak memory <= 2x (inputs + output)", 2, "max")


def octave_copy_target(case, op):
    if op in FORWARD and _plain(case, 2, 2):
        return Target("oct_fwd_k2s2_copy", "Octave fwd k=2 s=2 <= 2.5x Octave copy", 2.5, "max")
    return None


OCTAVE_NAIVE_TARGET = Target("oct_naive", "Octave fast >= 100x faster than Octave naive",
                             100, "min")
CONFORMANCE_TARGET = Target("conformance", "conformance run < 30 s", 30, "below")

# The order of the summary.
TARGET_ORDER = ("py_fwd_k2s2_copy", "py_fwd_k3s2_copy", "py_global_copy", "py_fwd_torch",
                "py_bwd_copy", "py_bwd_torch", "py_memory", "oct_fwd_k2s2_copy", "oct_naive",
                "conformance", "conformance_batches")
