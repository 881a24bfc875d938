"""Tests for the related list's floor: a neighbour that shares only a word with an article
(cosine under `catalog.RELATED_FLOOR`) is not listed; one that shares the subject is."""

from __future__ import annotations

from msgspec import structs

from newsarchive import similarity
from newsarchive.catalog import RELATED_FLOOR, build_site
from newsarchive.config import SiteConfig
from newsarchive.models import Article

TEXTS = [
    "Coffee quota talks in London: producers and consumers disagree on coffee export quotas.",
    "Coffee producers meet consumers in London again; export quotas for coffee still split.",
    "The port of Abidjan handled more cocoa and timber; London brokers expect dockers to strike,"
    " while shipping agents, harbour pilots and customs officers count cranes and warehouses.",
    "Copper miners in Chile vote on a strike over wages at the smelter.",
    "Gold prices rise in Zurich as dealers buy bullion.",
]


def article(number: int, text: str) -> Article:
    """Return an article with its words made as the reader makes them."""
    made = Article(f"news/story-{number}.txt", "text", f"Story {number}", "headline")
    terms = similarity.pack_counts(similarity.terms(text))
    return structs.replace(made, paragraphs=(text,), digest=f"digest-{number}", terms=terms)


def test_a_neighbour_sharing_only_a_word_is_not_listed_as_related() -> None:
    articles = [article(n, text) for n, text in enumerate(TEXTS)]
    scores = similarity.related_with_scores([a.terms for a in articles], 5)
    weak = {n.doc: n.score for n in scores[0]}
    assert 0 < weak[2] < RELATED_FLOOR  # the port story shares "London" with the coffee one
    assert weak[1] >= RELATED_FLOOR
    site = build_site(SiteConfig(), articles)
    related = {e.article.source: [site.entries[i].article.source for i in e.related]
               for e in site.entries}  # fmt: skip
    assert related["news/story-0.txt"] == ["news/story-1.txt"]
    assert "news/story-0.txt" not in related["news/story-2.txt"]
