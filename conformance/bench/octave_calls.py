"""pytest plugin for the bench's timing of the conformance run: counts Octave batches.

Loaded with ``-p conformance.bench.octave_calls``; it wraps the harness's
``OctaveSession.run_calls`` and ``_start`` (the calls into Octave and the
sessions started) and writes the counts as JSON to the file named by
``POOLING_BENCH_CALLS``.  The harness itself is left as it is.
"""

import json
import os
import pathlib

from conformance import octave_session

_COUNTS = {"batches": 0, "calls": 0, "sessions": 0}


def pytest_configure(config):
    session = octave_session.OctaveSession
    run_calls, start = session.run_calls, session._start

    def counted_run_calls(self, calls, *args, **kwargs):
        _COUNTS["batches"] += 1
        _COUNTS["calls"] += len(calls)
        return run_calls(self, calls, *args, **kwargs)

    def counted_start(self):
        _COUNTS["sessions"] += 1
        return start(self)

    session.run_calls = counted_run_calls
    session._start = counted_start


def pytest_unconfigure(config):
    path = os.environ.get("POOLING_BENCH_CALLS")
    if path:
        pathlib.Path(path).write_text(json.dumps(_COUNTS))
