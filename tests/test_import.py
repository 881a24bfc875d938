"""`python build.py import`: each kind of source, bad items, idempotent re-runs, safe paths."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli, tree

SAMPLES = ROOT / "tests" / "fixtures" / "import"


def run_import(root: Path, *args: str) -> tuple[int, str, str]:
    """Run `import` into root/articles; return (exit code, stdout, stderr)."""
    return run_cli("import", *args, "--articles", str(root / "articles"))


def imported(root: Path) -> dict[str, dict[str, object]]:
    """Return the front matter of every file written, by path relative to root/articles."""
    files = {}
    for path in sorted((root / "articles").rglob("*.*")):
        head = path.read_text(encoding="utf-8").split("---\n")[1]
        files[path.relative_to(root / "articles").as_posix()] = yaml.safe_load(head)
    return files


def bodies(root: Path) -> str:
    """Return the text of every file written, joined."""
    return "\n".join(p.read_text(encoding="utf-8") for p in (root / "articles").rglob("*.*"))


def write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    """Write a gzipped WARC with a request record and one response per (uri, type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "gazette.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record("https://gazette.example/", "request", http_headers=request)
        )
        for uri, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_wordpress_export_imports_published_posts_and_counts_the_rest(tmp_path: Path) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "wordpress-export.xml"))
    assert code == 0
    files = imported(tmp_path)
    post = files["2023-03-14-mill-road-bridge-reopens-after-flood-repairs.md"]
    assert post["author"] == "Jane Doe"  # display name, not the login "jdoe"
    assert post["section"] == "Local"
    assert post["tags"] == ["Floods", "Transport"]
    assert post["date"] == "2023-03-14T09:30:00+00:00"
    assert post["image"] == "https://gazette.example/wp-content/uploads/2023/03/bridge.jpg"
    assert post["caption"] == "Traffic crosses the repaired Mill Road bridge on Tuesday."
    assert post["imported_from"] == "wordpress:wordpress-export.xml#post-101"
    assert "section" not in files["2023-03-10-school-choir-wins-regional-title.md"]
    assert len(files) == 2
    assert "wordpress-export.xml: 1 page(s), not posts; only posts are imported" in out
    assert "wordpress-export.xml: 1 draft post(s); only published posts are imported" in out
    assert "wordpress-export.xml: 1 attachment(s), used only as featured images" in out
    text = bodies(tmp_path)
    assert "<script" not in text and "onclick" not in text and "[caption" not in text
    assert (
        "<p>Their director, Mr Patel" in text
    )  # unmarked paragraphs are wrapped as WordPress does


def test_malformed_wordpress_export_names_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "export.xml"
    text = (SAMPLES / "wordpress-export.xml").read_text(encoding="utf-8")
    broken.write_text(text.replace("</title>", "", 3), encoding="utf-8")
    code, out, _ = run_import(tmp_path, str(broken))
    assert code == 1
    assert "export.xml: is not well-formed XML (line" in out
    assert "export it again from WordPress" in out


def test_feed_html_is_sanitised_and_double_encoded_utf8_repaired(tmp_path: Path) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "feed.xml"))
    assert code == 0
    files = imported(tmp_path)
    cafe = files["2023-03-12-cafe-owner-wins-award-for-best-breakfast.md"]
    assert cafe["summary"] == "The Corner Café on Market Street was named the best in the county."
    assert cafe["source_url"] == "https://gazette.example/2023/03/12/cafe-award/"
    assert cafe["tags"] == ["Business", "Food"]
    assert cafe["image"] == "https://gazette.example/img/cafe.jpg"
    text = bodies(tmp_path)
    assert "Corner Café on Market Street was named the county's best" in text
    for unsafe in ("<script", "onerror", "<iframe", "alert("):
        assert unsafe not in text
    assert 'feed.xml item 3 "Photo gallery: spring lambs": has no text' in out
    assert "2 new, 0 updated, 0 unchanged article(s)" in out


def test_warc_imports_html_responses_and_counts_other_records(tmp_path: Path) -> None:
    page = (SAMPLES / "saved" / "mill-road-flood.html").read_bytes()
    archive = tmp_path / "crawl.warc.gz"
    write_warc(
        archive,
        [
            ("https://gazette.example/2023/02/20/flood/", "text/html; charset=utf-8", page),
            (
                "https://gazette.example/img/flood.jpg",
                "image/jpeg",
                b"\xff\xd8\xff\xe0 not a real jpeg",
            ),
        ],
    )
    code, out, _ = run_import(tmp_path, str(archive))
    assert code == 0
    files = imported(tmp_path)
    assert list(files) == ["2023-02-20-river-bursts-its-banks-on-mill-road.md"]
    flood = files["2023-02-20-river-bursts-its-banks-on-mill-road.md"]
    assert flood["title"] == "River bursts its banks on Mill Road"
    assert flood["imported_from"] == "warc:crawl.warc.gz#https://gazette.example/2023/02/20/flood/"
    assert "crawl.warc.gz: 1 non-HTML response(s) (image/jpeg)" in out
    assert "crawl.warc.gz: 1 request record(s), not responses" in out


def test_saved_pages_folder_keeps_main_text_and_skips_pages_without_an_article(
    tmp_path: Path,
) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "saved"), "--section", "Local news")
    assert code == 0
    files = imported(tmp_path)
    flood = files["local-news/2023-02-20-river-bursts-its-banks-on-mill-road.md"]
    assert flood["author"] == "Jane Doe"
    assert flood["section"] == "Local news"
    assert flood["source_url"] == "https://gazette.example/2023/02/20/flood/"
    text = bodies(tmp_path)
    assert "forty years" in text
    for boilerplate in ("Most read", "All rights reserved", "Privacy", "window.ads"):
        assert boilerplate not in text
    assert 'saved/tag-index.html "Tag: weather": has no article text' in out


def test_csv_row_without_title_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    code, out, _ = run_import(
        tmp_path,
        str(SAMPLES / "stories.csv"),
        "--map",
        "title=headline,body=story_text,id=story_id,section=desk",
    )
    assert code == 0
    files = imported(tmp_path)
    assert sorted(files) == [
        "2023-03-01-market-hall-roof-to-be-replaced.txt",
        "2023-03-02-valley-rovers-promoted-after-4-0-win.txt",
    ]
    hall = files["2023-03-01-market-hall-roof-to-be-replaced.txt"]
    assert hall["tags"] == ["council", "heritage"]
    assert hall["imported_from"] == "csv:stories.csv#id-A-17"
    assert "stories.csv line 5: has no title (column 'headline' is empty)" in out
    assert "1 item(s) skipped" in out


def test_csv_map_naming_a_missing_column_says_which_columns_exist(tmp_path: Path) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "stories.csv"), "--map", "title=heading")
    assert code == 1
    assert "stories.csv: has no column 'heading' (mapped to title)" in out
    assert "story_id, headline, published" in out


def test_jsonl_html_body_is_sanitised_and_a_bad_line_named(tmp_path: Path) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "wire.jsonl"), "--map", "title=headline")
    assert code == 0
    files = imported(tmp_path)
    rail = files["2023-03-05-rail-strike-called-off-after-late-deal.txt"]
    assert rail["date"] == "2023-03-05T18:20:00+00:00"
    assert rail["tags"] == ["transport", "unions"]
    assert "<script" not in bodies(tmp_path)
    assert "<b>1,200</b>" in bodies(tmp_path)
    assert "wire.jsonl line 3: is not valid JSON" in out


def test_kind_is_recognised_by_content_not_by_name(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "feed.xml", tmp_path / "download.bin")
    shutil.copy(SAMPLES / "wordpress-export.xml", tmp_path / "site.rss")
    code, out, _ = run_import(tmp_path, str(tmp_path / "download.bin"), str(tmp_path / "site.rss"))
    assert code == 0
    assert "Reading download.bin (RSS/Atom feed)" in out
    assert "Reading site.rss (WordPress WXR export)" in out


def test_reimport_updates_in_place_and_never_duplicates(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    shutil.copy(SAMPLES / "feed.xml", feed)
    assert run_import(tmp_path, str(feed))[0] == 0
    first = tree(tmp_path / "articles")
    code, out, _ = run_import(tmp_path, str(feed))
    assert code == 0
    assert "0 new, 0 updated, 2 unchanged article(s)" in out
    assert tree(tmp_path / "articles") == first
    feed.write_text(
        feed.read_text(encoding="utf-8").replace("best breakfast”", "best breakfast” again"),
        encoding="utf-8",
    )
    code, out, _ = run_import(tmp_path, str(feed))
    assert "0 new, 1 updated, 1 unchanged article(s)" in out
    after = tree(tmp_path / "articles")
    assert sorted(after) == sorted(first)  # the file keeps its name though the title changed
    cafe = imported(tmp_path)["2023-03-12-cafe-owner-wins-award-for-best-breakfast.md"]
    assert cafe["title"] == "Café owner wins award for “best breakfast” again"


def test_same_source_url_twice_in_one_run_is_written_once(tmp_path: Path) -> None:
    dump = tmp_path / "twice.jsonl"
    line = '{"title": "%s", "text": "Body text of the story.", "url": "https://x.example/a"}\n'
    dump.write_text(line % "First" + line % "Second", encoding="utf-8")
    code, out, _ = run_import(tmp_path, str(dump))
    assert code == 0
    assert len(imported(tmp_path)) == 1
    assert 'twice.jsonl line 2 "Second": has the same source URL or id as twice.jsonl line 1' in out


def test_hostile_titles_urls_and_sections_never_escape_the_articles_folder(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    dump = tmp_path / "hostile.csv"
    dump.write_text(
        "id,title,url,body\n"
        "../../etc/passwd,../../etc/passwd,../../etc/passwd,Text one.\n"
        '/etc/shadow,"..\\\\..\\\\boot.ini",file:///etc/hosts,Text two.\n'
        "..,..,..,Text three.\n",
        encoding="utf-8",
    )
    code, _, _ = run_import(root, str(dump), "--section", "../../outside")
    assert code == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == [
        "hostile.csv",
        "site/articles/outside/article.txt",
        "site/articles/outside/boot-ini.txt",
        "site/articles/outside/etc-passwd.txt",
    ]


def test_dry_run_reports_and_writes_nothing(tmp_path: Path) -> None:
    code, out, _ = run_import(tmp_path, str(SAMPLES / "feed.xml"), "--dry-run")
    assert code == 0
    assert "Would import 2 new" in out and "dry run: nothing was written" in out
    assert not (tmp_path / "articles").exists()


def test_unreadable_sources_exit_1_and_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01\x02 binary")
    code, out, _ = run_import(tmp_path, str(tmp_path / "missing.xml"), str(tmp_path / "notes.bin"))
    assert code == 1
    assert f"{tmp_path / 'missing.xml'}: does not exist" in out
    assert "notes.bin: is not a kind of source newsarchive imports" in out


def test_bad_map_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run_import(tmp_path, str(SAMPLES / "stories.csv"), "--map", "headline")
    assert code == 2
    assert "--map 'headline' is not FIELD=COLUMN" in err
    code, _, err = run_import(tmp_path, str(SAMPLES / "stories.csv"), "--map", "colour=red")
    assert code == 2
    assert "unknown field 'colour'" in err


def test_missing_library_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "feedparser", None)  # as on a machine without the extra
    code, out, _ = run_import(tmp_path, str(SAMPLES / "feed.xml"))
    assert code == 1
    assert "feed.xml: reading RSS/Atom feeds needs the 'feedparser' library" in out
    assert "pip install -e '.[import]'" in out


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Gazette</title>
  <id>tag:gazette.example,2023:feed</id>
  <updated>2023-03-14T10:00:00Z</updated>
  <entry>
    <title type="html">Floods: &lt;em&gt;what next&lt;/em&gt; for Mill Road?</title>
    <id>tag:gazette.example,2023:flood-next</id>
    <link rel="alternate" href="https://gazette.example/2023/03/14/what-next/"/>
    <published>2023-03-14T08:00:00+01:00</published>
    <updated>2023-03-14T09:00:00Z</updated>
    <author><name>Jane Doe</name></author>
    <category term="Floods"/>
    <content type="html">&lt;p&gt;Residents met on Monday to ask the council what happens next.&lt;/p&gt;
      &lt;p onmouseover="steal()"&gt;A report is due in &lt;a href="javascript:alert(1)"&gt;May&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_atom_entry_keeps_its_text_and_loses_unsafe_markup(tmp_path: Path) -> None:
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    code, _, _ = run_import(tmp_path, str(tmp_path / "atom.xml"))
    assert code == 0
    files = imported(tmp_path)
    entry = files["2023-03-14-floods-what-next-for-mill-road.md"]
    assert entry["title"] == "Floods: what next for Mill Road?"
    assert entry["date"] == "2023-03-14T07:00:00+00:00"
    assert entry["author"] == "Jane Doe" and entry["tags"] == ["Floods"]
    text = bodies(tmp_path)
    assert "Residents met on Monday" in text and "A report is due in" in text
    assert "onmouseover" not in text and "javascript:" not in text


def test_malformed_feed_is_named_and_what_can_be_read_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "cut.xml").write_text(
        "<rss><channel><item><title>Cut off</title><description>Only this much of the "
        "story arrived before the file was cut off.</description></item><item><title>Lo",
        encoding="utf-8",
    )
    (tmp_path / "empty.xml").write_text("<rss><channel>", encoding="utf-8")
    code, out, _ = run_import(tmp_path, str(tmp_path / "cut.xml"), str(tmp_path / "empty.xml"))
    assert code == 1  # one source could not be read at all
    assert "Imported 1 new" in out
    assert "cut.xml: is not well-formed XML" in out and "2 item(s) were still read" in out
    assert "cut.xml: is not well-formed XML (line 1, column 155: no element found)" in out
    assert "empty.xml: is not a readable feed (line 1, column 14: no element found)" in out


def test_jsonl_objects_need_not_share_keys(tmp_path: Path) -> None:
    dump = tmp_path / "mixed.jsonl"
    dump.write_text(
        '{"headline": "Ferry service resumes", "story": "The ferry sailed again on Monday."}\n'
        '{"title": "Harbour dredging starts", "body": "Dredgers arrived on Tuesday.", "id": 7}\n',
        encoding="utf-8",
    )
    code, out, _ = run_import(tmp_path, str(dump))
    assert code == 0, out
    files = imported(tmp_path)
    assert [f["title"] for f in files.values()] == [
        "Ferry service resumes",
        "Harbour dredging starts",
    ]
    assert [f["imported_from"] for f in files.values()] == [
        "jsonl:mixed.jsonl#line-1",
        "jsonl:mixed.jsonl#id-7",
    ]


def test_item_whose_body_turns_to_html_keeps_one_file(tmp_path: Path) -> None:
    dump = tmp_path / "desk.jsonl"
    line = '{"id": "d-1", "title": "Pier reopens", "date": "2023-04-01", "body": "%s"}\n'
    dump.write_text(line % "The pier reopened on Saturday.", encoding="utf-8")
    run_import(tmp_path, str(dump))
    dump.write_text(line % "<p>The pier reopened on <em>Saturday</em>.</p>", encoding="utf-8")
    code, out, _ = run_import(tmp_path, str(dump))
    assert code == 0 and "0 new, 1 updated" in out
    assert sorted(imported(tmp_path)) == ["2023-04-01-pier-reopens.md"]


WXR_HEAD = '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>'


def test_wordpress_export_with_entity_tricks_is_refused(tmp_path: Path) -> None:
    entities = "".join(
        f'<!ENTITY e{i} "{(f"&e{i - 1};" if i else "lol") * 10}">' for i in range(10)
    )
    (tmp_path / "bomb.xml").write_text(
        f"<?xml version='1.0'?><!DOCTYPE r [{entities}]>{WXR_HEAD}&e9;</title></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "file.xml").write_text(
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        f"{WXR_HEAD}&x;</title></item></channel></rss>",
        encoding="utf-8",
    )
    code, out, _ = run_import(tmp_path, str(tmp_path / "bomb.xml"), str(tmp_path / "file.xml"))
    assert code == 1
    assert "bomb.xml: is not well-formed XML (line 1, column" in out
    assert "file.xml: is not well-formed XML (line 1, column" in out
    assert not (tmp_path / "articles").exists()


def test_saved_page_in_a_legacy_encoding_with_only_a_visible_byline(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 closes after 60 years</title></head>'
        "<body><nav><a href='/'>Home</a></nav><article><h1>Caf\xe9 closes after 60 years</h1>"
        '<p class="byline">By Priya Shah</p>'
        "<p>The Corner Caf\xe9 on Market Street served its last breakfast on Saturday after sixty years, "
        "its owners said, as regulars queued round the block for a final plate of eggs.</p>"
        "<p>“We wanted to go out on a high,” said owner Maria Costa.</p></article></body></html>"
    ).encode("cp1252")
    (tmp_path / "closing.htm").write_bytes(page)
    code, out, _ = run_import(tmp_path, str(tmp_path / "closing.htm"))
    assert code == 0, out
    files = imported(tmp_path)
    closing = files["cafe-closes-after-60-years.md"]  # no date anywhere in the page: none invented
    assert closing["title"] == "Café closes after 60 years"
    assert closing["author"] == "Priya Shah"
    text = bodies(tmp_path)
    assert "“We wanted to go out on a high,” said owner Maria Costa." in text
    assert "By Priya Shah" not in text.split("---\n", 2)[2]
