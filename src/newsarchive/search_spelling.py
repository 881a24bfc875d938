"""Search: the words the archive spells, so that search.js tells a misspelt word from a real one.

Pagefind and the fallback index each guess at a word no article holds, differently: Pagefind
shortens it until something matches ("chancelor" found "chances", "stadum" found "Staley"),
the fallback left it out. Both engines now take a query that search.js has spelled against
the archive's own words: a word no article spells is replaced by the nearest one that some
article does, or left out, and the reader is told which (`static/search.js`, `respell`).

The words are listed in `wNNN.js` files of the fallback index, a contiguous range of the
sorted words each (at most WORD_SHARD_BYTES), every word with the number of articles that spell
it: `["word word ...", [docs, docs, ...]]`. The manifest lists each file's first word.
Words with a digit are left out (search.js never respells them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .search import Postings

WORD_SHARD_BYTES = 8_000
"""Most bytes of words and counts in one word file (a misspelt word loads its first letter's)."""


class Spelled:
    """The words the archive spells and how many articles spell each, gathered from the
    index's postings as they pass (`noting`)."""

    def __init__(self) -> None:
        self._words: list[tuple[str, int]] = []  # in the index's order

    def noting(self, runs: Iterable[Postings]) -> Iterator[Postings]:
        """Yield `runs` unchanged, noting each spelled word without a digit."""
        for postings in runs:
            for term, docs in zip(postings.terms, postings.spelled, strict=True):
                if docs and not any(c.isdigit() for c in term):
                    self._words.append((term, docs))
            yield postings

    def shards(self) -> Iterator[tuple[str, list[int]]]:
        """Yield the words in order as (space-separated words, their article counts), at most
        WORD_SHARD_BYTES each."""
        words: list[str] = []
        counts: list[int] = []
        size = 0
        for word, docs in self._words:
            extra = len(word.encode()) + len(str(docs)) + 2
            if words and size + extra > WORD_SHARD_BYTES:
                yield " ".join(words), counts
                words, counts, size = [], [], 0
            words.append(word)
            counts.append(docs)
            size += extra
        if words:
            yield " ".join(words), counts
