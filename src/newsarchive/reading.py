"""Read every article once per change, keeping article bodies on disk instead of in memory.

Articles are read shard by shard (`cache.SHARDS` files, by source path). A shard's parsed
articles are saved the moment its last file is read, and then kept in memory without their
bodies (paragraphs, Markdown HTML): the catalogue and the list pages need only the rest, and the
bodies are most of an archive's size. An article page gets its body back from the saved shard
through `Bodies`, which holds one shard at a time. A shard that cannot be saved keeps its
bodies in memory, so a read-only cache costs memory, never output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .entity_words import gazetteer
from .errors import BuildError, Problem
from .loader import read_article
from .models import Article, Entry, SourceFile
from .progress import Progress

POOL_THRESHOLD = 200  # below this many files a process pool costs more than it saves
Key = tuple[str, str]  # (source path, content hash): how the parse cache knows an article


@dataclass(slots=True)
class Bodies:
    """Gives back the bodies `read_all` took out of articles, from the parse cache on disk."""

    store: Path = field(default_factory=Path)  # only read when something was stripped
    code: str = ""
    stripped: set[str] = field(default_factory=set)  # sources whose body is only on disk
    _shard: int = -1
    _loaded: dict[str, Article] = field(default_factory=dict)

    def full(self, article: Article) -> Article:
        """Return the article with its body put back (the rest is the catalogue's, with its
        local date), reading its parse-cache shard if need be."""
        if article.source not in self.stripped:
            return article
        shard = cache.shard_of(article.source)
        if shard != self._shard:
            self._loaded = {}  # first let the last shard go
            parsed = cache.load_shard(self.store, shard, self.code)
            self._loaded = {rel: a for (rel, _), (a, _) in parsed.items() if a is not None}
            self._shard = shard
        saved = self._loaded.get(article.source)
        if saved is None or saved.digest != article.digest:
            raise BuildError(
                f"the build cache {self.store} changed during the build (no saved text for "
                f"{article.source}); run the build again"
            )
        return dataclasses.replace(article, paragraphs=saved.paragraphs, body_html=saved.body_html)

    def in_reading_order(self, entries: Iterable[Entry]) -> list[Entry]:
        """Return entries ordered so that their bodies are read one shard after another."""
        return sorted(entries, key=lambda e: (self._shard_of(e.article.source), e.id))

    def _shard_of(self, source: str) -> int:
        return cache.shard_of(source) if source in self.stripped else -1


@dataclass(slots=True)
class Read:
    """What reading gave: articles (bodies on disk where saved), problems, and the bodies."""

    articles: list[Article]
    problems: list[Problem]
    bodies: Bodies


def read_all(
    files: Sequence[SourceFile],
    digests: dict[str, str],
    store: Path,
    jobs: int,
    progress: Progress,
) -> Read:
    """Read every file the last build did not parse (in `jobs` processes when there are many),
    saving each shard of the parse cache as soon as it is complete."""
    code = cache.code_key()
    bodies = Bodies(store, code)
    results: dict[str, cache.Parsed] = {}
    shards = _sharded(files)
    pending: dict[int, dict[Key, cache.Parsed]] = {}  # whole shards waiting to be saved
    waiting: dict[int, int] = {}  # files still to read, by shard
    todo: list[SourceFile] = []
    for shard, members in enumerate(shards):
        known = cache.load_shard(store, shard, code)
        wanted = {(f.rel, digests[f.rel]) for f in members if digests[f.rel]}
        missing = [f for f in members if (f.rel, digests[f.rel]) not in known]
        kept = [key for key in wanted if key in known]
        results.update({rel: known[rel, digest] for rel, digest in kept})
        if missing or len(kept) != len(known):
            pending[shard] = {key: known[key] for key in kept}
            waiting[shard] = len(missing)
            todo.extend(missing)
        _strip(results, kept, bodies)  # their text is in the shard file now, and stays there
    for shard in [s for s, count in waiting.items() if count == 0]:  # files only deleted
        _save(store, code, shard, pending.pop(shard), results, bodies)
    progress.begin("Reading articles", len(todo))
    for done, (source, result) in enumerate(_parse(todo, jobs), start=1):
        results[source.rel] = result
        shard = cache.shard_of(source.rel)
        if digests[source.rel]:
            pending[shard][(source.rel, digests[source.rel])] = result
        waiting[shard] -= 1
        if waiting[shard] == 0:
            _save(store, code, shard, pending.pop(shard), results, bodies)
        progress.advance(done)
    progress.end()
    articles: list[Article] = []
    problems: list[Problem] = []
    for source in files:
        article, found = results[source.rel]
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return Read(articles, problems, bodies)


def _sharded(files: Sequence[SourceFile]) -> list[list[SourceFile]]:
    """Return the files of each parse-cache shard, in source order."""
    shards: list[list[SourceFile]] = [[] for _ in range(cache.SHARDS)]
    for source in files:
        shards[cache.shard_of(source.rel)].append(source)
    return shards


def _parse(todo: Sequence[SourceFile], jobs: int) -> Iterator[tuple[SourceFile, cache.Parsed]]:
    """Yield each file with what reading it gave, in order, from a pool when there are many."""
    workers = 1 if len(todo) < POOL_THRESHOLD else jobs
    if workers > 1:
        gazetteer()  # loaded once here and shared by the workers, not once in each (11 MB)
    with ProcessPoolExecutor(max_workers=workers) if workers > 1 else nullcontext() as pool:
        reading = pool.map(read_article, todo, chunksize=64) if pool else map(read_article, todo)
        yield from zip(todo, reading, strict=True)


def _save(
    store: Path,
    code: str,
    shard: int,
    parsed: dict[Key, cache.Parsed],
    results: dict[str, cache.Parsed],
    bodies: Bodies,
) -> None:
    """Save a complete shard; then its new articles' bodies can leave memory too (if it cannot
    be saved, the old file still holds the ones already stripped, and the new keep theirs)."""
    if cache.save_shard(store, shard, code, parsed):
        _strip(results, parsed, bodies)


def _strip(results: dict[str, cache.Parsed], saved: Iterable[Key], bodies: Bodies) -> None:
    """Drop the bodies of articles saved in a shard, noting that they are on disk."""
    for rel, _ in saved:
        article, problems = results[rel]
        if article is not None and (article.paragraphs or article.body_html):
            results[rel] = (dataclasses.replace(article, paragraphs=(), body_html=""), problems)
            bodies.stripped.add(rel)
