"""One GNU Octave session for a test run, driven through oct2py.

Octave is called once per fixture file (about 5 ms per oct2py call, so one
call per case would dominate the run).  A batch that crashes Octave or runs
past its timeout is reported as failed with the reason, and the session is
restarted with its path so the remaining batches still run.
"""

import contextlib
import os
import pathlib
import shutil

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
PATHS = (ROOT / "matlab", ROOT / "conformance" / "octave")
BATCH_TIMEOUT = float(os.environ.get("POOLING_OCTAVE_TIMEOUT", "300"))
# Octave warnings a run may issue without failing (identifiers).  None is
# expected today: a deprecation or a silent conversion must be looked at.
EXPECTED_WARNINGS = frozenset()


class OctaveUnavailable(Exception):
    """No usable Octave: the message says what to install or set."""


class BatchFailed(Exception):
    """A batch did not return: Octave crashed, hung or refused the call."""


def find_executable():
    exe = os.environ.get("OCTAVE_EXECUTABLE") or shutil.which("octave-cli") or shutil.which(
        "octave"
    )
    if not exe:
        raise OctaveUnavailable(
            "GNU Octave not found: install it (apt-get install --no-install-recommends octave) "
            "or set OCTAVE_EXECUTABLE"
        )
    return exe


class OctaveSession:
    def __init__(self):
        self.executable = find_executable()
        # oct2py starts a default session at import, using this variable;
        # octave-cli avoids the GUI build's X11 warnings.
        os.environ.setdefault("OCTAVE_EXECUTABLE", self.executable)
        try:
            import oct2py
        except ImportError as exc:
            raise OctaveUnavailable(f"oct2py is not installed ({exc})") from None
        self._oct2py = oct2py
        self._start()

    def _start(self):
        self.engine = self._oct2py.Oct2Py(
            executable=self.executable,
            keep_matlab_shapes=True,
            # Integer arrays must reach Octave as integers, not as doubles.
            convert_to_float=False,
            load_octaverc=False,
            timeout=BATCH_TIMEOUT,
        )
        for path in PATHS:
            self.engine.addpath(str(path))

    def restart(self):
        with contextlib.suppress(Exception):  # the process may already be gone
            self.engine.exit()
        self._start()

    @property
    def version(self):
        return str(self.engine.eval("version()", nout=1))

    def run_calls(self, calls, timeout=BATCH_TIMEOUT):
        """Run ``[(function, args, nout), ...]`` in one Octave call.

        Returns, per call, ``(outputs, identifier, message)``; raises
        ``BatchFailed`` (after restarting Octave) when the batch did not return.
        A call that issued an unexpected warning is reported as an error with
        the identifier ``octave:unexpectedWarning``, so it fails its test.
        """
        import pexpect

        payload = tuple((name, tuple(args), float(nout)) for name, args, nout in calls)
        try:
            raw = self.engine.feval("run_calls", payload, nout=1, timeout=timeout)
        except (self._oct2py.Oct2PyError, pexpect.exceptions.EOF, OSError) as exc:
            self.restart()
            raise BatchFailed(f"Octave batch failed ({type(exc).__name__}: {exc})") from None
        replies = []
        for reply in np.asarray(raw, dtype=object).reshape(-1):
            outputs, identifier, message, warned = np.asarray(reply, dtype=object).reshape(-1)
            outputs = list(np.asarray(outputs, dtype=object).reshape(-1))
            identifier, message, warned = _text(identifier), _text(message), _text(warned)
            if warned and not identifier and warned.split(":")[0] not in EXPECTED_WARNINGS:
                identifier, message = "octave:unexpectedWarning", f"Octave warned: {warned}"
            replies.append((outputs, identifier, message))
        return replies

    def close(self):
        with contextlib.suppress(Exception):
            self.engine.exit()


def _text(value):
    if isinstance(value, str):
        return value
    arr = np.asarray(value)
    return "" if arr.size == 0 else str(value)
