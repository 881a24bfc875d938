"""Tests for the junk people pages a new user's reading of the Reuters build found: an office's
portfolio or place glued to its holder's name ("Negotiations Michael Duffy", "Peking Octavio
Valerio", "Drugs Frank E. Young"); a city by its 1987 name unknown ("Peking", 54 stories); a
Hong Kong daily read as a person ("Wen Wei Po"); and a firm's short name of one word read as a
place, counted for a peer of that surname ("Young")."""

from __future__ import annotations

from conftest import kinds_in, people_in, published_pages


def test_the_portfolio_after_minister_for_is_no_part_of_the_name() -> None:
    duffy = "Australian Minister for Trade Negotiations Michael Duffy said his country would act."
    assert people_in(duffy) == {"Michael Duffy"}
    assert kinds_in("Minister for Primary Industries John Kerin said.") == {"John Kerin": "person"}
    assert people_in("Commissioner of Food and Drugs Frank E. Young said.") == {"Frank E. Young"}
    assert people_in("Minister of State for Foreign Affairs Lynda Chalker said.") == {
        "Lynda Chalker"
    }


def test_the_place_after_ambassador_to_is_a_place_and_the_holder_a_person() -> None:
    assert kinds_in("Portuguese Ambassador to China Octavio Valerio said.") == {
        "China": "place",
        "Octavio Valerio": "person",
    }
    assert kinds_in("Turkey's Ambassador to Athens Nazmi Akiman arrived.")["Nazmi Akiman"] == (
        "person"
    )
    # without an office before it, a run of capitals stays one name
    assert "Octavio Valerio" not in people_in("They went to Peking Octavio Valerio said.")


def test_a_city_by_its_former_name_is_a_place_with_todays_page() -> None:
    assert kinds_in("Prices fell in Peking on Monday.") == {"Peking": "place"}
    pages = published_pages(
        "Prices fell in Peking on Monday.",
        "The harvest was good in Beijing this year.",
        "Prices rose in Bombay on Tuesday.",
        "Shares fell in Bombay.",
    )
    assert pages[("place", "Beijing")] == (0, 1)
    assert pages[("place", "Mumbai")] == (2, 3)


def test_a_name_before_a_papers_apposition_is_the_paper() -> None:
    assert kinds_in("Wen Wei Po, a Hong Kong daily, said the drought was bad.") == {
        "Wen Wei Po": "organisation",
        "Hong Kong": "place",
    }
    assert kinds_in("Asahi Shimbun, the Tokyo daily newspaper, said so.")["Asahi Shimbun"] == (
        "organisation"
    )
    # a paper's word that goes on is no paper: "a paper trader", "a daily visitor"
    assert people_in("John Smith, a paper trader, said so.") == {"John Smith"}
    assert people_in("Jim Jones, a daily visitor, said so.") == {"Jim Jones"}


def test_a_one_word_place_read_without_evidence_counts_for_no_person() -> None:
    lord = "Lord Young, the Employment Minister, said unemployment fell."
    firm = "Alexis will succeed Rooney as chief executive of Young, with Hubbs as president."
    assert kinds_in(firm).get("Young") == "place?"
    assert ("person", "Young") not in published_pages(lord, firm)
    assert published_pages(lord, lord + " ")[("person", "Young")] == (0, 1)


def test_an_unknown_given_name_after_a_title_is_part_of_the_name() -> None:
    # seed 2040's one wrong person page: "Mohammad Ershad" cut from the president's name
    assert people_in("President Hossain Mohammad Ershad said so.") == {"Hossain Mohammad Ershad"}
    assert people_in("Singapore President Wee Kim Wee said so.") == {"Wee Kim Wee"}
    # a title's typo and a title's qualifier are still no part of it
    assert people_in("Prime Minsiter Yasuhiro Nakasone said so.") == {"Yasuhiro Nakasone"}
    for qualifier in ("Elect", "Designate", "Emeritus"):
        assert people_in(f"Chairman {qualifier} John Smith said so.") == {"John Smith"}


def test_a_house_of_commons_alone_says_not_which_countrys() -> None:
    # seed 2040: one page held Canada's House of Commons (21 stories) and Britain's (5)
    assert kinds_in("The bill goes to the House of Commons next week.") == {
        "House of Commons": "organisation?"
    }


def test_a_place_page_by_todays_name_says_how_the_stories_write_it(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(
        {
            "articles/a.txt": "Grain talks\n\nPrices fell in Peking on Monday, traders said.\n",
            "articles/b.txt": "Port opens\n\nThe new port near Beijing opened on Tuesday.\n",
        }
    )
    page = built.page("places/beijing/index.html")
    assert '<p class="term-also">Also written Peking</p>' in page
    assert "2 articles" in page


def test_an_editors_words_in_brackets_before_a_surname_break_no_name() -> None:
    # "Dilson" had a page of its own from this sentence in two stories
    quoted = '"(Brazilian Finance Minister Dilson) Funaro\'s visit to Europe has helped."'
    assert people_in(quoted) == {"Dilson Funaro"}
    assert people_in("He said (Soviet leader Mikhail) Gorbachev would come.") == {
        "Mikhail Gorbachev"
    }
    # one word in brackets stays apart: a firm's place, a nickname after a title
    assert "Canada" in kinds_in("Ford Motor (Canada) Ltd said so.")
    assert kinds_in("Judge (Harold) Greene ruled.") == {}
