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
_HEADING = re.compile(r"\A#\s+(.+?)\s*#*\s*(?:\n|\Z)")


def take_heading(body: str) -> tuple[str, str]:
    """Return (heading, rest) when a Markdown body opens with a level-one ATX heading."""
    match = _HEADING.match(body.lstrip("\n"))
    if not match:
        return "", body
    return match.group(1), body.lstrip("\n")[match.end() :]


@functools.cache
def _converter() -> markdown.Markdown:
    """Return this process's Markdown converter (making one costs more than a conversion).
    Imported here: a build that reads no Markdown file (most rebuilds) skips its 15 ms."""
    import markdown

    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def render(body: str) -> str:
    """Render a Markdown body to sanitised HTML: no scripts, handlers or unsafe URLs survive."""
    converter = _converter()
    converter.reset()  # footnotes and abbreviations must not carry over between files
    rendered = converter.convert(body)
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
