"""Every doc's neighbours as `similarity` scores them: one `Neighbour` (a doc and its cosine),
and the `NeighbourTable` that holds every doc's as three arrays."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import overload

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
_CHUNK_DOCS = 1024
"""Rows read from the arrays at a time when the table is iterated."""


@dataclass(frozen=True, slots=True)
class Neighbour:
    """One related doc and its TF-IDF cosine to the doc it is listed under."""

    doc: int
    score: float


class NeighbourTable(Sequence[tuple[Neighbour, ...]]):
    """Every doc's neighbours, best first, as three arrays: doc d's are `docs[start[d]:start[d
    + 1]]`, their cosines the same slice of `scores`. A row is made of `Neighbour`s only when it
    is read, so the table holds no object a neighbour (ten a doc: a million at 100,000 docs)."""

    __slots__ = ("docs", "scores", "start")

    def __init__(self, start: Ints, docs: Ints, scores: Floats) -> None:
        self.start, self.docs, self.scores = start, docs, scores

    @classmethod
    def of(cls, rows: Sequence[Sequence[Neighbour]]) -> NeighbourTable:
        """Return the table of rows of `Neighbour`s (the rows themselves if a table)."""
        if isinstance(rows, NeighbourTable):
            return rows
        start = np.zeros(len(rows) + 1, np.int64)
        np.cumsum([len(row) for row in rows], out=start[1:])
        size = int(start[-1])
        docs = np.fromiter((n.doc for row in rows for n in row), np.int64, size)
        return cls(start, docs, np.fromiter((n.score for row in rows for n in row), float, size))

    def __len__(self) -> int:
        return len(self.start) - 1

    @overload
    def __getitem__(self, index: int) -> tuple[Neighbour, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[Neighbour, ...]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[Neighbour, ...] | list[tuple[Neighbour, ...]]:
        if isinstance(index, slice):
            return [self[doc] for doc in range(*index.indices(len(self)))]
        doc = index + len(self) if index < 0 else index
        if not 0 <= doc < len(self):
            raise IndexError(f"no doc {index} in a table of {len(self)}")
        low, high = int(self.start[doc]), int(self.start[doc + 1])
        return _row(self.docs[low:high].tolist(), self.scores[low:high].tolist())

    def __iter__(self) -> Iterator[tuple[Neighbour, ...]]:
        for first in range(0, len(self), _CHUNK_DOCS):  # a chunk's rows at a time
            start = self.start[first : first + _CHUNK_DOCS + 1]
            low = int(start[0])
            docs = self.docs[low : int(start[-1])].tolist()
            scores = self.scores[low : int(start[-1])].tolist()
            bounds = (start - low).tolist()
            for lo, hi in pairwise(bounds):
                yield _row(docs[lo:hi], scores[lo:hi])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return list(self) == [tuple(row) for row in other]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"NeighbourTable({list(self)!r})"


def _row(docs: list[int], scores: list[float]) -> tuple[Neighbour, ...]:
    """Return a row of the table as `Neighbour`s."""
    return tuple(map(Neighbour, docs, scores))
