"""Reference pooling for convolutional networks, held bit for bit to golden fixtures.

Arrays are laid out ``(N, C, *spatial)`` with 1 to 3 spatial axes.  The
semantics are those of SPEC.md in the project's repository.
"""

from .errors import IDENTIFIERS, PoolingError
from .max_pool import max_pool, max_pool_backward

__all__ = ["IDENTIFIERS", "PoolingError", "max_pool", "max_pool_backward"]
__version__ = "0.1.0"
