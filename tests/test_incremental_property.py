"""Property: after any sequence of changes to a site, a cached build writes the same dist/ as a
cold build of the same inputs, byte for byte.

A small site (raw text and Markdown, sections and subsections, tags, dates, bylines, an exact
and a near duplicate, entity names) is changed step by step: articles added, deleted, edited,
renamed, retagged and redated, a template, site.yaml or entities.yaml changed. After every
step the site is built with the cache the earlier steps left (the "warm" build) and again from
nothing (a fresh output and a fresh --cache-dir, holding only the record of permanent
addresses, which is an input: docs/urls.md), and the two outputs must be identical.

CI runs a fixed sequence of every kind of change and a few generated ones, derandomised (the
same ones every run). A longer local run explores new sequences (_STEPS: their longest length;
_FILLER=1000: an archive big enough for the build to read and render in several processes;
_SEARCH=1: Pagefind in every build):

    NEWSARCHIVE_PROPERTY_EXAMPLES=300 NEWSARCHIVE_PROPERTY_RANDOM=1 NEWSARCHIVE_PROPERTY_STEPS=10 \
        python -m pytest -q tests/test_incremental_property.py

Run it with NEWSARCHIVE_DEBUG_KEYS=1 too: every page a cached build keeps is then rendered
anyway and must equal the file it keeps (render.DEBUG_KEYS).
"""

from __future__ import annotations

import difflib
import os
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_cli, tree

EXAMPLES = int(os.environ.get("NEWSARCHIVE_PROPERTY_EXAMPLES", "8"))
STEPS = int(os.environ.get("NEWSARCHIVE_PROPERTY_STEPS", "6"))
# Short notes beside the articles, on weather alone: their pages show none of the articles, so
# a key that misses something leaves some of them stale. From 1,000 the build reads and
# renders in several processes, paths a small site never takes (slow: for local runs).
FILLER = int(os.environ.get("NEWSARCHIVE_PROPERTY_FILLER", "8"))
SEARCH = bool(os.environ.get("NEWSARCHIVE_PROPERTY_SEARCH"))  # Pagefind in every build (slow)
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written to the working directory
    # the same sequences in every run (CI); NEWSARCHIVE_PROPERTY_RANDOM=1 explores new ones
    derandomize=not os.environ.get("NEWSARCHIVE_PROPERTY_RANDOM"),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # each example makes its own folder in tmp_path
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

PARAGRAPHS = (
    "Chancellor Gordon Brown told the European Union finance ministers in Brussels that the"
    " pound would stay outside the single currency for now.",
    "Midland Bank PLC said its profits rose sharply in the year, helped by lending in France"
    " and a recovery in its American business.",
    "ChemLawn Corp rejected the offer from Waste Management Inc, saying it undervalued the"
    " lawn care company and its shareholders.",
    "President Ronald Reagan met Prime Minister Margaret Thatcher in Washington to discuss"
    " trade, arms control and the Soviet Union.",
    "The harbour in Lisbon was closed after the storm, and ferries to Madeira were cancelled"
    " for a second day running.",
    "Shares in London closed higher as investors bought banks and insurers after the Bank of"
    " England left interest rates unchanged on Thursday.",
    "By Jane Doe",
)
LONG = (
    "The European Commission proposed new rules on farm subsidies that would cut support"
    " prices for cereals, milk and beef over three years, a change that France and Ireland"
    " have said they will fight. Farm ministers meet in Luxembourg next week to discuss the"
    " plan, which the Commission says would save money and bring production closer to"
    " demand. Farmers' groups in Germany and Britain said the cuts went too far, while"
    " consumer groups said they did not go far enough to lower food prices in the shops."
)
TITLES = (
    "Brown keeps pound out",
    "Midland Bank profits rise",
    "ChemLawn rejects offer",
    "Reagan meets Thatcher",
    "Storm closes Lisbon harbour",
    "Farm subsidy plan",
)
TAGS = ("economy", "banks", "farming", "politics")
DATES = (None, "2024-01-05", "2024-01-20", "2023-12-31", "2024-03-02")
FOLDERS = ("", "world/", "world/europe/", "business/")
DATELINES = ("", "PARIS, Jan 5 (Reuters) -", "LONDON, March 3 (Reuters) -")
FRONT_MATTER = {  # a key's first value removes it
    "slug": ("", "brown-pound", "farm-plan"),
    "section": ("", "world/asia", "business"),
    "author": ("", "Jane Doe", "John Smith"),
    "summary": ("", "A short summary written by an editor."),
}
SAME_SIZE = (("three", "seven"), ("pound", "penny"), ("Lisbon", "Lisboa"))
STYLES = ("", "body { color: #222 }\n", "h1 { font-size: 2rem }\n")

CONFIG = {
    "title": ("News Archive", "The Daily Record"),
    "per_page": (20, 1, 2),
    "related_count": (5, 0, 1),
    "entity_min_articles": (2, 1, 3),
    "menu_depth": (1, 2),
    "permalink": ("articles/{slug}/", "{section}/{year}/{slug}/"),
    "timezone": ("UTC", "America/New_York"),
    "default_section": ("News", "Front"),
    "feed_size": (20, 1),
    "base_url": ("", "https://example.org/news/"),
}
ENTITIES = (
    "",
    "aliases:\n  Gordon Brown: [Chancellor Brown, Mr Brown]\n",
    "kinds:\n  Midland: place\nblock:\n  - France\n",
    "block:\n  - Gordon Brown\nkinds:\n  ChemLawn: organisation\n",
)
TEMPLATE_EDITS: dict[str, tuple[str, tuple[str, ...]]] = {
    # template: (the text a probe goes after, probes that show more of the page's inputs)
    "article.html": (
        '<footer class="story-footer">',
        (
            '<p class="probe">{% for r in related %}{{ r.article.title }}/{{ r.article.word_count }}'
            "/{{ r.tags|length }};{% endfor %}{% if next_entry %}{{ next_entry.article.title }}"
            "{% endif %}{% if prev_entry %}{{ prev_entry.article.summary }}{% endif %}</p>",
            '<p class="probe">{% for s in story %}{{ s.article.title }}{% endfor %}'
            "{% for c in copies %}{{ c.path }}{% endfor %}{{ entry.id }}</p>",
        ),
    ),
    "_macros.html": (
        "{% set article = entry.article %}",
        (
            '<p class="probe">{{ entry.tags|map(attribute="name")|join(",") }}'
            " {{ entry.entities|length }} {{ entry.id }}</p>",
        ),
    ),
    "base.html": (
        "{% block main %}{% endblock %}",
        (
            '<p class="probe">{% for s in nav %}{{ s.name }}:{{ s.members|length }} {% endfor %}</p>',
        ),
    ),
    "term.html": (
        "<h1>{{ heading }}</h1>",
        ('<p class="probe">{{ term.members|length }} {{ term.key }}</p>',),
    ),
}


@dataclass(frozen=True)
class Doc:
    """One article file as the test writes it."""

    markdown: bool
    title: str
    paragraphs: tuple[str, ...]
    date: str | None = None
    tags: tuple[str, ...] = ()
    dateline: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # other front matter: slug, section, author, summary

    def text(self) -> str:
        """Return the file's text: front matter (if any), then the headline and paragraphs."""
        meta = [f"date: {self.date}"] if self.date else []
        meta += [f"tags: [{', '.join(self.tags)}]"] if self.tags else []
        meta += [f"{key}: {value}" for key, value in self.extra]
        paragraphs = list(self.paragraphs)
        if self.dateline and paragraphs:
            paragraphs[0] = f"{self.dateline} {paragraphs[0]}"
        if self.markdown:
            head = "---\n" + "\n".join([f"title: {self.title}", *meta]) + "\n---\n\n"
            return head + "\n\n".join(paragraphs) + "\n"
        head = "---\n" + "\n".join(meta) + "\n---\n" if meta else ""
        return head + self.title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def initial_site() -> dict[str, Doc]:
    """Return the site every sequence starts from, by path under articles/."""
    midland = Doc(True, TITLES[1], (PARAGRAPHS[1], LONG), "2024-01-20", ("banks",))
    return filler(FILLER) | {
        "2024-01-05-brown.txt": Doc(
            False, TITLES[0], (PARAGRAPHS[0], PARAGRAPHS[6]), dateline=DATELINES[1]
        ),
        "world/europe/midland.md": midland,
        "archive/midland.md": midland,  # an exact duplicate
        "world/midland-near.md": replace(
            midland, title="Midland profits up", paragraphs=(LONG.replace("three", "four"),)
        ),
        "business/chemlawn.txt": Doc(False, TITLES[2], (PARAGRAPHS[2], PARAGRAPHS[5])),
        "reagan.md": Doc(True, TITLES[3], (PARAGRAPHS[3],), "2023-12-31", ("politics",)),
    }


def filler(count: int) -> dict[str, Doc]:
    """Return `count` short notes on the weather, each worded differently."""
    words = ("rain", "wind", "frost", "snow", "fog", "sleet", "hail", "sun", "cloud", "mist")
    notes = {}
    for n in range(count):
        picked = [words[(n * 7 + k * (n % 11 + 2)) % len(words)] for k in range(12)]
        notes[f"notes/note-{n:04d}.txt"] = Doc(False, f"Notice {n}", (" ".join(picked) + f" {n}.",))
    return notes


@dataclass
class Project:
    """A site on disk and the model of its articles; builds it warm and cold."""

    root: Path
    docs: dict[str, Doc] = field(default_factory=initial_site)
    config: dict[str, object] = field(default_factory=dict)
    added: int = 0

    def write(self) -> None:
        """Write every article, site.yaml, and a copy of the project's templates."""
        for rel, doc in self.docs.items():
            self.save(rel, doc)
        (self.root / "site.yaml").write_text("", encoding="utf-8")
        shutil.copytree(ROOT / "templates", self.root / "templates")
        shutil.copytree(ROOT / "static", self.root / "static")

    def save(self, rel: str, doc: Doc) -> None:
        """Write one article file and record it in the model."""
        path = self.root / "articles" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text(), encoding="utf-8")
        self.docs[rel] = doc

    def pick(self, index: int) -> str:
        """Return the path of an existing article, chosen by a number."""
        names = sorted(self.docs)
        return names[index % len(names)]

    def build(self, name: str, cache: Path, pagefind: bool) -> tuple[int, str]:
        """Build the site into root/name with the cache folder `cache`; return (code, output)."""
        code, out, err = run_cli(
            "--articles",
            str(self.root / "articles"),
            "--output",
            str(self.root / name),
            "--config",
            str(self.root / "site.yaml"),
            "--templates",
            str(self.root / "templates"),
            "--static",
            str(self.root / "static"),
            "--cache-dir",
            str(cache),
            "--jobs",
            "2" if FILLER >= 1000 else "1",
            "-q",
            *([] if pagefind else ["--no-pagefind"]),
        )
        return code, out + err

    def check(self, step: str, pagefind: bool = False) -> None:
        """Build warm and cold and assert the outputs (and address records) are identical."""
        cold_cache = self.root / "cache-cold"
        shutil.rmtree(cold_cache, ignore_errors=True)
        shutil.rmtree(self.root / "cold", ignore_errors=True)
        cold_cache.mkdir()
        records = ("permalinks.json", "topics.json")  # inputs, not caches: docs/urls.md
        for name in records:
            if (self.root / "cache-warm" / name).exists():
                shutil.copy(self.root / "cache-warm" / name, cold_cache / name)
        warm_code, warm_said = self.build("warm", self.root / "cache-warm", pagefind)
        cold_code, cold_said = self.build("cold", cold_cache, pagefind)
        assert warm_code == cold_code == 0, f"after {step}:\n{warm_said}\n{cold_said}"
        assert_same_tree(self.root / "warm", self.root / "cold", step)
        for name in records:
            warm, cold = self.root / "cache-warm" / name, cold_cache / name
            assert warm.read_bytes() == cold.read_bytes(), f"after {step}: {name}"


def assert_same_tree(warm: Path, cold: Path, step: str) -> None:
    """Fail naming the first files that differ between two outputs, with a diff of one."""
    mine, theirs = tree(warm), tree(cold)
    if mine == theirs:
        return
    differing = sorted(p for p in mine.keys() | theirs.keys() if mine.get(p) != theirs.get(p))
    lines = [f"after {step}: {len(differing)} files differ between cached and cold builds:"]
    for path in differing[:10]:
        where = "both" if path in mine and path in theirs else "warm" if path in mine else "cold"
        lines.append(f"  {path} ({where})")
    first = next((p for p in differing if p in mine and p in theirs), None)
    if first is not None and first.endswith((".html", ".json", ".xml", ".txt")):
        old = (warm / first).read_text(encoding="utf-8").splitlines()
        new = (cold / first).read_text(encoding="utf-8").splitlines()
        diff = difflib.unified_diff(old, new, f"warm/{first}", f"cold/{first}", lineterm="", n=1)
        lines.extend(list(diff)[:40])
    pytest.fail("\n".join(lines), pytrace=False)


# Each operation is a tuple: its name, then small numbers the operation reads modulo its choices.
small = st.integers(min_value=0, max_value=63)
OPERATIONS = st.one_of(
    st.tuples(st.just("add"), small, small, st.booleans(), small),
    st.tuples(st.just("delete"), small),
    st.tuples(st.just("edit body"), small, small, st.booleans()),
    st.tuples(st.just("edit headline"), small, small),
    st.tuples(st.just("rename"), small, small),
    st.tuples(st.just("retag"), small, st.sets(st.sampled_from(TAGS), max_size=3)),
    st.tuples(st.just("redate"), small, small),
    st.tuples(st.just("copy"), small),
    st.tuples(st.just("front matter"), small, st.sampled_from(sorted(FRONT_MATTER)), small),
    st.tuples(st.just("same-size edit"), small, small),
    st.tuples(st.just("touch"), small),
    st.tuples(st.just("nothing")),
    st.tuples(st.just("forget addresses")),
    st.tuples(st.just("static"), small),
    st.tuples(st.just("template"), st.sampled_from(sorted(TEMPLATE_EDITS)), small),
    st.tuples(st.just("config"), st.sampled_from(sorted(CONFIG)), small),
    st.tuples(st.just("entities"), small),
)


def apply(project: Project, operation: tuple[object, ...]) -> str:
    """Apply one operation to the project's files; return what it did, for a failure."""
    name, *args = operation
    if name == "nothing":
        return "nothing"
    if name == "forget addresses":  # the records are inputs (docs/urls.md): deleted by hand
        for record in ("permalinks.json", "topics.json"):
            (project.root / "cache-warm" / record).unlink(missing_ok=True)
        return name
    if name in ("template", "config", "entities", "static"):
        return _apply_setting(project, str(name), args)
    return _apply_article(project, str(name), args)


def _apply_article(project: Project, name: str, args: list[object]) -> str:
    """Add, delete, edit, rename, retag, redate or copy an article."""
    articles = project.root / "articles"
    if name == "add":
        text, folder, markdown, date = (int(a) if not isinstance(a, bool) else a for a in args)
        project.added += 1
        rel = f"{FOLDERS[folder % len(FOLDERS)]}new-{project.added}.{'md' if markdown else 'txt'}"
        pool = (*PARAGRAPHS[:6], LONG)
        doc = Doc(
            bool(markdown),
            TITLES[text % len(TITLES)],
            (pool[text % len(pool)], pool[(text // 7) % len(pool)]),
            DATES[date % len(DATES)],
            dateline="" if markdown else DATELINES[date % len(DATELINES)],
        )
        project.save(rel, doc)
        return f"add {rel}"
    rel = project.pick(int(args[0]))  # type: ignore[call-overload]
    doc = project.docs[rel]
    if name == "delete":
        if len(project.docs) == 1:
            return "delete (skipped: the last article)"
        (articles / rel).unlink()
        del project.docs[rel]
    elif name == "edit body":
        pool = (*PARAGRAPHS, LONG)
        new = pool[int(args[1]) % len(pool)]  # type: ignore[call-overload]
        paragraphs = (*doc.paragraphs, new) if args[2] else (*doc.paragraphs[:-1], new)
        project.save(rel, replace(doc, paragraphs=paragraphs))
    elif name == "edit headline":
        project.save(rel, replace(doc, title=TITLES[int(args[1]) % len(TITLES)]))  # type: ignore[call-overload]
    elif name == "rename":
        target = f"{FOLDERS[int(args[1]) % len(FOLDERS)]}moved-{int(args[1]) % 5}{Path(rel).suffix}"  # type: ignore[call-overload]
        if target in project.docs:
            return f"rename {rel} (skipped: {target} exists)"
        (articles / target).parent.mkdir(parents=True, exist_ok=True)
        (articles / rel).rename(articles / target)
        project.docs[target] = project.docs.pop(rel)
        return f"rename {rel} -> {target}"
    elif name == "retag":
        project.save(rel, replace(doc, tags=tuple(sorted(args[1]))))  # type: ignore[call-overload]
    elif name == "redate":
        project.save(rel, replace(doc, date=DATES[int(args[1]) % len(DATES)]))  # type: ignore[call-overload]
    elif name == "front matter":
        key, choice = str(args[1]), int(args[2])  # type: ignore[call-overload]
        value = FRONT_MATTER[key][choice % len(FRONT_MATTER[key])]
        extra = tuple((k, v) for k, v in doc.extra if k != key) + ((key, value),) * bool(value)
        project.save(rel, replace(doc, extra=extra))
    elif name == "same-size edit":  # the same size, written within the same second
        old, new = SAME_SIZE[int(args[1]) % len(SAME_SIZE)]  # type: ignore[call-overload]
        if old not in doc.text():
            old, new = new, old
        swapped = tuple(p.replace(old, new) for p in doc.paragraphs)
        project.save(rel, replace(doc, title=doc.title.replace(old, new), paragraphs=swapped))
    elif name == "touch":  # the same bytes written again
        project.save(rel, doc)
    elif name == "copy":
        project.added += 1
        target = f"copy-{project.added}{Path(rel).suffix}"
        project.save(target, doc)
        return f"copy {rel} -> {target}"
    return f"{name} {rel} {args[1:]}"


def _apply_setting(project: Project, name: str, args: list[object]) -> str:
    """Change a template, a site.yaml setting or entities.yaml."""
    if name == "template":
        template, choice = str(args[0]), int(args[1])  # type: ignore[call-overload]
        anchor, probes = TEMPLATE_EDITS[template]
        options = ("", *probes)
        probe = options[choice % len(options)]
        original = (ROOT / "templates" / template).read_text(encoding="utf-8")
        assert anchor in original, f"templates/{template} no longer has {anchor!r}"
        text = original.replace(anchor, anchor + probe, 1)
        (project.root / "templates" / template).write_text(text, encoding="utf-8")
        return f"template {template}: {probe or 'as shipped'}"
    if name == "static":
        style = STYLES[int(args[0]) % len(STYLES)]  # type: ignore[call-overload]
        original = (ROOT / "static" / "style.css").read_text(encoding="utf-8")
        (project.root / "static" / "style.css").write_text(original + style, encoding="utf-8")
        return f"static/style.css: {style!r}"
    if name == "config":
        key, choice = str(args[0]), int(args[1])  # type: ignore[call-overload]
        project.config[key] = CONFIG[key][choice % len(CONFIG[key])]
        lines = [f"{k}: {_yaml(v)}" for k, v in sorted(project.config.items())]
        (project.root / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f"site.yaml {key}: {project.config[key]}"
    text = ENTITIES[int(args[0]) % len(ENTITIES)]  # type: ignore[call-overload]
    (project.root / "entities.yaml").write_text(text, encoding="utf-8")
    return f"entities.yaml: {text!r}"


def _yaml(value: object) -> str:
    """Return a setting as YAML (quoted text, so '{slug}' stays a string)."""
    return f'"{value}"' if isinstance(value, str) else str(value)


def run_sequence(root: Path, operations: list[tuple[object, ...]], pagefind: bool = False) -> None:
    """Build the initial site, then apply each operation and compare warm with cold."""
    project = Project(root)
    project.write()
    code, said = project.build("warm", root / "cache-warm", pagefind)
    assert code == 0, said
    done: list[str] = []
    for operation in operations:
        done.append(apply(project, operation))
        project.check(" ; ".join(done), pagefind)


EVERY_KIND = [  # each kind of change once, run first in every run (indexes pick files modulo)
    ("edit headline", 13, 4),  # world/midland-near.md, one of the newest
    ("redate", 0, 4),
    ("retag", 3, {"farming", "banks"}),
    ("add", 4, 1, True, 1),
    ("front matter", 1, "slug", 1),
    ("rename", 2, 3),
    ("edit body", 12, 3, True),
    ("same-size edit", 12, 0),
    ("template", "article.html", 1),
    ("config", "per_page", 2),
    ("entities", 1),
    ("static", 1),
    ("touch", 5),
    ("copy", 0),
    ("delete", 14),
    ("forget addresses",),
    ("nothing",),
]


@PROPERTY
@example(operations=EVERY_KIND)
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=STEPS))
def test_a_cached_build_equals_a_cold_build_after_any_changes(tmp_path, operations):
    root = Path(os.path.join(tmp_path, f"site-{len(list(tmp_path.iterdir()))}"))
    root.mkdir()
    run_sequence(root, operations, pagefind=SEARCH)


def test_with_search_a_cached_build_equals_a_cold_build(tmp_path):
    """One fixed sequence with the Pagefind index on (slow, so not random)."""
    root = tmp_path / "site"
    root.mkdir()
    sequence: list[tuple[object, ...]] = [
        ("rename", 2, 3),
        ("add", 4, 1, True, 1),
        ("edit body", 0, 3, True),
    ]
    run_sequence(root, sequence, pagefind=True)


def test_forgetting_the_address_record_gives_the_addresses_a_cold_build_gives(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    run_sequence(root, [("edit headline", 0, 4), ("forget addresses",)])
