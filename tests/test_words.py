"""Tests for newsarchive.words: articles' words as numbers give what their strings give."""

from __future__ import annotations

import numpy as np
import pytest
from msgspec import structs

from newsarchive import search, search_terms, similarity
from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.models import Article
from newsarchive.words import Numbering, Words, gather

TEXTS = [
    "Floods hit the harbour town; the harbour wall broke and the town flooded.",
    "The harbour wall is rebuilt after floods; the town council pays.",
    "Council votes on the harbour budget and the town school.",
    "A school choir sings; the school hall is full.",
    "Élan in Culiacán: the choir and the council meet at the hall.",
    "Markets rise as the central bank holds rates; markets cheer.",
]


def article(number: int, text: str) -> Article:
    """Return an article with its words made as the reader makes them."""
    made = Article(f"s{number % 2}/story-{number}.txt", "text", f"Story {number}", "headline")
    terms = similarity.pack_counts(similarity.terms(f"{made.title}\n{text}"))
    return structs.replace(
        made,
        paragraphs=(text,),
        digest=f"digest-{number}",  # the reader's digest of the file: no two texts share one
        terms=terms,
        search_terms=search_terms.article_fields(made, (text,)),
    )


ARTICLES = [article(n, text) for n, text in enumerate(TEXTS)]


def table(articles):
    """Return the words of some articles, as the reader numbers them."""
    return Words.of((a.source, a.terms, a.search_terms) for a in articles)


def decoded(words: Words, source: str) -> tuple[dict[str, int], dict[str, int]]:
    """Return one article's term counts and search words' field bits."""
    rows = words.rows([source])
    counts, fields = gather(words.related, rows), gather(words.search, rows)
    names = words.vocabulary
    return (
        {names[i]: int(n) for i, n in zip(counts.ids, counts.values, strict=True)},
        {names[i]: int(bits) for i, bits in zip(fields.ids, fields.values, strict=True)},
    )


def test_each_article_s_words_come_back_as_its_strings_say():
    words = table(ARTICLES)
    for a in ARTICLES:
        counts, fields = decoded(words, a.source)
        assert counts == similarity.unpack_counts(a.terms)
        assert fields == search_terms.decode(a.search_terms)


def renumbered(articles, first_words):
    """Return the words of some articles numbered after a vocabulary that starts with other
    words (as the build store's, which only grows), in reverse order of reading."""
    numbering = Numbering(list(first_words))
    arrays = {a.source: numbering.arrays(a.terms, a.search_terms) for a in reversed(articles)}
    sources = [a.source for a in articles]
    return Words.from_arrays(numbering.vocabulary(), sources, [arrays[s] for s in sources])


def test_a_numbering_that_grew_holds_the_same_words():
    grown = renumbered(ARTICLES, ["zebra", "harbour", "apple"])
    whole = table(ARTICLES)
    assert set(grown.vocabulary) == {*whole.vocabulary, "zebra", "apple"}
    assert len(set(grown.vocabulary)) == len(grown.vocabulary)
    for a in ARTICLES:
        assert decoded(grown, a.source) == decoded(whole, a.source)


def test_related_from_numbers_equals_related_from_strings_whatever_the_numbering():
    expected = similarity.related_with_scores([a.terms for a in ARTICLES], 3)
    assert any(expected)  # the texts share words: there is something to find
    order = [a.source for a in ARTICLES]
    for words in (table(ARTICLES), renumbered(ARTICLES, ["zebra", "town"])):
        counts = gather(words.related, words.rows(order))
        assert similarity.related_from_counts(counts.start, counts.ids, counts.values, 3) == (
            expected
        )


def test_the_catalogue_and_index_from_numbers_equal_those_from_strings():
    config = SiteConfig()
    words = renumbered(ARTICLES, ["zebra", "town"])
    from_strings = build_site(config, ARTICLES)
    from_numbers = build_site(config, ARTICLES, words)
    assert from_numbers == from_strings
    assert any(e.related for e in from_numbers.entries)
    index = {o.path: o.data for o in search.fallback_outputs(from_strings)}
    assert {o.path: o.data for o in search.fallback_outputs(from_numbers, words)} == index


def test_arrays_that_are_not_an_article_s_words_are_refused():
    numbering = Numbering([])
    arrays = [numbering.arrays(a.terms, a.search_terms) for a in ARTICLES[:2]]
    sources = [a.source for a in ARTICLES[:2]]
    vocabulary = numbering.vocabulary()
    assert Words.from_arrays(vocabulary, sources, arrays).sources == sources
    ids, counts, search_ids, fields = arrays[1]
    for damaged, message in (
        ((ids, counts[:-4], search_ids, fields), "do not pair up"),
        ((ids, counts, search_ids[:-1], fields), "do not pair up"),
        ((ids[:-1], counts[:-1], search_ids, fields), "not whole numbers"),
    ):
        with pytest.raises(ValueError, match=message):
            Words.from_arrays(vocabulary, sources, [arrays[0], damaged])
    with pytest.raises(ValueError, match="past the vocabulary"):
        Words.from_arrays(vocabulary[:3], sources, arrays)


def test_an_article_without_words_is_a_clear_error():
    with pytest.raises(ValueError, match=r"no words for s9/missing\.txt"):
        table(ARTICLES).rows(["s9/missing.txt"])


def test_gather_puts_rows_end_to_end_in_the_order_asked():
    words = table(ARTICLES)
    rows = np.array([3, 0, 3])
    runs = gather(words.search, rows)
    for place, row in enumerate(rows):
        lo, hi = words.search.start[row], words.search.start[row + 1]
        got = runs.ids[runs.start[place] : runs.start[place + 1]]
        assert got.tolist() == words.search.ids[lo:hi].tolist()
