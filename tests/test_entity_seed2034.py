"""Tests for the pages the seed-2034 judgement found wrong: an engineer's title read as a
surname ("Dr. Ing. H.C.F. Porsche AG" on analyst John Ing's page), ships in a list read as
people, a town opening a savings bank's name in a headline, a minister's title read as a
firm's name, and two hotel chains glued at "and"."""

from __future__ import annotations

from conftest import kinds_in, people_in


def test_an_engineers_title_after_dr_opens_the_firms_name_and_is_no_surname() -> None:
    porsche = "Sports carmaker Dr. Ing. H.C.F. Porsche AG <PSHG.F> said sales will rise."
    assert kinds_in(porsche) == {"Dr. Ing. H.C.F. Porsche AG": "organisation"}
    olivetti = "Ing. C. Olivetti EC Spa <OLIV.MI> plans to announce new computers."
    assert kinds_in(olivetti)["Ing. C. Olivetti EC Spa"] == "organisation"


def test_the_analyst_named_ing_is_still_a_person() -> None:
    analyst = "Maison Placements Canada Inc analyst John Ing said gold will rise."
    assert "John Ing" in people_in(analyst)
    doctor = "Dr. Robert Gale said the patients were recovering."
    assert "Robert Gale" in people_in(doctor)
