"""Score a built Reuters-21578 site against the corpus's own gold labels; print one table.

    python benchmarks/reuters.py /tmp/newsarchive-bench            # the corpus, once
    python build.py --articles /tmp/newsarchive-bench/reuters-x1/na/articles --output /tmp/q/dist
    python benchmarks/quality.py /tmp/q/dist /tmp/newsarchive-bench/reuters-x1

Reads dist/articles.json and every article page, the raw files and labels.json, and measures
what a reader sees on the page:

- headline, date and dateline equal to the gold ones (case and spacing aside);
- paragraphs: the page's body blocks (paragraphs and tables) against the source's, and tables
  readable as rows (every source row is a line of a <pre> or a row of a <table> on the page),
  with the source's shape found by benchmarks/wire_reading.py's `source_shape`, simple rules
  that share no code with the reader (a source paragraph starts at an indented line; a run of
  aligned, dot-leadered or "X vs Y" rows is one table; the sign-off is no paragraph);
- sign-offs ("Reuter") left in a body or published as an entity;
- entity recall against Reuters' PLACES, PEOPLE and ORGS codes, counted only where the body
  names the entity: places and people by benchmarks/entity_labels.py's code-to-name tables and
  rules, organisations by ORGS below;
- the largest same-story cluster, the most story links on one page, and near-duplicate flags
  on briefs and near-empty items (always wrong: there is no text to be near).
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from entity_labels import PEOPLE, names_in, person_recalled, place_forms
from wire_reading import after_dateline, source_shape

# Reuters' organisation codes as the names a page would use, the page's own name first, then the
# other ways a body names them.
ORGS: dict[str, tuple[str, ...]] = {
    "ec": ("European Community", "EC", "European Economic Community", "EEC"),
    "imf": ("International Monetary Fund", "IMF"),
    "opec": ("OPEC", "Organization of Petroleum Exporting Countries"),
    "worldbank": ("World Bank",),
    "gatt": ("GATT", "General Agreement on Tariffs and Trade"),
    "oecd": ("OECD", "Organisation for Economic Cooperation and Development"),
    "icco": ("ICCO", "International Cocoa Organization"),
    "ico-coffee": ("ICO", "International Coffee Organization"),
    "adb-asia": ("Asian Development Bank", "ADB"),
    "un": ("United Nations", "UN", "U.N."),
    "unctad": ("UNCTAD",),
    "fao": ("FAO", "Food and Agriculture Organization"),
    "eib": ("European Investment Bank", "EIB"),
    "iea": ("International Energy Agency", "IEA"),
}
KINDS = {"places": "place", "people": "person", "orgs": "organisation"}


@dataclass
class Scores:
    """Counts behind each row of the table."""

    counts: Counter[str] = field(default_factory=Counter)
    recall: dict[str, Counter[str]] = field(default_factory=dict)
    largest_story: int = 0
    most_story_links: int = 0


@dataclass(frozen=True)
class Page:
    """What a reader sees of one article page."""

    title: str
    dateline: str
    blocks: list[str]  # the body's paragraphs and tables, as text
    tables: list[str]
    entities: list[tuple[str, str]]
    story_links: int
    near_duplicate: bool


def read_page(path: Path) -> Page:
    """Read the parts of an article page the scores look at."""
    text = path.read_text(encoding="utf-8")
    body = _between(text, '<div class="story-body"', '<footer class="story-footer"')
    blocks = [
        (tag, inner)
        for tag, attributes, inner in re.findall(r"<(p|pre|table)\b([^>]*)>(.*?)</\1>", body, re.S)
        if 'class="notice"' not in attributes  # "Also filed as ...": the page's, not the text's
    ]
    story = _between(text, 'id="same-story"', "</section>")
    return Page(
        title=_text(_first(r'<h1 class="story-title"[^>]*>(.*?)</h1>', text)),
        dateline=_text(_first(r'<span class="dateline">(.*?)</span>', body)).rstrip(" –—-"),
        blocks=[_text(inner) for _, inner in blocks],
        tables=[inner for tag, inner in blocks if tag in ("pre", "table")],
        entities=[
            (kind, _text(name))
            for kind, name in re.findall(
                r'class="chip chip-(\w+)"[^>]*><span class="chip-kind">[^<]*</span>\s*([^<]+)</a>',
                text,
            )
        ],
        story_links=story.count("<li"),
        near_duplicate="near-duplicate of" in text,
    )


def _between(text: str, start: str, end: str) -> str:
    """Return the text between the first `start` and the next `end`, or ""."""
    _, found, tail = text.partition(start)
    return tail.partition(end)[0] if found else ""


def _first(pattern: str, text: str) -> str:
    """Return the first group of the first match, or ""."""
    match = re.search(pattern, text, re.S)
    return match.group(1) if match else ""


def _text(fragment: str) -> str:
    """Return an HTML fragment as plain text with its spacing collapsed: an inline element
    (a link, a ticker's "<SM>" marked inside a headline) is no word boundary, any other is."""
    inline = re.sub(r"</?(?:span|a|mark|em|strong|abbr|time)\b[^>]*>", "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def _fold(text: str) -> str:
    """Return text casefolded without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _recalled(key: str, code: str, body: str, entities: list[tuple[str, str]]) -> bool | None:
    """Say whether the page lists what a Reuters code stands for (None: the body does not name
    it, or the code has no mapping)."""
    chips = [name for kind, name in entities if kind == KINDS[key]]
    if key == "places":
        forms = place_forms(code)
        return _fold(forms[0]) in map(_fold, chips) if names_in(body, forms) else None
    if key == "people":
        named = code in PEOPLE and names_in(body, (PEOPLE[code][1],))
        return person_recalled(code, chips) if named else None
    forms = ORGS.get(code, ())
    return (
        bool({_fold(f) for f in forms} & set(map(_fold, chips))) if names_in(body, forms) else None
    )


def score(dist: Path, corpus: Path) -> Scores:
    """Score every article page of `dist` against the gold labels of `corpus`."""
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    manifest = json.loads((dist / "articles.json").read_text(encoding="utf-8"))
    scores = Scores(recall={kind: Counter() for kind in KINDS})
    counts = scores.counts
    for item in manifest:
        gold = labels.get(item["source"])
        if gold is None:
            continue
        raw = (corpus / "na" / "articles" / item["source"]).read_bytes().decode("utf-8", "replace")
        page = read_page(dist / item["url"])
        _score_item(scores, gold, item, raw, page)
    counts["missing pages"] = len(labels) - counts["items"]
    return scores


def _score_item(
    scores: Scores, gold: dict[str, object], item: dict[str, object], raw: str, page: Page
) -> None:
    """Add one article's scores."""
    counts = scores.counts
    counts["items"] += 1
    title = gold["title"]
    body = raw.partition("\n\n")[2] if title is not None else raw
    blocks, tables, brief = source_shape(raw)
    brief = brief or len(body.split()) < 4
    if title is not None:
        counts["titled"] += 1
        counts["headline equal"] += " ".join(str(title).split()).casefold() == page.title.casefold()
    counts["date equal"] += str(item.get("date") or "")[:10] == gold["date"]
    _score_dateline(counts, " ".join(str(gold["dateline"] or "").split()).rstrip(" ,"), page)
    if not brief:
        counts["stories"] += 1
        counts["paragraphs equal"] += len(page.blocks) == blocks
        counts["multi-paragraph stories"] += blocks > 1
        counts["shown as one block"] += blocks > 1 and len(page.blocks) <= 1
    counts["tables"] += len(tables)
    counts["tables as rows"] += sum(_kept(table, page.tables) for table in tables)
    last = page.blocks[-1] if page.blocks else ""
    counts["sign-off in body"] += bool(re.search(r"(?i)\breuter\W*$", last))
    counts["sign-off as entity"] += any(_fold(n) == "reuter" for _, n in page.entities)
    counts["near-duplicate flags"] += page.near_duplicate
    counts["near-duplicate flags on briefs"] += page.near_duplicate and brief
    scores.largest_story = max(scores.largest_story, page.story_links + 1)
    scores.most_story_links = max(scores.most_story_links, page.story_links)
    for key in KINDS:
        for code in gold[key]:  # type: ignore[attr-defined]
            found = _recalled(key, code, body, page.entities)
            if found is not None:
                scores.recall[key]["named"] += 1
                scores.recall[key]["found"] += found


def _score_dateline(counts: Counter[str], gold: str, page: Page) -> None:
    """Compare the page's dateline with the gold one; a gold dateline that runs on past the
    dateline's dash into the text ("LONDON, April 1 - Enquiries") counts as recognised."""
    shown = page.dateline
    if not gold:
        counts["dateline false"] += bool(shown)
        return
    counts["dateline gold"] += 1
    exact = _fold(shown) == _fold(gold)
    counts["dateline exact"] += exact
    counts["dateline equal"] += exact or (
        bool(shown) and _fold(gold).startswith(_fold(shown) + " - ")
    )


def _kept(table: list[str], shown: list[str]) -> bool:
    """Say whether every row of a source table is a line or row of one table on the page."""
    for block in shown:
        rows = {" ".join(_text(row).split()) for row in re.split(r"\n|</tr>", block)}
        if all(
            " ".join(line.split()) in rows or " ".join(after_dateline(line).split()) in rows
            for line in table
        ):
            return True
    return False


def report(scores: Scores) -> str:
    """Return the scores as one Markdown table."""
    c = scores.counts

    def share(part: str, whole: str) -> str:
        return f"{c[part]:,} / {c[whole]:,} ({100 * c[part] / max(c[whole], 1):.1f} %)"

    rows = [
        ("articles with a page", f"{c['items']:,} ({c['missing pages']:,} files without)"),
        ("headline equal to gold", share("headline equal", "titled")),
        ("date equal to gold", share("date equal", "items")),
        ("dateline recognised", share("dateline equal", "dateline gold")),
        ("  of which equal to gold", share("dateline exact", "dateline gold")),
        ("false datelines", f"{c['dateline false']:,}"),
        ("paragraph count equal to source", share("paragraphs equal", "stories")),
        (
            "multi-paragraph stories shown as one block",
            share("shown as one block", "multi-paragraph stories"),
        ),
        ("tables readable as rows", share("tables as rows", "tables")),
        ("sign-off left in body", f"{c['sign-off in body']:,}"),
        ("sign-off published as an entity ('Reuter')", f"{c['sign-off as entity']:,}"),
    ]
    for key, counts in scores.recall.items():
        found, named = counts["found"], counts["named"]
        rows.append(
            (
                f"{key.upper()} recall where the body names it",
                f"{found:,} / {named:,} ({100 * found / max(named, 1):.1f} %)",
            )
        )
    rows += [
        ("largest same-story cluster", f"{scores.largest_story:,}"),
        ("most story links on one page", f"{scores.most_story_links:,}"),
        ("near-duplicate flags", f"{c['near-duplicate flags']:,}"),
        (
            "near-duplicate flags on briefs / near-empty items",
            f"{c['near-duplicate flags on briefs']:,}",
        ),
    ]
    lines = ["| measure | value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Score a build and print the table."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    print(report(score(Path(argv[0]), Path(argv[1]))), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
