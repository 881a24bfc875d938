"""Tests for newsarchive.words: articles' words as numbers give what their strings give."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from msgspec import structs

from newsarchive import search, search_terms, similarity
from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.models import Article
from newsarchive.words import Words, gather

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


def test_joined_tables_hold_the_same_words_under_one_vocabulary():
    joined = Words.joined([table(ARTICLES[:2]), table(ARTICLES[2:3]), table(ARTICLES[3:])])
    whole = table(ARTICLES)
    assert sorted(joined.vocabulary) == sorted(whole.vocabulary)
    assert len(set(joined.vocabulary)) == len(joined.vocabulary)
    for a in ARTICLES:
        assert decoded(joined, a.source) == decoded(whole, a.source)


def test_related_from_numbers_equals_related_from_strings_whatever_the_numbering():
    expected = similarity.related_with_scores([a.terms for a in ARTICLES], 3)
    assert any(expected)  # the texts share words: there is something to find
    order = [a.source for a in ARTICLES]
    for words in (table(ARTICLES), Words.joined([table(ARTICLES[3:]), table(ARTICLES[:3])])):
        counts = gather(words.related, words.rows(order))
        assert similarity.related_from_counts(counts.start, counts.ids, counts.values, 3) == (
            expected
        )


def test_the_catalogue_and_index_from_numbers_equal_those_from_strings():
    config = SiteConfig()
    words = Words.joined([table(ARTICLES[4:]), table(ARTICLES[:4])])
    from_strings = build_site(config, ARTICLES)
    from_numbers = build_site(config, ARTICLES, words)
    assert from_numbers == from_strings
    assert any(e.related for e in from_numbers.entries)
    index = {o.path: o.data for o in search.fallback_outputs(from_strings)}
    assert {o.path: o.data for o in search.fallback_outputs(from_numbers, words)} == index


def test_a_table_survives_the_parse_cache_and_damage_is_refused():
    words = table(ARTICLES)
    again = Words.loads(words.dumps())
    assert again.vocabulary == words.vocabulary and again.sources == words.sources
    for a in ARTICLES:
        assert decoded(again, a.source) == decoded(words, a.source)
    assert Words.loads(Words.of(()).dumps()).sources == []
    with pytest.raises(ValueError, match="not a words table"):
        Words.loads(b"\x80\x05garbage")
    short = dataclasses.replace(words, vocabulary=words.vocabulary[:3])
    with pytest.raises(ValueError, match="past its vocabulary"):
        Words.loads(short.dumps())


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


def test_an_updated_table_gives_each_article_the_words_a_fresh_one_gives():
    edited = article(2, "Council votes again on the budget; zebras escape the harbour zoo.")
    old = table(ARTICLES)
    keep = [a.source for a in ARTICLES if a.source != edited.source]
    updated = Words.updated(old, keep, [(edited.source, edited.terms, edited.search_terms)])
    fresh = table([*ARTICLES[:2], edited, *ARTICLES[3:]])
    for source in fresh.sources:
        assert decoded(updated, source) == decoded(fresh, source)
    assert sorted(updated.vocabulary) == sorted(fresh.vocabulary)
    assert "zebras" in updated.vocabulary and "choir" in updated.vocabulary


def test_an_updated_table_drops_the_words_only_a_changed_article_used():
    old = table(ARTICLES)
    keep = [a.source for a in ARTICLES[:-1]]  # the markets story goes, with its words
    updated = Words.updated(old, keep, [])
    assert "markets" in old.vocabulary and "markets" not in updated.vocabulary
    for source in keep:
        assert decoded(updated, source) == decoded(old, source)
