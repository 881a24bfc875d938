"""Read wire-copy conventions: indent-marked paragraphs, aligned tables, sign-offs, briefs.

Wire copy is hard-wrapped at ~70 columns with no blank lines between paragraphs: a paragraph
starts with a line indented further than the others. Tables (earnings "Shr 34 cts vs 1.19 dlrs"
rows, column-aligned prices, dot-leader statements) are lines whose layout is their meaning, so
they are kept as rows. The conventions, with examples, are documented in docs/loader.md.

Every pattern here is matched against one line at a time and has no nested repetition, so
reading stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ROW_MAX = 80  # an earnings row ("Oper shr profit nil vs profit 12 cts") fits on one line
LIGHT_MAX = 40  # a row label or wrapped cell ("Six mths", "OPN/INT", "1,668")
CELL_MAX = 40  # a cell of a column-aligned row; prose between double spaces is longer
TAIL = 24  # how far from a line's end a sign-off typed onto it is looked for

# The last lines of wire copy that close it rather than say anything: "Reuter", "REUTER...",
# "REUTER TAW" (an operator's initials), "(AP)", "-30-", "###", "ENDS", "MORE", "More to
# follow". "^M" is a carriage return some archives wrote out as two characters.
_SIGN_OFF = re.compile(
    r"(?:(?i:reuters?\.*|reute|\(ap\)|-+ ?30 ?-+|#{3}|ends?|more|more to (?:follow|come))"
    r"|REUTERS? [A-Z]{1,4})\s*(?:\^[mM])?"
)
# "... the company said. REUTER": the sign-off typed onto the last line. A title-case "Reuter"
# after a name ("said chairman Edzard Reuter") is the name, so it needs punctuation before it.
_TRAILING_SIGN_OFF = re.compile(r"(?:(?<=[.)\"\d])\s+(?i:reuter)|\s+(?:REUTER|reuter))\.*\s*$")
# "... IN LATE 1980S - OFFICIAL Reuter": a flash's capitals headline with the sign-off typed on;
# a name there would be in capitals too.
_CAPITALS_SIGN_OFF = re.compile(r"\s+Reuter\.*\s*$")
_CELL_GAP = re.compile(r" {2,}|\t+")
# "outright....193,374", "unch.........": dots that lead to a value, not an ellipsis in prose.
_DOT_LEADER = re.compile(r"\w\.{3,}[\w-]|\.{6,}")
# A label and two or more figures with single spaces between them (a price table's row:
# "JUN7 13050L 13125H 13125 13000 13050L 13075H", "SEP7 13100L 13125H 13125 13050   --").
_FIGURE = r"(?:[-+(]?\d[\d.,:/]*[A-Z%)]{0,2}|-{2,3}|(?i:nil|unch|\(unch\)|untrd|unquoted))"
_FIGURES_ROW = re.compile(rf"\S+(?: +{_FIGURE}){{2,}}")
# a row's cells after its label: "6150 UNCH", "UNTRD", "420.20/420.70 dlrs" (a unit after them)
_FIGURES = re.compile(rf"{_FIGURE}(?: +{_FIGURE})*(?: [a-z]{{1,6}})?")
_NUMERIC_CELL = re.compile(r"[-+(<]?\d\S*(?: [-+(<]?\d\S*)*")
_VERSUS = re.compile(r"\bvs\b\.?", re.IGNORECASE)
_PLACEHOLDER = frozenset({"blah", "lorem", "ipsum", "dolor", "sit", "amet", "tk", "placeholder"})
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (one line of joined text) or a table (rows kept as lines)."""

    text: str
    table: bool = False


def drop_sign_off(lines: list[str]) -> list[str]:
    """Return lines without the sign-offs and blank lines that end them."""
    end = len(lines)
    while end and (not lines[end - 1].strip() or _SIGN_OFF.fullmatch(lines[end - 1].strip())):
        end -= 1
    last = lines[end - 1] if end else ""
    if not end or (typed := typed_sign_off(last)) is None:
        return lines[:end]
    return [*lines[: end - 1], last[:typed]]


def typed_sign_off(line: str) -> int | None:
    """Return where a sign-off typed onto a line's end begins ("... the company said.
    REUTER", a capitals headline's "... OFFICIAL Reuter"), None if there is none."""
    # Only the line's tail is searched: a long run of spaces elsewhere costs nothing.
    tail = max(0, len(line) - TAIL)
    if found := _TRAILING_SIGN_OFF.search(line, tail):
        return found.start()
    found = _CAPITALS_SIGN_OFF.search(line, tail)
    return found.start() if found and line[: found.start()].isupper() else None


def is_placeholder(text: str) -> bool:
    """Tell whether text is placeholder words only ("Blah blah."); text with no words at all
    (";", "...") is no placeholder: it is shown as it is."""
    found = False
    for word in _WORD.finditer(text.lower()):  # a real text's first word answers
        if word.group() not in _PLACEHOLDER:
            return False
        found = True
    return found


def read_block(lines: Sequence[str]) -> list[Block]:
    """Split one blank-line block into paragraphs at indented lines, keeping tables as rows."""
    indents = [len(line) - len(line.lstrip()) for line in lines]
    base = min(indents)
    slips = [i > 0 and indents[i] == base + 1 and _goes_on(lines, i) for i in range(len(lines))]
    starts = [i == 0 or (indents[i] > base and not slips[i]) for i in range(len(lines))]
    kinds = [_line_kind(lines, starts, i) for i in range(len(lines))]
    tables = dict(_tables(kinds, starts))
    blocks: list[Block] = []
    paragraph: list[str] = []
    i = 0
    while i < len(lines):
        if i in tables or starts[i]:
            _flush(paragraph, blocks)
        if i in tables:
            blocks.append(Block(_table_text(lines, i, tables[i]), table=True))
            i = tables[i]
            continue
        paragraph.append(lines[i])
        i += 1
    _flush(paragraph, blocks)
    return blocks


def _goes_on(lines: Sequence[str], i: int) -> bool:
    """Tell whether a line indented by one space goes on with the sentence the line above it
    wraps: it opens in lowercase under a long line of prose with no stop at its end (" were
    allotted" under "... at 97.625 stg", wire copy's slip), so it starts no paragraph. Rows
    ("vs", runs of spaces) keep their place."""
    line, above = lines[i].strip(), lines[i - 1].strip()
    rows = any("  " in t or _VERSUS.search(t) for t in (line, above))
    prose = not rows and len(above) > LIGHT_MAX and line[:1].islower()
    return prose and not above.endswith((".", "!", "?", ":", '"'))


def label_table(label: Block, table: Block) -> list[Block]:
    """Join a label or row ("Period ended Dec 31", "Shr 1.20 dlrs vs 1.10") to the table after."""
    if _line_kind([label.text], [True], 0) == "text":
        return [label, table]
    return [Block(f"{label.text}\n{table.text}", table=True)]


def _flush(paragraph: list[str], blocks: list[Block]) -> None:
    """Move the lines gathered so far into blocks as one joined paragraph."""
    if paragraph:
        blocks.append(Block(" ".join(" ".join(paragraph).split())))
        paragraph.clear()


def _line_kind(lines: Sequence[str], starts: Sequence[bool], i: int) -> str:
    """Return "row" for a table row, "light" for a short label line, else "text"."""
    text = lines[i].strip()
    single = starts[i] and (i + 1 == len(lines) or starts[i + 1])
    if single and len(text) <= ROW_MAX and _VERSUS.search(text):
        return "row"
    if "..." in text and _DOT_LEADER.search(text):
        return "row"
    if _FIGURES_ROW.fullmatch(text):  # "JUN7 13050L 13125H 13125 13000": single spaces
        return "row"
    # Most lines are prose with single spaces: they skip the split.
    cells = _CELL_GAP.split(text) if "  " in text or "\t" in text else [text]
    if len(cells) > 1 and max(len(cell) for cell in cells) <= CELL_MAX:
        # Three short cells, or a label and a number, are a row; two word cells a header.
        numeric = len(cells) == 2 and (
            _NUMERIC_CELL.fullmatch(cells[1]) or _FIGURES.fullmatch(cells[1])
        )
        return "row" if len(cells) >= 3 or numeric else "light"
    if len(text) <= LIGHT_MAX and not text.endswith((".", ",", ";", ":", "!", "?", '"')):
        return "light"
    return "text"


def _tables(kinds: Sequence[str], starts: Sequence[bool]) -> list[tuple[int, int]]:
    """Return (first, end) line spans of the tables: runs of rows and short label lines."""
    spans = []
    i = 0
    while i < len(kinds):
        if kinds[i] == "text":
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] != "text":
            end += 1
        spans.append(_trimmed(kinds, starts, i, end))
        i = end
    return [(a, b) for a, b in spans if b - a >= 2 and "row" in kinds[a:b]]


def _trimmed(kinds: Sequence[str], starts: Sequence[bool], first: int, end: int) -> tuple[int, int]:
    """Trim a run to its table: short lines that wrap a paragraph are not rows."""
    while first < end and kinds[first] == "light" and not starts[first]:
        first += 1  # the end of the paragraph before ("three differing yields include")
    if end < len(kinds) and not starts[end] and end > first and kinds[end - 1] == "light":
        end -= 1  # the first line of the paragraph after, which wraps onto the next line
    while end > first and kinds[end - 1] == "light" and not starts[end - 1]:
        end -= 1
    return first, end


def _table_text(lines: Sequence[str], i: int, end: int) -> str:
    """Return a table's rows as lines, with the indent they share removed."""
    rows = [line.rstrip() for line in lines[i:end]]
    # The block's first line lost its indent to a dateline; its alignment cannot be known.
    rest = [len(r) - len(r.lstrip()) for k, r in enumerate(rows) if k or i]
    cut = min(rest) if rest else 0
    return "\n".join(row.strip() if k == 0 and i == 0 else row[cut:] for k, row in enumerate(rows))
