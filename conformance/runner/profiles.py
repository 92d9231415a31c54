"""Profiles: which cases a run takes, by the ``pins`` each case carries.

- ``strict`` (the default): every case.
- ``core``: geometry and values any correct implementation should match:
  no case that pins a rule on NaN, ties, signed zero, subnormals, overflow,
  the order of sums, or overwritten unpooling positions.
- ``environment``: the cases that depend on the platform (subnormals, which
  flush-to-zero modes change).
"""

# Rules whose answer legitimately differs between otherwise correct implementations.
NOT_CORE = frozenset({"nan", "ties", "signed-zero", "subnormal", "overflow", "sum-order",
                      "gradient-order", "overwrite"})
ENVIRONMENT = frozenset({"subnormal"})

PROFILES = {
    "strict": "every case",
    "core": "no pins on " + ", ".join(sorted(NOT_CORE)),
    "environment": "cases pinning " + ", ".join(sorted(ENVIRONMENT)),
}


def selects(profile, case):
    pins = set(getattr(case, "pins", None) or ())
    if profile == "core":
        return not pins & NOT_CORE
    if profile == "environment":
        return bool(pins & ENVIRONMENT)
    return True
