"""Adapters: other frameworks wrapped as implementations of conformance/contract.py.

Each module exposes the functions of the ``pooling`` package on top of one
framework, translating parameters and never emulating what the framework
lacks (that raises ``NotSupported``).  Its ``<name>.differences.yaml`` lists
where the framework's results differ from the fixtures, and why.  Importing an
adapter whose framework is missing raises ``ImportError`` saying what to install.
"""
