"""Tests for the pages the blind judgement of seed 2046 found wrong, and their kin on the
whole Reuters corpus: names cut short ("Aluminum Company" of Aluminum Company of America, "B
Inc" of C.O.M.B Inc), a Pakistani tribal agency read as a body, a partnership's first partner
read as a person (Carroll McEntee of Carroll McEntee and McGinley), a lone surname joining
another man's page (Hajimu Watanabe's "Watanabe said" on Fumio Watanabe's), and an acronym in
capitals on a town's page (ALCOA on Alcoa, Tenn.)."""

from __future__ import annotations

from newsarchive.entities import candidates
from newsarchive.entity_catalog import gather

from conftest import kinds_in, people_in, published_pages


def test_a_company_of_america_is_one_firm() -> None:
    kinds = kinds_in("The U.S.-owned Aluminum Company of America said it would cut jobs.")
    assert kinds.get("Aluminum Company of America") == "organisation"
    assert "Aluminum Company" not in kinds
    assert "America" not in kinds


def test_initials_whose_last_has_no_full_stop_stay_in_the_firms_name() -> None:
    kinds = kinds_in("C.O.M.B Inc commenced trading put and call options on the exchange.")
    assert kinds == {"C.O.M.B Inc": "organisation"}


def test_a_tribal_agency_after_in_is_no_body_with_a_page() -> None:
    text = (
        "The toll in Teri Mangal in Kurram Agency rose to 81, and 45 people were killed "
        "in Lwarai Mandi in North Waziristan Tribal Agency, officials said."
    )
    kinds = kinds_in(text)
    assert kinds["Kurram Agency"] == "organisation?"
    assert kinds["North Waziristan Tribal Agency"] == "organisation?"
    assert not published_pages(text, text + " ", text + "  ")
    # a body after "in the" is still one
    assert kinds_in("Ministers met in the International Energy Agency on Monday.") == {
        "International Energy Agency": "organisation"
    }


def test_a_partnership_before_its_analyst_is_no_person() -> None:
    firm = "Carroll McEntee and McGinley analyst Brian Jones said rates would rise."
    assert people_in(firm) == {"Brian Jones"}
    assert kinds_in(firm)["Carroll McEntee and McGinley"] == "organisation?"
    # at a sentence's start, a given name is no common noun: the firm is whole
    quoted = '"It is a range market," Carroll McEntee and McGinley Futures debt analyst said.'
    assert kinds_in(quoted) == {"Carroll McEntee and McGinley Futures": "organisation"}
    # a person and another's surname before plural analysts stay two names
    assert "Carroll McEntee" in people_in("Carroll McEntee and Smith said rates would rise.")


def test_a_lone_surname_after_an_unknown_given_name_joins_no_other_persons_page() -> None:
    fumio = "Japanese brokers led by Fumio Watanabe, president of Sanwa, said they would bid."
    hajimu = (
        "Daiwa Securities general manager for Canada Hajimu Watanabe told Reuters it would "
        "open a unit. Watanabe said Daiwa was pleased."
    )
    assert kinds_in(hajimu)["Hajimu Watanabe"] == "person?"
    pages = published_pages(fumio, fumio + " ", hajimu, hajimu + " ")
    assert pages[("person", "Fumio Watanabe")] == (0, 1)


def test_a_name_written_before_a_legal_form_is_no_lone_surnames_fuller_name() -> None:
    firm = "Charles Schwab Corp said it would buy the bank. Schwab said the price was fair."
    assert "Charles Schwab" not in kinds_in(firm)  # the firm, not its founder
    unknown = "Walt Disney Co said it would buy the stations. Disney said it was fair."
    assert "Walt Disney" not in kinds_in(unknown)


def test_an_acronym_in_capitals_is_not_on_a_towns_page() -> None:
    town = candidates(
        "", ["Profitt's Inc said it filed for an offering of shares."], "ALCOA, Tenn."
    )
    firm = candidates("", ["SURALCO, a unit of the Aluminum Company of America (ALCOA), cut jobs."])
    assert ("organisation?", "ALCOA") in firm
    published = gather([(0, town), (1, town), (2, firm), (3, firm)]).published
    pages = {(e.kind, e.name): e.articles for e in published}
    assert pages[("place", "Alcoa, Tennessee")] == (0, 1)
    assert pages[("organisation", "Aluminum Company of America")] == (2, 3)


# The wrong pages of the blind judgement of seed 2047 and their kin.


def test_a_trade_word_and_a_legal_form_cut_from_a_longer_name_is_for_review() -> None:
    kinds = kinds_in("Pier 1 Imports Inc said its board declared a stock split.")
    assert kinds["Imports Inc"] == "organisation?"  # of Pier 1 Imports Inc: no name alone


def test_one_word_either_side_of_and_is_one_firm() -> None:
    text = "Reynolds and Reynolds said it filed a countersuit. Reynolds claimed damages."
    assert kinds_in(text) == {"Reynolds and Reynolds": "organisation"}
    house = "He is an analyst with the trading house of Dominick and Dominick. Prices fell."
    assert kinds_in(house) == {"Dominick and Dominick": "organisation"}
    # a firm and its own, or initials, are no such firm
    assert not kinds_in("It ended its research partnership with Kodak and Kodak's funding.")
    assert "C and C" not in kinds_in('NEC follows its slogan "C and C" to create products.')


def test_a_lone_surname_is_the_unsure_firm_its_article_names_after_initials() -> None:
    gencorp = "GenCorp chairman A. William Reynolds said the offer was too low."
    tobacco = (
        "RJR Nabisco Inc's RJ Reynolds Tobacco USA unit said it sold its cigar business. "
        "Reynolds said the brand was small."
    )
    assert "Reynolds" not in people_in(tobacco)
    pages = published_pages(gencorp, gencorp + " ", tobacco, tobacco + " ")
    assert pages[("person", "A. William Reynolds")] == (0, 1)


def test_a_countrys_press_is_no_body() -> None:
    assert kinds_in("He knew of no bearish U.S. Press article, a dealer said.") == {
        "United States": "place"
    }
    firm = kinds_in("Triton Group said it bought U.S. Press Inc for cash.")
    assert firm["U.S. Press Inc"] == "organisation"


def test_a_firm_named_only_as_a_partnership_takes_no_lone_surname() -> None:
    firm = "Security Financial agreed to buy a unit of Brown and Co Inc for cash."
    other = "General Partners, of AFG Industries and Wagner and Brown, ended its offer. Brown said."
    pages = published_pages(firm, firm + " ", other)
    assert pages[("organisation", "Brown and Co Inc")] == (0, 1)
