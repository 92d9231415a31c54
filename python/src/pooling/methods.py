"""The choice between the two implementations of every operator.

``fast`` (the default) and ``naive`` (the chapter's loops) take the same
checked arguments and give the same bits; ``method=`` picks one per call.
"""

from . import fast, naive
from .errors import PoolingError

METHODS = {"fast": fast, "naive": naive}


def implementation(method, fname):
    """The module implementing ``method``: ``fast`` (default) or ``naive``."""
    if not isinstance(method, str) or method not in METHODS:
        raise PoolingError(
            "pooling:badOption",
            f"{fname}: method must be 'fast' or 'naive'; got {method!r}",
        )
    return METHODS[method]
