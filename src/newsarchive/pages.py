"""One small context builder per page kind; together they yield every page of the site."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from . import urls
from .config import SiteConfig
from .contexts import has_feed
from .letters import letter_bar, letter_pages
from .lists import list_pages, listed
from .models import Output, Site, Term
from .notfound import not_found
from .periods import archive_pages
from .render import Pager, Renderer
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


def site_pages(
    config: SiteConfig,
    site: Site,
    renderer: Renderer,
    stylesheet: str = "",
) -> Iterator[Output]:
    """Yield every HTML page of the site not made from specs (`specs`); `stylesheet` is the
    site's CSS, inlined where a page cannot link to it (the 404)."""
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
    if term.kind == "section" and has_feed(renderer.frame, term):
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
