"""Tell apart two people of one full name who are officers of two firms: "Systems Assurance
Corp said its board elected Charles Scott as chairman" and "Triton Chairman Charles Scott"
(of Triton Group Ltd) are two men, and a page that lists both says something false of each.

Reading an article (`officer_marks`), a person's full name written beside an officer's title
("chairman", "president", "director", ...) or a role that speaks for a firm ("analyst",
"spokesman", "economist", "dealer"), or followed by "of" and a firm, is marked with each firm
(a name with a legal form, or a bank's) written near it: a firm's officer or analyst speaks
for it. Near the name a firm may go by a shorter form (`_forms`): its name without the legal
form ("Engineering Measurements"), or its first word or initials as a possessive or before
a title ("Avon's spokesman", "GM president"). Gathering a person's page
(`namesakes`), stories whose marks share no firm's word, neither story naming a firm with a
word of the other's anywhere, are two people's: the page keeps the stories of the firm most
of them name (and those with no mark); with no such firm it is left for review. A page most
of whose stories mark no firm is a public figure's, and is left alone (a central banker is a
director of firms too). Firms that share a word may be a group and its unit ("Goldman Sachs
International Corp", "Goldman, Sachs Japan Corp"), or one firm named two ways: one person's.
What it does to Reuters-21578, and the variants tried and left, are in docs/entities.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from .entity_names import ORG, PERSON, written_whole
from .entity_words import is_legal_form

OFFICER = "officer"
"""The kind of an article's mark "person\\tfirm": no entity's, never a page's."""
_TITLE = re.compile(
    r"\b(?:chairman|president|chief executive|chief operating|chief financial|director"
    r"|treasurer|founder|officers?|analyst|spokesman|spokeswoman|economist|dealer)\b",
    re.IGNORECASE,
)
_REACH = 50  # characters read on either side of the name, in its sentence, for a title
_NEAR = 150  # characters on either side within which a firm is the officer's


def officer_marks(
    mentions: Sequence[tuple[str, str]], texts: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    """Return an (OFFICER, "person\\tfirm") mark for each person's full name the texts write
    beside an officer's title, or followed by "of" and a firm, with each firm (a name with a
    legal form, "Gould Inc", or a bank's; not "the Federal Reserve") written within _NEAR
    characters of it, whole or by a shorter form (`_forms`)."""
    people = [name for kind, name in mentions if kind == PERSON and " " in name]
    named = {name for _, name in mentions}
    firms = [name for kind, name in mentions if kind == ORG and _firm(name)]
    if not people or not firms:
        return ()
    shorter: dict[str, tuple[str, ...]] = {}  # each firm's shorter forms, made when asked
    marks: dict[tuple[str, str], None] = {}
    for person in people:
        for text in texts:
            for at, end in written_whole(text, person):  # not "John Kerr" of "John Kerrigan"
                of = text.startswith(" of ", end) or text.startswith(", of ", end)
                if of or _TITLE.search(_sentence_around(text, at, end)):
                    near = text[max(0, at - _NEAR) : end + _NEAR]
                    for firm in firms:  # not the article's first: a senator or an exchange's
                        # head named in a story about a firm
                        if firm not in shorter:
                            shorter[firm] = _forms(firm, named)
                        if firm in near or _beside_title(near, shorter[firm]):
                            marks[(OFFICER, f"{person}\t{firm}")] = None
    return tuple(marks)


def _firm(name: str) -> bool:
    """Tell whether an organisation's name is a firm's: with a legal form, or a bank's."""
    words = name.split()
    return is_legal_form(words[-1]) or any(w in _BANKS for w in words)


_BANKS = frozenset({"Bank", "Banque", "Bancorp", "Bankers"})


def _forms(firm: str, named: set[str]) -> tuple[str, ...]:
    """Return the shorter forms a firm goes by beside its officer's title (`_beside_title`):
    its name without the legal form and an "and" before it ("Kidder, Peabody" of "Kidder,
    Peabody and Co"), its first word (of four letters or more) or its initials where the
    article names them (`named`: "GM" beside "General Motors Corp")."""
    words = firm.split()
    while len(words) > 1 and (is_legal_form(words[-1]) or words[-1] in ("and", "&")):
        words.pop()
    stem = " ".join(words).rstrip(",")
    first = words[0].rstrip(",")
    short = {stem} if stem != firm else set()
    if len(first) > 3 and first not in _GENERIC:
        short.add(first)
    initials = "".join(w[0] for w in words if w[:1].isupper())
    if len(initials) > 1 and initials in named:
        short.add(initials)
    return tuple(sorted(short))


def _beside_title(near: str, forms: Sequence[str]) -> bool:
    """Tell whether a text writes one of a firm's shorter forms before a title ("Avon's
    spokesman", "GM president") or after one and "of", "at" or "with" ("analyst with
    Rothschild"). Only there: the firms a deal's story names near an officer are often the
    other side's."""
    if not forms:
        return False
    for form in forms:
        for _, end in written_whole(near, form):
            after = near[end + 2 :] if near.startswith("'s", end) else near[end:]
            if after[:1] == " " and _TITLE.match(after, 1):
                return True
    for title in _TITLE.finditer(near):
        joined = _AFTER_TITLE.match(near, title.end())
        if joined and any(_whole(near, joined.end(), form) for form in forms):
            return True
    return False


def _whole(text: str, at: int, name: str) -> bool:
    """Tell whether a text has a name at a place as a whole word: not "Avon" of "Avondale"."""
    end = at + len(name)
    return text.startswith(name, at) and not (
        text[end : end + 1].isalnum() or text[end : end + 1] == "-"
    )


_AFTER_TITLE = re.compile(r",? (?:of|at|with) (?:the )?")


_GENERIC = frozenset({"General", "National", "American", "International", "United", "First"})


def _sentence_around(text: str, at: int, end: int) -> str:
    """Return up to _REACH characters either side of a name, within its sentence."""
    before, after = text[max(0, at - _REACH) : at], text[end : end + _REACH]
    cut = after.find(". ")
    return before[before.rfind(". ") + 1 :] + " " + (after[:cut] if cut >= 0 else after)


def namesakes(
    ids: tuple[int, ...],
    names: set[str],
    marks: Mapping[int, Mapping[str, set[str]]],
    firm_of: Callable[[str], str],
    firms_in: Callable[[int], set[str]],
) -> tuple[tuple[int, ...], bool]:
    """Return a person's page's articles without those of a namesake, and whether the page
    joins namesakes that no firm tells apart (for review). `names` are the page's surface
    names, `marks` each article's officer marks (person name -> firms), `firm_of` a firm's
    entity key, `firms_in` the keys of the firms an article names."""
    held = {i: _firms(marks.get(i, {}), names, firm_of) for i in ids}
    held = {i: firms for i, firms in held.items() if firms}
    if len(held) < 2 or 2 * len(held) < len(ids):
        return ids, False  # most stories name no firm of theirs: a public figure's page
    groups = _one_person(held, firms_in)
    if len(groups) == 1:
        return ids, False
    sizes = sorted((len(group) for group in groups), reverse=True)
    if sizes[0] == sizes[1]:
        return ids, True
    kept = max(groups, key=len)
    other = {i for group in groups if group is not kept for i in group}
    return tuple(i for i in ids if i not in other), False


def _firms(
    marks: Mapping[str, set[str]], names: set[str], firm_of: Callable[[str], str]
) -> set[str]:
    """Return the words of the firms an article marks any of the page's names an officer of."""
    return {w for name in names & marks.keys() for f in marks[name] for w in _words(firm_of(f))}


def _words(key: str) -> set[str]:
    """Return the words of a firm's key: two firms that share one may be a group and its unit
    ("Goldman Sachs International Corp", "Goldman, Sachs Japan Corp"), or one firm named two
    ways ("A.E. Staley Manufacturing Co", "Staley Co"): an officer of either may be one man."""
    return set(key.split("-"))


def _one_person(held: dict[int, set[str]], firms_in: Callable[[int], set[str]]) -> list[set[int]]:
    """Return the articles grouped by person: two are one's when their marks share a firm's
    word or either names a firm with a word of the other's anywhere."""
    groups: list[tuple[set[int], set[str], set[str]]] = []  # articles, marked, named
    for i, firms in held.items():
        named = {w for firm in firms_in(i) for w in _words(firm)}
        joined = [g for g in groups if firms & (g[1] | g[2]) or g[1] & named]
        merged = (
            {i}.union(*(g[0] for g in joined)),
            firms.union(*(g[1] for g in joined)),
            named.union(*(g[2] for g in joined)),
        )
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return [articles for articles, _, _ in groups]


def split_marks(
    docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]],
    marks: dict[int, dict[str, set[str]]],
    kind: str = OFFICER,
) -> Iterable[tuple[int, tuple[tuple[str, str], ...]]]:
    """Yield each doc's mentions without its marks of a kind ("name\\tvalue": officer marks,
    or `entity_homes.HOME`), which go to `marks` (by doc, the values of each name)."""
    for article, mentions in docs:
        if any(m[0] == kind for m in mentions):
            for _, mark in (m for m in mentions if m[0] == kind):
                name, _, value = mark.partition("\t")
                marks.setdefault(article, {}).setdefault(name, set()).add(value)
            mentions = tuple(m for m in mentions if m[0] != kind)
        yield article, mentions
