"""Fold the per-article name candidates (`entities.candidates`) into the archive's entities.

One streaming pass lists each (kind, surface name) mention's articles; mentions are grouped by
identity (the folded name, with the authority file's and the built-in aliases applied and a
company's legal form dropped), a surname alone joins the one fuller name it stands for, and
the confidence rule decides what is published:

- an entity is *confirmed* when at least one article names it with evidence for its kind
  (a given name, title, role, "said", a head word such as "Bank" or "Party", a legal form,
  a gazetteer entry, a <bracketed> wire company name) or entities.yaml gives its kind;
- a confirmed entity named in at least `min_articles` articles gets a page and chips;
- the others named without evidence are *unconfirmed*: listed per article in articles.json
  (`entities_unconfirmed`) for a person to review and settle in entities.yaml.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .authority import Authority
from .entity_bounds import is_country
from .entity_generic import generic, qualifiers
from .entity_heads import HEAD, titled
from .entity_homes import (
    HOME,
    any_countrys,
    generic_party,
    home_mentions,
    home_pages,
    homed,
    marked,
    national_portfolio,
    portfolio_key,
)
from .entity_joins import (
    Postings,
    articles_of,
    drop_country_prefixes,
    join_acronyms,
    join_spellings,
    other_names,
    split_pairs,
)
from .entity_names import ORG, PERSON, PLACE, WEAK_PERSON
from .entity_officers import namesakes, split_marks
from .entity_people import fold_people, hyphenated, nicknamed
from .entity_words import (
    LEGAL_FORMS,
    SAME_AS,
    is_legal_form,
)
from .gazetteer import fold, gazetteer

_KIND_ORDER = {PLACE: 0, ORG: 1, PERSON: 2}
# Articles without evidence that one article with evidence can speak for: past this, that one
# is more likely a slip ("deputy Treasury scretary", "Series A. Moody's") than the truth.
_WEAK_PER_SURE = 20
NO_RULES = Authority()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in the archive."""

    key: str  # folded identity, ascii lowercase slug, e.g. "ovidio-guzman-lopez"
    name: str  # best display form, e.g. "Ovidio Guzmán López"
    kind: str  # "person" | "place" | "organisation"
    articles: tuple[int, ...]  # sorted ids of the articles that mention it
    also: tuple[str, ...] = ()  # other names it is written with (`_also`): "Peking"


@dataclass(frozen=True, slots=True)
class Found:
    """The published entities, most covered first, and the unconfirmed names for review."""

    published: tuple[Entity, ...]
    unconfirmed: tuple[Entity, ...]  # kind is the unconfirmed guess


def collect(
    docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]],
    min_articles: int = 2,
    min_mentions: int = 1,
) -> tuple[Entity, ...]:
    """Return the entities that get a page (see `gather`)."""
    return gather(docs, min_articles, min_mentions).published


def gather(
    docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]],
    min_articles: int = 2,
    min_mentions: int = 1,
    rules: Authority = NO_RULES,
) -> Found:
    """Fold per-article candidates into entities: published ones (confirmed, in at least
    `min_articles` articles) and unconfirmed ones, each most-covered first, then by key."""
    marks: dict[int, dict[str, set[str]]] = {}  # officers' firms by article (`entity_officers`)
    homes: dict[int, dict[str, set[str]]] = {}  # parties' countries by article (`entity_homes`)
    heads: dict[int, dict[str, set[str]]] = {}  # titles before people's names (`entity_heads`)
    unmarked = split_marks(split_marks(split_marks(docs, marks), homes, HOME), heads, HEAD)
    postings = _postings(unmarked)
    national = _national_homes(postings, homes)  # "Indian Finance Ministry"
    aliases, kinds, blocked = dict(rules.aliases), dict(rules.kinds), frozenset(rules.block)
    split_pairs(postings, lambda mention: _identity(mention, aliases))
    members: dict[str, list[tuple[str, str]]] = {}
    folds: dict[str, str] = {}  # each surface name folded once
    for mention in postings:
        folded = folds.get(mention[1]) or folds.setdefault(mention[1], fold(mention[1]))
        identity = _identity(mention, aliases, folded)
        if identity and identity not in blocked and folded not in blocked:
            members.setdefault(identity, []).append(mention)
    prefixed = drop_country_prefixes(members) | national
    join_spellings(members, postings)
    guesses = {k: kinds.get(k) or _majority(ms, postings) for k, ms in members.items()}
    for spelt in join_acronyms(members, postings, guesses, frozenset(kinds)):
        guesses[spelt] = _majority(members[spelt], postings)
    people = {k for k, kind in guesses.items() if kind.rstrip("?") == PERSON}
    reach = {k: len(articles_of(members[k], postings)) for k in people}
    sure = {k for k in people if guesses[k] == PERSON}  # with evidence, not "person?"
    joined = {k: w for k in people if (w := hyphenated(members[k], k))}
    company = functools.partial(_company, members, postings, guesses)
    targets = fold_people(people, reach, sure, joined, nicknamed(sure, reach, company))
    groups: dict[str, list[tuple[str, str]]] = {}
    for k, ms in members.items():
        target = targets.get(k, k)
        if target:
            groups.setdefault(target, []).extend(ms)
    published: list[Entity] = []
    unconfirmed: list[Entity] = []
    firms = _firm_openings(postings)
    firm_of, firms_in = _firm_keys(members, postings, marks) if marks else (fold, _no_firms)
    qualified = qualifiers(postings, lambda name: _identity((ORG, name), {}))
    for target, group in groups.items():
        kind, where = kinds.get(target) or _majority(group, postings), ""
        named = _sure_acronym(kind, group if target in kinds else _named_as(kind, group))
        ids = tuple(sorted(set().union(*(postings[m] for m in named))))
        written = {m[1] for m in group}
        if kind == PERSON:  # "David Jones Ltd", the store, beside economist David Jones
            ids = tuple(i for i in ids if i not in _with_legal_form(group, postings))
            if marks and target not in kinds:  # two firms' officers of one name
                ids, unsure = namesakes(ids, written, marks, firm_of, firms_in)
                kind = PERSON + "?" if unsure else kind
            if heads and target not in kinds:  # "President Regan", a typo, is no Donald Regan
                full = set().union(*(postings[m] for m in group if " " in m[1]))
                ids = titled(ids, written, full, heads)
        portfolio = kind == ORG and any(map(any_countrys, written))
        if kind == PLACE and target not in kinds and _firms_short_name(target, ids, firms):
            kind = PLACE + "?"
        elif (
            kind == ORG
            and target not in kinds
            and not (
                (portfolio or any(map(generic_party, written))) and marked(ids, written, homes)
            )  # its stories' homes tell the bodies of the name apart
            and generic(qualified.get(target, set()))
        ):
            kind = ORG + "?"  # "Public Service Commission": which state's is unsaid
        pages = [(target, ids, "")]  # (key, stories, home)
        if kind == ORG and homes and target not in kinds:
            # "Social Democratic Party": a page a country, by its stories' homes
            split = home_pages(target, ids, written, homes, portfolio, groups)
            if split is None:  # "Ministry of Commerce", no country said
                kind = ORG + "?"
            elif split[1]:  # stories no country's page takes
                unconfirmed.append(Entity(target, _best_name(group, postings), ORG, split[1]))
            pages = split[0] if split else pages
        # a place's or a person's page is named by its own kind's mentions: "Kansai
        # International Airport", not the airport company's "... Co Ltd" (a firm's page keeps
        # its commonest form, often one read without evidence: "Disney", "Sears")
        mine = members.get(target, group)
        mine = [m for m in mine if m not in prefixed] or mine
        own = [m for m in mine if m[0] == kind] if kind != ORG else []
        for key, ids, where in pages:
            name = _preferred(target, aliases) or homed(_best_name(own or mine, postings), where)
            if where and fold(name) in blocked:  # "Finance Ministry (France)", as published
                continue
            if kind.endswith("?"):
                unconfirmed.append(Entity(key, name, kind[:-1], ids))
            elif len(ids) >= min_articles and sum(len(postings[m]) for m in group) >= min_mentions:
                shown = home_mentions(named, ids, where, postings) if where else named
                also = other_names(name, shown, postings, folds)
                published.append(Entity(key, name, kind, ids, also))
    return Found(tuple(sorted(published, key=_order)), tuple(sorted(unconfirmed, key=_order)))


def _national_homes(
    postings: Postings, homes: dict[int, dict[str, set[str]]]
) -> set[tuple[str, str]]:
    """Mark the home of each department's name that its country opens ("Indian Finance
    Ministry": India, as a text that writes "the Indian Finance Ministry" marks it), which
    `_identity` files under the department's own name; return those mentions (no page is
    named by them where another name is written)."""
    found = set()
    for mention, articles in postings.items():
        if mention[0].rstrip("?") == ORG and (named := national_portfolio(mention[1])):
            found.add(mention)
            for article in articles:
                homes.setdefault(article, {}).setdefault(mention[1], set()).add(named[0])
    return found


def _named_as(kind: str, group: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the mentions of a group but those with evidence of another kind: a page lists
    the articles that name it as what it is, not those that name another kind of thing so
    ("San Miguel", a town in one article and the brewer <San Miguel> in another; but
    "ChemLawn said", without evidence, is ChemLawn Corp). A place's page takes no name read
    as another kind without evidence either ("Crosby said" of Philip Crosby, beside Crosby,
    Tex.)."""
    own = kind.rstrip("?")
    same = [m for m in group if m[0].rstrip("?") == own or _weak_other(m, own)]
    firms = [n for k, n in same if k == ORG]
    if own == ORG and firms and all(" and " in n for n in firms):
        # a firm named only as a partnership takes no lone surname read without evidence:
        # "Brown said", of Wagner and Brown, is not Brown and Co Inc
        same = [m for m in same if m[0] != WEAK_PERSON or " " in m[1]]
    return same or group


def _weak_other(mention: tuple[str, str], own: str) -> bool:
    """Tell whether a mention read without evidence as another kind counts for an entity of
    kind `own`: any does but a one-word person's for a place and a one-word place's for a
    person ("Wall Street analysts" is the street, "Crosby said" not the town, a "South
    Pacific" of unknown kind the ocean; "Young has offered", of Chas. P. Young, is no Lord
    Young); nor, for a place, one written in capitals, an acronym's way ("Aluminum Company of
    America (ALCOA)" is no Alcoa, Tenn.)."""
    kind, name = mention
    one_word = {kind.rstrip("?"), own} == {PLACE, PERSON} and " " not in name
    acronym = own == PLACE and name.isupper()
    return kind.endswith("?") and not one_word and not acronym


def _with_legal_form(group: list[tuple[str, str]], postings: Postings) -> set[int]:
    """Return the articles that write a person's name with a legal form after it and read
    it nowhere as a person's: they name the firm, not the person ("<David Jones Ltd> ... David
    Jones, owned 49.2 pct by Adsteam"; but "Mario Gabelli, head of ... Mario Gabelli and Co"
    names both)."""
    firms = [m for m in group if m[0] == ORG and is_legal_form(m[1].rsplit(" ", 1)[-1])]
    people = [m for m in group if m[0].rstrip("?") == PERSON]
    named = set().union(*(postings[m] for m in people))
    return set().union(*(postings[m] for m in firms)) - named


def _sure_acronym(kind: str, group: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the mentions whose articles an entity lists: all of them, but of a firm named by
    an acronym and a legal form ("CPI Corp"), only those with evidence: the bare acronym,
    without it, is as often something else ("CPI", the consumer price index)."""
    if kind != ORG or not any(" " in n and n.split()[0].isupper() for _, n in group):
        return group
    sure = [m for m in group if not m[0].endswith("?")]
    return sure if sure and len(sure) < len(group) and "-" not in _identity(sure[0], {}) else group


def _firm_openings(postings: Postings) -> dict[str, set[int]]:
    """Index the articles of organisations' names by their first one to three folded words
    ("sonora", "sonora-gold" of Sonora Gold Corp)."""
    index: dict[str, set[int]] = {}
    for (kind, name), ids in postings.items():
        if kind == ORG:
            parts = fold(name).split("-")
            for n in range(1, min(4, len(parts))):
                index.setdefault("-".join(parts[:n]), set()).update(ids)
    return index


def _firms_short_name(place: str, ids: tuple[int, ...], firms: dict[str, set[int]]) -> bool:
    """Tell whether a place (not a country) is named only in articles that also name a firm
    whose name opens with it: the firm's short name ("Sonora" of Sonora Gold Corp in every
    article), so unconfirmed, for review."""
    named = firms.get(place)
    return named is not None and named.issuperset(ids) and not is_country(place)


def _order(entity: Entity) -> tuple[int, str]:
    """Sort key: most-covered first, then by key."""
    return (-len(entity.articles), entity.key)


def _identity(mention: tuple[str, str], aliases: dict[str, str], folded: str = "") -> str:
    """Return the key a mention is published under: aliases followed, and an organisation's
    legal form and the "and" before it dropped ("Merrill Lynch and Co Inc" is Merrill Lynch;
    "Lazard Freres et Cie", the Paris house, is not New York's Lazard Freres) unless that
    leaves a place's name ("Midland Co" is not Midland); `folded`, the name folded if it was
    already."""
    folded = folded or fold(mention[1])
    if folded in aliases:
        return fold(aliases[folded])
    if folded in SAME_AS:
        return fold(SAME_AS[folded])
    parts = folded.split("-")
    kind = mention[0].rstrip("?")
    if kind == PLACE:
        return gazetteer().respelt.get(folded, folded)  # "Duesseldorf" is Düsseldorf
    if kind != ORG:
        return folded
    if (named := national_portfolio(mention[1])) is not None:  # "Indian Finance Ministry"
        parts = fold(named[1]).split("-")
    # one spelling of words firms' names write two ways: "Salomon Bros Inc" is Salomon Brothers
    # Inc, "Swiss Bank Corporation International" Swiss Bank Corp International, "Boeing
    # Company" Boeing Co, "Delta Air Lines" Delta Airlines
    parts = [_ONE_SPELLING.get(part, part) for part in parts]
    while len(parts) > 1 and (parts[-1] in LEGAL_FORMS or parts[-1] == "and"):
        parts.pop()
    parts = portfolio_key(parts)
    short = "-".join(parts).replace("-air-lines", "-airlines")
    return folded if short in gazetteer().names else short


_ONE_SPELLING = {"bros": "brothers", "corporation": "corp", "company": "co"}


def _preferred(target: str, aliases: dict[str, str]) -> str:
    """Return the name the authority file or the built-in aliases give an entity, if any:
    an alias's own name too ("GATT" is published as the General Agreement on Tariffs and
    Trade, not as the one story's "Gatt" that mixed case would choose: `_best_name`)."""
    if target in aliases:
        return aliases[target]
    named = next((n for k, n in aliases.items() if fold(n) == target), "")
    return named or SAME_AS.get(target, "") or _SAME_AS_NAMES.get(target, "")


_SAME_AS_NAMES = {fold(name): name for name in SAME_AS.values()}


def _company(
    members: dict[str, list[tuple[str, str]]],
    postings: Postings,
    guesses: dict[str, str],
    wanted: set[str],
) -> dict[str, set[str]]:
    """Return, for each key `wanted`, the people and organisations named with evidence in its
    articles (itself among them)."""
    articles = {k: articles_of(members[k], postings) for k in wanted}
    named_in: dict[int, set[str]] = {i: set() for ids in articles.values() for i in ids}
    for k, ms in members.items():
        if guesses[k] in (PERSON, ORG):
            for m in ms:
                if not named_in.keys().isdisjoint(postings[m]):
                    for i in named_in.keys() & postings[m]:
                        named_in[i].add(k)
    return {k: set().union(*(named_in[i] for i in ids)) for k, ids in articles.items()}


def _firm_keys(
    members: dict[str, list[tuple[str, str]]],
    postings: Postings,
    marks: dict[int, dict[str, set[str]]],
) -> tuple[Callable[[str], str], Callable[[int], set[str]]]:
    """Return a firm's entity key by its surface name, and the keys of the firms each article
    with officer marks names (`entity_officers.namesakes`)."""
    key_of = {name: k for k, ms in members.items() for kind, name in ms if kind.rstrip("?") == ORG}
    named: dict[int, set[str]] = {i: set() for i in marks}
    for (kind, name), ids in postings.items():
        if kind.rstrip("?") == ORG and name in key_of:
            for i in ids:
                if i in named:
                    named[i].add(key_of[name])
    return (lambda name: key_of.get(name, fold(name))), (lambda i: named.get(i, set()))


def _no_firms(_: int) -> set[str]:
    """Name no firm (`_firm_keys` where no article marks an officer)."""
    return set()


def _postings(docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]]) -> Postings:
    """Stream over the documents once, listing the articles of each (kind, surface) mention."""
    postings: Postings = {}
    for article, mentions in docs:
        for mention in mentions:
            ids = postings.get(mention)
            if ids is None:
                postings[mention] = [article]
            elif ids[-1] != article:
                ids.append(article)
    return postings


def _majority(mentions: list[tuple[str, str]], postings: Postings) -> str:
    """Return the kind most articles gave these mentions with evidence (ties go to place, then
    organisation); with no evidence anywhere, or evidence too thin for the articles without it,
    the unconfirmed guess ending in "?"."""
    votes: dict[str, int] = {}
    for kind, name in mentions:
        votes[kind] = votes.get(kind, 0) + len(postings[(kind, name)])
    sure = {k: v for k, v in votes.items() if not k.endswith("?")}
    weak = sum(votes.values()) - sum(sure.values())
    if not sure or sum(sure.values()) * _WEAK_PER_SURE < weak:
        best = _top(votes)
        return best if best.endswith("?") else best + "?"
    return _top(sure)


def _top(votes: dict[str, int]) -> str:
    """Return the kind with the most votes; ties go to place, then organisation."""
    return min(votes, key=lambda k: (-votes[k], _KIND_ORDER.get(k.rstrip("?"), 3), k))


def _best_name(mentions: list[tuple[str, str]], postings: Postings) -> str:
    """Return the form to show: accented over plain, mixed case over capitals, then commonest."""
    if len(mentions) == 1:
        return mentions[0][1]
    counts: dict[str, int] = {}
    for kind, name in mentions:
        counts[name] = counts.get(name, 0) + len(postings[(kind, name)])
    return max(counts, key=lambda n: (not n.isascii(), not n.isupper(), counts[n], n))
