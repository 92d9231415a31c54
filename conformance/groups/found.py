"""Draws of conformance/tests/test_differential.py that failed, shrunk: found bugs.

conformance/generate.py writes these as the ``found`` group of each operator
(``fixtures/<op>/found.yaml``), so a bug found once stays found.  The test
appends a failing draw here; until someone regenerates, the fixtures' drift
check fails, which is the prompt to review it: when the oracle is right, give
the case a description saying which rule it pins and regenerate; when it is
wrong, fix the oracle first.
"""

# ruff: noqa: E501 -- the data of a draw is one line each

from .common import INF, NAN, case, error  # noqa: F401

FOUND = []

# draw-5ee7cd4a20 [python, fast] y: first difference at (0, 0, 0, 0) (N, C, *spatial): expected nan (nan), got inf (inf); 1 of 1 elements differ
FOUND.append(("global_avg_pool", case("found-5ee7cd4a20", "One plane of 8 with overflow: Python's fast path summed it pairwise (Inf, not NaN)", x=[[[[2.0, -1.7976931348623157e+308, 3.0, 2.2250738585072014e-308], [1.7976931348623157e+308, -1.7976931348623157e+308, -1.7976931348623157e+308, INF]]]], dtype="float64", dy=[[[[1.0]]]])))

# draw-86213f4ee6 [octave, fast]: raised Octave:nonconformant-args: =: nonconformant arguments (op1 is 4x1, op2 is 4x1x1x4)
# 1 of 250 draws failed; POOLING_SEED=4290318017
FOUND.append(("max_pool", case("found-86213f4ee6", "float32 (2, 2, 1) with padding 1: Octave's fast path lost a trailing singleton", x=[[[1.0], [-0.0]], [[0.0], [-1.1754943508222875e-38]]], dtype="float32", dy=[[[1.0, -2.0], [4.0, -8.0]], [[16.0, -32.0], [64.0, -128.0]]], kernel_size=2, stride=[1], dilation=1, padding=[1], ceil_mode=False)))

# draw-fa2b00ff1d [python, fast] y: first difference at (0, 0, 0, 0) (N, C, *spatial): expected -761365.4190340927 (-0x1.73c2ad68ba2f8p+19), got -761365.4190340926 (-0x1.73c2ad68ba2f7p+19); 1 of 1 elements differ
FOUND.append(("global_avg_pool", case("found-fa2b00ff1d", "One 3x3 plane of mixed magnitudes: Python's fast path summed it pairwise", x=[[[[1.0058417687471464, -8865407.30435457, 3.908829653584485e-05], [27498.93631096644, -548.5254381169776, 3.3676163750652665e-10], [0.010187500352579197, 1986172.7359884165, -5.629881886455941]]]], dtype="float64", dy=[[[[1.0]]]])))
