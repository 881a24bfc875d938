"""Tests for which neighbours a page lists as related (`related_lists`): one that shares only a
word with an article is not listed (under `RELATED_FLOOR` where a story is short, or sharing one
distinctive word at any score); one that shares the subject is."""

from __future__ import annotations

import numpy as np
from msgspec import structs

from newsarchive import similarity
from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.models import Article
from newsarchive.neighbour_table import Neighbour
from newsarchive.related_lists import RELATED_FLOOR, listed
from newsarchive.words import Runs

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


def test_two_long_stories_are_related_under_the_floor() -> None:
    # two long stories share many words at a low cosine ("CHINA LIKELY TO JOIN GATT" and
    # "SOVIET UNION SEEN WATCHING CHINA GATT APPLICATION", 0.114): the floor is for short ones
    shared = "gatt china membership application tariffs negotiators geneva accession"
    own = [" ".join(f"{word}{n}" for n in range(160)) for word in ("alpha", "beta")]
    texts = [f"{shared} {own[0]}", f"{shared} {own[1]}", "Copper miners in Chile vote."]
    articles = [
        structs.replace(article(n, text), word_count=len(text.split()))
        for n, text in enumerate(texts)
    ]
    scores = similarity.related_with_scores([a.terms for a in articles], 5)
    assert 0 < scores[0][0].score < RELATED_FLOOR and scores[0][0].doc == 1
    site = build_site(SiteConfig(), articles)
    first = next(e for e in site.entries if e.article.source == "news/story-0.txt")
    assert [site.entries[i].article.source for i in first.related] == ["news/story-1.txt"]


def test_a_neighbour_sharing_one_distinctive_word_is_not_listed_whatever_its_score() -> None:
    # Reuters: "FEDERATED FINANCIAL SETS REGULAR DIV" and "FEDERATED DEPARTMENT RAISES QTLY
    # DIVIDEND" (0.574) are two firms of one name; a firm's own stories share more words
    texts = [
        "Federated Financial sets a payout, Federated said.",
        "Federated Department opens a warehouse, Federated said.",
        "Federated Financial names a treasurer and sets a payout.",
        "Copper miners in Chile vote on a strike.",
        "Gold prices rise in Zurich as dealers buy bullion.",
    ]
    articles = [article(n, text) for n, text in enumerate(texts)]
    scores = {
        n.doc: n.score for n in similarity.related_with_scores([a.terms for a in articles], 5)[0]
    }
    assert scores[1] >= RELATED_FLOOR and scores[2] > scores[1]  # "federated" alone: high
    site = build_site(SiteConfig(), articles)
    listed = {e.article.source: [site.entries[i].article.source for i in e.related]
              for e in site.entries}  # fmt: skip
    assert listed["news/story-0.txt"] == ["news/story-2.txt"]
    assert listed["news/story-1.txt"] == []


def test_a_story_sharing_two_distinctive_words_only_is_not_listed() -> None:
    # seed 2060's judged lists: of stories sharing exactly two such words, a third were
    # unrelated ("completes", "machine") and two in five of the broad topic only
    texts = [
        "Acme Tool completes the machine plant sale to its lenders.",
        "Borden Steel completes a machine order for the navy.",
        "Acme Tool sells the machine plant to its lenders for cash.",
        "Copper miners in Chile vote on a strike.",
        "Gold prices rise in Zurich as dealers buy bullion.",
    ]
    articles = [article(n, text) for n, text in enumerate(texts)]
    site = build_site(SiteConfig(), articles)
    listed = {e.article.source: [site.entries[i].article.source for i in e.related]
              for e in site.entries}  # fmt: skip
    assert listed["news/story-0.txt"] == ["news/story-2.txt"]  # acme, tool, machine, plant...
    assert listed["news/story-1.txt"] == []  # "completes" and "machine" only


def test_a_headline_is_listed_once_and_never_the_articles_own() -> None:
    # Reuters repeats a story under its headline: "GATT STAFF STRIKE OVER PAY AND PENSION
    # LOSSES" was listed twice under "CHINA LIKELY TO JOIN GATT, DIPLOMATS SAY"
    texts = [
        "Coffee quota talks in London: producers and consumers disagree on export quotas.",
        "Coffee producers meet consumers in London; export quotas still split them.",
        "Coffee producers and consumers in London: export quotas split them again today.",
        "Coffee quota talks go on in London as producers and consumers weigh export quotas.",
    ]
    titles = ["Coffee talks", "Producers meet", "Producers meet", "Coffee talks"]
    articles = [
        structs.replace(article(n, text), title=title)
        for n, (text, title) in enumerate(zip(texts, titles, strict=True))
    ]
    site = build_site(SiteConfig(), articles)
    for entry in site.entries:
        listed = [site.entries[i].article.title for i in entry.related]
        assert listed and len(listed) == len(set(listed)), listed
        assert entry.article.title not in listed


def test_stories_that_share_only_a_place_are_not_listed_as_related() -> None:
    # Reuters: "AIRLINES CAN INCREASE HONG KONG/MANILA FLIGHTS" listed four Hong Kong money
    # market reports, and "SANWA BANK ACQUIRES SMALL STAKE IN PORTUGUESE BANK" four Portuguese
    # price and jobs reports: the place's page lists those already
    hong_kong = (("place", "Hong Kong"),)
    texts = [
        ("Hong Kong airlines may add weekly flights to Manila, Portuguese officials said.", 1),
        ("Hong Kong banks left deposit rates unchanged this weekly session, Portuguese say.", 1),
        ("Hong Kong airlines plan weekly flights to Tokyo as tourism grows.", 1),
        ("Copper miners in Chile vote on a strike.", 0),
        ("Gold prices rise in Zurich as dealers buy bullion.", 0),
    ]
    articles = [
        structs.replace(article(n, text), entities=hong_kong * named)
        for n, (text, named) in enumerate(texts)
    ]
    site = build_site(SiteConfig(), articles)
    assert [e.name for e in site.entities] == ["Hong Kong"]
    listed = {e.article.source: [site.entries[i].article.source for i in e.related]
              for e in site.entries}  # fmt: skip
    # the airlines stories share "airlines" and "flights" besides the place; the bank story
    # shares "Hong", "Kong", "Portuguese" and "weekly" with the first: one word not a place's
    assert listed["news/story-0.txt"] == ["news/story-2.txt"]
    assert listed["news/story-1.txt"] == []
    # the same words, no place named: "hong" and "kong" count as any other words
    unnamed = build_site(SiteConfig(), [structs.replace(a, entities=()) for a in articles])
    first = next(e for e in unnamed.entries if e.article.source == "news/story-1.txt")
    assert "news/story-0.txt" in [unnamed.entries[i].article.source for i in first.related]


def test_a_brief_lists_the_stories_its_headline_names_and_no_list_holds_a_brief() -> None:
    # Reuters: "MERRILL LYNCH FIRST QTR SHR ONE DLR VS 85 CTS", filed as a headline only, had
    # no list, while "MERRILL LYNCH AND CO <MER> 1ST QTR NET" told the story
    texts = [
        "Merrill Lynch and Co said first quarter net rose, Merrill Lynch brokers said.",
        "Merrill Lynch brokers cut a rating on a chemical maker, Merrill Lynch said.",
        "Copper miners in Chile vote on a strike over wages at the smelter.",
        "Gold prices rise in Zurich as dealers buy bullion.",
        "Zurich dealers buy gold bullion as prices rise.",
    ]
    articles = [article(n, text) for n, text in enumerate(texts)]
    brief = structs.replace(
        article(9, ""), title="MERRILL LYNCH FIRST QTR SHR ONE DLR", brief=True, terms=""
    )
    site = build_site(SiteConfig(), [*articles, brief])
    listed = {e.article.source: [site.entries[i].article.source for i in e.related]
              for e in site.entries}  # fmt: skip
    assert listed["news/story-9.txt"] == ["news/story-0.txt", "news/story-1.txt"]
    assert all("news/story-9.txt" not in row for row in listed.values())
    # the stories' own lists are those of a site without the brief
    alone = build_site(SiteConfig(), articles)
    del listed["news/story-9.txt"]
    assert listed == {e.article.source: [alone.entries[i].article.source for i in e.related]
                      for e in alone.entries}  # fmt: skip


def test_every_word_a_demonym_is_among_the_forms_a_vocabulary_is_tested_for() -> None:
    # `related_lists` asks `is_demonym` only about `demonym_forms()` of a whole vocabulary
    from newsarchive.entity_names import demonym_forms, is_demonym
    from newsarchive.gazetteer import gazetteer

    forms = demonym_forms()
    regions = sorted(gazetteer().regions)
    made = {region[: len(region) - n] + suffix for region in regions for n in range(4)
            for suffix in ("", "n", "an", "ian", "i", "ese", "ish", "ch", "s")}  # fmt: skip
    made = {word for word in made if word.isalpha()}  # a vocabulary's words: no hyphen, space
    words = sorted({*made, "portuguese", "korean", "thai", "swiss", "yugoslav", "german"})
    accepted = [word for word in words if is_demonym(word)]
    assert {"portuguese", "korean", "yugoslav", "german", "belgian", "japanese"} <= set(accepted)
    assert [word for word in accepted if word not in forms] == []


def test_a_brief_lists_the_story_filed_with_it_first():
    # Reuters: "WELLS FARGO AND CO 3RD QTR SHR 2.77 DLRS VS 1.35 DLRS" listed the first
    # quarter's results before "WELLS FARGO AND CO <WFC> 3RD QTR NET", filed the same day
    import datetime as dt

    day = dt.datetime(1987, 10, 19, tzinfo=dt.UTC)
    texts = [
        ("Wells Fargo and Co said first quarter net rose; Wells Fargo quarter net.", 200),
        ("Wells Fargo and Co third quarter net rose, the bank said.", 0),
        ("Copper miners in Chile vote on a strike over wages at the smelter.", 100),
        ("Gold prices rise in Zurich as dealers buy bullion.", 50),
        ("Zurich dealers buy gold bullion as prices rise.", 50),
    ]
    articles = [
        structs.replace(article(n, text), date=day - dt.timedelta(days=back))
        for n, (text, back) in enumerate(texts)
    ]
    brief = structs.replace(
        article(9, ""), title="WELLS FARGO AND CO 3RD QTR SHR", brief=True, terms="", date=day
    )
    site = build_site(SiteConfig(), [*articles, brief])
    entry = next(e for e in site.entries if e.article.source == "news/story-9.txt")
    listed = [site.entries[i].article.source for i in entry.related]
    assert listed == ["news/story-1.txt", "news/story-0.txt"]
    undated = [structs.replace(a, date=None) for a in [*articles, brief]]
    site = build_site(SiteConfig(), undated)
    entry = next(e for e in site.entries if e.article.source == "news/story-9.txt")
    assert [site.entries[i].article.source for i in entry.related] == listed[::-1]


def test_a_related_list_shows_no_headline_its_story_list_shows() -> None:
    # Reuters files a weekly report under one headline ("USDA ESTIMATES SOVIET WHEAT, COARSE
    # GRAINS"): one issue in an article's story and a later one among its neighbours showed
    # the headline under "Other coverage of this story" and again under "Related articles"
    headlines = ["usda estimates canadian crops", "usda estimates soviet wheat",
                 "usda estimates soviet wheat", "usda estimates argentine wheat", "gold rises"]  # fmt: skip
    stories = [0, 0, 2, 3, 4]  # docs 0 and 1 are one story; doc 1 is no neighbour of doc 0
    shared = [0, 1, 2]  # words of docs 0, 2 and 3
    rows = [shared, [5, 6], shared, shared, [7, 8]]
    start = np.cumsum([0, *map(len, rows)])
    ids = np.array([i for row in rows for i in row], dtype=np.int32)
    counts = Runs(start, ids, np.ones(len(ids), dtype=np.int32))
    neighbours = [[Neighbour(2, 0.6), Neighbour(3, 0.5)], [], [Neighbour(0, 0.6)], [], []]
    lists = listed(neighbours, counts, [200] * 5, ({}, headlines), 5, stories=stories)
    assert lists[0] == (3,)  # doc 2 repeats its story's other headline
    assert listed(neighbours, counts, [200] * 5, ({}, headlines), 5)[0] == (2, 3)  # no stories
