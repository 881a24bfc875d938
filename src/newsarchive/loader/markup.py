"""Render Markdown bodies to HTML and sanitise them with an allow-list."""

from __future__ import annotations

import functools
import html
import re
from typing import TYPE_CHECKING

import nh3

if TYPE_CHECKING:
    import markdown

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<(/?)h1\b")
MAX_INDENT = 32
"""Columns of leading space a Markdown line keeps: deeper lists and code are flattened to it
(Python-Markdown nests by recursion: a 2,000-deep list ran out of stack after a minute)."""
MAX_BRACKETS = 64
"""A paragraph with more "[" than this has every one escaped: Python-Markdown scans to the end
of the paragraph for each "[" that may open a link: quadratic in the brackets."""
_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1},}}", re.MULTILINE)
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)\[")
_MARKER = r"(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))"  # one blockquote or list level, as a line opens
_MARKERS = re.compile(rf"^(?:[ \t]*{_MARKER}){{{MAX_INDENT // 2 + 1},}}", re.MULTILINE)


def take_heading(body: str) -> tuple[str, str]:
    """Return (heading, rest) when a Markdown body opens with a level-one ATX heading
    (`# Headline`, closing #s dropped). Read with string methods: a regex with three
    optional runs of space around the heading took cubic time on a line of spaces."""
    text = body.lstrip("\n")
    line, _, rest = text.partition("\n")
    if not line.startswith("#") or not line[1:2].isspace():
        return "", body
    heading = line[1:].strip()
    heading = heading.rstrip("#").rstrip() or heading
    return (heading, rest) if heading else ("", body)


def tame(body: str) -> str:
    """Return a Markdown body that Python-Markdown reads in time bounded by its size: lines
    indented past MAX_INDENT columns brought back to it, lines opening more than MAX_INDENT / 2
    lists or quotes cut to that many, and every "[" escaped in a paragraph that has more than
    MAX_BRACKETS of them."""
    body = _INDENT.sub(" " * MAX_INDENT, body.expandtabs(4))  # as Python-Markdown expands
    body = _MARKERS.sub(_fewer_markers, body)
    if body.count("[") <= MAX_BRACKETS:
        return body
    paragraphs = body.split("\n\n")
    return "\n\n".join(
        _UNESCAPED_BRACKET.sub(r"\\[", p) if p.count("[") > MAX_BRACKETS else p for p in paragraphs
    )


@functools.cache
def _converter() -> markdown.Markdown:
    """Return this process's Markdown converter (making one costs more than a conversion).
    Imported here: a build that reads no Markdown file (most rebuilds) never imports it."""
    import markdown

    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def _fewer_markers(found: re.Match[str]) -> str:
    """Return the first MAX_INDENT / 2 list and quote markers of a line's opening."""
    markers = re.findall(r"[-*+>]|\d{1,9}[.)]", found.group())[: MAX_INDENT // 2]
    return " ".join(markers)


def render(body: str) -> str:
    """Render a Markdown body to sanitised HTML: no scripts, handlers or unsafe URLs survive."""
    converter = _converter()
    converter.reset()  # footnotes and abbreviations must not carry over between files
    rendered = converter.convert(tame(body))
    return sanitise(_H1.sub(r"<\1h2", rendered))  # the page's only h1 is its headline


def sanitise(fragment: str) -> str:
    """Keep only allow-listed tags, attributes and URL schemes in an HTML fragment."""
    cleaned: str = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return cleaned


def plain_paragraphs(fragment: str) -> tuple[str, ...]:
    """Return the text of each block of an HTML fragment, tags removed."""
    blocks = re.split(r"</(?:p|h[2-6]|li|blockquote|pre|td|th|dd|dt|figcaption)>", fragment)
    texts = (" ".join(html.unescape(_TAG.sub(" ", block)).split()) for block in blocks)
    return tuple(text for text in texts if text)
