"""Tests for the pages the blind judgement of seed 2049 found wrong, and their kin on the
whole Reuters corpus: a firm's page named with the country's acronym a story wrote before it
("The U.S. Caterpillar Tractor Co"), though other stories write the firm's own name."""

from __future__ import annotations

from newsarchive.entities import candidates
from newsarchive.entity_catalog import gather

A_FIRM_ONCE_WITH_ITS_COUNTRY = (
    "The U.S. Caterpillar Tractor Co was granted a court injunction against its workers.",
    "Two Japanese firms will sell their stake to Caterpillar Tractor Co, spokesmen said.",
)


def test_a_firms_page_is_named_without_the_country_a_story_put_before_it() -> None:
    found = gather(enumerate(candidates("", [t]) for t in A_FIRM_ONCE_WITH_ITS_COUNTRY))
    firms = [e for e in found.published if e.kind == "organisation"]
    assert [(e.name, e.articles) for e in firms] == [("Caterpillar Tractor Co", (0, 1))]


def test_a_name_the_countrys_acronym_opens_keeps_it_where_the_rest_is_never_alone() -> None:
    texts = ("US West Inc said it would buy a unit.", "US West Inc shares rose.")
    found = gather(enumerate(candidates("", [t]) for t in texts))
    assert [e.name for e in found.published if e.kind == "organisation"] == ["US West Inc"]


def test_a_crude_priced_under_a_places_name_is_not_the_place() -> None:
    for paragraphs in (
        ["Spot quotes for Dubai, a benchmark crude, rose to 17 dlrs, traders said."],
        ["Mideast crudes were weakest.", "Arab Heavy fell to 16.63 dlrs and Dubai was off 12 cts."],
        ["Traders bought ten cargoes of May Dubai crude at 17.30 dlrs a barrel."],
    ):
        assert ("place", "Dubai") not in candidates("", paragraphs)
    # the emirate: after a locative, in a dateline, or in an article quoting no crude
    for text, dateline in (
        ("The tanker, laden with crude oil worth 9 mln dlrs, was towed towards Dubai.", ""),
        ("Crude rose to 18 dlrs a barrel, oil traders said in Dubai.", "DUBAI, March 5 -"),
        ("The bank is closing its office in Dubai, which served crude traders.", ""),
    ):
        assert ("place", "Dubai") in candidates("", [text], dateline), text
