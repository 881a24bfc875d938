"""Join the names of one entity that the archive writes in more than one way: a country's
acronym before a firm's name ("U.S. General Electric Co"), British and American spelling
("Organisation"), an acronym and the name it spells ("CFTC"); and say on a page the other
names its stories write it with ("Also written Peking": `other_names`).
"""

from __future__ import annotations

from collections.abc import Callable

from .entity_bounds import is_acronym
from .entity_homes import PORTFOLIO_FIRST, generic_portfolio
from .entity_names import ORG
from .entity_words import ALIASES, ARMED_FORCES, LEGAL_FORMS, ORG_HEADS, is_legal_form
from .gazetteer import fold

Postings = dict[tuple[str, str], list[int]]
Members = dict[str, list[tuple[str, str]]]


def articles_of(mentions: list[tuple[str, str]], postings: Postings) -> set[int]:
    """Return the articles that write any of these mentions."""
    return {i for m in mentions for i in postings[m]}


def drop_country_prefixes(members: Members) -> set[tuple[str, str]]:
    """Fold "U.S. General Electric Co" into General Electric Co where that is a name of its
    own: the country's acronym belongs to a name only when the rest is never used alone ("U.S.
    Wheat Associates", "US West Inc"), nor to an armed force's. Return the mentions folded so,
    which name no page ("The U.S. Caterpillar Tractor Co" is Caterpillar Tractor Co's)."""
    folded: set[tuple[str, str]] = set()
    prefixed = [k for k in members if k.partition("-")[0] in ALIASES]
    own = {
        k: _own_names(members[k]) for k in {k.partition("-")[2] for k in prefixed} & members.keys()
    }
    for k in prefixed:
        rest = k.partition("-")[2]
        if rest.replace("-", " ") in ARMED_FORCES:  # "U.S. Navy" is no navy of any country
            continue
        if not _names_alike(members[k], own.get(rest, [])):
            continue  # "U.S. Oil company" is no Oil Corp's, "U.S. News" no News Corp Ltd's
        if any(kind.rstrip("?") == ORG for kind, _ in members[k]):
            written = {name for _, name in members[rest]}
            folded.update(m for m in members[k] if _written_without_country(m[1], written))
            members[rest].extend(members.pop(k))
    return folded


def _own_names(mentions: list[tuple[str, str]]) -> list[str]:
    """Return the names of a key's mentions read with evidence as an organisation's, written
    without a country's acronym before them."""
    return [n for kind, n in mentions if kind == ORG and fold(n.partition(" ")[0]) not in ALIASES]


def _names_alike(prefixed: list[tuple[str, str]], own: list[str]) -> bool:
    """Tell whether names with a country's acronym are the same body's as names without it:
    some of those are read with evidence, and a name with a legal form is joined only where
    one without has one too (and the other way round)."""
    if not own:
        return False
    formed = {is_legal_form(name.split()[-1]) for _, name in prefixed}
    return bool(formed & {is_legal_form(name.split()[-1]) for name in own})


def _written_without_country(name: str, written: set[str]) -> bool:
    """Tell whether a name with a country's acronym before it is also written without it, a
    name of its own ("Caterpillar Tractor Co"; not "Trust Co" of U.S. Trust Co, all head
    words)."""
    rest = name.partition(" ")[2]
    own = any(w.lower().rstrip(".") not in ORG_HEADS for w in rest.split())
    return own and rest in written


def join_spellings(members: Members, postings: Postings) -> None:
    """Fold a body's name in British spelling and in American into the one more articles
    write, where the archive has both ("International Coffee Organisation", "... Organization";
    "Federation of Economic Organisations" and "... Organizations"): one body, one page. A
    name written one way only keeps its page. So are a name whose first word is cut short
    ("Ft. Lauderdale") and the name written whole ("Fort Lauderdale"), where both are."""
    for k in [k for k in members if _BRITISH.intersection(k.split("-"))]:
        us = _american(k)
        if k in members and us in members:
            reach = {n: len(articles_of(members[n], postings)) for n in (k, us)}
            kept, gone = (k, us) if reach[k] >= reach[us] else (us, k)
            members[kept].extend(members.pop(gone))
    # a place's name with its first word cut short: "Ft. Lauderdale", "Mt. Laurel"
    for k in [k for k in members if k.partition("-")[0] in _SHORT_FIRST]:
        whole = _SHORT_FIRST[k.partition("-")[0]] + "-" + k.partition("-")[2]
        if whole in members:
            members[whole].extend(members.pop(k))


_US_SPELLING = {"organisation": "organization", "organisations": "organizations"}
_SHORT_FIRST = {"ft": "fort", "mt": "mount"}  # not "st": Saint or Sankt or Santo, unsaid
_BRITISH = frozenset(_US_SPELLING)


def join_acronyms(
    members: Members,
    postings: Postings,
    guesses: dict[str, str],
    ruled: frozenset[str],
) -> list[str]:
    """Fold an organisation's acronym into the one name it spells that more than half of its
    articles also write: "CFTC" (56 articles, 42 with the name) into the Commodity Futures
    Trading Commission, one page, not two chips on a story. It brings the articles that write
    it alone only when nine in ten of its articles write the name too ("SEC": 126 of 137),
    or SPELT_ALONE do and (nearly) no other name it spells ("IBM", 40 of 62: then a third is
    enough); else only those ("ITC", 11 of 16: the Tin Council's, and the Trade Commission's;
    "API", 13 of 21, is also API gravity and American Precision Industries). An acronym
    written with a legal form ("IBM Corp") spells only a name written with one ("ASA Ltd", a
    fund, is no American Soybean Association), and brings all its articles ("BAA Plc"). An
    acronym that spells no name its articles write, or several, stays as it is; so does one
    entities.yaml gives a kind (`ruled`). Return the keys that took an acronym (whose kind
    the caller votes again); `guesses` loses the acronyms'."""
    acronyms = {
        k: ms
        for k, ms in members.items()
        if "-" not in k and k not in ruled and guesses[k].rstrip("?") == ORG and _acronyms(ms)
    }
    spelt: dict[str, list[str]] = {}
    cased: set[tuple[str, str]] = set()  # spelt with a corporation's C ("AMC")
    joined: list[str] = []
    for k in members if acronyms else ():
        if "-" in k and guesses[k] == ORG:
            words = [w for w in k.split("-") if w not in _UNSPELT and w not in LEGAL_FORMS]
            for initials, corporate in _initials(words, members[k]) if 1 < len(words) <= 6 else ():
                if initials in acronyms:
                    spelt.setdefault(initials, []).append(k)
                    cased.update([(initials, k)] if corporate else [])
    for short, longs in spelt.items():
        ids = articles_of(members[short], postings)
        spelt_out = {k: ids & articles_of(members[k], postings) for k in longs}
        target = min(longs, key=lambda k: (-len(spelt_out[k]), k))
        shared = spelt_out[target]
        rival = max((len(spelt_out[k]) for k in longs if k != target), default=0)
        # the name more than half its articles write, or the only one a third and SPELT_ALONE
        # of them write ("IBM": 40 of 62, beside a misspelt "International Business Machine" 4)
        sole = len(shared) >= SPELT_ALONE and 5 * rival <= len(shared)
        majority = 2 * len(shared) > len(ids) and 2 * rival <= len(ids)
        if not (majority or (sole and 3 * len(shared) >= len(ids))):
            continue
        if _formed(members[short]) and not _formed(members[target]):
            continue  # "ASA Ltd", a fund, is no American Soybean Association
        # "ITC" is also the Trade Commission's, elsewhere; "AMC" alone is AMC Entertainment
        if (10 * len(shared) < 9 * len(ids) and not sole) or (short, target) in cased:
            for mention in members[short]:  # with a legal form, it is the firm: "BAA Plc"
                if without_legal_form(mention[1]) == mention[1]:
                    postings[mention] = [i for i in postings[mention] if i in shared]
        members[target].extend(members.pop(short))
        del guesses[short]
        joined.append(target)
    return joined


def _acronyms(mentions: list[tuple[str, str]]) -> bool:
    """Tell whether every mention is written as an acronym of two to six capitals ("CFTC",
    "G.M."), with a legal form after it or not ("IBM Corp")."""
    bare = [without_legal_form(name).replace(".", "") for _, name in mentions]
    return all(2 <= len(name) <= 6 and name.isalpha() and name.isupper() for name in bare)


def without_legal_form(name: str) -> str:
    """Return a name without the legal form it ends with, if it has more words."""
    head, _, last = name.rpartition(" ")
    formed = is_legal_form(last) or last.lower() in ("company", "corporation")
    return head if head and formed else name


def _formed(mentions: list[tuple[str, str]]) -> bool:
    """Tell whether any of the mentions is written with a legal form."""
    return any(without_legal_form(name) != name for _, name in mentions)


def _initials(words: list[str], mentions: list[tuple[str, str]]) -> set[tuple[str, bool]]:
    """Return the acronyms a name's words (legal form aside) may be written as, each with
    whether it spells a corporation's C: their initials in each order (`_orders`), and with a
    "C" for a corporation or company the name is written with ("CCC", the Commodity Credit
    Corporation; "FDIC"). An acronym with that C is more often another firm's written alone
    ("AMC", AMC Entertainment's, beside American Motors Corp's), so it takes only the
    articles that write the name too."""
    spelt = {("".join(w[0] for w in order), False) for order in _orders(words)}
    if any(fold(name).rpartition("-")[2] in _CORPORATE for _, name in mentions):
        spelt.add(("".join(w[0] for w in words) + "c", True))
    return spelt


_CORPORATE = frozenset({"corp", "corporation", "co", "company"})


def _orders(words: list[str]) -> list[list[str]]:
    """Return the orders an acronym may spell a name's words in: as they are, and for a
    department, whose key writes "X Department" (`entity_homes.portfolio_key`), also as
    "Department of X" ("MITI", the Ministry of International Trade and Industry)."""
    if words[-1] in PORTFOLIO_FIRST:
        return [words, [words[-1], *words[:-1]]]
    return [words]


SPELT_ALONE = 20
"""Articles that write an acronym with the one name it spells (and few another) that make
the articles writing it alone that name's too: "IBM", "CBT" (the Chicago Board of Trade's)."""
_UNSPELT = frozenset({"of", "and", "the", "for", "on", "de", "du", "des", "la", "le", "in"})


def other_names(
    name: str, mentions: list[tuple[str, str]], postings: Postings, folds: dict[str, str]
) -> tuple[str, ...]:
    """Return up to three other names the archive writes an entity with, in the most articles
    first: a nickname, a former name, an acronym ("James Wright" on Jim Wright's page,
    "Peking" on Beijing's); not a shorter form of its name ("Wright"), nor the name in other
    case, accents or legal form ("Texaco Inc" on Texaco's)."""
    if len(mentions) == 1 and folds[mentions[0][1]] == fold(name):  # most: the name alone
        return ()
    mine = _american(fold(name))
    own = _plain_words(mine)
    spellings: dict[str, list[tuple[str, str]]] = {}
    words: dict[str, set[str]] = {}
    for mention in mentions:
        folded = folds[mention[1]]
        if folded == mine:  # most are the name itself
            continue
        folded = _american(folded)
        if not (plain := words.get(folded) or _plain_words(folded)) <= own:
            words[folded] = plain
            spellings.setdefault(folded, []).append(mention)
    counts = {f: sum(len(postings[m]) for m in group) for f, group in spellings.items()}
    ranked = sorted(
        (
            f
            for f in spellings
            if not any(words[f] < words[g] and counts[g] >= counts[f] for g in words)
        ),
        key=lambda f: (-counts[f], f),
    )  # nor a rarer shorter form of another ("Organization for Economic Co", cut short)
    commonest = (max(spellings[f], key=lambda m: (len(postings[m]), m[1])) for f in ranked[:3])
    return tuple(written for _, written in commonest)  # "GATT", not one story's "Gatt"


def _american(folded: str) -> str:
    """Return a folded name in American spelling: one body's "Organisation" and
    "Organization" are one name written two ways, not two names."""
    return (
        "-".join(_US_SPELLING.get(w, w) for w in folded.split("-"))
        if "isation" in folded
        else folded
    )


def _plain_words(folded: str) -> set[str]:
    """Return the words of a folded name but legal forms and a country's acronym before it
    ("U.S. Congress" is Congress written so)."""
    words = folded.split("-")
    return set(words[1:] if len(words) > 1 and words[0] in ALIASES else words) - LEGAL_FORMS


def split_pairs(postings: Postings, identity: Callable[[tuple[str, str]], str]) -> None:
    """Read a name of two firms joined by "and" as the two ("Citibank and Chase Manhattan
    Bank", "Amoco and Exxon Corp"): where what comes before "and" and what comes after are each
    written as they are, with evidence of a firm, in two other articles or more ("Dow Jones and
    Co", "Procter and Gamble Co", "Mississippi Power and Light Co" are one firm: "Co", "Gamble"
    and "Light" are written alone nowhere; "the Sun and News" are two papers, no Sun Co and
    News Corp), under keys of their own, neither an acronym's ("IBM Corp", whose firm is found
    by its acronym in the story). The pair's articles go to each (`identity`: a mention's
    key, `entity_catalog._identity`)."""
    for mention in [m for m in postings if m[0].rstrip("?") == ORG and " and " in m[1]]:
        first, _, second = mention[1].partition(" and ")
        parts = [(ORG, first), (ORG, second)]
        ids = postings[mention]
        elsewhere = [set(postings.get(part, ())).difference(ids) for part in parts]
        acronym = any(is_acronym(part[1].split()[0]) for part in parts)
        distinct = identity(parts[0]) != identity(parts[1])
        department = generic_portfolio(mention[1])  # "Trade and Industry Department": one
        if distinct and not acronym and not department and all(len(o) >= 2 for o in elsewhere):
            del postings[mention]
            for part in parts:
                postings[part] = sorted({*postings[part], *ids})
