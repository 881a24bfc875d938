"""Read article files into Article records: discover, decode, front matter, raw text, Markdown."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from msgspec import structs

from ..errors import Problem
from ..models import Article, SourceFile
from ..text import (
    Undecodable,
    decode,
    normalise,
    parse_date,
    stand_in_headline,
    summarise,
    words,
)
from . import frontmatter, markup, pictures
from .discover import Discovery, discover
from .raw import RawParts, parse_raw
from .wire import is_placeholder

__all__ = ["PLACEHOLDER", "Discovery", "discover", "read_article"]

MAX_BYTES = 64 * 1024 * 1024
PLACEHOLDER = "Write the article here."  # what `new` puts in the body: the build warns of it
CAPTION_HEADLINE_MAX = 160  # a caption longer than this reads as a paragraph, not a headline
STAND_IN_MAX = 90
# A body this short ("Business nil.", "Nil") is shown but has too little to compare.
BRIEF_WORDS = 4
MIN_COMPARED_WORDS = 20  # less prose than this is not compared for near-duplicates
MAX_TAGS = 100
MAX_SECTION_DEPTH = 16
_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_ .]|$)")


TIME_BUDGET = 10.0
"""Seconds one file may take to read: past them it is skipped with a message. Generous: the
point is that no file stalls a build, whatever pathological case a parser still has."""


class TooSlow(Exception):
    """Raised in a file's reading when it has had its TIME_BUDGET."""


def read_article(source: SourceFile) -> tuple[Article | None, list[Problem]]:
    """Read one file into an Article, or explain why it cannot be one; never raises."""
    try:
        with _budget(TIME_BUDGET):
            return _read(source)
    except TooSlow:
        return None, [
            Problem(
                source.rel,
                f"took more than {TIME_BUDGET:g} s to read, so it was skipped",
                hint="split it into smaller articles or simplify its Markdown",
            )
        ]
    except Exception as error:  # one bad file must never stop the build
        return None, [
            Problem(
                source.rel,
                f"could not be read: {type(error).__name__}: {error}",
                hint="please report this file to the newsarchive developers",
            )
        ]


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the block once it has run `seconds` (a real-time alarm, as a reading
    process or a build's main thread can have; elsewhere, such as a `serve` rebuild's thread,
    the block runs unbounded)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _too_slow(signum: int, frame: object) -> None:
    """Stop the reading of a file that has had its time (`_budget`)."""
    raise TooSlow()


def _read(source: SourceFile) -> tuple[Article | None, list[Problem]]:
    """Read, decode and parse one file."""
    size = os.stat(source.path).st_size
    if size > MAX_BYTES:
        return None, [
            Problem(
                source.rel,
                f"is {size // 1024 // 1024} MB, over the 64 MB limit for one article",
                hint="split it into separate articles",
            )
        ]
    data = Path(source.path).read_bytes()
    if not data:
        return None, [Problem(source.rel, "is empty", hint="add text or delete the file")]
    try:
        decoded, encoding = decode(data)
    except Undecodable as error:
        return None, [Problem(source.rel, f"{error}", hint="save it as UTF-8 text or remove it")]
    text = normalise(decoded)
    if not text.strip():
        return None, [
            Problem(source.rel, "contains only whitespace", hint="add text or delete the file")
        ]
    article, problems = parse(source, text)
    if "replaced" in encoding:
        problems.append(
            Problem(
                source.rel,
                "has bytes that are not valid UTF-8; they were shown as \ufffd",
                hint="re-save the file as UTF-8",
                kind="warning",
            )
        )
    return article, problems


def parse(source: SourceFile, text: str) -> tuple[Article | None, list[Problem]]:
    """Parse normalised text into an Article; problems with parts of it are reported."""
    head, body, _ = frontmatter.split(text)
    meta = frontmatter.parse(head, source.rel) if head is not None else frontmatter.FrontMatter()
    problems = list(meta.problems)
    fields = meta.fields
    if source.rel.lower().endswith(".txt"):
        article = _from_raw(source, body, fields)
    else:
        article = _from_markdown(source, body, fields)
    if article is None:
        problems.append(
            Problem(
                source.rel,
                "has front matter but no text and no title",
                hint="add a headline and paragraphs below the front matter",
            )
        )
        return None, problems
    if not article.paragraphs and not article.body_html:
        problems.append(
            Problem(
                source.rel,
                "has a headline but no body text (or only a placeholder such as"
                ' "Blah blah blah."); it is shown as a brief, headline only',
                kind="brief",  # a page as the wire filed it: named, but no fault (--strict)
            )
        )
    if PLACEHOLDER in body:
        line = text[: text.index(PLACEHOLDER)].count("\n") + 1
        problems.append(
            Problem(
                source.rel,
                f"still has the placeholder text '{PLACEHOLDER}' that `new` wrote",
                line=line,
                hint="replace it with the article before you publish",
                kind="warning",
            )
        )
    article, named = pictures.noted(article, fields.get("image"), text)
    problems.extend(named)
    return _enrich(_bounded(article, problems), text), problems


def _bounded(article: Article, problems: list[Problem]) -> Article:
    """Return the article with at most MAX_TAGS tags and MAX_SECTION_DEPTH section levels
    (each tag and section is a page: 20,000 tags in one file made 20,108 pages), warning
    about what was dropped."""
    if len(article.tags) > MAX_TAGS:
        problems.append(
            Problem(
                article.source,
                f"has {len(article.tags):,} tags; only the first {MAX_TAGS} were kept",
                kind="warning",
            )
        )
        article = structs.replace(article, tags=article.tags[:MAX_TAGS])
    if len(article.section) > MAX_SECTION_DEPTH:
        problems.append(
            Problem(
                article.source,
                f"is in a section {len(article.section):,} levels deep; it was put in the "
                f"section its first {MAX_SECTION_DEPTH} levels name",
                kind="warning",
            )
        )
        article = structs.replace(article, section=article.section[:MAX_SECTION_DEPTH])
    return article


def _from_raw(source: SourceFile, body: str, fields: Mapping[str, object]) -> Article | None:
    """Build an Article from a raw text body."""
    parts = parse_raw(body, has_title="title" in fields)
    prose = _prose(parts.paragraphs, parts.tables)
    title, origin = _title(fields, parts.headline, parts.caption, prose)
    if not title:
        return None
    return Article(
        kind="text",
        title=title,
        headline_source=origin,
        paragraphs=parts.paragraphs,
        tables=parts.tables,
        dateline=parts.dateline,
        **_shared(source, fields, parts.paragraphs, parts, parts.date_text),
    )


def _from_markdown(source: SourceFile, body: str, fields: Mapping[str, object]) -> Article | None:
    """Build an Article from a Markdown body."""
    heading, rest = markup.take_heading(body) if "title" not in fields else ("", body)
    body_html = markup.render(rest if heading else body)
    paragraphs = markup.plain_paragraphs(body_html)
    if heading:
        title = " ".join(markup.plain_paragraphs(markup.sanitise(heading)))
        origin = "markdown_heading"
    else:
        title, origin = _title(fields, "", "", paragraphs)
    if not title:
        return None
    return Article(
        kind="markdown",
        title=title,
        headline_source=origin,
        body_html=body_html,
        **_shared(source, fields, paragraphs, None, ""),
    )


def _shared(
    source: SourceFile,
    fields: Mapping[str, object],
    paragraphs: tuple[str, ...],
    parts: RawParts | None,
    date_text: str,
) -> dict[str, Any]:
    """Return the Article fields both kinds of file fill the same way; front matter wins."""
    date, date_origin = _date(fields, source, date_text)
    return {
        "source": source.rel,
        "caption": str(fields.get("caption", parts.caption if parts else "")),
        "credit": str(fields.get("credit", parts.credit if parts else "")),
        "byline": str(fields.get("author", parts.byline if parts else "")),
        "source_name": str(fields.get("source", parts.agency if parts else "")),
        "date": date,
        "date_origin": date_origin,
        "section": _section(fields, source),
        "tags": _tuple(fields.get("tags")),
        "slug": str(fields.get("slug", "")),
        "summary": _summary(fields, paragraphs),
        "word_count": sum(words(p) for p in paragraphs),
        "brief": (parts is not None and parts.placeholder) or _near_empty(paragraphs),
    }


def _title(
    fields: Mapping[str, object], headline: str, caption: str, prose: Sequence[str]
) -> tuple[str, str]:
    """Choose the headline: front matter, the first line, else a whole clause of the lede or
    the photo caption; a cut at a word boundary only when neither is short enough."""
    if "title" in fields:
        return str(fields["title"]), "front_matter"
    if headline:
        return headline, "text"
    if prose and (made := stand_in_headline(prose[0]))[0]:
        return made
    if caption and len(caption) <= CAPTION_HEADLINE_MAX:
        return caption, "caption"
    if prose or caption:
        return summarise(prose[0] if prose else caption, STAND_IN_MAX), "first_words"
    return "", ""


def _near_empty(paragraphs: tuple[str, ...]) -> bool:
    """Tell whether a body is a brief: placeholder words only, or fewer than BRIEF_WORDS words."""
    text = " ".join(paragraphs)
    return is_placeholder(text) or words(text) < BRIEF_WORDS


def _fingerprint(article: Article, prose: list[str]) -> bytes:
    """Return the near-duplicate fingerprint of an article's headline, dateline and prose, or
    nothing when it has too little prose: two issues of one price sheet or data table differ
    only in their figures, and are not the same story edited (an identical one is an exact
    duplicate). The headline and dateline count: short templated items (two markets' openings,
    two companies' dividend notices) differ in little else."""
    text = "\n".join(prose)
    if len(text.split()) < MIN_COMPARED_WORDS:
        return b""
    text = f"{article.title}\n{article.dateline}\n{text}"
    from .. import minhash  # here: a build with nothing to read never loads numpy

    return bytes(minhash.fingerprint(text))  # 8-bit values


def _prose(paragraphs: tuple[str, ...], tables: tuple[int, ...]) -> list[str]:
    """Return the paragraphs that are text, not tables."""
    return [text for index, text in enumerate(paragraphs) if index not in tables]


def _date(
    fields: Mapping[str, object], source: SourceFile, date_text: str
) -> tuple[dt.datetime | None, str]:
    """Find the date: front matter, else a YYYY-MM-DD file-name prefix, else a dated dateline."""
    given = fields.get("date")
    if isinstance(given, dt.datetime):
        return given, "front matter"
    match = _FILENAME_DATE.match(os.path.basename(source.path))
    if match and (parsed := parse_date(match.group(1))):
        return parsed, "filename"
    if date_text and (parsed := parse_date(date_text)):
        return parsed, "dateline"
    return None, ""


def _section(fields: Mapping[str, object], source: SourceFile) -> tuple[str, ...]:
    """Return the section path: front matter, else the folders the file sits in."""
    value = fields.get("section")
    return value if isinstance(value, tuple) else source.folder


def _summary(fields: Mapping[str, object], paragraphs: tuple[str, ...]) -> str:
    """Return the summary: front matter, else the start of the first paragraph."""
    if "summary" in fields:
        return str(fields["summary"])
    # A table's rows are lines; a summary runs them together as "row; row".
    return summarise(paragraphs[0].replace("\n", "; ")) if paragraphs else ""


def _tuple(value: object) -> tuple[str, ...]:
    """Return a tuple of strings from an optional tuple value."""
    return tuple(str(v) for v in value) if isinstance(value, tuple) else ()


def _enrich(article: Article, text: str) -> Article:
    """Add the per-article analysis the catalog needs: digest, entities, terms, fingerprint."""
    from .. import entities, search_terms, similarity  # here: see `_fingerprint`

    paragraphs = article.paragraphs or markup.plain_paragraphs(article.body_html)
    body = "\n".join(paragraphs)
    # A brief has no story to compare: its terms and fingerprint stay empty, which keeps it
    # out of related coverage, same-story clusters and near-duplicates.
    compared = not article.brief
    prose = _prose(paragraphs, article.tables)  # table cells (tickers, column heads): no names
    enriched = structs.replace(
        article,
        digest=hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest(),
        entities=entities.article_entities(
            article.title, prose, article.dateline, article.date.date() if article.date else None
        ),
        terms=similarity.pack_counts(similarity.terms(f"{article.title}\n{body}"))
        if compared
        else "",
        fingerprint=_fingerprint(article, prose) if compared else b"",
    )
    return structs.replace(enriched, search_terms=search_terms.article_fields(enriched, paragraphs))
