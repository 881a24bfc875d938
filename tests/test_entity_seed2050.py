"""Tests for the pages the blind judgements of seeds 2050 and 2051 found wrong: an agency's
name cut at its "and" ("Agency of Natural Resources and Energy"), a market report's heading
read as a dateline's place ("GRADINGS - None posted", so a place page "Gradings"), a
partnership's surnames read as towns ("Welsh, Carson, Anderson and Stowe"), and an analyst
and an officer of one name on one page."""

from __future__ import annotations

from newsarchive.entities import article_entities, candidates
from newsarchive.entity_catalog import gather
from newsarchive.loader.raw import parse_raw


def test_one_subject_word_after_an_institutions_of_goes_on_its_name() -> None:
    for text, name in (
        (
            "Japan's Agency of Natural Resources and Energy said it will begin experiments.",
            "Agency of Natural Resources and Energy",
        ),
        ("The Ministry of Mines and Energy said output rose.", "Ministry of Mines and Energy"),
    ):
        assert ("organisation", name) in candidates("", [text]), text
    # two bodies, or a body and a place, stay apart
    both = candidates("", ["The Bank of Japan and Ministry of Finance said rates would hold."])
    assert ("organisation", "Bank of Japan") in both
    apart = candidates("", ["The Department of Natural Resources and Texas officials met."])
    assert not any(" and " in name for _, name in apart)


def test_a_market_reports_heading_names_no_place() -> None:
    # the collection's own markup tags "GRADINGS" and "COPPER GRADE A" as datelines: they stay
    # the story's dateline as the wire set it, and name no place
    for text, heading in (
        ("LONDON COFFEE GRADINGS/TENDERS - APR 7", "GRADINGS - None posted, Total todate 20."),
        ("LME METAL AM 1ST RING VOLUMES/PAIDS - APR 7", "COPPER GRADE A - 2650 tonnes"),
    ):
        story = parse_raw(f"{text}\n\n{heading}\n")
        assert story.dateline == heading.split(" - ")[0]
        found = candidates(story.headline, list(story.paragraphs), story.dateline)
        assert not [name for kind, name in found if kind == "place"], found
    # a bare dateline the gazetteer knows, and one with a region or a date, are places
    for text, place in (
        ("H\n\nWASHINGTON - The Senate voted.\n", "Washington"),
        ("H\n\nGLEN ROCK, N.J., March 3 - The firm said.\n", "Glen Rock, New Jersey"),
        ("H\n\nJOHANNESBURG March 13 - Shr 1.20 rand.\n", "Johannesburg"),  # no comma
    ):
        story = parse_raw(text)
        assert ("place", place) in candidates(
            story.headline, list(story.paragraphs), story.dateline
        )


def test_a_partnership_of_surnames_names_no_town() -> None:
    # seed 2050: "Carson" listed three stories about the partnership Welsh, Carson, Anderson
    # and Stowe beside the datelines of Carson, Calif.
    for paragraphs in (
        ["The partnership that made the first offer was Welsh, Carson, Anderson and Stowe."],
        [
            "A firm controlled by <Welsh, Carson, Anderson and Stowe IV> will merge with it.",
            "Comdata said the letter was in accordance with the terms with Welsh, Carson.",
        ],
        ["The notes were sold through Kidder, Peabody and Co Inc, the company said."],
    ):
        found = candidates("", paragraphs)
        assert not [name for kind, name in found if kind.startswith("place")], found
    # lists of places stay places: a major one among them, after a locative or a plural's "of"
    for text, place in (
        ("Ships call at Tokyo, Yokohama, Kitakyushu and Hakata.", "Yokohama"),
        ("Plants in Mayfield, Hopkinsville and Paducah will close.", "Paducah"),
        ("Planes flew over the islands of Chios, Samos, Lesbos and Lemnos.", "Chios"),
    ):
        assert any(name == place for _, name in candidates("", [text])), text


def test_an_analyst_and_an_officer_of_one_name_get_no_page_but_a_review() -> None:
    # seed 2051's namesakes class: "analyst William Smith of Smith Barney" and FirsTier's new
    # chief executive William C. Smith shared a page; an analyst, a spokesman, an economist or
    # a dealer speaks for the firm written near him, as an officer does
    texts = (
        "J.C. Penney rose after analyst William C. Smith of Smith Barney Inc recommended it.",
        "FirsTier Financial Inc said William C. Smith was named president and chief executive.",
    )
    found = gather((i, article_entities("", [t])) for i, t in enumerate(texts))
    assert "William C. Smith" not in [e.name for e in found.published]
    assert "William C. Smith" in [e.name for e in found.unconfirmed]
