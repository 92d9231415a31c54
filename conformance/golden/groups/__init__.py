"""The fixture group modules, one per operator: ``groups/<op>.py``.

Each defines ``GROUPS`` (group name -> (summary, case specs), one fixture file
each) and the operator's golden values from the oracle: ``forward(x, params,
indices)`` (a dict of outputs by fixture name), ``backward(dy, x, params,
indices)`` and ``expected_error(call, x, params, dy, indices)``.
"""

import importlib


def module(op):
    """The group module of operator ``op``."""
    return importlib.import_module(f"{__name__}.{op}")
