"""Tell the names that many bodies share: "Public Service Commission" (Texas's, New York's),
"First Federal Savings Bank", "Communist Party" (China's, the Soviet Union's). Such a name
alone says not which body it is, so its page is left for review (`entity_catalog.gather`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .entity_bounds import is_country
from .entity_names import ORG, is_demonym
from .entity_words import GENERIC, LEGAL_FORMS, ORG_HEADS, ORG_NAMES
from .gazetteer import fold, gazetteer

_NATION = "nation:"  # marks a qualifier that is a country or its people


def qualifiers(
    postings: Iterable[tuple[str, str]], identity: Callable[[str], str]
) -> dict[str, set[str]]:
    """Index organisations' keys by the places other names qualify them with: "Public Service
    Commission" by "texas" and "new-york" (Texas Public Service Commission, New York Public
    Service Commission), "First Federal Savings Bank" by "decatur" (... of Decatur). Named so
    by more than one place, the name alone says not which; named so by one country or its
    people ("Japanese Export-Import Bank", "Chinese Communist Party"), the name alone is a body
    that other countries have too. `identity` gives the key of an organisation's name."""
    gaz, found = gazetteer(), dict[str, set[str]]()
    for kind, name in postings:
        parts = fold(name).split("-") if kind.rstrip("?") == ORG else []
        for i in range(1, min(4, len(parts) - 1)):  # "new-york" + "public-service-commission"
            where = "-".join(parts[:i])
            national = _NATION if _national(where, parts[-1]) else ""
            if national or (where in gaz.major and not is_country(where)):
                # a state or a city, not "Federal"; a country's body: "Chinese Communist Party"
                rest = identity("-".join(parts[i:]))
                found.setdefault(rest, set()).add(national + where)
        at = parts.index("of") if "of" in parts else 0
        head, where = parts[at - 1] if at > 1 else "", "-".join(parts[at + 1 :])
        if head in ORG_HEADS and head not in LEGAL_FORMS and where in gaz.names:
            found.setdefault("-".join(parts[:at]), set()).add(where)
    return {k: v for k, v in found.items() if k not in ORG_NAMES}


def generic(qualifiers: set[str]) -> bool:
    """Tell whether a name qualified so elsewhere is one that many bodies share: by more than
    one place, or by one country or people."""
    return len(qualifiers) > 1 or any(q.startswith(_NATION) for q in qualifiers)


def _national(where: str, head: str) -> bool:
    """Tell whether a name's opening words are a country or its people qualifying a body many
    countries have ("Chinese Communist Party", "Soviet Communist Party", "Japan Socialist
    Party"): its name alone says not which."""
    national = is_country(where) or is_demonym(where)
    return national and head in GENERIC and head not in LEGAL_FORMS
