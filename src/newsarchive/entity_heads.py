"""Tell apart two people of one surname when a story writes it only after a head of state's
or government's title: Reuters' "Congress and President Regan might not approve one" (a typo
for Reagan) is no story of Donald Regan, the White House chief of staff, whom no story calls
President. A page that lists it says something false of him.

Reading an article (`head_marks`), a person's name written right after such a title
("President", "Prime Minister", "Chancellor", "King", ...) is marked with the title. Gathering
a person's page (`titled`), the stories that write only its surname, and only after a title
that no story gives its full name, are another person's: they leave the page, unless they are
half of it or more (then the surname so titled is what the page is of).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .entity_names import PERSON, WEAK_PERSON

HEAD = "head"
"""The kind of an article's mark "name\\ttitle": no entity's, never a page's."""
_TITLES = "President|Prime Minister|Premier|Chancellor|King|Queen|Pope|Emperor|Crown Prince|Prince"
_TITLED = re.compile(rf"\b((?:[Vv]ice |[Dd]eputy )?(?:{_TITLES})) ([A-Z])")
_ANY_TITLE = re.compile(_TITLES)  # most texts have none: a plain search tells (~4x faster)


def head_marks(
    mentions: Sequence[tuple[str, str]], texts: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    """Return a (HEAD, "name\\ttitle") mark for each person's name the texts write right
    after a head's title, the title lowercased ("president", "vice president")."""
    people = [name for kind, name in mentions if kind in (PERSON, WEAK_PERSON)]
    marks: dict[tuple[str, str], None] = {}
    for text in texts if people else ():
        for match in _TITLED.finditer(text) if _ANY_TITLE.search(text) else ():
            at = match.start(2)
            for name in people:
                end = at + len(name)
                if text.startswith(name, at) and not text[end : end + 1].isalnum():
                    marks[(HEAD, f"{name}\t{match.group(1).lower()}")] = None
    return tuple(marks)


def titled(
    ids: tuple[int, ...],
    names: set[str],
    full_ids: set[int],
    marks: Mapping[int, Mapping[str, set[str]]],
) -> tuple[int, ...]:
    """Return a person's page's articles without those that write only its surname, and only
    after a title no article gives its full name (`full_ids`: the articles that write a full
    name; `names` the page's surface names, `marks` each article's head marks), unless those
    are half the page or more. A page of a surname alone keeps them all."""
    full = {name for name in names if " " in name}
    if not full:  # a surname's own page ("Nixon"): the title says no more of it
        return ids
    given = {t for i in ids for name in full & marks.get(i, {}).keys() for t in marks[i][name]}
    other = [
        i
        for i in ids
        if i not in full_ids
        and (titles := {t for name in names - full for t in marks.get(i, {}).get(name, ())})
        and not titles & given
    ]
    if not other or 2 * len(other) >= len(ids):
        return ids
    left = set(other)
    return tuple(i for i in ids if i not in left)
