"""Tools that keep docs/pooling.md true to the code: listings, sessions, pictures.

The chapter is hand-written prose with generated regions between markers.
``python docs/build.py`` rewrites those regions from the sources and from
running the examples; ``--check`` reports any region that differs.  See
``docs/build.py`` for the commands and ``blocks`` for the marker syntax.
"""
