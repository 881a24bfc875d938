"""Tests for newsarchive.text: decoding, normalising, slugs, summaries, dates, reading time."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from newsarchive import text
from newsarchive.text import Undecodable

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
MOJIBAKE = ("Â", "Ã", "\ufffd", "â€")
GREVE = (
    "Grève à Paris\n\nLes syndicats appellent à une grève générale, déjà très suivie à Orléans.\n"
)


def decoded(name: str) -> tuple[str, str]:
    """Decode one fixture file."""
    return text.decode((ARTICLES / name).read_bytes())


# decode


def test_decode_cp1252_pound_euro_curly_quotes() -> None:
    result, encoding = decoded("cp1252_pound_euro_curly_quotes.txt")
    assert encoding == "cp1252"
    assert "£10" in result
    assert "€12" in result
    assert "“special”" in result
    assert "café" in result
    assert not any(bad in result for bad in MOJIBAKE)


def test_decode_latin1_accents() -> None:
    result, _ = decoded("latin1_accents.txt")
    assert result.startswith("Fête à Montréal\n")
    assert "élèves ont célébré" in result
    assert not any(bad in result for bad in MOJIBAKE)


def test_decode_utf8_bom_is_dropped_and_crlf_kept_for_normalise() -> None:
    assert (ARTICLES / "utf8_bom_crlf.txt").read_bytes().startswith(codecs.BOM_UTF8)
    result, encoding = decoded("utf8_bom_crlf.txt")
    assert encoding == "utf-8-sig"
    assert result.startswith("Café owners protest\r\n")
    assert "\ufeff" not in result


@pytest.mark.parametrize("name", ["utf16_le_bom.txt", "utf16_be_bom.txt"])
def test_decode_utf16_with_bom(name: str) -> None:
    result, encoding = decoded(name)
    assert encoding == "utf-16"
    assert result == GREVE


def test_decode_utf16_le_without_bom_is_detected() -> None:
    result, encoding = decoded("utf16_le_no_bom.txt")
    assert encoding == "utf-16-le"
    assert result == GREVE


def test_decode_utf16_be_without_bom_is_detected() -> None:
    result, encoding = text.decode(GREVE.encode("utf-16-be"))
    assert encoding == "utf-16-be"
    assert result == GREVE


def test_decode_invalid_utf8_in_middle_stays_utf8() -> None:
    result, encoding = decoded("invalid_utf8_in_middle.txt")
    assert encoding == "utf-8 (with invalid bytes replaced)"
    assert result.count("\ufffd") == 1
    assert "crème brûlée" in result
    assert "São Paulo" in result
    assert "Ã" not in result


def test_decode_plain_utf8() -> None:
    assert text.decode("Zürich".encode()) == ("Zürich", "utf-8")


def test_decode_cp1252_undefined_byte_reads_as_latin1() -> None:
    result, encoding = text.decode(b"caf\xe9 \x81 ok")
    assert encoding == "cp1252"
    assert result == "café \x81 ok"


def test_decode_png_named_txt_is_undecodable() -> None:
    with pytest.raises(Undecodable, match="looks like a binary file, not text"):
        decoded("binary_png_named.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n",
        b"PK\x03\x04zip",
        b"\xff\xd8\xff\xe0jpeg",
        b"GIF89a",
        b"\x7fELF",
        b"\x01\x02" * 20,
    ],
    ids=["pdf", "zip", "jpeg", "gif", "elf", "control-bytes"],
)
def test_decode_binary_is_undecodable(data: bytes) -> None:
    with pytest.raises(Undecodable):
        text.decode(data)


def test_decode_a_few_nul_bytes_is_still_text() -> None:
    result, _ = decoded("nul_bytes_inside.txt")
    assert result.startswith("Headline with a\x00 stray NUL")


# normalise


def test_normalise_crlf_and_cr_become_lf() -> None:
    assert text.normalise("a\r\nb\rc\n") == "a\nb\nc\n"


def test_normalise_cr_only_fixture() -> None:
    result = text.normalise(decoded("cr_only_line_endings.txt")[0])
    assert "\r" not in result
    assert result.startswith("Old Mac file\n\nThis paragraph was saved\nwith classic Mac")


def test_normalise_drops_nul_and_control_characters_keeps_tab_and_newline() -> None:
    assert text.normalise("a\x00b\x07c\x1bd\x7fe\tf\ng") == "abcde\tf\ng"


def test_normalise_drops_noncharacters_of_every_plane_keeps_other_characters() -> None:
    kept = "é😀\U0001fffd\U0010fffd"
    dropped = "\ufdd0\ufffe\uffff\U0001fffe\U0002ffff\U0010fffe\U0010ffff"
    assert text.normalise(f"a{dropped}b{kept}") == f"ab{kept}"
    assert text.clean(f"a\x85\ud800{dropped}b{kept}") == f"ab{kept}"


def test_normalise_nul_fixture() -> None:
    result = text.normalise(decoded("nul_bytes_inside.txt")[0])
    assert result == ("Headline with a stray NUL\n\nBody text with NUL bytes and a bell inside.\n")


def test_normalise_drops_stray_bom() -> None:
    assert text.normalise("\ufeffHello\ufeff") == "Hello"


def test_normalise_nfd_accents_become_nfc() -> None:
    raw, _ = decoded("nfd_accents.txt")
    assert "e\u0301" in raw
    result = text.normalise(raw)
    assert result.startswith("Café résumé\n")
    assert "\u0301" not in result
    assert unicodedata.is_normalized("NFC", result)


# fold


def test_fold_ignores_case_and_accents() -> None:
    assert text.fold("Culiacán") == text.fold("CULIACAN") == "culiacan"
    assert text.fold("Straße") == "strasse"


def test_fold_keeps_different_words_different() -> None:
    assert text.fold("Guzman") != text.fold("Guzmen")


# make_slug


def test_make_slug_latin_text() -> None:
    assert text.make_slug("Hello, World! Ça va?") == "hello-world-ca-va"


@pytest.mark.parametrize(
    "headline",
    ["中国经济增长放缓", "مرحبا بالعالم", "Привет мир", "Ελληνικά νέα"],
    ids=["chinese", "arabic", "cyrillic", "greek"],
)
def test_make_slug_non_latin_headline_gives_usable_ascii_slug(headline: str) -> None:
    slug = text.make_slug(headline)
    assert slug != "article"
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)


def test_make_slug_chinese_is_transliterated() -> None:
    assert text.make_slug("中国经济增长放缓") == "zhong-guo-jing-ji-zeng-chang-fang-huan"


def test_make_slug_length_is_capped_at_a_word_boundary() -> None:
    slug = text.make_slug("The quick brown fox jumps over the lazy dog and keeps running far away")
    assert len(slug) <= text.SLUG_MAX
    assert slug == "the-quick-brown-fox-jumps-over-the-lazy-dog-and-keeps"


def test_make_slug_one_huge_word_is_cut() -> None:
    assert len(text.make_slug("a" * 500)) == text.SLUG_MAX


@pytest.mark.parametrize("value", ["", "   ", "!!! ???", "—"])
def test_make_slug_empty_gives_fallback(value: str) -> None:
    assert text.make_slug(value) == "article"
    assert text.make_slug(value, fallback="untitled") == "untitled"


# words, reading_minutes


def test_words_counts_whitespace_separated_words() -> None:
    assert text.words(" one two\nthree\tfour ") == 4
    assert text.words("") == 0


@pytest.mark.parametrize(
    ("count", "minutes"), [(0, 1), (1, 1), (230, 1), (344, 1), (346, 2), (2300, 10)]
)
def test_reading_minutes(count: int, minutes: int) -> None:
    assert text.reading_minutes(count) == minutes


# summarise


def test_summarise_short_text_is_kept_with_whitespace_collapsed() -> None:
    assert text.summarise("  A short\n\nsummary.  ") == "A short summary."


def test_summarise_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    result = text.summarise("word " * 100, limit=50)
    assert result == "word " * 9 + "word…"
    assert len(result) <= 51


def test_summarise_drops_trailing_punctuation_before_the_ellipsis() -> None:
    assert text.summarise("aaaa, bbbb, cccc dddd", limit=12) == "aaaa, bbbb…"


# first_sentence


def test_first_sentence_long_sentence_falls_back_to_its_first_clause() -> None:
    lede = (
        "Mexican security forces captured Ovidio Guzmán López, one of the sons of the jailed "
        'drug lord Joaquín "El Chapo" Guzmán, in a pre-dawn operation on the outskirts of '
        "Culiacán, officials said."
    )
    assert text.first_sentence(lede) == "Mexican security forces captured Ovidio Guzmán López"


def test_first_sentence_short_sentence_loses_its_full_stop() -> None:
    assert text.first_sentence("Storm hits the coast. More follows.") == "Storm hits the coast"


def test_first_sentence_keeps_question_mark() -> None:
    assert text.first_sentence("Who won the vote? Nobody knows.") == "Who won the vote?"


def test_first_sentence_without_punctuation_is_the_whole_text() -> None:
    assert text.first_sentence("No terminal punctuation here") == "No terminal punctuation here"


def test_first_sentence_without_clause_is_summarised_to_the_limit() -> None:
    result = text.first_sentence("word " * 40)
    assert result.endswith("…")
    assert len(result) <= 91


# parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-01-05", dt.datetime(2023, 1, 5)),
        ("2023-01-05T10:30", dt.datetime(2023, 1, 5, 10, 30)),
        ("2023-01-05 10:30:15", dt.datetime(2023, 1, 5, 10, 30, 15)),
        ("Jan 5, 2023", dt.datetime(2023, 1, 5)),
        ("Jan. 5, 2023", dt.datetime(2023, 1, 5)),
        ("January 5 2023", dt.datetime(2023, 1, 5)),
        ("Sept 30, 2022", dt.datetime(2022, 9, 30)),
        ("  2023-01-05  ", dt.datetime(2023, 1, 5)),
    ],
)
def test_parse_date_accepts(value: str, expected: dt.datetime) -> None:
    assert text.parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["31/31/2019", "2023-02-30", "2023-13-01", "Foo 5, 2023", "Jan 32, 2023", "yesterday", ""],
)
def test_parse_date_rejects(value: str) -> None:
    assert text.parse_date(value) is None


def test_parse_date_from_date_and_datetime_objects() -> None:
    assert text.parse_date(dt.date(2023, 1, 5)) == dt.datetime(2023, 1, 5)
    assert text.parse_date(dt.datetime(2023, 1, 5, 3, 4)) == dt.datetime(2023, 1, 5, 3, 4)


def test_parse_date_keeps_an_explicit_offset_for_the_catalog_to_localise() -> None:
    parsed = text.parse_date("2023-01-05T10:30:00+02:00")
    assert parsed is not None
    assert parsed.utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize("value", [None, 5, 2023.0, ["2023-01-05"]])
def test_parse_date_non_text_is_none(value: object) -> None:
    assert text.parse_date(value) is None


def test_month_number() -> None:
    assert text.month_number("Sept.") == 9
    assert text.month_number("DECEMBER") == 12
    assert text.month_number("Foo") is None
