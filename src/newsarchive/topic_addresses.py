"""Addresses of topic pages that went: a section's, tag's, person's, place's, organisation's or
author's page that a build no longer makes (its articles retagged or deleted, or the entity
rules of a new version naming the place "San Mateo, California" where they named "San Mateo")
still answers, as a redirect to the page that lists its articles now.

The record (`topics.json` in the project's `.newsarchive/` folder, beside `permalinks.json`)
keeps, for every topic page ever published, the sources of its newest articles (`KEPT`). A
page that went redirects to the page of its kind that lists the most of those now (ties: the
one whose address opens with the old one's name, "san-mateo-california" for "san-mateo", then
by address), or to the list of its kind when none does. See docs/urls.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import records, urls
from .gazetteer import fold
from .models import Site, Term

FILE = "topics.json"
VERSION = 1
KEPT = 3  # articles kept of each page: enough to follow it, small at 100,000 articles

Topics = dict[str, tuple[str, ...]]
"""The sources of each topic page's newest articles, by the page's path."""


def record_path(cache: Path) -> Path:
    """Return where the project's record of topic pages is kept (`cache`: its `.newsarchive/`)."""
    return cache / FILE


def load(path: Path) -> Topics:
    """Read the record of topic pages; none yet is an empty one, a damaged one an error (a
    guessed record would leave published addresses unanswered)."""
    what = "the record of published topic pages"
    hint = "deleting it leaves the addresses of pages that went unanswered"
    return records.read(path, VERSION, "pages", _topics, what, hint) or {}


def _topics(pages: dict[str, Any]) -> Topics:
    """Return the pages of the record's "pages" object."""
    return {_safe(str(page)): tuple(map(str, sources)) for page, sources in pages.items()}


def _safe(path: str) -> str:
    """Return a recorded page path if it is one a topic page could have, else raise."""
    parts = path.split("/")
    if parts[0] not in _FOLDERS or len(parts) < 3 or parts[-1] != "index.html":
        raise ValueError(f"{path!r} is not a topic page's path")
    if {"", ".", ".."} & set(parts):
        raise ValueError(f"{path!r} is not a topic page's path")
    return path


_FOLDERS = {folder: kind for kind, folder in urls.TERM_FOLDERS.items()}


def stamp(path: Path) -> str:
    """Return a digest of the record as it is on disk ("none" if there is none): it is an
    input, so a build whose record changed (restored, deleted) is not a no-op."""
    return records.stamp(path)


def save(path: Path, topics: Mapping[str, tuple[str, ...]]) -> None:
    """Write the record (sorted, one page a line) if it changed."""
    lines = [json.dumps(page) + ": " + json.dumps(list(topics[page])) for page in sorted(topics)]
    text = f'{{"version": {VERSION}, "pages": {{\n' + ",\n".join(lines) + "\n}}\n"
    records.write(path, text, "the record of published topic pages")


def _terms(site: Site) -> Iterator[Term]:
    """Yield every topic of a site that has a page."""
    yield from site.sections
    yield from site.tags
    yield from site.entities
    yield from site.authors


def current(site: Site) -> Topics:
    """Return the record of the site's topic pages: each with its newest articles' sources."""
    entries = site.entries
    return {
        term.path: tuple(entries[i].article.source for i in term.members[:KEPT])
        for term in _terms(site)
    }


def moved(before: Mapping[str, tuple[str, ...]], site: Site) -> list[tuple[str, str]]:
    """Return (old path, current path) for each recorded topic page the site no longer has
    and no article has taken, in path order (see the module's text)."""
    now = {term.path for term in _terms(site)} if before else set()
    gone = [page for page in before if page not in now]  # most builds: none
    if gone:  # nor taken by an article since
        taken = {entry.path for entry in site.entries} | {old for old, _ in site.redirects}
        gone = sorted(page for page in gone if page not in taken)
    if not gone:
        return []
    wanted = {source for page in gone for source in before[page]}
    listing = _listing(site, wanted)
    written = _written(site)
    return [(page, _successor(page, before[page], listing, written)) for page in gone]


def _written(site: Site) -> dict[str, str]:
    """Return the entity page each other name its page shows is written as ("Also written
    Swiss Finance Ministry") by that name's addresses, with its legal form and without ("BAA
    Plc" was published at baa/): a page of that name that went is it."""
    from .entity_joins import without_legal_form  # the entity rules: not for a no-op build

    written = {}
    for term in site.entities:
        for name in term.also:
            for form in {name, without_legal_form(name)}:
                written[urls.term_path(term.kind, fold(form))] = term.path
    return written


def _listing(site: Site, wanted: set[str]) -> dict[str, list[str]]:
    """Return the paths of the topic pages that list each wanted source."""
    ids = {i for i, entry in enumerate(site.entries) if entry.article.source in wanted}
    found: dict[str, list[str]] = {}
    for term in _terms(site) if ids else ():
        for i in ids.intersection(term.members):
            found.setdefault(site.entries[i].article.source, []).append(term.path)
    return found


def _successor(
    page: str,
    sources: Iterable[str],
    listing: Mapping[str, list[str]],
    written: Mapping[str, str],
) -> str:
    """Return the page that takes a gone page's place: for a person, place or organisation,
    the page that shows its name as another it is written ("Finance Ministry (Switzerland)",
    "Also written Swiss Finance Ministry"); else the page of its kind listing the most of its
    sources, and for a person, place or organisation one whose name opens with the old one
    ("san-mateo-california" for "san-mateo") or holds all its words ("energy-department" for
    "department-of-energy"; a page that only shares its stories, "European Coffee Federation"
    for a "Foreign Affairs Ministry" gone to review, or "Swiss National Bank" for the Swiss
    Finance Ministry, says nothing of it; the country of a party's or department's page may
    have changed: "communist-party-soviet-union" for "communist-party-russia"); else the list
    of its kind."""
    from .entity_homes import unhomed  # the entity rules: not imported for a no-op build

    folder, name = page.split("/", 1)[0], page[: -len("/index.html")].split("/", 1)[1]
    if _FOLDERS[folder] in _NAMED and page in written:
        return written[page]
    whole = f"{folder}/{name}"
    within = (f"{whole}-", f"{whole}/") if _FOLDERS[folder] in _NAMED else (f"{folder}/",)
    words = set(unhomed(name).split("-")) - _LINKS  # "Communist Party (Russia)": its words
    counts: dict[str, int] = {}
    for source in sources:
        for path in listing.get(source, ()):
            if path.startswith(within) or (
                _FOLDERS[folder] in _NAMED and words <= set(path.split("/")[1].split("-"))
            ):
                counts[path] = counts.get(path, 0) + 1
    if not counts:
        return urls.term_index_path(_FOLDERS[folder])
    opens = f"{folder}/{name}-"
    return min(counts, key=lambda path: (-counts[path], not path.startswith(opens), path))


_NAMED = frozenset({"person", "place", "organisation"})  # an entity's page: its name says who
_LINKS = frozenset({"of", "the"})  # words a name written the other way round loses
