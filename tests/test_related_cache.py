"""Related rows recalled from the last build are exactly what scoring every doc again gives."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from newsarchive.neighbour_table import Neighbour
from newsarchive.related_cache import RelatedCache
from newsarchive.similarity import max_df, related_from_counts
from newsarchive.similarity import stepped as df_steps

K = 5
Doc = tuple[str, dict[int, int]]  # source, term id -> count


def corpus(seed: int, docs: int = 300, vocabulary: int = 500) -> list[Doc]:
    """Return docs of Zipf-like random terms (ids stable across builds, as the store keeps them)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(vocabulary)]
    made = []
    for number in range(docs):
        terms = rng.choices(range(vocabulary), weights, k=rng.randint(5, 40))
        made.append((f"a/{number:04d}.txt", {t: terms.count(t) for t in dict.fromkeys(terms)}))
    return made


def arrays(docs: list[Doc]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the docs as CSR arrays, terms in packed order (by count, then first seen)."""
    start, ids, counts = [0], [], []
    for _, terms in docs:
        for term, n in sorted(terms.items(), key=lambda item: item[1]):
            ids.append(term)
            counts.append(n)
        start.append(len(ids))
    return np.array(start), np.array(ids, np.int32), np.array(counts, np.int32)


def build(docs: list[Doc], last: bytes) -> tuple[list[tuple[Neighbour, ...]], bytes]:
    """Score the docs with the rows the last build left; return the rows and what to keep."""
    cache = RelatedCache(last)
    cache.prepare([source for source, _ in docs], K)
    rows = related_from_counts(*arrays(docs), K, cache.recall)
    cache.remember(rows)
    return rows, cache.rows


def edited(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return the docs with one's terms changed."""
    changed = list(docs)
    at = rng.randrange(len(docs))
    source, terms = changed[at]
    changed[at] = (source, {**terms, rng.randrange(500): 2})
    return changed


def moved(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return the docs with one moved to another place (a redated article)."""
    changed = list(docs)
    changed.insert(rng.randrange(len(docs)), changed.pop(rng.randrange(len(docs))))
    return changed


def renamed(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return the docs with one under another source (as many docs as before)."""
    changed = list(docs)
    at = rng.randrange(len(docs))
    changed[at] = ("b/renamed.txt", changed[at][1])
    return changed


def replaced(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return the docs with one deleted and another added."""
    changed = list(docs)
    del changed[rng.randrange(len(docs))]
    return [*changed, ("c/new.txt", {rng.randrange(500): 1 for _ in range(20)})]


def retitled_to_a_copy(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return the docs with one made a copy of another (ties everywhere it scores)."""
    changed = list(docs)
    changed[rng.randrange(len(docs))] = ("d/copy.txt", dict(changed[0][1]))
    return changed


@pytest.mark.parametrize("change", [edited, moved, renamed, replaced, retitled_to_a_copy])
@pytest.mark.parametrize("seed", range(4))
def test_recalled_rows_equal_rows_scored_anew(change, seed):
    rng = random.Random(seed)
    docs = corpus(seed)
    _, kept = build(docs, b"")
    for _ in range(3):
        docs = change(docs, rng)
        rows, kept = build(docs, kept)
        assert rows == related_from_counts(*arrays(docs), K)


def test_rows_from_a_damaged_store_are_not_used():
    docs = corpus(7)
    _, kept = build(docs, b"")
    docs = edited(docs, random.Random(1))
    for damaged in (kept[:-9], b"\x93garbage", kept.replace(b"\x00", b"\x01", 50)):
        rows, _ = build(docs, damaged)
        assert rows == related_from_counts(*arrays(docs), K)


@pytest.mark.parametrize("seed", range(3))
def test_an_edit_whose_words_stay_on_their_idf_steps_keeps_most_rows(seed):
    # a word added to one more doc changes its idf only where its doc frequency reaches
    # another step (`similarity.DF_STEP`): read exactly, every doc holding it had new weights,
    # and on Reuters an appended sentence had 18,000 of 21,577 rows scored again
    docs = corpus(seed)
    cache = RelatedCache()
    cache.prepare([source for source, _ in docs], K)
    cache.remember(related_from_counts(*arrays(docs), K, cache.recall))
    df = Counter(term for _, terms in docs for term in terms)
    on_step = (df_steps(np.array([n, n + 1])) for n in range(max_df(len(docs))))
    same = [n for n, steps in enumerate(on_step) if steps[0] == steps[1]]
    term = max((t for t, n in df.items() if n >= 2 and n in same), key=df.__getitem__)
    at = next(i for i, (_, terms) in enumerate(docs) if term not in terms)
    docs[at] = (docs[at][0], {**docs[at][1], term: 1})
    recalled: dict[int, object] = {}
    again = RelatedCache(cache.rows)
    again.prepare([source for source, _ in docs], K)

    def recall(*entries):
        rows = again.recall(*entries)
        recalled.update(rows)
        return rows

    assert related_from_counts(*arrays(docs), K, recall) == related_from_counts(*arrays(docs), K)
    assert df[term] >= 20 and len(recalled) > len(docs) // 2
