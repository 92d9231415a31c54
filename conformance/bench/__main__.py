"""``python -m conformance.bench``: run both halves, print the table, write JSON and PNG."""

import argparse
import ctypes
import json
import os
import pathlib
import platform
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

from . import cases as cs
from . import octave_side, python_side, report

ROOT = pathlib.Path(__file__).resolve().parents[2]


def log(text):
    print(text, flush=True)


def steady_allocator():
    """Have glibc keep freed memory: no mmap for large arrays, no trimming of the heap.

    By default glibc gives a large array a fresh mmap whose pages fault on
    first touch, above a threshold that moves with the process's history
    (up to 32 MB): on this bench's machine a 51 MB copy took 6.1 ms that
    way against 3.4 ms from a warm heap.  The yardstick is memory traffic,
    not the kernel zeroing pages, and a long-running training process sits
    in the warm state anyway.  The variables carry the setting to octave-cli.
    """
    os.environ["MALLOC_MMAP_MAX_"] = "0"
    os.environ["MALLOC_TRIM_THRESHOLD_"] = str(2**31 - 1)
    try:
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_max = -1, -4
        return bool(libc.mallopt(m_mmap_max, 0) and libc.mallopt(m_trim_threshold, 2**31 - 1))
    except (OSError, AttributeError):  # not glibc: its allocator, as it comes
        return False


def machine_info(torch):
    cpu = "unknown"
    try:
        text = pathlib.Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
        cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    memory = None
    try:
        found = re.search(r"^MemTotal:\s*(\d+) kB", pathlib.Path("/proc/meminfo").read_text(),
                          re.M)
        memory = int(found.group(1)) * 1024 if found else None
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else None,
        "memory_bytes": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "torch_threads": torch.get_num_threads() if torch is not None else None,
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
    }


def time_conformance(out_dir):
    """Wall time of the conformance run, as a subprocess, with its Octave batches counted."""
    counts_file = out_dir / "conformance-calls.json"
    counts_file.unlink(missing_ok=True)
    env = dict(os.environ, REQUIRE_OCTAVE="1", POOLING_BENCH_CALLS=str(counts_file))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "conformance.bench.octave_calls",
               "conformance/tests/test_conformance.py"]
    log("conformance: " + " ".join(command[2:]))
    t0 = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - t0
    (out_dir / "conformance.log").write_text(proc.stdout)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    summary = next((line for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)),
                   lines[-1] if lines else "")
    counts = json.loads(counts_file.read_text()) if counts_file.exists() else {}
    files = sorted(p.relative_to(ROOT / "fixtures").as_posix()
                   for p in (ROOT / "fixtures").rglob("*.yaml"))
    result = {"seconds": seconds, "returncode": proc.returncode, "summary": summary.strip("= "),
              "fixture_files": len(files), **counts}
    log(f"conformance: {seconds:.1f} s, {result['summary']} (output in {out_dir}/conformance.log)")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m conformance.bench", description=__doc__)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "build" / "bench",
                        help="directory for results.json and bench.png (default build/bench)")
    parser.add_argument("--quick", action="store_true",
                        help="smaller shapes and fewer rounds: a smoke test, not a measurement")
    parser.add_argument("--no-docs", action="store_true",
                        help="do not write docs/performance.md and the README summary "
                             "(a --quick or --case run never writes them)")
    parser.add_argument("--case", action="append", default=[], metavar="NAME",
                        help="run only this case (repeatable; the names are in the printed "
                             "table), with the inputs it has in a full run")
    parser.add_argument("--skip", action="append", default=[],
                        choices=("torch", "octave", "conformance", "scaling"),
                        help="leave a part out (repeatable)")
    args = parser.parse_args(argv)
    known = [c.name for c in cs.all_cases(quick=args.quick)]
    unknown = sorted(set(args.case) - set(known))
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; the cases are {', '.join(known)}")
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    allocator = steady_allocator()
    load_before = os.getloadavg()

    torch = None if "torch" in args.skip else python_side.load_torch()
    if torch is None:
        log("PyTorch: not used (not installed or skipped); its columns read n/a")
    rounds = python_side.Rounds(min_rounds=2, min_seconds=0.0, naive_rounds=1) if args.quick \
        else python_side.Rounds()
    # Seeded by the place in the full list, so a case's inputs do not depend on --case.
    chosen = [(i, c) for i, c in enumerate(cs.all_cases(quick=args.quick))
              if not args.case or c.name in args.case]
    case_list = [c for _, c in chosen]
    arrays = {c.name: cs.inputs(c.shape, c.out_shape, cs.case_seed(i)) for i, c in chosen}

    flags = " ".join((["--quick"] if args.quick else [])
                     + [f"--case {name}" for name in args.case])
    results = {"command": "tox -e bench" + (f" -- {flags}" if flags else ""),
               "quick": args.quick, "partial": bool(args.case), "machine": machine_info(torch),
               "pooling": str(pathlib.Path(python_side.pooling.__file__).parent),
               "steady_allocator": allocator, "rounds": vars(rounds),
               "cases": [], "scaling": None, "octave": None, "conformance": None}

    # ---- Python, in this process
    for case in case_list:
        x, dy = arrays[case.name]
        ops = python_side.run_case(case, x, dy, torch, rounds, cs.PYTHON_NAIVE_CAP, log)
        results["cases"].append({"name": case.name, "describe": case.describe(),
                                 "shape": list(case.shape), "elements": case.elements,
                                 "python": ops, "octave": None})
    scaling_inputs = None
    if "scaling" not in args.skip:
        planes = cs.SCALING_PLANES_QUICK if args.quick else cs.SCALING_PLANES
        x_all, dy_all = cs.inputs((1, planes[-1], 56, 56), (1, planes[-1], 28, 28), cs.SEED - 1)
        results["scaling"] = {"python": python_side.run_scaling(
            x_all, dy_all, planes, cs.SCALING_OPS, torch, rounds, log), "octave": None}
        scaling_inputs = (x_all, dy_all, planes, cs.SCALING_OPS)

    # ---- Octave, in one octave-cli process, on the same arrays
    exe = None if "octave" in args.skip else octave_side.executable()
    if exe is None:
        results["octave"] = {"error": "Octave not found or skipped"}
        log("octave: not run (not found or skipped); its columns read n/a")
    else:
        with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
            tmp = pathlib.Path(tmp)
            plan = octave_side.write_plan(tmp, case_list, arrays, scaling_inputs, rounds)
            oct_results, error = octave_side.run(exe, plan, tmp / "octave.json", log)
        if error:
            results["octave"] = {"error": error}
            log(f"octave: {error}")
        else:
            results["octave"] = {"version": oct_results.get("octave_version"),
                                 "executable": exe,
                                 "wall_seconds": oct_results["wall_seconds"]}
            by_name = {c["name"]: c["ops"] for c in oct_results["cases"]}
            for entry in results["cases"]:
                entry["octave"] = by_name.get(entry["name"])
            if results["scaling"] is not None and "scaling" in oct_results:
                results["scaling"]["octave"] = oct_results["scaling"]
    del arrays

    # ---- the conformance run, timed as a whole
    if "conformance" not in args.skip and exe is not None:
        results["conformance"] = time_conformance(out_dir)

    results["load_average"] = {"before": load_before, "after": os.getloadavg()}
    results["bench_seconds"] = time.perf_counter() - started
    results["targets"] = report.evaluate(results, case_list)
    json_path = out_dir / "results.json"
    json_path.write_text(json.dumps(results, indent=1, default=float) + "\n")
    (out_dir / "summary.md").write_text(report.markdown(results, case_list))
    png_path = out_dir / "bench.png"
    try:
        from . import chart

        chart.draw(results, case_list, png_path)
    except ImportError as exc:
        png_path = None
        log(f"chart: not drawn ({exc})")
    if not args.quick and not args.case and not args.no_docs:
        from .publish import publish

        log("wrote " + ", ".join(publish(results, case_list, ROOT, png_path)))
    print()
    print(report.render(results, case_list))
    print(f"\nwrote {json_path}, {out_dir / 'summary.md'}"
          + (f" and {png_path}" if png_path else ""))
    print(f"bench took {results['bench_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
