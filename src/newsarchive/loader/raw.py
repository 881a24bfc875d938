"""Read the shape of raw article text: caption and credit, headline, dateline, byline, paragraphs.

The conventions, with examples, are documented in docs/loader.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entity_words import COMMODITIES
from ..gazetteer import gazetteer, key
from ..text import fold, month_number
from . import wire

CREDIT_MAX = 80  # a caption credit ("AFP / STR", "Reuters/Jane Doe") is short
HEADLINE_MAX = 300  # a longer first line is a paragraph, not a headline
BYLINE_MAX = 100

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WORD = r"[A-Za-z][A-Za-z'’.&/\-]{0,29}"  # bounded: a run of letters is not a place
# A dateline: an optional stray prefix the wire left ("****", "c "), a place of up to five
# words, up to three regions after commas, a date (wire copy misspells its months: "Marchg 12",
# "Apri l7", "ABR 7"), an agency ("(Reuters)", ", Reuter"), then a dash. Each group starts at
# its own separator, so a failed match backtracks over a few words at most.
_DATELINE = re.compile(
    rf"""^(?:\*+|[a-z0-9][ ]+|RPT[ ]-+)?
        (?:(?P<when>[A-Z]{{3,9}}\.?[ ]+\d{{1,2}})(?=[ ]*[-–—])|            # APRIL 7 (no place)
        (?P<place>{_WORD}(?:[ ]{_WORD}){{0,4}})                        # CULIACAN, New York
        (?P<region>(?:[ ]*,[ ]*{_WORD}(?:[ ]{_WORD}){{0,3}}){{0,3}})    # , Ky. / , Mexico
        (?:(?P<sep>(?:[ ]*,[ ]*|[ ]+)(?:-[ ]*)?)
           (?P<date>(?:\d{{1,2}}[ ]+{_MONTH}|[A-Za-z]{{3,9}}\.?,?[ ]+[\dlO][\dlO]?\d?)
           (?:,[ ]*\d{{4}})?))?)                                      # , Jan 5, 2023 / FEB 26
        [ ]*(?:\((?P<agency>[A-Za-z][\w .&/'’\-]{{0,40}})\)|,[ ]*(?P<wire>Reuters?))?
        [ ]*,?[ ]*[-–—]{{1,2}}(?:[ ]+|$)""",
    re.VERBOSE,
)
# Unambiguous, so matching is linear: " and " is already in the name class, and each group
# starts at a comma (the nested form this replaced backtracked exponentially on "By A and x…!").
_BYLINE = re.compile(r"^By\s+(?P<name>[^\W\d_][\w.'’\- ]*(?:,[\w.'’\- ]+)*)$")


@dataclass(frozen=True, slots=True)
class RawParts:
    """The parts found in a raw text body."""

    headline: str
    caption: str
    credit: str
    dateline: str
    agency: str
    date_text: str
    byline: str
    paragraphs: tuple[str, ...]
    tables: tuple[int, ...] = ()  # which paragraphs are tables, rows kept as lines
    placeholder: bool = False  # the body was only "Blah blah blah." and has been dropped


def parse_raw(body: str, *, has_title: bool = False) -> RawParts:
    """Split a raw text body into caption, headline, dateline, byline and paragraphs."""
    blocks = _line_blocks(body)
    lines = [line.strip() for line in blocks[0]] if blocks else []
    caption, credit = ("", "")
    if len(lines) >= 2:
        caption, credit = caption_and_credit(lines[0], lines[1])
    if caption:
        blocks = ([blocks[0][2:]] if len(lines) > 2 else []) + blocks[1:]
        headline = ""
    elif has_title or not blocks:
        headline = ""
    else:
        headline, blocks = _take_headline(blocks)
    read = [part for block in _without_sign_off(blocks) for part in wire.read_block(block)]
    byline, read = _take_byline(read)
    dateline, agency, date_text, read = _take_dateline(read)
    placeholder = bool(read) and wire.is_placeholder(" ".join(part.text for part in read))
    if placeholder:
        read = []
    return RawParts(
        headline,
        caption,
        credit,
        dateline,
        agency,
        date_text,
        byline,
        tuple(part.text for part in read),
        tuple(index for index, part in enumerate(read) if part.table),
        placeholder,
    )


def _line_blocks(body: str) -> list[list[str]]:
    """Split text into blocks of non-blank lines at blank lines, keeping each line's indent."""
    blocks = re.split(r"\n[ \t\u00a0]*\n", body.strip())
    kept = ([line.rstrip() for line in block.split("\n") if line.strip()] for block in blocks)
    return [block for block in kept if block]


def _without_sign_off(blocks: list[list[str]]) -> list[list[str]]:
    """Drop the sign-off lines ("Reuter", "-30-", "MORE") that close the text."""
    while blocks and not (last := wire.drop_sign_off(blocks[-1])):
        blocks = blocks[:-1]
    return [*blocks[:-1], last] if blocks else []


def split_blocks(body: str) -> list[str]:
    """Split text into blocks separated by blank lines, trimming each block's lines."""
    blocks = re.split(r"\n[ \t\u00a0]*\n", body.strip())
    cleaned = ("\n".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks)
    return [block for block in cleaned if block]


def caption_and_credit(first: str, second: str) -> tuple[str, str]:
    """Return (caption, credit) when the second line repeats the first with a credit appended."""
    a, b = " ".join(first.split()), " ".join(second.split())
    if not a or len(b) < len(a) or fold(b[: len(a)]) != fold(a):
        return "", ""
    credit = b[len(a) :].strip(" -–—|")
    if len(credit) > CREDIT_MAX or (credit and b[len(a)] not in " -–—|(/"):
        return "", ""
    return a, credit


# A report's first word ("SILVER - total 156,708,754 off ..."), never a dateline's place alone:
# the goods the entity rules know (crops among them), and the metals of price reports besides.
_METALS = {"zinc", "lead", "nickel", "aluminium", "aluminum", "platinum", "palladium"}
_REPORTED = COMMODITIES | _METALS
_STRAY = re.compile(r"^(?:/+ *|\. +)(?=\w)")  # "/U.S. ...", ". HEADLINES"; not ".NET"


def _take_headline(blocks: list[list[str]]) -> tuple[str, list[list[str]]]:
    """Take the first line as the headline unless it is too long to be one; a stray slash or
    full stop the wire left before it ("/U.S. NON-FARM PRODUCTIVITY ...", ". HEADLINES AT
    0800") is no part of it."""
    first = blocks[0][0]
    if len(first) > HEADLINE_MAX:
        return "", blocks
    remaining = ([blocks[0][1:]] if len(blocks[0]) > 1 else []) + blocks[1:]
    headline = _STRAY.sub("", " ".join(first.split()))
    typed = None if remaining else wire.typed_sign_off(headline)  # a flash: headline only
    return _dateline_typed_on(headline[:typed].rstrip(), remaining)


# A capitals headline's last words when a dateline was typed onto them: "... 18 MLN BPD
# CARACAS, Oct 19", its place one to three words; with its dash and the body's first words
# too: "SHULTZ SAYS U.S. ECONOMY IS STRONG LONDON, Oct 20 - U.S.".
_TYPED_DATELINE = re.compile(
    r" ((?:[A-Z][A-Z.'’-]* ){0,2}[A-Z][A-Z.'’-]*, [A-Za-z]{3,9}\.? \d{1,2})( [-–—] .*)?$"
)


def _dateline_typed_on(headline: str, blocks: list[list[str]]) -> tuple[str, list[list[str]]]:
    """Return the headline without a dateline typed onto its end, the dateline put back at the
    start of the body that begins with its dash ("VENEZUELA SAYS OPEC OIL OUTPUT 0VER 18 MLN
    BPD CARACAS, Oct 19" over "- The current OPEC oil production..."), or with the dash and
    the body's first words typed on too ("... STRONG LONDON, Oct 20 - U.S." over "Secretary of
    State George Shultz ..."): the place is the longest run of the last three words the
    gazetteer knows, so "NEW YORK" stays whole."""
    match = _TYPED_DATELINE.search(headline)
    if not match or not blocks:
        return headline, blocks
    opened = match.group(2)  # the dash and the body's first words, if typed on too
    if not opened and not blocks[0][0].lstrip().startswith(("-", "–", "—")):
        return headline, blocks
    words = match.group(1).split(" ")
    places = gazetteer().names
    for start in range(len(words) - 2):  # the longest place first
        tail = " ".join(words[start:])
        line = f"{tail}{opened}" if opened else f"{tail} {blocks[0][0].strip()}"
        found = _DATELINE.match(line) if key(" ".join(words[start:-2])) in places else None
        if found and _is_dateline(found, in_table=False):
            kept = blocks[0] if opened else blocks[0][1:]  # the body's first line, or its rest
            cut = len(tail) + len(opened or "")
            return headline[:-cut].rstrip(), [[line, *kept], *blocks[1:]]
    return headline, blocks


def _take_byline(parts: list[wire.Block]) -> tuple[str, list[wire.Block]]:
    """Take a "By Jane Doe" line from the first two paragraphs."""
    for index, part in enumerate(parts[:2]):
        match = None if part.table else _BYLINE.match(part.text)
        name = match.group("name").strip() if match else ""
        # A short lede such as "By midday, police had closed the road." is not a byline.
        if (
            name[:1].isupper()
            and not name.endswith((".", "!", "?"))
            and len(part.text) <= BYLINE_MAX
        ):
            return name, parts[:index] + parts[index + 1 :]
    return "", parts


def _take_dateline(parts: list[wire.Block]) -> tuple[str, str, str, list[wire.Block]]:
    """Take a dateline ("CULIACAN, Mexico (Reuters) -") from the start of the first paragraph."""
    if not parts:
        return "", "", "", parts
    first = parts[0]
    if first.table:  # single spaces, as in a paragraph, so the pattern's space runs are short
        row, newline, rows = first.text.partition("\n")
        first = wire.Block(" ".join(row.split()) + newline + rows, table=True)
    match = _DATELINE.match(first.text)
    if not match or not _is_dateline(match, first.table):
        return "", "", "", parts
    dateline = " ".join(match.group(0).rstrip(" ,-–—").split())
    rest = first.text[match.end() :].strip()
    remaining = ([wire.Block(rest, first.table)] if rest else []) + parts[1:]
    if rest and not first.table and len(remaining) > 1 and remaining[1].table:
        remaining[:2] = wire.label_table(remaining[0], remaining[1])
    agency = (match.group("agency") or match.group("wire") or "").strip()
    return dateline, agency, match.group("date") or match.group("when") or "", remaining


def _is_month(date: str) -> bool:
    """Tell whether a date's first word is a month name or its abbreviation ("FEB", "Sept.")."""
    word = date.split(" ", 1)[0].rstrip(".,")
    return month_number(word if not word[:1].isdigit() else date.split()[-1]) is not None


def _is_dateline(match: re.Match[str], in_table: bool) -> bool:
    """Tell a dateline from a lede that opens with a name and a dash ("Paris - Stocks fell")."""
    if match.group("when"):
        return _is_month(match.group("when"))
    place, region, date = match.group("place", "region", "date")
    if match.group("agency") or match.group("wire"):
        return place[:1].isupper()
    if date:
        # "Shares rose 12 - 15 pct" is no dateline: a date follows a comma or a region, or a
        # real month follows a place in capitals ("JOHANNESBURG March 13"); a misspelt month
        # ("Marchg 12") is trusted only after a comma ("ONE MTH 105 - 115" is a table row).
        after_comma = bool(region) or "," in match.group("sep")
        return after_comma or (place.isupper() and _is_month(date))
    # A table's first row ("LONDON GOLD - OPEN") is never dated by its capitals alone, nor is
    # a commodity's report ("SILVER - total 156,708,754 off 323,664").
    if place.lower() in _REPORTED and not region:
        return False
    return (not in_table or bool(region)) and place.isupper() and len(place) >= 3
