"""Tests for the pages the blind judgement of seed 2049 found wrong, and their kin on the
whole Reuters corpus: a firm's page named with the country's acronym a story wrote before it
("The U.S. Caterpillar Tractor Co"), though other stories write the firm's own name."""

from __future__ import annotations

from newsarchive.entities import article_entities, candidates
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


def _pages(*texts: str) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Return the published and the unconfirmed person pages of one-paragraph articles read
    as the reader reads them (candidates and officer marks)."""
    found = gather((i, article_entities("", [t])) for i, t in enumerate(texts))
    people = {e.name: e.articles for e in found.published if e.kind == "person"}
    review = {e.name: e.articles for e in found.unconfirmed if e.kind == "person"}
    return people, review


SYSTEMS = "Systems Assurance Corp said its board elected Charles Scott as chairman."
TRITON = "Triton Group Ltd said its president resigned and will be replaced by Triton Chairman Charles Scott."


def test_two_firms_officers_of_one_name_get_no_page_but_a_review() -> None:
    people, review = _pages(SYSTEMS, TRITON)
    assert "Charles Scott" not in people
    assert review["Charles Scott"] == (0, 1)
    # a third story at Systems Assurance: that firm's officer keeps the page, alone
    again = "Charles Scott, chairman of Systems Assurance Corp, said sales rose."
    assert _pages(SYSTEMS, TRITON, again)[0]["Charles Scott"] == (0, 2)


def test_one_officer_of_a_group_and_its_unit_keeps_his_page() -> None:
    people, _ = _pages(
        "Eugene Atkinson, managing director of Goldman Sachs International Corp, said so.",
        "Goldman Sachs (Japan) Corp president Eugene Atkinson urged Japan to deregulate.",
    )
    assert people["Eugene Atkinson"] == (0, 1)
    # nor do two firms split a page when a story names the other's firm anywhere
    people, _ = _pages(
        "Chrysler Corp chairman Lee Iacocca said sales rose.",
        "American Motors Corp said Chrysler Corp would buy it, chairman Lee Iacocca said.",
    )
    assert people["Lee Iacocca"] == (0, 1)


def test_a_public_figure_named_beside_a_firm_once_keeps_every_story() -> None:
    speeches = [f"Fed chairman Alan Greenspan spoke on rates in speech {n}." for n in range(3)]
    people, _ = _pages(
        *speeches,
        "Alan Greenspan, a director of J.P. Morgan and Co Inc, was named.",
        "Alan Greenspan, a director of Alcoa Inc, was named to the Fed.",
    )
    assert people["Alan Greenspan"] == (0, 1, 2, 3, 4)


def test_officer_marks_are_no_entities() -> None:
    entities = article_entities("", [SYSTEMS])
    assert ("officer", "Charles Scott\tSystems Assurance Corp") in entities
    assert candidates("", [SYSTEMS]) == tuple(e for e in entities if e[0] != "officer")
    found = gather([(0, entities), (1, entities)])
    assert {e.kind for e in (*found.published, *found.unconfirmed)} <= {
        "person",
        "organisation",
    }


def test_an_officers_title_in_another_sentence_or_name_marks_no_one() -> None:
    text = "John Kerr said sales rose. Acme Corp chairman John Kerrigan resigned."
    marks = [e for e in article_entities("", [text]) if e[0] == "officer"]
    assert marks == [("officer", "John Kerrigan\tAcme Corp")]
    assert ("officer", "John Kerr\tAcme Corp") in article_entities(
        "", ["John Kerr said sales rose. Acme Corp chairman John Kerr resigned."]
    )
