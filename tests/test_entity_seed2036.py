"""Tests for the pages a whole-corpus judgement found wrong: names cut at "of" after a paper's
or a news agency's head word ("Press Trust" of Press Trust of India), ..."""

from __future__ import annotations

from conftest import kinds_in


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
