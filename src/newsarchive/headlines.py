"""What a wire headline says beyond its words: figures, stock symbols, the companies they
stand for, which way a company moved, and the words that name a session or a legal form.

``stories`` reads these cues to tell one story from two items on one template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .similarity import terms

_SESSION_WORD_LIST = """
    openi open trend close closi clsg midda midaf morni after noon repea corre updat final flash
    opg rpt edt est gmt inc corp co ltd plc
"""
SESSION_WORDS = frozenset(_SESSION_WORD_LIST.split())
"""Five-letter prefixes of the headline words that name a session or an edition of a report
(and the legal suffixes a headline drops or keeps at will), not what it reports."""

RESEND_WORDS = frozenset(["rpt", "repea", "corre"])
"""Prefixes of the headline words that mark a re-sent or corrected item ("RPT - ...")."""

_MONTH_LIST = "january february march april june july august september october november december"
_MONTH_NAMES = _MONTH_LIST.split()  # not "may": in a headline it is far more often the verb
MONTHS = (
    {name: name[:3] for name in _MONTH_NAMES}
    | {name[:3]: name[:3] for name in _MONTH_NAMES}
    | {name[:5]: name[:3] for name in _MONTH_NAMES}
    | {"sept": "sep"}
)
LEGAL_WORDS = frozenset(["inc", "corp", "co", "ltd", "plc", "group", "cos"])
"""The legal forms a headline drops from a company's name ("CHRYSLER" for Chrysler Corp)."""

_ACTION_WORDS = {
    "acquire": "buy buys buying bought acquire acquires acquired acquiring acquisition purchase",
    "dispose": "sell sells selling sold sale divest divests divested dispose disposes disposed",
    "raise": "raise raises raised raising increase increases increased hike hikes boost boosts",
    "lower": "cut cuts cutting lowers lowered reduce reduces reduced trim trims trimmed",
}
ACTIONS = {word: side for side, words in _ACTION_WORDS.items() for word in words.split()}
"""The words that say which way a company moved (bought or sold, raised or cut), by side; not
"lower", far more often the adjective ("Lower House")."""

LEAD_ACTIONS = frozenset({"acquire", "dispose"})
"""The sides read from the lead when the headline takes none ("OPPENHEIMER HAS SIX PCT OF
CYCLOPS": "... it has acquired 243,400 shares"); a lead's raises and cuts are as often of
something else ("cut the fill rate")."""

_TOPIC_WORDS = {
    "payout": "dividend dividends payout payouts",
    "capital": "issue rights offering debenture debentures notes eurobond eurobonds warrants",
    "results": "profit profits earnings results loss losses",
    "buyback": "buyback repurchase repurchases purchases",
    "deal": "merger takeover buyout acquisition acquire acquires bid bids tender stake",
}
_GOODS = """
    wheat corn maize barley oats sorghum rice soybean soybeans soyoil semolina flour cotton
    sugar coffee cocoa tea rubber cattle hogs pork beef lamb gold silver copper tin zinc
    nickel aluminium aluminum platinum palladium crude gasoline heating propane coal uranium
    lumber plywood tapioca palm rapeseed sunflower wool
"""
TOPICS = {word: topic for topic, words in _TOPIC_WORDS.items() for word in words.split()} | {
    word: word for word in _GOODS.split()
}
"""The words that say what kind of news an item is (a company's payout, capital issue,
results, buyback or deal; the goods a crop, trade or price report is about), by kind: one
company's announcements of two kinds, or one source's reports on two goods, are two items."""

LEAD_TOPICS = frozenset(TOPICS.values()) - {"results"}
"""The kinds read from a lead as well: a lead names results as a payout's period as often as
news of its own ("... will increase its dividend on results in the year")."""

OPPOSITE_ACTIONS = (("acquire", "dispose"), ("raise", "lower"))
"""Sides that are two moves, never one: acquiring a stake and selling it, raising and cutting."""

_FIGURE = re.compile(r"\(\d\)|\[\d\]|\d+(?:[.,/:]\d+)*|[a-z]+")
_TICKER = re.compile(r"<([^<>]*)>")
_LISTED = re.compile(r"([^<>]*?)\s*<[^<>]*>")
_WORDS = re.compile(r"[a-z]+")
_LEAD_FIRM = re.compile(r"((?:\(?[A-Z][\w.&'-]*\)?\s+){1,6})<[A-Z0-9.]+>")
_LEAD_UNLISTED = re.compile(r"(?:[A-Za-z][\w-]*\s+){0,3}<([A-Z][^<>]*[a-z][^<>]*)>")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3]):?[0-5]\d")


def figures(headline: str) -> frozenset[str]:
    """Return a headline's numbers and months ("7-APR" and "APRIL 07" give {"7", "apr"}), but
    not clock times ("11:30", "1100") and part numbers ("(2)")."""
    found = set()
    for token in _FIGURE.findall(headline.casefold()):
        if token[0] in "([" or (len(token) >= 4 and _CLOCK.fullmatch(token)):
            continue
        if token[0].isdigit():
            found.add(token.lstrip("0") or "0")
        elif token in MONTHS:
            found.add(MONTHS[token])
    return frozenset(found)


_SESSIONS = {"morning": "am", "am": "am", "afternoon": "pm", "pm": "pm"}
"""Headline words that name one of a day's two sessions ("LME METAL KERBS MORNING", "...
AFTERNOON"); opening, closing and clock times are points of one session's updates."""


def sessions(headline: str) -> frozenset[str]:
    """Return the sessions (morning or afternoon) a headline names."""
    return frozenset(
        _SESSIONS[word] for word in _WORDS.findall(headline.casefold()) if word in _SESSIONS
    )


def tickers(headline: str) -> frozenset[str]:
    """Return the stock symbols a wire headline gives in angle brackets ("GOULD <GLD> SELLS")."""
    return frozenset(_TICKER.findall(headline))


def core(name: str) -> frozenset[str]:
    """Return the prefixes of a name's terms but its legal form ("chrysler corp" gives
    {"chrys"})."""
    return prefixes(name) - LEGAL_WORDS


def actions(text: str) -> frozenset[str]:
    """Return the sides (``ACTIONS``) a text's words take."""
    return frozenset(ACTIONS[word] for word in _WORDS.findall(text.casefold()) if word in ACTIONS)


def topics(text: str) -> frozenset[str]:
    """Return the kinds of announcement (``TOPICS``) a text's words name."""
    return frozenset(TOPICS[word] for word in _WORDS.findall(text.casefold()) if word in TOPICS)


def listed(headline: str) -> frozenset[str]:
    """Return the prefix of the last word but a legal form before each stock symbol of a
    headline: the company it stands for ("CERADYNE INC <CRDN>" gives {"cerad"})."""
    found = set()
    for before in _before_symbols(headline):
        words = [term[:5] for term in terms(before) if term[:5] not in LEGAL_WORDS]
        found.update(words[-1:])
    return frozenset(found)


def companies(headline: str) -> frozenset[str]:
    """Return the prefixes of the words but legal forms before a headline's stock symbols: the
    names of the companies they stand for ("CANADA STOCKS/DOME PETROLEUM LTD <DMP>" gives
    {"canad", "stock", "dome", "petro"})."""
    return frozenset().union(*map(prefixes, _before_symbols(headline))) - LEGAL_WORDS


def _before_symbols(headline: str) -> list[str]:
    """Return what comes before each of a headline's stock symbols (most headlines have none:
    the pattern, tried from every character, is not)."""
    return _LISTED.findall(headline) if "<" in headline else []


def lead_firm(lead: str) -> frozenset[str]:
    """Return the prefixes of the name a lead opens with when a stock symbol follows it, or
    that it gives in angle brackets within its first words (Reuters' mark of an unlisted
    company), legal forms aside: the company it reports on ("Hutchison Whampoa Ltd <HWHH.HK>
    expects ..." gives {"hutch", "whamp"}, "The Bermuda registered <Jardine Matheson and Co
    Ltd> has ..." {"jardi", "mathe"}), empty when it opens otherwise."""
    found = _LEAD_FIRM.match(lead) or _LEAD_UNLISTED.match(lead)
    return prefixes(found.group(1)) - LEGAL_WORDS if found else frozenset()


def symbols(headline: str) -> frozenset[str]:
    """Return a headline's stock symbols without their exchange ("CYCR.O" gives "CYCR")."""
    return frozenset(ticker.split(".")[0].strip().upper() for ticker in tickers(headline))


def prefixes(text: str) -> frozenset[str]:
    """Return the five-letter prefixes of a text's terms."""
    return prefixes_of(terms(text))


def prefixes_of(words: Iterable[str]) -> frozenset[str]:
    """Return the five-letter prefixes of a text's terms (`similarity.terms`) made already."""
    return frozenset(term[:5] for term in words)


def first_term(name: str) -> str:
    """Return the prefix of a name's first term."""
    return next((term[:5] for term in terms(name)), "")


def first_core(name: str) -> str:
    """Return the prefix of a name's first term but a legal form ("The Chrysler Corp" gives
    "chrys")."""
    return next((term[:5] for term in terms(name) if term[:5] not in LEGAL_WORDS), "")
