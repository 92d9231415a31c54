"""What a framework runner returns besides outputs: a refusal or a failure."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NotSupported:
    """The framework cannot express the case, or refuses it by its own documented rule."""

    reason: str


@dataclass(frozen=True)
class Failed:
    """The framework crashed on a case it claims to support: a result, compared like one."""

    message: str


def per_axis(value, rank):
    return list(value) if isinstance(value, list) else [value] * rank


def refusal(exc, patterns, who):
    """``NotSupported`` when ``exc`` is one of the framework's known refusals, else ``Failed``.

    Only refusals listed by pattern count as "not supported", so an unrelated
    crash is never hidden as a limitation.
    """
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if any(re.search(p, text) for p in patterns):
        return NotSupported(f"{who} refuses it: {text}")
    return Failed(f"{type(exc).__name__}: {text}")
