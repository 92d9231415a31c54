"""Golden fixtures against other systems: PyTorch and the ONNX reference implementation.

``python -m conformance.crosscheck`` (``tox -e crosscheck``) runs every
fixture through each framework that is installed, prints a framework x
fixture group table, and then runs the cross-check and differential tests.
Neither torch nor onnx is a dependency of ``pooling``: this package is only
imported where they are installed, and each framework is skipped when absent.
Where a framework deliberately differs from SPEC.md, conformance/differences.yaml
says so; SPEC.md, "Where other systems differ", explains each rule.
"""
