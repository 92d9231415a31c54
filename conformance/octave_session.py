"""Kept for conformance/bench, which imports the session from here: the session
lives in conformance/harness/octave_session.py."""

from .harness.octave_session import (  # noqa: F401
    PATHS,
    ROOT,
    BatchFailed,
    OctaveSession,
    OctaveUnavailable,
    find_executable,
)
