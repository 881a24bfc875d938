"""Tests for pages the seed-2031 judgement found wrong: a firm's name cut at "and" between its
initials ("S. and W. Berisford Plc" as "W. Berisford Plc", "LL and E Royalty Trust" opening a
sentence as "E Royalty Trust"), and the People's Bank of China folded into the Bank of China."""

from __future__ import annotations

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
