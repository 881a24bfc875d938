"""Whole-site test: import every kind of source, then build; the site has every article and
the build reports no skipped file and no warning."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import escape
from test_import import SAMPLES, write_warc

from conftest import build_at, run_cli


def test_every_kind_imports_and_builds_without_warnings(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    write_warc(
        archive,
        [
            (
                "https://gazette.example/2023/02/20/flood/",
                "text/html",
                (SAMPLES / "saved" / "mill-road-flood.html").read_bytes(),
            )
        ],
    )
    articles = str(tmp_path / "articles")
    runs = [
        [str(SAMPLES / "wordpress-export.xml"), "--section", "Archive"],
        [str(SAMPLES / "feed.xml")],
        [str(SAMPLES / "saved")],
        [str(archive)],  # the same page as in saved/: it updates that file, not a second one
        [str(SAMPLES / "stories.csv"), "--map", "title=headline,body=story_text,id=story_id"],
        [str(SAMPLES / "wire.jsonl"), "--map", "title=headline"],
    ]
    for args in runs:
        code, out, _ = run_cli("import", *args, "--articles", articles)
        assert code == 0, out

    code, out, err = build_at(tmp_path, "--no-pagefind")
    assert code == 0, err
    assert "Read 9 article(s)" in out and "0 file(s) skipped" in out
    assert "Warnings:" not in out and "Skipped:" not in out

    records = json.loads((tmp_path / "dist" / "articles.json").read_text(encoding="utf-8"))
    titles = {r["title"]: r for r in records}
    assert sorted(titles) == [
        "Café owner wins award for “best breakfast”",
        "Library extends opening hours",
        "Market hall roof to be replaced",
        "Mill Road bridge reopens after flood repairs",
        "Rail strike called off after late deal",
        "River bursts its banks on Mill Road",
        "Road closures for Sunday's half marathon",
        "School choir wins regional title",
        "Valley Rovers promoted after 4-0 win",
    ]
    assert titles["Mill Road bridge reopens after flood repairs"]["section"] == "Archive"
    assert titles["Market hall roof to be replaced"]["tags"] == ["council", "heritage"]
    for record in records:
        page = (tmp_path / "dist" / record["url"]).read_text(encoding="utf-8")
        assert (
            f'<h1 class="story-title" data-pagefind-meta="title">{escape(record["title"])}</h1>'
            in page
        )
        assert "alert(" not in page and "onerror" not in page and "<iframe" not in page
