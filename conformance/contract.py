"""The contract an implementation under test follows, and the one exception it may raise.

An *implementation* is any importable Python module that exposes some of the
ten functions of the ``pooling`` package::

    max_pool, max_pool_backward, avg_pool, avg_pool_backward,
    global_max_pool, global_max_pool_backward, global_avg_pool,
    global_avg_pool_backward, max_unpool, max_unpool_backward

with the same names, parameters, defaults and return values, on numpy arrays
laid out ``(N, C, *spatial)`` with 1 to 3 spatial axes (the docstrings of
``pooling`` are the reference):

- ``max_pool(x, kernel_size, stride=None, padding=0, dilation=1,
  ceil_mode=False, return_indices=False)`` returns ``y`` or ``(y, indices)``;
  ``indices`` are int64, the row-major flat index of the selected element
  within its (n, c) plane, padding not counted.
- ``avg_pool(x, kernel_size, stride=None, padding=0, dilation=1,
  ceil_mode=False, count_include_pad=True, divisor_override=None)``.
- ``padding`` is an int, one int per spatial axis, one (before, after) pair
  per axis, ``"valid"`` or ``"same"``.
- ``global_max_pool(x, return_indices=False)`` and ``global_avg_pool(x)``
  return shape (N, C, 1, ...).
- Every backward function takes ``(dy, x, <the forward's parameters>)`` and
  returns ``dx`` shaped like ``x``.
- ``max_unpool(y, indices, output_size)`` returns ``z`` of shape
  (N, C, *output_size); ``max_unpool_backward(dz, indices)`` returns ``dy``
  shaped like ``indices``.

A function the module lacks, or a call that raises ``NotImplementedError`` or
``NotSupported``, makes that case *unsupported*, and the reason is kept.  Any
other exception is a refusal of the call: right for an error case, a mismatch
for an ordinary one.  ``pooling.PoolingError`` also carries ``.identifier``,
which only this suite's own implementations are held to.
"""


class NotSupported(Exception):  # noqa: N818 -- the contract's name, not an error of the caller
    """The implementation cannot run this case as asked; ``reason`` says why, in one line.

    Raise it for a limitation of the implementation (a parameter it cannot
    express, a dtype it has no kernel for), never for a call the
    specification refuses: that is an ordinary exception.
    """

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self):
        return (type(self), (self.reason,))
