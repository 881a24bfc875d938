"""Tests for the pages the blind judgement of seed 2050 found wrong: an agency's name cut at
its "and" ("Agency of Natural Resources and Energy"), and a market report's heading read as
a dateline ("GRADINGS - None posted", so a place page "Gradings")."""

from __future__ import annotations

from newsarchive.entities import candidates
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


def test_a_market_reports_heading_is_no_dateline_nor_a_place() -> None:
    story = parse_raw(
        "LONDON COFFEE GRADINGS/TENDERS - APR 7\n\nGRADINGS - None posted, Total todate 20"
        " originals.\n"
    )
    assert story.dateline == ""
    assert ("place", "Gradings") not in candidates(story.headline, list(story.paragraphs))
