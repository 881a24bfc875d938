"""Atom feeds (RFC 4287) for the site and for each section."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from xml.sax.saxutils import escape, quoteattr

from . import urls
from .config import SiteConfig
from .models import Entry, Output, Site
from .render import iso_date


def feed_outputs(config: SiteConfig, site: Site) -> Iterator[Output]:
    """Yield the site feed and one feed per section; feeds hold dated articles only."""
    dated = dated_entries(site)
    if dated:
        yield Output(urls.FEED, atom(config, config.title, urls.FEED, urls.HOME, dated))
    for section in site.sections:
        members = [e for i in section.members if in_feed(e := site.entries[i])]
        if members:
            path = urls.section_feed_path(section.key)
            title = f"{section.name} — {config.title}"
            yield Output(path, atom(config, title, path, section.path, members))


def in_feed(entry: Entry) -> bool:
    """Tell whether an entry belongs in feeds: dated, and not a duplicate."""
    return entry.article.date is not None and entry.duplicate_of is None


def dated_entries(site: Site) -> list[Entry]:
    """Return the entries a feed may hold, newest first."""
    return [e for e in site.entries if in_feed(e)]


def feed_sections(site: Site) -> frozenset[str]:
    """Return the keys of the sections that get a feed."""
    return frozenset(
        s.key for s in site.sections if any(in_feed(site.entries[i]) for i in s.members)
    )


def atom(config: SiteConfig, title: str, path: str, page: str, entries: Sequence[Entry]) -> bytes:
    """Render an Atom feed of the newest entries; links are absolute when base_url is set."""
    latest = list(entries[: config.feed_size])
    updated = iso_date(latest[0].article.date, config.timezone)
    self_href = quoteattr(_href(config, path, path))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}>',
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(config.description)}</subtitle>",
        f"  <id>{escape(_id(config, path))}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={self_href}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(_href(config, path, page))}/>',
        "  <generator>newsarchive</generator>",
    ]
    for entry in latest:
        lines.extend(_entry(config, path, entry))
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry(config: SiteConfig, feed_path: str, entry: Entry) -> list[str]:
    """Return the XML lines of one Atom entry."""
    article = entry.article
    when = iso_date(article.date, config.timezone)
    lines = [
        "  <entry>",
        f"    <title>{escape(article.title)}</title>",
        f"    <id>{escape(_id(config, entry.path))}</id>",
        f'    <link rel="alternate" type="text/html" '
        f"href={quoteattr(_href(config, feed_path, entry.path))}/>",
        f"    <published>{when}</published>",
        f"    <updated>{when}</updated>",
        f"    <author><name>{escape(article.byline or article.source_name or config.title)}"
        "</name></author>",
    ]
    if article.summary:  # a brief, a headline only, has none: no empty element
        lines.append(f'    <summary type="text">{escape(article.summary)}</summary>')
    if entry.section is not None:
        lines.append(f"    <category term={quoteattr(entry.section.name)}/>")
    lines.extend(f"    <category term={quoteattr(t.name)}/>" for t in entry.tags)
    lines.append("  </entry>")
    return lines


def _href(config: SiteConfig, feed_path: str, target: str) -> str:
    """Return a link for a feed: absolute with base_url, else relative to the feed file."""
    return urls.absolute(config.base_url, target) or urls.relative(feed_path, target)


def _id(config: SiteConfig, path: str) -> str:
    """Return a stable Atom id: the public URL, or a tag URI when base_url is not set."""
    return urls.absolute(config.base_url, path) or f"urn:newsarchive:{path}"
