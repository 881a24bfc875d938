"""Tests for newsarchive.loader: read_article and parse over one fixture file per edge case."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from newsarchive import minhash, similarity
from newsarchive.errors import Problem
from newsarchive.loader import parse, read_article
from newsarchive.models import Article, SourceFile

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SAMPLES = Path(__file__).parent / "fixtures" / "standins"
MOJIBAKE = ("Â", "Ã", "\ufffd", "â€")


def source(path: Path, folder: tuple[str, ...] = ()) -> SourceFile:
    """Make the SourceFile discovery would make for a file in a folder."""
    return SourceFile.at(path, "/".join((*folder, path.name)))


def read(name: str, root: Path = ARTICLES) -> tuple[Article | None, list[Problem]]:
    """Read one fixture (or sample) file."""
    return read_article(source(root / name))


def article(name: str, root: Path = ARTICLES) -> Article:
    """Read one file that must become an article with no problems."""
    result, problems = read(name, root)
    assert problems == []
    assert result is not None
    return result


def text_of(result: Article) -> str:
    """Return everything a reader sees of an article as one string."""
    return "\n".join((result.title, *result.paragraphs, result.summary))


# The two sample articles in the repository's articles/ folder.


def test_sample_001_caption_and_credit_are_separate_and_title_is_the_lede() -> None:
    result = article("001_mexico-army-culiacan.txt", SAMPLES)
    caption = (
        "Members of the Mexican Army patrol the streets of Culiacan, Sinaloa state, after the "
        "arrest of Ovidio Guzman"
    )
    assert result.caption == caption
    assert result.credit == "AFP / STR"
    assert result.title != caption + " AFP / STR"
    assert result.title != caption
    assert result.title == "Mexican security forces captured Ovidio Guzmán López"
    assert result.headline_source == "first_clause"
    assert len(result.paragraphs) == 6
    assert result.paragraphs[0].startswith("Mexican security forces captured")
    assert not any("AFP / STR" in p for p in result.paragraphs)
    assert result.kind == "text"


def test_sample_002_headline_dateline_and_agency() -> None:
    result = article("002_el-chapo-son-captured.txt", SAMPLES)
    assert result.title == "Mexico captures son of 'El Chapo' as gunmen set Culiacan ablaze"
    assert result.headline_source == "text"
    assert result.dateline == "CULIACAN, Mexico (Reuters)"
    assert result.source_name == "Reuters"
    assert result.paragraphs[0].startswith("Mexican forces captured Ovidio Guzman")
    assert not result.paragraphs[0].startswith("CULIACAN")
    assert len(result.paragraphs) == 5
    assert result.caption == ""
    assert result.date is None
    assert result.date_origin == ""


def test_sample_articles_get_digest_terms_and_fingerprint() -> None:
    first = article("001_mexico-army-culiacan.txt", SAMPLES)
    second = article("002_el-chapo-son-captured.txt", SAMPLES)
    assert len(first.digest) == 32
    assert first.digest != second.digest
    counts = similarity.unpack_counts(first.terms)
    body = "\n".join(first.paragraphs)
    assert counts == Counter(similarity.terms(f"{first.title}\n{body}"))
    assert counts["culiacan"] >= 2  # repeats are counted, not dropped
    assert first.slug == ""  # no front-matter slug: the catalogue gives a permanent one
    assert len(first.fingerprint) == minhash.SIGNATURE_BINS
    compared = f"{first.title}\n{first.dateline}\n{body}"  # headline and dateline count too
    assert tuple(first.fingerprint) == minhash.fingerprint(compared)


# Encodings: every one must read as the same clean text.


def test_cp1252_pound_euro_curly_quotes() -> None:
    result = article("cp1252_pound_euro_curly_quotes.txt")
    assert result.title == "Prices rise at the café"
    assert result.paragraphs == (
        "A café in Paris now charges £10 or €12 for its “special” menu, the owner said.",
    )
    assert not any(bad in text_of(result) for bad in MOJIBAKE)


def test_latin1_accents() -> None:
    result = article("latin1_accents.txt")
    assert result.title == "Fête à Montréal"
    assert result.paragraphs[0].startswith("Les élèves ont célébré")
    assert not any(bad in text_of(result) for bad in MOJIBAKE)


def test_utf8_bom_crlf() -> None:
    result = article("utf8_bom_crlf.txt")
    assert result.title == "Café owners protest"
    assert result.paragraphs == (
        "Owners of cafés marched through the old town.",
        "The mayor said she would meet them.",
    )
    assert "\ufeff" not in text_of(result)
    assert "\r" not in text_of(result)


@pytest.mark.parametrize("name", ["utf16_le_bom.txt", "utf16_be_bom.txt", "utf16_le_no_bom.txt"])
def test_utf16(name: str) -> None:
    result = article(name)
    assert result.title == "Grève à Paris"
    assert result.paragraphs == (
        "Les syndicats appellent à une grève générale, déjà très suivie à Orléans.",
    )


def test_utf16_byte_orders_give_the_same_digest() -> None:
    digests = {article(n).digest for n in ("utf16_le_bom.txt", "utf16_be_bom.txt")}
    assert len(digests) == 1


def test_cr_only_line_endings() -> None:
    result = article("cr_only_line_endings.txt")
    assert result.title == "Old Mac file"
    assert result.paragraphs == (
        "This paragraph was saved with classic Mac line ends.",
        "So was this one.",
    )


def test_nul_bytes_inside_are_dropped() -> None:
    result = article("nul_bytes_inside.txt")
    assert result.title == "Headline with a stray NUL"
    assert result.paragraphs == ("Body text with NUL bytes and a bell inside.",)


def test_invalid_utf8_in_middle_keeps_the_good_text() -> None:
    result, problems = read("invalid_utf8_in_middle.txt")
    assert [str(p) for p in problems] == [
        "invalid_utf8_in_middle.txt: has bytes that are not valid UTF-8; they were shown as "
        "\ufffd; re-save the file as UTF-8"
    ]
    assert result is not None
    assert result.title == "Crème brûlée in São Paulo"
    assert result.paragraphs[0].startswith("The café in São Paulo served crème brûlée,")
    assert result.paragraphs[0].endswith("naïve but délicieux.")


def test_nfd_accents_come_out_nfc() -> None:
    result = article("nfd_accents.txt")
    assert result.title == "Café résumé"
    assert result.paragraphs == ("The café published its résumé.",)
    assert "\u0301" not in text_of(result)


# Files that cannot be articles: the message is what the user reads.


def test_empty_file_is_skipped_with_a_message() -> None:
    result, problems = read("empty.txt")
    assert result is None
    assert [str(p) for p in problems] == ["empty.txt: is empty; add text or delete the file"]
    assert problems[0].kind == "skipped"


def test_whitespace_only_file_is_skipped_with_a_message() -> None:
    result, problems = read("whitespace_only.txt")
    assert result is None
    assert [str(p) for p in problems] == [
        "whitespace_only.txt: contains only whitespace; add text or delete the file"
    ]


def test_binary_png_named_txt_is_skipped_with_a_message() -> None:
    result, problems = read("binary_png_named.txt")
    assert result is None
    assert [str(p) for p in problems] == [
        "binary_png_named.txt: looks like a binary file, not text; save it as UTF-8 text or "
        "remove it"
    ]


def test_front_matter_only_is_skipped_with_a_message() -> None:
    result, problems = read("front_matter_only.md")
    assert result is None
    assert [str(p) for p in problems] == [
        "front_matter_only.md: has front matter but no text and no title; add a headline and "
        "paragraphs below the front matter"
    ]


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result, problems = read_article(source(tmp_path / "gone.txt"))
    assert result is None
    assert len(problems) == 1
    assert str(problems[0]).startswith("gone.txt: could not be read: FileNotFoundError")
    assert str(problems[0]).endswith("; please report this file to the newsarchive developers")


def test_file_over_the_size_limit_is_skipped_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no 65 MB actually written
    result, problems = read_article(source(big))
    assert result is None
    assert [str(p) for p in problems] == [
        "big.txt: is 65 MB, over the 64 MB limit for one article; split it into separate articles"
    ]


# The shape of raw text.


def test_headline_then_paragraphs() -> None:
    result = article("headline_then_paragraphs.txt")
    assert result.title == "Storm closes schools across the north"
    assert result.headline_source == "text"
    assert len(result.paragraphs) == 3
    assert result.summary == result.paragraphs[0]
    assert result.word_count == 44
    assert result.date is None


def test_caption_with_credit() -> None:
    result = article("caption_with_credit.txt")
    assert result.caption == "Firefighters battle a blaze at a warehouse in the port district"
    assert result.credit == "AFP / STR"
    assert result.title == "A fire destroyed a warehouse in the port district overnight"
    assert result.headline_source == "first_clause"
    assert len(result.paragraphs) == 2


def test_caption_without_credit_repeated() -> None:
    result = article("caption_without_credit_repeated.txt")
    assert result.caption == "Crowds gather in the main square before the vote"
    assert result.credit == ""
    assert result.headline_source == "first_clause"
    assert result.title == (
        "Thousands of people gathered in the main square on Sunday before the vote"
    )


def test_dateline_reuters() -> None:
    result = article("dateline_reuters.txt")
    assert result.dateline == "CULIACAN, Mexico (Reuters)"
    assert result.source_name == "Reuters"
    assert result.paragraphs[0].startswith("Mexican forces detained")
    assert result.date is None


def test_dateline_ap_with_date_gives_the_date() -> None:
    result = article("dateline_ap_with_date.txt")
    assert result.dateline == "WASHINGTON, Jan. 5, 2023 (AP)"
    assert result.source_name == "AP"
    assert result.date == dt.datetime(2023, 1, 5)
    assert result.date_origin == "dateline"
    assert result.paragraphs[0].startswith("The Senate passed")


def test_byline_by_jane_doe() -> None:
    result = article("byline_by_jane_doe.txt")
    assert result.byline == "Jane Doe"
    assert result.paragraphs == (
        "The city council approved plans for a new park on the river bank on Wednesday.",
        "Work is due to start in the spring.",
    )


def test_hard_wrapped_paragraphs_are_joined() -> None:
    result = article("hard_wrapped_paragraphs.txt")
    assert result.paragraphs == (
        "The city museum reopened on Saturday after a restoration that took more than four "
        "years and cost twice what was planned.",
        "Visitors queued around the block before the doors opened at nine.",
    )


def test_headline_only_is_kept_as_a_brief_named_for_the_summary() -> None:
    result, problems = read("headline_only.txt")
    assert result is not None
    assert result.title == "Breaking: parliament dissolved"
    assert result.paragraphs == ()
    assert [str(p) for p in problems] == [
        "headline_only.txt: has a headline but no body text (or only a placeholder such as"
        ' "Blah blah blah."); it is shown as a brief, headline only'
    ]
    assert problems[0].kind == "brief"  # listed under Briefs, no fault for --strict


def test_long_single_line_is_a_paragraph_titled_by_its_first_sentence() -> None:
    result = article("long_single_line.txt")
    assert (
        result.title == "The council met again on Tuesday to discuss the budget for the coming year"
    )
    assert result.headline_source == "first_sentence"
    assert len(result.paragraphs) == 1
    assert len(result.paragraphs[0]) > 50_000
    assert len(result.summary) <= 221
    assert result.word_count == len(result.paragraphs[0].split())


def test_filename_date() -> None:
    result = article("2023-01-05-filename-dated.txt")
    assert result.date == dt.datetime(2023, 1, 5)
    assert result.date_origin == "filename"
    assert result.title == "Filename carries the date"


def test_raw_text_keeps_markup_as_text_for_the_renderer_to_escape() -> None:
    result = article("raw_text_with_script_tag.txt")
    assert result.kind == "text"
    assert result.body_html == ""
    assert result.paragraphs == (
        'This paragraph mentions <script>alert("x")</script> as plain text & keeps it.',
    )


def test_section_comes_from_the_folder() -> None:
    path = ARTICLES / "headline_then_paragraphs.txt"
    result, problems = read_article(source(path, ("World", "Europe")))
    assert problems == []
    assert result is not None
    assert result.section == ("World", "Europe")
    assert result.source == "World/Europe/headline_then_paragraphs.txt"


# Front matter and Markdown.


def test_front_matter_full_overrides_the_text() -> None:
    result, problems = read_article(source(ARTICLES / "front_matter_full.md", ("Ignored",)))
    assert problems == []
    assert result is not None
    assert result.kind == "markdown"
    assert result.title == "Full front matter wins over the text"
    assert result.headline_source == "front_matter"
    assert result.date == dt.datetime(2023, 1, 5)
    assert result.date_origin == "front matter"
    assert result.byline == "Jane Doe"
    assert result.source_name == "Example Wire"
    assert result.section == ("World", "Europe")
    assert result.tags == ("Elections", "Europe")
    assert result.slug == "my-custom-slug"
    assert result.summary == "A summary written by hand."
    assert result.caption == "Voters queue outside a polling station"
    assert result.credit == "Example Wire / John Roe"
    assert "Voters went to the polls on Sunday." in result.body_html


def test_front_matter_bad_yaml_warns_and_reads_the_text() -> None:
    result, problems = read("front_matter_bad_yaml.txt")
    assert result is not None
    assert result.title == "Headline from the text"
    assert result.date is None
    assert result.paragraphs == ("The body is still read when the front matter is broken.",)
    assert [str(p) for p in problems] == [
        "front_matter_bad_yaml.txt:2: front matter is not valid YAML (expected ',' or ']', but "
        "got ':'); it was ignored and the text below it was used; fix the YAML between the "
        "--- lines"
    ]


def test_front_matter_unknown_key_warns_and_keeps_the_article() -> None:
    result, problems = read("front_matter_unknown_key.md")
    assert result is not None
    assert result.title == "Unknown keys are reported"
    assert [str(p) for p in problems] == [
        "front_matter_unknown_key.md:3: unknown front-matter key 'layout' was ignored; known "
        "keys: title, date, author, source, section, tags, slug, url, summary, caption, credit, "
        "image, source_url, imported_from"
    ]


def test_front_matter_slug_traversal_is_not_a_path() -> None:
    result = article("front_matter_slug_traversal.md")
    assert result.slug == "passwd"


def test_front_matter_bad_date_warns_and_leaves_the_article_undated() -> None:
    result, problems = read("front_matter_bad_date.md")
    assert result is not None
    assert result.date is None
    assert result.date_origin == ""
    assert [str(p) for p in problems] == [
        "front_matter_bad_date.md:3: front-matter 'date' '31/31/2019' is not a date; "
        "use YYYY-MM-DD; it was ignored"
    ]


def test_impossible_yaml_date_is_a_warning_not_a_crash() -> None:
    text = "---\ntitle: T\ndate: 2023-13-45\n---\nBody.\n"
    result, problems = parse(source(Path("a.md")), text)
    assert result is not None
    assert result.date is None
    assert [str(p) for p in problems] == [
        "a.md:3: front-matter 'date' '2023-13-45' is not a date; use YYYY-MM-DD; it was ignored"
    ]


def test_front_matter_title_with_a_raw_text_body() -> None:
    text = "---\ntitle: From front matter\n---\nThis first line is text, not a headline.\n"
    result, problems = parse(source(Path("a.txt")), text)
    assert problems == []
    assert result is not None
    assert result.title == "From front matter"
    assert result.paragraphs == ("This first line is text, not a headline.",)


def test_markdown_heading_title() -> None:
    result = article("markdown_heading_title.md")
    assert result.title == "Markdown heading becomes the title"
    assert result.headline_source == "markdown_heading"
    assert "<h1" not in result.body_html
    assert "Markdown heading becomes the title" not in result.body_html
    assert "<em>Markdown</em>" in result.body_html
    assert "<h2>A subheading</h2>" in result.body_html
    assert result.summary == "The first paragraph of a Markdown article."


def test_markdown_without_heading_is_titled_by_its_lede() -> None:
    result, problems = parse(source(Path("a.md")), "Police *closed* the road. More later.\n")
    assert problems == []
    assert result is not None
    assert result.title == "Police closed the road"
    assert result.headline_source == "first_sentence"


def test_markdown_with_script_and_handlers_is_sanitised() -> None:
    result = article("markdown_with_script_and_handlers.md")
    html = result.body_html.lower()
    for unsafe in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "data:"):
        assert unsafe not in html, unsafe
    assert "alert(" not in html
    assert '<a href="https://example.com/"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert result.title == "Hostile markup is removed"
    assert "alert" not in result.summary


def test_parse_same_text_gives_the_same_digest() -> None:
    text = "Headline\n\nSome text.\n"
    first, _ = parse(source(Path("a.txt")), text)
    second, _ = parse(source(Path("b.txt")), text)
    assert first is not None
    assert second is not None
    assert first.digest == second.digest
    assert first.source != second.source


# Wire copy, placeholders, mojibake and stand-in headlines.


def test_wire_indented_paragraphs() -> None:
    result = article("wire_indented_paragraphs.txt")
    assert result.dateline == "COMMACK, N.Y., Feb 26"
    assert result.paragraphs == (
        "Computer Terminal Systems Inc said it has completed the sale of 200,000 shares of its "
        "common stock to <Sedio N.V.> of Lugano, Switzerland for 50,000 dlrs.",
        "The company said the warrants are exercisable for five years at a purchase price of "
        ".125 dlrs per share.",
        "Computer Terminal makes computer generated labels, forms, tags and ticket printers and "
        "terminals.",
    )
    assert not any(name.startswith("Reuter") for _, name in result.entities)


def test_wire_earnings_table() -> None:
    result = article("wire_earnings_table.txt")
    assert result.tables == (0,)
    assert result.paragraphs[0].split("\n") == [
        "Oper shr loss two cts vs profit seven cts",
        "Oper shr profit 442,000 vs profit 2,986,000",
        "Revs 291.8 mln vs 151.1 mln",
        "Six mths",
        "Oper shr profit nil vs profit 12 cts",
        "Revs 569.3 mln vs 298.5 mln",
    ]
    assert result.paragraphs[1] == "NOTE: Per shr calculated after payment of preferred dividends."
    assert result.summary.startswith("Oper shr loss two cts vs profit seven cts; Oper shr")


def test_wire_aligned_table_keeps_its_header_and_columns() -> None:
    result = article("wire_aligned_table.txt")
    assert result.tables == (2,)
    assert result.paragraphs[2] == (
        "         BAGS                PRICE PER 50 KG\n"
        "     OFFERED SOLD        AVERAGE\n"
        "PB      430   430   2304.78 (2267.21)\n"
        "AA     7289  6834   2292.92 (2358.96)\n"
        "AB    12664 11895   2289.99 (2291.13)"
    )


def test_wire_dot_leader_table_under_a_headline_with_no_blank_line() -> None:
    result = article("wire_dot_leader_table.txt")
    assert result.title == "FEDERAL RESERVE WEEKLY REPORT 3 - FEB 26"
    assert result.dateline == ""
    assert result.tables == (0,)
    assert result.paragraphs[0].split("\n")[1:] == [
        "Govts bought outright....193,374 down....1,342",
        "Govts repurchases............nil unch.........",
        "Matched sales..............4,920 vs......3,788",
    ]


def test_placeholder_brief_is_a_headline_only_brief_left_out_of_comparisons() -> None:
    result, problems = read("placeholder_brief.txt")
    assert result is not None
    assert result.brief
    assert result.paragraphs == ()
    assert result.summary == ""
    assert result.word_count == 0
    assert (result.terms, result.fingerprint) == ("", b"")
    assert [p.kind for p in problems] == ["brief"]


def test_a_near_empty_body_is_shown_but_marked_a_brief() -> None:
    result, _ = parse(
        source(Path("a.txt")), "LONDON COCOA OPTION TRADES - APR 7\n    Business nil.\n"
    )
    assert result is not None
    assert result.paragraphs == ("Business nil.",)
    assert result.brief
    assert result.fingerprint == b""


def test_a_story_is_not_a_brief() -> None:
    result = article("wire_indented_paragraphs.txt")
    assert not result.brief
    assert result.terms and result.fingerprint


def test_mojibake_double_encoded_is_repaired() -> None:
    result = article("mojibake_double_encoded.txt")
    assert result.title == "Britain's £3bn rail deal"
    assert result.paragraphs == ("Ministers said they don’t expect the £3bn deal to slip.",)


def test_caption_no_headline_long_lede_gets_a_whole_clause() -> None:
    result = article("caption_no_headline_long_lede.txt")
    assert result.title == (
        "The son of drug kingpin “El Chapo” was released after a shootout erupted between "
        "Mexican authorities and Sinaloa cartel forces"
    )
    assert result.headline_source == "first_clause"
    assert "…" not in result.title


def test_caption_is_the_headline_when_the_lede_has_no_short_clause() -> None:
    lede = " ".join(["word"] * 40) + ", and more."
    text = f"Troops patrol the city\nTroops patrol the city AFP / STR\n\n{lede}\n"
    result, _ = parse(source(Path("a.txt")), text)
    assert result is not None
    assert (result.title, result.headline_source) == ("Troops patrol the city", "caption")


def test_headline_from_the_text_keeps_its_source() -> None:
    result = article("headline_then_paragraphs.txt")
    assert result.headline_source == "text"


def test_a_price_sheet_is_not_compared_for_near_duplicates(tmp_path: Path) -> None:
    sheet = "LONDON OILS CLOSING - APR 7\n\n" + "\n".join(
        f"    Soyoil {month}    {300 + n}.00   {301 + n}.50"
        for n, month in enumerate(("May", "Jul", "Sep", "Nov"))
    )
    (tmp_path / "sheet.txt").write_text(sheet + "\n Reuter\n", encoding="utf-8")
    result = article("sheet.txt", tmp_path)
    assert result.tables and result.fingerprint == b""
