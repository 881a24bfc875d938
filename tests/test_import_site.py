"""Whole-site test: import every kind of source, then build; the site has every article and
the build reports no skipped file, and no warning but the one for the feed's hostile image."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape
from test_import import SAMPLES, write_warc

from conftest import ROOT, build_at, run_cli


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
    assert "Read 9 articles" in out and "0 files skipped" in out
    assert "Skipped:" not in out
    # The feed's hostile <img src="x" onerror=...> is left out, and now said to be (no other
    # warning: an image that is not there is one since images are copied).
    warnings = out.split("Warnings:\n", 1)[1].split("\nWrote ", 1)[0].splitlines()
    assert len(warnings) == 1 and "image 'x' is not an image file" in warnings[0]

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


def test_docs_examples_print_what_the_docs_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every `$ python build.py import ...` block in docs/import.md, run in order on the samples."""
    shutil.copytree(SAMPLES, tmp_path, dirs_exist_ok=True)
    write_warc(
        tmp_path / "crawl.warc.gz",
        [
            (
                "https://gazette.example/2023/02/20/flood/",
                "text/html; charset=utf-8",
                (SAMPLES / "saved" / "mill-road-flood.html").read_bytes(),
            ),
            ("https://gazette.example/img/flood.jpg", "image/jpeg", b"\xff\xd8\xff"),
        ],
    )
    monkeypatch.chdir(tmp_path)
    docs = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    examples = re.findall(r"^\$ python build\.py (import .*)\n((?:(?!\$ |```).*\n)*)", docs, re.M)
    assert len(examples) == 7
    for command, shown in examples:
        _, out, _ = run_cli(*command.split())
        assert out.strip() == shown.strip(), command
