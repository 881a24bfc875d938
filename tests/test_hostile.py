"""The hostile corpus and injection: nothing crashes, nothing is lost, nothing is injected.

The corpus is tests/hostile/articles/, written by tests/hostile/make_corpus.py, which also says
what must become of each file. Inputs too big to commit or that git cannot hold (a 5 MB article,
a 60 kB line, a 65 MB sparse file, symlinks, a FIFO) are added here, in a temporary copy.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import feedparser
import html5lib
import pytest
import yaml

from newsarchive.check import check_site
from newsarchive.errors import BuildError
from newsarchive.loader.discover import shown_name
from newsarchive.writer import safe_relative

from conftest import build_at, run_cli

HOSTILE = Path(__file__).parent / "hostile"
SECRET = "SECRET-7f3a-must-never-be-published"
BIG_PARAGRAPHS = 8_000  # about 5 MB of text


def _corpus() -> ModuleType:
    """Import tests/hostile/make_corpus.py, which holds the cases."""
    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


CORPUS = _corpus()
CASES = CORPUS.CASES

# What must become of the inputs made at test time: (outcome, words of the message or page).
TEST_TIME = {
    "big_5mb.txt": ("page", f"Paragraph {BIG_PARAGRAPHS} is the last of the file."),
    "long_line_60kb.txt": ("page", "the very end of the long line."),
    "long_line_60kb.md": ("page", "the very end of the long line."),
    "sparse_65mb.txt": ("skipped", "is 65 MB, over the 64 MB limit for one article"),
    "named_pipe.txt": ("skipped", "is not a regular file"),
    "link_outside_file.txt": ("skipped", "is a symbolic link to somewhere outside"),
    "link_outside_folder": ("skipped", "is a symbolic link to somewhere outside"),
    "link_to_dev_zero.txt": ("skipped", "is a symbolic link to somewhere outside"),
    "link_loop.txt": ("skipped", "is a symbolic link to somewhere outside"),
    "link_broken.txt": ("skipped", "is not a regular file (broken link or device)"),
    "link_inside_folder": ("skipped", "is a link to a folder inside the archive"),
    "link_inside.txt": ("page", "Grève à Paris"),
    "line\ufffdbreak in the name.txt": ("page", "A newline in the file name"),
    "bad \ufffd name.txt": ("page", "Bytes that are not UTF-8 in the file name"),
    "control \ufffd\ufffd name.txt": ("page", "Control characters in the file name"),
}


@dataclass
class HostileSite:
    """A build of the hostile corpus, with what the folder held before and after it."""

    code: int
    out: str
    err: str
    root: Path
    articles: Path
    dist: Path
    before: dict[str, tuple[int, int, int]]
    after: dict[str, tuple[int, int, int]]

    def records(self) -> dict[str, dict[str, object]]:
        """Return articles.json by source path."""
        data = json.loads((self.dist / "articles.json").read_text(encoding="utf-8"))
        return {r["source"]: r for r in data}

    def text(self, path: str) -> str:
        """Return an output file as text with HTML entities decoded."""
        return html.unescape((self.dist / path).read_text(encoding="utf-8"))

    def message_for(self, name: str) -> str:
        """Return the summary lines about a file, alone or as the heading of a group of files."""
        found, heading = [], ""
        for line in self.out.splitlines():
            if line.startswith("    "):
                found += [heading] if names(line[4:], name) else []
            elif line.startswith("  "):
                heading = line[2:]
                if names(heading, name):
                    found.append(heading)
        return "\n".join(found)


def names(text: str, name: str) -> bool:
    """Tell whether a summary line or group entry is about a file (or a folder link)."""
    return text in (name, f"{name}/") or text.startswith((f"{name}:", f"{name}/:"))


def snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int, int]]:
    """Return (mode, size, mtime) of every entry under root, not following links, except skip."""
    found = {}
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        dirnames[:] = [d for d in dirnames if here / d != skip]
        for name in dirnames + filenames:
            info = (here / name).lstat()
            found[(here / name).relative_to(root).as_posix()] = (
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
            )
    return found


def add_test_time_inputs(root: Path, articles: Path) -> None:
    """Add the inputs that are too big to commit or that git cannot hold."""
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret\n\n{SECRET}\n", encoding="utf-8")
    paragraphs = (
        f"Paragraph {n} of the council report runs on about the budget, the harbour, the "
        "railway and the hospital, with figures for every ward and every year since 1990. " * 7
        for n in range(1, BIG_PARAGRAPHS)
    )
    big = "A five megabyte article\n\n" + "\n\n".join(paragraphs)
    big += f"\n\nParagraph {BIG_PARAGRAPHS} is the last of the file.\n"
    (articles / "big_5mb.txt").write_text(big, encoding="utf-8")
    line = "The council met again on Tuesday to discuss the budget for the coming year. " * 790
    for suffix in ("txt", "md"):
        (articles / f"long_line_60kb.{suffix}").write_text(
            line + "This is the very end of the long line.", encoding="utf-8"
        )
    with (articles / "sparse_65mb.txt").open("wb") as sparse:
        sparse.truncate(65 * 1024 * 1024)
    os.mkfifo(articles / "named_pipe.txt")
    (articles / "link_outside_file.txt").symlink_to(outside / "secret.txt")
    (articles / "link_outside_folder").symlink_to(outside, target_is_directory=True)
    (articles / "link_to_dev_zero.txt").symlink_to("/dev/zero")
    (articles / "link_loop.txt").symlink_to("link_loop.txt")
    (articles / "link_broken.txt").symlink_to("no_such_file.txt")
    (articles / "link_inside_folder").symlink_to("world", target_is_directory=True)
    (articles / "link_inside.txt").symlink_to("utf16_le_bom.txt")
    for name, headline in [
        ("line\nbreak in the name.txt", "A newline in the file name"),
        (os.fsdecode(b"bad \xff name.txt"), "Bytes that are not UTF-8 in the file name"),
        ("control \x01\x85 name.txt", "Control characters in the file name"),
    ]:
        (articles / name).write_text(f"{headline}\n\nIt still gets a page.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """Build the hostile corpus (plus the test-time inputs) once for this module."""
    root = tmp_path_factory.mktemp("hostile")
    articles = root / "articles"
    shutil.copytree(HOSTILE / "articles", articles, symlinks=True)
    add_test_time_inputs(root, articles)
    (root / "site.yaml").write_text("permalink: '{slug}/'\nper_page: 10\n", encoding="utf-8")
    dist = root / "dist"
    before = snapshot(root, dist)  # the build cache (.newsarchive, beside site.yaml) is its own
    code, out, err = run_cli(
        "--articles", str(articles), "--output", str(dist), "--config", str(root / "site.yaml")
    )
    after = snapshot(root, dist)
    after = {k: v for k, v in after.items() if k.split("/")[0] != ".newsarchive"}
    return HostileSite(code, out, err, root, articles, dist, before, after)


def test_committed_corpus_is_what_the_generator_writes(tmp_path):
    CORPUS.write(tmp_path / "fresh")
    fresh = {
        p.relative_to(tmp_path / "fresh"): p.read_bytes()
        for p in (tmp_path / "fresh").rglob("*")
        if p.is_file()
    }
    committed = {
        p.relative_to(HOSTILE / "articles"): p.read_bytes()
        for p in (HOSTILE / "articles").rglob("*")
        if p.is_file()
    }
    assert committed == fresh, "run: python tests/hostile/make_corpus.py"
    assert sum(len(data) for data in committed.values()) < 200_000


def test_the_build_finishes_without_a_traceback(hostile):
    assert hostile.code == 0, hostile.err
    assert "error" not in hostile.err.lower(), hostile.err  # stderr has progress lines only
    assert "Traceback" not in hostile.out
    assert hostile.out.rstrip().split("\n")[-1].startswith("Wrote ")


@pytest.mark.parametrize(
    "name", sorted(n for n, c in CASES.items() if c.outcome not in ("ignored", "copied"))
)
def test_each_corpus_file_gets_a_page_or_a_message(hostile, name):
    case = CASES[name]
    records = hostile.records()
    message = hostile.message_for(name)
    if case.outcome == "skipped":
        assert name not in records
        assert case.message in message, hostile.out
        return
    assert name in records, message
    if case.outcome == "warning":
        assert case.message in message, hostile.out
    if case.shows:
        assert case.shows in hostile.text(records[name]["url"])


@pytest.mark.parametrize("name", sorted(TEST_TIME))
def test_each_test_time_input_gets_a_page_or_a_message(hostile, name):
    outcome, words = TEST_TIME[name]
    records = hostile.records()
    if outcome == "skipped":
        assert name not in records
        assert words in hostile.message_for(name), hostile.out
    else:
        assert words in hostile.text(records[name]["url"])


def test_junk_files_are_counted_and_never_published(hostile):
    junk = [name for name, case in CASES.items() if case.outcome == "ignored"]
    assert (
        "Ignored 11 non-article files: 4 backup files, 2 hidden files, 2 hidden "
        "folders, 3 other files." in hostile.out
    )
    assert len(junk) == 11
    assert not set(junk) & set(hostile.records())


def test_every_input_file_is_accounted_for(hostile):
    named = set(hostile.records())
    every = {
        shown_name(p.relative_to(hostile.articles).as_posix())
        for p in hostile.articles.rglob("*")
        if p.is_file() or p.is_symlink()
    }
    junk = {name for name, case in CASES.items() if case.outcome == "ignored"}
    copied = {name for name in every if (hostile.dist / "media" / name).is_file()}
    assert copied == {name for name, case in CASES.items() if case.outcome == "copied"}
    for name in sorted(every - junk - named - copied):
        assert hostile.message_for(name), f"{name!r} has no page and no message"


def test_nothing_is_written_outside_the_output_folder(hostile):
    assert hostile.after == hostile.before
    siblings = sorted(p.name for p in hostile.root.iterdir())
    assert siblings == [".newsarchive", "articles", "dist", "outside", "site.yaml"]


def test_output_holds_only_regular_files_and_no_secret(hostile):
    for path in hostile.dist.rglob("*"):
        assert not path.is_symlink(), path
        assert path.is_dir() or path.is_file(), path
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_front_matter_paths_become_plain_slugs(hostile):
    records = hostile.records()
    assert records["slug_dotdot_traversal.md"]["url"] == "passwd/index.html"
    assert records["slug_absolute_path.md"]["url"] == "owned/index.html"
    assert records["url_dotdot_traversal.md"]["url"] == "outside/index.html"
    assert records["slug_backslashes.md"]["url"] == "system32/index.html"
    assert records["slug_reserved_static.md"]["url"] == "static-2/index.html"  # after Static
    assert str(records["section_dotdot_traversal.md"]["section"]).casefold() == "etc"
    for record in records.values():
        url = str(record["url"])
        assert url.isascii() and not url.startswith("/") and ".." not in url.split("/")
        assert (hostile.dist / url).resolve().is_relative_to(hostile.dist.resolve())


def test_reserved_headlines_never_replace_generated_pages(hostile):
    records = hostile.records()
    urls = {name: records[name]["url"] for name in records if name.startswith("headline_")}
    assert urls["headline_static.txt"] == "articles/static/index.html"
    assert urls["headline_search.txt"] == "articles/search/index.html"
    assert urls["headline_page.txt"] == "articles/page/index.html"
    assert urls["headline_sections.txt"] == "articles/sections/index.html"
    assert urls["headline_index.txt"] != urls["headline_index_again.txt"]
    assert "Latest stories" in hostile.text("index.html")
    assert "Page not found" in hostile.text("404.html")
    assert ET.parse(hostile.dist / "feed.xml").getroot().tag.endswith("feed")
    assert isinstance(json.loads(hostile.text("articles.json")), list)


def test_non_latin_headlines_keep_their_text_and_get_ascii_urls(hostile):
    records = hostile.records()
    for name, title in [
        ("headline_chinese.txt", "中国经济增长放缓"),
        ("headline_arabic.txt", "الحكومة تعلن خطة جديدة"),
        ("headline_cyrillic.txt", "Правительство объявило новый план"),
    ]:
        assert records[name]["title"] == title
        assert str(records[name]["url"]).isascii()
        assert f">{title}</h1>" in hostile.text(records[name]["url"])


def test_big_article_loses_no_paragraph(hostile):
    record = hostile.records()["big_5mb.txt"]
    page = hostile.text(record["url"])
    assert page.count("<p>Paragraph ") == BIG_PARAGRAPHS
    assert int(record["word_count"]) > 700_000


def test_check_finds_no_error_in_the_hostile_site(hostile):
    result = check_site(hostile.dist)
    assert [str(f) for f in result.findings] == []
    assert result.pages > 70 and result.feeds >= 2


def test_hostile_feeds_parse(hostile):
    for path in [hostile.dist / "feed.xml", *sorted((hostile.dist / "feeds").glob("*.xml"))]:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.bozo_exception)
        assert feed.entries


# Injection: every field a file can set, on every page kind that shows it.


def payload(field: str) -> str:
    """Return markup that tries every way out of text, tagged with the field's name."""
    return (
        f"{field}-mark \"'><script>alert('{field}')</script><img src=\"https://example.invalid/"
        'i.png" onerror="alert(2)"><iframe src="javascript:alert(3)"></iframe><style>*'
        '{display:none}</style><a href="javascript:alert(4)" onclick="alert(5)">x</a>'
        '<a href="data:text/html,x">y</a></script><!--'
    )


def short(field: str) -> str:
    """Return a payload short enough for a file or folder name, with no slash in it."""
    return f"{field}mark \"'><img src=x onerror=alert(1)><b onclick=alert(2)>&amp;"


def front_matter(**fields: object) -> str:
    """Return YAML front matter for fields, on one line each."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, width=100_000) + "---\n"


INJECTION_FILES = {
    "2023-04-01-front-matter.md": front_matter(
        title=payload("title"),
        date="2023-04-01",
        tags=[payload("tag")],
        section=short("section"),
        author=payload("author"),
        source=payload("source"),
        summary=payload("summary"),
        caption=payload("caption"),
        credit=payload("credit"),
        slug=payload("slug"),
    )
    + "\n"
    + payload("markdown")
    + "\n\n[link](javascript:alert(6)) ![img](data:image/png;"
    "base64,AA) <javascript:alert(7)> <a href='&#106;avascript:alert(8)'>z</a>\n",
    "2023-04-02-raw.txt": (
        f"{payload('rawcaption')}\n{payload('rawcaption')} AFP / <b>STR</b>\n\n"
        "By Jane O'Brien-Smith\n\n"
        f"O'HARE, Ill. (AP & Co/x') - {payload('paragraph')}\n\n{payload('second')}\n"
    ),
    "2023-04-03-headline.txt": f"{payload('headline')}\n\nA plain body for the headline.\n",
    f"{short('folder')}/2023-04-04-in-folder.txt": "In a folder\n\nFolder body.\n",
    f"{short('file')}.txt": "File name story\n\nBody of the file name story.\n",
}

# Where each field must be shown as text: (field, output paths as globs under dist/).
FIELD_PAGES = [
    (
        "title",
        [
            "articles/*/index.html",
            "index.html",
            "sections/*/index.html",
            "tags/*/index.html",
            "archive/2023/index.html",
            "archive/2023/04/index.html",
            "404.html",
            "feed.xml",
        ],
    ),
    (
        "tag",
        [
            "articles/*/index.html",
            "tags/index.html",
            "tags/*/index.html",
            "topics/index.html",
            "feed.xml",
        ],
    ),
    ("section", ["index.html", "sections/index.html", "sections/*/index.html", "feeds/*.xml"]),
    ("author", ["articles/*/index.html", "feed.xml"]),
    ("source", ["articles/*/index.html", "index.html"]),
    ("summary", ["articles/*/index.html", "index.html", "feed.xml"]),
    ("caption", ["articles/*/index.html"]),
    ("credit", ["articles/*/index.html"]),
    ("rawcaption", ["articles/*/index.html"]),
    ("paragraph", ["articles/*/index.html"]),
    ("second", ["articles/*/index.html"]),
    ("headline", ["articles/*/index.html", "index.html", "feed.xml"]),
    ("folder", ["index.html", "sections/index.html", "sections/*/index.html"]),
    ("file", ["articles/*/index.html"]),
]
SAFE_ELEMENTS_WITH_URLS = ("a", "link", "img", "script", "form")


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a site whose every field tries to inject markup; return its output folder."""
    root = tmp_path_factory.mktemp("injection")
    for name, text in INJECTION_FILES.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    code, out, err = build_at(root)
    assert code == 0, err
    assert "Read 5 articles" in out
    return root / "dist"


def dom(path: Path) -> ET.Element:
    """Parse an HTML page the way a browser does."""
    tree: ET.Element = html5lib.parse(
        path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False
    )
    return tree


def shown(path: Path) -> list[str]:
    """Return the texts and attribute values of a page or feed, and JSON-LD string values."""
    root = ET.parse(path).getroot() if path.suffix == ".xml" else dom(path)
    found = []
    for element in root.iter():
        found += [element.text or "", element.tail or "", *element.attrib.values()]
        if element.tag == "script" and element.get("type") == "application/ld+json":
            found += _strings(json.loads(element.text or ""))
    return found


def _strings(data: object) -> list[str]:
    """Return every string inside parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


@pytest.mark.parametrize(("field", "globs"), FIELD_PAGES, ids=[f for f, _ in FIELD_PAGES])
def test_each_field_is_shown_as_text_on_every_page_kind(injected, field, globs):
    want = short(field) if field in ("section", "folder", "file") else payload(field)
    for pattern in globs:
        pages = sorted(injected.glob(pattern))
        assert pages, pattern
        # Folder and section names may be shown title-cased, so compare those without case.
        values = [v.casefold() for page in pages for v in shown(page)]
        assert any(want.casefold() in value for value in values), (field, pattern)


def is_the_404s_own(root: Path, page: Path, element: Any) -> bool:
    """Tell whether an element is the 404 page's own inlined stylesheet or its script that
    finds the site's root (it is served at any depth: notfound.py)."""
    if page != root / "404.html":
        return False
    text = (element.text or "").strip()
    if element.tag == "style":
        css = (root / "static" / "style.css").read_text(encoding="utf-8")
        return text == css.replace("</", "<\\/").strip()
    return element.tag == "script" and "find the site's root" in text


def test_no_page_holds_injected_markup(injected):
    pages = sorted(injected.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        for element in dom(page).iter():
            where = f"{page.relative_to(injected)} <{element.tag}>"
            if is_the_404s_own(injected, page, element):
                continue
            assert element.tag not in ("iframe", "style", "object", "embed", "base"), where
            assert not any(name.lower().startswith("on") for name in element.attrib), where
            for name in ("href", "src", "action"):
                value = "".join(element.get(name, "").split()).lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), where
            if element.tag == "script":
                assert element.get("type") == "application/ld+json" or (
                    element.get("src") and not (element.text or "").strip()
                ), where
            if element.tag == "img":  # the Markdown image with a data: URL lost its src
                assert element.get("src", "https://example.invalid/").startswith(
                    "https://example.invalid/"
                ), where


def test_json_ld_survives_a_closing_script_tag_in_every_field(injected):
    found = {}
    for page in sorted(injected.glob("articles/*/index.html")):
        blocks = [e for e in dom(page).iter("script") if e.get("type") == "application/ld+json"]
        assert len(blocks) == 1, page
        data = json.loads(blocks[0].text or "")
        found[data["headline"]] = data
    assert payload("headline") in found
    data = found[payload("title")]
    assert data["author"]["name"] == payload("author")
    assert data["image"]["caption"] == payload("caption")
    assert payload("tag") in data["keywords"]


def test_feeds_keep_injected_text_as_text(injected):
    feed = feedparser.parse((injected / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert payload("title") in titles and payload("headline") in titles
    entry = feed.entries[titles.index(payload("title"))]
    assert entry.author == payload("author")


def test_check_finds_no_error_in_the_injected_site(injected):
    assert [str(f) for f in check_site(injected).findings] == []


def test_search_index_scripts_hold_injected_text_as_json_data(injected):
    scripts = sorted((injected / "search-index").glob("*.js"))
    assert scripts
    texts = []
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        head, _, rest = source.partition(",")
        assert head.startswith('newsarchiveSearchIndex("') and rest.endswith(");\n"), script
        texts += _strings(json.loads(rest[: -len(");\n")]))
    assert payload("title") in texts and payload("headline") in texts


@pytest.mark.parametrize(
    ("path", "written"),
    [("a/b.html", "a/b.html"), ("a//b", "a/b"), ("./a", "a"), ("a/./b/", "a/b")],
)
def test_output_paths_are_written_normalised(path, written):
    assert safe_relative(path) == written


@pytest.mark.parametrize("path", ["/etc/passwd", "..", "a/../../b", "", "a\\..\\b", "./.."])
def test_output_paths_outside_the_folder_are_refused(path):
    with pytest.raises(BuildError, match="refusing to write outside the output folder"):
        safe_relative(path)
