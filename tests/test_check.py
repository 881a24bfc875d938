"""`python build.py check`: a built site's links, HTML5, JSON-LD, feeds and manifest are verified."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive import executor, search_pagefind
from newsarchive.check import check_site
from newsarchive.notfound import ROOT_FINDER

from conftest import ROOT, SAMPLES, run_cli, write_files

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>T</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing"}</script>
</head>
<body id="top">
BODY
</body>
</html>
"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>F</title><id>urn:x</id><updated>2023-01-05T00:00:00+00:00</updated>
  <link rel="self" href="feed.xml"/>
  ENTRY
</feed>
"""
GOOD_ENTRY = (
    "<entry><title>E</title><id>urn:e</id><updated>2023-01-05T00:00:00+00:00</updated>"
    '<link href="index.html"/></entry>'
)


def page(body: str) -> str:
    """Return a valid HTML5 page with body in it."""
    return PAGE.replace("BODY", body)


def site(tmp_path: Path, **files: str) -> Path:
    """Write a small built site (a valid home page plus files) and return its folder."""
    dist = tmp_path / "dist"
    write_files(
        dist,
        {
            "index.html": page("<p>Home</p>"),
            "a/index.html": page("<p>A</p>"),
            "static/style.css": "body{}",
            **files,
        },
    )
    return dist


def messages(dist: Path) -> list[str]:
    """Return the check's findings as printed lines."""
    return [str(finding) for finding in check_site(dist).findings]


def test_sample_site_checks_clean(tmp_path):
    dist = tmp_path / "dist"
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    code, _, err = run_cli(
        "--articles", str(SAMPLES), "--output", str(dist), "--config", str(tmp_path / "site.yaml")
    )
    assert code == 0, err
    code, out, _ = run_cli("check", str(dist))
    assert out.splitlines()[-1].endswith(": no errors.")
    assert code == 0, out


def test_dated_site_with_base_url_checks_clean_feeds_and_sitemap_included(tmp_path):
    files: dict[str, str | bytes] = {
        f"articles/world/2023-05-0{d}-story.md": f"---\ntitle: Story {d}\ntags: [x]\n---\n\nText."
        for d in range(1, 4)
    }
    write_files(tmp_path, {**files, "site.yaml": "per_page: 2\n"})
    dist = tmp_path / "dist"
    code, _, err = run_cli(
        "--articles",
        str(tmp_path / "articles"),
        "--output",
        str(dist),
        "--config",
        str(tmp_path / "site.yaml"),
        "--base-url",
        "https://example.org/news/",
    )
    assert code == 0, err
    result = check_site(dist)
    assert [str(f) for f in result.findings] == []
    assert result.feeds == 3  # feed.xml, feeds/world.xml, sitemap.xml
    assert result.pages > 10 and result.others == 1


def test_command_line_check_runs_from_build_py(tmp_path):
    dist = site(tmp_path, **{"b.html": page('<a href="missing.html">x</a>')})
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", str(dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{dist}/b.html:7: broken link (no such file): 'missing.html'",
        f"Checked 3 page(s), 0 XML file(s) and 0 manifest(s) in {dist}/: 1 error(s).",
    ]


def test_check_takes_the_output_folder_as_build_names_it(tmp_path):
    dist = site(tmp_path, **{"b.html": page('<a href="missing.html">x</a>')})
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--output", str(dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # the broken link found: the folder was read
    assert f"Checked 3 page(s), 0 XML file(s) and 0 manifest(s) in {dist}/" in result.stdout


def test_missing_folder_is_an_error(tmp_path):
    code, _out, err = run_cli("check", str(tmp_path / "nope"))
    assert code == 1
    assert f"{tmp_path / 'nope'} is not a folder" in err


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<a href="missing.html">x</a>', "b.html:7: broken link (no such file): 'missing.html'"),
        ('<a href="a/">x</a>', "b.html:7: names a folder, which fails from file://"),
        ('<a href="a">x</a>', "b.html:7: names a folder, which fails from file://"),
        ('<a href="/a/index.html">x</a>', "b.html:7: root-relative link"),
        ('<a href="../../etc/passwd">x</a>', "b.html:7: leaves the site folder"),
        ('<a href="javascript:alert(1)">x</a>', "b.html:7: unsafe URL scheme"),
        ('<img src="data:image/png;base64,AA" alt="">', "b.html:7: unsafe URL scheme"),
        ('<a href="#nowhere">x</a>', "b.html:7: no element on this page has that id"),
        ('<link rel="stylesheet" href="static/missing.css">', "b.html:7: broken link"),
        ("<p>open</div>", "b.html:7: column 13: End tag (div) seen too early"),
        ("<p a=1 a=2>x</p>", "b.html:7: column 9: Dropped duplicate attribute"),
        ("<p>a & b <x</p>", "b.html:7: column"),
    ],
)
def test_each_kind_of_page_error_is_found_with_its_line(tmp_path, body, message):
    dist = site(tmp_path, **{"b.html": page(body)})
    found = messages(dist)
    assert len(found) >= 1
    assert found[0].startswith(message), found


def test_good_links_pass(tmp_path):
    body = (
        '<a href="a/index.html?x=1#top">a</a> <a href="#top">t</a> <a href="https://e.org/">e'
        '</a> <a href="mailto:x@e.org">m</a> <a href="//cdn.e.org/x.js">c</a>'
        '<link rel="stylesheet" href="static/style.css"> <a href="a%2Findex.html">q</a>'
    )
    assert messages(site(tmp_path, **{"b.html": page(body)})) == []


def test_missing_doctype_is_an_error(tmp_path):
    dist = site(tmp_path, **{"b.html": "<html><head><title>x</title></head></html>"})
    assert any("Unexpected start tag (html). Expected DOCTYPE." in m for m in messages(dist))


def test_json_ld_cut_short_by_a_closing_script_tag_is_an_error(tmp_path):
    jsonld = '<script type="application/ld+json">{"headline": "a</script><p>b"}</script>'
    dist = site(tmp_path, **{"b.html": page(jsonld)})
    found = messages(dist)
    assert any(m.startswith("b.html:7: JSON-LD does not parse") for m in found), found


def test_json_ld_that_is_not_an_object_is_an_error(tmp_path):
    dist = site(tmp_path, **{"b.html": page('<script type="application/ld+json">[1]</script>')})
    assert messages(dist) == ["b.html:7: JSON-LD is not an object with an @context"]


def test_page_that_is_not_utf8_is_an_error(tmp_path):
    dist = site(tmp_path)
    (dist / "b.html").write_bytes(page("<p>caf\xe9</p>").encode("latin-1"))
    assert messages(dist) == ["b.html: is not valid UTF-8 (invalid continuation byte at byte 202)"]


def test_feeds_must_be_well_formed_and_complete(tmp_path):
    dist = site(
        tmp_path,
        **{
            "feed.xml": FEED.replace("ENTRY", GOOD_ENTRY),
            "broken.xml": FEED.replace("ENTRY", "<entry><title>a & b</title></entry>"),
            "thin.xml": FEED.replace("ENTRY", "<entry><title>E</title></entry>"),
            "dead.xml": FEED.replace("ENTRY", GOOD_ENTRY.replace("index.html", "gone.html")),
            "date.xml": FEED.replace("2023-01-05T00:00:00+00:00", "yesterday"),
            "feeds/world.xml": FEED.replace(
                "ENTRY", GOOD_ENTRY
            ),  # its links are relative to feeds/
        },
    )
    assert messages(dist) == [
        "broken.xml:5: XML does not parse: not well-formed (invalid token): line 5, column 19",
        "date.xml: feed <updated> 'yesterday' is not an RFC 3339 date",
        "dead.xml: broken link (no such file): 'gone.html'",
        "feeds/world.xml: broken link (no such file): 'feed.xml'",
        "feeds/world.xml: broken link (no such file): 'index.html'",
        "thin.xml: entry 1: entry has no <id>",
        "thin.xml: entry 1: entry has no <updated>",
        "thin.xml: entry 1: entry has no <link>",
    ]


def test_manifest_urls_must_name_pages(tmp_path):
    manifest = '[{"url": "a/index.html"}, {"url": "gone/index.html"}, {"url": "../x.html"}, 7]'
    dist = site(tmp_path, **{"articles.json": manifest})
    assert messages(dist) == [
        "articles.json: record 2 url 'gone/index.html' names no page of the site",
        "articles.json: record 3 url '../x.html' names no page of the site",
        "articles.json: record 4 url None names no page of the site",
    ]


def test_unknown_xml_and_broken_manifest_are_errors(tmp_path):
    dist = site(tmp_path, **{"odd.xml": "<rss/>", "articles.json": "{not json"})
    found = messages(dist)
    assert found[0].startswith("articles.json: does not parse as JSON")
    assert found[1] == "odd.xml: unexpected XML document <rss>"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<script>alert(1)</script>", "inline <script>; scripts must be files"),
        ('<img src="static/style.css" alt="" onerror="alert(1)">', "event handler attribute"),
        ('<p id="top">Again</p>', "id 'top' is given twice on this page"),
    ],
    ids=["inline script", "event handler", "duplicate id"],
)
def test_injected_markup_and_duplicate_ids_are_reported(tmp_path, body, message):
    dist = site(tmp_path, **{"b/index.html": page(body)})
    assert [m for m in messages(dist) if message in m] != [], messages(dist)
    assert all(m.startswith("b/index.html:") for m in messages(dist))


def test_only_the_404_page_s_own_inline_script_is_accepted(tmp_path):
    own = f"<script>{ROOT_FINDER}</script>"
    changed = f"<script>{ROOT_FINDER.replace('articles.json', 'evil.json')}</script>"
    dist = site(tmp_path, **{"b/index.html": page(own), "c/index.html": page(changed)})
    found = messages(dist)
    assert [m for m in found if m.startswith("b/")] == []
    assert [m for m in found if m.startswith("c/") and "inline <script>" in m] != [], found


def test_missing_search_index_files_are_reported(tmp_path):
    dist = tmp_path / "dist"
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    options = ["--articles", str(SAMPLES), "--output", str(dist)]
    assert run_cli(*options, "--config", str(tmp_path / "site.yaml"))[0] == 0
    assert messages(dist) == []
    (dist / "search-index" / "t0000.js").unlink()
    (dist / "search-index" / "w000.js").unlink()
    next(dist.glob("pagefind/pagefind.*.pf_meta")).unlink()
    found = messages(dist)
    assert "search-index/t0000.js: is missing (named by search-index/manifest.js)" in found[0]
    assert "search-index/w000.js: is missing (named by search-index/manifest.js)" in found[1]
    assert (
        found[2].startswith("pagefind/pagefind.")
        and "named by pagefind/pagefind-entry.json" in found[2]
    )
    assert len(found) == 3


def test_pagefind_parts_are_checked_against_the_first_bundle_s_code(tmp_path, monkeypatch):
    monkeypatch.setattr(search_pagefind, "PART_PAGES", 1)  # 8 articles: parts of ~1 page
    dist, articles = tmp_path / "dist", tmp_path / "articles"
    stories = {f"s{n}.txt": f"Story {n} headline\n\nThe story number {n} body." for n in range(8)}
    write_files(articles, stories)
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    options = ["--articles", str(articles), "--output", str(dist)]
    assert run_cli(*options, "--config", str(tmp_path / "site.yaml"))[0] == 0
    parts = sorted((dist / "pagefind").glob("part-*/pagefind-entry.json"))
    assert parts and not list(parts[0].parent.glob("wasm.*"))  # a part holds no code of its own
    assert messages(dist) == []
    (dist / "pagefind" / "wasm.en.pagefind").unlink()
    found = messages(dist)
    named = [m.partition("named by ")[2].partition(")")[0] for m in found]
    assert all(m.startswith("pagefind/wasm.en.pagefind: is missing") for m in found), found
    assert named[0] == "pagefind/pagefind-entry.json"
    assert named[1:] == [p.relative_to(dist).as_posix() for p in parts], found


def test_pages_checked_in_a_pool_give_the_same_findings_in_order(tmp_path, monkeypatch):
    broken = {f"p{n}/index.html": page(f'<a href="../gone{n}/index.html">x</a>') for n in range(6)}
    dist = site(tmp_path, **broken)
    here = [str(f) for f in check_site(dist, jobs=1).findings]
    monkeypatch.setattr(executor, "POOL_FROM", 1)
    pooled = [str(f) for f in check_site(dist, jobs=2).findings]
    assert pooled == here and len(here) == 6, pooled
    assert [f.split("/")[0] for f in here] == [f"p{n}" for n in range(6)]
