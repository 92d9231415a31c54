"""The operator registry against everything else that lists what it lists.

The error identifiers of ``pooling.IDENTIFIERS``, of the registry, of
fixtures/schema.json and of the MATLAB sources are the same; the schema is
what the registry writes and refuses what the strict reader refuses; every
operator has its functions in both implementations and a group module.
"""

import json
import pathlib
import re

import pytest
import yaml

from conformance import operators
from conformance.fixtureio import schema
from conformance.golden import groups

ROOT = pathlib.Path(__file__).resolve().parents[2]
MATLAB_PACKAGE = ROOT / "matlab" / "+pooling"


def _matlab_identifiers():
    """Every 'pooling:...' literal outside comments (and %! tests) of the MATLAB package."""
    found = set()
    for path in MATLAB_PACKAGE.rglob("*.m"):
        for line in path.read_text(encoding="utf-8").splitlines():
            code = line.split("%", 1)[0]
            found |= set(re.findall(r"'(pooling:[A-Za-z]+)'", code))
    return found


def test_identifiers_are_the_same_in_python_the_registry_the_schema_and_matlab():
    import pooling

    registry = list(operators.IDENTIFIERS)
    assert list(pooling.IDENTIFIERS) == registry
    on_disk = json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk["$defs"]["case"]["properties"]["error"]["enum"] == registry
    assert _matlab_identifiers() == set(registry)


def test_every_operator_raises_only_known_identifiers():
    for op in operators.OPERATORS.values():
        assert set(op.errors) <= set(operators.IDENTIFIERS), op.name


def test_schema_json_is_what_the_registry_writes():
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.text(), (
        "fixtures/schema.json is stale; run `tox -e regen`")


@pytest.mark.parametrize("op", list(operators.OPERATORS))
def test_every_operator_exists_in_both_implementations_and_has_a_group_module(op):
    import pooling

    spec = operators.OPERATORS[op]
    for name in spec.calls:
        assert callable(getattr(pooling, name)), f"pooling.{name} (Python)"
        assert (MATLAB_PACKAGE / f"{name}.m").exists(), f"pooling.{name} (MATLAB)"
    module = groups.module(op)
    assert module.GROUPS and all(callable(getattr(module, f))
                                 for f in ("forward", "backward", "expected_error"))


GOOD = {
    "id": "ok", "description": "fine", "op": "max_pool", "dtype": "float64",
    "params": {"kernel_size": 2},
    "x": {"shape": [1, 1, 2], "data": [[[1.0, 2.0]]]},
    "dy": {"shape": [1, 1, 1], "data": [[[1.0]]]},
    "y": {"shape": [1, 1, 1], "data": [[[2.0]]]},
    "indices": {"shape": [1, 1, 1], "data": [[[1]]]},
    "dx": {"shape": [1, 1, 2], "data": [[[0.0, 1.0]]]},
}
ERROR = {k: GOOD[k] for k in ("id", "description", "op", "dtype", "params", "x")}
ERROR["tier"] = "semantic"


def _without(case, *names):
    return {k: v for k, v in case.items() if k not in names}


REFUSED = {
    "avg-pool-with-indices": dict(GOOD, op="avg_pool"),
    "integer-with-backward": dict(GOOD, dtype="int32"),
    "integer-avg-pool": dict(_without(GOOD, "dy", "dx", "indices"), op="avg_pool",
                             dtype="int32"),
    "missing-output": _without(GOOD, "dx"),
    "unknown-param": dict(GOOD, params={"kernel_size": 2, "output_size": 2}),
    "kernel-size-missing": dict(GOOD, params={}),
    "error-case-with-output": dict(ERROR, call="max_pool", error="pooling:badKernel",
                                   y=GOOD["y"]),
    "error-the-op-never-raises": dict(ERROR, call="max_pool", error="pooling:badOutputSize"),
    "call-of-another-op": dict(ERROR, call="avg_pool", error="pooling:badKernel"),
    "unpool-without-output-size": dict(ERROR, op="max_unpool", call="max_unpool",
                                       error="pooling:badInput"),
    "error-without-tier": dict(_without(ERROR, "tier"), call="max_pool",
                               error="pooling:badKernel"),
    "unknown-tier": dict(ERROR, call="max_pool", error="pooling:badKernel", tier="syntax"),
    "ordinary-case-with-tier": dict(GOOD, tier="api"),
}


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(schema.schema())


def test_schema_accepts_the_good_cases():
    validator = _validator()
    good = [GOOD, dict(_without(GOOD, "dy", "dx"), dtype="int32"),
            dict(ERROR, call="max_pool_backward", error="pooling:badGradient", dy=GOOD["dy"])]
    for case in good:
        assert not list(validator.iter_errors([case])), case


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_schema_and_reader_refuse_what_the_registry_rules_out(name, tmp_path):
    from conformance.fixtureio import reader

    case = REFUSED[name]
    assert list(_validator().iter_errors([case])), f"the schema accepts {name}"
    path = tmp_path / case["op"] / "x.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump([case]))
    with pytest.raises(reader.FixtureError):
        reader.load_all(tmp_path)
