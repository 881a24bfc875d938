"""Tests for the pages a whole-corpus judgement found wrong: names cut at "of" after a paper's
or a news agency's head word ("Press Trust" of Press Trust of India), partnerships of two
names cut at their comma ("Hill Richards Inc" of Bateman Eichler, Hill Richards Inc), a
fruit's variety read as its town ("Valencia oranges") and the given name "Jan" read as a month
("Jan de Vries" cut to a "Vries" that joined Rimmer de Vries), and a firm named like a person
read as one ("its Elizabeth Arden cosmetics business", "<David Jones Ltd>")."""

from __future__ import annotations

from newsarchive.entities import candidates
from newsarchive.entity_catalog import gather

from conftest import kinds_in, people_in


def test_a_papers_or_news_agencys_name_goes_on_after_of() -> None:
    pti = "The Press Trust of India said the rocket fell into the Bay of Bengal."
    found = kinds_in(pti)
    assert found["Press Trust of India"] == "organisation"
    assert "Press Trust" not in found
    nejm = "The study was published in the New England Journal of Medicine on Thursday."
    assert kinds_in(nejm) == {"New England Journal of Medicine": "organisation"}


def test_a_bank_and_trust_of_a_town_is_still_cut_at_and_as_before() -> None:
    bank = "It agreed to acquire Community Bank and Trust of Hartselle, Ala., for cash."
    assert "Community Bank and Trust" in kinds_in(bank)
    trust = "Americus Trust for Merck and Co Inc shares was declared effective."
    assert "Americus Trust" in kinds_in(trust)


def test_two_partners_with_a_comma_before_a_legal_form_are_one_firm() -> None:
    offer = (
        "Shares were sold through Alex. Brown and Sons Inc and Bateman Eichler, Hill Richards Inc."
    )
    found = kinds_in(offer)
    assert found["Bateman Eichler, Hill Richards Inc"] == "organisation"
    assert "Hill Richards Inc" not in found
    underwriters = "Underwriters were Nesbitt Thomson Deacon Ltd, Levesque, Beaubien Inc and McLeod Young Weir Ltd."
    assert "Levesque, Beaubien Inc" in kinds_in(underwriters)


def test_a_comma_before_a_firm_after_an_opening_word_a_list_or_a_person_stays_apart() -> None:
    assert kinds_in("Yesterday, Exxon Corp said it would cut prices.") == {
        "Exxon Corp": "organisation"
    }
    blocks = "Blocks went to Norsk Hydro, the operator, Statoil, Mobil Corp and others."
    assert "Mobil Corp" in kinds_in(blocks)
    texaco = "Texaco Inc said the court should hear the Texaco, Pennzoil Co case."
    assert "Pennzoil Co" in kinds_in(texaco)
    assert "Tony Oates" in kinds_in("said Tony Oates, Bond Corp finance director.")


def test_a_towns_name_before_a_fruit_is_a_variety_not_the_town() -> None:
    crop = "The late season harvest, consisting mostly of Valencia oranges, has not started."
    assert kinds_in(crop) == {}
    assert kinds_in("The corn will be shipped in the coming days from Valencia.") == {
        "Valencia": "place"
    }
    assert kinds_in("Florida oranges were hurt by the frost.") == {"Florida": "place"}


def test_jan_before_more_capitalised_words_is_a_given_name() -> None:
    dutch = (
        "Dutch Coffee Roasters' Association secretary Jan de Vries said prices would fall. "
        "There is no need for a renegotiation, de Vries added."
    )
    assert "Jan de Vries" in people_in(dutch)
    assert "Vries" not in kinds_in(dutch)
    assert people_in("Jan Carlzon announced the MD-11 order.") == {"Jan Carlzon"}
    assert kinds_in("The shares will be paid on Jan 5.") == {}


def test_a_persons_name_before_a_units_word_is_a_firms_unit() -> None:
    lilly = (
        "Eli Lilly and Co chose to sell off its lower growth Elizabeth Arden cosmetics "
        "business. It is not that Elizabeth Arden is bad."
    )
    assert "Elizabeth Arden" not in people_in(lilly)
    assert "John Carr" not in people_in("It stated that its John Carr unit would be sold.")


def test_a_persons_name_before_said_or_and_a_unit_is_still_a_person() -> None:
    assert "Martin Eby" in people_in("It formed a joint venture with Martin Eby and a subsidiary.")
    told = "Chairman Frank Baxter said the company and its units would grow."
    assert "Frank Baxter" in people_in(told)


def test_a_persons_page_lists_no_article_that_writes_the_name_with_a_legal_form() -> None:
    store = candidates(
        "ADSTEAM RAISES STAKE",
        [
            "Shares go to department store retailer <David Jones Ltd>. David Jones, owned "
            "49.2 pct by Adsteam, earned the largest profit."
        ],
    )
    economist = (
        '"The dollar will fall," said David Jones, economist at Aubrey G. Lanston and Co Inc.'
    )
    docs = [(0, store), (1, candidates("", [economist])), (2, candidates("", [economist + " "]))]
    pages = {(e.kind, e.name): e.articles for e in gather(docs).published}
    assert pages[("person", "David Jones")] == (1, 2)
