"""Pure text helpers: decoding, normalising, slugs, summaries, reading time and dates."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from slugify import slugify

if TYPE_CHECKING:
    import ftfy

WORDS_PER_MINUTE = 230
SLUG_MAX = 60

# cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls, so decoding never fails.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# C0 and C1 controls and Unicode noncharacters are HTML parse errors in a page, so text drops them.
_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Lone surrogates too: YAML's "\uD800" escape makes one, and UTF-8 cannot hold it. The planes'
# noncharacters past the first are only looked up at a character past U+FFFF: a class that
# lists them makes the regex test every character against each.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff\ufffe\uffff]"
    rf"|(?=[\U00010000-\U0010ffff])[{_NONCHARACTERS[2:]}]"
)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what _CONTROL finds in ASCII


class Undecodable(ValueError):
    """Raised when bytes do not look like text in any encoding we read."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text, returning (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    guessed = _bomless_utf16(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    if _looks_binary(data):
        raise Undecodable("looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes replaced)"
    return _decode_cp1252(data), "cp1252"


def _bomless_utf16(data: bytes) -> str:
    """Return the UTF-16 codec name when the bytes are BOM-less UTF-16 text, else ""."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return ""


def _looks_binary(data: bytes) -> bool:
    """Tell whether bytes are binary: many NULs or control bytes, or a known magic number."""
    sample = data[:8192]
    if sample.startswith(
        (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
    ):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 10)


def _mostly_utf8(data: bytes) -> bool:
    """Tell whether bytes are UTF-8 with a few broken sequences rather than a legacy encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    return multibyte > bad * 2


def _decode_cp1252(data: bytes) -> str:
    """Decode cp1252, reading its five undefined bytes as latin-1."""
    if not any(b in _CP1252_HOLES for b in data):
        return data.decode("cp1252")
    return "".join(
        bytes([b]).decode("latin-1") if b in _CP1252_HOLES else bytes([b]).decode("cp1252")
        for b in data
    )


def normalise(text: str) -> str:
    """Return text with LF line ends, mojibake repaired, no NULs or stray control characters,
    NFC-normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.isascii():  # plain ASCII cannot be mis-decoded; most wire copy is
        text = _repaired(text)
    text = _controls(text).sub("", text)
    return unicodedata.normalize("NFC", text)


def _repaired(text: str) -> str:
    """Return text with its mojibake repaired ("Â£" -> "£", "â€™" -> "’")."""
    import ftfy  # here, not with this module: a build with nothing to read needs none of it

    return ftfy.fix_text(text, _ftfy_config())


@functools.cache
def _ftfy_config() -> ftfy.TextFixerConfig:
    """Return what ftfy repairs: mojibake only; quotes, ligatures, widths, entities and line
    ends are the writer's and stay as written."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def clean(text: str) -> str:
    """Return text without control characters, lone surrogates or noncharacters (as
    `normalise` leaves raw text): what front matter's escapes can put back in a value."""
    return _controls(text).sub("", text)


def _controls(text: str) -> re.Pattern[str]:
    """Return the pattern that finds the characters text drops: a narrower one in ASCII text."""
    return _ASCII_CONTROL if text.isascii() else _CONTROL


# A wire's ticker inside "<>": "SM", "CHEY.O", "JARD.HKG", "ERIC ST" (an exchange's code; not
# a company's name, "PANTRY INC", "SIEMENS AG")
TICKER = re.compile(r"[A-Z0-9][A-Z0-9./-]{0,11}(?: (?!(?:AG|AB|AS|BV|CO|KK|NV|OY|SA)$)[A-Z]{1,2})?")
_BRACKETED = re.compile(r"<([A-Z0-9][^<>\n]{0,80}?)(?<! )>")


def without_tickers(text: str) -> str:
    """Return text without the wire's tickers ("FORD <F> CANADA SALES" -> "FORD  CANADA
    SALES"; a company's name in brackets, "<PANTRY INC>", stays)."""
    if "<" not in text:
        return text
    return _BRACKETED.sub(lambda m: " " if TICKER.fullmatch(m.group(1)) else m.group(0), text)


def fold(text: str) -> str:
    """Return a case- and accent-insensitive form of text for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # most of a wire archive: no mark to drop
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def headline_key(title: str) -> str:
    """Return a headline as the lists compare it: folded, without the wire's tickers and
    punctuation ("FORD <F> CANADA CAR SALES" is "ford canada car sales"; a re-send's quotes,
    'DEBT PACT "BETTER THAN MEXICO'S'', are no other headline)."""
    return " ".join(_HEADLINE_WORDS.findall(fold(without_tickers(title))))


_HEADLINE_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)  # section, tag and entity names recur on every article
def make_slug(text: str, fallback: str = "article") -> str:
    """Return a filesystem- and URL-safe slug; non-Latin text is transliterated."""
    slug = slugify(text, max_length=SLUG_MAX, word_boundary=True, save_order=True)
    return slug or fallback


def article_slug(title: str, source: str) -> str:
    """Return the slug an article gets without a front-matter one: from its title, else from
    its file name (before any -2, -3 the catalogue adds to tell colliding slugs apart)."""
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return make_slug(title, fallback="") or make_slug(stem, fallback="article")


def words(text: str) -> int:
    """Count the words in plain text."""
    return len(text.split())


def reading_minutes(word_count: int) -> int:
    """Return reading time in whole minutes, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))


def summarise(text: str, limit: int = 220) -> str:
    """Return text cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-—–")
    return cut + "…"


def first_sentence(text: str, limit: int = 90) -> str:
    """Return a headline-sized lead: the first sentence, or that sentence's first clause."""
    lead, _ = stand_in_headline(text, limit, limit)
    return lead or summarise(_SENTENCE_END.split(text, maxsplit=1)[0].rstrip("."), limit)


def stand_in_headline(text: str, limit: int = 90, clause_limit: int = 140) -> tuple[str, str]:
    """Return (headline, "first_sentence" or "first_clause") made whole from text's opening,
    or ("", "") when its first sentence has no clause short enough to be a headline."""
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence, "first_sentence"
    clause = _CLAUSE.match(sentence)
    if clause and len(clause.group(1)) <= clause_limit:
        return clause.group(1), "first_clause"
    return "", ""


# A clause of four words or more, up to the first comma, semicolon, colon or dash.
_CLAUSE = re.compile(r"([^\s,;:]+(?:\s+[^\s,;:]+){3,}?)\s*[,;:–—]")


# A sentence ends at . ! or ? followed by a capitalised word, except after an abbreviation
# such as "U.S.", "Mr." or "Jan." (a short word or initials).
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)\s+(?=[A-Z\"“‘'(])"
)


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$")
_WRITTEN_DATE = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")


def parse_date(value: object) -> dt.datetime | None:
    """Return a datetime (aware only if the value gave an offset) or None if it is not a date."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in (_ISO_DATE, _WRITTEN_DATE):
        match = pattern.match(text)
        if match:
            return _date_from_match(pattern, match)
    return None


def _date_from_match(pattern: re.Pattern[str], match: re.Match[str]) -> dt.datetime | None:
    """Build a datetime from a matched date pattern, or None if the fields are out of range."""
    try:
        if pattern is _ISO_DATE:
            year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
            return dt.datetime(year, month, day, hour, minute, second)
        named = _MONTHS.get(match.group(1).lower())
        if named is None:
            return None
        return dt.datetime(int(match.group(3)), named, int(match.group(2)))
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    """Return the month number for an English month name or abbreviation."""
    return _MONTHS.get(name.lower().rstrip("."))
