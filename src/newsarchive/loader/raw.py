"""Read the shape of raw article text: caption and credit, headline, dateline, byline, paragraphs.

The conventions, with examples, are documented in docs/loader.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

CREDIT_MAX = 80  # a caption credit ("AFP / STR", "Reuters/Jane Doe") is short
HEADLINE_MAX = 300  # a longer first line is a paragraph, not a headline
BYLINE_MAX = 100

_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'’.\-]*(?:\s[A-Z][A-Z'’.\-]*){0,4})       # CULIACAN, NEW YORK
        (?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]*(?:\s[A-Z][A-Za-z.'’\-]*){0,3}))?  # , Mexico
        (?:,?\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?  # , Jan 5, 2023
        \s*(?:\((?P<agency>[A-Za-z][\w .&/'’\-]{0,40})\))?               # (Reuters)
        \s*[-–—]{1,2}\s+""",
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


def parse_raw(body: str, *, has_title: bool = False) -> RawParts:
    """Split a raw text body into caption, headline, dateline, byline and paragraphs."""
    blocks = split_blocks(body)
    lines = blocks[0].split("\n") if blocks else []
    caption, credit = ("", "")
    if len(lines) >= 2:
        caption, credit = caption_and_credit(lines[0], lines[1])
    if caption:
        rest = "\n".join(lines[2:])
        blocks = ([rest] if rest.strip() else []) + blocks[1:]
        headline = ""
    elif has_title or not blocks:
        headline = ""
    else:
        headline, blocks = _take_headline(blocks)
    paragraphs = [" ".join(block.split()) for block in blocks]
    byline, paragraphs = _take_byline(paragraphs)
    dateline, agency, date_text, paragraphs = _take_dateline(paragraphs)
    return RawParts(
        headline,
        caption,
        credit,
        dateline,
        agency,
        date_text,
        byline,
        tuple(p for p in paragraphs if p),
    )


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


def _take_headline(blocks: list[str]) -> tuple[str, list[str]]:
    """Take the first line as the headline unless it is too long to be one."""
    first, _, rest = blocks[0].partition("\n")
    if len(first) > HEADLINE_MAX:
        return "", blocks
    remaining = ([rest] if rest.strip() else []) + blocks[1:]
    return " ".join(first.split()), remaining


def _take_byline(paragraphs: list[str]) -> tuple[str, list[str]]:
    """Take a "By Jane Doe" line from the first two paragraphs."""
    for index, text in enumerate(paragraphs[:2]):
        match = _BYLINE.match(text)
        name = match.group("name").strip() if match else ""
        # A short lede such as "By midday, police had closed the road." is not a byline.
        if name[:1].isupper() and not name.endswith((".", "!", "?")) and len(text) <= BYLINE_MAX:
            return name, paragraphs[:index] + paragraphs[index + 1 :]
    return "", paragraphs


def _take_dateline(paragraphs: list[str]) -> tuple[str, str, str, list[str]]:
    """Take a dateline ("CULIACAN, Mexico (Reuters) -") from the start of the first paragraph."""
    if not paragraphs:
        return "", "", "", paragraphs
    match = _DATELINE.match(paragraphs[0])
    if not match or not (match.group("agency") or len(match.group("place")) >= 3):
        return "", "", "", paragraphs
    if not match.group("agency") and not match.group("place").isupper():
        return "", "", "", paragraphs
    dateline = match.group(0).rstrip(" -–—").strip()
    rest = paragraphs[0][match.end() :].strip()
    agency = (match.group("agency") or "").strip()
    remaining = ([rest] if rest else []) + paragraphs[1:]
    return dateline, agency, match.group("date") or "", remaining
