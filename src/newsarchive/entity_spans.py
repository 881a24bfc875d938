"""Find runs of capitalised words in a text, and read the few tokens around each that the
entity rules look at ("in", "President", "said", ", a town"), without tokenising the whole text.

One regular-expression scan per block finds the runs; only the one to three tokens around a run
that a rule reads are tokenised, exactly as tokenising the whole block would give them (a
property test holds the two to the same answer).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from .entity_cues import (
    ACCORD_AFTER,
    ACCORD_KINDS,
    CUES_AFTER,
    CUES_BEFORE,
    NUMBER_AFTER,
    ORES,
    PARTNERS_CUE,
    REGION_AFTER,
    ROLE_AFTER,
    SITE_AFTER,
)
from .entity_run_words import (
    firm_of_possessive,
    normal_word,
    peoples_republic,
    run_words,
    undotted,
)
from .entity_words import (
    ABBREVIATIONS,
    APPOSITION,
    BYLINE_CUES,
    CALENDAR,
    CONNECTORS,
    GIVEN_ABBREVIATIONS,
    HELD_BY_ON,
    LEGAL_FORMS,
    NUMERALS,
    OFFICE_AT,
    OFFICES,
    OPENERS,
    PARTICLES,
    PLACE_BEFORE,
    STATE_AFTER,
    STATE_TOKENS,
    STOP,
    UNIT_OF,
)
from .gazetteer import gazetteer

# What a span is read after when a word glued to its name comes before it: an ordinal or a
# plural possessive, "20th Century-Fox", "Consumers' Gas" (a run of capitals starts after it).
GLUED = ("'s",)
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_APOSTROPHES = frozenset({"'", "’"})
_ORE = "|".join(sorted(ORES))
_ORES_BEFORE_SITE = re.compile(
    rf"\s+(?:{_ORE})(?:(?:-|\s+and\s+|\s*,\s*)(?:{_ORE}))*\s+"
    rf"({'|'.join(sorted(w for (w,) in SITE_AFTER))})\b"
)
# ", a unit of", ", two wholly owned subsidiaries of", ", a Hong Kong daily": the name before
# is a firm's or a paper's ("Wen Wei Po, a Hong Kong daily, said": no person)
_UNIT_OF = re.compile(
    r"\s*,\s+(?:(?:an?|two|three|both)\s+(?:(?:wholly|majority)[- ]owned\s+)?"
    r"(?:units?|subsidiar(?:y|ies)|affiliates?)\s+of\b|(?:an?|the)\s+(?:[A-Z][\w.'-]*\s+){0,3}"
    r"(?:(?:daily|weekly|monthly)(?:\s+(?:news)?paper)?|(?:news)?paper|magazine)(?=\s*[,.;:)]))"
)

_STOPS = frozenset(".,;:!?")  # a token of its own after a word and before a space

# tokens after which a rule reads one more ("20th": the ordinal's number)
_READ_TWO = frozenset({".", "!", "?", "by", "of", "firm"}) | _ORDINALS | _APOSTROPHES
_OFFICE_AT = OFFICE_AT - {"of"}  # "of" is read two already

REACH = 200  # characters searched for a space before tokenising a whole text instead

TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_](?:[\w'’-]*\w)?|\d[\d.,:]*|[^\w\s]")

_LONE = frozenset('"“”‘()[]{};!?—–/&*+=<>|#@%$')  # characters always a token of their own

_UP = "[" + "".join(re.escape(c) for c in map(chr, range(0x2000)) if c.isupper()) + "]"
_LETTERS = r"[^\W\d_]*(?:['’-][^\W\d_]+)*"  # the rest of a word, "-" or "'" inside
# "Ing." goes on like "Dr.": an engineer's title ("Dr. Ing. H.C.F. Porsche AG"), no surname.
_HONORIFICS = "|".join(
    ("Mr|Mrs|Ms|Dr|Ing|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|St", *GIVEN_ABBREVIATIONS)
)
# "Jr." goes on only into a firm's legal form ("Wm. Wrigley Jr. Co"): elsewhere it may end a
# sentence.
_JUNIOR = r"(?<=[JS])r\.(?=\s+(?:Co|Cos|Corp|Inc|Ltd|Company)\b)"
# Lowercase particles a name goes on with after an initial or an honorific ("V. di Guevara",
# "Mr. de Klerk", "J. van der Merwe").
_NAME_PARTICLES = "|".join(sorted(PARTICLES - {"y", "el", "al", "bin", "ibn"}))
# "and" and an initial after an initial: "S. and W. Berisford Plc", one firm's initials.
_AND_INITIAL = rf"\s+and\s+{_UP}\.\s"
# After a capital: more initials ("U.S.", the last one undotted: "C.O.M.B Inc"), the rest of
# an honorific or initial ("Mr.", "J.") if a capital follows, or the rest of a word. The
# lookahead and lookbehinds keep failing cheap.
_AFTER_CAPITAL = (
    rf"(?:\.(?:{_UP}\.)+(?:{_UP}(?![\w.]))?|(?=[a-z]{{0,3}}\.)(?:"
    + "|".join(f"(?<={h[0]}){h[1:]}" for h in _HONORIFICS.split("|"))
    + rf")?\.(?=\s+(?:(?:{_NAME_PARTICLES})\s+){{0,2}}{_UP}|{_AND_INITIAL})|{_JUNIOR}|{_LETTERS})"
)
# A French or Italian particle glued to the name after it goes on in a name, like "de":
# "Valery Giscard d'Estaing", "Compagnie d'Assurances".
_GLUED = rf"(?:al|el|ad|as|bin|ibn|abu)-{_UP}\w*|[dl]['’]{_UP}\w*"
_WORD = rf"(?:{_UP}{_AFTER_CAPITAL}|{_GLUED})(?!\w|-\d)"
_JOINERS = "|".join(sorted(CONNECTORS))
# A foreign "and" before a legal form goes on in the name like "and": "Lazard Freres et Cie",
# "Brown Boveri und Cie" (before any other name it cuts the run short: "Bank Mees & Hope").
_AND_FORM = r"(?:et|und|en|&)(?=\s+(?:Cie|Co)\b)"
# A French "a" before a glued particle goes on too: "Caisse d'Aide a l'Equipement des
# Collectivites Locales".
_A_THE = r"a(?=\s+[dl]['’][A-Z])"
_MORE_WORDS = rf"(?:(?:\s+(?:{_JOINERS}|{_AND_FORM}|{_A_THE})){{0,2}}\s+{_WORD})*"


@functools.cache
def _runs() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns that find runs of capitalised words: for any text, for text with
    no "-" nor glued particle before a capital (no run can open with "al-", "bin-" or "d'": the
    pattern opens with the capital, so the scan skips to capitals quickly), and for those.
    Compiled when first needed, which a build that reads no article (most rebuilds) never is."""
    return (
        re.compile(rf"(?<![\w'’-]){_WORD}{_MORE_WORDS}"),
        re.compile(rf"{_UP}(?<![\w'’-].){_AFTER_CAPITAL}(?!\w|-\d){_MORE_WORDS}"),
        re.compile(rf"-{_UP}|(?<![\w'’-])[dl]['’]{_UP}"),
    )


_NON_SPACE = re.compile(r"\S+")
# Runs of one word that never name anything, whatever is around them ("The", "It", "May"): the
# rules trim such a word away, so no context is read for them.
_NOTHING_ALONE = frozenset(w.capitalize() for w in STOP | CALENDAR | CONNECTORS)

# A span's fields, unnamed so that a cache keys on them without building a _Span first.
_Fields = tuple[tuple[str, ...], bool, tuple[str, ...], tuple[str, ...], bool]


def spans(text: str) -> list[_Fields]:
    """Find runs of capitalised words, joined by particles like "de la" or "of", with context."""
    spans: list[_Fields] = []
    anywhere, after_capital, hyphen_capital = _runs()
    scan = anywhere if hyphen_capital.search(text) else after_capital
    for start, end in _with_subjects(text, scan.finditer(text)):
        run = text[start:end]
        if run in _NOTHING_ALONE:
            continue
        words, possessive, inside = run_words(run)
        if (
            words[-1].isupper()
            and words[-1].lower() in NUMERALS
            and text[start - 1 : start] in _QUOTES
        ):
            continue  # '"Beverly Hills Cop II"': a work's title and its sequel, no name
        if inside:
            spans += _split_run(text, start, end)
            continue
        before, after = _before(text, start), _after(text, end)
        spans.append((words, _opens_sentence(before), _cue(before), after, possessive))
    return spans


_QUOTES = frozenset('"“‘')  # before a run that a sequel's numeral ends: a work's title
_ON = re.compile(r"\s+on\s+")


def _with_subjects(text: str, runs: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Return where each run starts and ends, a body's name joined to its subject after "on"
    ("Presidential Commission on Good Government", "Inter-Governmental Group on Indonesia";
    not "the Commission on Monday", nor a firm, "Group on Kidde Inc", nor "Conference on
    Africa's", where the subject is no name)."""
    held: tuple[int, int] | None = None
    for run in runs:
        if held is not None:
            if _ON.fullmatch(text, held[1], run.start()) and _subject(run.group()):
                held = (held[0], run.end())
                continue
            yield held
        held = (run.start(), run.end())
        if run.group().rpartition(" ")[2].lower() not in HELD_BY_ON:
            yield held
            held = None
    if held is not None:
        yield held


def _subject(run: str) -> bool:
    """Tell whether a run after a body's "on" is its subject: no date, no firm, no possessive."""
    words = run.split()
    if words[0].lower() in STOP or words[0].lower().rstrip(".") in CALENDAR:
        return False
    last = words[-1].lower()
    return last.rstrip(".,") not in LEGAL_FORMS and not last.endswith(("'s", "’s"))


def _split_run(text: str, run_start: int, run_end: int) -> list[_Fields]:
    """Cut a run after each word that ends a name ("Cartel's", "Mexico-based") inside it."""
    spans: list[_Fields] = []
    start, words = run_start, []
    pieces = [p.group() for p in _NON_SPACE.finditer(text, run_start, run_end)]
    for i, piece in enumerate(_NON_SPACE.finditer(text, run_start, run_end)):
        word, closes = normal_word(piece.group())
        if closes and (firm_of_possessive(text, pieces, i) or peoples_republic(pieces, i)):
            word, closes = piece.group(), False  # "Moody's Investors Service Inc": one firm
        words.append(word)
        if closes or piece.end() == run_end:
            before, after = _before(text, start), _after(text, piece.end())
            initial = start == run_start and _opens_sentence(before)
            spans.append((undotted(tuple(words)), initial, _cue(before), after, closes))
            start, words = piece.end(), []
    return spans


def _before(text: str, end: int) -> tuple[str, ...]:
    """Return the token before a position, and the one before that if a rule reads it."""
    if text[end - 1 : end] == " ":  # most often a plain word, maybe with "." or ","
        opens = text.rfind(" ", 0, end - 1) + 1
        chunk = text[opens : end - 1]
        if chunk in _OFFICE_AT and opens > 1:  # "Ambassador to": the office is read too
            return text[text.rfind(" ", 0, opens - 1) + 1 : opens - 1], chunk
        if chunk.isalpha() and not _reads_two(chunk):
            return (chunk,)
        if len(chunk) > 1 and chunk[-1] in _STOPS and chunk[:-1].isalpha():
            return chunk[:-1], chunk[-1]
    if _splits(text, end):
        start, floor = end, max(0, end - REACH)
        while True:  # tokenise back from one space further each time
            space = text.rfind(" ", floor, max(floor, start - 2))
            if space < 0 < floor:
                break  # no space near enough
            start = space + 1
            tokens = TOKEN.findall(text, start, end)
            if len(tokens) > 1 or (tokens and not _reads_two(tokens[-1])) or not start:
                return tuple(tokens[-2:])
    every, starts = _tokens(text)
    i = bisect.bisect_left(starts, end)
    return every[max(0, i - 2) : i]


def _reads_two(token: str) -> bool:
    """Tell whether `_cue` or `_opens_sentence` reads the token before this one too."""
    return token.lower() in _READ_TWO or (len(token) == 1 and token.isalpha())  # "' N Pak"


def _cue(before: tuple[str, ...]) -> tuple[str, ...]:
    """Return the lowercased tokens before a span that a rule reads: "in", "city of", ..."""
    last = before[-1].lower() if before else ""
    word = before[-2] if len(before) > 1 else ""
    ordinal = last in _ORDINALS and word.isdigit()
    plural = last in "'’" and word[-1:] == "s" and word[:1].isupper()
    # "Pay 'N Pak Stores Inc", "Pay N' Pak": a letter glued to an apostrophe
    letter = (word in _APOSTROPHES and len(last) == 1 and last.isalpha()) or (
        last in _APOSTROPHES and len(word) == 1 and word.isupper()
    )
    if ordinal or plural or letter:
        return GLUED  # "20th Century-Fox Film Corp", "Consumers' Gas Co Ltd": cut short
    if last in OFFICE_AT and word.lower() in OFFICES:  # "Ambassador to Peking Octavio Valerio"
        return word.lower(), last
    if last == "firm" and (word.lower(), last) in PARTNERS_CUE:  # "law firm Baker and McKenzie"
        return word.lower(), last
    if len(before) > 1 and last in {"of", "by"}:
        pair = (before[-2].lower(), last)
        if pair in PLACE_BEFORE or (last == "by" and pair[0] in BYLINE_CUES):
            return pair
    return (last,) if last in CUES_BEFORE else ()


def _after(text: str, start: int) -> tuple[str, ...]:
    """Return the lowercased tokens after a span that a rule reads: "state", ", a town", ..."""
    if text[start : start + 1] == " ":  # most often a plain word, maybe with "." or ","
        end = text.find(" ", start + 1)
        chunk = text[start + 1 : len(text) if end < 0 else end]
        word = chunk if chunk.isalpha() else chunk[:-1]
        plain = word.isalpha() and (word is chunk or chunk[-1] in _STOPS)
        if plain and word not in ORES and word.lower() not in ACCORD_KINDS:
            return (word.lower(),) if word.lower() in CUES_AFTER else ()
    if _splits(text, start):
        tokens: list[str] = []
        at = start
        while len(tokens) < 3 and (match := TOKEN.search(text, at)):
            tokens.append(match.group().lower())
            at = match.end()
            if tokens[0] != "," and tokens[0] not in ACCORD_KINDS:
                break
    else:
        every, starts = _tokens(text)
        i = bisect.bisect_left(starts, start)
        tokens = [t.lower() for t in every[i : i + 3]]
    if tuple(tokens) in APPOSITION:
        return tuple(tokens)
    if tokens[:1] == [","] and _UNIT_OF.match(text, start):
        return UNIT_OF
    if tokens[:1] == [","] and len(tokens) > 1 and tokens[1] in ROLE_AFTER:
        return (",", tokens[1])  # "Beryl Sprinkel, chairman of ..."
    if tokens[:1] == [","] and len(tokens) > 1 and tokens[1] in STATE_TOKENS:
        return STATE_AFTER  # "a Shelby, N.C., savings bank": a town, whatever its name
    if tokens[:1] == [","] and len(tokens) > 1 and tokens[1] in gazetteer().regions:
        return REGION_AFTER  # "Culiacan, Mexico": a town, though it opens a sentence
    if tokens[:1] and is_ore(tokens[0]):  # "Richmond Hill gold and silver deposit"
        return _ore_site(text, start)
    if tokens[:1] and tokens[0] in ACCORD_KINDS and (accord := tuple(tokens[1:2])) in ACCORD_AFTER:
        return accord  # "the Paris currency accord"
    if tokens[:1] and _model_number(tokens[0]):
        return NUMBER_AFTER  # "Pontiac 6000 models", "its Delta 88": a model's number
    return tuple(tokens[:1]) if tokens[:1] and tokens[0] in CUES_AFTER else ()


def is_ore(token: str) -> bool:
    """Tell whether a lowercase token names ores: "gold", "lead-zinc"."""
    if "-" not in token:
        return token in ORES
    return all(part in ORES for part in token.split("-"))


def _ore_site(text: str, start: int) -> tuple[str, ...]:
    """Return the site's word after the ores that follow a span, if one follows them ("gold
    and silver deposit", "lead-zinc prospect"), as if it followed the span."""
    site = _ORES_BEFORE_SITE.match(text, start)
    return (site.group(1).lower(),) if site else ()


def _model_number(token: str) -> bool:
    """Tell whether a token is a whole number of two to four digits ("6000", "88."), as a
    model's name has, not a price, an amount or a year ("15.35", "5,000", "1987")."""
    number = token.rstrip(".,:")
    year = len(number) == 4 and number[:2] in ("19", "20")  # "Chicago 1987": a date
    return number.isdigit() and 2 <= len(number) <= 4 and not year


def _splits(text: str, i: int) -> bool:
    """Tell whether no token crosses position i, so each side can be tokenised on its own."""
    if i == 0 or i >= len(text):
        return True
    left, right = text[i - 1], text[i]
    if left.isspace() or right.isspace() or left in _LONE or right in _LONE:
        return True
    if left.isalpha():  # a word ends here unless "." makes it an initial, as in "U.S."
        return right in ",:" or (right == "." and i > 1 and text[i - 2].isalpha())
    return left in ",:." and right.isalpha() and (left != "." or text[i + 1 : i + 2] != ".")


@functools.lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return every token of a text and where each starts, for the rare unclear boundary."""
    matches = list(TOKEN.finditer(text))
    return tuple(m.group() for m in matches), tuple(m.start() for m in matches)


def _opens_sentence(before: tuple[str, ...]) -> bool:
    """Tell whether the token after these opens a sentence (or a quotation)."""
    if not before or before[-1] in OPENERS:
        return True
    if before[-1] not in {".", "!", "?"}:
        return False
    word = before[-2] if len(before) > 1 else ""
    return word.lower() not in ABBREVIATIONS and not (len(word) == 1 and word.isupper())
