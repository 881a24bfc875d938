"""Articles' words as numbers: their related-article term counts and their search words.

The catalogue (related articles) and the file:// search index each need every article's words.
Turning 20,000 articles' words into numbers took 0.9 s of every build, a Python step a word;
`Words.of` now does it once per parse-cache shard when the shard is saved (a sixteenth of that
after an edit), and the shards' tables are joined with a few array operations:

* `vocabulary`: every word once, its id its position;
* for each article (a row, found by source path), two runs of ids in CSR form: its related-terms
  counts (`similarity.pack_counts`, in pack order, which `similarity` relies on) and its search
  words with their field bits (`search_terms.article_fields`, in field-group order).

Ids only name words: `similarity` gives the same scores whatever the numbering, and the search
index sorts its terms by text.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count, repeat
from typing import Any

import msgspec
import numpy as np
import numpy.typing as npt

from .search_terms import field_groups
from .similarity import count_groups

Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Runs:
    """One run of word ids and values per row: row r's are ids[start[r]:start[r + 1]]."""

    start: Ints
    ids: Int32s
    values: npt.NDArray[Any]  # int32 counts of related terms, uint8 field bits of search words


@dataclass(frozen=True, slots=True)
class Words:
    """Some articles' words as ids into one vocabulary; see the module's docstring."""

    vocabulary: list[str]
    sources: list[str]  # row r is the article with source path sources[r]
    related: Runs
    search: Runs

    @classmethod
    def of(cls, articles: Iterable[tuple[str, str, str]]) -> Words:
        """Number the words of (source, packed term counts, encoded search words) triples."""
        vocabulary: defaultdict[str, int] = defaultdict(count().__next__)
        sources: list[str] = []
        related = _Builder("i")
        search = _Builder("B")
        for source, packed, encoded in articles:
            sources.append(source)
            for number, terms in count_groups(packed):
                related.add(map(vocabulary.__getitem__, terms), number, len(terms))
            for bits, terms in field_groups(encoded):
                search.add(map(vocabulary.__getitem__, terms), bits, len(terms))
            related.end_row()
            search.end_row()
        return cls(list(vocabulary), sources, related.runs(), search.runs())

    @classmethod
    def joined(cls, tables: Sequence[Words]) -> Words:
        """Return the words of several tables as one, with one vocabulary."""
        if len(tables) == 1:
            return tables[0]
        vocabulary: defaultdict[str, int] = defaultdict(count().__next__)
        renumbered = [
            np.fromiter(map(vocabulary.__getitem__, t.vocabulary), np.int32, len(t.vocabulary))
            for t in tables
        ]
        return cls(
            list(vocabulary),
            [source for table in tables for source in table.sources],
            _joined([t.related for t in tables], renumbered),
            _joined([t.search for t in tables], renumbered),
        )

    @classmethod
    def updated(cls, old: Words, keep: Sequence[str], new: Iterable[tuple[str, str, str]]) -> Words:
        """Return the rows of `old` for the sources in `keep`, and rows numbered afresh for
        `new` triples (as `of` takes them), in one vocabulary of only the words they use: a
        parse-cache file saved again after an edit numbers its one changed article, not all."""
        rows = old.rows(keep)
        kept = cls(old.vocabulary, list(keep), gather(old.related, rows), gather(old.search, rows))
        return cls.joined([kept, cls.of(new)])._used_only()

    def _used_only(self) -> Words:
        """Return the table without the words no row uses, renumbered in the same order."""
        used = np.zeros(len(self.vocabulary), dtype=bool)
        used[self.related.ids] = used[self.search.ids] = True
        if used.all():
            return self
        number = (np.cumsum(used) - 1).astype(np.int32)
        listed = zip(self.vocabulary, used.tolist(), strict=True)
        vocabulary = [word for word, kept in listed if kept]
        related, search = (
            Runs(runs.start, number[runs.ids], runs.values) for runs in (self.related, self.search)
        )
        return Words(vocabulary, self.sources, related, search)

    def rows(self, sources: Sequence[str]) -> Ints:
        """Return the row of each source; a source without one is a bug, named in the error."""
        row = {source: number for number, source in enumerate(self.sources)}
        try:
            return np.fromiter(map(row.__getitem__, sources), np.int64, len(sources))
        except KeyError as error:
            raise ValueError(f"no words for {error.args[0]}; please report this") from None

    def dumps(self) -> bytes:
        """Return the table as bytes for the parse cache."""
        related, search = self.related, self.search
        arrays = (
            related.start,
            related.ids,
            related.values,
            search.start,
            search.ids,
            search.values,
        )
        return msgspec.msgpack.encode(
            ("\n".join(self.vocabulary), self.sources, *(a.tobytes() for a in arrays))
        )

    @classmethod
    def loads(cls, data: memoryview | bytes) -> Words:
        """Return a table from `dumps` bytes; raise ValueError if they are not one."""
        try:
            text, sources, *arrays = _TABLE.decode(data)
            related, search = (
                Runs(*(np.frombuffer(a, kind) for a, kind in zip(parts, kinds, strict=True)))
                for parts, kinds in ((arrays[:3], _RELATED), (arrays[3:], _SEARCH))
            )
        except Exception as error:  # damaged in a way the checksum could not see
            raise ValueError(f"not a words table ({error})") from None
        vocabulary = text.split("\n") if text else []
        for runs in (related, search):
            if len(runs.start) != len(sources) + 1 or len(runs.ids) != len(runs.values):
                raise ValueError("not a words table (its runs do not match its rows)")
            if len(runs.ids) and int(runs.ids.max()) >= len(vocabulary):
                raise ValueError("not a words table (an id is past its vocabulary)")
        return cls(vocabulary, list(sources), related, search)


_TABLE = msgspec.msgpack.Decoder(tuple[str, list[str], bytes, bytes, bytes, bytes, bytes, bytes])
_RELATED = (np.int64, np.int32, np.int32)  # start, ids, values
_SEARCH = (np.int64, np.int32, np.uint8)


def gather(runs: Runs, rows: Ints) -> Runs:
    """Return the runs of some rows, in that order, end to end."""
    lengths = runs.start[rows + 1] - runs.start[rows]
    start = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=start[1:])
    # Position i of the result is i + (where its row begins in runs) - (where it begins here).
    shift = runs.start[rows] - start[:-1]
    positions = np.arange(start[-1], dtype=np.int64) + np.repeat(shift, lengths)
    return Runs(start, runs.ids[positions], runs.values[positions])


class _Builder:
    """Collects runs of (id, value) a row at a time; values of an array typecode."""

    def __init__(self, typecode: str) -> None:
        self.start = array("q", [0])
        self.ids = array("i")
        self.values = array(typecode)

    def add(self, ids: Iterable[int], value: int, times: int) -> None:
        """Add ids to the row being made, each with the same value."""
        self.ids.extend(ids)
        self.values.extend(repeat(value, times))

    def end_row(self) -> None:
        """End the row being made."""
        self.start.append(len(self.ids))

    def runs(self) -> Runs:
        """Return what was collected."""
        kind = np.uint8 if self.values.typecode == "B" else np.int32
        return Runs(
            np.frombuffer(self.start, np.int64),
            np.frombuffer(self.ids, np.int32),
            np.frombuffer(self.values, kind),
        )


def _joined(parts: Sequence[Runs], renumbered: Sequence[Int32s]) -> Runs:
    """Return runs of several tables end to end, their ids made the joined vocabulary's."""
    starts, offset = [np.zeros(1, dtype=np.int64)], 0
    for part in parts:
        starts.append(part.start[1:] + offset)
        offset += int(part.start[-1])
    return Runs(
        np.concatenate(starts),
        np.concatenate([ids[p.ids] for p, ids in zip(parts, renumbered, strict=True)]),
        np.concatenate([p.values for p in parts]),
    )
