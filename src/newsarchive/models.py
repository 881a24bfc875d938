"""The records that flow through the pipeline: what a file said, and what the catalog derived.

The records made by the ten thousand (files, articles, entries, terms, pages) are msgspec
Structs: immutable like a frozen dataclass, but several times faster to make and to load from
a pickle, and never tracked by the cycle collector (`gc=False`: they hold no cycles).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    from .permalinks import Record


class SourceFile(Struct, frozen=True, gc=False):
    """An input file found under the articles folder."""

    path: str  # where it is, as os functions take it (a Path apiece is costly by the ten thousand)
    rel: str  # path relative to the articles folder, "/"-separated
    folder: tuple[str, ...]  # folder names between the articles root and the file

    @classmethod
    def at(cls, path: str | os.PathLike[str], rel: str) -> SourceFile:
        """Return the file at `path`, shown as `rel` (its folders are those of `rel`)."""
        return cls(os.fspath(path), rel, tuple(rel.split("/")[:-1]))


class Article(Struct, frozen=True, gc=False):
    """What one source file says, before anything is derived across articles."""

    source: str
    kind: str  # "text" (raw text, always escaped) or "markdown" (sanitised HTML body)
    title: str
    # Where the title came from: "text" (its first line), "front_matter", "markdown_heading", or
    # a stand-in when there is none: "first_sentence", "first_clause", "caption", "first_words".
    headline_source: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[int, ...] = ()  # indexes of paragraphs that are tables: rows kept as lines
    brief: bool = False  # no body, or only a placeholder ("Blah blah blah."): headline only
    body_html: str = ""  # sanitised HTML, markdown only
    caption: str = ""
    credit: str = ""
    dateline: str = ""
    byline: str = ""  # author as written in the text or front matter
    source_name: str = ""  # the outlet: front matter `source`, or the agency named in a dateline
    date: dt.datetime | None = None
    date_origin: str = ""  # "front matter", "filename", "dateline", "" when undated
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    slug: str = ""  # front matter's (sanitised), else "": the catalogue gives a permanent one
    summary: str = ""
    word_count: int = 0
    digest: str = ""  # hash of the normalised text, for exact-duplicate detection
    entities: tuple[tuple[str, str], ...] = ()  # (kind, surface name) candidates
    terms: str = ""  # content term counts for related coverage (similarity.pack_counts)
    fingerprint: bytes = b""  # MinHash signature for near-duplicates, one byte a bin
    search_terms: str = ""  # own words for the file:// search index (search_terms.article_fields)
    image: str = ""  # front matter's picture: its path in the articles folder, or an http(s) URL
    image_refs: tuple[tuple[str, int], ...] = ()  # (path in the articles folder, line) of every
    # local image it names (front matter, Markdown), checked against the files found


# Headlines made from the text's opening, which a standfirst would only repeat.
LEDE_HEADLINES = frozenset({"first_sentence", "first_clause", "first_words"})


class Picture(Struct, frozen=True, gc=False):
    """An image an article shows: a file copied to the site, or a remote URL linked as given."""

    source: str  # path in the articles folder, or the http(s) URL
    href: str = ""  # output path, URL-quoted ("media/world/photo.jpg"); "" when remote
    width: int = 0  # pixels, 0 when unknown (no Pillow, or remote)
    height: int = 0
    thumb: str = ""  # the list thumbnail's output path, URL-quoted; "" when there is none
    thumb_width: int = 0
    thumb_height: int = 0
    digest: str = ""  # content hash: a page that shows it changes key when the file does

    @property
    def remote(self) -> bool:
        """Tell whether the picture is linked from elsewhere, not copied."""
        return not self.href


class ImageFile(Struct, frozen=True, gc=False):
    """An image file of the articles folder, copied to the output (and made smaller for lists)."""

    rel: str  # path in the articles folder
    path: str  # where it is, as os functions take it
    digest: str
    thumb: str = ""  # output path of its thumbnail (not quoted), "" when none is made
    thumb_size: tuple[int, int] = (0, 0)


class Term(Struct, frozen=True, gc=False):
    """A taxonomy value with a page: a section, tag or entity."""

    kind: str  # "section", "tag", "person", "place", "organisation", "author"
    key: str  # folded identity, also the slug
    name: str
    path: str  # output path of its first page
    members: tuple[int, ...]  # entry ids, in home order
    also: tuple[str, ...] = ()  # other names the text writes an entity with: "Peking"


class Entry(Struct, frozen=True, gc=False):
    """An article as placed in the site: its article plus what the catalog derived."""

    id: int  # position in home order
    article: Article
    slug: str
    path: str  # output path, e.g. "articles/some-slug/index.html"
    section: Term | None
    tags: tuple[Term, ...] = ()
    entities: tuple[Term, ...] = ()
    authors: tuple[Term, ...] = ()  # author pages of the people in its byline (`authors`)
    unconfirmed: tuple[str, ...] = ()  # names found without evidence enough for a page
    prev: int | None = None  # newer neighbour in home order
    next: int | None = None  # older neighbour in home order
    related: tuple[int, ...] = ()  # related entries outside its story cluster
    story: tuple[int, ...] = ()  # other entries in the same story cluster
    duplicate_of: int | None = None
    copies: tuple[int, ...] = ()  # later exact duplicates of this entry
    near_duplicate_of: int | None = None
    picture: Picture | None = None  # the lead picture: front matter's, or a file named as it
    pictures: tuple[Picture, ...] = ()  # the images its Markdown shows, found

    @property
    def card_picture(self) -> Picture | None:
        """Return the picture that stands for the article in lists and previews."""
        return self.picture or (self.pictures[0] if self.pictures else None)


class Month(Struct, frozen=True, gc=False):
    """A month of the date archive."""

    year: int
    month: int
    path: str
    members: tuple[int, ...]


class Year(Struct, frozen=True, gc=False):
    """A year of the date archive."""

    year: int
    path: str
    months: tuple[Month, ...]
    count: int


@dataclass(frozen=True, slots=True)
class Site:
    """Everything known about the site once all articles are read and catalogued."""

    entries: tuple[Entry, ...]
    sections: tuple[Term, ...]
    tags: tuple[Term, ...]
    entities: tuple[Term, ...]
    years: tuple[Year, ...]
    authors: tuple[Term, ...] = field(default=())  # one a person named in bylines
    notes: tuple[str, ...] = field(default=())  # catalog findings for the summary
    ids: tuple[int, ...] = field(default=())  # each entry's permanent id (`permalinks`)
    redirects: tuple[tuple[str, str], ...] = field(default=())  # (old path, new path)
    book: Mapping[str, Record] = field(default_factory=dict)  # the record to save, then dropped
    images: tuple[ImageFile, ...] = field(default=())  # copied to the output (`images`)


KEEP = b"\x00newsarchive: keep the previous build's file\x00"  # never valid page bytes


class Output(Struct, frozen=True, gc=False):
    """One file to write into the output folder."""

    path: str  # relative to the output folder, "/"-separated
    data: bytes
