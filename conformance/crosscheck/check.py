"""Every fixture through every available framework, judged against differences.yaml.

An outcome is one of

- ``agreed``: every output the framework computes equals the golden value bit
  for bit (conformance/harness/compare.py's rules: NaN positions, signed zero);
- ``documented``: it differs, and differences.yaml lists the framework, the
  fixture and every differing output under a rule (and, where the rule has a
  model in models.py, the output is exactly the model's);
- ``not supported``: the framework cannot express the case or refuses it;
- ``unexpected``: an unlisted difference, a listed one that no longer
  reproduces, or one that is not what its rule's model says.
"""

import collections
import pathlib
from dataclasses import dataclass

import numpy as np
import yaml

from ..fixtureio.reader import load_all
from ..harness.compare import first_difference
from ..operators import OPERATORS
from . import onnx_runner, torch_runner
from .common import Failed, NotSupported
from .models import MODELS

DIFFERENCES = pathlib.Path(__file__).resolve().parent.parent / "differences.yaml"
# "raises": the framework crashed on a case it claims to support.
OUTPUTS = ("y", "indices", "dx", "raises")
STATUSES = ("agreed", "documented", "not supported", "unexpected")


@dataclass(frozen=True)
class Framework:
    name: str
    available: object
    version: object
    run: object
    what: str
    ops: tuple = tuple(OPERATORS)

    def applies(self, case):
        return not case.is_error and case.op in self.ops


FRAMEWORKS = {
    f.name: f
    for f in (
        Framework("torch", torch_runner.available, torch_runner.version, torch_runner.run,
                  "torch.nn.functional on CPU, one thread; gradients by autograd; global "
                  "pooling as one window the size of the plane"),
        Framework("torch-adaptive", torch_runner.available, torch_runner.version,
                  torch_runner.run_adaptive,
                  "global pooling as adaptive_{max,avg}_pool to size 1",
                  ops=("global_max_pool", "global_avg_pool")),
        Framework("onnx", onnx_runner.available, onnx_runner.version, onnx_runner.run,
                  "one-node models (opset 22) through onnx.reference.ReferenceEvaluator; "
                  "forward only"),
    )
}


@dataclass(frozen=True)
class Difference:
    """One entry of differences.yaml."""

    framework: str
    rule: str
    outputs: tuple
    fixtures: tuple
    why: str


KEYS = ("framework", "rule", "outputs", "fixtures", "why")


def load_differences(path=DIFFERENCES):
    """The entries of differences.yaml, refusing anything but the documented shape."""
    raw = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: must be a list of entries")
    entries = []
    for n, item in enumerate(raw):
        where = f"{path}, entry {n + 1}"
        if not isinstance(item, dict) or set(item) != set(KEYS):
            raise ValueError(f"{where}: needs exactly the keys {', '.join(KEYS)}")
        if item["framework"] not in FRAMEWORKS:
            raise ValueError(f"{where}: unknown framework {item['framework']!r}")
        for key in ("outputs", "fixtures"):
            if not isinstance(item[key], list) or not all(isinstance(v, str) for v in item[key]):
                raise ValueError(f"{where}: {key} must be a list of names")
        if not item["outputs"]:
            raise ValueError(f"{where}: outputs must name at least one output")
        if not item["fixtures"] and (item["framework"], item["rule"]) not in MODELS:
            # A rule no fixture shows is only checked on drawn cases, through its model.
            raise ValueError(f"{where}: a rule without fixtures needs a model in models.py")
        bad = set(item["outputs"]) - set(OUTPUTS)
        if bad:
            raise ValueError(f"{where}: unknown output(s) {sorted(bad)}; known: {OUTPUTS}")
        entries.append(Difference(item["framework"], item["rule"], tuple(item["outputs"]),
                                  tuple(item["fixtures"]), item["why"]))
    seen = collections.Counter((d.framework, d.rule) for d in entries)
    twice = [key for key, count in seen.items() if count > 1]
    if twice:
        raise ValueError(f"{path}: rule(s) listed twice: {twice}")
    return entries


@dataclass
class Outcome:
    framework: str
    case: object
    status: str
    detail: str = ""


def differing_outputs(case, result):
    """``{output: first_difference text}`` for each output that is not the golden value."""
    if isinstance(result, Failed):
        return {"raises": result.message}
    diffs = {}
    for name in OPERATORS[case.op].fields(case.dtype)[1]:
        if name in result:
            text = first_difference(case.arrays[name], result[name])
            if text:
                diffs[name] = text
    return diffs


def judge(framework, case, result, differences):
    """The ``Outcome`` of ``result`` (a runner's answer) for ``case``."""
    if isinstance(result, NotSupported):
        return Outcome(framework, case, "not supported", result.reason)
    diffs = differing_outputs(case, result)
    listed = [d for d in differences if d.framework == framework and case.id in d.fixtures]
    problems, explained = [], []
    for name, text in diffs.items():
        if not any(name in d.outputs for d in listed):
            problems.append(f"{name} differs and no rule lists it: {text}")
    for d in listed:
        mine = [o for o in d.outputs if o in diffs]
        if not mine:
            problems.append(
                f"differences.yaml lists it under {d.rule} ({', '.join(d.outputs)}), "
                "but that no longer differs"
            )
            continue
        model = MODELS.get((framework, d.rule))
        if model is not None:
            expected = model.compute(case)
            for name in mine:
                text = first_difference(expected[name], result[name])
                if text:
                    problems.append(f"{name} differs, but not as {d.rule} says: {text}")
        explained.append(f"{d.rule} ({', '.join(mine)}: {diffs[mine[0]]})")
    if problems:
        return Outcome(framework, case, "unexpected", "; ".join(problems))
    if diffs:
        return Outcome(framework, case, "documented", "; ".join(explained))
    return Outcome(framework, case, "agreed")


def available_frameworks(names=None):
    return [f for name, f in FRAMEWORKS.items()
            if (names is None or name in names) and f.available()]


def run(cases=None, frameworks=None, differences=None):
    """Outcomes of every ordinary case under every available framework that applies to it."""
    cases = load_all() if cases is None else cases
    differences = load_differences() if differences is None else differences
    outcomes = []
    with np.errstate(all="ignore"):
        for framework in available_frameworks(frameworks):
            for case in cases:
                if framework.applies(case):
                    outcomes.append(judge(framework.name, case, framework.run(case), differences))
    return outcomes


def unknown_fixtures(differences, cases):
    """Fixture ids differences.yaml names that no fixture has, as ``(rule, id)`` pairs."""
    ids = {c.id for c in cases}
    return [(d.rule, f) for d in differences for f in d.fixtures if f not in ids]


def table(outcomes, cases):
    """The framework x fixture group table, one cell of counts per pair."""
    frameworks = list(dict.fromkeys(o.framework for o in outcomes))
    counts = collections.defaultdict(collections.Counter)
    for o in outcomes:
        counts[o.case.group, o.framework][o.status] += 1
    groups = sorted({c.group for c in cases})
    short = {"agreed": "agreed", "documented": "documented", "not supported": "n/s",
             "unexpected": "UNEXPECTED"}
    cells = {}
    for g in groups:
        for f in frameworks:
            c = counts.get((g, f))
            if not c:
                errors = all(case.is_error for case in cases if case.group == g)
                cells[g, f] = "(error cases)" if errors else "-"
            else:
                cells[g, f] = ", ".join(f"{c[s]} {short[s]}" for s in STATUSES if c[s])
    width = max(len(g) for g in groups) + 2
    widths = {f: max([len(f)] + [len(cells[g, f]) for g in groups]) + 2 for f in frameworks}
    lines = ["group".ljust(width) + "".join(f.ljust(widths[f]) for f in frameworks)]
    lines += [g.ljust(width) + "".join(cells[g, f].ljust(widths[f]) for f in frameworks)
              for g in groups]
    total = collections.Counter(o.status for o in outcomes)
    lines.append("")
    lines.append("total: " + ", ".join(f"{total[s]} {s}" for s in STATUSES))
    return "\n".join(line.rstrip() for line in lines)
