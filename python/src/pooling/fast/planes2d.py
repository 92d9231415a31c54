"""Placeholder: no specialised 2-D kernels yet."""


def max_kernel(x, geom):
    return None


def max_backward_kernel(x, geom):
    return None


def avg_kernel(x, geom):
    return None


def avg_backward_kernel(x, geom):
    return None
