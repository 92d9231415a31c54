"""The one exception type of the package and the identifiers it carries."""

IDENTIFIERS = (
    "pooling:badInput",
    "pooling:badKernel",
    "pooling:badStride",
    "pooling:badPadding",
    "pooling:badDilation",
    "pooling:outputTooSmall",
    "pooling:emptyWindow",
    "pooling:badGradient",
    "pooling:badOption",
    "pooling:badIndices",
    "pooling:badOutputSize",
    "pooling:tooLarge",
)


class PoolingError(ValueError):
    """A call the specification refuses.

    ``identifier`` is one of ``IDENTIFIERS``, the same string MATLAB's
    ``error(identifier, ...)`` uses for the same fault (SPEC.md, "Errors").
    """

    def __init__(self, identifier, message):
        if identifier not in IDENTIFIERS:
            raise AssertionError(f"unknown error identifier {identifier!r}")
        super().__init__(message)
        self.identifier = identifier

    def __reduce__(self):
        return (type(self), (self.identifier, self.args[0]))
