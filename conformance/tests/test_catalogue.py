"""The bad-call catalogue (conformance/harness/catalogue.py) in both languages.

Every entry must raise its identifier: in Python a ``PoolingError`` whose
message names the argument; in Octave an error with that identifier and a
message naming the function.  Returning a value, or any other exception, fails.
"""

import numpy as np
import pytest

from conformance.harness.catalogue import CATALOGUE
from conformance.harness.octave_session import BatchFailed

IDS = [entry.id for entry in CATALOGUE]


@pytest.mark.parametrize("entry", CATALOGUE, ids=IDS)
def python(entry):
    import pooling

    args, kwargs = entry.python
    before = [np.array(a, copy=True) if isinstance(a, np.ndarray) else None for a in args]
    try:
        getattr(pooling, entry.function)(*args, **kwargs)
    except pooling.PoolingError as exc:
        assert exc.identifier == entry.identifier, (
            f"{entry.id} [python]: expected {entry.identifier}, got {exc.identifier}: {exc}"
        )
        assert entry.argument in str(exc), (
            f"{entry.id} [python]: the message does not name {entry.argument!r}: {exc}"
        )
        assert str(exc).startswith(entry.function + ":"), str(exc)
    else:
        pytest.fail(f"{entry.id} [python]: expected {entry.identifier}, but the call returned",
                    pytrace=False)
    for old, new in zip(before, args, strict=True):
        if old is not None:
            assert np.array_equal(old, new, equal_nan=True), f"{entry.id}: an input changed"


@pytest.fixture(scope="module")
def octave_catalogue(octave):
    """Every catalogue entry's Octave reply, from one batch."""
    calls = [("evaluate", (entry.matlab,), 0) for entry in CATALOGUE]
    try:
        return dict(zip(IDS, octave.run_calls(calls), strict=True))
    except BatchFailed as exc:
        return exc


@pytest.mark.octave
@pytest.mark.parametrize("entry", CATALOGUE, ids=IDS)
def octave(entry, octave_catalogue):
    if isinstance(octave_catalogue, BatchFailed):
        pytest.fail(f"{entry.id} [octave]: {octave_catalogue}", pytrace=False)
    _, identifier, message = octave_catalogue[entry.id]
    if not identifier and not message:
        pytest.fail(f"{entry.id} [octave]: expected {entry.identifier}, but `{entry.matlab}` "
                    "returned", pytrace=False)
    assert identifier == entry.identifier, (
        f"{entry.id} [octave]: expected {entry.identifier}, got {identifier or 'no identifier'}: "
        f"{message}  (call: {entry.matlab})"
    )
    assert f"pooling.{entry.function}" in message, (
        f"{entry.id} [octave]: the message does not name the function: {message}"
    )
