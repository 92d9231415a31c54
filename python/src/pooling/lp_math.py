"""The arithmetic of Lp pooling, element-wise, in the input's dtype (SPEC.md, "Lp pooling").

Both languages compute exactly these steps, so that results agree bit for
bit: integer exponents by repeated squaring (exact IEEE multiplications,
identical everywhere), the exponent 0.5 by ``sqrt`` (correctly rounded
everywhere), other exponents by ``pow`` (numpy's ``np.power``, Octave's
``.^``), which is the same function only where both reach the same routine.
(Measured: Octave's ``.^`` multiplies repeatedly for an integer exponent and
calls ``pow`` for 0.5, numpy calls ``pow`` for the one and ``sqrt`` for the
other; otherwise Octave calls the C library's ``pow`` and numpy calls it too,
except on CPUs with AVX-512, where numpy's own vectorised routine differs from
glibc's in the last bit for about 5 % of float64 values.)
"""

import numpy as np


def is_integer(q):
    """Whether the dtype scalar ``q`` holds an integer value."""
    return bool(np.isfinite(q) and q == np.floor(q))


def power(a, q):
    """``a ** q`` for ``a >= 0`` (or NaN) and a dtype scalar ``q >= 0``.

    Integer ``q``: ``r = 1``; for each bit of ``q`` from the lowest,
    ``r = r * b`` if the bit is set, then ``b = b * b`` if bits remain
    (``b`` starts at ``a``).  So ``q = 1`` gives ``a``, ``q = 2`` gives
    ``a * a`` and ``q = 0`` gives 1.  ``q = 0.5``: ``sqrt(a)``.  Other ``q``:
    ``np.power(a, q)``.
    """
    a = np.asarray(a)
    if q == 0.5:
        return np.sqrt(a)
    if not is_integer(q):
        return np.power(a, q)
    n = int(q)
    if n == 0:
        return np.ones_like(a)
    r = None  # 1, until the first factor: 1 * b is b, bit for bit
    b = a
    while n:
        if n & 1:
            r = b if r is None else r * b
        n >>= 1
        if n:
            b = b * b
    return r


def root(s, p):
    """``power(s, 1/p)``: ``s`` for p = 1, ``sqrt(s)`` for p = 2, else ``pow``.

    ``1/p`` is one division in the dtype of ``p`` (the input's dtype).
    """
    return power(s, p.dtype.type(1) / p)


def gradient(x, norm, w, p):
    """Each element's share of its window's gradient: ``sign(x) * |x|^(p-1) * w``.

    ``w = dy / norm^(p-1)`` is the output's factor (``dy`` itself for
    p = 1).  Pinned cases: NaN where ``x`` is NaN; ``+0.0`` where ``x`` is
    zero or the window's norm is zero; else ``power(|x|, p - 1) * w``,
    negated where ``x < 0``.  (``range_regular.lp_pool_backward`` reaches the
    same bits another way, on its layout; a change here must be made there.)
    """
    g = power(np.abs(x), p - p.dtype.type(1)) * w
    g = np.where(x < 0, -g, g)
    g = np.where((x == 0) | (norm == 0), x.dtype.type(0), g)
    return np.where(np.isnan(x), x, g)


def factor(dy, norm, p):
    """``dy / norm^(p-1)`` per output: ``dy`` for p = 1, one division otherwise."""
    if p == 1:
        return np.asarray(dy)
    return np.asarray(dy) / power(norm, p - p.dtype.type(1))
