"""``tox -e bench``: speed and memory of the fast paths, in both languages (issues 6, 13, 15).

Python runs in this process (numpy fast and naive paths, PyTorch on one
thread, ``x.copy()``); Octave runs in one ``octave-cli`` process
(``conformance/octave/bench_pooling.m``) on the same arrays, which this
process writes to a ``.mat`` file.  Each case is timed as the minimum thread
CPU time (Octave: ``cputime``) over interleaved rounds after a warm-up, with
wall-time medians kept beside, so a slow spell of the machine hits the fast
path and its yardstick alike.  The fast path is checked bit for bit against
the naive loops on three full-size planes seeded with ties, signed zeros,
NaN and infinities.  The results go to ``build/bench/results.json``,
``build/bench/summary.md`` and ``build/bench/bench.png``; a full run also
writes ``docs/performance.md`` (with the chart in ``docs/bench/``) and the
summary between the markers of the README's "Performance" section.  A table
of ratios against the issue's targets is printed.  Issue 15's operators,
adaptive average and Lp pooling, have rows of their own (forward and
backward) and no targets.

Run ``python -m conformance.bench --help`` for the options; ``--case NAME``
runs only some rows (and then writes no docs).
"""
