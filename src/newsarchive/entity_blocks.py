"""Make an article's blocks ready for entity extraction, as wire copy writes them: photo
credits, sign-offs and nicknames inside names cut; a leading dateline read into places and
agencies; <bracketed> company names and partnerships' names taken out as organisations, ships
named in a list marked, tickers left as marks that end a name; bylines and results tables left
unread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .entity_bounds import TICKER_MARK, partnerships
from .entity_names import ORG, PLACE, SHIP, Mention
from .entity_words import (
    CALENDAR,
    MINOR,
    ORG_HEADS,
    ORGS,
    STATE_TOKENS,
    TABLE_WORDS,
    is_legal_form,
)
from .gazetteer import gazetteer, key
from .given_names import first_names


def read_blocks(
    title: str, paragraphs: Sequence[str], dateline: str = ""
) -> tuple[list[list[Mention]], tuple[str, ...]]:
    """Return, for the title and each paragraph, the mentions read from its dateline, brackets
    and partnerships, and its text ready to read for names ("" for a byline or a table); the
    places of `dateline`, the one the reader cut from the text, go with the title's."""
    blocks = [_partnerships(*_groups(*_qualified(*_bracketed(title, True))))]
    blocks += [
        _partnerships(*_groups(*_qualified(*_bracketed(paragraph)))) for paragraph in paragraphs
    ]
    read = [_dateline(_prepare(block)) for block, _ in blocks]
    found = [
        dateline + marked + _ship_lists(text)
        for (dateline, text), (_, marked) in zip(read, blocks, strict=True)
    ]
    found[0] += filed_from(dateline)
    texts = tuple("" if _BYLINE.match(text) or _is_table(text) else text for _, text in read)
    return found, texts


def filed_from(dateline: str) -> list[Mention]:
    """Return the places of a dateline the reader recognised ("PEKING, March 11", "HOUSTON,
    Texas, March 3"): where a story was filed is a place it names. The first is a place though
    no list knows it ("GLEN ROCK, N.J." is Glen Rock, no person), but a bare one, with neither
    date, region nor agency, only if the gazetteer knows it ("WASHINGTON -"; a market report's
    heading, "GRADINGS - None posted", is shown as the wire set it, but names no place); a
    state's abbreviation and the date are not read (they only tell which town: "Ga." is no
    country)."""
    parts = [part.strip() for part in dateline.split(",")]
    first = parts[0].split()
    if not first or first[0].lower().rstrip(".") in CALENDAR or not parts[0][:1].isalpha():
        return []  # a date alone
    dated = next((i for i, w in enumerate(first) if i and w.lower().rstrip(".") in CALENDAR), 0)
    if dated:  # "JOHANNESBURG March 13": the date without its comma
        parts[0] = " ".join(first[:dated])
    bare = len(parts) == 1 and not dated and "(" not in dateline
    if bare and not _known(parts[0]):
        return []
    found = [Mention(PLACE, _known(parts[0]) or _respelt(parts[0]) or _town(parts[0]))]
    for part in parts[1:]:
        words = part.split()
        if not words or _ABBREVIATION.fullmatch(part) or part.lower().rstrip(".") in STATE_TOKENS:
            continue
        month = words[0].lower().rstrip(".")  # "Oct. 19" is a date
        if month not in CALENDAR and part[:1].isupper() and not part[:1].isdigit():
            found.append(Mention(PLACE, _known(part) or part))
    return found


# A state's or province's abbreviation after a dateline's town: "N.C", "Penn.", "B.C.", "W. Va."
_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,5}\.\s?){1,3}[A-Za-z]{0,3}\.?")


def _known(name: str) -> str:
    """Return the gazetteer's name for a place, also as wire copy spells an umlaut without it
    ("DUESSELDORF" is Düsseldorf), or ""."""
    names = gazetteer().names
    folded = key(name)
    plain = folded.replace("ue", "u").replace("oe", "o").replace("ae", "a")
    return names.get(folded) or (names.get(plain, "") if plain != folded else "")


def _respelt(name: str) -> str:
    """Return the gazetteer's name of a major place that a dateline's town spells with two
    letters swapped ("OKALHOMA CITY" is Oklahoma City), or ""."""
    folded, gaz = key(name), gazetteer()
    for at in range(len(folded) - 1):
        swapped = folded[:at] + folded[at + 1] + folded[at] + folded[at + 2 :]
        if swapped != folded and swapped in gaz.major and swapped in gaz.names:
            return gaz.names[swapped]
    return ""


def _town(name: str) -> str:
    """Return a town's name as a dateline's capitals hide it: each word capitalised."""
    return " ".join(word.capitalize() for word in name.split())


_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘']([^\"“”‘’'\n]{1,30})[\"”’']\s+(?=\w)")
_QUOTE_AFTER_SPACE = re.compile(r"[\"“‘'](?<=\s.)")  # found in any text _NICKNAME matches
_BRACKETED_NICKNAME = re.compile(r"\s\(([A-Z][a-z]{1,15})\)\s+(?=[A-Z])")  # "E. (Jim) Nugent"
_INITIAL = re.compile(r"[A-Z]\.")
_CREDIT = re.compile(
    r"[ \t]+(?:[A-Z]{2,6}|Reuters|Getty Images|Xinhua)(?: Photo)?[ \t]*/[ \t]*"
    r"(?:[A-Z][\w.'’-]*[ \t]*){1,4}$",
    re.MULTILINE,
)
_DATELINE = re.compile(r"\s*([^()\n]{2,60}?)\s*(?:\(([^()\n]{1,40})\))?\s*[-–—]{1,2}\s")
# Notes in brackets that wire copy adds to a headline, never an agency: "(REVISED)".
_WIRE_NOTES = frozenset(
    ["revised", "corrected", "correction", "update", "updated", "amended", "repeat"]
)
_BYLINE = re.compile(r"\s*By [A-Z]\S*(?: [A-Z]\S*){0,3}\s*$")


def _dateline(text: str) -> tuple[list[Mention], str]:
    """Read a leading "CULIACAN, Mexico (Reuters) -" dateline into mentions; return the rest."""
    opening = text[:64].lstrip()[:2]  # both belong to the first place, which is in capitals
    if len(opening) == 2 and (opening[0].islower() or opening[1].islower()):
        return [], text
    if not any(dash in text for dash in "-–—"):  # most often none: spare the pattern
        return [], text
    match = _DATELINE.match(text)
    places = [p.strip() for p in match.group(1).split(",")] if match else [""]
    head = gazetteer().names.get(key(places[0]))
    agencies = [a.strip() for a in (match.group(2) or "").split("/")] if match else []
    agencies = [a for a in agencies if a[:1].isupper() and a.lower() not in _WIRE_NOTES]
    # "TOKYO RUBBER (YEN PER KILO) - APRIL 07" is a price table's headline, no dateline: a
    # unit in the brackets, which no agency's name has a function word of
    if any(MINOR.intersection(a.lower().split()) for a in agencies):
        return [], text
    # "LONDON COCOA OPEN POSITION (REVISED) - APR 6" is a headline with a note, no dateline
    unknown = not head and (not agencies or len(places[0].split()) > 3)
    if not match or not places[0].isupper() or unknown:
        return [], text
    found = [Mention(PLACE, head or places[0].title())]
    for place in places[1:]:
        first = place.split()[0].lower() if place.split() else ""
        if place[:1].isupper() and first not in CALENDAR and first not in ORGS:  # ", Reuter -"
            found.append(Mention(PLACE, place))
    return found + [Mention(ORG, a) for a in agencies], text[match.end() :]


def _prepare(text: str) -> str:
    """Return text in NFC with photo credits cut and quoted nicknames inside names removed."""
    text = text if text.isascii() else unicodedata.normalize("NFC", text)
    text = _CREDIT.sub("", text) if "/ " in text or " /" in text else text
    if "reuter" in text[-12:].lower() and (sign_off := _SIGN_OFF.search(text, len(text) - 12)):
        text = text[: sign_off.start()]
    text = _without_bracketed_nicknames(text) if " (" in text else text
    text = _EDITORS_OF.sub(r" \1", text) if "(of " in text else text
    text = _EDITORS_NAME.sub(r"\1 ", text) if ") " in text else text
    text = _LOWERCASE_BANK.sub(_capital_bank, text) if "bank of " in text else text
    if _QUOTE_AFTER_SPACE.search(text) is None:
        return text

    def join(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
        inner = match.group(1).split()
        named = before and before[0][:1].isupper() and text[match.end()].isupper()
        if named and len(inner) <= 3 and all(w[:1].isupper() for w in inner):
            return " "
        return match.group(0)

    return _NICKNAME.sub(join, text)


# An editor's words in brackets inside a quotation go on with the name before them: "The Bank
# (of England) is worried", "Secretary (of State George) Shultz".
_EDITORS_OF = re.compile(r"(?<=\w) \((of [^()\n]{1,40})\)")
# An editor's words of three or more in brackets that end in a name the text goes on with: the
# brackets are no break in it ("(Brazilian Finance Minister Dilson) Funaro's visit").
_EDITORS_NAME = re.compile(r"\(([A-Z][\w.'-]*(?: [\w.'-]+){1,5} [A-Z][a-z]+)\) (?=[A-Z][a-z])")
# "The bank of England said": a lowercase "bank" before "of" and a place names that bank.
_LOWERCASE_BANK = re.compile(r"\b([Tt]he) bank of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?! [A-Z])")


def _capital_bank(match: re.Match[str]) -> str:
    """Return "the Bank of X" where X, all the capitalised words after "of", is a place the
    gazetteer knows ("the bank of Delaware County" stays as written), else the text as it is."""
    known = key(match.group(2)) in gazetteer().names
    return f"{match.group(1)} Bank of {match.group(2)}" if known else match.group(0)


def _without_bracketed_nicknames(text: str) -> str:
    """Return text without a given name in brackets after a given name or an initial and
    before a capitalised word: a nickname ("Commissioner James E. (Jim) Nugent" is James E.
    Nugent). Brackets holding no given name are kept: a firm's place or trade ("Ford Motor
    (Canada) Ltd", "Jardine Fleming (Securities) Ltd"), and so is one after a title or a
    firm's word ("Judge (Harold) Greene", "Securities (Alberta) Inc")."""
    given = first_names()

    def join(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
        opener = before[0] if before else ""
        named = _INITIAL.fullmatch(opener) or (opener.istitle() and opener.lower() in given)
        return " " if named and match.group(1).lower() in given else match.group(0)

    return _BRACKETED_NICKNAME.sub(join, text)


_MIXED_TICKER = re.compile(r"[A-Z][a-z]{1,3}[A-Z]{2,3}")  # an ADR's ticker: "<RtrSY>"
_EXCHANGE = re.compile(r"[A-Z]{1,5} [A-Z]{1,2}")  # a ticker and its exchange: "<ERIC ST>"
# and a town after it that ends a bank's name: "<First Federal Savings Bank> of Delaware"
_BRACKETED = re.compile(r"<([^<>\n]{1,80})>(?: of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b)?")
_BANK_HEADS = frozenset({"bank", "savings", "association", "bancorp", "bancshares", "bankshares"})
_TABLE_ROW = re.compile(r"\bvs\.? [-+(]?\d")  # "Shr 34 cts vs 1.19 dlrs", "Net 807 vs 2,858"
_SIGN_OFF = re.compile(
    r"(?:^|\s)Reuters?(?:\W|\^M)*$", re.IGNORECASE
)  # "Reuter", "REUTER...", "REUTER^M"


def _bracketed(block: str, headline: bool = False) -> tuple[str, list[Mention]]:
    """Take wire copy's <Company Name Inc> out of the text as an organisation (no word inside
    it is read on its own) and replace tickers like <CHEM> with a mark that ends the name
    before it ("Citicorp <CCI> and Chase Manhattan Corp" are two firms); in a body, not where
    the name goes on after the ticker ("Norcros <NCRO.L> Plc")."""
    if "<" not in block:
        return block, []
    marked: list[Mention] = []

    def unwrap(match: re.Match[str]) -> str:
        inner, where = " ".join(match.group(1).split()), match.group(2)
        tail = match.group(0)[match.end(1) - match.start() + 1 :]  # " of Delaware", or ""
        if not inner:  # "< >": brackets round nothing name no firm
            return " " + tail
        cased = inner.isupper() or inner.islower() or _MIXED_TICKER.fullmatch(inner)
        if cased and (" " not in inner or _EXCHANGE.fullmatch(inner)):
            # a ticker symbol, also in lowercase ("<mhs>") or mixed ("<RtrSY>")
            goes_on = not headline and block[match.end() : match.end() + 2].lstrip()[:1].isupper()
            # but not after an owner's possessive: "Dupont's <DD> Conoco Inc" is two firms
            goes_on = goes_on and not block[: match.start()].rstrip().endswith(("'s", "’s"))
            return ("" if goes_on else TICKER_MARK) + tail
        inner = _without_initials(inner)  # "Banca Nazionale del Lavoro BNL"
        if where and inner.split()[-1].lower() in _BANK_HEADS and key(where) in gazetteer().names:
            marked.extend([Mention(ORG, f"{inner} of {where}"), Mention(PLACE, where)])
            return " "
        marked.append(Mention(ORG, inner))
        return " " + tail

    return _BRACKETED.sub(unwrap, block), marked


def _without_initials(name: str) -> str:
    """Return a name without an acronym of its own initials after it ("Banca Nazionale del
    Lavoro BNL" is Banca Nazionale del Lavoro)."""
    words = name.split()
    initials = "".join(w[0] for w in words[:-1] if w[0].isupper())
    return " ".join(words[:-1]) if len(words) > 2 and words[-1] == initials else name


def _qualified(block: str, marked: list[Mention]) -> tuple[str, list[Mention]]:
    """Take a firm's name with a country or region in brackets before its legal form out of a
    block as one organisation: "Bache Securities (Japan) Ltd", "York International (Cyprus)
    Ltd" are not the Bache Securities and York International Corp of other stories (the
    bracket cut the name short); not a name joined to one before it ("Teck Hock and Co (Pte)
    Ltd", "Bank of Tokyo (Canada) Ltd"), read as before."""
    if ") " not in block or block.isupper():  # an all-capitals headline is not mined
        return block, marked
    found: list[Mention] = []

    def take(match: re.Match[str]) -> str:
        words = match.group(1).split()
        # what comes before the name: "Hong Kong-based", "Qintex Inc's", a sentence's end
        ends = [i for i, word in enumerate(words[:-1]) if _ends_before_name(word)]
        words = words[ends[-1] + 1 :] if ends else words
        while words and words[0] in _NOT_OPENING:
            words = words[1:]
        before = block[: match.start()].split()[-2:]
        joined = before[-1:] in (["and"], ["&"]) or (
            before[-1:] == ["of"] and before[0].lower() in ORG_HEADS  # "Bank of Tokyo (..."
        )
        private = match.group(2).lower() in _PRIVATE  # "Temasek Holdings (Pte) Ltd": itself
        formed = all(map(is_legal_form, match.group(3).split()))  # "Pty", "Pty Ltd"
        if not words or joined or private or not formed:
            return match.group(0)
        found.append(Mention(ORG, f"{' '.join(words)} ({match.group(2)}) {match.group(3)}"))
        return " "

    return _QUALIFIED.sub(take, block), marked + found


def _ends_before_name(word: str) -> bool:
    """Tell whether a word ends what comes before a firm's name: a base ("Hong Kong-based"),
    an owner ("Qintex Inc's"), a sentence ("... Utah International. BHP Petroleum")."""
    return word.endswith(("-based", "'s", "’s")) or (word.endswith(".") and len(word) > 5)


_QUALIFIED = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w&'’.-]*\s){1,5})\(([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\)\s"
    r"([A-Z][A-Za-z]{1,7}(?: Ltd| Limited)?)\b"
)
_PRIVATE = frozenset({"pte", "pty", "pvt", "private"})  # a legal form's part, not a place
_NOT_OPENING = frozenset({"The", "A", "An", "Its", "By", "From", "For", "In", "At", "Of"})


def _groups(block: str, marked: list[Mention]) -> tuple[str, list[Mention]]:
    """Take the finance ministers' groups out of a block as organisations, "Group of Seven" and
    "G-7" alike (one page: `entity_words.SAME_AS`); a run of capitals keeps no number word
    ("Group of Five and Group of Seven" was "Five and Group")."""
    if "Group of " not in block and "G-" not in block:
        return block, marked
    found = [Mention(ORG, match.group()) for match in _GROUP.finditer(block)]
    return (_GROUP.sub(" ", block), marked + found) if found else (block, marked)


_GROUP = re.compile(
    r"\bGroup of (?:Three|Five|Six|Seven|Ten|24|77)\b|(?<![\w-])G-(?:3|5|6|7|10|24|77)\b"
)


def _partnerships(block: str, marked: list[Mention]) -> tuple[str, list[Mention]]:
    """Take partnerships' names written with commas out of a block as organisations ("Piper,
    Jaffray and Hopwood Inc"): their partners are no places or people."""
    text, names = partnerships(block)
    return text, marked + [Mention(ORG, name) for name in names]


_SHIP_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
# A list of names after a plural ship's word: "the destroyers Kidd, Young, Leftwich and Hoel".
# A list only: "the vessels Kuwait had sought to release" names no ship.
_SHIP_LIST = re.compile(
    r"\b(?:ships|tankers|vessels|warships|battleships|frigates|destroyers|freighters|liners"
    rf"|ferries) ({_SHIP_NAME}(?:, {_SHIP_NAME})*,? and {_SHIP_NAME})\b"
)
_LIST_SEPARATOR = re.compile(r",? and |, ")
# Every plural ship's word of the pattern holds one of these: a plain search for them is much
# cheaper than the pattern, and most texts name no ships.
_SHIP_WORDS: tuple[str, ...] = ("ships", "tankers", "vessels", "frigates", "destroyers")
_SHIP_WORDS += ("freighters", "liners", "ferries")


def _ship_lists(text: str) -> list[Mention]:
    """Return the ships named in a list after a plural ship's word: no people or places."""
    if not any(word in text for word in _SHIP_WORDS):  # most often none: spare the pattern
        return []
    return [
        Mention(SHIP, name)
        for match in _SHIP_LIST.finditer(text)
        for name in _LIST_SEPARATOR.split(match.group(1))
    ]


def _is_table(text: str) -> bool:
    """Tell whether a block is a results table ("Shr 34 cts vs 1.19 dlrs") rather than prose:
    two comparisons and few words of prose ("The U.S. Agriculture Department estimated
    Canada's 1986/87 wheat crop at 31.85 mln tonnes, vs 31.85 mln tonnes last month ..." is
    prose, and names Canada)."""
    if text.find("vs", 0, 400) < 0 or len(_TABLE_ROW.findall(text, 0, 400)) < 2:
        return False
    words = _WORD.findall(text, 0, 400)
    prose = sum(1 for w in words if w.islower() and w not in TABLE_WORDS)
    return prose < _PROSE_SHARE * len(words)


_WORD = re.compile(r"[A-Za-z]{2,}")
_PROSE_SHARE = 0.3  # of a block's words, from which it reads as prose
