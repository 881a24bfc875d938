"""One small context builder per page kind; together they yield every page of the site."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TypeVar

from . import images, urls
from .config import SiteConfig
from .letters import letter_bar, letter_pages
from .lists import list_pages, listed
from .loader.markup import plain_paragraphs
from .metadata import article_jsonld, article_og
from .models import LEDE_HEADLINES, Article, Entry, Output, Site, Term
from .notfound import not_found
from .periods import archive_pages
from .reading import Bodies
from .render import Pager, Renderer, iso_date
from .sections import children, parents, short_name

KIND_TITLES = {
    "section": "Sections",
    "tag": "Tags",
    "person": "People",
    "place": "Places",
    "organisation": "Organisations",
    "author": "Authors",
}
KINDS = ("section", "tag", "person", "place", "organisation", "author")
TERMS_PER_PAGE = 200
T = TypeVar("T")
Maybe = Entry | None
ArticleInputs = tuple[
    Entry, Maybe, Maybe, Maybe, Maybe, tuple[Entry, ...], tuple[Entry, ...], tuple[Entry, ...]
]
"""An article page's entry, its original, near original, previous and next entries, copies,
related entries and story: what the page is made from (`article_page`)."""


def site_pages(
    config: SiteConfig,
    site: Site,
    renderer: Renderer,
    bodies: Bodies | None = None,
    stylesheet: str = "",
) -> Iterator[Output]:
    """Yield every HTML page of the site; article bodies kept on disk come from `bodies`;
    `stylesheet` is the site's CSS, inlined where a page cannot link to it (the 404)."""
    bodies = bodies or Bodies()
    listed = [e for e in site.entries if e.duplicate_of is None]
    yield from list_pages(
        renderer,
        "home.html",
        urls.HOME,
        listed,
        config,
        config.title,
        config.description,
        crumbs=(),
        undated=sum(1 for e in listed if e.article.date is None),
    )
    for entry in site.entries:
        yield article_page(renderer, site, entry, config, bodies)
    for section in site.sections:
        yield from _term_pages(renderer, site, section, config)
    for kind in KINDS:
        terms = _terms_of(site, kind)
        if terms:
            yield from _term_index(renderer, kind, terms, config)
            yield from letter_pages(renderer, kind, KIND_TITLES[kind], terms, config)
    for term in (*site.tags, *site.entities, *site.authors):
        yield from _term_pages(renderer, site, term, config)
    yield _topics(renderer, site, config)
    yield _search(renderer, site, config)
    yield from archive_pages(renderer, site, config)
    yield not_found(renderer, config, tuple(listed[:5]), stylesheet)


def _terms_of(site: Site, kind: str) -> tuple[Term, ...]:
    """Return the terms of one kind, sections included."""
    if kind == "section":
        return site.sections
    if kind == "tag":
        return site.tags
    if kind == "author":
        return site.authors
    return tuple(t for t in site.entities if t.kind == kind)


def article_page(
    renderer: Renderer, site: Site, entry: Entry, config: SiteConfig, bodies: Bodies
) -> Output:
    """Render one article page, keyed by the entries it shows: it is made (and its body
    fetched) only if it is rendered."""
    if renderer.skip():
        return Output(entry.path, b"")
    others = site.entries
    inputs = (
        entry,
        others[entry.duplicate_of] if entry.duplicate_of is not None else None,
        others[entry.near_duplicate_of] if entry.near_duplicate_of is not None else None,
        others[entry.prev] if entry.prev is not None else None,
        others[entry.next] if entry.next is not None else None,
        tuple(others[i] for i in entry.copies),
        tuple(others[i] for i in entry.related if i not in entry.story),
        tuple(others[i] for i in entry.story),
    )
    make = partial(_article_page, renderer, config, bodies, inputs)
    return Output(entry.path, renderer.page_from("article.html", entry.path, inputs, make))


def _article_page(
    renderer: Renderer,
    config: SiteConfig,
    bodies: Bodies,
    inputs: ArticleInputs,
) -> tuple[str, str, dict[str, Callable[[], object]], dict[str, object]]:
    """Return an article page's title, description, derived values and context."""
    entry, original, near_original, prev_entry, next_entry, copies, related, story = inputs
    article = entry.article
    canonical_path = original.path if original else entry.path
    canonical = urls.absolute(config.base_url, canonical_path) or (
        urls.relative(entry.path, canonical_path) if original else ""
    )
    section = entry.section
    feed = (section.name, urls.section_feed_path(section.key)) if section else None
    body = _once(partial(bodies.full, article))  # read once, and only if rendered
    derived: dict[str, Callable[[], object]] = {
        "iso": partial(iso_date, article.date, config.timezone),
        "article": body,
        "body_html": lambda: images.linked(body().body_html, entry, entry.path),
        "standfirst": lambda: _standfirst(body()),
        "jsonld": partial(article_jsonld, config, entry),
        "og": partial(article_og, config, entry),
    }
    context = {
        "entry": entry,
        "article": article,
        "canonical": canonical,
        "breadcrumbs": ((section.name, section.path),) if section else (),
        "original": original,
        "copies": copies,
        "near_original": near_original,
        "prev_entry": prev_entry,
        "next_entry": next_entry,
        "related": related,
        "story": story,
        "feeds": renderer.frame.feeds + ((feed,) if feed and _has_feed(renderer, section) else ()),
    }
    title = f"{article.title} — {config.title}"
    return title, article.summary or article.title, derived, context


def _once(make: Callable[[], T]) -> Callable[[], T]:
    """Return a function giving make()'s value, made on the first call (functools.cache made
    a cache per article page: 0.05 s at 20,000 articles)."""
    made: list[T] = []

    def value() -> T:
        if not made:
            made.append(make())
        return made[0]

    return value


def _standfirst(article: Article) -> str:
    """Return the summary to show under the headline, unless it only repeats the first lines."""
    if not article.summary or article.headline_source in LEDE_HEADLINES:
        return ""
    paragraphs = article.paragraphs or plain_paragraphs(article.body_html)
    opening = (
        paragraphs[0].replace("\n", "; ") if paragraphs else ""
    )  # a table's rows, as summarised
    return "" if opening.startswith(article.summary.rstrip("…")) else article.summary


def _has_feed(renderer: Renderer, section: Term | None) -> bool:
    """Tell whether a section has an Atom feed."""
    return section is not None and section.key in renderer.frame.section_feeds


def _term_pages(renderer: Renderer, site: Site, term: Term, config: SiteConfig) -> Iterator[Output]:
    """Yield the paginated pages of a section, tag or entity."""
    kind_title = KIND_TITLES[term.kind]
    crumbs: tuple[tuple[str, str], ...] = ((kind_title, urls.term_index_path(term.kind)),)
    subsections: tuple[Term, ...] = ()
    if term.kind == "section":
        crumbs += tuple((short_name(p), p.path) for p in parents(term, site.sections))
        subsections = children(term, site.sections)
    items = listed(site, term.members)
    noun = "article" if len(items) == 1 else "articles"
    description = f"{len(items)} {noun} about {term.name} in {config.title}."
    feeds = renderer.frame.feeds
    if term.kind == "section" and _has_feed(renderer, term):
        feeds += ((f"{term.name} — {config.title}", urls.section_feed_path(term.key)),)
    template = "section.html" if term.kind == "section" else "term.html"
    yield from list_pages(
        renderer,
        template,
        term.path,
        items,
        config,
        term.name,
        description,
        crumbs,
        term=term,
        kind_title=kind_title,
        feeds=feeds,
        **({"subsections": subsections} if term.kind == "section" else {}),
    )


def _term_index(
    renderer: Renderer, kind: str, terms: Sequence[Term], config: SiteConfig
) -> Iterator[Output]:
    """Yield the paginated list of every term of one kind, most used first."""
    ranked = sorted(terms, key=lambda t: (-len(t.members), t.name.casefold(), t.key))
    first = urls.term_index_path(kind)
    title = KIND_TITLES[kind]
    count = max(1, -(-len(ranked) // TERMS_PER_PAGE))
    letters = letter_bar(kind, terms)  # one bar for every page of the list
    for number in range(1, count + 1):
        pager = Pager(number, count, (), urls.page_path(first, number), first)
        chunk = tuple(ranked[(number - 1) * TERMS_PER_PAGE : number * TERMS_PER_PAGE])
        yield Output(
            pager.path,
            renderer.page(
                "terms.html",
                pager.path,
                f"{title} — {config.title}",
                f"All {title.lower()} in {config.title}, by number of articles.",
                pager=pager,
                heading=title,
                terms=chunk,
                kind=kind,
                total=len(ranked),
                letters=letters,
                breadcrumbs=(("Topics", urls.TOPICS),),
            ),
        )


def _topics(renderer: Renderer, site: Site, config: SiteConfig) -> Output:
    """Render the overview of sections, tags, people, places and organisations."""
    groups = []
    for kind in KINDS:
        terms = sorted(_terms_of(site, kind), key=lambda t: (-len(t.members), t.name.casefold()))
        if terms:
            groups.append(
                (kind, KIND_TITLES[kind], tuple(terms[:24]), len(terms), urls.term_index_path(kind))
            )
    return Output(
        urls.TOPICS,
        renderer.page(
            "topics.html",
            urls.TOPICS,
            f"Topics — {config.title}",
            f"Browse {config.title} by section, tag, person, place, organisation and author.",
            groups=tuple(groups),
        ),
    )


def _search(renderer: Renderer, site: Site, config: SiteConfig) -> Output:
    """Render the search page; static/search.js runs the query (Pagefind, or the file:// index)."""
    return Output(
        urls.SEARCH,
        renderer.page(
            "search.html",
            urls.SEARCH,
            f"Search — {config.title}",
            f"Search every article in {config.title} by any word in its text.",
            sections=site.sections,
            years=tuple(sorted((y.year for y in site.years), reverse=True)),
            pagefind=urls.PAGEFIND,
            search_index=urls.SEARCH_INDEX,
            search_script=urls.SEARCH_SCRIPT,
        ),
    )
