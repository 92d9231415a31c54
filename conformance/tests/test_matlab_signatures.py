"""matlab/resources/functionSignatures.json against the MATLAB functions it describes.

The file is what the registry writes (``python -m conformance.generate``), uses
only the keys and kinds of MATLAB's documented schema ("Customize Code
Suggestions and Completions"; MATLAB's validateFunctionSignaturesJSON cannot
run here), and has one entry per public function of matlab/+pooling.  The
positional arguments and outputs are the calling forms of each function's
help text; the options are measured in Octave: a valid call with any listed
option succeeds, and the list is exactly the one the function's unknown-option error names.
"""

import json
import pathlib
import re

import numpy as np
import pytest

from conformance.fixtureio import signatures

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "matlab" / "+pooling"
# Contents.m is the package's help page and options.m the page of shared options:
# neither takes arguments to suggest.
NOT_FUNCTIONS = {"Contents", "options"}

# MATLAB's documented schema: the properties of a signature and of an argument, and the kinds.
SIGNATURE_KEYS = {"inputs", "outputs", "platforms"}
ARGUMENT_KEYS = {"name", "kind", "type", "repeating", "purpose"}
KINDS = {"required", "ordered", "namevalue", "positional", "flag", "properties"}
# Positional kinds come first and name-value ones last (MATLAB matches inputs in order).
KIND_ORDER = {"required": 0, "ordered": 1, "positional": 1, "flag": 2, "namevalue": 2,
              "properties": 2}


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    repeated = {k for k in keys if keys.count(k) > 1}
    assert not repeated, f"duplicate keys {sorted(repeated)}"
    return dict(pairs)


@pytest.fixture(scope="module")
def on_disk():
    text = signatures.SIGNATURES_FILE.read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_no_duplicates)


def _functions(data):
    return {name[len("pooling."):]: entry for name, entry in data.items()
            if name != "_schemaVersion"}


def _help(name):
    """The help text of matlab/+pooling/<name>.m: the comment block after the function line."""
    lines = (PACKAGE / f"{name}.m").read_text(encoding="utf-8").splitlines()[1:]
    block = []
    for line in lines:
        if not line.lstrip().startswith("%"):
            break
        block.append(line.lstrip()[1:])
    return " ".join(block)


def _calling_forms(name):
    """(outputs, positional arguments) of each calling form ``OUT = pooling.name(ARGS)`` the
    help text shows; a form whose arguments start with ``...`` repeats another's."""
    forms = []
    pattern = r"(\[[A-Z_, ]+\]|[A-Z_]+) = pooling\." + name + r"\(([^)]*)\)"
    for outs, args in re.findall(pattern, _help(name)):
        positional = []
        for token in (t.strip() for t in args.split(",")):
            if not re.fullmatch(r"[A-Z_]+", token):
                break
            positional.append(token)
        forms.append((re.findall(r"[A-Z_]+", outs), positional, args.startswith("...")))
    return forms


def test_the_file_is_what_the_registry_writes():
    assert signatures.SIGNATURES_FILE.read_text(encoding="utf-8") == signatures.text(), (
        "matlab/resources/functionSignatures.json is stale; run `tox -e regen`")


def test_every_public_function_has_an_entry_and_every_entry_a_function(on_disk):
    files = {p.stem for p in PACKAGE.glob("*.m")} - NOT_FUNCTIONS
    assert set(_functions(on_disk)) == files


def test_the_file_uses_only_the_documented_schema(on_disk):
    assert re.fullmatch(r"\d+\.\d+\.\d+", on_disk["_schemaVersion"])
    for name, entry in _functions(on_disk).items():
        assert set(entry) <= SIGNATURE_KEYS, name
        for argument in entry["inputs"] + entry["outputs"]:
            assert set(argument) <= ARGUMENT_KEYS, (name, argument)
            assert isinstance(argument["name"], str) and argument["name"], name
            assert isinstance(argument.get("purpose", ""), str), (name, argument)
        kinds = [a["kind"] for a in entry["inputs"]]
        assert set(kinds) <= KINDS, (name, kinds)
        ranks = [KIND_ORDER[k] for k in kinds]
        assert ranks == sorted(ranks), f"{name}: positional inputs must come first: {kinds}"
        names = [a["name"] for a in entry["inputs"]]
        assert len(set(names)) == len(names), (name, names)


@pytest.mark.parametrize("name", sorted(p.stem for p in PACKAGE.glob("*.m")
                                        if p.stem not in NOT_FUNCTIONS))
def test_arguments_and_outputs_are_the_help_texts_calling_forms(on_disk, name):
    forms = _calling_forms(name)
    assert forms, f"no calling form 'OUT = pooling.{name}(...)' in its help"
    entry = _functions(on_disk)[name]
    outputs = max((outs for outs, _, _ in forms), key=len)
    assert [a["name"] for a in entry["outputs"]] == outputs
    shapes = [positional for _, positional, repeats in forms if not repeats]
    every = max(shapes, key=len)
    # An argument some calling form leaves out is one a caller may omit.
    omittable = [a for a in every if not all(a in s for s in shapes)]
    inputs = [(a["name"], a["kind"]) for a in entry["inputs"] if a["kind"] != "namevalue"]
    assert inputs == [(a, "ordered" if a in omittable else "required") for a in every]


# Arguments of a valid call, so that a call fails on nothing but an option's name:
# X is 4-by-4, pooled 2-by-2 (IDX and 'Indices' are max pooling's selection, the
# largest of each window of a 4-by-4 X = reshape(1:16, 4, 4)).
SELECTION = np.array([[6.0, 14.0], [8.0, 16.0]])
ARGUMENTS = {"X": np.arange(1.0, 17.0).reshape(4, 4, order="F"), "DY": np.ones((2, 2)),
             "POOL_SIZE": 2.0, "OUTPUT_SIZE": np.array([2.0, 2.0]), "P": 2.0,
             "Y": np.ones((2, 2)), "IDX": SELECTION, "DZ": np.ones((4, 4))}
ARGUMENTS_OF = {"max_unpool": {"OUTPUT_SIZE": np.array([4.0, 4.0])},
                "global_max_pool_backward": {"DY": 1.0},
                "global_avg_pool_backward": {"DY": 1.0}}
# A value per option, and where the file gives a choice of types ("any one of them"), one
# value of each, in the file's order, so every listed alternative is shown to be taken.
VALUES = {"Stride": (2.0,), "Padding": (0.0, "valid"), "Dilation": (1.0,),
          "CeilMode": (False, 1.0), "CountIncludePad": (True, 0.0), "DivisorOverride": (4.0,),
          "Indices": (SELECTION,), "PoolSize": (2.0,), "SpatialDims": (2.0,),
          "Method": ("naive",)}
MADE_UP = "NoSuchOption"


def _calls(on_disk):
    """Per function: a call with each listed option, then one with a made-up option."""
    calls = []
    for name, entry in sorted(_functions(on_disk).items()):
        given = {**ARGUMENTS, **ARGUMENTS_OF.get(name, {})}
        args = tuple(given[a["name"]] for a in entry["inputs"] if a["kind"] != "namevalue")
        named = [a for a in entry["inputs"] if a["kind"] == "namevalue"]
        options = [a["name"] for a in named]
        for a in named + [{"name": MADE_UP, "type": ["numeric"]}]:
            choices = len(a["type"]) if isinstance(a["type"][0], list) else 1
            values = VALUES.get(a["name"], (1.0,))
            assert len(values) >= choices, f"no value here for each type {a['name']} may have"
            for value in values[:choices]:
                calls.append((name, a["name"], options,
                              ("pooling." + name, (*args, a["name"], value), 1)))
    return calls


@pytest.mark.octave
def test_the_listed_options_are_exactly_those_each_function_takes(octave, on_disk):
    calls = _calls(on_disk)
    replies = octave.run_calls([call for *_, call in calls])
    problems = []
    for (name, option, listed, _), (_, identifier, message) in zip(calls, replies, strict=True):
        if option != MADE_UP:
            if identifier:
                problems.append(f"pooling.{name} with '{option}' fails: {message}")
            continue
        said = re.search(r"unknown option .*; the options are (.*) \(case-insensitive\)",
                         message or "")
        if identifier != "pooling:badOption" or not said:
            problems.append(f"pooling.{name} took '{MADE_UP}': {identifier} {message}")
        elif sorted(said.group(1).split(", ")) != sorted(listed):
            problems.append(f"pooling.{name} takes {said.group(1)}; the file lists "
                            f"{', '.join(listed)}")
    assert not problems, "\n".join(problems)
