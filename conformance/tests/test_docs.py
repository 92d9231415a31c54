"""The chapter, docs/pooling.md, against the code and fixtures it shows.

Its listings are copied from the sources and its session output comes from
running the sessions (docs/build.py).  These tests regenerate both and fail
on any difference, so the chapter cannot drift from the code: after editing a
listed function, run ``python docs/build.py`` and commit the chapter with it.

The listings and Python sessions need nothing beyond the ordinary test run.
The MATLAB sessions need Octave (marker ``octave``; REQUIRE_OCTAVE=1 makes a
missing Octave fail).  The pictures need matplotlib, which only ``tox -e docs``
installs; POOLING_DOCS=1, set there, makes a missing matplotlib fail instead
of skipping.
"""

import os
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# docs/docbuild is not an installed package.  Appended, not prepended: docs/
# also holds build.py, which must not shadow a module named "build".
sys.path.append(str(ROOT / "docs"))

from docbuild import blocks, chapter, listings, sessions  # noqa: E402

FIX = "run: python docs/build.py (then review and commit docs/pooling.md)"


@pytest.fixture(scope="module")
def text():
    return chapter.CHAPTER.read_text(encoding="utf-8")


def _stale(text, kinds, octave=None):
    new, _ = chapter.generate(text, kinds=kinds, octave=octave)
    return chapter.differences(text, new)


def test_listings_match_their_sources(text):
    stale = _stale(text, ("listing",))
    assert not stale, "\n\n".join(stale) + "\n" + FIX


def test_python_sessions_print_what_the_chapter_shows(text):
    stale = _stale(text, ("python",))
    assert not stale, "\n\n".join(stale) + "\n" + FIX


@pytest.mark.octave
def test_matlab_sessions_print_what_the_chapter_shows(text):
    octave = sessions.octave_executable()
    if octave is None:
        message = "no Octave: set OCTAVE_EXECUTABLE or install octave-cli"
        if os.environ.get("REQUIRE_OCTAVE") == "1":
            pytest.fail(f"REQUIRE_OCTAVE=1 but {message}", pytrace=False)
        pytest.skip(message)
    stale = _stale(text, ("matlab",), octave=octave)
    assert not stale, "\n\n".join(stale) + "\n" + FIX


def test_the_chapter_shows_both_languages_for_the_worked_example(text):
    pieces = [p for p in blocks.parse(text) if isinstance(p, blocks.Block)]
    kinds = {chapter.kind_of(p) for p in pieces}
    assert {"listing", "python", "matlab"} <= kinds
    listed = " ".join(p.spec for p in pieces if p.kind == "listing")
    for source in ("python/src/pooling/naive.py", "python/src/pooling/fast/",
                   "max_pool_naive.m", "max_pool_fast.m", "max_pool_backward_naive.m",
                   "max_pool_backward_fast.m"):
        assert source in listed, f"no listing from {source}"
    shown = "\n".join(p.body for p in pieces if p.kind == "session")
    assert "array([[6., 8.],\n       [3., 4.]])" in shown
    assert "array([[ 5,  7],\n       [ 8, 15]])" in shown
    assert re.search(r"idx =\n\n +6 +14\n +3 +16\n", shown)


def test_links_and_images_resolve(text):
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    for target in targets:
        if re.match(r"[a-z]+:", target):
            continue
        path = (chapter.CHAPTER.parent / target.split("#")[0]).resolve()
        assert path.exists(), f"docs/pooling.md links to {target}, which does not exist"


def test_every_picture_is_embedded_as_png_and_has_an_svg(text):
    images = ROOT / "docs" / "img"
    pngs = sorted(images.glob("*.png"))
    assert pngs, "no pictures in docs/img: run tox -e docs"
    for png in pngs:
        assert f"(img/{png.name})" in text, f"{png.name} is not embedded in the chapter"
        assert png.with_suffix(".svg").exists(), f"{png.name} has no SVG beside it"


# ------------------------------------------------- the mechanism itself


def test_check_reports_a_listing_edited_by_hand(text):
    pieces = blocks.parse(text)
    first = next(p for p in pieces if isinstance(p, blocks.Block) and p.kind == "listing")
    first.body = first.body.replace("def ", "def edited_", 1)
    tampered = blocks.render(pieces)
    stale = _stale(tampered, ("listing",))
    assert len(stale) == 1 and f"docs/pooling.md:{first.line}: listing" in stale[0]


def test_check_reports_a_session_output_edited_by_hand(text):
    tampered = text.replace("array([[6., 8.],", "array([[6., 9.],", 1)
    assert tampered != text
    stale = _stale(tampered, ("python",))
    assert len(stale) == 1 and "session 'python'" in stale[0]


def test_python_functions_are_found_by_name():
    source = "import x\n\n\n@decorate\ndef f(a):\n    return a\n\n\nclass C:\n" \
             "    def m(self):\n        return 1\n"
    assert listings.python_functions(source, ["f"], "t") == "@decorate\ndef f(a):\n    return a"
    assert listings.python_functions(source, ["C.m"], "t") == "def m(self):\n    return 1"
    with pytest.raises(blocks.DocsError, match="no function 'g'"):
        listings.python_functions(source, ["g"], "t")


def test_matlab_functions_are_found_by_file_or_name():
    source = ("function y = outer(x)\n    %OUTER  Help.\n    if x\n        y = inner(x);\n"
              "    end\nend\n\nfunction y = inner(x)\n    y = x(end);\nend\n\n%!test\n"
              "%! assert(outer(1), 1)\n")
    assert listings.matlab_functions(source, [], "t").splitlines()[-1] == "end"
    assert "inner" not in listings.matlab_functions(source, [], "t").splitlines()[0]
    assert listings.matlab_functions(source, ["inner"], "t") == (
        "function y = inner(x)\n    y = x(end);\nend")
    with pytest.raises(blocks.DocsError, match="no function 'other'"):
        listings.matlab_functions(source, ["other"], "t")


def test_an_unclosed_block_is_an_error():
    with pytest.raises(blocks.DocsError, match="never closed"):
        blocks.parse("a\n<!-- listing: python/src/pooling/naive.py:max_pool -->\nb\n")


# ------------------------------------------------------------ pictures


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Every picture drawn afresh into a scratch folder: (module, folder, paths)."""
    if os.environ.get("POOLING_DOCS") == "1":
        import matplotlib  # noqa: F401  (the docs env must have it)
    else:
        pytest.importorskip("matplotlib", reason="matplotlib lives in tox -e docs only")
    from docbuild import pictures

    folder = tmp_path_factory.mktemp("img")
    return pictures, folder, pictures.draw_all(folder)


def test_pictures_redraw_from_the_fixtures(drawn):
    pictures, _, written = drawn
    assert len(written) == 2 * len(pictures.PICTURES)
    for path in written:
        assert path.stat().st_size > 1000, f"{path.name} is suspiciously small"


def test_committed_svgs_equal_a_redraw(drawn):
    pictures, folder, written = drawn
    import matplotlib

    if matplotlib.__version__ != pictures.MATPLOTLIB_VERSION:
        pytest.skip(f"SVG bytes depend on matplotlib; the committed ones are from "
                    f"{pictures.MATPLOTLIB_VERSION}, this is {matplotlib.__version__}")
    problems = pictures.compare(written, folder, pictures.IMAGES)
    assert not problems, "\n".join(problems) + "\nrun: tox -e docs"
