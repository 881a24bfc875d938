"""Permanent article addresses: the first address an article is published at is recorded, and
kept for life.

The record (`permalinks.json` in the project's `.newsarchive/` folder, never in the output) maps
each source file to its slug, its address, a stable id and every address it had before. A
headline edit keeps the recorded slug; a new file whose slug is taken gets `-2`, never the
taken address; a changed address (a `slug:` edit, a new `permalink` pattern, a moved date or
section the pattern names) keeps the old one as a redirect. A file renamed with its text
unchanged keeps the address of the file that disappeared. See docs/urls.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring as _quoted  # json.dumps(text, ensure_ascii=False)
from pathlib import Path
from typing import Any

from . import records, urls

FILE = "permalinks.json"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Record:
    """Where one source file's article is published, and where it was before."""

    id: int  # stable: given once, in the order articles were first published
    slug: str
    path: str  # output path, e.g. "articles/storm-hits-coast/index.html"
    digest: str = ""  # of its text, to follow a renamed file
    old: tuple[str, ...] = ()  # earlier paths, each now a redirect to `path`


Book = dict[str, Record]
"""Every record, by source path (relative to the articles folder); gone files' stay reserved."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """What an article asks of its address: its own slug, or one made from its title."""

    source: str
    slug: str  # from front matter; "" to keep the recorded one or make one (`derive`)
    derive: Callable[[], str]
    section: str
    date: dt.datetime | None
    digest: str


def book_path(cache: Path) -> Path:
    """Return where the project's record of addresses is kept (`cache`: its `.newsarchive/`)."""
    return cache / FILE


def load(path: Path) -> Book:
    """Read the record of addresses; none yet is an empty one, a damaged one an error (a
    guessed record would move published pages)."""
    what, hint = "the record of published addresses", "deleting it lets addresses change"
    return records.read(path, VERSION, "articles", _book, what, hint) or {}


def _book(articles: dict[str, Any]) -> Book:
    """Return the records of the record's "articles" object."""
    return {
        source: Record(
            int(r["id"]),
            str(r["slug"]),
            _safe(str(r["path"])),
            str(r.get("digest", "")),
            tuple(_safe(str(p)) for p in r.get("old", ())),
        )
        for source, r in articles.items()
    }


def stamp(path: Path) -> str:
    """Return a digest of the record of addresses as it is on disk ("none" if there is none):
    it is an input, so a build whose record changed (restored, deleted) is not a no-op."""
    return records.stamp(path)


def _safe(path: str) -> str:
    """Return a recorded output path if it is one the build could have made, else raise."""
    parts = path.split("/")
    if not path.endswith("/index.html") or path.startswith("/") or {"", ".", ".."} & set(parts):
        raise ValueError(f"{path!r} is not an article's output path")
    return path


def save(path: Path, book: Mapping[str, Record]) -> None:
    """Write the record of addresses (sorted, one article a line) if it changed."""
    lines = [_quoted(source) + ": " + _record_json(book[source]) for source in sorted(book)]
    text = f'{{"version": {VERSION}, "articles": {{\n' + ",\n".join(lines) + "\n}}\n"
    records.write(path, text, "the record of published addresses")


def _record_json(record: Record) -> str:
    """Return one record as a JSON object, as `json.dumps(..., sort_keys=True)` writes it (made
    by hand: the record is saved on every build that changes one article)."""
    digest = f'"digest": {_quoted(record.digest)}, ' if record.digest else ""
    old = f'"old": [{", ".join(map(_quoted, record.old))}], ' if record.old else ""
    path, slug = _quoted(record.path), _quoted(record.slug)
    return f'{{{digest}"id": {int(record.id)}, {old}"path": {path}, "slug": {slug}}}'


def assign(pattern: str, wanted: Sequence[Wanted], book: Mapping[str, Record]) -> Book:
    """Return the new record: an address for each wanted article (given in source order) and
    the records of gone files, kept so that their addresses are never given to another."""
    present = {w.source for w in wanted}
    kept: Book = {s: r for s, r in book.items() if s not in present}
    owner = {path: source for source, r in book.items() for path in (r.path, *r.old)}
    renamed = _gone_by_digest(book, present)
    next_id = max((r.id for r in book.values()), default=0) + 1
    placed: Book = {}
    for want in wanted:
        before = book.get(want.source)
        if before is None and want.digest in renamed:
            gone = renamed.pop(want.digest)
            before = kept.pop(gone)
            owner.update((p, want.source) for p in (before.path, *before.old))
        if before is None:
            before_id, next_id = next_id, next_id + 1
        else:
            before_id = before.id
        base = want.slug or (before.slug if before else want.derive())
        slug, path = _free(pattern, base, want, owner)
        owner[path] = want.source
        old = () if before is None else (*before.old, before.path)
        placed[want.source] = Record(
            before_id, slug, path, want.digest, tuple(p for p in dict.fromkeys(old) if p != path)
        )
    return {**kept, **placed}


def _gone_by_digest(book: Mapping[str, Record], present: set[str]) -> dict[str, str]:
    """Map the text digest of each gone file to its source (the first by path)."""
    gone: dict[str, str] = {}
    for source in sorted(book):
        record = book[source]
        if source not in present and record.digest and record.digest not in gone:
            gone[record.digest] = source
    return gone


def _free(pattern: str, base: str, want: Wanted, owner: Mapping[str, str]) -> tuple[str, str]:
    """Return the first slug from `base` (then base-2, base-3) whose path no other article
    owns, and that path."""
    slug, number = base, 1
    while True:
        path = urls.article_path(pattern, slug, want.section, want.date)
        if owner.get(path, want.source) == want.source:
            return slug, path
        number += 1
        slug = f"{base}-{number}"


def redirects(book: Mapping[str, Record], published: set[str]) -> Iterator[tuple[str, str]]:
    """Yield (old path, current path) for every earlier address of a published article, in
    path order."""
    pairs = [(old, r.path) for s, r in book.items() if s in published for old in r.old]
    yield from sorted(pairs)
