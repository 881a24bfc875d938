"""Derive the site from all articles: order, slugs, sections, tags, entities, dates, related."""

from __future__ import annotations

import datetime as dt
import functools
import sys
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from msgspec import structs

from . import authors as bylines
from . import (
    clusters,
    entity_catalog,
    minhash,
    permalinks,
    related_briefs,
    related_lists,
    similarity,
    stories,
    urls,
)
from . import sections as sections_tree
from .config import SiteConfig
from .entity_cache import EntityCache
from .entity_names import PLACE
from .models import Article, Entry, Month, Site, Term, Year
from .related_cache import RelatedCache
from .story_cache import StoryCache
from .text import article_slug, fold, headline_key, make_slug
from .words import Words, gather

_EPOCH = dt.datetime(1, 1, 1)
NEIGHBOURS = 10  # neighbours looked at per article for same-story clusters and related lists


def build_site(
    config: SiteConfig,
    articles: Sequence[Article],
    words: Words | None = None,
    book: permalinks.Book | None = None,
    remembered: StoryCache | None = None,
    related_rows: RelatedCache | None = None,
    named: EntityCache | None = None,
) -> Site:
    """Catalogue articles (read in source order) into a Site; `words` are theirs as numbers,
    as the reader keeps them (else they are numbered from the articles' own fields); `book`
    is the record of published addresses (the new one is the Site's `book`); `remembered` and
    `related_rows`, the last build's same-story cues and verdicts and related rows, `named` its
    entities (they are given this build's). The entries hold the articles lean (`_lean`):
    given a list no one else holds (`Read.take_articles`), the catalogue lets go of the rest
    as soon as it has used it."""
    articles = [localise(a, config.timezone) for a in articles]
    ordered = sorted(articles, key=home_order)
    by_source = sorted(range(len(ordered)), key=lambda i: ordered[i].source)
    section_keys = [sections_tree.section_key(config, a) for a in ordered]
    new_book = _place(config, ordered, by_source, section_keys, book or {})
    placed = [new_book[a.source] for a in ordered]
    # An exact duplicate is not listed, so it is no member of a section, tag, entity or month:
    # hubs, chips and pages count the same articles.
    duplicates = _exact_duplicates(ordered, by_source)
    sections = sections_tree.grouped(config, ordered, section_keys, duplicates)
    tree = sections_tree.with_parents(sections)
    tags = _terms("tag", ordered, lambda a: a.tags, duplicates)
    found = (named or EntityCache()).gather(
        ((i, a.entities) for i, a in enumerate(ordered) if i not in duplicates),
        min_articles=config.entity_min_articles,
        rules=config.authority,
    )
    people_places = tuple(
        Term(e.kind, e.key, e.name, urls.term_path(e.kind, e.key), e.articles, e.also)
        for e in found.published
    )
    near = _near_duplicates(ordered, duplicates)
    authors, written_by = bylines.gather(ordered, duplicates, config.authority)
    words = words or Words.of((a.source, a.terms, "") for a in articles)
    remembered = remembered or StoryCache({}, b"")
    days = [day_number(a) for a in ordered]
    cues = remembered.cues(ordered, days)
    # What only the steps above read goes before the related lists and links need the memory.
    sections_seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    ordered = [_lean(a, sections_seen) for a in ordered]
    del articles
    counts = gather(words.related, words.rows([a.source for a in ordered]))
    k = max(config.related_count, NEIGHBOURS)
    scored = related_rows or RelatedCache()
    scored.prepare([a.source for a in ordered], k)
    index = similarity.index_of(counts.start, counts.ids, counts.values)
    neighbours = similarity.related_from_index(index, k, scored.recall)
    scored.remember(neighbours)
    briefs = ((i, a.title) for i, a in enumerate(ordered) if a.brief)
    asked = related_briefs.ask(index, briefs, words.vocabulary, k, days)
    del index
    sizes = [a.word_count for a in ordered]
    headlines = [headline_key(a.title) or a.source for a in ordered]
    places = related_lists.Places.of(
        (((e.name, *e.also), e.articles) for e in found.published if e.kind == PLACE),
        words.vocabulary,
        duplicates,
    )
    links = stories.story_links(neighbours, cues, remembered.links, remembered.corpus)
    story_ids = clusters.clusters(links, days=days)
    related = related_lists.listed(
        neighbours,
        counts,
        sizes,
        (duplicates, headlines),
        config.related_count,
        places,
        asked,
        story_ids,
    )
    entries = _entries(
        ordered,
        placed,
        [sections[k] for k in section_keys],
        tags,
        people_places,
        duplicates,
        headlines,
        near,
        related,
        story_ids,
        found.unconfirmed,
        written_by,
    )
    notes = tuple(
        sorted(
            [
                *(
                    f"{ordered[j].source}: near-duplicate of {ordered[i].source} "
                    f"({round(score * 100)}% the same)"
                    for (i, j), score in near.items()
                ),
                *(
                    f"{ordered[j].source}: exact duplicate of {ordered[i].source}"
                    for j, i in duplicates.items()
                ),
            ]
        )
    )
    return Site(
        entries=entries,
        sections=tuple(tree.values()),
        tags=tuple(tags.values()),
        entities=people_places,
        years=_years(ordered, duplicates),
        authors=tuple(authors.values()),
        notes=notes,
        ids=tuple(p.id for p in placed),
        redirects=tuple(permalinks.redirects(new_book, {a.source for a in ordered})),
        book=new_book,
    )


def localise(article: Article, timezone: str) -> Article:
    """Return the article with an aware date converted to the site time zone, naive kept local."""
    if article.date is None or article.date.tzinfo is None:
        return article
    local = article.date.astimezone(zoneinfo.ZoneInfo(timezone)).replace(tzinfo=None)
    return structs.replace(article, date=local)


def home_order(article: Article) -> tuple[int, float, bytes, str]:
    """Sort key: dated articles newest first, then undated ones by source path. Articles of
    one date come by file name, last first, whatever their folders: wire copy dated by the
    day is named by its story number ("1987-10-20-20598.txt"), so the day's latest story
    leads, and a day's sections are mixed as they were filed (by source path, the home page
    of Reuters-21578 showed twenty stories of its first folder, acq/)."""
    if article.date is None:
        return (1, 0.0, b"", article.source)
    name = article.source.rsplit("/", 1)[-1]
    return (0, -(article.date - _EPOCH).total_seconds(), _last_first(name), article.source)


def _last_first(text: str) -> bytes:
    """Return a key that sorts texts in reverse: each byte inverted, and a byte after them
    above any, so that a text sorts after the longer texts it opens."""
    return bytes(255 - byte for byte in text.encode()) + b"\xff"


def _place(
    config: SiteConfig,
    ordered: Sequence[Article],
    by_source: list[int],
    section_keys: list[str],
    book: permalinks.Book,
) -> permalinks.Book:
    """Give each article its permanent slug and path (`permalinks.assign`)."""
    wanted = [
        permalinks.Wanted(
            ordered[i].source,
            ordered[i].slug,
            functools.partial(article_slug, ordered[i].title, ordered[i].source),
            section_keys[i],
            ordered[i].date,
            ordered[i].digest,
        )
        for i in by_source
    ]
    return permalinks.assign(config.permalink, wanted, book)


@functools.lru_cache(maxsize=65536)  # tags repeat across articles; slugifying is slow
def tag_key(value: str) -> str:
    """Return the identity of a tag: its spelling folded and slugified ("" if nothing is left)."""
    return make_slug(fold(value), fallback="")


def _terms(
    kind: str,
    ordered: Sequence[Article],
    values: Callable[[Article], Sequence[str]],
    duplicates: Mapping[int, int],
) -> dict[str, Term]:
    """Group articles by tag, folding case and accents; an exact duplicate (`duplicates`) has
    its tags but is no member."""
    members: dict[str, list[int]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for index, article in enumerate(ordered):
        for value in values(article):
            key = tag_key(value)
            if key and index not in members[key][-1:]:
                if index not in duplicates:
                    members[key].append(index)
                spellings[key][value] += 1
    return {
        key: Term(
            kind, key, _spelling(spellings[key]), urls.term_path(kind, key), tuple(members[key])
        )
        for key in sorted(members)
    }


def _spelling(counts: Counter[str]) -> str:
    """Choose a term's display name: its commonest spelling, then the most capitalised."""
    return min(counts, key=lambda s: (-counts[s], -sum(c.isupper() for c in s), s))


def _exact_duplicates(ordered: Sequence[Article], by_source: list[int]) -> dict[int, int]:
    """Map each exact duplicate to the first copy (by source path: `by_source`)."""
    first: dict[str, int] = {}
    duplicate_of: dict[int, int] = {}
    for index in by_source:
        digest = ordered[index].digest
        if digest in first:
            duplicate_of[index] = first[digest]
        else:
            first[digest] = index
    return duplicate_of


def day_number(article: Article) -> float | None:
    """Return an article's date as a day number, for same-story time windows."""
    return None if article.date is None else article.date.toordinal()


def _near_duplicates(
    ordered: Sequence[Article], exact: dict[int, int]
) -> dict[tuple[int, int], float]:
    """Map (original, later copy) to similarity for near-duplicate texts that are not exact."""
    pairs = minhash.near_duplicates(
        [a.fingerprint for a in ordered], words=[a.word_count for a in ordered]
    )
    found: dict[tuple[int, int], float] = {}
    marked: set[int] = set()
    for i, j, score in pairs:
        first, later = sorted((i, j), key=lambda k: ordered[k].source)
        if later in exact or later in marked:
            continue
        found[(first, later)] = score
        marked.add(later)
    return found


def _entries(
    ordered: Sequence[Article],
    placed: Sequence[permalinks.Record],
    sections: Sequence[Term],
    tags: dict[str, Term],
    found: tuple[Term, ...],
    duplicates: dict[int, int],
    headlines: Sequence[str],
    near: dict[tuple[int, int], float],
    related: Sequence[tuple[int, ...]],
    stories: Sequence[int],
    unconfirmed: Sequence[entity_catalog.Entity],
    written_by: Sequence[tuple[Term, ...]],
) -> tuple[Entry, ...]:
    """Assemble the Entry records in home order (`sections`: each one's section, `headlines`
    each one's folded headline)."""
    entity_terms: dict[int, list[Term]] = defaultdict(list)  # each in (kind, name) order
    for term in sorted(found, key=lambda t: (t.kind, t.name)):
        for member in term.members:
            entity_terms[member].append(term)
    review: dict[int, list[str]] = defaultdict(list)  # names without evidence, for a person
    for entity in sorted(unconfirmed, key=lambda e: e.name):
        for member in entity.articles:
            review[member].append(entity.name)
    story_members: dict[int, list[int]] = defaultdict(list)
    for index, story in enumerate(stories):
        story_members[story].append(index)
    near_of = {later: first for first, later in near}
    copies: dict[int, list[int]] = defaultdict(list)
    for later, first in sorted(duplicates.items()):
        copies[first].append(later)
    last = len(ordered) - 1
    entries = []
    for index, article in enumerate(ordered):
        together = story_members[stories[index]]  # most stories have one article
        same = (
            related_lists.distinct(index, together, (duplicates, headlines))
            if len(together) > 1
            else ()
        )
        entries.append(
            Entry(
                id=index,
                article=article,
                slug=placed[index].slug,
                path=placed[index].path,
                section=sections[index],
                tags=_tag_terms(article.tags, tags) if article.tags else (),
                entities=tuple(entity_terms.get(index, ())),
                authors=written_by[index],
                unconfirmed=tuple(review.get(index, ())),
                prev=index - 1 if index > 0 else None,
                next=index + 1 if index < last else None,
                related=related[index],
                story=same,
                duplicate_of=duplicates.get(index),
                copies=tuple(copies.get(index, ())),
                near_duplicate_of=near_of.get(index),
            )
        )
    return tuple(entries)


def _tag_terms(values: Sequence[str], tags: dict[str, Term]) -> tuple[Term, ...]:
    """Return the tag pages of an article's tags, each once, in the order first given."""
    return tuple(tags[key] for key in dict.fromkeys(map(tag_key, values)) if key)


def _lean(article: Article, sections: dict[tuple[str, ...], tuple[str, ...]]) -> Article:
    """Return an article without what only the catalogue and the search index read (terms,
    fingerprint, entity candidates and search words are a third of its memory), its words
    that many articles share (kind, origin of its date, section...) as one value each: the
    store decodes each article's own copy, and every rendering process gets these values."""
    return structs.replace(
        article,
        **_CATALOGUE_ONLY,
        kind=sys.intern(article.kind),
        headline_source=sys.intern(article.headline_source),
        date_origin=sys.intern(article.date_origin),
        source_name=sys.intern(article.source_name),
        dateline=sys.intern(article.dateline),
        section=sections.setdefault(article.section, article.section),
    )


_CATALOGUE_ONLY: dict[str, Any] = {
    "entities": (),
    "terms": "",
    "fingerprint": b"",
    "search_terms": "",
}


def _years(ordered: Sequence[Article], duplicates: Mapping[int, int]) -> tuple[Year, ...]:
    """Group dated articles by year and month, newest first; an exact duplicate
    (`duplicates`) is no member, but its month is there."""
    months: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, article in enumerate(ordered):
        if article.date is not None:
            listed = months[(article.date.year, article.date.month)]
            if index not in duplicates:
                listed.append(index)
    years: dict[int, list[Month]] = defaultdict(list)
    for (year, month), members in sorted(months.items(), reverse=True):
        years[year].append(Month(year, month, urls.month_path(year, month), tuple(members)))
    return tuple(
        Year(year, urls.year_path(year), tuple(ms), sum(len(m.members) for m in ms))
        for year, ms in years.items()
    )
