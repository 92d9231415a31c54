"""Fixture I/O: the strict reader, the canonical writer, the schema, the MAT file, layouts."""
