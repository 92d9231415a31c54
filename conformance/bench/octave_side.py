"""The Octave half: hand the inputs over in a .mat file, run one octave-cli, read its JSON."""

import json
import pathlib
import subprocess
import time

import numpy as np

from .cases import OCTAVE_NAIVE_CAP, naive_planes

ROOT = pathlib.Path(__file__).resolve().parents[2]
OCTAVE_TIMEOUT = 900


def to_matlab(a):
    """(N, C, *spatial) -> (*spatial, C, N), the layout of SPEC.md section 1."""
    r = a.ndim - 2
    return np.transpose(a, tuple(range(2, 2 + r)) + (1, 0))


def executable():
    """The Octave the conformance harness would use, or None."""
    from conformance.octave_session import OctaveUnavailable, find_executable

    try:
        return find_executable()
    except OctaveUnavailable:
        return None


def write_plan(directory, cases, arrays, scaling, rounds):
    """Write ``inputs.mat`` (the arrays Python timed) and ``plan.json``; return the plan's path.

    The arrays go over in a file rather than being regenerated from the seed
    in Octave: its generators differ from numpy's, and "same inputs" should
    mean the same bits.
    """
    from scipy.io import savemat

    data, plan_cases = {}, []
    for i, case in enumerate(cases, start=1):
        x, dy = arrays[case.name]
        data[f"x{i}"] = to_matlab(x)
        data[f"dy{i}"] = to_matlab(dy)
        c_sub, n_sub = naive_planes(case.shape, OCTAVE_NAIVE_CAP)
        r = case.rank
        plan_cases.append({
            "name": case.name,
            "x": f"x{i}",
            "dy": f"dy{i}",
            "r": r,
            "operator": case.operator,
            # Max backward from saved indices is timed in Python only.
            "ops": [op for op in case.ops if op != "max_bwd_idx"],
            "output_size": list(case.output_size),
            "p": case.p,
            "is_global": case.is_global,
            "kernel": [case.kernel] * r,
            "stride": [case.stride] * r,
            "padding": [case.padding] * r,
            "dilation": [case.dilation] * r,
            "spatial": list(case.shape[2:]),
            "naive_planes": [c_sub, n_sub],
        })
    plan = {
        "mat": str(directory / "inputs.mat"),
        "rounds": {"min_rounds": rounds.min_rounds, "min_seconds": rounds.min_seconds,
                   "max_rounds": rounds.max_rounds, "naive_rounds": rounds.naive_rounds},
        "cases": plan_cases,
    }
    if scaling is not None:
        x_all, dy_all, planes, ops = scaling
        data["xs"] = to_matlab(x_all)
        data["dys"] = to_matlab(dy_all)
        plan["scaling"] = {"x": "xs", "dy": "dys", "planes": list(planes), "ops": list(ops),
                           "naive_max_elements": 0}
    savemat(directory / "inputs.mat", data, do_compression=False, format="5")
    path = directory / "plan.json"
    path.write_text(json.dumps(plan, indent=1))
    return path


def run(exe, plan_path, out_path, log):
    """Run bench_pooling.m in one octave-cli process; its results, or an error text."""
    def quoted(path):
        return "'" + str(path).replace("'", "''") + "'"

    command = (
        f"addpath({quoted(ROOT / 'matlab')}); addpath({quoted(ROOT / 'conformance' / 'octave')}); "
        f"bench_pooling({quoted(plan_path)}, {quoted(out_path)});"
    )
    log(f"octave: {exe} (one process)")
    t0 = time.perf_counter()
    # Octave's progress lines go straight to the terminal, as they come.
    try:
        proc = subprocess.run(
            [exe, "--norc", "--quiet", "--no-history", "--no-window-system", "--eval", command],
            stdin=subprocess.DEVNULL, timeout=OCTAVE_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"octave-cli ran past {OCTAVE_TIMEOUT} s"
    if proc.returncode != 0 or not out_path.exists():
        return None, f"octave-cli exited with {proc.returncode} (its output is above)"
    results = json.loads(out_path.read_text())
    results["wall_seconds"] = time.perf_counter() - t0
    return results, None
