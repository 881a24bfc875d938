"""Import the published posts of a WordPress export (WXR): text, categories, tags, authors,
dates and featured images. Pages, drafts, attachments and menu entries are counted, not imported."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .common import Item, Note, Skip, SourceError, clean_html, has_text, plain

# WordPress splits what it does not mark up into paragraphs at blank lines (wpautop), and
# wraps embeds and captions in shortcodes that mean nothing outside WordPress.
_SHORTCODE = re.compile(r"\[/?(?:caption|gallery|embed|video|audio|playlist)\b[^\]]*\]")
_EMPTY_DATE = "0000-00-00 00:00:00"
UNCATEGORISED = {"uncategorized", "uncategorised"}


@dataclass(frozen=True, slots=True)
class _Attachment:
    """A media item that a post may name as its featured image."""

    url: str
    caption: str


def read(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield an item for every published post of the export at path; count the rest."""
    channel = _channel(path)
    authors = _authors(channel)
    items = channel.findall("item")
    attachments = {
        _field(item, "wp:post_id"): _Attachment(
            _field(item, "wp:attachment_url") or _field(item, "guid"),
            plain(_field(item, "excerpt:encoded")),
        )
        for item in items
        if _field(item, "wp:post_type") == "attachment"
    }
    for number, element in enumerate(items, start=1):
        yield _post(element, f"{name} item {number}", name, authors, attachments)


def _channel(path: Path) -> ET.Element:
    """Parse the export and return its channel, or raise SourceError saying where it is broken."""
    try:
        root = ET.parse(path).getroot()  # expat expands no external entities and caps expansion
    except ET.ParseError as error:
        line, column = error.position
        raise SourceError(
            f"is not well-formed XML (line {line}, column {column}: {error}); "
            "export it again from WordPress (Tools > Export)"
        ) from None
    channel = root.find("channel")
    if channel is None:
        raise SourceError("has no <channel>; is it a WordPress export (WXR)?")
    return channel


def _post(
    element: ET.Element,
    where: str,
    name: str,
    authors: Mapping[str, str],
    attachments: Mapping[str, _Attachment],
) -> Item | Skip:
    """Make an item from one published post, or say why it is skipped."""
    kind = _field(element, "wp:post_type") or "post"
    status = _field(element, "wp:status") or "publish"
    if kind != "post":
        reason = "attachment(s), used only as featured images" if kind == "attachment" else ""
        return Skip(name, reason or f"{kind}(s), not posts; only posts are imported", counted=True)
    if status != "publish":
        return Skip(name, f"{status} post(s); only published posts are imported", counted=True)
    title = plain(_field(element, "title"))
    if not title:
        return Skip(where, "is a post with no title; give it one in WordPress")
    where = f'{where} "{title[:60]}"'
    categories = _terms(element, "category")
    featured = attachments.get(_meta(element, "_thumbnail_id"))
    creator = _field(element, "dc:creator")
    item = Item(
        where=where,
        imported_from=f"wordpress:{name}#post-{_field(element, 'wp:post_id') or where}",
        title=title,
        body=clean_html(_autop(_SHORTCODE.sub("", _field(element, "content:encoded")))),
        body_kind="html",
        date=_date(element),
        author=authors.get(creator, plain(creator)),
        section=next((c for c in categories if c.lower() not in UNCATEGORISED), ""),
        tags=tuple(dict.fromkeys(_terms(element, "post_tag"))),
        summary=plain(_field(element, "excerpt:encoded")),
        image=featured.url if featured else "",
        caption=featured.caption if featured else "",
        source_url=_field(element, "link"),
    )
    return item if has_text(item) else Skip(where, "is a post with no text")


_NAMESPACES = (
    ("wordpress.org/export/", "excerpt/", "excerpt"),
    ("wordpress.org/export/", "", "wp"),
    ("purl.org/rss/1.0/modules/content", "", "content"),
    ("purl.org/dc/elements/", "", "dc"),
)


def _prefixed(tag: str) -> str:
    """Return an element's name as "prefix:local" whatever WXR version's namespace it uses."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    for marker, ending, prefix in _NAMESPACES:
        if marker in uri and uri.rstrip("/").endswith(ending.rstrip("/")):
            return f"{prefix}:{local}"
    return local


def _field(element: ET.Element, name: str) -> str:
    """Return the text of a child element named "prefix:local", or ""."""
    for child in element:
        if _prefixed(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    """Return the child elements named "prefix:local"."""
    return [child for child in element if _prefixed(child.tag) == name]


def _authors(channel: ET.Element) -> dict[str, str]:
    """Return the export's authors: login name -> display name."""
    authors = {}
    for author in _children(channel, "wp:author"):
        login = _field(author, "wp:author_login")
        authors[login] = plain(_field(author, "wp:author_display_name")) or login
    return authors


def _terms(element: ET.Element, domain: str) -> list[str]:
    """Return the names of a post's categories or tags, in the export's order."""
    return [
        plain(child.text or "")
        for child in element.findall("category")
        if child.get("domain") == domain and (child.text or "").strip()
    ]


def _meta(element: ET.Element, key: str) -> str:
    """Return a post meta value by key, or ""."""
    for meta in _children(element, "wp:postmeta"):
        if _field(meta, "wp:meta_key") == key:
            return _field(meta, "wp:meta_value")
    return ""


def _date(element: ET.Element) -> dt.datetime | None:
    """Return the post's date: the UTC one, else the site-local one, else the RSS pubDate."""
    gmt = _field(element, "wp:post_date_gmt")
    if gmt and gmt != _EMPTY_DATE:
        try:
            return dt.datetime.fromisoformat(gmt).replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    local = _field(element, "wp:post_date")
    if local and local != _EMPTY_DATE:
        try:
            return dt.datetime.fromisoformat(local)
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(_field(element, "pubDate"))
    except (TypeError, ValueError):
        return None


def _autop(text: str) -> str:
    """Wrap the blank-line-separated text WordPress stores unmarked in paragraphs."""
    if "<p" in text.lower():
        return text
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "\n".join(f"<p>{block}</p>" for block in blocks)
