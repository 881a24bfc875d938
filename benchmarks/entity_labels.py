"""Measure entity extraction on Reuters-21578: label recall, a page sample to judge, and CPU time.

    python benchmarks/entity_labels.py [--articles DIR] [--labels FILE] [--files N]
                                       [--sample K] [--seed S] [--top T] [--show NAME]

Reads N labelled files (a seeded random sample, default 4000) with newsarchive's own reader,
catalogues them with the default settings (`entity_min_articles: 2`) and prints:

- recall of Reuters' PLACES and PEOPLE labels, counted only where the body (not the all-caps
  headline) names the entity with one of the forms in the tables below; an article recalls a
  label when one of its published entity chips is that entity;
- CPU time of entity extraction (`entities.article_entities`: candidates and officer
  marks) per 400 words of text, and of an article of 350 to 450 words;
- with `--sample K`, K random entity pages per kind with two contexts each, to judge by hand
  (the judged sample is kept in benchmarks/entity_judgement_reuters.md);
- with `--top T`, the T pages per kind with the most articles (the most read, to check first);
- with `--show NAME` (again for more), every article of the pages of that name, with its
  context: to check a judge's verdict against what the page holds.

The code -> name tables say what each Reuters label means and how a body names it. A place is
recalled when a place chip has the canonical name's key; a person when a person chip's name
ends with the surname and, if it has a first name, that first name is the table's.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.entity_words import LEGAL_FORMS, STOP
from newsarchive.gazetteer import fold
from newsarchive.loader import read_article
from newsarchive.models import Article, SourceFile

REUTERS = Path("/work/data/reuters")

# Place codes whose name is not the code in title case, with the forms a body names them by.
PLACES: dict[str, tuple[str, ...]] = {
    "usa": ("United States", "U.S.", "USA", "U.S.A."),
    "uk": ("United Kingdom", "Britain", "Great Britain", "U.K.", "UK"),
    "ussr": ("Soviet Union", "USSR", "U.S.S.R."),
    "uae": ("United Arab Emirates", "UAE", "U.A.E."),
    "west-germany": ("West Germany",),
    "east-germany": ("East Germany",),
    "trinidad-tobago": ("Trinidad and Tobago", "Trinidad"),
    "yemen-arab-republic": ("North Yemen", "Yemen Arab Republic"),
    "yemen-demo-republic": ("South Yemen",),
    "us-virgin-islands": ("U.S. Virgin Islands", "Virgin Islands"),
    "kampuchea": ("Kampuchea", "Cambodia"),
    "burma": ("Burma", "Myanmar"),
    "ivory-coast": ("Ivory Coast",),
    "papua-new-guinea": ("Papua New Guinea",),
    "antigua": ("Antigua",),
}

# Person codes -> (full name, surname as a body writes it).
PEOPLE: dict[str, tuple[str, str]] = {
    "alfonsin": ("Raul Alfonsin", "Alfonsin"),
    "andriessen": ("Frans Andriessen", "Andriessen"),
    "aqazadeh": ("Gholamreza Aqazadeh", "Aqazadeh"),
    "aquino": ("Corazon Aquino", "Aquino"),
    "babangida": ("Ibrahim Babangida", "Babangida"),
    "balladur": ("Edouard Balladur", "Balladur"),
    "bangemann": ("Martin Bangemann", "Bangemann"),
    "boesky": ("Ivan Boesky", "Boesky"),
    "bond": ("Alan Bond", "Bond"),
    "bresser-pereira": ("Luiz Carlos Bresser Pereira", "Bresser Pereira"),
    "brodersohn": ("Mario Brodersohn", "Brodersohn"),
    "camdessus": ("Michel Camdessus", "Camdessus"),
    "carlsson": ("Ingvar Carlsson", "Carlsson"),
    "cavaco-silva": ("Anibal Cavaco Silva", "Cavaco Silva"),
    "chirac": ("Jacques Chirac", "Chirac"),
    "ciampi": ("Carlo Azeglio Ciampi", "Ciampi"),
    "conable": ("Barber Conable", "Conable"),
    "concepcion": ("Jose Concepcion", "Concepcion"),
    "corrigan": ("Gerald Corrigan", "Corrigan"),
    "cossiga": ("Francesco Cossiga", "Cossiga"),
    "dauster": ("Jorio Dauster", "Dauster"),
    "de-clercq": ("Willy De Clercq", "De Clercq"),
    "de-kock": ("Gerhard De Kock", "De Kock"),
    "de-la-madrid": ("Miguel De La Madrid", "De La Madrid"),
    "de-larosiere": ("Jacques De Larosiere", "De Larosiere"),
    "del-mazo": ("Alfredo Del Mazo", "Del Mazo"),
    "delors": ("Jacques Delors", "Delors"),
    "deng-xiaoping": ("Deng Xiaoping", "Deng"),
    "douglas": ("Roger Douglas", "Douglas"),
    "du-plessis": ("Barend Du Plessis", "Du Plessis"),
    "duisenberg": ("Wim Duisenberg", "Duisenberg"),
    "eyskens": ("Mark Eyskens", "Eyskens"),
    "fernandez": ("", "Fernandez"),
    "fujioka": ("Masao Fujioka", "Fujioka"),
    "gandhi": ("Rajiv Gandhi", "Gandhi"),
    "garcia": ("Alan Garcia", "Garcia"),
    "goria": ("Giovanni Goria", "Goria"),
    "greenspan": ("Alan Greenspan", "Greenspan"),
    "halikias": ("Dimitris Halikias", "Halikias"),
    "haughey": ("Charles Haughey", "Haughey"),
    "hawke": ("Bob Hawke", "Hawke"),
    "herrington": ("John Herrington", "Herrington"),
    "hisham-nazer": ("Hisham Nazer", "Nazer"),
    "howard-baker": ("Howard Baker", "Baker"),
    "icahn": ("Carl Icahn", "Icahn"),
    "james-baker": ("James Baker", "Baker"),
    "james-miller": ("James Miller", "Miller"),
    "jaruzelski": ("Wojciech Jaruzelski", "Jaruzelski"),
    "johnston": ("", "Johnston"),
    "kaufman": ("Henry Kaufman", "Kaufman"),
    "keating": ("Paul Keating", "Keating"),
    "khomeini": ("Ruhollah Khomeini", "Khomeini"),
    "kiechle": ("Ignaz Kiechle", "Kiechle"),
    "king-fahd": ("", "Fahd"),
    "kohl": ("Helmut Kohl", "Kohl"),
    "kullberg": ("Duane Kullberg", "Kullberg"),
    "lange": ("David Lange", "Lange"),
    "languetin": ("Pierre Languetin", "Languetin"),
    "lawson": ("Nigel Lawson", "Lawson"),
    "leigh-pemberton": ("Robin Leigh-Pemberton", "Leigh-Pemberton"),
    "lukman": ("Rilwanu Lukman", "Lukman"),
    "lyng": ("Richard Lyng", "Lyng"),
    "machinea": ("Jose Luis Machinea", "Machinea"),
    "macsharry": ("Ray MacSharry", "MacSharry"),
    "mancera-aguayo": ("Miguel Mancera Aguayo", "Mancera"),
    "martens": ("Wilfried Martens", "Martens"),
    "masse": ("Marcel Masse", "Masse"),
    "maxwell": ("Robert Maxwell", "Maxwell"),
    "mikulic": ("Branko Mikulic", "Mikulic"),
    "mitterrand": ("Francois Mitterrand", "Mitterrand"),
    "miyazawa": ("Kiichi Miyazawa", "Miyazawa"),
    "mohammed-ali-abal-khail": ("Mohammed Ali Abal-Khail", "Abal-Khail"),
    "mousavi": ("Mir Hossein Mousavi", "Mousavi"),
    "mulroney": ("Brian Mulroney", "Mulroney"),
    "murdoch": ("Rupert Murdoch", "Murdoch"),
    "nakasone": ("Yasuhiro Nakasone", "Nakasone"),
    "oeien": ("Arne Oeien", "Oeien"),
    "okongwu": ("Chu Okongwu", "Okongwu"),
    "ongpin": ("Jaime Ongpin", "Ongpin"),
    "ozal": ("Turgut Ozal", "Ozal"),
    "papandreou": ("Andreas Papandreou", "Papandreou"),
    "perez-de-cuellar": ("Javier Perez De Cuellar", "Perez De Cuellar"),
    "petricioli": ("Gustavo Petricioli", "Petricioli"),
    "pickens": ("Boone Pickens", "Pickens"),
    "poehl": ("Karl Otto Poehl", "Poehl"),
    "prawiro": ("Radius Prawiro", "Prawiro"),
    "reagan": ("Ronald Reagan", "Reagan"),
    "rubio": ("Mariano Rubio", "Rubio"),
    "ruding": ("Onno Ruding", "Ruding"),
    "russell": ("", "Russell"),
    "ryzhkov": ("Nikolai Ryzhkov", "Ryzhkov"),
    "sarney": ("Jose Sarney", "Sarney"),
    "schlueter": ("Poul Schlueter", "Schlueter"),
    "singhasaneh": ("Suthee Singhasaneh", "Singhasaneh"),
    "siregar": ("Arifin Siregar", "Siregar"),
    "sourrouille": ("Juan Sourrouille", "Sourrouille"),
    "sprinkel": ("Beryl Sprinkel", "Sprinkel"),
    "steeg": ("Helga Steeg", "Steeg"),
    "stich": ("Otto Stich", "Stich"),
    "stoltenberg": ("Gerhard Stoltenberg", "Stoltenberg"),
    "subroto": ("", "Subroto"),
    "suharto": ("", "Suharto"),
    "sumita": ("Satoshi Sumita", "Sumita"),
    "takeshita": ("Noboru Takeshita", "Takeshita"),
    "tamura": ("Hajime Tamura", "Tamura"),
    "thatcher": ("Margaret Thatcher", "Thatcher"),
    "verity": ("William Verity", "Verity"),
    "volcker": ("Paul Volcker", "Volcker"),
    "von-weizsaecker": ("Richard Von Weizsaecker", "Von Weizsaecker"),
    "wang-bingqian": ("Wang Bingqian", "Wang"),
    "wilson": ("Michael Wilson", "Wilson"),
    "yeutter": ("Clayton Yeutter", "Yeutter"),
    "young": ("", "Young"),
    "zhao-ziyang": ("Zhao Ziyang", "Zhao"),
}


def place_forms(code: str) -> tuple[str, ...]:
    """Return the canonical name of a place code first, then the other forms a body uses."""
    return PLACES.get(code) or (code.replace("-", " ").title(),)


def names_in(body: str, forms: tuple[str, ...]) -> bool:
    """Tell whether the body has one of the forms as whole words, capitalised as given."""
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", body) for f in forms)


def person_recalled(code: str, chips: list[str]) -> bool:
    """Tell whether a person chip names the labelled person: the surname's words in a row and,
    if the chip has more words and the table a first name, that first name among them."""
    full, surname = PEOPLE[code]
    tail, first = fold(surname).split("-"), fold(full).split("-")[0] if full else ""
    for chip in (fold(c).split("-") for c in chips):
        runs = [chip[i : i + len(tail)] for i in range(len(chip) - len(tail) + 1)]
        if tail in runs and (chip == tail or not first or first in chip):
            return True
    return False


def read(folder: Path, rels: list[str]) -> list[Article]:
    """Read the files with newsarchive's reader, skipping any it skips."""
    found = [read_article(SourceFile.at(folder / rel, rel))[0] for rel in rels]
    return [a for a in found if a is not None]


def cpu_per_400_words(articles: list[Article]) -> tuple[float, float, int]:
    """Return CPU milliseconds per 400 words of extracting every article once, in a fresh
    process (this one's caches are warm from reading) with the gazetteer already loaded; the
    mean CPU milliseconds of an article of 350 to 450 words among them (issue 20's "a
    400-word article": Reuters' stories are mostly short, and a short one costs more a word),
    and how many such articles there are."""
    texts = [(a.title, list(a.paragraphs)) for a in articles]
    words = [len(" ".join((t, *ps)).split()) for t, ps in texts]
    child = subprocess.run(
        [sys.executable, "-c", TIMER],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = [float(line) for line in child.stdout.split()]
    near = [cpu for cpu, n in zip(seconds, words, strict=True) if 350 <= n <= 450]
    return (
        sum(seconds) * 1000 / (sum(words) / 400),
        sum(near) * 1000 / max(len(near), 1),
        len(near),
    )


TIMER = """
import json, sys, time
from newsarchive import entities
from newsarchive.gazetteer import gazetteer
texts = json.load(sys.stdin)
gazetteer()
for title, paragraphs in texts:
    started = time.process_time()
    entities.article_entities(title, paragraphs)
    print(time.process_time() - started)
"""


def main() -> None:
    """Print recall, CPU time and, if asked, a sample of pages to judge."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=REUTERS / "articles")
    parser.add_argument("--labels", type=Path, default=REUTERS / "labels.json")
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--show", action="append", default=[], metavar="NAME")
    options = parser.parse_args()
    labels = json.loads(options.labels.read_text())
    rels = sorted(labels)
    rels = sorted(random.Random(options.seed).sample(rels, min(options.files, len(rels))))
    articles = read(options.articles, rels)
    print(f"{len(articles)} articles read", file=sys.stderr)
    site = build_site(SiteConfig(pagefind=False), articles)
    by_source = {e.article.source: e for e in site.entries}
    bodies = {a.source: "\n".join(a.paragraphs) for a in articles}
    texts = {a.source: f"{a.title}\n{bodies[a.source]}" for a in articles}  # for contexts
    tally = {"place": [0, 0], "person": [0, 0]}
    missed: dict[str, list[str]] = {"place": [], "person": []}
    for rel, entry in by_source.items():
        chips = {k: [t.name for t in entry.entities if t.kind == k] for k in tally}
        for code in labels[rel]["places"]:
            forms = place_forms(code)
            if names_in(bodies[rel], forms):
                hit = fold(forms[0]) in map(fold, chips["place"])
                tally["place"][0] += hit
                tally["place"][1] += 1
                missed["place"] += [] if hit else [f"{rel}: {code}"]
        for code in labels[rel]["people"]:
            if names_in(bodies[rel], (PEOPLE[code][1],)):
                hit = person_recalled(code, chips["person"])
                tally["person"][0] += hit
                tally["person"][1] += 1
                missed["person"] += [] if hit else [f"{rel}: {code} {chips['person']}"]
    for kind, (hit, named) in tally.items():
        print(f"{kind} recall where the body names it: {hit}/{named} = {hit / max(named, 1):.1%}")
    for kind, misses in missed.items():
        print(f"missed {kind} (first 15):", *misses[:15], sep="\n  ")
    per_words, near, count = cpu_per_400_words(articles)
    print(f"entity extraction: {per_words:.3f} ms CPU per 400 words; an article of 350-450")
    print(f"words ({count} of them): {near:.3f} ms")
    kinds = {
        k: [t for t in site.entities if t.kind == k] for k in ("person", "place", "organisation")
    }
    print({k: len(v) for k, v in kinds.items()})
    for kind, terms in kinds.items() if options.top else ():
        ranked = sorted(terms, key=lambda t: (-len(t.members), t.name))[: options.top]
        print(f"\n## top {options.top} {kind} pages by articles")
        print(*(f"- {t.name} ({len(t.members)})" for t in ranked), sep="\n")
    rng = random.Random(options.seed)
    for kind, terms in kinds.items() if options.sample else ():
        print(f"\n## {kind}")
        for term in rng.sample(terms, min(options.sample, len(terms))):
            print(f"- {term.name} ({len(term.members)})")
            for member in term.members[:2]:
                source = site.entries[member].article.source
                print(f"    {context(texts.get(source, ''), term.name)}")
    for term in (t for t in site.entities if t.name in options.show):
        print(f"\n## {term.kind} {term.name} ({len(term.members)})")
        for member in term.members:
            source = site.entries[member].article.source
            print(f"- {source}: {context(texts.get(source, ''), term.name)}")


def context(text: str, name: str) -> str:
    """Return up to 60 characters either side of the name in a text (headline and body): where
    it stands alone if it does anywhere, not inside a longer capitalised name ("China" in "in
    China", not "China Great Wall Industries Co"). Where the text does not write the whole
    name, the context of its last word (its first, if the last is a legal form such as "Inc"),
    marked with that word; where it writes either only in capitals or without accents ("SAO
    CARLOS" for "São Carlos"), that context, marked so."""
    words = name.split()
    word = words[0] if words[-1].rstrip(".").lower() in LEGAL_FORMS else words[-1]
    for find, mark in ((standalone, ""), (_folded_find, "[in other case or accents] ")):
        for part in (name, word):
            if (at := find(text, part)) >= 0:
                mark += "" if part == name else f"[only '{part}'] "
                return mark + " ".join(text[max(0, at - 60) : at + len(part) + 60].split())
    return "(not in headline or body)"


def _folded_find(text: str, name: str) -> int:
    """Return where a name first occurs in a text, case and accents aside, else -1."""
    return _fold_chars(text).find(_fold_chars(name))


def _fold_chars(text: str) -> str:
    """Return the text lowercased and without accents, one character for each of its own (so
    places found in it are places in the text)."""
    return "".join(unicodedata.normalize("NFKD", c)[0].lower()[0] for c in text)


def standalone(text: str, name: str) -> int:
    """Return where a name first stands alone in a text (no capitalised word or number glued
    on either side; a possessive may follow, "North Yemen's"), else where it first occurs,
    else -1."""
    first = -1
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?=['’]s\b|[^\w'’-]|$)", text):
        first = match.start() if first < 0 else first
        before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
        after = text[match.end() : match.end() + 40].split()[:1]
        glued_before = bool(before) and before[0][:1].isupper() and before[0][-1] not in ".:;\"'"
        glued_before = glued_before and before[0].lower() not in STOP
        glued_after = bool(after) and (after[0][:1].isupper() or after[0][:1].isdigit())
        if not glued_before and not glued_after:
            return match.start()
    return first


if __name__ == "__main__":
    main()
