"""Which of an article's neighbours its page lists as related (`similarity` scores them).

A neighbour is listed when it shares at least LEAST_SHARED distinctive words with the article
(words in two articles or more and under `similarity.max_df`: the words its score is made of),
and, where either story is short, when its cosine reaches RELATED_FLOOR. On Reuters a quarter
of the top-five neighbours shared one such word only, and of 30 judged by hand 24 were
unrelated ("FEDERATED FINANCIAL SETS REGULAR DIV" beside "FEDERATED DEPARTMENT RAISES QTLY
DIVIDEND", 0.574: two firms of one name); of 25 sharing two words, 21 were related (Du Pont,
Enzo Biochem, Caterpillar: a firm's name and its ticker). `benchmarks/judged/related_reuters.md`.
Whole lists judged blind since (seed 2060, `benchmarks/judged/related_lists_reuters_seed2060.md`)
found two shared words too few: of 52 listed stories sharing exactly two, 14 were what a reader
of the article wants, 21 only of its broad topic (another firm's results) and 17 unrelated
("completes", "machine"); sharing three, half were wanted and a fifth unrelated. A story now
shares three (a brief, whose headline is all it has, two: `related_briefs`).
A place is not such a word: the words of the places either story names (as published: "Hong
Kong", "Sri Lanka", "Peking" for Beijing) and demonyms ("Portuguese") do not count. A review
judged 38 of 95 listed Reuters neighbours unrelated, most sharing a place only ("SANWA BANK
ACQUIRES SMALL STAKE IN PORTUGUESE BANK" beside four Portuguese price and jobs reports); the
place page lists such stories already. Same-story clusters still see every neighbour.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from . import similarity
from .entity_names import demonym_forms, is_demonym
from .neighbour_table import NeighbourTable
from .related_briefs import Asked, joined
from .words import Runs, gather, ids_of

RELATED_FLOOR = 0.12
"""The least cosine of a listed neighbour where either story is short: of 25 judged Reuters
neighbours below it, 18 share only a word ("PROSPECT GROUP HAS 14.3 PCT OF BRINKMANN" and
"TREASURY'S BAKER SEES EXPANSION"), each with a story under RELATED_LONG words; two long
stories share many words at a low cosine, and 89 long stories had no related list left under a
floor for all (benchmarks/judged/related_floor_reuters.md)."""
RELATED_LONG = 150
"""Words from which a story is long enough to need no floor."""
LEAST_SHARED = 3
"""Distinctive words a listed neighbour shares with the article at least."""
HEADLINE_SHARED = 2
"""Distinctive words a listed story shares with a brief's headline at least."""
_BATCH = 64
"""Docs whose shared words are counted together (one bit each of a 64-bit mask)."""


def listed(
    neighbours: NeighbourTable,
    counts: Runs,
    sizes: Sequence[int],
    copies: tuple[dict[int, int], Sequence[str]],
    count: int,
    places: Places | None = None,
    briefs: Asked | None = None,
    stories: Sequence[int] | None = None,
) -> list[tuple[int, ...]]:
    """Return every doc's related list: at most `count` of its neighbours, best first, that
    pass the floor and share LEAST_SHARED distinctive words with it, no place's, each text and
    each headline once (wire copy repeats a story under its headline: a list showing one
    headline twice reads as a fault), none of its own story (`stories`: a story id per doc; its
    page lists those apart) and none under its own headline or a headline of its story.

    `counts` are the docs' related terms as `similarity.related_from_counts` read them, `sizes`
    their word counts, `copies` each exact copy's original and each doc's folded headline,
    `places` the words of the places each doc names (`Places.of`; None: no doc names one),
    `briefs` the briefs' headlines asked of the docs (`related_briefs`), a brief's neighbours
    and terms then."""
    table = NeighbourTable.of(neighbours)
    df = np.bincount(counts.ids)  # the docs', not a brief's
    if briefs is not None:
        table, counts = joined(table, counts, briefs)
    docs = len(table)
    pair_doc = np.repeat(np.arange(docs), np.diff(table.start))
    length = np.asarray(sizes)
    floored = (table.scores >= RELATED_FLOOR) | (
        np.minimum(length[pair_doc], length[table.docs]) >= RELATED_LONG
    )
    own = _countable(counts, df, places or _NO_PLACES)
    needed = np.full(docs, LEAST_SHARED)
    if briefs is not None:
        needed[briefs.docs] = HEADLINE_SHARED
    kept = floored & (_shared(table, pair_doc, floored, own) >= needed[pair_doc])
    others, ok, bounds = table.docs.tolist(), kept.tolist(), table.start.tolist()
    headlines = copies[1]
    story = stories or range(docs)
    told = _story_headlines(story, headlines)
    lists: list[tuple[int, ...]] = []
    for doc, (lo, hi) in enumerate(pairwise(bounds)):
        found = distinct(doc, [others[i] for i in range(lo, hi) if ok[i]], copies)
        shown = told.get(story[doc]) or {headlines[doc]}
        row = [o for o in found if story[o] != story[doc] and headlines[o] not in shown]
        lists.append(tuple(row[:count]))
    return lists


def _story_headlines(stories: Sequence[int], headlines: Sequence[str]) -> dict[int, set[str]]:
    """Return the headlines of each story of more than one doc, by story id."""
    sizes = Counter(stories)
    told: dict[int, set[str]] = defaultdict(set)
    for doc, story in enumerate(stories):
        if sizes[story] > 1:
            told[story].add(headlines[doc])
    return told


@dataclass(frozen=True, slots=True)
class Places:
    """The words of the places each doc names, as (doc, term id) pairs sorted in one array of
    keys doc * vocabulary + term; and the ids of the vocabulary's demonyms, which every doc's
    places count in."""

    keys: similarity.Ints
    size: int  # the vocabulary's
    demonyms: similarity.Ints

    @classmethod
    def of(
        cls,
        named: Iterable[tuple[Iterable[str], Iterable[int]]],
        vocabulary: Sequence[str],
        duplicates: dict[int, int],
    ) -> Places:
        """Return the words of each place's names (`similarity.terms`) for each doc naming
        it, given as (names, docs) pairs; an exact copy (`duplicates`, copy to original)
        names what its original names."""
        copies: dict[int, list[int]] = {}
        for copy, original in duplicates.items():
            copies.setdefault(original, []).append(copy)
        places = [
            ({term for name in names for term in similarity.terms(name)}, docs)
            for names, docs in named
        ]
        forms = demonym_forms()
        ids = ids_of(vocabulary, forms.union(*(words for words, _ in places)))
        size = len(vocabulary)
        keys = [np.zeros(0, np.int64)]  # arrays, not an int apiece: 900,000 pairs at x5
        for words, docs in places:
            terms = np.array([ids[word] for word in words if word in ids], np.int64)
            docs = [*docs, *(copy for doc in docs for copy in copies.get(doc, ()))]
            keys.append((np.array(docs, np.int64)[:, None] * size + terms).ravel())
        demonyms = [i for word, i in ids.items() if word in forms and is_demonym(word)]
        return cls(np.unique(np.concatenate(keys)), size, np.array(demonyms, np.int64))


_NO_PLACES = Places(np.zeros(0, np.int64), 1, np.zeros(0, np.int64))


def _countable(counts: Runs, df: similarity.Ints, places: Places) -> Runs:
    """Return `counts` whose values say (1) which of each doc's terms count as words it shares:
    distinctive (in two docs or more by `df`, at most `similarity.max_df`), no demonym, no word
    of a place it names."""
    size = max(len(df), int(counts.ids.max(initial=-1)) + 1)
    df = np.concatenate([df, np.zeros(size - len(df), df.dtype)])
    distinctive = (df >= 2) & (df <= similarity.max_df(len(counts.start) - 1))
    distinctive[places.demonyms[places.demonyms < size]] = False
    counted = distinctive[counts.ids]
    if len(places.keys):  # the entries of words some place is written with, then their docs'
        placey = np.zeros(places.size, dtype=bool)
        placey[places.keys % places.size] = True
        maybe = np.flatnonzero(counted & placey[counts.ids])
        keys = (np.searchsorted(counts.start, maybe, side="right") - 1) * places.size
        keys += counts.ids[maybe]
        at = np.minimum(np.searchsorted(places.keys, keys), len(places.keys) - 1)
        counted[maybe[places.keys[at] == keys]] = False
    return Runs(counts.start, counts.ids, counted)


def _shared(
    table: NeighbourTable,
    pair_doc: similarity.Ints,
    wanted: similarity.Bools,
    own: Runs,
) -> similarity.Ints:
    """Return, for each wanted neighbour of the table, how many terms that count (`own`, see
    `_countable`) its doc and it share (0 for the others). Docs are taken _BATCH at a time, each
    a bit of one mask over the vocabulary: a few array steps a batch instead of a dozen a doc."""
    mask = np.zeros(int(own.ids.max(initial=-1)) + 1, dtype=np.uint64)  # bit i: doc first + i
    shared = np.zeros(len(table.docs), dtype=np.int64)
    for first in range(0, len(table), _BATCH):
        last = min(first + _BATCH, len(table))
        terms, owner = _runs(own, np.arange(first, last))
        bits = np.left_shift(np.uint64(1), owner.astype(np.uint64))
        np.bitwise_or.at(mask, terms, bits)
        pairs = np.flatnonzero(wanted[table.start[first] : table.start[last]]) + table.start[first]
        held, run = _runs(own, table.docs[pairs])
        bit = np.left_shift(np.uint64(1), (pair_doc[pairs] - first).astype(np.uint64))
        hit = (mask[held] & bit[run]) != 0
        shared[pairs] = np.bincount(run[hit], minlength=len(pairs))
        mask[terms] = 0
    return shared


def _runs(own: Runs, rows: similarity.Ints) -> tuple[similarity.Int32s, similarity.Ints]:
    """Return the counted term ids of some rows end to end (`words.gather`), and the number
    (0, 1, ...) of the row of each."""
    got = gather(own, rows)
    row = np.repeat(np.arange(len(rows)), np.diff(got.start))
    return got.ids[got.values], row[got.values]


def distinct(
    doc: int, others: Iterable[int], copies: tuple[dict[int, int], Sequence[str]]
) -> tuple[int, ...]:
    """Return `others` without `doc` and with each text and each headline once: an exact copy
    of `doc` or of an article already listed is left out, and so is an article under a
    headline already listed (`copies`: each exact copy's original, each doc's folded headline;
    wire copy re-sends a story under its headline, and a list showing one headline twice reads
    as a fault)."""
    duplicates, headlines = copies
    seen = {duplicates.get(doc, doc)}
    heads = set()
    kept = []
    for other in others:
        original = duplicates.get(other, other)
        if original not in seen and headlines[other] not in heads:
            seen.add(original)
            heads.add(headlines[other])
            kept.append(other)
    return tuple(kept)
