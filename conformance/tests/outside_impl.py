"""An implementation written by someone else: only max_pool and avg_pool.

This is what a framework author would write to run the suite: two functions
with pooling's signatures on (N, C, *spatial) numpy arrays, a limitation
declared with NotImplementedError, and one deliberate deviation.  It does
not import the suite.  The deviation: ``max_pool`` returns ``y + 0.0`` (a
"canonicalising" add some kernels do), which turns every selected ``-0.0``
into ``+0.0``; the indices stay right.  ``conformance/tests/test_runner.py``
checks that the runner reports exactly that.
"""

import numpy as np

import pooling


def max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             return_indices=False):
    y, indices = pooling.max_pool(x, kernel_size, stride, padding, dilation, ceil_mode,
                                  return_indices=True)
    if y.dtype.kind == "f":
        y = y + y.dtype.type(0.0)  # the deviation: -0.0 + 0.0 is +0.0
    return (y, indices) if return_indices else y


def avg_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
             count_include_pad=True, divisor_override=None):
    if divisor_override is not None:
        raise NotImplementedError("divisor_override: this implementation always divides by "
                                  "the window's count")
    return np.asarray(pooling.avg_pool(x, kernel_size, stride, padding, dilation, ceil_mode,
                                       count_include_pad))
