"""Write what a blind judge reads of a built site's related lists, same-story lists or chips.

    python benchmarks/related_sample.py DIST OUT.md --seed 2060 [--articles 40]
                                        [--kind related|story|chips] [--articles-dir DIR]

Draws random article pages of a built site (DIST) that show a list of the kind ("Related
articles", or "Other coverage of this story"), and writes for each its headline and summary,
then every listed article's headline, date and summary, from the site's own articles.json: the
judge sees what a reader sees, not how it was chosen (benchmarks/judged/). `--kind chips` draws
pages with "In this story" chips and writes each story's headline and first 1,500 characters
(from its source file under --articles-dir), then its chips, kind and name.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from pathlib import Path

_SECTION = {"related": "related", "story": "same-story", "chips": "in-this-story"}
_LINK = re.compile(r'<li><a href="([^"]+)">')
_CHIP = re.compile(
    r'<a class="chip[^"]*" href="[^"]*"><span class="chip-kind">([^<]+)</span>\s*([^<]+)</a>'
)


def listed(page: str, kind: str) -> list[str]:
    """Return the site paths a page's list of the kind links to (relative links resolved)."""
    start = page.find(f'aria-labelledby="{_SECTION[kind]}"')
    if start < 0:
        return []
    section = page[start : page.find("</section>", start)]
    return [html.unescape(link) for link in _LINK.findall(section)]


def chips_of(page: str) -> list[tuple[str, str]]:
    """Return the (kind, name) of each chip a page's "In this story" section shows."""
    start = page.find(f'aria-labelledby="{_SECTION["chips"]}"')
    if start < 0:
        return []
    section = page[start : page.find("</section>", start)]
    return [(kind.strip(), html.unescape(name.strip())) for kind, name in _CHIP.findall(section)]


def _chips_lines(
    number: int, record: dict[str, str], chips: list[tuple[str, str]], articles: Path
) -> list[str]:
    """Return a judge's lines for one page's chips: its story's start, then each chip."""
    raw = (articles / record["source"]).read_text(encoding="utf-8", errors="replace")
    headline, _, body = raw.partition("\n")
    lines = [
        f"## Article {number}: {headline.strip()}\n",
        f"   TEXT: {' '.join(body.split())[:1500]}\n",
    ]
    lines += [f"{number}.{i} {kind}: {name}\n" for i, (kind, name) in enumerate(chips, 1)]
    return [*lines, "\n"]


def resolve(url: str, link: str) -> str:
    """Return the site path a relative link on the page at `url` points to."""
    parts = url.split("/")[:-1]
    for piece in link.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def main(argv: list[str]) -> int:
    """Write the sample."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--kind", choices=sorted(_SECTION), default="related")
    parser.add_argument("--articles-dir", type=Path, default=Path("articles"))
    options = parser.parse_args(argv)
    records = json.loads((options.dist / "articles.json").read_text(encoding="utf-8"))
    by_url = {r["url"]: r for r in records}
    order = list(records)
    random.Random(options.seed).shuffle(order)
    lines, drawn = [], 0
    for record in order:
        if drawn == options.articles:
            break
        page = (options.dist / record["url"]).read_text(encoding="utf-8")
        if options.kind == "chips":
            if chips := chips_of(page):
                drawn += 1
                lines.extend(_chips_lines(drawn, record, chips, options.articles_dir))
            continue
        links = [resolve(record["url"], link) for link in listed(page, options.kind)]
        if not links:
            continue
        drawn += 1
        lines.append(f"## Article {drawn}: {record['title']} ({record['date'][:10]})\n")
        lines.append(f"   SUMMARY: {record.get('summary', '')}\n")
        for number, url in enumerate(links, 1):
            other = by_url.get(url, {})
            lines.append(
                f"{drawn}.{number} {other.get('title', url)} ({other.get('date', '')[:10]})\n"
            )
            lines.append(f"   SUMMARY: {other.get('summary', '')}\n")
        lines.append("\n")
    options.out.write_text("".join(lines), encoding="utf-8")
    print(f"{drawn} articles with a {options.kind} list written to {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
