"""How faithfully the reader reads wire copy, measured on the Reuters-21578 raw files.

    python benchmarks/wire_reading.py [--articles /work/data/reuters/articles]
        [--labels /work/data/reuters/labels.json] [--limit N] [--timing 2000]

What the source says is found here by simple rules that do not share the reader's code:

- body: the lines after the first non-blank line (the headline), without the closing sign-off
  lines ("Reuter", "REUTER", "REUTER TAW", "MORE", ...). A body that is empty or only "Blah
  blah blah." is a brief and is left out of the paragraph figure.
- table: two or more consecutive body lines that are each column-aligned (two or more spaces
  between words inside the line), dot-leadered ("....") or an indented "X vs Y" row.
- source paragraphs: the body's first line, plus every line that begins with whitespace and is
  not in a table, plus one block for each table (blank-line blocks count one each).

Reported: stories whose paragraph count equals the source's; tables whose every row is a row
of a table block on the page; dateline recall and false datelines against the gold datelines
in labels.json; sign-offs left at the end of a body; "Reuter" found as an entity; and reading
time per article (one process, the first --timing files in path order).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from newsarchive.loader import read_article
from newsarchive.models import Article, SourceFile

SIGN_OFF = re.compile(  # "REUTER TAW": an operator's initials after it
    r"^\s*(reuters?|reute|more|\(ap\)|-30-|###|ends?|(?-i:REUTERS? [A-Z]{1,4}))\W*(\^m)?\s*$",
    re.IGNORECASE,
)
ALIGNED = re.compile(r"\S {2,}\S.* {2,}\S|\S {2,}[-+(]?\d[^a-z]*$|\w\.{4}")
VERSUS = re.compile(r"^\s+.{0,76}\bvs\b", re.IGNORECASE)
LABEL = re.compile(r"^\s*[^\s.].{0,38}[^.,;:]$")  # "Six mths", "Year", "Qtr ended Jan 31"


def source_shape(text: str) -> tuple[int, list[list[str]], bool]:
    """Return (paragraph count, tables as lists of rows, is brief) of a raw wire file."""
    lines = text.replace("\r", "").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    body = lines[1:]
    while body and (not body[-1].strip() or SIGN_OFF.match(body[-1])):
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    words = re.findall(r"[a-z0-9]+", " ".join(body).lower())
    if not body or all(w == "blah" for w in words):
        return 0, [], True
    tabular = [_tabular(body, i) for i in range(len(body))]
    _add_labels(body, tabular)
    tables: list[list[str]] = []
    count, i = 0, 0
    while i < len(body):
        j = i
        while j < len(body) and tabular[j] and body[j].strip():
            j += 1
        if j - i >= 2:
            tables.append(body[i:j])
            count += 1
            i = j
            continue
        line = body[i]
        if i == 0 or (line.strip() and (line[:1].isspace() or not body[i - 1].strip())):
            count += 1
        i += 1
    return count, tables, False


def _tabular(body: list[str], i: int) -> bool:
    """Tell whether body line i is a table row: aligned, or a one-line "X vs Y" paragraph."""
    line = body[i] if i else "    " + after_dateline(body[i])
    if ALIGNED.search(line.strip()):
        return True
    alone = i + 1 == len(body) or body[i + 1][:1].isspace() or not body[i + 1].strip()
    return alone and bool(VERSUS.match(line))


def _add_labels(body: list[str], tabular: list[bool]) -> None:
    """Count short one-line labels just before or after table rows as rows too."""
    for i in range(len(body) - 1, -1, -1):
        before_row = i + 1 < len(body) and tabular[i + 1]
        indented = i == 0 or body[i][:1].isspace()
        if not tabular[i] and before_row and indented and LABEL.match(after_dateline(body[i])):
            tabular[i] = True
    for i in range(1, len(body)):  # "Pay March 31", "Record March 13" after the rows
        alone = i + 1 == len(body) or body[i + 1][:1].isspace()
        if tabular[i - 1] and body[i][:1].isspace() and alone and LABEL.match(body[i]):
            tabular[i] = True


def after_dateline(line: str) -> str:
    """Return the first body line without a "PLACE, Month DD -" dateline."""
    match = re.match(r"([A-Z].{0,58}?) ?-+ (.*)$", line)
    return match.group(2) if match else line


def rows_kept(table: list[str], article: Article) -> bool:
    """Tell whether every source row is a row of one of the article's table blocks."""
    shown = {
        " ".join(row.split())
        for index in article.tables
        for row in article.paragraphs[index].split("\n")
    }
    return all(
        " ".join(line.split()) in shown or " ".join(after_dateline(line).split()) in shown
        for line in table
    )


def main() -> None:
    """Read every file once and print the figures."""
    options = _options()
    labels = json.loads(Path(options.labels).read_text())
    root = Path(options.articles)
    paths = sorted(root.rglob("*.txt"))[: options.limit or None]
    sources = [SourceFile.at(p, p.relative_to(root).as_posix()) for p in paths]
    _timing(sources[: options.timing])
    tally: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for source in sources:
        article, _ = read_article(source)
        if article is None:
            tally["skipped"] += 1
            continue
        _score(source, article, labels.get(source.rel, {}), tally, misses)
    _report(tally, misses)


def _score(
    source: SourceFile,
    article: Article,
    gold: dict[str, object],
    tally: Counter[str],
    misses: Counter[str],
) -> None:
    """Add one article's figures to the tally."""
    text = Path(source.path).read_bytes().decode("utf-8", errors="replace")
    count, tables, brief = source_shape(text)
    tally["articles"] += 1
    tally["briefs (source)"] += brief
    tally["briefs (read)"] += article.brief
    if not brief:
        tally["stories"] += 1
        equal = len(article.paragraphs) == count
        tally["paragraphs equal"] += equal
        if not equal:
            misses[f"paragraphs {source.rel} source {count} read {len(article.paragraphs)}"] += 1
    for table in tables:
        tally["tables"] += 1
        kept = rows_kept(table, article)
        tally["tables as rows"] += kept
        if not kept:
            misses[f"table {source.rel}"] += 1
    last = article.paragraphs[-1].rsplit("\n", 1)[-1] if article.paragraphs else ""
    ending = last.split(" ")[-1] if last else ""
    tally["sign-off in body"] += bool(SIGN_OFF.match(last) or re.match(r"(?i)reuter\W*$", ending))
    tally["Reuter as entity"] += any(name == "Reuter" for _, name in article.entities)
    _score_dateline(source, article, str(gold.get("dateline") or ""), tally, misses)


def _score_dateline(
    source: SourceFile, article: Article, gold: str, tally: Counter[str], misses: Counter[str]
) -> None:
    """Compare the dateline read with the gold one (spacing ignored).

    Some gold datelines run past the dateline's dash into the text ("LONDON, April 1 -
    Enquiries"): the dateline read is then counted as recognised, and also reported apart."""
    gold = " ".join(gold.split()).rstrip(" ,")  # "CHICAGO, March 4, -": the comma is no part
    read = " ".join(article.dateline.split())
    if gold:
        tally["gold datelines"] += 1
        exact = read == gold
        past = bool(read) and gold.startswith(read + " - ")
        tally["datelines exact"] += exact
        tally["datelines recognised"] += exact or past
        if not (exact or past):
            misses[f"dateline {source.rel} gold {gold!r} read {read!r}"] += 1
        if read and not (exact or past):
            tally["wrong datelines"] += 1
    elif read:
        tally["false datelines"] += 1
        misses[f"dateline {source.rel} gold '' read {read!r}"] += 1


def _timing(sources: list[SourceFile]) -> None:
    """Print reading time per article over the given files (best of three runs)."""
    if not sources:
        return
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for source in sources:
            read_article(source)
        best = min(best, time.perf_counter() - start)
    print(f"reading: {best / len(sources) * 1000:.3f} ms per article over {len(sources)} files")


def _report(tally: Counter[str], misses: Counter[str]) -> None:
    """Print the figures and the first misses of each kind."""

    def share(part: str, whole: str) -> str:
        percent = 100 * tally[part] / max(1, tally[whole])
        return f"{tally[part]:,} of {tally[whole]:,} ({percent:.2f} %)"

    print(f"articles read: {tally['articles']:,} (skipped {tally['skipped']})")
    print(f"briefs: source {tally['briefs (source)']:,}, read {tally['briefs (read)']:,}")
    print("paragraph count equal:", share("paragraphs equal", "stories"))
    print("tables readable as rows:", share("tables as rows", "tables"))
    print("datelines recognised:", share("datelines recognised", "gold datelines"))
    print("  of which equal to gold:", share("datelines exact", "gold datelines"))
    print(f"false datelines (read, no gold): {tally['false datelines']:,}")
    print(f"wrong datelines (read, unlike gold): {tally['wrong datelines']:,}")
    print(f"sign-offs left in body: {tally['sign-off in body']:,}")
    print(f"'Reuter' as an entity: {tally['Reuter as entity']:,}")
    for kind in ("paragraphs", "table", "dateline"):
        shown = [m for m in misses if m.startswith(kind)][: 200 if kind == "dateline" else 15]
        if shown:
            print(f"\nfirst misses ({kind}):")
            print("\n".join(f"  {m}" for m in shown))


def _options() -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default="/work/data/reuters/articles")
    parser.add_argument("--labels", default="/work/data/reuters/labels.json")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N files")
    parser.add_argument("--timing", type=int, default=2000, help="files timed (0: none)")
    return parser.parse_args()


if __name__ == "__main__":
    main()
