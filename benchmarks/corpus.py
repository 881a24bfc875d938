"""Generate a deterministic synthetic news archive, and the same articles as Hugo and Pelican input.

    python benchmarks/corpus.py N OUT_DIR    # writes OUT_DIR/articles (newsarchive input)

Articles are ~400 words, spread over 6 sections (one nested) and five years, with tags on most,
a photo caption + credit on some, datelines on some, and a few exact duplicates.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

SECTIONS = ("world", "politics", "business", "sport", "culture", "world/europe")
TAGS = (
    "elections",
    "economy",
    "climate",
    "health",
    "courts",
    "transport",
    "energy",
    "housing",
    "education",
    "technology",
    "crime",
    "football",
    "music",
    "film",
    "trade",
    "migration",
)
PLACES = (
    "Lisbon",
    "Nairobi",
    "Osaka",
    "Toronto",
    "Lyon",
    "Gdansk",
    "Valparaiso",
    "Tbilisi",
    "Adelaide",
    "Bergen",
    "Cordoba",
    "Hanoi",
)
PEOPLE = (
    "Maria Alvarez",
    "John Okafor",
    "Akira Tanaka",
    "Helena Novak",
    "Samir Haddad",
    "Ingrid Larsen",
    "Pedro Costa",
    "Grace Mwangi",
    "Lucas Meyer",
    "Anna Kowalska",
)
ORGS = (
    "National Grid",
    "City Council",
    "Central Bank",
    "Supreme Court",
    "Health Ministry",
    "Transport Authority",
    "Football Association",
    "Energy Agency",
)
WORDS = [
    "government",
    "officials",
    "said",
    "the",
    "plan",
    "would",
    "change",
    "how",
    "the",
    "region",
    "manages",
    "its",
    "budget",
    "while",
    "residents",
    "questioned",
    "whether",
    "promises",
    "made",
    "during",
    "the",
    "campaign",
    "could",
    "be",
    "kept",
    "before",
    "winter",
    "analysts",
    "expect",
    "prices",
    "to",
    "rise",
    "as",
    "demand",
    "grows",
    "across",
    "markets",
    "and",
    "suppliers",
    "struggle",
    "with",
    "costs",
    "the",
    "committee",
    "met",
    "on",
    "tuesday",
    "to",
    "review",
    "evidence",
    "from",
    "witnesses",
    "who",
    "described",
    "delays",
    "in",
    "services",
    "that",
    "families",
    "rely",
    "on",
    "every",
    "day",
    "the",
    "report",
    "found",
    "that",
    "funding",
    "had",
    "fallen",
    "short",
    "of",
    "targets",
    "for",
    "three",
    "years",
    "running",
    "and",
    "recommended",
    "an",
    "independent",
    "review",
    "of",
    "spending",
    "teachers",
    "nurses",
    "drivers",
    "and",
    "farmers",
    "joined",
    "protests",
    "outside",
    "the",
    "building",
    "demanding",
    "talks",
    "the",
    "company",
    "announced",
    "record",
    "profits",
    "but",
    "warned",
    "that",
    "uncertainty",
    "over",
    "trade",
    "rules",
    "could",
    "slow",
    "investment",
    "next",
    "year",
    "engineers",
    "restored",
    "power",
    "to",
    "thousands",
    "of",
    "homes",
    "after",
    "the",
    "storm",
]


@dataclass(frozen=True)
class Story:
    """One synthetic article, independent of any generator's input format."""

    name: str
    section: str
    title: str
    date: dt.date
    tags: tuple[str, ...]
    caption: str
    credit: str
    dateline: str
    paragraphs: tuple[str, ...]


def stories(count: int, seed: int = 20240101) -> list[Story]:
    """Return `count` deterministic stories; about 1% are exact duplicates of earlier ones."""
    rng = random.Random(seed)
    start = dt.date(2019, 1, 1)
    made: list[Story] = []
    for index in range(count):
        if index > 50 and rng.random() < 0.01:
            original = made[rng.randrange(len(made))]
            made.append(Story(f"{original.name}-copy-{index}", *_fields(original)))
            continue
        made.append(_story(rng, index, start))
    return made


def _fields(story: Story) -> tuple[object, ...]:
    """Return a story's fields after its name."""
    return (
        story.section,
        story.title,
        story.date,
        story.tags,
        story.caption,
        story.credit,
        story.dateline,
        story.paragraphs,
    )


def _story(rng: random.Random, index: int, start: dt.date) -> Story:
    """Make one story."""
    place, person, org = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(ORGS)
    title = (
        f"{org} in {place} {rng.choice(('backs', 'rejects', 'delays', 'reviews'))} "
        f"{rng.choice(WORDS)} {rng.choice(WORDS)} plan, says {person.split()[1]} ({index})"
    )
    paragraphs = []
    for _ in range(8):
        words = [rng.choice(WORDS) for _ in range(48)]
        words[0] = words[0].capitalize()
        words.insert(rng.randrange(5, 40), f"{person} of the {org} in {place}")
        paragraphs.append(" ".join(words) + ".")
    captioned = rng.random() < 0.1
    caption = f"{person} speaks to reporters in {place}" if captioned else ""
    return Story(
        name=f"story-{index:06d}",
        section=rng.choice(SECTIONS),
        title=title,
        date=start + dt.timedelta(days=rng.randrange(5 * 365)),
        tags=tuple(sorted(rng.sample(TAGS, rng.randrange(0, 4)))),
        caption=caption,
        credit="AFP / STR" if captioned else "",
        dateline=f"{place.upper()} (Reuters) -" if rng.random() < 0.3 else "",
        paragraphs=tuple(paragraphs),
    )


def write_newsarchive(items: list[Story], root: Path) -> None:
    """Write stories as newsarchive raw text: sections are folders, dates are file-name prefixes."""
    for story in items:
        folder = root / story.section
        folder.mkdir(parents=True, exist_ok=True)
        head = []
        if story.caption:  # a caption opens the text, so the headline comes from front matter
            head.append(f"title: {json.dumps(story.title)}")
        if story.tags:
            head.append(f"tags: [{', '.join(story.tags)}]")
        lines = ["---", *head, "---"] if head else []
        if story.caption:
            lines += [story.caption, f"{story.caption} {story.credit}", ""]
        else:
            lines += [story.title, ""]
        body = list(story.paragraphs)
        if story.dateline:
            body[0] = f"{story.dateline} {body[0]}"
        text = "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"
        (folder / f"{story.date.isoformat()}-{story.name}.txt").write_text(text, encoding="utf-8")


def write_markdown(items: list[Story], root: Path, style: str) -> None:
    """Write stories as Markdown with front matter for Hugo (`style="hugo"`) or Pelican."""
    for story in items:
        section = story.section.replace("/", "-")
        folder = root / section
        folder.mkdir(parents=True, exist_ok=True)
        if style == "hugo":
            head = (
                f"---\ntitle: {story.title!r}\ndate: {story.date.isoformat()}\n"
                f"tags: [{', '.join(story.tags)}]\n---\n"
            )
        else:
            head = (
                f"Title: {story.title}\nDate: {story.date.isoformat()}\n"
                f"Category: {section}\nTags: {', '.join(story.tags)}\n"
                f"Slug: {story.name}\n\n"
            )
        body = "\n\n".join(story.paragraphs)
        if story.caption:
            body = f"*{story.caption}* {story.credit}\n\n{body}"
        (folder / f"{story.name}.md").write_text(head + "\n" + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Write an N-article newsarchive corpus into OUT_DIR/articles."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    count, out = int(argv[0]), Path(argv[1])
    write_newsarchive(stories(count), out / "articles")
    print(f"wrote {count} articles to {out / 'articles'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
