"""Sections as a tree: a folder with subfolders is a section of its own (`world/` for
`world/europe/`), listing its own articles and every descendant's; the menu shows the top.
A section's key and address come from its folders, its name from them or from site.yaml's
`section_titles`."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence

from . import urls
from .config import SiteConfig
from .models import Article, Term
from .text import make_slug

SEPARATOR = " › "  # between the parts of a section's display name


def with_parents(sections: Mapping[str, Term]) -> dict[str, Term]:
    """Return the sections with a term for every parent folder, each section's members
    being its own articles and its descendants' (entry ids, in home order), in key order."""
    names = dict(_parent_names(sections))
    names.update((key, term.name) for key, term in sections.items())
    members: dict[str, set[int]] = {key: set() for key in names}
    for key, term in sections.items():
        for ancestor in _ancestors(key):
            members[ancestor].update(term.members)
    return {
        key: Term(
            "section", key, names[key], urls.term_path("section", key), tuple(sorted(members[key]))
        )
        for key in sorted(names)
    }


def _ancestors(key: str) -> list[str]:
    """Return a section's key and its parents' keys: "a/b" gives ["a/b", "a"]."""
    parts = key.split("/")
    return ["/".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _parent_names(sections: Mapping[str, Term]) -> list[tuple[str, str]]:
    """Return (key, display name) of every parent folder, named from a child's name."""
    found: list[tuple[str, str]] = []
    for key, term in sections.items():
        parts, shown = key.split("/"), term.name.split(SEPARATOR)
        if len(parts) != len(shown):
            shown = parts  # a name that holds the separator itself: fall back to the folders
        found.extend(("/".join(parts[:n]), SEPARATOR.join(shown[:n])) for n in range(1, len(parts)))
    return found


def children(section: Term, sections: Sequence[Term]) -> tuple[Term, ...]:
    """Return the direct subsections of a section, in key order."""
    prefix = section.key + "/"
    return tuple(
        s for s in sections if s.key.startswith(prefix) and "/" not in s.key[len(prefix) :]
    )


def parents(section: Term, sections: Sequence[Term]) -> tuple[Term, ...]:
    """Return a section's parents, the top first."""
    by_key = {s.key: s for s in sections}
    return tuple(by_key[k] for k in reversed(_ancestors(section.key)[1:]) if k in by_key)


def menu(sections: Sequence[Term], depth: int) -> tuple[Term, ...]:
    """Return the sections the top menu may show: those at most `depth` folders deep."""
    return tuple(s for s in sections if s.key.count("/") < depth)


def most_covered(sections: tuple[Term, ...], size: int) -> tuple[Term, ...]:
    """Return the `size` sections with the most articles (the first on a tie) in their own
    order, as many of them as fit one row (`MENU_ROOM`), or all of them (`size` 0, or no more
    than it and they fit): an archive of 80 wire topics would fill a screen with its menu."""
    if size == 0:
        return sections
    ranked = sorted(range(len(sections)), key=lambda index: -len(sections[index].members))
    kept: list[int] = []
    used = 0
    for index in ranked[:size]:
        used += len(sections[index].name) + 2
        if kept and used > MENU_ROOM:
            break
        kept.append(index)
    return sections if len(kept) == len(sections) else tuple(sections[i] for i in sorted(kept))


# Room for the sections of the top menu, in letters and two for each gap: the rest of one row
# at 1280 px holds Latest, All sections, Archive and Topics (ten wire topics wrapped Archive
# and Topics to a second row).
MENU_ROOM = 64


def short_name(section: Term) -> str:
    """Return the last part of a section's name ("Europe" for "World › Europe")."""
    return section.name.rsplit(SEPARATOR, 1)[-1]


def section_names(config: SiteConfig, article: Article) -> tuple[str, ...]:
    """Return the section path of an article, or the default section, in display form."""
    return _section_names(article.section or (config.default_section,))


@functools.lru_cache(maxsize=4096)  # an archive has few sections, asked for once an article
def _section_names(folders: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_display(name) for name in folders)


def _display(name: str) -> str:
    """Return a folder name as a reader sees it: "north-america" becomes "North America"."""
    return name.replace("-", " ").replace("_", " ").title() if name == name.lower() else name


def section_titles(config: SiteConfig) -> dict[str, str]:
    """Return the titles site.yaml gives sections (`section_titles`), by section key: a folder
    path written as the folders are ("money_fx", "World/Europe") is the key it gives."""
    return {
        _section_key(tuple(_display(p) for p in path.split("/") if p)): title
        for path, title in config.section_titles
    }


def _titled(key: str, shown: tuple[str, ...], titles: dict[str, str]) -> str:
    """Return a section's display name, each level by its title in site.yaml or its folder's
    name: the key, and so the address, stays the folder's."""
    parts = key.split("/")
    if len(parts) != len(shown):  # a front matter section whose name holds a "/"
        return SEPARATOR.join(shown)
    named = (titles.get("/".join(parts[: n + 1]), name) for n, name in enumerate(shown))
    return SEPARATOR.join(named)


def section_key(config: SiteConfig, article: Article) -> str:
    """Return the slug path of an article's section, e.g. "world/europe"."""
    return _section_key(section_names(config, article))


@functools.lru_cache(maxsize=4096)
def _section_key(names: tuple[str, ...]) -> str:
    slugs = (make_slug(name, fallback="section") for name in names)
    # "page" is the pagination's: a section world/page/2 would be page 2 of world
    return "/".join("page-section" if slug == "page" else slug for slug in slugs)


def grouped(
    config: SiteConfig,
    ordered: Sequence[Article],
    section_keys: list[str],
    duplicates: Mapping[int, int],
) -> dict[str, Term]:
    """Group articles by section (`section_keys`, theirs), in section-name order; an exact
    duplicate (`duplicates`) has its section but is no member."""
    members: dict[str, list[int]] = defaultdict(list)
    names: dict[str, str] = {}
    titles = section_titles(config)
    for index, key in enumerate(section_keys):
        listed = members[key]
        if index not in duplicates:
            listed.append(index)
        if key not in names:
            names[key] = _titled(key, section_names(config, ordered[index]), titles)
    return {
        key: Term("section", key, names[key], urls.term_path("section", key), tuple(members[key]))
        for key in sorted(members)
    }
