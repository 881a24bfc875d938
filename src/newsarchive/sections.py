"""Sections as a tree: a folder with subfolders is a section of its own (`world/` for
`world/europe/`), listing its own articles and every descendant's; the menu shows the top."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import urls
from .models import Term

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
