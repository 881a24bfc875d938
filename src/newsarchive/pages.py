"""One spec builder per page kind; together they give the spec of every page of the site."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from . import urls
from .contexts import has_feed
from .letters import letter_bar, letter_specs
from .lists import list_specs, listed, page_spec
from .models import Site, Term
from .notfound import not_found
from .periods import archive_specs
from .render import Frame, Pager
from .sections import children, parents, short_name
from .specs import PageSpec, article_specs

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


def site_specs(frame: Frame, site: Site, stylesheet: str = "") -> tuple[PageSpec, ...]:
    """Return the spec of every HTML page of the site; `stylesheet` is the site's CSS, inlined
    where a page cannot link to it (the 404)."""
    return tuple(_site_specs(frame, site, stylesheet))


def _site_specs(frame: Frame, site: Site, stylesheet: str) -> Iterator[PageSpec]:
    """Yield the spec of every HTML page of the site."""
    config = frame.config
    listed = [e for e in site.entries if e.duplicate_of is None]
    yield from list_specs(
        "home",
        "home.html",
        urls.HOME,
        listed,
        config,
        config.title,
        config.description,
        crumbs=(),
        undated=sum(1 for e in listed if e.article.date is None),
    )
    yield from article_specs(site)
    for section in site.sections:
        yield from _term_specs(frame, site, section)
    for kind in KINDS:
        terms = _terms_of(site, kind)
        if terms:
            yield from _term_index(frame, kind, terms)
            yield from letter_specs(kind, KIND_TITLES[kind], terms, config)
    for term in (*site.tags, *site.entities, *site.authors):
        yield from _term_specs(frame, site, term)
    yield _topics(frame, site)
    yield _search(frame, site)
    yield from archive_specs(site, config)
    yield not_found(config, tuple(listed[:5]), stylesheet)


def _terms_of(site: Site, kind: str) -> tuple[Term, ...]:
    """Return the terms of one kind, sections included."""
    if kind == "section":
        return site.sections
    if kind == "tag":
        return site.tags
    if kind == "author":
        return site.authors
    return tuple(t for t in site.entities if t.kind == kind)


def _term_specs(frame: Frame, site: Site, term: Term) -> Iterator[PageSpec]:
    """Yield the specs of the paginated pages of a section, tag or entity."""
    config = frame.config
    kind_title = KIND_TITLES[term.kind]
    crumbs: tuple[tuple[str, str], ...] = ((kind_title, urls.term_index_path(term.kind)),)
    subsections: tuple[Term, ...] = ()
    if term.kind == "section":
        crumbs += tuple((short_name(p), p.path) for p in parents(term, site.sections))
        subsections = children(term, site.sections)
    items = listed(site, term.members)
    noun = "article" if len(items) == 1 else "articles"
    description = f"{len(items)} {noun} about {term.name} in {config.title}."
    feeds = frame.feeds
    if term.kind == "section" and has_feed(frame, term):
        feeds += ((f"{term.name} — {config.title}", urls.section_feed_path(term.key)),)
    template = "section.html" if term.kind == "section" else "term.html"
    yield from list_specs(
        "section" if term.kind == "section" else "term",
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


def _term_index(frame: Frame, kind: str, terms: Sequence[Term]) -> Iterator[PageSpec]:
    """Yield the specs of the paginated list of every term of one kind, most used first."""
    config = frame.config
    ranked = sorted(terms, key=lambda t: (-len(t.members), t.name.casefold(), t.key))
    first = urls.term_index_path(kind)
    title = KIND_TITLES[kind]
    count = max(1, -(-len(ranked) // TERMS_PER_PAGE))
    letters = letter_bar(kind, terms)  # one bar for every page of the list
    for number in range(1, count + 1):
        pager = Pager(number, count, (), urls.page_path(first, number), first)
        chunk = tuple(ranked[(number - 1) * TERMS_PER_PAGE : number * TERMS_PER_PAGE])
        yield page_spec(
            "terms",
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
        )


def _topics(frame: Frame, site: Site) -> PageSpec:
    """Return the spec of the overview of sections, tags, people, places and organisations."""
    config = frame.config
    groups = []
    for kind in KINDS:
        terms = sorted(_terms_of(site, kind), key=lambda t: (-len(t.members), t.name.casefold()))
        if terms:
            groups.append(
                (kind, KIND_TITLES[kind], tuple(terms[:24]), len(terms), urls.term_index_path(kind))
            )
    return page_spec(
        "topics",
        "topics.html",
        urls.TOPICS,
        f"Topics — {config.title}",
        f"Browse {config.title} by section, tag, person, place, organisation and author.",
        groups=tuple(groups),
    )


def _search(frame: Frame, site: Site) -> PageSpec:
    """Return the spec of the search page; static/search.js runs the query (Pagefind, or the
    file:// index)."""
    config = frame.config
    return page_spec(
        "search",
        "search.html",
        urls.SEARCH,
        f"Search — {config.title}",
        f"Search every article in {config.title} by any word in its text.",
        sections=site.sections,
        years=tuple(sorted((y.year for y in site.years), reverse=True)),
        pagefind=urls.PAGEFIND if config.pagefind else "",  # none: the built-in index only
        search_index=urls.SEARCH_INDEX,
        search_script=urls.SEARCH_SCRIPT,
    )
