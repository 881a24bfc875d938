"""Search: the file:// fallback index (content, folding, sharding), the search page, Pagefind output."""

from __future__ import annotations

import json
import random
import re
from array import array
from pathlib import Path

import numpy as np
import pytest

from newsarchive import pagefind_cbor, search, search_pagefind, search_spelling, search_terms
from newsarchive.catalog import build_site
from newsarchive.config import SiteConfig
from newsarchive.entity_heads import HEAD
from newsarchive.entity_homes import HOME
from newsarchive.entity_officers import OFFICER
from newsarchive.loader import discover, read_article
from newsarchive.loader.markup import plain_paragraphs
from newsarchive.models import Article

from conftest import Built, tree, write_files

SEARCH_PAGE = "search/index.html"
INDEX = "search-index"


def dated(title: str, date: str, body: str, **extra: str) -> str:
    """Return a Markdown article with front matter."""
    fields = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return f"---\ntitle: {title}\ndate: {date}\n{fields}---\n\n{body}\n"


NEWS = {
    "articles/world/2023-01-05-culiacan.md": dated(
        "Gunmen set Culiacán ablaze",
        "2023-01-05",
        "Soldiers detained Ovidio Guzmán López in Sinaloa on Thursday.\n\n"
        "The airport halted flights while a thunderstorm of bullets hit an airliner.",
        tags="[Cartels]",
    ),
    "articles/world/2022-03-01-harbour.md": dated(
        "Harbour reopens after storm",
        "2022-03-01",
        "Fishing boats returned to the harbour of Valparaíso on Monday.",
        tags="[Zapateado]",
    ),
    "articles/sport/2023-06-10-final.md": dated(
        "Cup final ends in a draw",
        "2023-06-10",
        "Both teams scored twice in the final at the national stadium.",
    ),
    "articles/sport/2023-06-11-final-copy.md": dated(
        "Cup final ends in a draw",
        "2023-06-10",
        "Both teams scored twice in the final at the national stadium.",
    ),
}


def js_data(path: Path) -> tuple[str, object]:
    """Return the name and data that one index script registers."""
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r'newsarchiveSearchIndex\("([\w-]+)",(.*)\);\n', text, re.S)
    assert match, f"{path.name} is not a registration call"
    return match.group(1), json.loads(match.group(2))


def decode(text: str, shift: int = 4) -> list[tuple[int, int]]:
    """Decode a posting string into (doc, field bits), as static/search.js does."""
    out, number, previous = [], 0, 0
    for char in text:
        digit = search.ALPHABET.index(char)
        number = number * 32 + (digit & 31)
        if digit >= 32:
            continue
        previous += number >> shift
        out.append((previous, number & ((1 << shift) - 1)))
        number = 0
    return out


class Index:
    """The fallback index of a built site, read back the way the browser reads it."""

    def __init__(self, dist: Path) -> None:
        self.folder = dist / INDEX
        self.manifest = js_data(self.folder / "manifest.js")[1]
        assert isinstance(self.manifest, dict)
        self.postings: dict[str, list[tuple[int, int]]] = {}
        self.stem: dict[str, str] = {}  # a word -> the stem whose postings it shares
        for number in range(len(self.manifest["shards"])):
            name, pairs = js_data(self.folder / f"t{number:04d}.js")
            assert name == f"t{number:04d}" and isinstance(pairs, list)
            for term, encoded in pairs:
                if encoded.startswith("="):
                    self.stem[term] = encoded[1:]
                else:
                    self.postings.setdefault(term, []).extend(decode(encoded))

    def found(self, term: str) -> list[tuple[int, int]]:
        """Return the (doc, field bits) a query word finds: its own and its stem's, as search.js."""
        return self.postings.get(term, []) + self.postings.get(self.stem.get(term, ""), [])

    def doc(self, number: int) -> list[object]:
        """Return the stored record of one document."""
        per = self.manifest["per"]
        data = js_data(self.folder / f"d{number // per:04d}.js")[1]
        assert isinstance(data, list)
        record = data[number % per]
        assert isinstance(record, list)
        return record

    def titles(self, term: str) -> list[str]:
        """Return the headlines of the documents a term is posted to, best fields first."""
        ranked = sorted(self.found(term), key=lambda p: (-p[1], p[0]))
        return [str(self.doc(doc)[1]) for doc, _ in ranked]

    def fields(self, term: str, title: str) -> int:
        """Return the field bits of a term in the document with this headline."""
        return next(bits for doc, bits in self.found(term) if self.doc(doc)[1] == title)


def section_of(built: Built, source: str) -> str:
    """Return the section name the catalog gave an article, from articles.json."""
    records = json.loads(built.page("articles.json"))
    return str(next(r["section"] for r in records if r["source"] == source))


@pytest.fixture
def news(build_site_from):  # type: ignore[no-untyped-def]
    """Build the small news site and return it."""
    built = build_site_from(NEWS)
    assert built.code == 0, built.err
    return built


def test_accents_are_folded_so_culiacan_finds_culiacan_with_accent(news):
    index = Index(news.dist)
    assert index.titles("culiacan") == ["Gunmen set Culiacán ablaze"]
    assert index.fields("culiacan", "Gunmen set Culiacán ablaze") & search_terms.HEADLINE
    assert index.titles("valparaiso") == ["Harbour reopens after storm"]
    assert "culiacán" not in index.postings


def test_entity_and_tag_names_are_matchable_and_marked(news):
    index = Index(news.dist)
    assert index.fields("guzman", "Gunmen set Culiacán ablaze") & search_terms.ENTITY
    assert index.titles("zapateado") == ["Harbour reopens after storm"]  # only a tag says it


def test_full_text_is_indexed_with_fields_ranked_headline_first(news):
    index = Index(news.dist)
    assert index.titles("thunderstorm") == ["Gunmen set Culiacán ablaze"]  # body only
    assert index.fields("thunderstorm", "Gunmen set Culiacán ablaze") == 0
    assert index.titles("storm") == ["Harbour reopens after storm"]


def test_every_form_of_a_word_finds_the_articles_of_its_stem(news):
    index = Index(news.dist)
    culiacan = ["Gunmen set Culiacán ablaze"]
    assert index.stem["detained"] == "detain"  # Pagefind's English stemmer, so one rule
    assert index.titles("detained") == index.titles("detain") == culiacan
    assert index.titles("soldier") == culiacan  # a stem no article spells is a term too
    assert index.fields("reopens", "Harbour reopens after storm") & search_terms.HEADLINE


def spelled(dist: Path) -> dict[str, int]:
    """Return the word files' words and counts, checking each starts where the manifest says."""
    manifest = js_data(dist / INDEX / "manifest.js")[1]
    assert isinstance(manifest, dict)
    found: dict[str, int] = {}
    for number, first in enumerate(manifest["words"]):
        name, data = js_data(dist / INDEX / f"w{number:03d}.js")
        assert name == f"w{number:03d}" and isinstance(data, list)
        words, counts = data[0].split(" "), data[1]
        assert words[0] == first and len(words) == len(counts)
        found.update(zip(words, counts, strict=True))
    assert list(found) == sorted(found, key=search.utf16_key)
    return found


def test_word_files_list_the_words_articles_spell_with_their_counts(news):
    words = spelled(news.dist)
    assert words["detained"] == 1 and words["final"] == 1  # a duplicate is not counted
    assert words["culiacan"] == 1 and words["cartels"] == 1  # text, names and tags
    assert "soldier" not in words and "detain" not in words  # stems no article spells
    assert "the" not in words and not any(c.isdigit() for w in words for c in w)
    assert set(words) <= set(Index(news.dist).postings) | set(Index(news.dist).stem)


def test_word_files_hold_every_word_in_order_under_their_cap(monkeypatch):
    monkeypatch.setattr(search_spelling, "WORD_SHARD_BYTES", 40)
    index = {w: array("I", [1, 2, 3][: len(w) % 3 + 1]) for w in [*VOCABULARY, "1987", "b52"]}
    spelled = search_spelling.Spelled()
    assert len(list(spelled.noting([postings_of(index)]))) == 1  # passed on unchanged
    shards = list(spelled.shards())
    sizes = [len(json.dumps(shard, separators=(",", ":"))) for shard in shards]
    assert len(shards) > 3 and max(sizes) <= 40 + 8  # ["", []] and one spare comma
    listed = [(w, n) for text, counts in shards for w, n in zip(text.split(), counts, strict=True)]
    assert listed == [(w, len(index[w])) for w in sorted(VOCABULARY)]  # no word with a digit


def test_stop_words_are_left_out_and_listed_for_the_browser(news):
    index = Index(news.dist)
    assert "the" not in index.postings and "in" not in index.postings
    assert set(index.manifest["stop"]) == search_terms.STOP_WORDS


def test_exact_duplicates_are_not_searchable_twice(news):
    index = Index(news.dist)
    assert index.titles("stadium") == ["Cup final ends in a draw"]
    assert index.manifest["docs"] == 3
    copy = news.page(news.article_path("sport/2023-06-11-final-copy.md"))
    original = news.page(news.article_path("sport/2023-06-10-final.md"))
    assert "data-pagefind-body" not in copy and "data-pagefind-body" in original


def test_documents_carry_url_headline_date_section_and_summary(news):
    index = Index(news.dist)
    doc = next(d for d, _ in index.postings["culiacan"])
    url, title, date, section, summary, version = index.doc(doc)
    assert url == news.article_path("world/2023-01-05-culiacan.md") and news.exists(str(url))
    assert (title, date) == ("Gunmen set Culiacán ablaze", "5 January 2023")
    assert index.manifest["sections"][section] == section_of(news, "world/2023-01-05-culiacan.md")
    assert str(summary).startswith("Soldiers detained Ovidio Guzmán López")
    assert version == 0  # no near-duplicate of another (1: its result says "Another version")


def test_section_and_year_filters_list_their_documents(news):
    index = Index(news.dist)
    world = section_of(news, "world/2023-01-05-culiacan.md")
    sport = section_of(news, "sport/2023-06-10-final.md")
    assert index.manifest["sections"] == sorted([sport, world])
    assert index.manifest["years"] == [2023, 2022]
    number = index.manifest["sections"].index(world)
    world_docs = {doc for doc, _ in decode(js_data(news.dist / INDEX / f"s{number:03d}.js")[1], 0)}
    year = {doc for doc, _ in decode(js_data(news.dist / INDEX / "y2022.js")[1], shift=0)}
    assert {str(index.doc(d)[1]) for d in world_docs} == {
        "Gunmen set Culiacán ablaze",
        "Harbour reopens after storm",
    }
    assert {str(index.doc(d)[1]) for d in year} == {"Harbour reopens after storm"}


def test_search_page_has_form_filters_and_script(news):
    page = news.page(SEARCH_PAGE)
    assert 'data-root="../index.html"' in page and 'data-pagefind="../pagefind/pagefind.js"' in page
    assert 'data-index="../search-index/manifest.js"' in page
    assert '<script src="../static/search.js"></script>' in page
    world = section_of(news, "world/2023-01-05-culiacan.md")
    assert f'<option value="{world}">{world}</option>' in page
    assert '<option value="2022">2022</option>' in page
    assert news.exists("static/search.js")


def test_every_page_has_a_header_search_box_that_reaches_the_search_page(news):
    pages = news.html_files()
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        actions = re.findall(r'<form class="masthead-search" role="search" action="([^"]+)"', html)
        assert len(actions) == 1, page
        assert (page.parent / actions[0]).resolve() == (news.dist / SEARCH_PAGE).resolve(), page
        assert 'name="q"' in html


def test_pagefind_indexes_only_article_pages(news):
    for name in ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "wasm.en.pagefind"):
        assert news.exists(f"pagefind/{name}"), name
    assert not list((news.dist / "pagefind").glob("pagefind-ui*"))
    entry = json.loads(news.page("pagefind/pagefind-entry.json"))
    assert entry["languages"]["en"]["page_count"] == 3  # three articles; no lists, no duplicate
    assert len(list((news.dist / "pagefind" / "fragment").iterdir())) == 3
    assert len(list((news.dist / "pagefind" / "filter").iterdir())) >= 1


def test_article_pages_carry_pagefind_title_date_and_filters(news):
    page = news.page(news.article_path("world/2023-01-05-culiacan.md"))
    assert 'data-pagefind-meta="title">Gunmen set Culiacán ablaze</h1>' in page
    world = section_of(news, "world/2023-01-05-culiacan.md")
    assert f'data-pagefind-filter="section">{world}</a>' in page
    assert 'data-pagefind-meta="date" data-pagefind-filter="year:2023">5 January 2023' in page


def test_big_archives_are_indexed_by_pagefind_in_merged_parts(build_site_from, monkeypatch):
    monkeypatch.setattr(search_pagefind, "PART_PAGES", 1)  # 3 pages: four parts, one empty
    built = build_site_from(NEWS)
    assert built.code == 0, built.err
    extra = json.loads(built.page("pagefind/parts.json"))
    assert extra and all(re.fullmatch(r"part-[1-3]/", folder) for folder in extra)
    for folder in extra:
        part = built.dist / "pagefind" / folder
        assert sorted(p.name for p in part.iterdir() if p.is_file())[0] == "pagefind-entry.json"
        assert not list(part.glob("*.js")) and not list(part.glob("wasm.*"))
    entries = [json.loads(built.page(f"pagefind/{p}pagefind-entry.json")) for p in ("", *extra)]
    assert sum(e["languages"]["en"]["page_count"] for e in entries) == 3


def test_empty_archive_builds_with_only_the_script_index(build_site_from):
    built = build_site_from({})
    assert built.code == 1 and "no articles to publish" in built.err  # but the site is written
    assert json.loads(built.page("pagefind/parts.json")) == []
    assert not built.exists("pagefind/pagefind.js")
    assert js_data(built.dist / INDEX / "manifest.js")[1]["docs"] == 0  # type: ignore[index]
    assert built.exists(SEARCH_PAGE)


def test_search_output_is_byte_identical_between_builds(build_site_from):
    one = build_site_from(NEWS, output="one")
    two = build_site_from({}, output="two")
    for folder in ("pagefind", INDEX):
        first, second = tree(one.dist / folder), tree(two.dist / folder)
        assert first == second and len(first) > 3, folder


def test_missing_pagefind_fails_the_build_with_the_install_command(build_site_from, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    built = build_site_from(NEWS)
    assert built.code == 1
    assert "cannot run Pagefind (/nonexistent/pagefind)" in built.err
    assert not built.dist.exists()


def test_pagefind_stopping_while_indexing_fails_the_build_saying_so(
    build_site_from, tmp_path, monkeypatch
):
    broken = tmp_path / "pagefind-broken"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    built = build_site_from(NEWS)
    assert built.code == 1
    assert "Pagefind's indexing service stopped (exit 3)" in built.err
    assert not built.dist.exists()


def test_long_posting_lists_are_split_under_the_shard_cap(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 500)
    rng = random.Random(7)
    docs = sorted(rng.sample(range(100_000), 3_000))
    index = {
        "common": array("I", [d << 4 | rng.randrange(16) for d in docs]),
        "aa": array("I", [5 << 4]),
        "zz": array("I", [9 << 4 | 8]),
    }
    shards = list(search.term_shards([postings_of(index)]))
    assert len(shards) > 10
    assert all(sum(len(t) + 8 + len(p) for t, p in shard) <= 500 for shard in shards)
    pieces = [(t, p) for shard in shards for t, p in shard]
    assert [t for t, _ in pieces] == sorted(t for t, _ in pieces)  # one sorted run of terms
    common = [pair for t, p in pieces if t == "common" for pair in decode(p)]
    assert common == [(v >> 4, v & 15) for v in index["common"]]


def test_cbor_codec_round_trips_the_shapes_pagefind_writes():
    value = ["en", [0, 23, 24, 255, 256, 65_535, 65_536, 2**32], ["Culiacán", [[7, 8]]], []]
    encoded = pagefind_cbor.cbor_encode(value)
    assert encoded[:3] == bytes([0x84, 0x62, ord("e")])
    assert pagefind_cbor.cbor_decode(encoded, 0) == (value, len(encoded))


def test_fold_and_terms_match_the_rules_search_js_uses():
    assert search_terms.fold("Culiacán ÆON Straße Łódź") == "culiacan aeon strasse lodz"
    assert search_terms.terms("The 2023 Culiacán, a city of 1") == ["2023", "culiacan", "city"]
    # single letters joined by points are one word, as Pagefind reads them: "U.S." is "us"
    said = "U.S.-Japan talks at 9 a.m.: J.P. Morgan, the E.C. and plan B. No.2 U.S"
    assert search_terms.terms(said) == [
        "us",
        "japan",
        "talks",
        "am",
        "jp",
        "morgan",
        "ec",
        "plan",
        "no",
        "us",
    ]


def test_an_articles_own_words_are_read_once_with_their_fields(tmp_path):
    article = _read_one(
        tmp_path,
        "Flood closes Culiacán bridge\n\nBy Ana Ruiz\n\n"
        "The bridge stays shut. The bridge is old.\n\nBridge crews said the road would reopen.\n",
    )
    fields = search_terms.decode(article.search_terms)
    assert fields["culiacan"] & search_terms.HEADLINE
    assert fields["bridge"] & search_terms.HEADLINE and fields["bridge"] & search_terms.FREQUENT
    assert fields["crews"] == 0  # once, in the body only (the summary is the first paragraph)
    assert "the" not in fields and "ablaze" not in fields
    paragraphs = article.paragraphs
    assert search_terms.decode(search_terms.article_fields(article, paragraphs)) == fields


def test_an_articles_marks_are_no_search_words(tmp_path):
    # a party's country code ("Social Democratic Party\tPT") is no word of the article
    article = _read_one(
        tmp_path,
        "Vote held\n\nLISBON, March 3 - The Social Democratic Party won the vote, its "
        "chairman John Smith of Smith Holdings Ltd said. President Reagan agreed.\n",
    )
    kinds = {kind for kind, _ in article.entities}
    assert {OFFICER, HOME, HEAD} == search_terms._MARKS and {HOME, HEAD} <= kinds
    fields = search_terms.decode(article.search_terms)
    assert fields["democratic"] & search_terms.ENTITY
    assert "pt" not in fields
    assert not fields["president"] & search_terms.ENTITY  # the title is no name's word


def _read_one(folder: Path, text: str) -> Article:
    """Return the article that reading one file of `text` gives."""
    (folder / "a.txt").write_text(text, encoding="utf-8")
    article, _ = read_article(discover(folder).files[0])
    assert article is not None
    return article


ARTICLES = 3_000
VOCABULARY = [
    f"{a}{b}{c}"
    for a in "bdfgklmnprstvz"
    for b in ("a", "e", "i", "o", "u", "ai")
    for c in ("ra", "no", "lis", "ten", "cor", "vad", "mun", "sek")
]


def synthetic_article(number: int) -> str:
    """Return a deterministic synthetic article: Zipf-ish words, a section and a date."""
    rng = random.Random(number)
    words = rng.choices(VOCABULARY, weights=[1 / (i + 1) for i in range(len(VOCABULARY))], k=90)
    title = " ".join(rng.sample(VOCABULARY, 6)).capitalize()
    body = " ".join(words).capitalize() + f". Reported in Culiacán by desk {number}."
    return dated(f"{title} {number}", f"{2000 + number % 20}-0{1 + number % 9}-1{number % 9}", body)


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read and catalogue ARTICLES synthetic articles; write only their fallback index."""
    root = tmp_path_factory.mktemp("big")
    write_files(root, {f"articles/s{n % 7}/a{n}.md": synthetic_article(n) for n in range(ARTICLES)})
    found = discover(root / "articles")
    articles = [article for article, _ in map(read_article, found.files) if article]
    for output in search.fallback_outputs(build_site(SiteConfig(), articles)):
        write_files(root / "dist", {output.path: output.data})
    return root / "dist"


def test_shards_of_a_large_site_stay_under_the_cap(big_site):
    files = sorted((big_site / INDEX).glob("*.js"))
    index = Index(big_site)
    assert index.manifest["docs"] == ARTICLES
    assert len(index.manifest["shards"]) > 3
    assert max(f.stat().st_size for f in files) <= search.SHARD_BYTES + 64
    assert len(index.postings["culiacan"]) == ARTICLES  # a word in every article
    assert index.titles("desk")[:1] and "1999" in index.postings


def test_manifest_bounds_locate_every_term(big_site):
    index = Index(big_site)
    firsts = index.manifest["shards"]
    assert firsts == sorted(firsts)
    for number, first in enumerate(firsts):
        _, pairs = js_data(big_site / INDEX / f"t{number:04d}.js")
        assert isinstance(pairs, list) and pairs[0][0] == first
        following = firsts[number + 1] if number + 1 < len(firsts) else "\uffff"
        assert all(first <= term <= following for term, _ in pairs)


def test_the_index_is_the_same_whatever_its_batches(tmp_path, monkeypatch):
    write_files(tmp_path, {f"articles/s{n % 3}/a{n}.md": synthetic_article(n) for n in range(150)})
    found = discover(tmp_path / "articles")
    site = build_site(SiteConfig(), [a for a, _ in map(read_article, found.files) if a])
    whole = {o.path: o.data for o in search.fallback_outputs(site)}
    monkeypatch.setattr(search, "BATCH_POSTINGS", 40)  # many runs, some of one term only
    batched = {o.path: o.data for o in search.fallback_outputs(site)}
    assert batched == whole
    listed = [e for e in site.entries if e.duplicate_of is None]
    runs = list(search.build_index(listed))
    assert len(runs) > 10
    postings = {
        t: r.values[r.starts[i] : r.starts[i + 1]] for r in runs for i, t in enumerate(r.terms)
    }
    links = {t: r.links[i] for r in runs for i, t in enumerate(r.terms) if r.links[i]}
    doc = next(i for i, e in enumerate(listed) if e.entities)  # a name's words are its own too
    names = search_terms.term_counts(" ".join(t.name for t in listed[doc].entities))
    article = listed[doc].article  # the catalogue's, without search words: made again
    paragraphs = plain_paragraphs(article.body_html)  # Markdown
    own = search_terms.decode(search_terms.article_fields(article, paragraphs))
    assert set(names) & set(own)
    for term in {*own, *names}:
        stem = links.get(term, term)  # its postings are its stem's
        here = [int(v) & 15 for v in postings[stem] if int(v) >> 4 == doc]
        assert len(here) == 1  # one posting, with the fields of every form and name
        wanted = own.get(term, 0) | (search_terms.ENTITY if term in names else 0)
        assert here[0] & wanted == wanted


def postings_of(index: dict[str, array[int]]) -> search.Postings:
    """Return the Postings of a mapping of term to its values, as build_index gives them."""
    terms = sorted(index, key=search.utf16_key)
    lengths = [len(index[term]) for term in terms]
    values = np.fromiter((v for t in terms for v in index[t]), np.uint32, sum(lengths))
    links = [""] * len(terms)
    return search.Postings(
        terms,
        links,
        np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
        values,
        lengths,
    )


def test_max_files_leaves_pagefind_out_when_it_would_pass_the_limit(build_site_from):
    built = build_site_from({**NEWS, "site.yaml": "max_files: 40\n"})
    assert built.code == 0, built.err
    assert "Pagefind's ~" in built.out + built.err and "past max_files" in built.out + built.err
    assert not built.exists("pagefind/pagefind.js")
    assert built.exists(f"{INDEX}/manifest.js")  # the script index serves http too
    assert len([p for p in built.dist.rglob("*") if p.is_file()]) <= 40


def test_max_files_with_room_keeps_pagefind(build_site_from):
    built = build_site_from({**NEWS, "site.yaml": "max_files: 20000\n"})
    assert built.code == 0, built.err
    assert built.exists("pagefind/pagefind.js")


def test_an_edit_reruns_pagefind_only_over_its_part(build_site_from, tmp_path, monkeypatch):
    log = tmp_path / "runs.log"
    wrapper = tmp_path / "pagefind-logged"
    real = search_pagefind.pagefind_binary()
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    monkeypatch.setattr(search_pagefind, "PART_PAGES", 1)
    built = build_site_from(NEWS)
    cold = log.read_text().count("run")
    edited = built.articles / "world/2023-01-05-culiacan.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing line.\n")
    again = build_site_from({})
    assert again.code == 0, again.err
    assert cold >= 2 and log.read_text().count("run") == cold + 1


def test_edited_and_cold_builds_give_the_same_pagefind_parts(build_site_from, monkeypatch):
    monkeypatch.setattr(search_pagefind, "PART_PAGES", 1)
    warm = build_site_from(NEWS, output="warm")
    edited = warm.articles / "world/2023-01-05-culiacan.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing line.\n")
    build_site_from({}, output="warm")
    cold = build_site_from({}, output="cold")
    assert tree(warm.dist / "pagefind") == tree(cold.dist / "pagefind")
    assert len(json.loads(cold.page("pagefind/parts.json"))) >= 1
