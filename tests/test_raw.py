"""Tests for newsarchive.loader.raw: the shape of raw article text."""

from __future__ import annotations

import pytest

from newsarchive.loader.raw import caption_and_credit, parse_raw, split_blocks

# caption_and_credit


def test_caption_with_agency_credit() -> None:
    assert caption_and_credit("A photo caption", "A photo caption AFP / STR") == (
        "A photo caption",
        "AFP / STR",
    )


def test_caption_repeated_without_credit() -> None:
    assert caption_and_credit("A photo caption", "A photo caption") == ("A photo caption", "")


@pytest.mark.parametrize(
    ("second", "credit"),
    [
        ("A photo caption - Reuters/Jane Doe", "Reuters/Jane Doe"),
        ("A photo caption | Getty Images", "Getty Images"),
        ("A photo caption (Reuters)", "(Reuters)"),
    ],
)
def test_caption_credit_separators(second: str, credit: str) -> None:
    assert caption_and_credit("A photo caption", second) == ("A photo caption", credit)


def test_caption_match_ignores_case_accents_and_spacing() -> None:
    assert caption_and_credit("Culiacán  at   night", "CULIACAN at night AFP") == (
        "Culiacán at night",
        "AFP",
    )


@pytest.mark.parametrize(
    "second",
    [
        "A different line entirely",
        "A photo captionist",  # the first line is only a prefix of a longer word
        "A photo caption " + "x" * 81,  # too long to be a credit
        "A photo",  # shorter than the first line
    ],
)
def test_not_a_caption(second: str) -> None:
    assert caption_and_credit("A photo caption", second) == ("", "")


def test_empty_first_line_is_not_a_caption() -> None:
    assert caption_and_credit("", "anything") == ("", "")


# split_blocks


def test_split_blocks_on_blank_lines_and_trims_lines() -> None:
    assert split_blocks("  a  \n  b \n \n\n c\n\u00a0\nd\n\n\n") == ["a\nb", "c", "d"]


def test_split_blocks_of_empty_text() -> None:
    assert split_blocks("  \n\n ") == []


# parse_raw


def test_headline_then_paragraphs() -> None:
    parts = parse_raw("Storm hits\n\nFirst paragraph.\n\nSecond\nparagraph.")
    assert parts.headline == "Storm hits"
    assert parts.caption == ""
    assert parts.paragraphs == ("First paragraph.", "Second paragraph.")


def test_caption_and_credit_replace_the_headline() -> None:
    body = "Troops patrol the city\nTroops patrol the city AFP / STR\n\nSoldiers patrolled."
    parts = parse_raw(body)
    assert parts.headline == ""
    assert parts.caption == "Troops patrol the city"
    assert parts.credit == "AFP / STR"
    assert parts.paragraphs == ("Soldiers patrolled.",)


def test_caption_block_with_more_lines_keeps_them_as_a_paragraph() -> None:
    parts = parse_raw("Caption line\nCaption line Reuters\nFirst words of text.\n\nMore.")
    assert parts.caption == "Caption line"
    assert parts.paragraphs == ("First words of text.", "More.")


def test_has_title_keeps_the_first_line_as_text() -> None:
    parts = parse_raw("This is a paragraph.\n\nAnother.", has_title=True)
    assert parts.headline == ""
    assert parts.paragraphs == ("This is a paragraph.", "Another.")


def test_first_line_longer_than_a_headline_is_a_paragraph() -> None:
    long_line = "word " * 70
    parts = parse_raw(long_line + "\n\nNext.")
    assert parts.headline == ""
    assert parts.paragraphs == (" ".join(long_line.split()), "Next.")


def test_empty_body_has_no_parts() -> None:
    parts = parse_raw("")
    assert (parts.headline, parts.caption, parts.paragraphs) == ("", "", ())


def test_reuters_dateline() -> None:
    parts = parse_raw("Headline\n\nCULIACAN, Mexico (Reuters) - Mexican forces captured him.")
    assert parts.dateline == "CULIACAN, Mexico (Reuters)"
    assert parts.agency == "Reuters"
    assert parts.date_text == ""
    assert parts.paragraphs == ("Mexican forces captured him.",)


def test_ap_dateline_with_date_and_em_dash() -> None:
    parts = parse_raw("Headline\n\nWASHINGTON, Jan. 5, 2023 (AP) — The Senate voted.")
    assert parts.dateline == "WASHINGTON, Jan. 5, 2023 (AP)"
    assert parts.agency == "AP"
    assert parts.date_text == "Jan. 5, 2023"
    assert parts.paragraphs == ("The Senate voted.",)


def test_dateline_with_double_hyphen_and_date_without_year() -> None:
    parts = parse_raw("Headline\n\nLONDON, Jan 5 (Reuters) -- Stocks fell.")
    assert parts.dateline == "LONDON, Jan 5 (Reuters)"
    assert parts.date_text == "Jan 5"
    assert parts.paragraphs == ("Stocks fell.",)


def test_capitals_dateline_without_agency() -> None:
    parts = parse_raw("Headline\n\nNEW YORK - Stocks fell.")
    assert parts.dateline == "NEW YORK"
    assert parts.agency == ""
    assert parts.paragraphs == ("Stocks fell.",)


@pytest.mark.parametrize(
    "lede",
    ["Paris - Stocks fell sharply.", "UN - Delegates met.", "Stocks fell - again - today."],
)
def test_not_a_dateline(lede: str) -> None:
    parts = parse_raw("Headline\n\n" + lede)
    assert parts.dateline == ""
    assert parts.paragraphs == (lede,)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
        ("By JANE DOE, Associated Press", "JANE DOE, Associated Press"),
        ("By Ana de la Cruz", "Ana de la Cruz"),
    ],
)
def test_byline(line: str, name: str) -> None:
    parts = parse_raw(f"Headline\n\n{line}\n\nThe text.")
    assert parts.byline == name
    assert parts.paragraphs == ("The text.",)


@pytest.mark.parametrize(
    "lede",
    [
        "By midday, police had closed the road.",
        "By Tuesday evening the fire was out.",
        "By 2030 the city will need more water.",
    ],
)
def test_short_lede_starting_with_by_is_not_a_byline(lede: str) -> None:
    parts = parse_raw(f"Headline\n\n{lede}\n\nMore.")
    assert parts.byline == ""
    assert parts.paragraphs == (lede, "More.")


def test_byline_then_dateline() -> None:
    parts = parse_raw("Headline\n\nBy Jane Doe\n\nNEW YORK (Reuters) - Stocks fell.")
    assert parts.byline == "Jane Doe"
    assert parts.dateline == "NEW YORK (Reuters)"
    assert parts.paragraphs == ("Stocks fell.",)


def test_raw_html_is_kept_as_text() -> None:
    parts = parse_raw('Headline\n\nIt said <script>alert("x")</script> & more.')
    assert parts.paragraphs == ('It said <script>alert("x")</script> & more.',)


# wire copy: indent-marked paragraphs, tables, sign-offs, briefs


def test_indented_lines_start_paragraphs_and_wrapped_lines_are_joined() -> None:
    body = (
        "HEADLINE\n\nLONDON, Feb 26 - First line\nwraps here.\n    Second\nparagraph.\n    Third.\n"
    )
    parts = parse_raw(body)
    assert parts.paragraphs == ("First line wraps here.", "Second paragraph.", "Third.")
    assert parts.tables == ()


def test_a_line_slipped_one_space_in_goes_on_with_its_sentence() -> None:
    body = (
        "TOP DISCOUNT RATE AT UK BILL TENDER\n\nLONDON, April 3 - The rate rose.\n"
        "    Applications at the lowest accepted price of 97.625 stg\n"
        " were allotted around 81 pct of the amount applied for, and\n"
        " applications above that price were allotted in full, the Bank\n"
        " of England said.\n    A total of 100 mln stg was offered.\n"
    )
    assert parse_raw(body).paragraphs == (
        "The rate rose.",
        "Applications at the lowest accepted price of 97.625 stg were allotted around 81 pct "
        "of the amount applied for, and applications above that price were allotted in full, "
        "the Bank of England said.",
        "A total of 100 mln stg was offered.",
    )


def test_indented_lowercase_rows_and_sentences_after_a_stop_keep_their_lines() -> None:
    body = (
        "NET\n\nWASHINGTON, April 17 - shr 46 cts vs 76 cts\n    div 30 cts vs 30 cts prior\n"
        "    net 8.5 mln vs 14.0 mln\n"
    )
    assert parse_raw(body).paragraphs == (
        "shr 46 cts vs 76 cts\ndiv 30 cts vs 30 cts prior\nnet 8.5 mln vs 14.0 mln",
    )
    prose = "H\n\nLONDON - The bank said rates would not change today.\n this is new.\n"
    assert parse_raw(prose).paragraphs == (
        "The bank said rates would not change today.",
        "this is new.",
    )


def test_blank_line_paragraphs_are_not_split_at_equal_indents() -> None:
    parts = parse_raw("Headline\n\n  One paragraph\n  wrapped.\n\n  Two.")
    assert parts.paragraphs == ("One paragraph wrapped.", "Two.")


def test_earnings_rows_are_a_table_whose_rows_stay_rows() -> None:
    body = (
        "NET\n\nCHICAGO, Feb 26 - Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n"
        "    Six mths\n    Revs 1.2 mln vs 1.1 mln\n    NOTE: 1985 includes a gain\nof 132,000 dlrs.\n"
    )
    parts = parse_raw(body)
    assert parts.dateline == "CHICAGO, Feb 26"
    assert parts.paragraphs == (
        "Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nSix mths\nRevs 1.2 mln vs 1.1 mln",
        "NOTE: 1985 includes a gain of 132,000 dlrs.",
    )
    assert parts.tables == (0,)


def test_column_aligned_rows_keep_their_alignment() -> None:
    body = "AUCTION\n\nNAIROBI - Prices fell.\n PB      430   430\n AA     7289  6834\n"
    parts = parse_raw(body)
    assert parts.paragraphs == ("Prices fell.", "PB      430   430\nAA     7289  6834")
    assert parts.tables == (1,)


def test_rows_of_figures_with_single_spaces_stay_in_their_table() -> None:
    # Reuters: "NYMEX PALLADIUM CLSG 7-APR" ran five of its rows together as one paragraph, and
    # "NY COMEX ALUMINUM 10:31" all of its "JUN7    UNTRD" rows
    palladium = (
        "NYMEX PALLADIUM CLSG 7-APR\n         OPEN       HIGH  LOW     CLOSE\n"
        " APR7   --            --    --    --\n"
        " JUN7 13050L 13125H 13125 13000 13050L 13075H\n"
        " SEP7 13100L 13125H 13125 13050   --\n"
        " DEC7 13110         13125 13000   --\n"
    )
    parts = parse_raw(palladium)
    assert parts.tables == (0,) and len(parts.paragraphs) == 1
    assert parts.paragraphs[0].split("\n")[2] == "JUN7 13050L 13125H 13125 13000 13050L 13075H"
    aluminum = "NY COMEX ALUMINUM 10:31\n        LAST CHANGE\nAPR7    UNTRD\nMAY7    6150 UNCH\n"
    aluminum += "JUN7    UNTRD\nJUL7    UNTRD\n"
    parts = parse_raw(aluminum)
    assert parts.tables == (0,) and parts.paragraphs[0].endswith("JUN7    UNTRD\nJUL7    UNTRD")
    prose = (
        "H\n\nLONDON - Output rose to 1,250 tonnes in 1986\nfrom 1,100 in 1985 and 950 in\n1984.\n"
    )
    assert parse_raw(prose).tables == ()


def test_an_ellipsis_in_prose_is_not_a_dot_leader() -> None:
    body = 'H\n\nWASHINGTON - He spoke.\n    "We are opposed.... We will fight\nit," he said.\n'
    parts = parse_raw(body)
    assert parts.tables == ()
    assert parts.paragraphs[1] == '"We are opposed.... We will fight it," he said.'


@pytest.mark.parametrize(
    "sign_off",
    [
        "Reuter",
        " REUTER",
        "REUTER...",
        "REUTER^M",
        " REUTER TAW",  # an operator's initials after it (Reuters-21578 has three)
        "REUTER N",
        "(AP)",
        "-30-",
        "###",
        "ENDS",
        "More to follow",
        "MORE",
    ],
)
def test_sign_off_lines_are_dropped(sign_off: str) -> None:
    parts = parse_raw(f"Headline\n\nThe text.\n{sign_off}\n")
    assert parts.paragraphs == ("The text.",)


def test_sign_off_typed_onto_the_last_line_is_dropped() -> None:
    assert parse_raw("H\n\nThe merger was opposed. REUTER\n").paragraphs == (
        "The merger was opposed.",
    )


def test_a_name_at_the_end_is_not_a_sign_off() -> None:
    parts = parse_raw("H\n\nThe plan was backed by chairman Edzard Reuter\n")
    assert parts.paragraphs == ("The plan was backed by chairman Edzard Reuter",)
    parts = parse_raw("H\n\nThe plan was backed by\nReuter AG\n")
    assert parts.paragraphs == ("The plan was backed by Reuter AG",)


@pytest.mark.parametrize(
    ("lede", "dateline", "agency"),
    [
        ("NEW YORK, Feb 26 - Stocks fell.", "NEW YORK, Feb 26", ""),
        ("New York, Feb 26 - Stocks fell.", "New York, Feb 26", ""),
        ("NEW YORK, FEB 26 - Stocks fell.", "NEW YORK, FEB 26", ""),
        ("LOUISVILLE, Ky., Feb 26 - Stocks fell.", "LOUISVILLE, Ky., Feb 26", ""),
        ("Mexico city, march 18 - Stocks fell.", "Mexico city, march 18", ""),
        ("JOHANNESBURG March 13 - Stocks fell.", "JOHANNESBURG March 13", ""),
        ("FORT WAYNE, IND., Marchg 12 - Stocks fell.", "FORT WAYNE, IND., Marchg 12", ""),
        ("LONDON, Feb 26 (Reuters) - Stocks fell.", "LONDON, Feb 26 (Reuters)", "Reuters"),
        ("WASHINGTON, March 12, Reuter - Stocks fell.", "WASHINGTON, March 12, Reuter", "Reuter"),
        ("NEW YORK (AP) — Stocks fell.", "NEW YORK (AP)", "AP"),
    ],
)
def test_datelines_in_any_case(lede: str, dateline: str, agency: str) -> None:
    parts = parse_raw(f"Headline\n\n{lede}\n")
    assert (parts.dateline, parts.agency) == (dateline, agency)
    assert parts.paragraphs == ("Stocks fell.",)


@pytest.mark.parametrize(
    "body",
    [
        "OPEN HIGH LOW - CLOSE\n MAR   12.1   12.4   11.9\n MAY   12.3   12.5   12.0\n",
        "ONE MTH           105  -  115 TWO MTH\n SIX MTH   527  -  542\n",
        "Shares rose 12 - 15 pct on the day.\n",
    ],
)
def test_table_headers_and_figures_are_not_datelines(body: str) -> None:
    assert parse_raw(f"Headline\n\n{body}").dateline == ""


@pytest.mark.parametrize("body", ["Blah blah blah.", "Blah blah blah.\n Reuter", "Lorem ipsum."])
def test_placeholder_body_is_dropped_and_marked(body: str) -> None:
    parts = parse_raw(f"Headline\n\n{body}\n")
    assert parts.paragraphs == ()
    assert parts.placeholder


def test_a_body_of_figures_is_not_a_placeholder() -> None:
    parts = parse_raw("N.Y. GOLD CLOSING - APR 7\n 422.25/423.25\n")
    assert parts.paragraphs == ("422.25/423.25",)
    assert not parts.placeholder


def test_a_flash_s_capitals_headline_loses_the_sign_off_typed_onto_it() -> None:
    flash = parse_raw("CANADA BUDGET DEFICIT DECLINE TO SLOW IN LATE 1980S - OFFICIAL Reuter\n")
    assert flash.headline == "CANADA BUDGET DEFICIT DECLINE TO SLOW IN LATE 1980S - OFFICIAL"
    named = parse_raw("Talks with Daimler chief Edzard Reuter\n")  # a name, not capitals
    assert named.headline == "Talks with Daimler chief Edzard Reuter"
    story = parse_raw("MEETING WITH EDZARD Reuter\n\nThe chairman spoke on Monday.\n")
    assert story.headline == "MEETING WITH EDZARD Reuter"  # a body follows: not a flash


@pytest.mark.parametrize(
    ("raw", "headline", "dateline", "paragraph"),
    [
        # Reuters-21578 has five: the headline showed the dateline, the body opened with "- "
        (
            "VENEZUELA SAYS OPEC OIL OUTPUT 0VER 18 MLN BPD CARACAS, Oct 19\n"
            "- The current OPEC oil production is above 18 mln\nbarrels per day.\n",
            "VENEZUELA SAYS OPEC OIL OUTPUT 0VER 18 MLN BPD",
            "CARACAS, Oct 19",
            "The current OPEC oil production is above 18 mln barrels per day.",
        ),
        # and two with the dash and the body's first words: a person page showed that headline
        (
            "SHULTZ SAYS U.S. ECONOMY IS STRONG LONDON, Oct 20 - U.S.\n"
            "Secretary of State George Shultz said the American economy\nis in very strong shape.\n",
            "SHULTZ SAYS U.S. ECONOMY IS STRONG",
            "LONDON, Oct 20",
            "U.S. Secretary of State George Shultz said the American economy is in very strong shape.",
        ),
    ],
)
def test_a_dateline_typed_onto_a_capitals_headline_goes_back_to_the_body(
    raw: str, headline: str, dateline: str, paragraph: str
) -> None:
    parts = parse_raw(raw)
    assert parts.headline == headline
    assert parts.dateline == dateline
    assert parts.paragraphs == (paragraph,)


def test_a_typed_on_dateline_needs_a_place_and_a_dash() -> None:
    assert (
        parse_raw("TALKS END NEW YORK, March 5\n- Talks ended.\n").dateline == "NEW YORK, March 5"
    )
    # no dash to open the body, or no place: the headline is as written
    assert parse_raw("TALKS END IN NEW YORK, March 5\n\nTalks ended.\n").dateline == ""
    assert parse_raw("PRICES RISE IN MAY, March 5\n- Prices rose.\n").headline.endswith("March 5")
    odd = parse_raw("PRICES RISE IN MAY, March 5 - Prices\nrose again.\n")
    assert odd.headline == "PRICES RISE IN MAY, March 5 - Prices"


def test_a_stray_mark_before_a_headline_is_no_part_of_it() -> None:
    # Reuters: "/U.S. NON-FARM PRODUCTIVITY ROSE ..." and ". HEADLINES AT 0800"
    assert parse_raw("/U.S. HOME SALES ROSE\n\nSales rose.\n").headline == "U.S. HOME SALES ROSE"
    assert parse_raw(". HEADLINES AT 0800\n\nThe news.\n").headline == "HEADLINES AT 0800"
    assert parse_raw(".NET SALES ROSE\n\nSales rose.\n").headline == ".NET SALES ROSE"


def test_a_commoditys_report_opens_with_no_dateline_and_its_quotes_are_a_table() -> None:
    # Reuters: "SILVER - total 156,708,754 off 323,664." (COMEX warehouse stocks) read SILVER as
    # a dateline, and so a place page "Silver"; "GOLD        420.20/420.70 dlrs" rows ran
    # together as one paragraph
    stocks = parse_raw("N.Y. COMEX METALS WAREHOUSE STOCKS\n\nSILVER - total 156,708,754 off 3.\n")
    assert stocks.dateline == "" and stocks.paragraphs == ("SILVER - total 156,708,754 off 3.",)
    bullion = parse_raw(
        "LONDON BULLION 1200 - APRIL 7\n GOLD        420.20/420.70 dlrs\n"
        " KRUGERRAND  425.00/428.00 dlrs\n SILVER\n spot        674.00/677.00 cents\n"
    )
    assert bullion.tables == (0,) and bullion.paragraphs[0].startswith("GOLD        420.20")
    assert parse_raw("H\n\nCALGARY, Alberta - Gold rose.\n").dateline == "CALGARY, Alberta"
