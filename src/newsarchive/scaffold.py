"""Create a new article file with front matter, named so that it sorts by date."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

from .loader import PLACEHOLDER
from .text import make_slug


def new_article(articles: Path, title: str, section: str, today: dt.date | None = None) -> int:
    """Write articles/[section/]YYYY-MM-DD-slug.md with a title, a date and placeholder text
    (no empty keys: the build would warn of them); return an exit code."""
    if not title.strip():
        print("error: give the new article a headline", file=sys.stderr)
        return 2
    day = today or dt.date.today()
    folder = articles.joinpath(*[make_slug(p) for p in section.split("/") if p.strip()])
    path = folder / f"{day.isoformat()}-{make_slug(title)}.md"
    if path.exists():
        print(f"error: {path} already exists; choose another headline", file=sys.stderr)
        return 1
    head = yaml.safe_dump(
        {"title": title.strip(), "date": day.isoformat()},
        allow_unicode=True,
        sort_keys=False,
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{head}---\n\n{PLACEHOLDER}\n", encoding="utf-8")
    print(f"Created {path}; replace its placeholder text (the build warns until you do).")
    return 0
