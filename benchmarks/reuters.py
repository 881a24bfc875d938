"""The benchmark's main corpus: Reuters-21578, real 1987 wire copy, as raw files and peers' input.

    python benchmarks/reuters.py WORK [--scale 5]

Unpacks ../shared/corpora/reuters21578-xml.tar.xz and turns it into raw wire-copy files with the
collection's own script (../shared/corpora/reuters_raw.py), then writes the same articles as
Hugo and Pelican Markdown with front matter. Under WORK/reuters-x<SCALE>/:

- `na/articles/<topic>/<date>-<id>.txt`: newsarchive's input, exactly as the wire sent it;
- `labels.json`: the gold labels per file (title, date, dateline, places, people, orgs);
- `hugo/content/<topic>/<id>.md`, `pelican/content/<topic>/<id>.md`: the same stories.

`--scale N` (N > 1) adds N - 1 varied copies of every story, for ~21,578 x N articles: each copy
is dated N years later, and its numbers and a share of its capitalised words are changed
deterministically, so copies are neither byte copies nor near-duplicates of the original (they
exercise reading, similarity and search as new text would). Copies have no gold labels.

The corpus is for research use only (see its README): it is built under WORK, never in the
repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
ARCHIVE = CORPORA / "reuters21578-xml.tar.xz"
CONVERT = CORPORA / "reuters_raw.py"
_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


@dataclass(frozen=True)
class Wire:
    """One raw wire file, split the way a Markdown peer needs it."""

    rel: str  # topic/date-id.txt
    topic: str
    date: dt.date
    ident: str
    title: str
    paragraphs: tuple[str, ...]


def prepare(work: Path, scale: int = 1) -> Path:
    """Build the corpus at `scale` under `work` (once); return its folder."""
    folder = work / f"reuters-x{scale}"
    if (folder / "ready").exists():
        return folder
    raw = _raw_corpus(work)
    articles = folder / "na" / "articles"
    wires = list(_wires(raw / "articles"))
    for copy in range(scale):
        for wire in wires:
            _write_copy(raw / "articles", articles, wire, copy)
    (folder / "labels.json").write_bytes((raw / "labels.json").read_bytes())
    for copy in range(scale):
        for wire in wires:
            varied = _varied(wire, copy)
            _write_markdown(varied, folder / "hugo" / "content", "hugo")
            _write_markdown(varied, folder / "pelican" / "content", "pelican")
    (folder / "ready").write_text("", encoding="utf-8")
    return folder


def _raw_corpus(work: Path) -> Path:
    """Unpack the collection and convert it to raw files once; return that folder."""
    raw = work / "reuters-raw"
    if (raw / "labels.json").exists():
        return raw
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(work / "reuters-xml", filter="data")
    xml = next((work / "reuters-xml").rglob("reut2-000.xml")).parent
    subprocess.run(
        [
            sys.executable,
            str(CONVERT),
            str(xml),
            str(raw / "articles"),
            "--labels",
            str(raw / "labels.json"),
        ],
        check=True,
    )
    return raw


def _wires(articles: Path) -> Iterator[Wire]:
    """Yield every raw file, read as a Markdown peer would need it."""
    for path in sorted(articles.rglob("*.txt")):
        rel = path.relative_to(articles).as_posix()
        topic, name = rel.split("/")
        date = dt.date.fromisoformat(name[:10])
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.partition("\n\n")
        yield Wire(rel, topic, date, name[11:-4], title.strip(), _paragraphs(body))


def _paragraphs(body: str) -> tuple[str, ...]:
    """Return a wire body's paragraphs: a line opening with an indent starts one."""
    paragraphs: list[list[str]] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if not paragraphs or line.startswith(" "):
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return tuple(" ".join(lines) for lines in paragraphs)


def _write_copy(source: Path, articles: Path, wire: Wire, copy: int) -> None:
    """Write the raw file itself (copy 0) or a varied copy of it, years later."""
    if copy == 0:
        target = articles / wire.rel
        data = (source / wire.rel).read_bytes()
    else:
        date = _later(wire.date, copy)
        target = articles / wire.topic / f"{date.isoformat()}-{wire.ident}-{copy}.txt"
        text = (source / wire.rel).read_text(encoding="utf-8", errors="replace")
        data = _vary(text, wire.rel, copy).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _varied(wire: Wire, copy: int) -> Wire:
    """Return the story as its copy number `copy` has it (copy 0 is the story itself)."""
    if copy == 0:
        return wire
    return Wire(
        wire.rel,
        wire.topic,
        _later(wire.date, copy),
        f"{wire.ident}-{copy}",
        _vary(wire.title, wire.rel, copy),
        tuple(_vary(p, wire.rel + str(i), copy) for i, p in enumerate(wire.paragraphs)),
    )


def _later(date: dt.date, years: int) -> dt.date:
    """Return the same day `years` later (28 February for 29 February)."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def _vary(text: str, seed: str, copy: int) -> str:
    """Return text with its numbers changed and a third of its capitalised words swapped for
    others of the corpus's kind, deterministically by `seed` and `copy`."""
    rng = random.Random(f"{seed}/{copy}")
    text = _NUMBER.sub(lambda m: str(int(m.group()) + copy), text)
    return _CAPITALISED.sub(
        lambda m: rng.choice(_SWAPS) if rng.random() < 0.34 else m.group(), text
    )


_SWAPS = [
    "Avalon",
    "Hartwell",
    "Kestrel",
    "Meridian",
    "Norland",
    "Orwin",
    "Pellham",
    "Quarry",
    "Redwater",
    "Sterling",
    "Talbot",
    "Umber",
    "Vantage",
    "Westmore",
    "Yardley",
    "Ashgrove",
    "Brindle",
    "Calder",
    "Dunmore",
    "Elston",
    "Fairlie",
    "Glenmore",
]


def _write_markdown(wire: Wire, root: Path, style: str) -> None:
    """Write a story as Markdown with front matter for Hugo (`style="hugo"`) or Pelican."""
    folder = root / wire.topic
    folder.mkdir(parents=True, exist_ok=True)
    if style == "hugo":
        head = f"---\ntitle: {json.dumps(wire.title)}\ndate: {wire.date.isoformat()}\n---\n"
    else:
        title = wire.title.replace("\n", " ") or wire.ident
        head = (
            f"Title: {title}\nDate: {wire.date.isoformat()}\nCategory: {wire.topic}\n"
            f"Slug: {wire.topic}-{wire.ident}\n\n"
        )
    body = "\n\n".join(_markdown_escape(p) for p in wire.paragraphs)
    (folder / f"{wire.ident}.md").write_text(head + "\n" + body + "\n", encoding="utf-8")


def _markdown_escape(paragraph: str) -> str:
    """Return a paragraph with the angle brackets of wire tickers (<BFD>) shown, not taken as
    HTML, as a careful Hugo or Pelican user would import them."""
    return paragraph.replace("<", "&lt;").replace(">", "&gt;")


def main() -> int:
    """Build the corpus and say where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    options = parser.parse_args()
    folder = prepare(options.work, options.scale)
    count = sum(1 for _ in (folder / "na" / "articles").rglob("*.txt"))
    print(f"{count:,} articles in {folder / 'na' / 'articles'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
