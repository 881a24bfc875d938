"""Tell apart the savings banks that many towns give one name: "First Federal" is First Federal
Bank FSB in Nashua, First Federal Savings Bank of Delaware, First Federal Savings and Loan
Association of Beloit, Kansas, ... ; "United Savings and Loan Association" one in Greenwood,
S.C. and one in Ogden, Utah. A page that lists them all says something false of each.

Reading an article (`bank_marks`), a bank's name made only of the words such banks share
("First Federal", "Home Savings and Loan Association", "City Federal Savings Bank") is marked,
as a party of a common name is (`entity_homes.HOME`), with where it is: the state or country
the text writes with it ("... of Delaware", "..., Ogden, Utah", "... of Beloit, Kansas"), else
the dateline's ("NASHUA, N.H."; "LONDON": GB). Gathering its pages (`entity_homes.at_homes`),
each place its stories are in gets one, as each country a party's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .entity_homes import FILED, HOME, dateline_country
from .entity_names import ORG, written_before
from .entity_towns import known_key, state_of
from .gazetteer import gazetteer, key

_BANK_WORDS = frozenset(
    {"first", "federal", "savings", "and", "loan", "association", "bank", "national", "home"}
    | {"united", "american", "security", "trust", "city", "citizens", "peoples", "people's"}
    | {"community", "state", "guaranty", "mutual", "financial", "bancorp", "banc", "of", "the"}
    | {"fsb", "f.a.", "fa", "sa", "corp", "inc", "co"}
)
_BANKING = frozenset({"federal", "savings", "loan", "bank", "bancorp", "banc", "trust"})
# What a text writes after a bank's name to say where it is: "of Delaware", ", Ogden, Utah",
# " of Beloit, Kansas", "(Delaware)".
_WHERE = re.compile(
    r"(?:,| of| in|\s\()\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:,\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?))?"
)


def generic_bank(name: str) -> bool:
    """Tell whether an organisation's name is a savings bank's made only of words many
    towns' banks share: "First Federal", "Home Savings and Loan Association"; not "Columbia
    First Federal Savings and Loan Association" nor "Bank of America"."""
    words = [word.strip(",").lower() for word in name.split()]
    return (
        len(words) > 1
        and all(word in _BANK_WORDS for word in words)
        and not _BANKING.isdisjoint(words)
        and words[-1] != "of"
    )


def bank_marks(
    mentions: Sequence[tuple[str, str]], texts: Sequence[str], dateline: str
) -> tuple[tuple[str, str], ...]:
    """Return a (HOME, "bank\\tplace") mark for each bank of a common name the article names,
    with the state ("US-DE") or country ("GB") the text writes with it, else its dateline's;
    none where neither says."""
    marks = []
    firms = [name for kind, name in mentions if kind == ORG]
    for name in firms:
        if generic_bank(name):
            # "First Federal", short for the story's "First Federal Savings and Loan
            # Association of Beloit, Kansas": where its longer name is
            longer = [firm for firm in firms if firm.startswith(f"{name} ")]
            where = next(filter(None, (_written(n, texts) for n in (*longer, name))), "")
            filed = _filed(dateline)
            where = where or (filed + FILED if filed else "")
            if where:
                marks.append((HOME, f"{name}\t{where}"))
    return tuple(marks)


def _written(name: str, texts: Sequence[str]) -> str:
    """Return where a text writes a bank of this name is: a state, or a town and its state,
    after it ("First Federal Savings Bank of Delaware", "United Savings and Loan Association,
    Ogden, Utah"), or ""."""
    for text in texts:
        for match in written_before((name,), _WHERE, text):
            for part in (match.group(2), match.group(1)):
                if part and (state := state_of(part)):
                    return f"US-{state[0]}"
            if town_state := gazetteer().states.get(known_key(key(match.group(1)))):
                return f"US-{town_state}"  # "... of Beloit": the gazetteer's Beloit's state
    return ""


def _filed(dateline: str) -> str:
    """Return where a dateline says a story was filed: the state written after its town, else
    its town's in the gazetteer ("NASHUA, N.H.": US-NH), else its country's code outside the
    United States, or ""."""
    parts = [part.strip() for part in dateline.split(",")]
    if len(parts) > 1 and (state := state_of(parts[1])):
        return f"US-{state[0]}"
    if town_state := gazetteer().states.get(known_key(key(parts[0]))):
        return f"US-{town_state}"
    country = dateline_country(dateline)
    return "" if country == "US" else country  # "NEW YORK": which state's bank is unsaid
