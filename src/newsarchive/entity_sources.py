"""Names a story cites as its source, which say nothing of what it is about: the wire
agencies ("a spokesman told Reuters") and the broadcasters named after their cities ("Tehran
radio said"). `entity_things.unsaid` takes their mentions out of an article's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .entity_names import written_whole

NEWS_AGENCIES = frozenset(
    {"Reuters", "Reuter", "AP", "Associated Press", "AFP", "Agence France-Presse", "UPI"}
    | {"United Press International", "Kyodo", "Kyodo News", "Kyodo News Agency", "Xinhua"}
    | {"Tass", "dpa"}
)
"""Wire agencies, which a story cites as its source far more often than it is about them."""
_CITING = frozenset({"told", "tell", "tells", "telling", "by", "with", "to", "a", "an", "from"})
_CITED = frozenset({"said", "says", "reported", "reports", "quoted", "survey", "poll", "query"})
_CITED_TOO = frozenset({"review", "inquiries", "interview", "calculations", "correspondent"})
_DIGEST = re.compile(r"REUTERS?\s+(?:[A-Z]+\s+){0,3}HIGHLIGHTS\b")
"""The heading of the agency's own digest of the day's news, which names no news of it."""


def cited_agency(name: str, texts: Sequence[str]) -> bool:
    """Tell whether a wire agency is only cited by a story as its source, never its subject:
    "a spokesman told Reuters", "in an interview with Reuters", "a Reuters survey", "Kyodo
    News Agency said" (on Reuters-21578, 867 stories say "told Reuters"; a page of them says
    nothing about Reuters), or the heading of its own digest ("REUTER MONEY NEWS HIGHLIGHTS").
    Reuters Holdings Plc's own news names the firm."""
    if name.title() not in NEWS_AGENCIES and name not in NEWS_AGENCIES:
        return False
    cited = False
    for text in texts:
        if _DIGEST.match(text):  # "REUTER COMMODITIES NEWS HIGHLIGHTS 1600 GMT": its digest
            cited = cited or any(True for _ in written_whole(text, name))
            continue
        for at, end in written_whole(text, name):
            before = "".join(text[max(0, at - 16) : at].split()[-1:]).lower()
            after = "".join(text[end : end + 16].split()[:1]).strip(".,;:").lower()
            if before not in _CITING and after not in _CITED | _CITED_TOO:
                return False
            cited = True
    return cited


_CITED_BROADCAST = re.compile(
    r"\s+(?:radio|Radio|television|Television|TV)"
    r"(?:,|\s+(?:said|says|reported|reports|quoted|quotes|added|announced|broadcast)\b)"
)
"""A broadcaster cited as a story's source after a city's name: "Tehran radio said"."""


def broadcast_only(name: str, texts: Sequence[str]) -> bool:
    """Tell whether a story writes a city's name only as that of its country's broadcaster,
    cited as its source ("Tehran radio said", "Hanoi radio reported", "Tehran radio,
    monitored by the BBC"): the story need not be about the city (on Reuters-21578, 4 of the
    37 stories on Tehran's page and one of Hanoi's 2). A station in the city is the city's:
    "two Denver radio stations", "a Sydney radio station", "a London television interviewer"."""
    cited = False
    for text in texts:
        for _, end in written_whole(text, name):
            if not _CITED_BROADCAST.match(text, end):
                return False
            cited = True
    return cited
