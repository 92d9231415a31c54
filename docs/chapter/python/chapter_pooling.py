"""The pooling chapter's self-contained functions: 2-D max and average pooling, both passes.

Each function takes one plane, a numpy array of shape (H, W), float32 or
float64, and plain integers: ``k`` (the window is k x k), ``s`` (the stride)
and ``p`` (positions of padding on every side).  They follow SPEC.md bit for
bit (conformance/tests/test_chapter_functions.py runs them against the
fixtures) and use nothing but numpy and loops, so a student can type them in.
The package ``pooling`` does the same for any rank, layout and option.
"""

import math

import numpy as np


def max_pool_2d(x, k, s, p):
    """Max pooling of one (H, W) plane.

    Returns ``(y, indices)``: ``y`` has shape
    ``((H + 2*p - k) // s + 1, (W + 2*p - k) // s + 1)`` and ``x``'s dtype;
    ``indices[i, j]`` is the row-major flat index ``r*W + c`` of the element
    window ``(i, j)`` selected.  Padding is absent: skipped, never compared.
    Each window is scanned row by row; the first element met starts the
    running best, and a later element ``v`` replaces it only if the best is
    not NaN and (``v`` is NaN or ``v`` > best): ties go to the first element,
    and the first NaN wins.
    """
    h, w = x.shape
    out_h = (h + 2 * p - k) // s + 1
    out_w = (w + 2 * p - k) // s + 1
    y = np.zeros((out_h, out_w), dtype=x.dtype)
    indices = np.zeros((out_h, out_w), dtype=np.int64)
    for i in range(out_h):
        for j in range(out_w):
            best = None
            for a in range(k):  # window rows: the outer loop
                for b in range(k):  # window columns: the inner loop
                    r = i * s - p + a  # input row and column of offset (a, b)
                    c = j * s - p + b
                    if not (0 <= r < h and 0 <= c < w):
                        continue  # padding: absent
                    v = x[r, c]
                    if best is None or (not math.isnan(best) and (math.isnan(v) or v > best)):
                        best = v
                        indices[i, j] = r * w + c
            y[i, j] = best
    return y, indices


def max_pool_2d_backward(dy, x, k, s, p):
    """Gradient of ``max_pool_2d``: each ``dy[i, j]`` added to the element its window selected.

    ``dy`` has the shape of ``y`` and ``x``'s dtype; the result has ``x``'s
    shape.  Outputs are visited in row-major order and their gradients added
    one at a time from +0.0, so overlapping windows accumulate in a fixed order.
    """
    _, indices = max_pool_2d(x, k, s, p)
    dx = np.zeros(x.shape, dtype=x.dtype)
    for i in range(dy.shape[0]):
        for j in range(dy.shape[1]):
            r, c = divmod(int(indices[i, j]), x.shape[1])
            dx[r, c] = dx[r, c] + dy[i, j]  # +=, never =: windows can overlap
    return dx


def avg_pool_2d(x, k, s, p):
    """Average pooling of one (H, W) plane; ``y`` has the shape ``max_pool_2d`` gives.

    Each window's real elements are added one at a time in row-major order
    from +0.0; padding adds nothing but still counts, so the sum is divided
    once by ``k*k`` (PyTorch's ``count_include_pad``, the default), a true
    division in ``x``'s dtype.
    """
    h, w = x.shape
    out_h = (h + 2 * p - k) // s + 1
    out_w = (w + 2 * p - k) // s + 1
    y = np.zeros((out_h, out_w), dtype=x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            acc = x.dtype.type(0.0)  # +0.0, in x's dtype
            for a in range(k):
                for b in range(k):
                    r = i * s - p + a
                    c = j * s - p + b
                    if 0 <= r < h and 0 <= c < w:
                        acc = acc + x[r, c]  # padding adds nothing
            y[i, j] = acc / x.dtype.type(k * k)  # one division; padding counted
    return y


def avg_pool_2d_backward(dy, x, k, s, p):
    """Gradient of ``avg_pool_2d``: each ``dy[i, j] / (k*k)`` added to its window's elements.

    Outputs are visited in row-major order; each gradient is divided once and
    the share added to every real element of the window, in row-major order,
    from +0.0.
    """
    h, w = x.shape
    dx = np.zeros((h, w), dtype=x.dtype)
    for i in range(dy.shape[0]):
        for j in range(dy.shape[1]):
            g = dy[i, j] / x.dtype.type(k * k)  # one division per output
            for a in range(k):
                for b in range(k):
                    r = i * s - p + a
                    c = j * s - p + b
                    if 0 <= r < h and 0 <= c < w:
                        dx[r, c] = dx[r, c] + g
    return dx
