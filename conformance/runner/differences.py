"""The differences file: the deviations an implementation owns up to.

A YAML list of rules::

    - rule: nan-last-nan-wins          # a short name, unique in the file
      why: Every NaN replaces the running maximum, so the last NaN is selected.
      outputs: [indices, dx]           # optional: the outputs it may change
      fixtures: [max-1d-nan-first-wins, gmax-*-nan-*]   # ids or shell patterns

A case with the verdict ``mismatch`` (or ``accepted``, for an error case) that
a rule names is *listed*: it is still reported, but it does not fail the run.
A ``rounding`` case is listed the same way (it never fails the run, but the
listing says which behaviour explains it).  When a rule gives ``outputs``, it
lists a case only if every mismatching (or rounding) output of the case is
among them.  A rule that lists no case of the run is
reported as stale (not an error: the profile or ``--groups`` may have left
its cases out).
"""

import fnmatch

import yaml

FIELDS = {"rule", "why", "outputs", "fixtures"}


class DifferencesError(Exception):
    """A differences file that is not what this module describes."""


def load(path):
    """The rules of the file at ``path`` as a list of dicts."""
    with open(path, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    if rules is None:
        return []
    if not isinstance(rules, list):
        raise DifferencesError(f"{path}: a differences file is a list of rules")
    seen = set()
    for i, rule in enumerate(rules):
        where = f"{path}, rule {i + 1}"
        if not isinstance(rule, dict) or not {"rule", "why", "fixtures"} <= set(rule):
            raise DifferencesError(f"{where}: needs rule, why and fixtures")
        if set(rule) - FIELDS:
            raise DifferencesError(f"{where}: unknown field(s) {sorted(set(rule) - FIELDS)}")
        if rule["rule"] in seen:
            raise DifferencesError(f"{where}: rule {rule['rule']!r} appears twice")
        seen.add(rule["rule"])
        if not isinstance(rule["fixtures"], list) or not all(
                isinstance(f, str) for f in rule["fixtures"]):
            raise DifferencesError(f"{where}: fixtures must be a list of ids or patterns")
    return rules


def listing_rule(rules, record):
    """The name of the first rule that lists ``record``, or None."""
    bad = {n for n, v in record["outputs"].items() if v in ("mismatch", "rounding")}
    for rule in rules:
        if not any(fnmatch.fnmatchcase(record["id"], p) for p in rule["fixtures"]):
            continue
        if "outputs" in rule and not bad <= set(rule["outputs"]):
            continue
        return rule["rule"]
    return None
