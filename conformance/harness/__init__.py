"""The harness: fixtures in, calls out in each language, comparisons reported."""
