"""Property-based tests of the decoder and parser: any bytes give an article or a reported problem.

A fast profile runs in CI. The long campaign (see docs/robustness.md) runs the same tests with
many more inputs:

    HYPOTHESIS_PROFILE=fuzz python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.contexts import Layout, render_spec
from newsarchive.loader import parse, read_article
from newsarchive.loader.frontmatter import _safe_slug
from newsarchive.models import SourceFile
from newsarchive.reading import Bodies
from newsarchive.render import Frame, environment
from newsarchive.specs import article_spec
from newsarchive.text import Undecodable, decode, normalise

from conftest import ROOT

# Hypothesis keeps caches under .hypothesis/ in the working directory; keep them in /tmp instead.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "newsarchive-hypothesis"))
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    parent=settings.get_profile("ci"),
    max_examples=25_000,
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
"""Applied per test, so other test modules keep Hypothesis's defaults; no database is written."""
RENDERING = settings(PROFILE, max_examples=max(50, PROFILE.max_examples // 5))
"""Rendering a page costs about 80 ms, so the round trip runs a fifth as many examples."""

# Pieces of real article files, so generated inputs reach the parser's deeper paths.
FRAGMENTS = [
    "---",
    "...",
    "title: A headline",
    "date: 2023-01-05",
    "date: 31/31/2019",
    "tags: [a, b]",
    "slug: ../../etc/passwd",
    "section: world/europe",
    "author: Jane Doe",
    "a: &a [x, *a]",
    "title: [unclosed",
    "\ttab: x",
    "By Jane Doe",
    "By midday, police had closed the road.",
    "CULIACAN, Mexico (Reuters) - Mexican forces captured him.",
    "WASHINGTON, Jan. 5, 2023 (AP) —",
    "# A Markdown heading",
    "> quoted",
    "- item",
    "1. item",
    "| a | b |",
    "```",
    "    code",
    "<script>alert(1)</script>",
    '<a href="javascript:x">x</a>',
    "[x](data:text/html,x)",
    "Photo caption of the scene",
    "Photo caption of the scene AFP / STR",
    "",
    " ",
    "\u00a0",
    "Mexican security forces captured Ovidio Guzmán López in Culiacán on Thursday.",
]
lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80))
structured = st.lists(lines, max_size=30).map("\n".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
file_bytes = st.one_of(
    st.binary(max_size=2000),
    st.tuples(structured, encodings).map(lambda pair: pair[0].encode(pair[1], "replace")),
    st.tuples(structured, st.binary(max_size=8), structured).map(
        lambda t: t[0].encode() + t[1] + t[2].encode()
    ),
)
suffixes = st.sampled_from([".txt", ".md", ".markdown", ".TXT"])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """Return a scratch folder for the files this module writes (outside the working tree)."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-fuzz-") as name:
        yield Path(name)


def source_for(folder: Path, data: bytes, suffix: str) -> SourceFile:
    """Write bytes as an article file and return its SourceFile."""
    path = folder / f"article{suffix}"
    path.write_bytes(data)
    return SourceFile.at(path, path.name)


@PROFILE
@given(data=st.binary(max_size=4000))
def test_decode_gives_text_or_undecodable(data):
    try:
        text, encoding = decode(data)
    except Undecodable:
        return
    assert isinstance(text, str) and encoding
    clean = normalise(text)
    assert "\r" not in clean and "\x00" not in clean
    assert not re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", clean)
    assert unicodedata.is_normalized("NFC", clean)


@PROFILE
@given(data=file_bytes, suffix=suffixes)
def test_any_bytes_give_an_article_or_a_reported_problem(folder, data, suffix):
    source = source_for(folder, data, suffix)
    article, problems = read_article(source)
    assert not [p for p in problems if "could not be read" in p.message], problems
    assert all(p.path == source.rel and p.message for p in problems)
    if article is None:
        assert any(p.kind == "skipped" for p in problems)
    else:
        assert article.title and article.source == source.rel
        assert article.kind == ("text" if suffix.lower() == ".txt" else "markdown")


@PROFILE
@given(data=file_bytes, suffix=suffixes)
def test_reading_is_deterministic(folder, data, suffix):
    source = source_for(folder, data, suffix)
    assert read_article(source) == read_article(source)


@PROFILE
@given(text=structured, suffix=suffixes)
def test_parsing_is_deterministic(text, suffix):
    source = SourceFile.at(f"a{suffix}", f"a{suffix}")
    clean = normalise(text)
    assert parse(source, clean) == parse(source, clean)


printable = st.characters(blacklist_categories=("Cs", "Cc"))
plain_text = st.text(st.one_of(printable, st.sampled_from("\t\n\r")), max_size=300).filter(
    lambda t: not t.startswith("\ufeff")
)


@PROFILE
@given(text=plain_text)
def test_utf8_and_utf16_text_decodes_to_itself(text):
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[0] == text


@PROFILE
@given(value=st.one_of(st.text(), st.sampled_from(["../../x", "/etc/passwd", "..\\..\\a", ".."])))
def test_front_matter_slugs_are_never_paths(value):
    slug, error = _safe_slug(value)
    assert (slug is None and error) or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(slug))


# Round trip: every paragraph of an article appears in its page.

word = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
)
paragraph = st.lists(word, min_size=1, max_size=25).map(" ".join)
headline = st.tuples(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), paragraph).map(
    lambda t: f"{t[0]}{t[1]}"[:200]
)
DASHES = "-–—"


def tokens(text: str) -> str:
    """Return text as its words with dashes trimmed, the form compared in the round trip."""
    words = (w.strip(DASHES) for w in unicodedata.normalize("NFC", text).split())
    return " ".join(w for w in words if w)


_WIRE_SPANS = re.compile(
    r'<span class="(?:ticker|wire-name)"><span class="wire-mark">(&lt;)</span>(.*?)'
    r'<span class="wire-mark">(&gt;)</span></span>'
)


def page_for(text: str) -> str:
    """Parse raw text as an article and render its page; return the page's visible text."""
    source = SourceFile.at("story.txt", "story.txt")
    article, _ = parse(source, normalise(text))
    assert article is not None
    config = SiteConfig()
    site = build_site(config, [article])
    layout = Layout(Frame(config, site.sections, ()), Bodies())
    rendered = render_spec(
        environment(ROOT / "templates"), layout, article_spec(site, site.entries[0])
    )
    # a wire's "<SM>" is marked up inside its words (render.wire_marks): no word boundary
    page = _WIRE_SPANS.sub(r"\1\2\3", rendered.decode("utf-8"))
    root = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    body = root.find("body")
    assert body is not None
    return " ".join(" ".join(body.itertext()).split())


@RENDERING
@given(title=headline, paragraphs=st.lists(paragraph, min_size=1, max_size=6))
@example(title="A0", paragraphs=[";"])  # a body with no words is shown, not taken for a placeholder
@example(title="A<0 >", paragraphs=["<0 >", "x<B>y <Nissho Iwai Corp>"])  # wire marks: found so
def test_every_paragraph_appears_in_the_page(title, paragraphs):
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    shown = tokens(page_for(text))
    assert tokens(normalise(title)) in shown
    for number, body in enumerate(paragraphs):
        assert tokens(normalise(body)) in shown, f"paragraph {number} is missing"
