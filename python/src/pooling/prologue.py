"""The checks every public function runs before its kernel, in SPEC.md's order.

A public function hands its arguments to ``prepare`` and runs the kernel of
the returned ``Call``: public function -> checks (``arrays``, ``parameters``,
``methods``) -> geometry -> kernel (``fast`` or ``naive``).
"""

from dataclasses import dataclass, field
from types import ModuleType

import numpy as np

from . import arrays, parameters
from .arrays import AVERAGE_OR_GRADIENT
from .geometry import Geometry
from .methods import implementation

# ``window=WHOLE``: one window over the whole spatial extent (global pooling).
WHOLE = "whole"

# Marks a call without a gradient; ``None`` cannot, since it is a bad ``dy``.
_NO_GRADIENT = object()


@dataclass(frozen=True)
class Call:
    """A checked call: the implementation, ``x`` in native byte order and what it needs."""

    impl: ModuleType
    x: np.ndarray
    geom: Geometry | None = None
    options: dict = field(default_factory=dict)
    dy: np.ndarray | None = None

    def run(self, kernel):
        """Return ``impl.<kernel>([dy,] x, geom, *options)``."""
        args = (self.x, self.geom, *self.options.values())
        if self.dy is not None:
            args = (self.dy, *args)
        # Inf - Inf is NaN here by design, not a warning.
        with np.errstate(all="ignore"):
            return getattr(self.impl, kernel)(*args)


def prepare(fname, x, method, unknown, *, window=None, options=None, dy=_NO_GRADIENT,
            name="x", integers=False, why_not_integers=AVERAGE_OR_GRADIENT):
    """Check a public call's arguments in SPEC.md's order and build its geometry.

    Parameters
    ----------
    fname : str
        The public function's name, which every message starts with.
    x : array_like, shape (N, C, *spatial)
        The array argument checked first (``x``; ``y`` or ``dz`` for unpooling,
        with ``name`` saying which).
    method, unknown
        The call's ``method`` and its unknown keyword arguments.
    window : tuple, WHOLE or None
        ``(kernel_size, stride, padding, dilation, ceil_mode)``; ``WHOLE`` for
        one window over the spatial extent; ``None`` when there is no window.
    options : dict, optional
        The kernel's options by name, in the kernel's order: flags
        (``return_indices``, ``count_include_pad``) and ``divisor_override``.
    dy : array_like, optional
        The upstream gradient of a backward function, checked last.
    integers, why_not_integers
        Whether ``x`` may be an integer array, and if not, why.

    Returns
    -------
    Call
    """
    x = arrays.as_input(x, fname, name, integers, why_not_integers)
    parameters.no_unknown_options(unknown, fname)
    checked = {}
    for option, value in (options or {}).items():
        if option == "divisor_override":
            checked[option] = parameters.divisor_override(value, fname)
        else:
            checked[option] = parameters.flag(value, option, fname)
    impl = implementation(method, fname)
    geom = None
    if window is not None:
        spatial = x.shape[2:]
        kernel_size, stride, padding, dilation, ceil_mode = (
            (spatial, None, 0, 1, False) if window == WHOLE else window
        )
        geom = parameters.window_geometry(
            spatial, kernel_size, stride, padding, dilation, ceil_mode, fname, x.shape[:2]
        )
    x = arrays.native(x)
    if dy is not _NO_GRADIENT:
        dy = arrays.native(arrays.as_gradient(dy, x.shape[:2] + geom.out_size, x.dtype, fname))
        return Call(impl, x, geom, checked, dy)
    return Call(impl, x, geom, checked)
