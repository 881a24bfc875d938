"""The one place that makes output paths and links.

Every output path is relative to the output folder and names a file ("x/index.html"), so a link
made by `relative()` works from `file://`, at a server's root and under any subpath.
"""

from __future__ import annotations

import datetime as dt
import posixpath

# First path segments that generated pages own; no article may be written under them.
RESERVED = frozenset(
    {
        "index.html",
        "404.html",
        "page",
        "sections",
        "tags",
        "people",
        "places",
        "organisations",
        "authors",
        "archive",
        "topics",
        "search",
        "static",
        "pagefind",
        "search-index",
        "feeds",
        "articles.json",
        "sitemap.xml",
        "robots.txt",
        "feed.xml",
        "media",
    }
)
TERM_FOLDERS = {
    "section": "sections",
    "tag": "tags",
    "person": "people",
    "place": "places",
    "organisation": "organisations",
    "author": "authors",
}

HOME = "index.html"
NOT_FOUND = "404.html"
ARCHIVE = "archive/index.html"
SEARCH = "search/index.html"
SEARCH_SCRIPT = "static/search.js"
SEARCH_INDEX = "search-index/manifest.js"  # the file:// fallback index (classic scripts)
PAGEFIND = "pagefind/pagefind.js"  # Pagefind's bundle, used over http(s)
TOPICS = "topics/index.html"
FEED = "feed.xml"
STYLESHEET = "static/style.css"
ICONS = ("static/favicon.svg", "static/favicon.png", "static/favicon.ico")  # the first a theme has
MEDIA = "media/"  # image files of the articles folder, copied (`media_path`)


def article_path(pattern: str, slug: str, section: str, date: dt.datetime | None) -> str:
    """Return the output path of an article from the permalink pattern."""
    values = {
        "slug": slug,
        "section": section,
        "year": f"{date.year:04d}" if date else "undated",
        "month": f"{date.month:02d}" if date else "00",
        "day": f"{date.day:02d}" if date else "00",
    }
    path = pattern.format(**values) + "index.html"
    if path.split("/", 1)[0] in RESERVED:
        path = "articles/" + path
    return path


def term_path(kind: str, key: str) -> str:
    """Return the first page of a section, tag or entity; `key` may hold "/" for subsections."""
    return f"{TERM_FOLDERS[kind]}/{key}/index.html"


def term_index_path(kind: str) -> str:
    """Return the page that lists every term of one kind."""
    return f"{TERM_FOLDERS[kind]}/index.html"


def year_path(year: int) -> str:
    """Return the archive page of a year."""
    return f"archive/{year:04d}/index.html"


def month_path(year: int, month: int) -> str:
    """Return the archive page of a month."""
    return f"archive/{year:04d}/{month:02d}/index.html"


def day_path(year: int, month: int, day: int) -> str:
    """Return the archive page of a day."""
    return f"archive/{year:04d}/{month:02d}/{day:02d}/index.html"


def letter_path(kind: str, letter: str) -> str:
    """Return the A–Z page of one letter ("a".."z", or "other") of a kind's terms; term keys
    never clash with it (a term's own pages are only `page/N/` below its folder)."""
    return f"{TERM_FOLDERS[kind]}/letters/{letter}/index.html"


def media_path(rel: str) -> str:
    """Return where an image file of the articles folder is copied: its path there, under
    media/ (it keeps its address while it stays where it is)."""
    return f"{MEDIA}{rel}"


def thumb_path(rel: str) -> str:
    """Return the list thumbnail of an image file (no article folder starts with "_": they are
    skipped, so this never meets a copied file)."""
    return f"{MEDIA}_thumbs/{rel}"


def section_feed_path(key: str) -> str:
    """Return the Atom feed of a section."""
    return f"feeds/{key}.xml"


def page_path(first: str, number: int) -> str:
    """Return the path of page `number` of a paginated list whose first page is `first`."""
    if number <= 1:
        return first
    folder = posixpath.dirname(first)
    return posixpath.join(folder, "page", str(number), "index.html")


def relative(from_path: str, to_path: str) -> str:
    """Return a link from the page at from_path to the file at to_path (both site paths)."""
    return "../" * from_path.count("/") + to_path


def absolute(base_url: str, path: str) -> str:
    """Return the public URL of a path on a site served at base_url ("" when unknown)."""
    if not base_url:
        return ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path
