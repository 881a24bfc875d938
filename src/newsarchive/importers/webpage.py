"""Import a saved web page: main text, headline, byline and date (trafilatura); boilerplate
such as menus, footers and share buttons is dropped."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..text import parse_date
from .common import Item, Note, Skip, clean_text, fix, need, plain

MIN_WORDS = 20
"""A page whose main text is shorter has no article in it: an index, a login wall, an error."""
_LEADING_HEADING = re.compile(r"\A\s*#{1,6}\s+(.+?)\s*\n")
# Only the page's own markup is searched: a date guessed from the article's prose is not its date.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield the one article of a saved HTML page."""
    yield page_item(path.read_bytes(), name, f"html:{name}", "")


def page_item(data: bytes, where: str, imported_from: str, url: str) -> Item | Skip:
    """Make an item from the bytes of an HTML page (saved, or from a web archive)."""
    trafilatura = need("trafilatura", "reading HTML pages")
    tree = trafilatura.load_html(data)
    if tree is None:
        return Skip(where, "could not be parsed as HTML")
    meta = trafilatura.extract_metadata(tree, default_url=url or None, date_config=_DATE_SEARCH)
    markdown = trafilatura.extract(
        trafilatura.load_html(data),  # extraction prunes the tree it is given
        url=url or None,
        output_format="markdown",
        include_formatting=True,
        include_links=True,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    title = plain(meta.title or "") if meta else ""
    if not title:
        return Skip(where, "has no headline (no <title>, og:title or <h1>)")
    where = f'{where} "{title[:60]}"'
    body = _without_heading(fix(markdown or ""), title)
    if len(body.split()) < MIN_WORDS:
        return Skip(where, f"has no article text (under {MIN_WORDS} words once menus are dropped)")
    tags = [*(meta.categories or []), *(meta.tags or [])]
    return Item(
        where=where,
        imported_from=imported_from,
        title=title,
        body=clean_text(body),
        body_kind="markdown",
        date=parse_date(meta.date) if meta.date else None,
        author=plain(meta.author or ""),
        tags=tuple(dict.fromkeys(plain(t) for t in tags if plain(t))),
        summary=plain(meta.description or ""),
        image=meta.image or "",
        source_url=meta.url or url,
    )


def _without_heading(markdown: str, title: str) -> str:
    """Drop a leading heading that repeats the headline: the page shows the headline already."""
    match = _LEADING_HEADING.match(markdown)
    if match and plain(match.group(1)).casefold() == title.casefold():
        return markdown[match.end() :]
    return markdown
