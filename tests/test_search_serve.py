"""serve reloads pages at once and brings Pagefind's index up to date in the background."""

from __future__ import annotations

import gzip
import io
import json
import time
from collections.abc import Callable
from pathlib import Path

from newsarchive.builder import Paths
from newsarchive.serve import Project, start

from conftest import ROOT, write_files

WAIT = 60.0  # seconds to wait for something that should happen (a loaded machine is slow)
STORY = "articles/world/2023-01-05-harbour.md"
ARTICLES = {
    STORY: "---\ntitle: Harbour reopens\ndate: 2023-01-05\n---\n\nBoats returned on Monday.\n",
    "articles/sport/2023-02-01-final.md": "---\ntitle: Cup final\ndate: 2023-02-01\n---\n\nA draw.\n",
    "site.yaml": "",
}


def eventually(check: Callable[[], bool], what: str) -> None:
    """Wait until check() holds; fail naming what never happened."""
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.1)


def indexed_text(dist: Path) -> str:
    """Return the text of every page Pagefind's bundle holds (its fragments, decoded)."""
    texts = []
    for fragment in sorted((dist / "pagefind").rglob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        texts.append(json.loads(data[len(b"pagefind_dcd") :])["content"])
    return "\n".join(texts)


def test_serve_shows_an_edit_at_once_and_search_catches_up(tmp_path):
    write_files(tmp_path, ARTICLES)
    paths = Paths(
        tmp_path / "articles",
        tmp_path / "dist",
        ROOT / "templates",
        ROOT / "static",
        tmp_path / ".newsarchive",
    )
    out = io.StringIO()
    server = start(Project(paths, tmp_path / "site.yaml"), "127.0.0.1", 0, out=out, err=out)
    dist = tmp_path / "dist"
    try:
        eventually(lambda: "Boats returned" in indexed_text(dist), "the first index")
        story = tmp_path / STORY
        story.write_text(story.read_text() + "\nA walrus named Quillibet dozed on the pier.\n")
        records = json.loads((dist / "articles.json").read_text(encoding="utf-8"))
        page = dist / next(r["url"] for r in records if r["source"] == STORY[9:])
        eventually(lambda: "Quillibet" in page.read_text(encoding="utf-8"), "the rebuild")
        eventually(lambda: "Quillibet" in indexed_text(dist), "search catching up")
        assert "Search index up to date." in out.getvalue()
    finally:
        server.stop()
