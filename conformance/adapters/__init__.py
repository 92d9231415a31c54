"""Adapters: other frameworks wrapped as implementations of conformance/contract.py.

Each module exposes the functions of the ``pooling`` package on top of one
framework, translating parameters and never emulating what the framework
lacks (that raises ``NotSupported``).  Its ``<name>.differences.yaml`` lists
where the framework's results differ from the fixtures, and why.  Importing an
adapter whose framework is missing raises ``ImportError`` saying what to install.
"""

import importlib


def framework(adapter, what, *modules):
    """The imported ``modules`` of an adapter's framework, in order.

    ``adapter`` is the adapter's module name and ``what`` the framework as the
    message names it; a missing module raises ``ImportError`` saying what to
    install, chained to the original.
    """
    try:
        return [importlib.import_module(name) for name in modules]
    except ImportError as exc:
        raise ImportError(f"{adapter} needs {what}: "
                          "pip install -r conformance/requirements-frameworks.txt") from exc
