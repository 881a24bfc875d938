"""Tests for one organisation written two ways across the archive, from the walkthrough's
Reuters build: an acronym and the name it spells ("CFTC" and the Commodity Futures Trading
Commission, two chips on one story) and "Bros" for "Brothers" (Salomon Bros Inc)."""

from __future__ import annotations

from conftest import published_pages

CFTC = "The Commodity Futures Trading Commission (CFTC) approved the contract. The CFTC said so."


def test_an_acronym_joins_the_name_it_spells_where_its_articles_write_both() -> None:
    pages = published_pages(
        *(CFTC + " " * i for i in range(9)), "The CFTC approved a second contract."
    )
    assert pages[("organisation", "Commodity Futures Trading Commission")] == tuple(range(10))
    assert ("organisation", "CFTC") not in pages


def test_an_acronym_often_alone_brings_only_the_articles_that_spell_it_out() -> None:
    # "ITC" is the Tin Council in some stories and the Trade Commission in others
    tin = "The International Tin Council (ITC) met creditors; the ITC debts stand."
    trade = "The ITC ruled on imports of steel on Monday, and the ITC will rule again."
    pages = published_pages(tin, tin + " ", tin + "  ", trade, trade + " ")
    assert pages[("organisation", "International Tin Council")] == (0, 1, 2)


def test_an_acronym_that_few_of_its_articles_spell_out_stays_apart() -> None:
    alone = [f"The CFTC approved contract number {n} on Monday." for n in range(3)]
    pages = published_pages(CFTC, CFTC + " ", *alone)  # two of five articles spell it out
    assert pages[("organisation", "Commodity Futures Trading Commission")] == (0, 1)
    assert pages[("organisation", "CFTC")] == (0, 1, 2, 3, 4)


def test_bros_is_brothers_in_a_firms_name() -> None:
    pages = published_pages(
        "Salomon Brothers Inc said it bought the bonds.",
        "Salomon Bros Inc sold the notes.",
        "Salomon Brothers Inc said rates would rise.",
    )
    assert pages[("organisation", "Salomon Brothers Inc")] == (0, 1, 2)


def test_the_finance_ministers_groups_are_bodies_under_either_name() -> None:
    both = "Ministers of the Group of Five and Group of Seven met in Paris."
    pages = published_pages(both, "The G-7 ministers met again.", "The Group of Five (G-5) agreed.")
    assert pages[("organisation", "Group of Seven")] == (0, 1)
    assert pages[("organisation", "Group of Five")] == (0, 2)
    assert not any("and Group" in name for _, name in pages)  # was "Five and Group"


def test_a_body_called_two_ways_in_one_archive_has_one_page() -> None:
    pages = published_pages(
        "The Federal Reserve Board held rates, Federal Reserve officials said.",
        "The Federal Reserve added reserves through the New York Federal Reserve Bank.",
        "The Federal Reserve Bank of New York bought bills.",
        "The Ways and Means Committee and Shearson Lehman Brothers Inc met.",
        "The House Ways and Means Committee voted; Shearson Lehman said it agreed.",
    )
    assert pages[("organisation", "Federal Reserve")] == (0, 1)
    assert pages[("organisation", "Federal Reserve Bank of New York")] == (1, 2)
    assert pages[("organisation", "House Ways and Means Committee")] == (3, 4)
    assert pages[("organisation", "Shearson Lehman Brothers")] == (3, 4)
    assert not any("Board" in name or name == "Ways and Means Committee" for _, name in pages)


IBM = "International Business Machines Corp (IBM) said it would cut prices. IBM said so."


def test_an_acronym_many_articles_spell_as_one_name_brings_those_that_write_it_alone() -> None:
    # "IBM": 40 of its 62 stories write International Business Machines, the 22 others "IBM
    # fell 1/4" or "IBM-compatible" and were on no page (nine in ten had to spell it out)
    alone = [f"IBM shares fell {n} cents on Monday." for n in range(15)]
    pages = published_pages(*(IBM + " " * i for i in range(20)), *alone)
    assert pages[("organisation", "International Business Machines Corp")] == tuple(range(35))
    assert ("organisation", "IBM") not in pages
    # fewer than SPELT_ALONE spelt out: an acronym may be something else written alone
    pages = published_pages(*(IBM + " " * i for i in range(12)), *alone)
    assert pages[("organisation", "International Business Machines Corp")] == tuple(range(12))


def test_an_acronym_with_a_legal_form_spells_only_a_firms_name() -> None:
    # "ASA Ltd <ASA> rose 4-1/8", a gold fund, beside the American Soybean Association (ASA)
    soy = "The American Soybean Association (ASA) asked for aid; the ASA said so."
    fund = "ASA Ltd rose 4-1/8 to 61-1/2 on the gold market."
    pages = published_pages(soy, soy + " ", soy + "  ", fund, fund + " ")
    assert pages[("organisation", "American Soybean Association")] == (0, 1, 2)
