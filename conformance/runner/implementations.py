"""Implementations under test: a Python module, or a MATLAB package in GNU Octave.

Both turn a fixture case into the calls the operator registry
(``conformance/operators.py``) says it makes, and answer per call an
``Outcome``: what it returned, that it raised, or that the implementation
does not support it (and why).  Nothing here names an operator.
"""

import importlib
from dataclasses import dataclass, field

import numpy as np

from ..fixtureio import layout
from ..fixtureio.matlab_call import matlab_calls, matlab_expected
from ..operators import OPERATORS, options_of, switched_on

# MATLAB error identifiers that mean "not supported": the function does not
# exist, or the package says so with an identifier ending in ':notSupported'.
UNDEFINED = ("Octave:undefined-function", "MATLAB:UndefinedFunction",
             "MATLAB:undefinedVarOrFunction")


@dataclass
class Outcome:
    """One call's answer. ``status``: 'returned', 'raised' or 'unsupported'."""

    function: str
    status: str
    outputs: dict = field(default_factory=dict)
    reason: str = None
    identifier: str = None


def calls_of(case):
    """The registry's calls a case makes: its ``call`` (error case), else forward (and backward)."""
    op = OPERATORS[case.op]
    if case.is_error:
        return [op.calls[case.call]]
    _, outputs = op.fields(case.dtype)
    return [c for c in (op.forward, op.backward) if any(n in outputs for n in c.outputs)]


def python_arguments(case, call):
    """Positional arguments and keywords of ``call`` for ``case``, as the registry says.

    Positional: the call's ``args`` (arrays, copied, then parameters); keywords: the
    forward's fixed options (``return_indices=True``), the case's other parameters and
    the optional inputs the case switches on (``indices=``).
    """
    arrays = {name: a.copy() for name, a in case.arrays.items()}
    params = dict(case.params)
    args = [arrays[name] if name in arrays else params.pop(name, None) for name in call.args]
    keywords = dict(call.python_options)
    keywords.update(options_of(call, params))
    keywords.update({o.keyword: arrays[o.field] for o in switched_on(call, params)})
    return args, keywords


def _is_not_supported(exc):
    # The contract's class, or any exception of that name (an adapter need not import ours).
    return isinstance(exc, NotImplementedError) or any(
        k.__name__ == "NotSupported" for k in type(exc).__mro__)


def _one_line(exc):
    text = str(getattr(exc, "reason", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class PythonImplementation:
    """An importable module exposing some of the functions of ``pooling``."""

    kind = "python"

    def __init__(self, name):
        self.name = name
        self.module = importlib.import_module(name)
        self.version = str(getattr(self.module, "__version__", None) or getattr(
            self.module, "VERSION", "") or "")
        # Identifiers (pooling:badKernel, ...) are this suite's API: only its own
        # implementations are held to them.
        self.own = self.module.__name__ == "pooling"

    def describe(self):
        return f"Python module {self.name}" + (f" {self.version}" if self.version else "")

    def expected(self, case):
        return case.arrays

    def call(self, case, call):
        function = getattr(self.module, call.name, None)
        if function is None:
            return Outcome(call.name, "unsupported", reason=f"{self.name} has no {call.name}")
        args, keywords = python_arguments(case, call)
        try:
            returned = function(*args, **keywords)
        except Exception as exc:  # noqa: BLE001 -- any refusal is an answer
            if _is_not_supported(exc):
                return Outcome(call.name, "unsupported", reason=_one_line(exc))
            return Outcome(call.name, "raised", reason=f"{type(exc).__name__}: {_one_line(exc)}",
                           identifier=getattr(exc, "identifier", None))
        if len(call.outputs) == 1:
            return Outcome(call.name, "returned", {call.outputs[0]: returned})
        if not isinstance(returned, (tuple, list)) or len(returned) != len(call.outputs):
            return Outcome(call.name, "raised", reason=(
                f"{call.name} returned {type(returned).__name__}, expected a tuple "
                f"({', '.join(call.outputs)})"))
        return Outcome(call.name, "returned", dict(zip(call.outputs, returned, strict=True)))

    def run(self, cases):
        """Yield ``(case, [Outcome, ...])`` for each case."""
        for case in cases:
            yield case, [self.call(case, c) for c in calls_of(case)]

    def close(self):
        pass


class OctaveImplementation:
    """A MATLAB package (``+pooling`` by default) run in GNU Octave through the harness session.

    The calls are the suite's one MATLAB call form (``fixtureio/matlab_call.py``,
    the calls of ``fixtures/fixtures.mat``) with ``pooling.`` replaced by the
    package's name; one Octave round trip per fixture file.
    """

    kind = "octave"

    def __init__(self, package="pooling"):
        from ..harness.octave_session import OctaveSession

        self.name = f"octave:{package}"
        self.package = package
        self.session = OctaveSession()
        self.version = self.session.version
        self.own = package == "pooling"

    def describe(self):
        return f"MATLAB package +{self.package} in GNU Octave {self.version}"

    def expected(self, case):
        # Indices 1-based into the array they index, as doubles (what MATLAB returns).
        return matlab_expected(case)

    def _calls(self, case):
        out = []
        for c in matlab_calls(case):
            function = self.package + c.function[len("pooling"):]
            out.append((function, c.args, len(c.outputs)))
        return out

    def _outcome(self, case, mcall, reply):
        outputs, identifier, message = reply
        function = mcall.function.split(".", 1)[1]
        called = self.package + "." + function
        missing = called in (message or "") and ("not found" in message
                                                 or "undefined" in message.lower())
        if identifier in UNDEFINED or missing or (identifier or "").endswith(":notSupported"):
            return Outcome(function, "unsupported", reason=message or identifier)
        if identifier or message:
            reason = f"{identifier}: {message}" if identifier else message
            return Outcome(function, "raised", reason=reason, identifier=identifier or None)
        got = {}
        if not case.is_error:
            expected = self.expected(case)
            for name, value in zip(mcall.outputs, outputs, strict=False):
                back = layout.from_matlab(value, expected[name].shape)
                got[name] = back if back is not None else np.asarray(value)
        return Outcome(function, "returned", got)

    def run(self, cases):
        from ..harness.octave_session import BatchFailed

        by_file = {}
        for case in cases:
            by_file.setdefault(case.file, []).append(case)
        for file_cases in by_file.values():
            calls, spans = [], []
            for case in file_cases:
                mine = self._calls(case)
                spans.append((len(calls), len(calls) + len(mine)))
                calls += mine
            try:
                replies = self.session.run_calls(calls)
            except BatchFailed as exc:
                replies = None
                failure = str(exc)
            for case, (a, b) in zip(file_cases, spans, strict=True):
                mcalls = matlab_calls(case)
                if replies is None:
                    yield case, [Outcome(m.function, "raised", reason=failure) for m in mcalls]
                    continue
                yield case, [self._outcome(case, m, r)
                             for m, r in zip(mcalls, replies[a:b], strict=True)]

    def close(self):
        self.session.close()


def load(spec):
    """``octave`` or ``octave:PACKAGE``: a MATLAB package in Octave; anything else a module."""
    if spec == "octave" or spec.startswith("octave:"):
        return OctaveImplementation(spec.partition(":")[2] or "pooling")
    return PythonImplementation(spec)
