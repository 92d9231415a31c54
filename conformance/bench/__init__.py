"""``tox -e bench``: speed and memory of the fast paths, in both languages (issue 6).

Python runs in this process (numpy fast and naive paths, PyTorch on one
thread, ``x.copy()``); Octave runs in one ``octave-cli`` process
(``conformance/octave/bench_pooling.m``) on the same arrays, which this
process writes to a ``.mat`` file.  Each case is timed as medians of
interleaved rounds after a warm-up, so a slow spell of the machine hits the
fast path and its yardstick alike.  The results go to
``build/bench/results.json``, ``build/bench/summary.md`` (the README's table)
and ``build/bench/bench.png``, and a table of ratios against the issue's
targets is printed.

Run ``python -m conformance.bench --help`` for the options.
"""
