"""Articles' words as numbers: their related-article term counts and their search words.

The catalogue (related articles) and the file:// search index each need every article's words.
Turning 20,000 articles' words into numbers is a Python step a word; it is done once, when an
article is read (`Numbering.arrays`), and kept in the build store with the article, as ids into
one vocabulary that only grows (the store's `words` table). A build joins its articles' arrays
with a few array operations (`Words.from_arrays`):

* `vocabulary`: every word once, its id its position (words no article uses any more included);
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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import count, repeat
from typing import Any

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


Arrays = tuple[bytes, bytes, bytes, bytes]
"""One article's words as the store keeps them: related-term ids and counts (int32), search-word
ids (int32) and field bits (uint8)."""


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
        numbering = Numbering([])
        sources: list[str] = []
        arrays: list[Arrays] = []
        for source, packed, encoded in articles:
            sources.append(source)
            arrays.append(numbering.arrays(packed, encoded))
        return cls.from_arrays(numbering.vocabulary(), sources, arrays)

    @classmethod
    def from_arrays(
        cls, vocabulary: list[str], sources: list[str], arrays: Sequence[Arrays]
    ) -> Words:
        """Return the table of articles' arrays (one a source, ids into `vocabulary`); raise
        ValueError if they are not such arrays (a damaged or forged store)."""
        parts = [[a[i] for a in arrays] for i in range(4)]
        sizes = [np.fromiter(map(len, part), np.int64, len(arrays)) for part in parts]
        if not (np.array_equal(sizes[0], sizes[1]) and np.array_equal(sizes[2], 4 * sizes[3])):
            raise ValueError("words whose ids and values do not pair up")
        if any(int(size.sum()) % 4 for size in sizes[:3]):
            raise ValueError("words that are not whole numbers")
        ids, counts, search_ids, fields = (b"".join(part) for part in parts)
        related = _runs(sizes[1] // 4, ids, counts, np.int32)
        search = _runs(sizes[3], search_ids, fields, np.uint8)
        for runs in (related, search):
            if len(runs.ids) and not 0 <= int(runs.ids.min()) <= int(runs.ids.max()) < len(
                vocabulary
            ):
                raise ValueError("words past the vocabulary")
        return cls(vocabulary, sources, related, search)

    def rows(self, sources: Sequence[str]) -> Ints:
        """Return the row of each source; a source without one is a bug, named in the error."""
        row = {source: number for number, source in enumerate(self.sources)}
        try:
            return np.fromiter(map(row.__getitem__, sources), np.int64, len(sources))
        except KeyError as error:
            raise ValueError(f"no words for {error.args[0]}; please report this") from None


class Numbering:
    """A vocabulary that grows: a word not in it yet gets the next id."""

    def __init__(self, vocabulary: list[str]) -> None:
        self.ids: defaultdict[str, int] = defaultdict(
            count(len(vocabulary)).__next__, zip(vocabulary, count())
        )

    def vocabulary(self) -> list[str]:
        """Return every word by id."""
        return list(self.ids)  # a dict keeps the order its words were numbered in

    def arrays(self, packed: str, encoded: str) -> Arrays:
        """Number one article's words: its packed term counts and encoded search words."""
        related_ids, counts, search_ids, fields = array("i"), array("i"), array("i"), array("B")
        for number, terms in count_groups(packed):
            related_ids.extend(map(self.ids.__getitem__, terms))
            counts.extend(repeat(number, len(terms)))
        for bits, terms in field_groups(encoded):
            search_ids.extend(map(self.ids.__getitem__, terms))
            fields.extend(repeat(bits, len(terms)))
        return related_ids.tobytes(), counts.tobytes(), search_ids.tobytes(), fields.tobytes()


def _runs(lengths: Ints, ids: bytes, values: bytes, kind: type[np.generic]) -> Runs:
    """Return runs from rows' lengths and all their ids and values end to end."""
    start = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=start[1:])
    return Runs(start, np.frombuffer(ids, np.int32), np.frombuffer(values, kind))


def ids_of(vocabulary: Sequence[str], wanted: AbstractSet[str]) -> dict[str, int]:
    """Return the ids of those of some words that the vocabulary holds (one pass over it)."""
    return {word: i for i, word in enumerate(vocabulary) if word in wanted}


def gather(runs: Runs, rows: Ints) -> Runs:
    """Return the runs of some rows, in that order, end to end."""
    lengths = runs.start[rows + 1] - runs.start[rows]
    start = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=start[1:])
    # Position i of the result is i + (where its row begins in runs) - (where it begins here).
    shift = runs.start[rows] - start[:-1]
    positions = np.arange(start[-1], dtype=np.int64) + np.repeat(shift, lengths)
    return Runs(start, runs.ids[positions], runs.values[positions])
