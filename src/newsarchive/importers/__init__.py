"""`python build.py import SOURCE...`: write one article file per item of feeds, WordPress
exports, saved pages, web archives and data-set dumps; the normal build takes over from there.

Each reader is `read(path, name, mapping) -> Iterator[Item | Skip | Note]`; adding a kind of
source is a reader module, a line in READERS and a rule in sniff.py. Nothing is fetched."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import feed, tabular, warc, webpage, wordpress
from .common import Archive, Item, Note, Skip, SourceError
from .sniff import KINDS, kind_of

__all__ = ["run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Reader = Callable[[Path, str, Mapping[str, str]], Iterator[Item | Skip | Note]]
READERS: dict[str, Reader] = {
    "warc": warc.read,
    "wxr": wordpress.read,
    "feed": feed.read,
    "html": webpage.read,
    "jsonl": tabular.read_jsonl,
    "csv": tabular.read_csv,
}
UNKNOWN = (
    "is not a kind of source newsarchive imports "
    "(RSS/Atom, WordPress WXR, HTML, WARC, JSON Lines, CSV)"
)


@dataclass
class Tally:
    """What an import did, for the summary."""

    done: Counter[str] = field(default_factory=Counter)  # imported / updated / unchanged
    skipped: list[Skip] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def run(
    sources: list[Path],
    articles: Path,
    section: str,
    dry_run: bool,
    maps: list[str],
    out: TextIO,
    err: TextIO,
) -> int:
    """Import every source into the articles folder, print a summary; return the exit code."""
    try:
        mapping = tabular.parse_map(maps)
    except ValueError as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    if articles.exists() and not articles.is_dir():
        print(f"error: --articles {articles} is a file, not a folder", file=err)
        return EXIT_USAGE
    archive, tally = Archive(articles, section.strip(), dry_run), Tally()
    for source in sources:
        for path, name in _files(source, tally):
            _import_file(path, name, mapping, archive, tally, out)
    _summarise(tally, articles, dry_run, out)
    if tally.failed or not sum(tally.done.values()):
        return EXIT_FAILED
    return EXIT_OK


def _files(source: Path, tally: Tally) -> Iterator[tuple[Path, str]]:
    """Yield (file, name in messages) for a source file, or for each file in a source folder."""
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if path.is_file() and not any(p.startswith((".", "_")) for p in relative.parts):
                yield path, f"{source.name}/{relative.as_posix()}"
    elif source.is_file():
        yield source, source.name
    else:
        tally.failed.append(f"{source}: does not exist; check the path")


def _import_file(
    path: Path,
    name: str,
    mapping: Mapping[str, str],
    archive: Archive,
    tally: Tally,
    out: TextIO,
) -> None:
    """Import the items of one file; a broken file is reported and the others go on."""
    try:
        kind = kind_of(path)
        if kind is None:
            raise SourceError(UNKNOWN)
        print(f"Reading {name} ({KINDS[kind]})", file=out)
        for found in READERS[kind](path, name, mapping):
            _take(found, archive, tally)
    except SourceError as error:
        tally.failed.append(f"{name}: {error}")
    except OSError as error:
        tally.failed.append(f"{name}: could not be read ({error.strerror or error})")
    except Exception as error:  # a library's surprise in one file must not stop the others
        tally.failed.append(
            f"{name}: could not be read ({type(error).__name__}: {error}); "
            "please report this file to the newsarchive developers"
        )


def _take(found: Item | Skip | Note, archive: Archive, tally: Tally) -> None:
    """Store an item, or record a skip or a note."""
    if isinstance(found, Note):
        tally.notes.append(found)
        return
    if isinstance(found, Skip):
        tally.skipped.append(found)
        return
    earlier = archive.written_by(found)
    if earlier:
        tally.skipped.append(Skip(found.where, f"has the same source URL or id as {earlier}"))
        return
    try:
        status, _ = archive.store(found)
    except (SourceError, OSError) as error:
        tally.skipped.append(Skip(found.where, str(error)))
        return
    tally.done[status] += 1


def _summarise(tally: Tally, articles: Path, dry_run: bool, out: TextIO) -> None:
    """Print counts, then every skipped item with its reason, notes and failed sources."""
    done, verb = tally.done, "Would import" if dry_run else "Imported"
    print(
        f"{verb} {done['imported']} new, {done['updated']} updated, {done['unchanged']} unchanged "
        f"article(s) in {articles}/; {len(tally.skipped)} item(s) skipped"
        + (" (dry run: nothing was written)." if dry_run else "."),
        file=out,
    )
    listed = [f"{s.where}: {s.reason}" for s in tally.skipped if not s.counted]
    counted = Counter((s.where, s.reason) for s in tally.skipped if s.counted)
    listed += [f"{where}: {count} {reason}" for (where, reason), count in sorted(counted.items())]
    for heading, lines in (
        ("Skipped", listed),
        ("Notes", [f"{n.where}: {n.message}" for n in tally.notes]),
        ("Could not read", tally.failed),
    ):
        if lines:
            print(f"{heading}:", file=out)
            for line in lines:
                print(f"  {line}", file=out)
