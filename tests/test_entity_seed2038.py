"""Tests for the pages the whole-corpus judgement of seed 2038 found wrong: a market
technician's job glued to her name ("Technician Leslie Keefe of Technical Data Corp")."""

from __future__ import annotations

from conftest import people_in


def test_a_technicians_or_chartists_job_is_not_part_of_the_name() -> None:
    text = (
        "Technician Leslie Keefe of Technical Data Corp of Boston said bond prices would rise. "
        "Chartist Leslie Keefe expects another rally."
    )
    assert people_in(text) == {"Leslie Keefe"}
