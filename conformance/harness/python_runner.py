"""Run one fixture case in Python: ``pooling.<function>`` with the case's arrays.

A result is a dict: the outputs by fixture name (``y``, ``indices``, ``dx``),
or ``{"error": identifier, "message": text}``, or ``{"returned": True}`` when
an error case's call returned instead of raising.  The calls' arguments come
from ``conformance/operators.py``.
"""

from ..operators import OPERATORS, options_of, switched_on

# Each language runs every case through its default vectorised path and through
# the naive reference, so both are held to the fixtures.
METHODS = ("fast", "naive")


def python_call(case, function, method="fast", module=None):
    """Call ``<module>.<function>`` (default: ``pooling``) as the registry says.

    Positional arguments are the call's ``args`` (arrays, then parameters);
    the operator's other parameters go as keywords where the call takes them,
    and the optional inputs the case switches on (``indices=``) as keywords.
    """
    if module is None:
        import pooling as module

    call = OPERATORS[case.op].calls[function]
    a, params = case.arrays, dict(case.params)
    args = [a[name] if name in a else params.pop(name) for name in call.args]
    keywords = dict(call.python_options)
    keywords.update(options_of(call, params))
    keywords.update({o.keyword: a[o.field] for o in switched_on(call, params)})
    return getattr(module, function)(*args, method=method, **keywords)


def _outputs(call, returned):
    values = returned if len(call.outputs) > 1 else (returned,)
    return dict(zip(call.outputs, values, strict=True))


def run_python(case, method):
    """The case's result with ``method``; fails if a call changed one of its arguments."""
    import pooling

    before = {name: a.copy() for name, a in case.arrays.items()}
    try:
        return _run(case, method, pooling)
    finally:
        for name, a in before.items():
            # A reference implementation never changes what it was given.
            if a.tobytes() != case.arrays[name].tobytes():
                raise AssertionError(f"{case.id} [python, method={method}]: {name} was modified")


def _run(case, method, pooling):
    op = OPERATORS[case.op]
    try:
        if case.is_error:
            python_call(case, case.call, method, pooling)
            return {"returned": True}
        _, outputs = op.fields(case.dtype)
        result = {}
        for call in (op.forward, op.backward):
            if any(name in outputs for name in call.outputs):
                result.update(_outputs(call, python_call(case, call.name, method, pooling)))
    except pooling.PoolingError as exc:
        return {"error": exc.identifier, "message": str(exc)}
    return result
