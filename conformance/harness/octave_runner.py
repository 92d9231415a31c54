"""Run fixture cases in Octave: the MATLAB call form in, results in fixture layout out.

The calls come from ``conformance/fixtureio/matlab_call.py`` (the same calls
``fixtures/fixtures.mat`` holds) with 'Method', METHOD appended; the session
(``octave_session.py``) runs them in batches.  A result has the form
``python_runner`` documents.
"""

import numpy as np

from ..fixtureio import layout
from ..fixtureio.matlab_call import matlab_calls, matlab_expected


def octave_calls(case, method):
    """The Octave calls for one case, as ``(function, args, nout)`` tuples."""
    return [(c.function, c.args + ("Method", method), len(c.outputs))
            for c in matlab_calls(case)]


def octave_result(case, replies):
    """Turn the replies to ``octave_calls(case)`` into a result in fixture layout."""
    for _, identifier, message in replies:
        if identifier or message:
            return {"error": identifier, "message": message}
    if case.is_error:
        return {"returned": True}
    got = {}
    for call, (outputs, _, _) in zip(matlab_calls(case), replies, strict=True):
        got.update(zip(call.outputs, outputs, strict=False))
    expected = matlab_expected(case)
    result = {}
    for name, value in got.items():
        back = layout.from_matlab(value, expected[name].shape)
        result[name] = back if back is not None else np.asarray(value)
    return result

