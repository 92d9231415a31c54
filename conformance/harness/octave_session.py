"""One GNU Octave session for a test run, driven through oct2py.

Octave is called once per fixture file (about 5 ms per oct2py call, so one
call per case would dominate the run).  A batch that crashes Octave or runs
past its timeout is reported as failed with the reason, and the session is
restarted with its path so the remaining batches still run.

The timeout is a watchdog of our own (``threading.Timer``): on expiry it kills
the Octave process with SIGKILL by its pid, which works whatever state Octave
is in (busy, blocked, stopped by SIGSTOP).  oct2py's own timeout interrupts
with SIGINT, which a stopped process never answers, and then raises pexpect's
TIMEOUT; it is kept well above ours so it never fires first.  Crash dumps
(``octave-workspace``) are turned off, so a killed Octave leaves no file behind.
"""

import contextlib
import os
import pathlib
import shutil
import signal
import threading

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
PATHS = (ROOT / "matlab", ROOT / "conformance" / "octave")
BATCH_TIMEOUT = float(os.environ.get("POOLING_OCTAVE_TIMEOUT", "300"))
# oct2py's own timeout, above the watchdog's so that ours always fires first.
OCT2PY_MARGIN = 60.0
# No octave-workspace file when Octave is killed, hung up or crashes.
NO_CRASH_DUMPS = ("crash_dumps_octave_core", "sighup_dumps_octave_core",
                  "sigterm_dumps_octave_core")
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
            timeout=BATCH_TIMEOUT + OCT2PY_MARGIN,
        )
        for name in NO_CRASH_DUMPS:
            self.engine.feval(name, False, nout=0)
        for path in PATHS:
            self.engine.addpath(str(path))

    @property
    def pid(self):
        """The Octave process's id, or None when there is none."""
        with contextlib.suppress(AttributeError):
            return self.engine._engine.repl.child.pid
        return None

    def kill(self, pid=None):
        """SIGKILL the Octave process (stopped, hung or busy alike); never waits for it."""
        pid = self.pid if pid is None else pid
        if pid:
            with contextlib.suppress(OSError):  # already gone
                os.kill(pid, signal.SIGKILL)

    def restart(self):
        # Killed first: a stopped process would never answer oct2py's polite exit.
        self.kill()
        with contextlib.suppress(Exception):  # the process may already be gone
            self.engine.exit()
        self._start()

    @property
    def version(self):
        return str(self.engine.eval("version()", nout=1))

    def run_calls(self, calls, timeout=BATCH_TIMEOUT):
        """Run ``[(function, args, nout), ...]`` in one Octave call.

        Returns, per call, ``(outputs, identifier, message)``; raises
        ``BatchFailed`` (after restarting Octave) when the batch did not return
        or did not return within ``timeout`` seconds of wall-clock time (then
        Octave is killed first).  A call that issued an unexpected warning is
        reported as an error with the identifier ``octave:unexpectedWarning``,
        so it fails its test.
        """
        import pexpect

        payload = tuple((name, tuple(args), float(nout)) for name, args, nout in calls)
        pid, expired = self.pid, threading.Event()

        def expire():
            expired.set()
            self.kill(pid)

        watchdog = threading.Timer(timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            raw = self.engine.feval("run_calls", payload, nout=1,
                                    timeout=timeout + OCT2PY_MARGIN)
        except (self._oct2py.Oct2PyError, pexpect.exceptions.ExceptionPexpect, OSError) as exc:
            failure = f"{type(exc).__name__}: {exc}"
        else:
            failure = None
        finally:
            watchdog.cancel()
        if expired.is_set():
            # Even if the reply came back in the same instant, the process is gone.
            self.restart()
            raise BatchFailed(f"Octave batch failed (Octave did not answer within {timeout:g} s; "
                              "killed and restarted)")
        if failure is not None:
            self.restart()
            raise BatchFailed(f"Octave batch failed ({failure})")
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
