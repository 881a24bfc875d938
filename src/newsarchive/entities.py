"""Find people, places and organisations in one article's text with offline, deterministic rules.

`candidates` reads one article: runs of capitalised words (`entity_spans`) are trimmed, split at
titles, roles and connectors, and each name is given a kind by evidence: the gazetteer, a head
word ("Army", "Bank", "Inc"), a given name, a title or role ("President", "Sprinter"), a cue
("in X", "X state", ", chairman of"); a name with no evidence gets a weak kind ending in "?".
A surname alone is read as the fuller name the article uses. Wire copy's <bracketed> company
names, results tables, sign-offs (`entity_blocks`) and all-caps headlines (`entity_headlines`)
are handled before any run is read.
`entity_catalog` folds the candidates across articles and decides what is published.

Speed: a run seen before with the same cues reuses its classification (`run_mentions` is cached).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from .entity_banks import bank_marks
from .entity_blocks import read_blocks
from .entity_bounds import (
    countries_in,
    is_country,
)
from .entity_cues import CURRENCY_AFTER
from .entity_fuller import written_fuller
from .entity_headlines import (
    after_initials,
    headline_mentions,
    is_headline,
    known_names,
)
from .entity_heads import head_marks
from .entity_homes import home_marks
from .entity_names import (
    ORG,
    PEOPLE,
    PERSON,
    PLACE,
    SHIP,
    WEAK_ORG,
    WEAK_PERSON,
    WEAK_PLACE,
    Mention,
    name_parts,
    short_forms,
)
from .entity_officers import officer_marks
from .entity_runs import (
    run_mentions,
)
from .entity_spans import REACH, TOKEN, spans
from .entity_things import unless_unit, unsaid, with_units
from .entity_towns import paired_towns, qualified_towns
from .entity_words import (
    CONNECTORS,
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    SAME_AS,
    TITLES,
)
from .gazetteer import gazetteer, key

_ORGS = frozenset({ORG, WEAK_ORG})  # an organisation's kinds, with evidence or without
_LONG = 20_000  # characters in an article past which its lowercase words are listed at once


def _expand(
    mention: Mention,
    people: list[tuple[str, tuple[str, ...], str]],
    orgs: dict[str, str],
    longer: dict[str, str],
    fuller: dict[str, str],
) -> Mention:
    """Return a surname or partial name as the fuller person name it refers to in the article
    (also a region's name that is a named person's surname: "Hesse" of Martha Hesse), a small
    town's name that opens a longer place's name ("Beaufort" of the Beaufort Sea) as that, and
    a lone word or a town's name that opens an organisation's name ("Midland" of Midland Bank,
    "San Miguel" of San Miguel Corp, "Dixon" of Dixons Group) as that, and an organisation's
    name that opens the one fuller name the article gives it ("the Industrial and Commercial
    Bank" of Industrial and Commercial Bank of China) as that."""
    if fuller and mention.name in fuller and fuller[mention.name] and mention.kind in _ORGS:
        return Mention(ORG, fuller[mention.name])
    if mention.kind in (PLACE, WEAK_PLACE) and not mention.flexible and " " in mention.name:
        opens = orgs.get("-".join(name_parts(mention.name)))
        if opens is not None and key(mention.name) not in gazetteer().regions:
            return Mention(ORG, opens)  # "San Miguel's stock" of San Miguel Corp
    if mention.kind in (PLACE, WEAK_PLACE) and " " not in mention.name:
        folded = key(mention.name)
        if (full := longer.get(folded)) and folded not in gazetteer().major:
            return Mention(PLACE, full)  # "the Beaufort" beside "the Beaufort Sea"
        for full, full_parts, kind in people if not is_country(folded) else ():
            if kind == PERSON and full_parts[-1] == folded:  # "Hesse said" of Martha Hesse
                return Mention(PERSON, full)
    if mention.kind == WEAK_ORG and " " not in mention.name:
        # "USAIR, which has proposed" beside USAir Group: the group, not a unit "USAir Inc"
        full = orgs.get(key(mention.name), "")
        return Mention(ORG, full) if _with_heads_only(mention.name, full) else mention
    parts = name_parts(mention.name) if mention.flexible else ()
    # "Dixon's competing offer" beside <Dixons Group PLC>: the firm, not the town
    opens = orgs.get(parts[0]) or orgs.get(parts[0] + "s") if len(parts) == 1 else None
    if opens and mention.kind != PERSON:
        return Mention(ORG, opens)
    sure = mention.kind == PERSON  # the shorter form's evidence counts for the fuller name
    for full, full_parts, kind in people if parts else ():
        if len(full_parts) > len(parts) and parts in short_forms(full_parts):
            return Mention(PERSON if sure else kind, full)
    for full, full_parts, kind in people if len(parts) == 1 else ():
        if parts[0] in full_parts:
            return Mention(PERSON if sure else kind, full)
    return mention


def _with_heads_only(word: str, name: str) -> bool:
    """Tell whether a name is a word and head words only, so the word alone is its short name
    ("USAir Group", "GAF Corp"; not a unit's "TDK Corp of America" nor "Matra-Harris SA"),
    unless the word is a well-known name of its own ("U.N." beside "U.N. Centre")."""
    words = name.split()
    if len(words) < 2 or key(words[0]) != key(word) or key(word) in SAME_AS:
        return False
    return all(w.lower().rstrip(".") in ORG_HEADS for w in words[1:])


def article_entities(
    title: str, paragraphs: Sequence[str], dateline: str = "", day: dt.date | None = None
) -> tuple[tuple[str, str], ...]:
    """Return an article's `candidates`, the marks of the firms' officers it names
    (`entity_officers`) and of the heads' titles it writes names after (`entity_heads`),
    which tell two people of one name apart, and the countries of the parties and the states
    of the savings banks of a common name it names (`entity_homes`, `entity_banks`), which
    tell two parties or two banks apart (as they were on the article's `day`, if it has one:
    `entity_homes.UNIONS`)."""
    mentions, texts = _mentions(title, paragraphs, dateline)
    marks = officer_marks(mentions, texts) + head_marks(mentions, texts)
    homes = home_marks(mentions, texts, dateline, day) + bank_marks(mentions, texts, dateline)
    return mentions + marks + homes


def candidates(
    title: str, paragraphs: Sequence[str], dateline: str = ""
) -> tuple[tuple[str, str], ...]:
    """Return (kind, surface name) mentions found in one article, deduplicated, in stable order;
    `dateline` is the one the reader cut from its text (`entity_blocks.filed_from`).

    A kind ending in "?" (`WEAK_PERSON`, `WEAK_ORG`) is a name read without evidence for it."""
    return _mentions(title, paragraphs, dateline)[0]


def _mentions(
    title: str, paragraphs: Sequence[str], dateline: str
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Return an article's `candidates` and the texts they were read from."""
    found, texts = read_blocks(title, paragraphs, dateline)
    headlines = [i for i, text in enumerate(texts) if is_headline(text)]
    people_runs: list[tuple[int, tuple[str, ...], tuple[Mention, ...]]] = []
    paid_in: list[Mention] = []  # places the body writes as a currency's only: "Taiwan dlrs"
    for i, text in enumerate(texts):
        for span in [] if i in headlines else spans(text):
            opener = span[0][0].lower() if span[1] and len(span[0]) > 1 else ""
            opener = opener or _small_town(span[0])
            opener_in_lowercase = bool(opener) and _in_lowercase(opener, texts)
            mentions = run_mentions(*span, opener_in_lowercase)
            if span[3][:1] in CURRENCY_AFTER:  # "U.S. dlrs": a currency's, no place's
                paid_in += (m for m in mentions if m.kind in (PLACE, WEAK_PLACE))
                mentions = tuple(m for m in mentions if m.kind not in (PLACE, WEAK_PLACE))
            if "and" in span[0]:  # "Agricultural Stabilization and Conservation Service (ASCS)"
                mentions = _spelt_out(span, mentions, texts) or mentions
            found[i] += mentions
            if len(span[0]) > 1 and any(_may_open_firm(m, span[0]) for m in mentions):
                people_runs.append((i, span[0], mentions))
    _firms_cut_short(found, people_runs)
    for block in found:  # "S. and A. Truck Tire Sales and Service Corp": no person
        block[:] = [_unless_common_words(m, texts) for m in block]
    mentioned = [m for ms in found for m in ms]
    full = [(m.name, name_parts(m.name), m.kind) for m in mentioned if m.kind in PEOPLE]
    people = sorted(dict.fromkeys(p for p in full if len(p[1]) > 1), key=lambda p: p[2] != PERSON)
    orgs: dict[str, str] = {}
    for m in mentioned:
        if m.kind == ORG and len(parts := name_parts(m.name)) > 1:
            orgs.setdefault(parts[0], m.name)
            for end in range(2, len(parts) + 1):  # "San Miguel" of San Miguel Corp
                orgs.setdefault("-".join(parts[:end]), m.name)
            if len(rest := after_initials(m.name)) > 1:
                orgs.setdefault(rest[0], m.name)  # "Scherer" of R.P. Scherer Corp
    longer = {
        name_parts(m.name)[0]: m.name
        for m in mentioned
        if m.kind == PLACE and " " in m.name and m.name.rsplit(" ", 1)[1].lower() in PLACE_HEADS
    }
    ships = {m.name for m in mentioned if m.kind == SHIP}
    fuller = _fuller_bodies(mentioned)
    # "RJ Reynolds Tobacco USA unit said ... Reynolds said": the firm, though read unsure
    unsure = {
        rest[0]: m.name
        for m in mentioned
        if m.kind == WEAK_ORG and len(rest := after_initials(m.name)) > 1
    }
    units = with_units(texts)

    def resolve(m: Mention) -> Mention:
        """Return a mention as the article's other names and text say it is."""
        if m.name in ships:
            return m._replace(kind="")
        m = _unless_unsure_firm(_expand(m, people, orgs, longer, fuller), unsure)
        return unless_unit(_unless_written(m, texts), units)

    resolved = [[resolve(m) for m in ms] for ms in found]
    # a headline names the place of a body's currency: "TAIWAN ISSUES MORE CDS" ("7.53 billion
    # Taiwan dlrs of certificates"), not "150 MLN AUSTRALIA DLR BOND" (`headline_mentions`)
    known = known_names([*(m for ms in resolved for m in ms), *paid_in]) if headlines else {}
    for i in headlines:
        resolved[i] += headline_mentions(texts[i], known)
    every = dict.fromkeys((m.kind, m.name) for ms in resolved for m in ms if m.kind)
    unsaid(every, texts, dateline)  # what a name stands for here is not what it says
    qualified_towns(every, texts, dateline)  # "BLOOMINGTON, Ill.": not Minnesota's town
    paired_towns(every, texts)  # "Dallas/Fort Worth": Dallas too
    for _, name in [m for m in every if m[0] == ORG and " " in m[1]]:
        # "Bank of Japan", "Cooper Canada Ltd": the country says where the firm is
        every.update(dict.fromkeys((PLACE, country) for country in countries_in(name)))
    named = tuple(m for m in every if not (m[0][-1:] == "?" and (m[0][:-1], m[1]) in every))
    return named, texts


def _unless_unsure_firm(mention: Mention, unsure: dict[str, str]) -> Mention:
    """Return a lone surname read without evidence as the firm its article names after
    initials, read unsure too ("RJ Reynolds Tobacco USA unit ... Reynolds said" is no A.
    William Reynolds of other stories); any other mention as it is."""
    if mention.kind != WEAK_PERSON or " " in mention.name:
        return mention
    firm = unsure.get(key(mention.name))
    return Mention(WEAK_ORG, firm) if firm else mention


def _unless_written(mention: Mention, texts: tuple[str, ...]) -> Mention:
    """Return a lone surname read without evidence as the fuller name the text writes around
    it, where no run read that name ("champlin chairman william adams ... Adams said" is
    William Adams, not a James Adams of other articles); any other mention as it is."""
    if mention.kind != WEAK_PERSON or " " in mention.name:
        return mention
    full = written_fuller(mention.name, texts)
    return mention._replace(name=full) if full else mention


def _spelt_out(
    span: tuple[tuple[str, ...], bool, tuple[str, ...], tuple[str, ...], bool],
    mentions: tuple[Mention, ...],
    texts: tuple[str, ...],
) -> tuple[Mention, ...]:
    """Return a run's mentions read again where its last words with "and" among them spell an
    acronym the article writes ("Kansas City Agricultural Stabilization and Conservation
    Service, ASCS, office"): those words are one name, though the run opens a sentence or a
    town comes before them; () where the mentions have that name already."""
    words, initial, before, after, possessive = span
    content = [i for i, word in enumerate(words) if word not in CONNECTORS]
    for start in content:
        initials = "".join(words[i][0] for i in content if i >= start)
        if len(initials) < 3 or "and" not in words[start:]:
            return ()
        if not initials.isupper() or not _written(initials, texts):
            continue
        name = " ".join(words[start:])
        if any(m.name.endswith(name) for m in mentions):
            return ()
        if not start:  # "(Food and Drug Administration)": no common noun opens it
            return run_mentions(words, False, before, after, possessive, False)
        head = run_mentions(words[:start], initial, before, (), False, False)
        return head + run_mentions(words[start:], False, (), after, possessive, False)
    return ()


def _written(acronym: str, texts: tuple[str, ...]) -> bool:
    """Tell whether an article writes an acronym as a word of its own."""
    if not any(acronym in text for text in texts):  # most often not: spare the pattern
        return False
    pattern = re.compile(rf"(?<![\w.]){acronym}(?![\w.])")
    return any(pattern.search(text) for text in texts)


def _fuller_bodies(mentioned: list[Mention]) -> dict[str, str]:
    """Map the organisations' names the article uses that one other name it uses goes on
    with "of" or "and", or opens with a place of up to three words ("Industrial and
    Commercial Bank" of Industrial and Commercial Bank of China, "Progressive Savings" of
    Progressive Savings and Loan Association, "Cotton Exchange" of New York Cotton Exchange),
    to that fuller name."""
    named = {m.name for m in mentioned if " " in m.name and m.kind in _ORGS}
    fuller: dict[str, str] = {}
    for short in named if len(named) > 1 else ():
        longer = [name for name in named if name != short and _goes_on(short, name)]
        if len(longer) == 1:
            fuller[short] = longer[0]
    return fuller


def _goes_on(short: str, name: str) -> bool:
    """Tell whether a name is a shorter one with "of ..." or "and ..." after it, or a place's
    name of up to three words before it."""
    if name.startswith(short) and name.startswith((" of ", " and "), len(short)):
        return True
    if not name.endswith(short) or name[-len(short) - 1] != " ":
        return False
    place = name[: -len(short) - 1]
    return place.count(" ") < 3 and key(place) in gazetteer().names


def _unless_common_words(mention: Mention, texts: tuple[str, ...]) -> Mention:
    """Return a person's mention whose name is initials before words the article also writes
    in lowercase as no name: all of two words, or one of three or more ("A. Truck Tire Sales"
    beside "a tire plant"); any other mention as it is."""
    if mention.kind not in PEOPLE or not mention.name[:1].isupper() or mention.name[1:2] != ".":
        return mention
    words = mention.name.split()[1:]
    while words and len(words[0]) == 2 and words[0][1] == ".":
        words = words[1:]
    common = [_in_lowercase(w.lower(), texts) for w in words if w.lower() not in PARTICLES]
    if (common and all(common)) or (len(common) > 2 and any(common)):
        return mention._replace(kind="")
    return mention


def _small_town(words: tuple[str, ...]) -> str:
    """Return a lone word's lowercase form if it is a small town's name (one that is also a
    common word is no place where the article writes it in lowercase: "sterling"), else ""."""
    if len(words) != 1:
        return ""
    folded = key(words[0])
    gaz = gazetteer()
    return words[0].lower() if folded in gaz.names and folded not in gaz.major else ""


def _may_open_firm(mention: Mention, words: tuple[str, ...]) -> bool:
    """Tell whether a run's mention may be the opening words of a firm's name: a person, or a
    place in a run that is no place's name ("Giant Bay" of Giant Bay Resources Ltd, "Ohio
    Edison" of Ohio Edison Co; not "New York")."""
    if mention.kind in PEOPLE:
        return True
    return mention.kind in (PLACE, WEAK_PLACE) and key(" ".join(words)) not in gazetteer().names


def _firms_cut_short(
    found: list[list[Mention]], runs: list[tuple[int, tuple[str, ...], tuple[Mention, ...]]]
) -> None:
    """Read a run that opens an organisation's name the article uses as that organisation, not
    a person: "E. F. Hutton" of E.F. Hutton Group Inc, "King World" of King World Productions
    (a run with evidence of a person stays one, unless that evidence is a title in the firm's
    own name)."""
    if not runs:
        return
    firms: dict[tuple[str, ...], str] = {}
    for mention in (m for ms in found for m in ms if m.kind == ORG):
        parts = name_parts(mention.name)
        for end in range(2, len(parts) + 1):  # the firm with the fewest more words
            if len(name_parts(firms.get(parts[:end], mention.name))) >= len(parts):
                firms[parts[:end]] = mention.name
    openers = {name_parts(name)[0]: name for name in firms.values()}
    for i, words, mentions in runs:
        parts = name_parts(" ".join(words))
        firm = firms.get(parts)
        titled = words[0].lower().rstrip(".") in TITLES  # "St. Joe Gold" of St. Joe Gold Corp
        # the person read after a word the firm's name opens with is no person: "St. Joe Gold"
        cut = all(len(name_parts(m.name)) < len(parts) for m in mentions if m.kind == PERSON)
        if firm is not None and (titled or cut):
            found[i] = [m for m in found[i] if m not in mentions] + [Mention(ORG, firm)]
        elif not titled and any(_unit_of(m, openers) for m in mentions):
            # "Williams Natural Gas" beside Williams Cos: a unit of the firm, not a person
            weak = [m._replace(kind=WEAK_ORG) if _unit_of(m, openers) else m for m in mentions]
            found[i] = [m for m in found[i] if m not in mentions] + weak


def _unit_of(mention: Mention, openers: dict[str, str]) -> bool:
    """Tell whether a person's name opens with a word that opens a firm's name the article
    uses and that is a given name only by chance ("Williams" of Williams Cos)."""
    parts = name_parts(mention.name)
    return mention.kind in PEOPLE and len(parts) > 1 and parts[0] in openers


def _in_lowercase(word: str, texts: tuple[str, ...]) -> bool:
    """Tell whether a lowercase word is a whole token anywhere in the article's texts."""
    if not word.islower():
        return False
    if sum(map(len, texts)) > _LONG:
        return word in _lowercase_tokens(texts)
    for text in texts:
        at = text.find(word)
        while at >= 0:  # tokenise the space-delimited stretch around each occurrence
            floor, ceiling = max(0, at - REACH), at + len(word) + REACH
            start, end = text.rfind(" ", floor, at), text.find(" ", at + len(word), ceiling)
            if (start < 0 < floor) or (end < 0 and ceiling < len(text)):
                return word in _lowercase_tokens(texts)  # no space near enough
            if word in TOKEN.findall(text, start + 1, len(text) if end < 0 else end):
                return True
            at = text.find(word, at + 1)
    return False


@functools.lru_cache(maxsize=4)
def _lowercase_tokens(texts: tuple[str, ...]) -> frozenset[str]:
    """Return the lowercase tokens of an article's texts."""
    return frozenset(t for text in texts for t in TOKEN.findall(text) if t.islower())
