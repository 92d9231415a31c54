"""``python -m conformance run``: any implementation against the golden fixtures.

An implementation is an importable Python module exposing some of the ten
functions of ``pooling`` (the contract: ``conformance/contract.py`` and
fixtures/README.md, "How to run your implementation"), or a MATLAB package run
in GNU Octave (``octave`` or ``octave:PACKAGE``).  Each case gets one verdict
(``verdicts.py``); the report is a group x verdict table, one example per
failing group and optionally one JSON record per case (``report.py``); a
differences file lists the deviations an implementation owns up to
(``differences.py``); profiles select cases by their ``pins`` and ``needs``
(``profiles.py``).  Nothing here names an operator: calls and outputs come
from ``conformance/operators.py``.
"""
