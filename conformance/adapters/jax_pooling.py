"""JAX (CPU) as an implementation of conformance/contract.py.

Max and average pooling are ``lax.reduce_window`` under ``jax.jit``, the way
JAX code pools: padding pairs, ``window_dilation``, ``padding="same"`` as
JAX's own SAME pads (``lax.padtype_to_pads``) and ceil mode as extra end
padding.  JAX has no average-pooling operator; the average is the common
idiom (Flax's ``avg_pool``): the window sum divided by the window size, or,
without ``count_include_pad``, by the number of real elements in the window.
Backward passes are ``jax.vjp`` of the same jitted function.  Max unpooling
is a scatter (``.at[].set``).  ``reduce_window`` returns no indices, so
``return_indices=True`` raises ``NotSupported``.

Importing this module turns on ``jax_enable_x64`` (float64 and 64-bit
integers would otherwise be silently narrowed) for the whole process.
Arrays are ``(N, C, *spatial)`` numpy arrays in and out.
"""

import functools
import os
import sys

import numpy as np

from ..contract import NotSupported
from . import framework
from ._params import global_by_window, per_axis, window_params

if "jax" not in sys.modules:
    # CPU and one thread, like the other adapters; only possible before JAX starts, so a
    # process that imported JAX earlier keeps its own choice.
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false "
                                       "intra_op_parallelism_threads=1")
jax, jnp, lax = framework(__name__, "JAX", "jax", "jax.numpy", "jax.lax")

jax.config.update("jax_enable_x64", True)

FRAMEWORK = "JAX"
VERSION = jax.__version__


def _input(x):
    x = np.asarray(x)
    if not 1 <= x.ndim - 2 <= 3:
        raise ValueError(f"x must have 1 to 3 spatial axes after (N, C); got shape {x.shape}")
    return x


def _ceil_size(n, k, s, pb, pa, d):
    """Output length with ceil rounding; a last window starting past the input and its
    left padding is dropped (the contract's ceil_mode, PyTorch's definition)."""
    span = n + pb + pa - d * (k - 1) - 1
    out = -(-span // s) + 1
    return out - 1 if (out - 1) * s >= n + pb else out


def _geometry(shape, kernel_size, stride, padding, dilation, ceil_mode):
    """(window, strides, pads, dilation) over all axes of ``shape``, N and C included.

    Ceil mode becomes extra padding at the end of an axis, enough for the last
    window; the init value of the reduction fills it, as it fills the padding.
    """
    r = len(shape) - 2
    _flag(ceil_mode, "ceil_mode")
    k, s, pairs, d = window_params(r, kernel_size, stride, padding, dilation)
    if pairs == "same":
        pairs = lax.padtype_to_pads(shape[2:], k, s, "SAME")
    elif isinstance(pairs, str):
        raise ValueError(f"padding must be a number, pairs, 'valid' or 'same'; got {padding!r}")
    pairs = [tuple(int(p) for p in pair) for pair in pairs]
    if ceil_mode:
        grown = []
        for n, kk, ss, (pb, pa), dd in zip(shape[2:], k, s, pairs, d, strict=True):
            out = _ceil_size(n, kk, ss, pb, pa, dd)
            extra = max(0, (out - 1) * ss + dd * (kk - 1) + 1 - (n + pb + pa))
            grown.append((pb, pa + extra))
        pairs = grown
    _window_representable(shape, k, s, pairs, d)
    return ((1, 1) + tuple(k), (1, 1) + tuple(s), ((0, 0), (0, 0)) + tuple(pairs),
            (1, 1) + tuple(d))


# XLA keeps a static shape's element count in a signed 64-bit product and a CPU buffer's in
# 32 bits; a shape past that is not an error JAX raises: XLA aborts the process
# (absl BadStatusOr, "overflow in static extent product").  The adapter refuses such a call
# before JAX sees it, as NotSupported: the abort cannot be recorded as a refusal.
_XLA_ELEMENTS = 2**31 - 1


def _representable(*shapes):
    for shape in shapes:
        count = 1
        for n in shape:
            count *= max(int(n), 1)
        if count > _XLA_ELEMENTS:
            raise NotSupported(
                f"a static shape {tuple(int(n) for n in shape)} of over 2^31 - 1 elements: XLA "
                "aborts the process on a static shape whose element count overflows; the "
                "adapter cannot record that as a refusal")


def _window_representable(shape, k, s, pairs, d):
    """The padded input, the output and the window of a reduce_window, as XLA would shape
    them; parameters JAX itself would reject (not whole numbers, a zero stride) are left
    to JAX."""
    try:
        lead = tuple(int(n) for n in shape[:2])
        padded = [int(n) + int(pb) + int(pa) for n, (pb, pa) in zip(shape[2:], pairs, strict=True)]
        span = [int(dd) * (int(kk) - 1) + 1 for kk, dd in zip(k, d, strict=True)]
        out = [(m - w) // int(ss) + 1 if m >= w else 0
               for m, w, ss in zip(padded, span, s, strict=True)]
    except (TypeError, ValueError, ZeroDivisionError):
        return
    _representable(lead + tuple(padded), lead + tuple(out), [int(kk) for kk in k], span)


def _flag(value, name):
    # JAX has no such flag: the adapter reads it, and reads only a bool.
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool; got {value!r}")
    return bool(value)


def _lowest(dtype):
    if jnp.issubdtype(dtype, jnp.floating):
        return -jnp.inf
    return jnp.iinfo(dtype).min


@functools.lru_cache(maxsize=256)
def _max_fn(window, strides, pads, dilation):
    def pool(x):
        return lax.reduce_window(x, np.array(_lowest(x.dtype), x.dtype), lax.max, window,
                                 strides, pads, window_dilation=dilation)
    return jax.jit(pool)


@functools.lru_cache(maxsize=256)
def _avg_fn(window, strides, pads, dilation, count_include_pad, divisor_override):
    def total(a):
        return lax.reduce_window(a, np.array(0, a.dtype), lax.add, window, strides, pads,
                                 window_dilation=dilation)

    def pool(x):
        if divisor_override is not None:
            return total(x) / jnp.array(divisor_override, x.dtype)
        if count_include_pad:
            return total(x) / jnp.array(int(np.prod(window)), x.dtype)
        return total(x) / total(jnp.ones_like(x))
    return jax.jit(pool)


def _gradient(fn, x, dy):
    """``jax.vjp`` of ``fn`` at ``x`` applied to ``dy``: dx shaped like x."""
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"a gradient needs a float input; got dtype {x.dtype}")
    # The pullback itself refuses a dy of another shape or dtype than the output.
    _, pullback = jax.vjp(fn, jnp.asarray(x))
    return np.asarray(pullback(jnp.asarray(dy))[0])


def max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             return_indices=False):
    """``lax.reduce_window`` with ``lax.max``: y (N, C, *out)."""
    x = _input(x)
    fn = _max_fn(*_geometry(x.shape, kernel_size, stride, padding, dilation, ceil_mode))
    y = np.asarray(fn(jnp.asarray(x)))
    if return_indices:
        # Only after the call, so that a call JAX refuses is still refused.
        raise NotSupported("indices (lax.reduce_window returns the maxima only)")
    return y


def max_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1,
                      ceil_mode=False, indices=None):
    """``jax.vjp`` of ``max_pool``: dx shaped like x.

    With ``indices`` (a forward call's saved indices) the JAX idiom for a gradient from
    saved positions: a scatter-add (``.at[].add``) of dy at the indices into zeros.
    """
    x = _input(x)
    fn = _max_fn(*_geometry(x.shape, kernel_size, stride, padding, dilation, ceil_mode))
    if indices is None:
        return _gradient(fn, x, dy)
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"a gradient needs a float input; got dtype {x.dtype}")
    dy, indices = np.asarray(dy), np.asarray(indices)
    if not np.issubdtype(indices.dtype, np.integer) or indices.shape != dy.shape:
        raise ValueError(f"indices must be integers shaped like dy {dy.shape}")
    return np.asarray(_scatter_add_fn(x.shape, dy.shape)(jnp.asarray(dy),
                                                         jnp.asarray(indices.astype(np.int64))))


@functools.lru_cache(maxsize=256)
def _scatter_add_fn(x_shape, dy_shape):
    n, c = x_shape[:2]
    plane = int(np.prod(x_shape[2:]))
    pooled = int(np.prod(dy_shape[2:]))

    def scatter(dy, indices):
        rows = jnp.arange(n)[:, None, None]
        cols = jnp.arange(c)[None, :, None]
        dx = jnp.zeros((n, c, plane), dy.dtype).at[
            rows, cols, indices.reshape(n, c, pooled)].add(dy.reshape(n, c, pooled))
        return dx.reshape(x_shape)
    return jax.jit(scatter)


def _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
         divisor_override):
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"average pooling needs a float input; got dtype {x.dtype}")
    return _avg_fn(*_geometry(x.shape, kernel_size, stride, padding, dilation, ceil_mode),
                   _flag(count_include_pad, "count_include_pad"), divisor_override)


def avg_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             count_include_pad=True, divisor_override=None):
    """Window sum by ``lax.reduce_window``, divided by the divisor: y (N, C, *out)."""
    x = _input(x)
    fn = _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
              divisor_override)
    return np.asarray(fn(jnp.asarray(x)))


def avg_pool_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                      count_include_pad=True, divisor_override=None):
    """``jax.vjp`` of ``avg_pool``: dx shaped like x."""
    x = _input(x)
    fn = _avg(x, kernel_size, stride, padding, dilation, ceil_mode, count_include_pad,
              divisor_override)
    return _gradient(fn, x, dy)


global_max_pool, global_max_pool_backward, global_avg_pool, global_avg_pool_backward = (
    global_by_window(max_pool, max_pool_backward, avg_pool, avg_pool_backward))


@functools.lru_cache(maxsize=256)
def _unpool_fn(pooled_shape, size):
    n, c = pooled_shape[:2]
    plane = int(np.prod(size))
    pooled = int(np.prod(pooled_shape[2:]))

    def unpool(y, indices):
        flat_y = y.reshape(n, c, pooled)
        flat_i = indices.reshape(n, c, pooled)
        rows = jnp.arange(n)[:, None, None]
        cols = jnp.arange(c)[None, :, None]
        z = jnp.zeros((n, c, plane), y.dtype).at[rows, cols, flat_i].set(flat_y)
        return z.reshape((n, c) + size)
    return jax.jit(unpool)


def _unpool(y, indices, output_size):
    y = _input(y)
    size = per_axis(output_size, y.ndim - 2)
    if not isinstance(size, list) or len(size) != y.ndim - 2:
        raise ValueError(f"output_size must be an int or {y.ndim - 2} ints; got {output_size!r}")
    _representable(tuple(y.shape[:2]) + tuple(size))
    indices = np.asarray(indices)
    if not np.issubdtype(indices.dtype, np.integer) or indices.shape != y.shape:
        raise ValueError(f"indices must be integers shaped like y {y.shape}")
    return y, jnp.asarray(indices.astype(np.int64)), _unpool_fn(y.shape, tuple(size))


def max_unpool(y, indices, output_size):
    """A scatter of y to its indices in zeros: z (N, C, *output_size)."""
    y, indices, fn = _unpool(y, indices, output_size)
    return np.asarray(fn(jnp.asarray(y), indices))


def max_unpool_backward(dz, indices):
    """``jax.vjp`` of ``max_unpool`` with respect to y: dy shaped like ``indices``."""
    dz = np.asarray(dz)
    zeros = np.zeros(np.shape(indices), dtype=dz.dtype)
    y, idx, fn = _unpool(zeros, indices, list(dz.shape[2:]))
    return _gradient(lambda a: fn(a, idx), y, dz)
