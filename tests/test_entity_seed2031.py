"""Tests for pages the seed-2031 judgement found wrong: a firm's name cut at "and" between its
initials ("S. and W. Berisford Plc" as "W. Berisford Plc", "LL and E Royalty Trust" opening a
sentence as "E Royalty Trust"), the People's Bank of China folded into the Bank of China, and
a founder's possessive cut off a firm's name ("Heinl's Nursery Inc" as "Nursery Inc"), and a
price table's headline read as a dateline ("TOKYO RUBBER (YEN PER KILO)" as a place)."""

from __future__ import annotations

from newsarchive.entities import candidates

from conftest import kinds_in

INITIALS_WITH_FULL_STOPS = (
    "NEW YORK, June 2 - W.R. Grace and Co said it has agreed to\ncombine its cocoa processing "
    "businesses with those of S. and W.\nBerisford PLC."
)
INITIALS_OPENING_A_SENTENCE = "HOUSTON, March 30 - LL and E Royalty Trust said its monthly"
AN_ARTICLE_LETTER_OPENING_A_SENTENCE = "WHITE PLAINS, N.Y., April 1 - A and W Brands Inc said it"
INITIALS_BEFORE_A_BANK = "HANCOCK, MICH., June 29 - D and N Savings Bank said it"


def test_initials_joined_by_and_open_one_firms_name() -> None:
    assert kinds_in(INITIALS_WITH_FULL_STOPS)["S. and W. Berisford PLC"] == "organisation"
    assert kinds_in(INITIALS_OPENING_A_SENTENCE)["LL and E Royalty Trust"] == "organisation"
    assert kinds_in(AN_ARTICLE_LETTER_OPENING_A_SENTENCE)["A and W Brands Inc"] == "organisation"
    assert kinds_in(INITIALS_BEFORE_A_BANK)["D and N Savings Bank"] == "organisation"
    block = kinds_in("on H and R Block Inc's offices to interpret the new tax codes.")
    assert block == {"H and R Block Inc": "organisation"}


def test_capitals_joined_by_and_with_no_head_after_are_no_firm() -> None:
    assert kinds_in("R and D spending rose.") == {}
    names = kinds_in("Officials said EC and U.S. officials met.")
    assert names == {"EC": "organisation", "United States": "place"}


PEOPLES_BANK = (
    "The paper said Chen Muhua, president of the People's Bank\nof China, and Vice Premier Yao "
    "Yilin attended the firm's founding ceremony."
)


def test_peoples_opening_a_bodys_name_stays_in_it() -> None:
    names = kinds_in(PEOPLES_BANK)
    assert names["People's Bank of China"] == "organisation" and "Bank of China" not in names
    assert "National People's Congress" in kinds_in("parliament, the National People's Congress")
    assert kinds_in("the People's Republic of China said") == {"China": "place"}


FOUNDERS_FIRM = (
    "TAHLEQUAH, OKLA., March 2 - American Nursery Products Inc\nsaid it purchased Miami-based "
    "Heinl's Nursery Inc, for\nundisclosed terms."
)
OWNERS_UNIT = "Robert Reilly, president of CSX's Sea-Land Corp unit, will retire."
OWNER_BEFORE_A_TICKER = "It sold them for about the same as Dupont's <DD> Conoco Inc in a deal."
OWNERS_SUBSIDIARY = "Stearns is a unit of Foster's Conergic Corp subsidiary."
OWNER_ON_ITS_OWN = "Emery would sell Purolator's air hub and would divest Purolator's Stant Inc."
OWNER_OF_A_FIRM_WITH_A_NAME_OF_ITS_OWN = (
    "It cut the ratings of BankAmerica's Seafirst Corp. Seafirst Chairman Richard Cooley said."
)


def test_a_founders_possessive_before_one_word_and_a_legal_form_is_the_firms_name() -> None:
    assert kinds_in(FOUNDERS_FIRM)["Heinl's Nursery Inc"] == "organisation"


def test_an_owners_possessive_stays_out_of_its_units_name() -> None:
    assert kinds_in(OWNERS_UNIT)["Sea-Land Corp"] == "organisation"
    assert kinds_in(OWNER_BEFORE_A_TICKER)["Conoco Inc"] == "organisation"
    assert kinds_in(OWNERS_SUBSIDIARY)["Conergic Corp"] == "organisation"
    assert kinds_in(OWNER_ON_ITS_OWN)["Stant Inc"] == "organisation"
    assert "BankAmerica's Seafirst Corp" not in kinds_in(OWNER_OF_A_FIRM_WITH_A_NAME_OF_ITS_OWN)


def test_a_price_tables_unit_in_brackets_makes_no_dateline() -> None:
    found = candidates("TOKYO RUBBER (YEN PER KILO) - APRIL 07", ["PREV OPG 1045 1345 CLSG"])
    assert ("place", "Tokyo Rubber") not in found and ("organisation", "YEN PER KILO") not in found
    dateline = candidates("", ["CULIACAN, Mexico (Reuters) - The army said it would."])
    assert ("place", "Mexico") in dateline and ("organisation", "Reuters") in dateline
