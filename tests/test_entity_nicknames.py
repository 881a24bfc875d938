"""Tests for one page per person written with a nickname and a formal given name ("Jim Wright" in
38 Reuters stories, "James Wright" in 10), or with a typo ("George Schultz" in 5 stories beside
George Shultz's 54): the two join when both are named beside the same other people or
organisations, and stay apart on the nickname list or the spelling alone."""

from __future__ import annotations

import pytest

from newsarchive.entities import candidates
from newsarchive.entity_catalog import gather

from conftest import published_pages

SPEAKER = (
    "House Speaker {} said the Ways and Means Committee would act, and Senator Bill "
    "Bradley of the Budget Committee agreed."
)


def _speakers(jim: int, james: int) -> list[str]:
    """Return articles naming the Speaker as "Jim Wright", then as "James Wright"."""
    named = ["Jim Wright"] * jim + ["James Wright"] * james
    return [SPEAKER.format(name) + " " * i for i, name in enumerate(named)]


def test_a_nickname_joins_the_formal_name_when_both_keep_the_same_company() -> None:
    pages = published_pages(*_speakers(3, 2))
    assert pages[("person", "Jim Wright")] == (0, 1, 2, 3, 4)  # more articles: its name
    assert ("person", "James Wright") not in pages
    assert pages[("person", "Bill Bradley")] == (0, 1, 2, 3, 4)


def test_with_as_many_articles_the_formal_name_is_the_pages() -> None:
    pages = published_pages(*_speakers(2, 2))
    assert pages[("person", "James Wright")] == (0, 1, 2, 3)
    assert ("person", "Jim Wright") not in pages


@pytest.mark.parametrize(
    ("formal", "first", "nick", "second"),
    [  # no company shared; one organisation only is not company enough
        ("James Miller", "Budget director James Miller told the Senate Finance Committee.",
         "Jim Miller", "Jim Miller, president of the Teamsters local in Ohio, said so."),
        ("Robert White", "Robert White, an economist at Chase Manhattan Bank, said so.",
         "Bob White", "Bob White of Chase Manhattan Bank in Houston said the loan was repaid."),
    ],
)  # fmt: skip
def test_names_on_the_nickname_list_without_company_enough_stay_apart(
    formal: str, first: str, nick: str, second: str
) -> None:
    pages = published_pages(first, first + " ", second, second + " ")
    assert pages[("person", formal)] == (0, 1)
    assert pages[("person", nick)] == (2, 3)


def test_a_surname_alone_follows_the_joined_name() -> None:
    pages = published_pages(*_speakers(3, 2), "The House would vote on Tuesday, Mr Wright said.")
    assert pages[("person", "Jim Wright")] == (0, 1, 2, 3, 4, 5)


def _also(*texts: str) -> dict[str, tuple[str, ...]]:
    """Return the other names each published page is written with, by page name."""
    docs = [(i, candidates("", [text])) for i, text in enumerate(texts)]
    return {e.name: e.also for e in gather(docs).published}


def test_a_page_names_the_other_names_it_is_written_with() -> None:
    surname = "The House would vote on Tuesday, Mr Wright said."
    also = _also(*_speakers(3, 2), surname, "Prices fell in Peking on Monday.", "Beijing is calm.")
    assert also["Jim Wright"] == ("James Wright",)  # not "Wright", a shorter form
    assert also["Beijing"] == ("Peking",)
    assert also["Bill Bradley"] == ()


def test_other_case_legal_form_or_a_countrys_acronym_is_no_other_name() -> None:
    texts = [
        "Shares of <Texaco Inc> fell; Texaco said it would appeal.",
        "TEXACO said the court erred, and Texaco Inc shares rose.",
        "The U.S. Congress voted, and Congress adjourned.",
        "Congress met again.",
    ]
    also = _also(*texts)
    assert also.get("Texaco Inc", also.get("Texaco")) == ()
    assert also["Congress"] == ()


def test_a_spelling_or_a_cut_form_of_another_name_is_not_listed_again() -> None:
    texts = [
        "The International Coffee Organization met in London.",
        "The International Coffee Organisation said quotas stay.",
        "The OECD said growth slows.",
        "The Organisation for Economic Cooperation and Development, OECD, met.",
        "The Organization for Economic Cooperation and Development (OECD) met.",
        "Britain and the United Kingdom are one; Britain again.",
        "Britain said so.",
        "Great Britain said so.",
    ]
    also = _also(*texts)
    assert also["International Coffee Organization"] == ()
    (long,) = also["OECD"]  # one name, in the spelling more stories use (here a tie)
    assert long.replace("Organisation", "Organization") == (
        "Organization for Economic Cooperation and Development"
    )
    assert also["United Kingdom"] == ("Britain", "Great Britain")  # commoner first


def test_a_page_named_otherwise_than_its_one_written_name_says_so() -> None:
    # Mumbai's page listed four stories that all say Bombay, and said nothing of it
    also = _also("Prices rose in Bombay on Tuesday.", "Shares fell in Bombay.")
    assert also["Mumbai"] == ("Bombay",)


SECRETARY = (
    "Secretary of State {} met Treasury Secretary James Baker and told the Senate Foreign"
    " Relations Committee the talks would go on."
)


def _secretaries(*names: str) -> dict[tuple[str, str], tuple[int, ...]]:
    """Return the published pages of articles naming the Secretary of State by these names."""
    return published_pages(*(SECRETARY.format(name) + " " * i for i, name in enumerate(names)))


def test_a_name_spelt_one_letter_apart_joins_the_commoner_spelling() -> None:
    pages = _secretaries("George Shultz", "George Shultz", "George Shultz", "George Schultz")
    assert pages[("person", "George Shultz")] == (0, 1, 2, 3)
    assert ("person", "George Schultz") not in pages


@pytest.mark.parametrize(
    "names",
    [
        ("George Shultz", "George Shultz", "George Schultz", "George Schultz"),  # which is a typo?
        ("John Lee", "John Lee", "John Lee", "John Lew", "John Lew"),  # short names: two people
    ],
)
def test_a_spelling_as_common_or_a_short_name_stays_apart(names: tuple[str, ...]) -> None:
    pages = _secretaries(*names)
    assert ("person", names[0]) in pages and ("person", names[-1]) in pages


MINISTER = "Prime Minister {} told the {} the talks would go on."


@pytest.mark.parametrize(
    ("name", "typo", "joined"),
    [  # a long name no census lists: a typo; "Andersen" and "Anderson" may be two people
        ("Andreas Papandreou", "Andreas Papanderou", True),
        ("Kenneth Anderson", "Kenneth Andersen", False),
    ],
)
def test_a_rare_long_name_spelt_one_letter_apart_needs_one_shared_name(
    name: str, typo: str, joined: bool
) -> None:
    # the Reuters story that spelt Papandreou "Papanderou" shared one other name with his 29
    texts = [
        *(MINISTER.format(name, "Socialist Party") + " " * i for i in range(3)),
        MINISTER.format(typo, "Socialist Party"),
    ]
    pages = published_pages(*texts, MINISTER.format(typo, "Socialist Party") + " ")
    assert (("person", typo) not in pages) is joined
    assert pages[("person", name)] == ((0, 1, 2, 3, 4) if joined else (0, 1, 2))


def test_a_name_of_three_words_spelt_one_letter_apart_in_one_is_one_person() -> None:
    # seed 2056's random person pages: "Aturo Hernandez Grisanti", the wire's typo, had a page
    # beside Arturo Hernandez Grisanti's (Venezuela's minister), no other name shared
    texts = [
        *(
            f"Energy Minister Arturo Hernandez Grisanti said output rose.{' ' * i}"
            for i in range(3)
        ),
        "Energy and Mines Minister Aturo Hernandez Grisanti told a news conference.",
        "Minister Aturo Hernandez Grisanti left for Vienna. ",
    ]
    pages = published_pages(*texts)
    assert pages[("person", "Arturo Hernandez Grisanti")] == (0, 1, 2, 3, 4)
    assert ("person", "Aturo Hernandez Grisanti") not in pages
    # two words: a namesake as likely, unless they share company (above)
    two = published_pages(
        "Mark Johnson, a reporter, said so.",
        "Mark Johnson, a reporter, said so. ",
        "Mark Johnston, a banker, said so.",
        "Mark Johnston, a banker, said so. ",
    )
    assert ("person", "Mark Johnson") in two and ("person", "Mark Johnston") in two
