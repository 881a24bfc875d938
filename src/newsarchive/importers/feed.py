"""Import the items of an RSS or Atom feed (feedparser); links are recorded, never fetched."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .common import (
    BodyKind,
    Item,
    Note,
    Skip,
    SourceError,
    clean_html,
    clean_text,
    has_text,
    need,
    plain,
)


def read(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield an item for every entry of the feed file at path."""
    feedparser = need("feedparser", "reading RSS/Atom feeds")
    # Always bytes: feedparser fetches a string that looks like a URL, and nothing may be fetched.
    data = path.read_bytes()
    parsed = feedparser.parse(data)
    declared = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")
    problem = _problem(parsed.get("bozo_exception"), declared) if parsed.get("bozo") else ""
    if problem and not parsed.entries:
        raise SourceError(
            f"is not a readable feed ({problem}); check that it is the complete RSS or Atom file"
        )
    if problem:
        read = len(parsed.entries)
        yield Note(name, f"is not well-formed XML ({problem}); {read} item(s) were still read")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _item(entry, f"{name} item {number}", name, number)


def _problem(error: object, declared: bool) -> str:
    """Return feedparser's complaint about the XML with its position as a line and column."""
    match = re.match(r"<unknown>:(\d+):(\d+): (.*)", str(error), re.DOTALL)
    if match is None:
        return str(error)
    line, column, message = match.groups()
    # feedparser puts an XML declaration line in front of a feed that has none
    return f"line {int(line) - (0 if declared else 1)}, column {column}: {message}"


def _item(entry: Any, where: str, name: str, number: int) -> Item | Skip:
    """Make an item from one feed entry, or say why it is skipped."""
    title = plain(entry.get("title", ""))
    if not title:
        return Skip(where, "has no title; give the entry a <title>")
    where = f'{where} "{title[:60]}"'
    body, kind = _body(entry)
    link = str(entry.get("link", ""))
    identity = str(entry.get("id", "")) or link or f"item-{number}"
    item = Item(
        where=where,
        imported_from=f"feed:{name}#{identity}",
        title=title,
        body=body,
        body_kind=kind,
        date=_date(entry),
        author=plain(entry.get("author", "")),
        tags=tuple(dict.fromkeys(plain(t.get("term", "")) for t in entry.get("tags", []))),
        summary=_summary(entry),
        image=_image(entry),
        credit=plain(entry.get("media_credit", {}).get("content", "")),
        source_url=link,
    )
    if not has_text(item):
        return Skip(where, "has no text (no content or description)")
    return item


def _body(entry: Any) -> tuple[str, BodyKind]:
    """Return the entry's fullest text and whether it is HTML: content, else the description."""
    contents = entry.get("content") or []
    source = contents[0] if contents else entry.get("summary_detail") or {}
    value = str(source.get("value", ""))
    if source.get("type", "text/html") == "text/plain":
        return clean_text(value), "text"
    return clean_html(value), "html"


def _summary(entry: Any) -> str:
    """Return the description as a summary when the full text came from content."""
    if not entry.get("content"):
        return ""
    return plain(entry.get("summary", ""))


def _date(entry: Any) -> dt.datetime | None:
    """Return when the entry was published (else updated), in UTC as feedparser gives it."""
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    year, month, day, hour, minute, second = moment[:6]
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


def _image(entry: Any) -> str:
    """Return the URL of the entry's picture: media content, thumbnail or image enclosure."""
    for media in entry.get("media_content", []):
        if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/"):
            return str(media.get("url", ""))
    for thumbnail in entry.get("media_thumbnail", []):
        return str(thumbnail.get("url", ""))
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return str(link.get("href", ""))
    return ""
