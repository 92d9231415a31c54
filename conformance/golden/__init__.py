"""Golden values: the oracle, the fixture groups, and case specs turned into full cases."""
