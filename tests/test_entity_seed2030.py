"""Tests for pages the seed-2030 judgement found wrong: a person's name cut at a nickname in
brackets, a firm's name opening with a month after "The", a princess's given name folded
into a firm's page, and a firm's name ending in a legal form written with full stops ("Harris
Associates L.P.") read as no name, so that its short name joined another firm's."""

from __future__ import annotations

from newsarchive.entities import candidates
from newsarchive.entity_catalog import gather

from conftest import kinds_in, people_in

NICKNAME_IN_BRACKETS = (
    'more optimistic (than last year)," Commissioner James E. (Jim)\nNugent said.'
)
FIRM_WITH_ITS_PLACE_IN_BRACKETS = (
    "After yesterday's market close Hutchison and its parent Cheung Kong (Holdings) Ltd both "
    "announced one-for-two bonus issues."
)
FIRMS_WITH_TRADES_IN_BRACKETS = (
    "Warburg and Co Ltd, Goldman, Sachs International Corp, Jardine Fleming (Securities) Ltd, "
    "First Boston Corp and Ford Motor (Canada) Ltd will each have 0.5 pct."
)
A_TITLE_BEFORE_BRACKETS = "Judge (Harold) Greene ruled on the case."
MONTH_OPENING_A_FIRM_AFTER_THE = (
    "The May Department Stores Co said it has signed an agreement to sell its Sycamore "
    "Specialty Store Division. May said it expects to close the deal in April."
)
MONTH_BEFORE_A_BODY_AFTER_THE = "The July United Nations Conference on Cocoa will meet."
PRINCESS = "Britain's Prince Charles and Princess Diana went to Saudi Arabia."
FIRM_OF_THE_SAME_NAME = "Diana Corp said it organized the Stockholders Protective Committee."
KING = "Tindemans said after talks with King Hussein of Jordan."
PRESIDENT = "Iraqi President Saddam Hussein said the war would go on."


def test_a_nickname_in_brackets_stays_out_of_the_name() -> None:
    assert people_in(NICKNAME_IN_BRACKETS) == {"James E. Nugent"}


def test_a_nicknamed_person_is_not_folded_into_a_namesake() -> None:
    olson = "James E. Olson, chairman of American Telephone and Telegraph Co, said it would."
    texts = [olson, olson, NICKNAME_IN_BRACKETS]
    found = gather(enumerate(candidates("", [t]) for t in texts))
    pages = {e.name: e.articles for e in found.published}
    assert pages["James E. Olson"] == (0, 1)


def test_a_name_cut_at_an_initial_stands_for_no_fuller_name() -> None:
    olson, cut = ("person", "James E. Olson"), ("person?", "James E")
    found = gather([(0, (olson,)), (1, (olson,)), (2, (cut,))])
    assert [(e.name, e.articles) for e in found.published] == [("James E. Olson", (0, 1))]


def test_brackets_holding_no_given_name_stay_in_a_firms_name() -> None:
    assert "Cheung Kong Ltd" not in kinds_in(FIRM_WITH_ITS_PLACE_IN_BRACKETS)
    names = kinds_in(FIRMS_WITH_TRADES_IN_BRACKETS)
    assert "Jardine Fleming Ltd" not in names and "Ford Motor Ltd" not in names
    assert names["Canada"] == "place"


def test_a_given_name_in_brackets_after_a_title_is_kept() -> None:
    assert people_in(A_TITLE_BEFORE_BRACKETS) == set()


def test_a_month_after_the_opens_a_firms_name() -> None:
    assert kinds_in(MONTH_OPENING_A_FIRM_AFTER_THE) == {
        "May Department Stores Co": "organisation",
        "Sycamore Specialty Store Division": "organisation",
    }


def test_a_month_after_the_before_a_body_is_a_date() -> None:
    assert not any(name.startswith("July") for name in kinds_in(MONTH_BEFORE_A_BODY_AFTER_THE))


def test_a_given_name_after_a_royal_title_is_a_person() -> None:
    assert kinds_in(PRINCESS) == {
        "Britain": "place",
        "Charles": "person",
        "Diana": "person",
        "Saudi Arabia": "place",
    }


def test_a_princess_is_not_folded_into_a_firm_of_her_name() -> None:
    texts = [FIRM_OF_THE_SAME_NAME, FIRM_OF_THE_SAME_NAME, PRINCESS]
    found = gather(enumerate(candidates("", [t]) for t in texts))
    pages = {e.name: (e.kind, e.articles) for e in found.published}
    assert pages["Diana Corp"] == ("organisation", (0, 1))


def test_a_king_is_not_folded_into_a_namesake() -> None:
    found = gather(enumerate(candidates("", [t]) for t in [PRESIDENT, PRESIDENT, KING]))
    pages = {e.name: e.articles for e in found.published}
    assert pages["Saddam Hussein"] == (0, 1)


HARRIS_ASSOCIATES = (
    "Harris Associates L.P., a Chicago investment advisory limited partnership, said it "
    "lowered its stake in Bell Industries Inc. Harris said it sold 68,000 Bell common shares."
)
HARRIS_CORP = "MHS is a joint venture of the Matra group and Harris Corp. Harris said it agreed."
TWO_PARTNERSHIPS = (
    "The SEC granted requests made by Seemala Partners L.P. and IFB Managing Partnership "
    "L.P., to withdraw as registered broker-dealers."
)
INITIALS_INSIDE_A_NAME = "William K.K. Wong, managing director of Indosuez Asia, said."
INITIALS_OPENING_A_NAME = "The shares were sold through A.G. Edwards and Sons Inc."
TOWN_AND_A_SPANISH_FIRM = (
    "Petroleos del Norte S.A. (Petronor) runs a 45,000 tonne a year plant in Bilbao and Cia "
    "Espanola de Petroleos S.A. (Cepsa) plans to put a similar unit onstream next year."
)


def test_a_legal_form_with_full_stops_ends_a_firms_name() -> None:
    assert kinds_in(HARRIS_ASSOCIATES) == {
        "Harris Associates LP": "organisation",
        "Bell Industries Inc": "organisation",
    }
    assert kinds_in(TWO_PARTNERSHIPS) == {
        "SEC": "organisation?",
        "Seemala Partners LP": "organisation",
        "IFB Managing Partnership LP": "organisation",
    }


def test_two_firms_that_share_a_short_name_get_pages_of_their_own() -> None:
    texts = [HARRIS_ASSOCIATES, HARRIS_ASSOCIATES, HARRIS_CORP, HARRIS_CORP]
    found = gather(enumerate(candidates("", [t]) for t in texts))
    pages = {e.name: e.articles for e in found.published if e.name.startswith("Harris")}
    assert pages == {"Harris Associates LP": (0, 1), "Harris Corp": (2, 3)}


def test_initials_inside_or_opening_a_name_are_no_legal_form() -> None:
    assert people_in(INITIALS_INSIDE_A_NAME) == {"William K.K. Wong"}
    assert "A.G. Edwards and Sons Inc" in kinds_in(INITIALS_OPENING_A_NAME)


def test_a_town_and_a_spanish_firms_name_are_two_names() -> None:
    assert kinds_in(TOWN_AND_A_SPANISH_FIRM) == {
        "Petroleos del Norte SA": "organisation",
        "Bilbao": "place",
        "Cia Espanola de Petroleos SA": "organisation",
    }
