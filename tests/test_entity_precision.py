"""Tests for the error classes of the seed-2027 judgement: a place word at the core of another
name, a surname read as a region, names cut at an apostrophe, a numeral or "and", generic
bodies, an acronym shared by a firm and a statistic, a partnership's name and products."""

from __future__ import annotations

from newsarchive.entities import candidates
from newsarchive.entity_catalog import Entity, collect, gather
from newsarchive.entity_things import firms_building

COUNTRY_AT_THE_CORE_OF_A_FIRMS_NAME = (
    "It pooled interests with Angola State Bank. China Great Wall Industries Co signed. "
    "Trials ran at the Beth Israel Medical Centre."
)
COUNTRY_SAYING_WHERE_A_FIRM_IS = "The Bank of Japan and LASMO Exploration (Canada) Ltd agreed."
REGION_AS_A_SURNAME = (
    "Commission chairwoman Martha Hesse said the plan was sound. Hesse said it would help."
)
SMALL_TOWN_OPENING_A_LONGER_PLACE = (
    "It dumped mud into the Beaufort Sea. The mud went into the Beaufort at its site."
)
TRADE_TERM_BEFORE_A_PLACE = "Kuwaiti crude rose at FOB Gulf ports, and Fob Gulf naphtha fell."
PRODUCT_NAMED_LIKE_A_PLACE_OR_PERSON = (
    "Workers make the Pontiac models. New toys include a talking Mickey Mouse toy. "
    "Loans on its Delta 88 cars were extended. It assembles the Pontiac 6000."
)
CARTOON_CHARACTERS = "It sells jewelry with Disney characters such as Mickey Mouse and Donald Duck."
NAME_AFTER_A_PLURAL_POSSESSIVE = "He holds shares in Consumers' Gas Co Ltd and Hiram Walker."
NAME_AFTER_AN_ORDINAL = "He was president of 20th Century-Fox Film Corp until 1985."
NAME_BEFORE_A_TITLE_AFTER_AND = "Office of Management and Budget Director James Miller spoke."
GOODS_JOINED_BY_AND = "Iraq's State Trade Organization for Grains and Foodstuffs bought wheat."
TRADE_WORD_AND_LEGAL_FORM = "Coca-Cola's Telecommunications Inc unit was sold."
COMPANY_ORGAN = "The Board of Directors of Fitchburg Gas met on Monday."
PARTNERSHIP_AFTER_A_FIRM_CUE = "The auditors Deloitte Haskins and Sells said the bank may fail."


def names(text: str) -> set[tuple[str, str]]:
    """Return the (kind, name) candidates of one paragraph."""
    return set(candidates("", [text]))


def published(*texts: str) -> dict[str, Entity]:
    """Return the published entities of one-paragraph articles, by key (any one article)."""
    return {e.key: e for e in collect(enumerate(candidates("", [t]) for t in texts), 1)}


def test_a_country_at_the_core_of_a_firms_name_is_no_place() -> None:
    places = {n for k, n in names(COUNTRY_AT_THE_CORE_OF_A_FIRMS_NAME) if k == "place"}
    assert places.isdisjoint({"Angola", "China", "Israel"})


def test_a_country_saying_where_a_firm_is_is_still_named() -> None:
    places = {n for k, n in names(COUNTRY_SAYING_WHERE_A_FIRM_IS) if k == "place"}
    assert places == {"Japan", "Canada"}


def test_a_regions_name_that_is_a_named_persons_surname_is_the_person() -> None:
    found = names(REGION_AS_A_SURNAME)
    assert ("person", "Martha Hesse") in found
    assert not any(n == "Hesse" or k == "place" for k, n in found)


def test_a_small_towns_name_opening_a_longer_place_is_that_place() -> None:
    assert {n for k, n in names(SMALL_TOWN_OPENING_A_LONGER_PLACE) if k == "place"} == {
        "Beaufort Sea"
    }


def test_a_trade_term_is_no_part_of_a_place() -> None:
    assert {n for k, n in names(TRADE_TERM_BEFORE_A_PLACE) if k == "place"} == {"Gulf"}


def test_products_and_cartoon_characters_are_no_places_or_people() -> None:
    found = names(PRODUCT_NAMED_LIKE_A_PLACE_OR_PERSON) | names(CARTOON_CHARACTERS)
    assert not {k for k, _ in found} & {"place", "person"}


def test_a_firms_name_cut_at_an_apostrophe_or_a_numeral_is_unconfirmed() -> None:
    for text in (NAME_AFTER_A_PLURAL_POSSESSIVE, NAME_AFTER_AN_ORDINAL):
        assert not {k for k, n in names(text) if "Corp" in n or "Co Ltd" in n} & {"organisation"}
    assert not published(NAME_AFTER_A_PLURAL_POSSESSIVE, NAME_AFTER_AN_ORDINAL).keys() & {
        "gas",
        "century-fox-film",
    }


def test_a_name_goes_on_over_and_to_its_last_word() -> None:
    assert ("organisation", "Office of Management and Budget") in names(
        NAME_BEFORE_A_TITLE_AFTER_AND
    )
    assert ("organisation", "State Trade Organization for Grains and Foodstuffs") in names(
        GOODS_JOINED_BY_AND
    )


def test_generic_names_of_a_trade_or_a_company_organ_give_no_page() -> None:
    assert not published(TRADE_WORD_AND_LEGAL_FORM, COMPANY_ORGAN).keys() & {
        "telecommunications",
        "board-of-directors",
    }


def test_a_partnership_after_a_firm_cue_is_one_firm_and_no_person() -> None:
    assert names(PARTNERSHIP_AFTER_A_FIRM_CUE) == {("organisation", "Deloitte Haskins and Sells")}


def test_a_body_many_countries_have_is_unconfirmed_when_qualified_by_several() -> None:
    docs = [
        (0, (("organisation", "Chinese Communist Party"),)),
        (1, (("organisation", "Soviet Communist Party"),)),
        (2, (("organisation", "Communist Party"),)),
        (3, (("organisation", "Communist Party"),)),
    ]
    found = gather(docs)
    assert "communist-party" not in {e.key for e in found.published}
    assert "communist-party" in {e.key for e in found.unconfirmed}


def test_a_firms_acronym_alone_does_not_bring_in_other_uses_of_it() -> None:
    docs = [
        (0, (("organisation", "CPI Corp"),)),
        (1, (("organisation", "CPI Corp"),)),
        (2, (("organisation?", "CPI"),)),
    ]
    (cpi,) = gather(docs).published
    assert cpi.articles == (0, 1)


SHIP_NAMED_AGAIN_WITHOUT_ITS_CUE = (
    "The U.S. sent the battleship Missouri to the Gulf. The Missouri, with four escorts, arrived."
)


def test_a_ships_name_is_the_ship_wherever_the_article_repeats_it() -> None:
    assert "Missouri" not in {n for _, n in names(SHIP_NAMED_AGAIN_WITHOUT_ITS_CUE)}


TWO_FIRMS_WITH_TICKERS_JOINED_BY_AND = (
    "Citicorp <CCI> and Chase Manhattan Corp <CMB> raised rates. Norcros <NCRO.L> Plc said."
)
PERSON_AND_BODY_JOINED_BY_AND = (
    "Fed chief Paul Volcker and International Monetary Fund head Michel Camdessus met."
)
PEOPLES_NAME_BEFORE_STATE = "The latest Belgian state loan raised 168.8 billion francs."
SMALL_TOWN_BEFORE_SHARES = "Royex offered to buy four mln Corona shares for cash."
INSTITUTION_OF_ANY_COUNTRY = "The Central Bureau of Statistics said prices rose."


def test_a_ticker_ends_the_firms_name_before_it_unless_the_name_goes_on() -> None:
    orgs = {n for k, n in names(TWO_FIRMS_WITH_TICKERS_JOINED_BY_AND) if k == "organisation"}
    assert orgs == {"Chase Manhattan Corp", "Norcros Plc"}  # "Citicorp" alone has no evidence


def test_a_person_and_a_body_joined_by_and_are_two_names() -> None:
    found = names(PERSON_AND_BODY_JOINED_BY_AND)
    assert ("person", "Paul Volcker") in found
    assert ("organisation", "International Monetary Fund") in found


def test_a_peoples_name_a_firms_short_name_and_a_generic_institution_give_no_page() -> None:
    texts = (PEOPLES_NAME_BEFORE_STATE, SMALL_TOWN_BEFORE_SHARES, INSTITUTION_OF_ANY_COUNTRY)
    assert not published(*texts).keys() & {"belgian", "corona", "central-bureau-of-statistics"}


CENTRAL_BANK_RATES_NAMED_AFTER_A_TOWN = (
    "The Bundesbank left its discount and Lombard rates unchanged; banks drew on the Lombard"
    " emergency financing facility, perhaps up to the 5.50 pct Lombard ceiling.",
    "MidCon Corp said its processing centre in Lombard, Illinois, will close.",
    "London rates eased as Hong Kong rates held.",
)


def test_a_central_banks_rate_named_after_a_town_is_no_place() -> None:
    # Reuters: the Illinois town's page listed 13 stories of the Bundesbank's Lombard rate
    rates, town, cities = CENTRAL_BANK_RATES_NAMED_AFTER_A_TOWN
    assert not {n for _, n in names(rates)} & {"Lombard"}
    assert "Lombard" in {n for k, n in names(town) if k.startswith("place")}  # the town is
    assert {n for k, n in names(cities) if k.startswith("place")} == {"London", "Hong Kong"}


FIRM_OPENING_FIRST_OF = "First of America Bank Corp said it acquired Keystone Bancshares Inc."


def test_a_firms_name_opening_first_of_is_kept_whole() -> None:
    assert ("organisation", "First of America Bank Corp") in names(FIRM_OPENING_FIRST_OF)


BANK_NAMED_AFTER_ITS_FOUNDER = (
    "Hans Kaufmann, who follows Swiss equities for Bank Julius Baer, said."
)
TITLE_WITH_A_TYPO = "Simon served under Preesident Nixon."


def test_a_bank_named_after_its_founder_is_no_person() -> None:
    assert not {k for k, n in names(BANK_NAMED_AFTER_ITS_FOUNDER) if "Baer" in n} & {"person"}


def test_a_mistyped_title_is_no_part_of_the_name() -> None:
    assert ("person", "Nixon") in names(TITLE_WITH_A_TYPO)


def test_a_body_one_countrys_name_qualifies_is_unconfirmed() -> None:
    docs = [
        (0, (("organisation", "Japanese Export-Import Bank"),)),
        (1, (("organisation", "Export-Import Bank"),)),
        (2, (("organisation", "Export-Import Bank"),)),
    ]
    assert "export-import-bank" not in {e.key for e in gather(docs).published}


PERSON_WHOSE_SURNAME_IS_A_HEAD_WORD = "Sterling fell, said Anne Mills of Shearson Lehman Brothers."
NAME_CUT_AFTER_AND = "Home Savings and Loan Association Inc of Durham, N.C., said it met."
REGION_AND_LEGAL_FORM = "Nova, an Alberta Corp, said it would redeem its shares."
TWO_BODIES_AFTER_A_NAME_AND_THE = "They told Reuters the House of Representatives and Senate met."


def test_a_given_name_and_a_surname_that_is_a_head_word_may_be_a_person() -> None:
    assert ("person?", "Anne Mills") in names(PERSON_WHOSE_SURNAME_IS_A_HEAD_WORD)


def test_a_name_opening_with_loan_or_a_region_and_a_legal_form_is_unconfirmed() -> None:
    found = names(NAME_CUT_AFTER_AND) | names(REGION_AND_LEGAL_FORM)
    assert ("organisation?", "Loan Association Inc") in found
    assert ("organisation?", "Alberta Corp") in found


def test_the_after_a_name_and_a_head_word_after_and_part_names() -> None:
    # (Reuters, only cited, is no subject of the story: `entity_sources.cited_agency`)
    assert names(TWO_BODIES_AFTER_A_NAME_AND_THE) == {
        ("organisation", "House of Representatives"),
        ("organisation", "Senate"),
    }


PARTNERSHIP_WITH_A_HEAD_WORD = "said Carroll McEntee and McGinley Futures analyst Brian Singer."
GENERIC_FORCES_AND_SAVINGS = "Branches of the Armed Forces met. National Savings said it would."


def test_a_partnership_ending_in_a_head_word_is_one_firm() -> None:
    assert ("organisation", "Carroll McEntee and McGinley Futures") in names(
        PARTNERSHIP_WITH_A_HEAD_WORD
    )


def test_armed_forces_and_national_savings_are_generic() -> None:
    assert not {k for k, _ in names(GENERIC_FORCES_AND_SAVINGS)} & {"organisation"}


FEAST_NAMED_LIKE_A_TOWN = "It meets on Thursday because of the Corpus Christi holiday here."


def test_a_feast_named_like_a_town_is_no_place() -> None:
    assert names(FEAST_NAMED_LIKE_A_TOWN) == set()


TOWN_ENDING_A_BROKERS_NAME = (
    "said analyst Eliot Laurence of Wessels Arnold and Henderson, a Minneapolis brokerage."
)


def test_a_town_ending_a_partnership_after_two_surnames_is_no_place() -> None:
    assert "Henderson" not in {n for _, n in names(TOWN_ENDING_A_BROKERS_NAME)}


JOB_BEFORE_A_NAME = "Lawyer David Steel, representing the government, told the inquiry."


def test_a_job_word_before_a_name_is_no_part_of_it() -> None:
    assert ("person", "David Steel") in names(JOB_BEFORE_A_NAME)


def test_the_netherlands_and_netherlands_are_one_place() -> None:
    docs = [(0, (("place", "The Netherlands"),)), (1, (("place", "Netherlands"),))]
    (place,) = gather(docs).published
    assert place.key == "netherlands" and place.articles == (0, 1)


# The classes the entities5 self-check left without a rule, and those its samples (seeds
# 160-164) showed.

PARTNERSHIPS_WRITTEN_WITH_COMMAS = (
    "The group includes Moore, Grossman and deRose Inc, an investment advisor. "
    "WASHINGTON, March 20 - Spear, Leeds and Kellogg, a New York brokerage partnership, said. "
    "David Saks, drug analyst with Morgan Olmstead, Kennedy and Gardner in New York, said."
)
LISTS_WITH_COMMAS = (
    "UMOA members are Benin, Burkina Faso, Ivory Coast, Mali and Togo. "
    "Underwriters are Drexel Burnham Lambert Inc, Kidder, Peabody and Co Inc and others."
)


def test_a_partnership_written_with_commas_is_one_firm_and_no_place() -> None:
    assert names(PARTNERSHIPS_WRITTEN_WITH_COMMAS) == {
        ("organisation", "Moore, Grossman and deRose Inc"),
        ("place", "Washington"),
        ("organisation", "Spear, Leeds and Kellogg"),
        ("place", "New York"),
        ("person", "David Saks"),
        ("organisation", "Morgan Olmstead, Kennedy and Gardner"),
    }


def test_a_list_of_places_or_firms_is_no_partnership() -> None:
    found = names(LISTS_WITH_COMMAS)
    assert {n for k, n in found if k == "place"} == {
        "Benin",
        "Burkina Faso",
        "Ivory Coast",
        "Mali",
        "Togo",
    }
    assert {n for k, n in found if k == "organisation"} == {
        "Drexel Burnham Lambert Inc",
        "Kidder, Peabody and Co Inc",
    }


SENTENCES_OPENING_WITH_A_TOWNS_NAME = (
    "Oral proceedings were held in the court on Friday.",
    "Male unemployment in February remained at 2.9 pct.",
    "Tokyo stocks rose on Monday.",
    "Brokers in Tokyo were cautious.",
)


def test_a_sentences_first_word_that_is_a_town_needs_another_article() -> None:
    found = published(*SENTENCES_OPENING_WITH_A_TOWNS_NAME)
    assert "oral" not in found and "male" not in found
    assert found["tokyo"].articles == (2, 3)


NAMES_GOING_ON_OVER_A_SECOND_AND = (
    "It was sent to the Office of Management and Budget and the Departments of State.",
    "The White House Office of Management and Budget (OMB) disavowed it.",
    "Bank of Bahrain and Kuwait said profits rose.",
    "The Bank of Japan and Toyota agreed.",
    "An official told Reuters the Ministry of International Trade and Industry agreed.",
)


def test_an_institutions_name_goes_on_over_and_unless_a_place_ends_it() -> None:
    found = set().union(*map(names, NAMES_GOING_ON_OVER_A_SECOND_AND))
    orgs = {n for k, n in found if k == "organisation"}
    assert orgs == {
        "Office of Management and Budget",
        "White House Office of Management and Budget",
        "Bank of Bahrain and Kuwait",
        "Bank of Japan",
        "Toyota",
        "Ministry of International Trade and Industry",
    }  # Reuters, only cited ("told Reuters"), is no subject of the story


UNITS_NAMED_BY_THEIR_TRADE = (
    "Tymnet is a unit of McDonnell's Information Systems Group.",
    "IBM's Information Systems Group grew. It sold its Engine Parts Division.",
    "Honeywell bought the Sperry Aerospace Group and its Apparel Group.",
    "The Sperry Aerospace Group gained.",
)


def test_a_unit_named_by_its_trade_alone_gives_no_page() -> None:
    found = published(*UNITS_NAMED_BY_THEIR_TRADE)
    assert set(found) == {"sperry-aerospace-group"}


def test_a_body_one_peoples_name_qualifies_is_generic_named_so_by_west_germany_too() -> None:
    found = published(
        "HAMBURG, March 9 - The West German Intervention Board said it would buy.",
        "Barley was sold by the U.K. Intervention Board at a tender.",
        "Wheat was sold by the U.K. Intervention Board at a tender.",
    )
    assert "intervention-board" not in found


PORTFOLIO_BEFORE_A_MINISTER = "Malaysian Primary Industries Minister Lim Keng Yaik said."
BODY_BEFORE_ITS_GOVERNOR = "He met Governor of the Bank of England Robin Leigh-Pemberton."


def test_a_ministers_portfolio_is_no_body_and_a_body_ends_before_a_name() -> None:
    assert names(PORTFOLIO_BEFORE_A_MINISTER) == {
        ("organisation?", "Malaysian Primary Industries"),
        ("person", "Lim Keng Yaik"),
    }
    assert names(BODY_BEFORE_ITS_GOVERNOR) == {
        ("organisation", "Bank of England"),
        ("person", "Robin Leigh-Pemberton"),
    }


NAMES_GOING_ON_OVER_AN_AMPERSAND_OR_AN_APOSTROPHE = (
    "Pay 'N Pak Stores Inc said sales rose. Bank Mees & Hope and Tate & Lyle Plc agreed. "
    "It will run the Cassa di Risparmio di Calabria e Lucania for now."
)


def test_a_name_cut_at_an_ampersand_or_an_apostrophe_is_unconfirmed() -> None:
    assert names(NAMES_GOING_ON_OVER_AN_AMPERSAND_OR_AN_APOSTROPHE) == {
        ("organisation?", "Pak Stores Inc"),
        ("organisation?", "Bank Mees"),
        ("organisation?", "Lyle Plc"),
        ("organisation?", "Cassa di Risparmio di Calabria"),
    }


GENERIC_COURT_AND_LEGAL_FORMS_ALONE = (
    "The Court of Appeal ruled. It sold Total Holdings (Australia) Pty Ltd to Elf."
)
SITE_NAMED_LIKE_A_TOWN = "Assays from the Richmond Hill deposit were rich."
SHIP_NAMED_SEA_SOMETHING = "Iran hit the American-flag tanker the Sea Isle City on Friday."


def test_a_court_of_appeal_legal_forms_a_deposit_and_a_ship_give_no_page() -> None:
    found = names(GENERIC_COURT_AND_LEGAL_FORMS_ALONE)
    assert ("organisation?", "Court of Appeal") in found
    assert not any(n.startswith("Pty") for _, n in found)  # "Pty Ltd" alone was a firm
    assert ("organisation", "Total Holdings (Australia) Pty Ltd") in found
    assert names(SITE_NAMED_LIKE_A_TOWN) == set()
    assert not {k for k, n in names(SHIP_NAMED_SEA_SOMETHING) if "Sea" in n} & {"place"}


FIRMS_SHORT_NAME_WITHOUT_ITS_S = (
    "Cyacq paid the fees of <Dixons Group PLC> in connection with Dixon's competing offer."
)


def test_a_towns_name_that_opens_a_firms_name_with_an_s_is_the_firm() -> None:
    assert names(FIRMS_SHORT_NAME_WITHOUT_ITS_S) == {("organisation", "Dixons Group PLC")}


def test_a_page_lists_no_article_that_names_another_kind_of_thing_so() -> None:
    docs = [
        (0, (("place", "San Miguel"), ("place", "Crosby"))),
        (1, (("organisation", "San Miguel"), ("person?", "Crosby"))),
        (2, (("place", "San Miguel"), ("place", "Crosby"))),
        (3, (("person?", "San Miguel"), ("organisation?", "Crosby"))),
    ]
    found = {e.key: e for e in gather(docs).published}
    assert found["san-miguel"].articles == (0, 2, 3)  # the brewer <San Miguel> is not the town
    assert found["crosby"].articles == (0, 2, 3)  # "Crosby said" is a person


HEADLINE_WITH_A_MISTYPED_CASE = "UNICORP REPORTS GAIN FROM PROPERTY SALe"


def test_a_word_in_capitals_then_lowercase_is_a_typo_not_a_place() -> None:
    assert not {k for k, _ in names(HEADLINE_WITH_A_MISTYPED_CASE)} & {"place"}


FIRM_OPENING_WITH_AN_ABBREVIATED_GIVEN_NAME = "Alex. Brown Inc said it declared a split."
COMMITTEES_AND_COMMANDS_OF_ANY_HOUSE_OR_ARMY = "A High Command communique said."


def test_alex_opens_a_firms_name_and_a_high_command_is_generic() -> None:
    assert names(FIRM_OPENING_WITH_AN_ABBREVIATED_GIVEN_NAME) == {
        ("organisation", "Alex. Brown Inc")
    }
    found = names(COMMITTEES_AND_COMMANDS_OF_ANY_HOUSE_OR_ARMY)
    assert {n for k, n in found if k == "organisation"} == set()


PARTNERSHIP_WITHOUT_AND = "said William Marcus of Donaldson, Lufkin, Jenrette Inc. It is."
DEPARTMENTS_WORD_AND_A_GENERIC_HEAD = (
    "The Canadian Radio-television and Telecommunications Commission ruled. The Oil Ministry said."
)
BODY_NAMED_AGAIN_WITHOUT_ITS_COUNTRY = (
    "The partners are Industrial and Commercial Bank of China, Fujian branch, and others. "
    "It faced competition from the Industrial and Commercial Bank."
)


def test_three_partners_before_a_legal_form_are_one_firm() -> None:
    assert ("organisation", "Donaldson, Lufkin, Jenrette Inc") in names(PARTNERSHIP_WITHOUT_AND)


def test_a_departments_word_and_a_generic_head_name_no_body() -> None:
    found = names(DEPARTMENTS_WORD_AND_A_GENERIC_HEAD)
    # a government department's name ("Oil Ministry") is read as one: which country's, its
    # stories' homes say when the archive is gathered (`entity_homes.at_home`)
    assert {n for k, n in found if k == "organisation"} == {"Oil Ministry"}


def test_a_bodys_name_cut_before_of_is_the_fuller_name_the_article_gives() -> None:
    orgs = {n for k, n in names(BODY_NAMED_AGAIN_WITHOUT_ITS_COUNTRY) if k == "organisation"}
    assert orgs == {"Industrial and Commercial Bank of China"}


BODY_NAMED_AGAIN_WITHOUT_ITS_CITY = (
    "NYFE will move to the floor of the New York Cotton Exchange, Cotton Exchange president "
    "Joseph O'Neill said."
)
NAME_AND_ITS_INITIALS_IN_BRACKETS = "State-owned <Banca Nazionale del Lavoro BNL> said."
GAZETTE_OF_ANY_COUNTRY = "A government decree in the Official Gazette said."


def test_a_bodys_name_without_its_city_is_the_fuller_name_the_article_gives() -> None:
    orgs = {n for k, n in names(BODY_NAMED_AGAIN_WITHOUT_ITS_CITY) if k == "organisation"}
    assert orgs == {"New York Cotton Exchange"}


def test_initials_after_a_name_are_no_part_of_it_and_a_gazette_is_generic() -> None:
    assert ("organisation", "Banca Nazionale del Lavoro") in names(
        NAME_AND_ITS_INITIALS_IN_BRACKETS
    )
    assert names(GAZETTE_OF_ANY_COUNTRY) == {("organisation?", "Official Gazette")}


FIRM_OPENING_WITH_GENERAL = "Photronics Corp got orders from General Dynamics corp for mirrors."


def test_general_before_dynamics_is_a_firms_name_not_a_rank() -> None:
    assert ("organisation", "General Dynamics") in names(FIRM_OPENING_WITH_GENERAL)


NAMES_HELD_BY_DISTRICT_CORPS_AND_THE_SOUTH = (
    "It was filed in the U.S. District Court for the Northern District of Illinois. "
    "It came from the U.S. Army Corps of Engineers. "
    "They were assumed by Central Bancshares of the South Inc, Birmingham, Ala. "
    "Prices rose, the Malaysian Rubber Exchange and Licensing Board said."
)
PEOPLES_REPUBLIC = (
    "The People's Republic of China is the newcomer. Taiwan is the Republic of China."
)


def test_names_go_on_over_a_districts_of_a_corps_of_and_of_the_south() -> None:
    orgs = {n for k, n in names(NAMES_HELD_BY_DISTRICT_CORPS_AND_THE_SOUTH) if k == "organisation"}
    assert orgs == {
        "District Court for the Northern District of Illinois",
        "Army Corps of Engineers",
        "Central Bancshares of the South Inc",
        "Malaysian Rubber Exchange and Licensing Board",
    }


def test_the_peoples_republic_of_china_is_china_and_the_republic_of_china_taiwans() -> None:
    assert names(PEOPLES_REPUBLIC) == {
        ("place", "China"),
        ("place", "Taiwan"),
        ("place", "Republic of China"),
    }


MODEL_WITH_A_ROMAN_NUMERAL_AND_A_CITYS_NETWORK = (
    "It will acquire nine 19-seat Metro III airplanes. The Paris Metro subway will grow."
)


def test_a_model_with_a_numeral_and_a_word_after_a_city_are_no_towns() -> None:
    assert names(MODEL_WITH_A_ROMAN_NUMERAL_AND_A_CITYS_NETWORK) == {
        ("place", "Paris"),
        ("place?", "Metro"),
    }


THRIFT_NAMED_AGAIN_WITHOUT_AND_LOAN = (
    "Far West agreed to acquire Progressive Savings and Loan Association <PRSL>. "
    "Progressive Savings said it agreed."
)
BANK_OF_A_STATE_BEFORE_AND = (
    "It completed the acquisitions of Union Bancorp of West Virginia Inc and Wayne Bancorp Inc."
)


def test_a_thrift_named_again_without_and_loan_is_the_fuller_name() -> None:
    assert names(THRIFT_NAMED_AGAIN_WITHOUT_AND_LOAN) == {
        ("person?", "Far West"),
        ("organisation", "Progressive Savings and Loan Association"),
    }


def test_a_firms_state_after_of_stays_in_its_name_before_and() -> None:
    assert names(BANK_OF_A_STATE_BEFORE_AND) == {
        ("organisation", "Union Bancorp of West Virginia Inc"),
        ("organisation", "Wayne Bancorp Inc"),
    }


TRADES_WORDS_AN_INITIAL_AND_A_MIXED_TICKER = (
    "He heads the Information Systems and Storage Group. It placed an order with Franco-U.S. "
    "Group <CFM International>. Rich Inc, owned by Reuters Holdings Plc <RtrSY>, said."
)


def test_trade_words_an_initial_and_a_head_and_a_mixed_case_ticker_name_no_firm() -> None:
    orgs = {n for k, n in names(TRADES_WORDS_AN_INITIAL_AND_A_MIXED_TICKER) if k == "organisation"}
    assert orgs == {"CFM International", "Rich Inc", "Reuters Holdings Plc"}


COMMITTEE_AND_COURT_OF_EITHER_HOUSE_OR_ANY_DISTRICT = (
    "The bill now goes to the full Banking Committee. The U.S. Bankruptcy Court approved it."
)


def test_a_banking_committee_and_a_bankruptcy_court_are_generic() -> None:
    found = names(COMMITTEE_AND_COURT_OF_EITHER_HOUSE_OR_ANY_DISTRICT)
    assert {n for k, n in found if k == "organisation"} == set()


THRIFT_OF_AMERICA = "H.F. Ahmanson and Co, parent of Home Savings of America, said."


def test_a_thrifts_name_ends_with_of_america() -> None:
    assert ("organisation", "Home Savings of America") in names(THRIFT_OF_AMERICA)


def test_a_title_before_a_departments_word_and_one_more_word_names_nobody() -> None:
    # Reuters: "its Major Energy Statistics publication" published a person "Statistics", and
    # "its integrated County Justice Information System" a person "System"
    for text in (
        "output fell, figures in its Major Energy Statistics publication show.",
        "It will design its integrated County Justice Information System.",
    ):
        assert not {n for k, n in names(text) if k.startswith("person")}, text
    assert ("person", "John Herrington") in names("Energy Secretary John Herrington said.")


def test_a_firms_possessive_name_it_is_known_by_is_kept_whole() -> None:
    # Reuters: "Moody's Investors Service said ..." published a firm "Investors Service"
    found = names("Moody's Investors Service said it downgraded the debt.")
    assert ("organisation", "Moody's Investors Service") in found


def test_new_england_is_a_region_not_a_firm() -> None:
    # Reuters: an organisation page "New England" listed 27 weather, power and banking stories
    pages = published(
        "Rain fell across New England and New York on Tuesday.",
        "Hydro-Quebec sells power to the New England states, a board said.",
    )
    assert pages["new-england"].kind == "place"


def test_a_firm_and_co_is_the_firm_and_its_founder_keeps_his_own_page() -> None:
    # Reuters: "Merrill Lynch and Co Inc", "Goldman, Sachs and Co" were pages of their own
    # ("merrill-lynch-and") beside Merrill Lynch and Goldman Sachs
    pages = published(
        "Merrill Lynch and Co Inc said it would underwrite the notes.",
        "The notes were sold through Merrill Lynch, the firm said.",
        "Goldman, Sachs and Co is the lead manager, a spokesman said.",
        "Analysts at Goldman Sachs expect higher rates.",
        "Mario Gabelli, head of New York investment firm Mario Gabelli and Co, said he sold some"
        " shares. Gabelli told Reuters there was nothing said.",
        "Mario Gabelli said he would buy more shares.",
        "Investor Mario Gabelli told Reuters he was a buyer.",
    )
    assert len(pages["merrill-lynch"].articles) == 2 and "merrill-lynch-and" not in pages
    assert len(pages["goldman-sachs"].articles) == 2 and "goldman-sachs-and" not in pages
    assert pages["mario-gabelli"].kind == "person"
    assert pages["mario-gabelli"].articles == (4, 5, 6)  # the firm's article names him too


def test_a_building_named_after_the_storys_firm_is_no_firm() -> None:
    # Reuters seed 2068, page 20: "First Wisconsin Center", the firm's headquarters, was a page
    # of organisations; a firm whose own name ends with a building's word is still one
    sold = names(
        "First Wisconsin Corp said it agreed to sell its First Wisconsin Center in Milwaukee."
    )
    assert ("organisation", "First Wisconsin Corp") in sold
    assert not any(name == "First Wisconsin Center" for _, name in sold)
    assert ("organisation", "Banking Center") in names(
        "Banking Center said its board declared an initial quarterly dividend."
    )
    assert firms_building("First Wisconsin Center", ["First Wisconsin Co Inc"])
    assert not firms_building("Bank Building", ["Bank Orwin"])  # a firm's whole name, no word


def test_a_place_written_only_as_a_crudes_name_is_no_place_of_the_story() -> None:
    # places seed 2070: "The heavier Wilmington grade" (Mobil's west coast postings) was on
    # Wilmington's page, "240,000 tonnes of Gulf of Suez crude" on the Gulf of Suez's
    posted = names(
        "Mobil raised its west coast crude postings. The heavier Wilmington grade was "
        "increased 1.20 dlrs. The Huntington Beach light grade was raised too."
    )
    assert not {"Wilmington", "Huntington Beach"} & {name for _, name in posted}
    bought = names(
        "CPC agreed to buy 240,000 tonnes of Gulf of Suez crude. Last year it bought 120,000"
        " tonnes Gulf of Suez through C.Itoh, and Kuwait crude from Kuwait."
    )
    assert "Gulf of Suez" not in {name for _, name in bought}
    assert ("place", "Kuwait") in bought  # a country's crude is its own oil
    drilled = names("Gulf Canada bought into the Gulf of Suez oil concession, which pumps crude.")
    assert ("place", "Gulf of Suez") in drilled  # written once not as a crude's: the place


def test_names_and_joins_after_a_firms_trade_are_one_firm() -> None:
    # places seed 2070: "investment banking firm Matthews and Wright has arranged" was listed
    # on the page of Matthews, N.C.; "firm" alone is wire copy's adjective of prices
    assert names("The investment banking firm Matthews and Wright has arranged bonds.") == {
        ("organisation", "Matthews and Wright")
    }
    assert names("The law firm Baker and McKenzie advised it.") == {
        ("organisation", "Baker and McKenzie")
    }
    assert ("place", "Japan") in names("Prices rose on firm Japan and Korea demand.")
