"""Content similarity across an archive: related articles (near-duplicates are in minhash.py,
same-story clusters in clusters.py).

Per article (pure, picklable, the same in every process, so a process pool can run them):

* ``terms(text)``: casefolded, accent-folded words of two letters or more, without stop-words,
  wire credits or digits; interned, so repeats share one object and pickles stay small (a caller
  gathering many docs should ``sys.intern`` them again, as the benchmark does).
* ``fold(text)``: casefolded, accents removed, non-ASCII punctuation made spaces.

Across N docs (M = ``TOP_TERMS``, cap = ``max_df(N)`` = ceil(2 * sqrt(N))):

* ``related_with_scores`` / ``related``: TF-IDF cosine, weight (1 + ln tf) * (1 + ln((1 + N) /
  (1 + df'))), df' the doc frequency rounded down to a DF_STEP step, ignoring terms in more
  than cap docs (little signal, long postings). A doc keeps its M heaviest terms found in two
  docs or more, over the norm of all its terms under the cap; dot products are summed only
  through postings of kept terms. Time O(N * M * cap) = O(M * N**1.5) at worst, far less in
  practice (a posting lists only docs that kept its term); memory O(N * M).
Results are ordered by value, then doc index, never by set or hash order: every run and process
gives the same answer.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import count, filterfalse, repeat
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from .neighbour_table import NeighbourTable

TOP_TERMS = 24
"""How many of its heaviest terms a doc keeps for ``related`` (M)."""

DF_CAP_FACTOR = 2.0
"""``related`` ignores terms found in more than ``ceil(DF_CAP_FACTOR * sqrt(N))`` docs."""

DF_STEP = (6, 5)
"""A term's idf is read from its doc frequency rounded down to a step of a scale of ratio 6/5
(1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, ...): a story edited moves few terms to another step, so
few docs' weights and neighbours change, and ``related_cache`` scores only those again."""

SAME_STORY_THRESHOLD = 0.25
"""The lowest cosine at which two docs may be one story (``stories.story_links`` asks more of
most pairs): the link ``clusters`` follow by default."""

Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

_STOP_WORD_LIST = """
    about above after again against all almost along already also although am among an and
    another any anyone anything are around as at be became because become been before being
    below between both but by can cannot could did do does doing done down during each either
    else enough even ever every few for from further get gets got had has have having he her
    here hers herself him himself his how however if in into is it its itself just last least
    less like made make many may me might more most much must my myself near neither never next
    no nor not now of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps put rather same say said says she should since so some
    still such than that the their theirs them themselves then there these they this those
    though through thus to told too toward under until up upon us very via was we well were what
    whatever when where whether which while who whoever whom whose why will with within without
    would yet you your yours yourself yourselves zero two three four five six seven eight nine
    ten first second third don doesn didn isn wasn aren weren hasn haven hadn won wouldn couldn
    shouldn ll ve re st nd rd th mr mrs ms dr de del la las le les los el du des da do dos di
    der den und et afp ap reuters upi efe dpa str getty xinhua
"""
_STOP_WORDS = frozenset(_STOP_WORD_LIST.split()).union("abcdefghijklmnopqrstuvwxyz")
"""English function and number words, contraction and ordinal fragments, name particles of other
languages, wire-service credits and single letters: words that say nothing about a story."""

_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_WORD = re.compile(r"[^\W\d_]+")
_UNDECOMPOSABLE = dict(
    zip("øđłħıðþæœ", ("o", "d", "l", "h", "i", "d", "th", "ae", "oe"), strict=True)
)
_FOLDABLE = re.compile(
    "[\u0080-\u00bf\u00d7\u00f7\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u2000-\u206f\u20d0-\u20ff"
    "\u3000-\u303f\ufe20-\ufe2f" + "".join(_UNDECOMPOSABLE) + "]"
)
_CHUNK_DOCS = 1024


@dataclass(frozen=True, slots=True)
class Index:
    """Each doc's kept terms and weights (CSR by doc) and the same entries by term (postings);
    and each term's idf (0 past `max_df`), which weighs a doc or a query (`related_briefs`)."""

    doc_start: Ints
    doc_terms: Int32s
    doc_weights: Floats
    term_start: Ints
    term_docs: Int32s
    term_weights: Floats
    idf: Floats


def terms(text: str) -> tuple[str, ...]:
    """Return a text's content terms: lowercased, accents folded, stop-words and numbers dropped."""
    folded = fold(text)
    if folded.isascii():
        words = folded.encode("ascii").translate(_LETTERS).decode("ascii").split()
    else:
        words = _WORD.findall(folded)
    return tuple(map(sys.intern, filterfalse(_STOP_WORDS.__contains__, words)))


def pack_counts(words: Sequence[str]) -> str:
    """Return terms as one compact string: a tab-separated group per count, fewest first, each
    its count and then its terms in first-seen order ("1 said police\t3 guzman"). Terms never
    hold a space or a tab. Grouped, the reader numbers a group's terms in one step
    (``words.Words.of``)."""
    groups: dict[int, list[str]] = defaultdict(list)
    for term, n in Counter(words).items():
        groups[n].append(term)
    return "\t".join(f"{n} {' '.join(groups[n])}" for n in sorted(groups))


def unpack_counts(packed: str) -> dict[str, int]:
    """Return the term counts of a ``pack_counts`` string, fewest first."""
    counts: dict[str, int] = {}
    for n, words in count_groups(packed):
        counts.update(dict.fromkeys(words, n))
    return counts


def count_groups(packed: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (count, terms) for each group of a ``pack_counts`` string."""
    for group in packed.split("\t") if packed else ():
        n, _, words = group.partition(" ")
        yield int(n), words.split(" ")


def fold(text: str) -> str:
    """Return text casefolded, accents removed and non-ASCII punctuation made spaces."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _FOLDABLE.sub(_fold_character, unicodedata.normalize("NFKD", lowered))


def _fold_character(match: re.Match[str]) -> str:
    """Return the stand-in for a decomposed character: nothing for an accent, else a space."""
    character = match.group()
    if unicodedata.category(character) == "Mn":
        return ""
    return _UNDECOMPOSABLE.get(character, " ")


def max_df(n_docs: int) -> int:
    """Return the document frequency above which ``related`` ignores a term."""
    return max(2, math.ceil(DF_CAP_FACTOR * math.sqrt(n_docs)))


def related(docs: Sequence[Collection[str]], k: int) -> list[tuple[int, ...]]:
    """Return, for each doc, up to k other doc indices most similar by TF-IDF cosine, best first."""
    return [tuple(neighbour.doc for neighbour in row) for row in related_with_scores(docs, k)]


def related_with_scores(docs: Sequence[Collection[str]], k: int) -> NeighbourTable:
    """Return, for each doc, up to k other docs of positive cosine, best first, ties by index.

    A doc is its terms with repeats, a mapping of term to count (as ``unpack_counts`` gives), or
    a ``pack_counts`` string.
    """
    return related_from_counts(*_term_counts(docs), k)


KnownRows = Callable[[Ints, Int32s, Floats, Ints, Int32s], dict[int, tuple[list[int], list[float]]]]
"""Given every doc's kept entries, by doc (start, terms, weights) and by term (start, docs),
return the rows known to be what scoring would give (``related_cache.RelatedCache.recall``)."""


def related_from_counts(
    start: Ints, term_ids: Int32s, tf: Int32s, k: int, recall: KnownRows | None = None
) -> NeighbourTable:
    """Return ``related_with_scores`` of docs given as CSR arrays: doc d's distinct terms are
    term_ids[start[d]:start[d + 1]] (any numbering), in ``pack_counts`` order, counted in tf;
    the rows `recall` knows are not scored again."""
    return related_from_index(index_of(start, term_ids, tf), k, recall)


def related_from_index(index: Index, k: int, recall: KnownRows | None = None) -> NeighbourTable:
    """Return ``related_from_counts`` of the docs an index was made of (`index_of`)."""
    if k < 0:
        raise ValueError(f"k must be 0 or more, not {k}")
    docs = len(index.doc_start) - 1
    if k == 0:
        return NeighbourTable.of([()] * docs)
    totals, marks = np.zeros(docs), np.zeros(docs, dtype=np.int32)
    linked = (index.doc_start[1:] > index.doc_start[:-1]).tolist()  # kept a term
    known = {} if recall is None else recall(*_by_doc_and_term(index))
    sizes = [0] * docs
    others: list[Sequence[int] | Int32s] = []
    scores: list[Sequence[float] | Floats] = []
    row_docs: Sequence[int] | Int32s
    row_scores: Sequence[float] | Floats
    for doc in range(docs):
        if linked[doc] and doc not in known:
            row_docs, row_scores = _neighbours(index, doc, k, totals, marks)
        elif doc in known and known[doc][0]:
            row_docs, row_scores = known[doc]
        else:
            continue
        sizes[doc] = len(row_docs)
        others.append(row_docs)
        scores.append(row_scores)
    table_start = np.zeros(docs + 1, np.int64)
    np.cumsum(sizes, out=table_start[1:])
    if not others:
        return NeighbourTable(table_start, np.zeros(0, np.int64), np.zeros(0))
    return NeighbourTable(
        table_start, np.concatenate(others, dtype=np.int64), np.concatenate(scores, dtype=float)
    )


def _by_doc_and_term(index: Index) -> tuple[Ints, Int32s, Floats, Ints, Int32s]:
    """Return the kept entries by doc (start, terms, weights) and by term (start, docs)."""
    return index.doc_start, index.doc_terms, index.doc_weights, index.term_start, index.term_docs


def index_of(start: Ints, term_ids: Int32s, tf: Int32s) -> Index:
    """Return the kept TF-IDF entries of every doc given as CSR arrays, by doc and by term."""
    doc_of, kept_ids, weights, idf = _kept_entries(start, term_ids, tf)
    by_term = np.argsort(kept_ids, kind="stable")
    return Index(
        doc_start=_starts(doc_of, len(start) - 1),
        doc_terms=kept_ids,
        doc_weights=weights,
        term_start=_starts(kept_ids[by_term], len(idf)),
        term_docs=doc_of[by_term],
        term_weights=weights[by_term],
        idf=idf,
    )


def _kept_entries(
    start: Ints, term_ids: Int32s, tf: Int32s
) -> tuple[Int32s, Int32s, Floats, Floats]:
    """Return (doc, term id, weight) of the kept entries by doc, heaviest first; and each term's
    idf."""
    docs = len(start) - 1
    df = np.bincount(term_ids)
    idf = 1.0 + np.log((1.0 + docs) / (1.0 + stepped(df)))
    idf[df > max_df(docs)] = 0.0
    columns = [(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float64))]
    for first in range(0, docs, _CHUNK_DOCS):  # in chunks, to bound the temporary arrays
        last = min(first + _CHUNK_DOCS, docs)
        columns.append(_kept(start[first : last + 1], term_ids, tf, idf, df >= 2, first))
    doc_of, kept_terms, weights = (np.concatenate(column) for column in zip(*columns, strict=True))
    return doc_of, kept_terms, weights, idf


def stepped(df: Ints) -> Ints:
    """Return doc frequencies rounded down to a DF_STEP step (steps made in whole numbers, so
    that every machine rounds alike)."""
    up, down = DF_STEP
    steps = [0, 1]
    while steps[-1] < int(df.max(initial=0)):
        steps.append(max(steps[-1] + 1, (steps[-1] * up + down - 1) // down))
    edges = np.array(steps, np.int64)
    return edges[np.searchsorted(edges, df, side="right") - 1]


def _term_counts(docs: Sequence[Collection[str]]) -> tuple[Ints, Int32s, Int32s]:
    """Return CSR arrays (doc start, term id, count) of each doc's distinct terms."""
    vocabulary: defaultdict[str, int] = defaultdict(count().__next__)
    start, term_ids, counts = array("q", [0]), array("i"), array("i")
    for doc in docs:
        if isinstance(doc, str):  # packed: a few groups, each many terms of one count
            for n, words in count_groups(doc):
                term_ids.extend(map(vocabulary.__getitem__, words))
                counts.extend(repeat(n, len(words)))
        else:  # counted, or words: in packed order, so that every kind sums the same way
            tally = doc if isinstance(doc, Mapping) else Counter(doc)
            for term, n in sorted(tally.items(), key=itemgetter(1)):
                term_ids.append(vocabulary[term])
                counts.append(n)
        start.append(len(term_ids))
    as_int32 = np.dtype(np.int32)
    return np.array(start), np.frombuffer(term_ids, as_int32), np.frombuffer(counts, as_int32)


def _kept(
    start: Ints, term_ids: Int32s, tf: Int32s, idf: Floats, linkable: Bools, first_doc: int
) -> tuple[Int32s, Int32s, Floats]:
    """Return (doc, term, weight) of the kept entries of the docs whose CSR starts are given."""
    lo, hi = start[0], start[-1]
    local_doc = np.repeat(np.arange(len(start) - 1, dtype=np.int32), np.diff(start))
    ids = term_ids[lo:hi]
    weights = (1.0 + np.log(tf[lo:hi])) * idf[ids]
    norms = np.sqrt(np.bincount(local_doc, weights=weights * weights, minlength=len(start) - 1))
    weights /= np.where(norms > 0.0, norms, 1.0)[local_doc]
    kept = _heaviest(local_doc, weights, (weights > 0.0) & linkable[ids])
    return local_doc[kept] + np.int32(first_doc), ids[kept], weights[kept]


def _heaviest(doc_of: Int32s, weights: Floats, eligible: Bools) -> Ints:
    """Return the positions of each doc's TOP_TERMS heaviest eligible entries, heaviest first."""
    candidates = np.flatnonzero(eligible)
    # Weights are in (0, 1], so this key sorts by doc, then heaviest first, then first seen.
    key = doc_of[candidates] + 0.5 * (1.0 - weights[candidates])
    order = candidates[np.argsort(key, kind="stable")]
    docs = doc_of[order]
    rank = np.arange(len(order)) - np.searchsorted(docs, docs)
    return order[rank < TOP_TERMS]


def _starts(sorted_keys: Int32s, size: int) -> Ints:
    """Return CSR start offsets (size + 1 of them) for keys already in ascending order."""
    return np.concatenate(([0], np.cumsum(np.bincount(sorted_keys, minlength=size))))


def _neighbours(
    index: Index, doc: int, k: int, totals: Floats, marks: Int32s
) -> tuple[Int32s, Floats]:
    """Return the doc's k best other docs and their scores, highest first, ties to the lower
    index."""
    others, scores = _dot_products(index, doc, totals, marks)
    if len(others) > k:
        keep = scores >= np.partition(scores, len(scores) - k)[len(scores) - k]
        others, scores = others[keep], scores[keep]
    best = np.lexsort((others, -scores))[:k]
    return others[best], scores[best]


def _dot_products(index: Index, doc: int, totals: Floats, marks: Int32s) -> tuple[Int32s, Floats]:
    """Return the other docs sharing a kept term with doc, and their dot products with it.

    totals, one cell per doc, must be all zeros and is left so; marks is scratch of the same size.
    """
    lo, hi = index.doc_start[doc], index.doc_start[doc + 1]
    kept = index.doc_terms[lo:hi]
    lengths = index.term_start[kept + 1] - index.term_start[kept]
    # The postings of the doc's terms end to end: position i of the run is
    # i + (start of its posting) - (where that posting begins in the run).
    starts = index.term_start[kept] - np.cumsum(lengths) + lengths
    positions = np.arange(lengths.sum()) + np.repeat(starts, lengths)
    others = index.term_docs[positions]
    products = np.repeat(index.doc_weights[lo:hi], lengths) * index.term_weights[positions]
    np.add.at(totals, others, products)
    order = np.arange(len(others), dtype=np.int32)
    marks[others] = order
    marks[doc] = -1  # not the doc itself
    others = others[marks[others] == order]  # each other doc once: where its last mark stuck
    scores = totals[others]
    totals[others] = totals[doc] = 0.0
    return others, scores
