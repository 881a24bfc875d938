"""Related lists for briefs: a story filed as a headline only ("MERRILL LYNCH FIRST QTR SHR ONE
DLR VS 85 CTS") has no text to compare, so it has no terms of its own and no neighbours
(`similarity`), while a reader of such a page needs a link to the full story most.

Its headline is asked of the index of every other story's terms, as a query weighed as a story
would be (`similarity.Index.idf`): it finds stories, and no story finds it (a brief is in no
posting), so no list holds a brief and no story's neighbours, clusters or kept rows move.
`related_lists.listed` then treats a brief's answers as its neighbours and its headline's
terms as its terms; those filed within FLASH_DAYS of the brief come first, best first, then the
others: a brief is most often the flash of a story the wire filed in full that day
("WELLS FARGO AND CO 3RD QTR SHR 2.77 DLRS VS 1.35 DLRS" lists "WELLS FARGO AND CO <WFC> 3RD
QTR NET" before the first quarter's). Briefs are asked again each build: 1,806 headlines on
Reuters-21578.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import similarity
from .neighbour_table import NeighbourTable
from .words import Runs, gather, ids_of

FLASH_DAYS = 1
"""Days from a brief within which its answers come first (the full story of a flash)."""


@dataclass(frozen=True, slots=True)
class Asked:
    """Some briefs (doc indices, ascending), each its headline's terms as ids with their counts
    and its best other docs, best first, with their scores."""

    docs: list[int]
    terms: list[tuple[list[int], list[int]]]
    rows: list[tuple[similarity.Ints, similarity.Floats]]


def ask(
    index: similarity.Index,
    headlines: Iterable[tuple[int, str]],
    vocabulary: Sequence[str],
    k: int,
    days: Sequence[float | None] = (),
) -> Asked:
    """Return the k best docs of the index for each brief's headline, given as (doc, headline)
    pairs, those within FLASH_DAYS of the brief first (`days`: each doc's day number, if
    dated); a word no doc of the vocabulary holds counts in its weight and finds nothing."""
    briefs = sorted(headlines)
    counted = [Counter(similarity.terms(headline)) for _, headline in briefs]
    ids = ids_of(vocabulary, {word for terms in counted for word in terms})
    docs = len(index.doc_start) - 1
    unknown = 1.0 + np.log((1.0 + docs) / 2.0)  # a word of the brief alone: df 1
    terms: list[tuple[list[int], list[int]]] = []
    rows = []
    for tally in counted:
        known = [(ids[word], n) for word, n in tally.items() if word in ids]
        idf = np.array([index.idf[i] if i < len(index.idf) else unknown for i, _ in known])
        weights = (1.0 + np.log([float(n) for _, n in known])) * idf if known else idf
        missing = [1.0 + np.log(n) for word, n in tally.items() if word not in ids]
        norm = np.sqrt(np.sum(weights * weights) + unknown * unknown * np.sum(np.square(missing)))
        terms.append(([i for i, _ in known], [n for _, n in known]))
        rows.append(_best(index, [i for i, _ in known], weights / (norm or 1.0), k))
    if days:
        flashes = zip(briefs, rows, strict=True)
        rows = [_flash_first(row, days, days[doc]) for (doc, _), row in flashes]
    return Asked([doc for doc, _ in briefs], terms, rows)


def _flash_first(
    row: tuple[similarity.Ints, similarity.Floats], days: Sequence[float | None], day: float | None
) -> tuple[similarity.Ints, similarity.Floats]:
    """Return a brief's answers with those filed within FLASH_DAYS of it first, each part in
    its order."""
    docs, scores = row
    if day is None:
        return row
    near = [(other := days[doc]) is not None and abs(other - day) <= FLASH_DAYS for doc in docs]
    order = np.argsort(~np.array(near, bool), kind="stable")
    return docs[order], scores[order]


def _best(
    index: similarity.Index, term_ids: list[int], weights: similarity.Floats, k: int
) -> tuple[similarity.Ints, similarity.Floats]:
    """Return the k docs whose kept entries give the highest dot product with a query's
    weighted terms, best first, ties to the lower index."""
    ids = np.array(term_ids, np.int64)
    inside = ids + 1 < len(index.term_start)  # a word past the index's: in no posting
    postings = gather(Runs(index.term_start, index.term_docs, index.term_weights), ids[inside])
    if not len(postings.ids):
        return np.zeros(0, np.int64), np.zeros(0)
    products = np.repeat(weights[inside], np.diff(postings.start)) * postings.values
    docs, at = np.unique(postings.ids.astype(np.int64), return_inverse=True)
    scores = np.bincount(at, weights=products, minlength=len(docs))
    best = np.lexsort((docs, -scores))[:k]
    return docs[best], scores[best].astype(np.float64)


def joined(table: NeighbourTable, counts: Runs, asked: Asked) -> tuple[NeighbourTable, Runs]:
    """Return the table and the docs' term counts with each asked brief's row and terms in
    its place (a brief has none of its own: the reader gives it no terms)."""
    docs = np.array(asked.docs, np.int64)
    start, others, scores = _inserted((table.start, table.docs, table.scores), docs, asked.rows)
    term_start, ids, values = _inserted(
        (counts.start, counts.ids, counts.values), docs, asked.terms
    )
    return NeighbourTable(start, others, scores), Runs(term_start, ids, values)


def _inserted(
    csr: tuple[similarity.Ints, np.ndarray, np.ndarray],
    docs: similarity.Ints,
    rows: Sequence[tuple[Sequence[int] | np.ndarray, Sequence[float] | np.ndarray]],
) -> tuple[similarity.Ints, np.ndarray, np.ndarray]:
    """Return CSR arrays (start, ids, values) with `rows` (ids and values each) as the empty
    rows of `docs`."""
    start, ids, values = csr
    if len(docs) and np.any(start[docs + 1] != start[docs]):
        raise ValueError("a brief with a row of its own")
    lengths = np.array([len(row_ids) for row_ids, _ in rows], np.int64)
    at = np.repeat(start[docs], lengths)
    new_ids = np.concatenate([np.zeros(0, ids.dtype), *(np.asarray(i) for i, _ in rows)])
    new_values = np.concatenate([np.zeros(0, values.dtype), *(np.asarray(v) for _, v in rows)])
    added = np.zeros(len(start), np.int64)
    added[docs + 1] = lengths
    return (
        start + np.cumsum(added),
        np.insert(ids, at, new_ids.astype(ids.dtype)),
        np.insert(values, at, new_values.astype(values.dtype)),
    )
