"""Write the hostile corpus: the worst real-world inputs, one file per case, named for the case.

Run from anywhere, then commit what it writes (about 60 kB):

    python tests/hostile/make_corpus.py

It rewrites tests/hostile/articles/ from CASES below. Inputs that are too big to commit (a 5 MB
article, a 60 kB single line, a 65 MB sparse file) or that git cannot hold usefully (symlinks, a
FIFO) are made at test time by tests/test_hostile.py, in a temporary copy of the corpus.

Each case says what the build must do with the file: give it a page ("page"), name it with a
reason in the summary ("skipped" or "warning", with the words of the message), or count it as a
non-article ("ignored").
"""

from __future__ import annotations

import codecs
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"


@dataclass(frozen=True)
class Case:
    """One hostile input and what the build must do with it."""

    data: bytes
    outcome: str  # "page", "skipped", "warning" (a page and a message), "ignored" or "copied"
    message: str = ""  # words the summary line naming the file must contain
    shows: str = ""  # text the file's page must show


def _text(text: str) -> bytes:
    """Encode text as UTF-8."""
    return text.encode("utf-8")


_WORD_TEXT = (
    "council budget harbour storm election court hospital school railway bridge farmers "
    "festival museum river police strike market housing library airport vaccine drought "
    "orchestra tunnel factory protest ferry stadium census glacier"
)
_WORDS = _WORD_TEXT.split()


def _body(seed: str) -> str:
    """Return a sentence of its own for each article, so stories are not near-duplicates."""
    words = random.Random(seed).sample(_WORDS, 9)
    return f"The {words[0]} and the {words[1]} met the {' and the '.join(words[2:])} today."


def _story(headline: str, body: str = "") -> bytes:
    """Return a small raw-text article."""
    return _text(f"{headline}\n\n{body or _body(headline)}\n")


def _md(front: str, body: str = "") -> bytes:
    """Return a Markdown article with front matter."""
    return _text(f"---\n{front}\n---\n\n{body or _body(front)}\n")


_GREVE = "Grève à Paris\n\nLes syndicats appellent à une grève générale, déjà très suivie.\n"
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
_RANDOM = random.Random(7).randbytes(3000)
_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

ENCODINGS = {
    "empty.txt": Case(b"", "skipped", "is empty"),
    "whitespace_only.txt": Case(b"  \n\t\n \r\n\xc2\xa0\n", "skipped", "contains only whitespace"),
    "bom_only.txt": Case(codecs.BOM_UTF8, "skipped", "contains only whitespace"),
    "binary_png_named.txt": Case(_PNG, "skipped", "looks like a binary file"),
    "binary_random_named.markdown": Case(_RANDOM, "skipped", "looks like a binary file"),
    "binary_gzip_named.txt": Case(b"\x1f\x8b\x08\x00" + _RANDOM, "skipped", "binary file"),
    "utf16_le_bom.txt": Case(
        codecs.BOM_UTF16_LE + _GREVE.encode("utf-16-le"), "page", shows="Grève à Paris"
    ),
    "utf16_be_bom.txt": Case(
        codecs.BOM_UTF16_BE + _GREVE.encode("utf-16-be"), "page", shows="grève générale"
    ),
    "utf16_le_no_bom.txt": Case(_GREVE.encode("utf-16-le"), "page", shows="déjà très suivie"),
    "utf16_odd_surrogate.txt": Case(
        codecs.BOM_UTF16_LE
        + "Broken pair\n\nA lone ".encode("utf-16-le")
        + b"\x00\xd8"
        + " surrogate sits here.\n".encode("utf-16-le"),
        "page",
        shows="surrogate sits here",
    ),
    "utf8_bom_crlf.txt": Case(
        codecs.BOM_UTF8 + b"Cafe owners protest\r\n\r\nOwners marched\r\nthrough town.\r\n",
        "page",
        shows="Owners marched through town.",
    ),
    "cr_only_line_ends.txt": Case(
        b"Old Mac file\r\rSaved with\rclassic Mac line ends.\r",
        "page",
        shows="Saved with classic Mac line ends.",
    ),
    "cp1252_pound_euro_quotes.txt": Case(
        b"Prices rise at the caf\xe9\n\nA caf\xe9 charges \xa310 or \x8012 for its "
        b"\x93special\x94 menu.\n",
        "page",
        shows="charges £10 or €12 for its “special” menu",
    ),
    "latin1_accents.txt": Case(
        "Fête à Montréal\n\nLes élèves ont célébré.\n".encode("latin-1"),
        "page",
        shows="Les élèves ont célébré.",
    ),
    "invalid_utf8_in_middle.txt": Case(
        _text("Crème brûlée à São Paulo\n\nThe café served crème brûlée, ")
        + b"\xff\xfe"
        + _text(" naïve but délicieux.\n"),
        "page",
        shows="naïve but délicieux.",
    ),
    "nul_bytes_inside.txt": Case(
        b"Headline with a\x00 stray NUL\n\nBody te\x00xt here.\x07\n",
        "page",
        shows="Body text here.",
    ),
    "ansi_escapes.txt": Case(
        b"\x1b[31mRed alert\x1b[0m\n\nTerminal \x1b[2Jcodes.\n", "page", shows="[31mRed alert[0m"
    ),
    "nfd_accents.txt": Case(
        _text("Cafe\u0301 news\n\nThe cafe\u0301 reopened.\n"), "page", shows="The café reopened."
    ),
}

STRUCTURE = {
    "headline_only.txt": Case(b"Just a headline\n", "warning", "has a headline but no body"),
    "headline_only_no_newline.txt": Case(
        b"Headline without a newline", "warning", "has a headline but no body"
    ),
    "headline_very_long.txt": Case(_story("Long " * 58 + "end"), "page", shows="Long Long"),
    "headline_too_long_is_a_paragraph.txt": Case(
        _text("Word " * 100 + "end of a very long first line.\n\nSecond paragraph.\n"),
        "page",
        shows="Second paragraph.",
    ),
    "front_matter_only.md": Case(
        _text("---\ntitle:\ndate: 2023-01-05\n---\n"),
        "skipped",
        "has front matter but no text and no title",
    ),
    "front_matter_unclosed.md": Case(
        _text("---\ntitle: Never closed\n\nBody text.\n"), "page", shows="Body text."
    ),
    "broken_yaml_unclosed_list.md": Case(
        _md("title: [unclosed"), "warning", "front matter is not valid YAML", shows="met the"
    ),
    "broken_yaml_tab_indent.md": Case(
        _md("title: Tabs\n\tdate: 2023-01-01"), "warning", "front matter is not valid YAML"
    ),
    "broken_yaml_not_a_mapping.md": Case(
        _md("- just\n- a list"), "warning", "front matter must be 'key: value' lines"
    ),
    "broken_yaml_alias_bomb.md": Case(
        _md("title: Laughs\na: &a [x, x, x, x, x, x, x, x, x]\n" + _LAUGHS + "tags: *i"),
        "warning",
        "front matter uses YAML anchors or aliases",
    ),
    "broken_yaml_deep_nesting.md": Case(
        _md("title: " + "[" * 3000 + "]" * 3000), "warning", "nested too deeply", shows="met the"
    ),
    "broken_yaml_bad_date.md": Case(
        _md("title: Bad date\ndate: 31/31/2019"), "warning", "'31/31/2019' is not a date"
    ),
    "slug_dotdot_traversal.md": Case(_md("title: Traversal\nslug: ../../../etc/passwd"), "page"),
    "slug_absolute_path.md": Case(_md("title: Absolute\nslug: /etc/cron.d/owned"), "page"),
    "url_dotdot_traversal.md": Case(_md("title: Url traversal\nurl: ../../outside/"), "page"),
    "slug_backslashes.md": Case(_md("title: Backslashes\nslug: ..\\..\\windows\\system32"), "page"),
    "slug_only_dots.md": Case(
        _md("title: Only dots\nslug: ../.."), "warning", "gives no usable slug"
    ),
    "slug_reserved_static.md": Case(_md("title: Reserved slug\nslug: static"), "page"),
    "section_dotdot_traversal.md": Case(
        _md("title: Section traversal\nsection: ../../etc"), "page"
    ),
    "headline_index.txt": Case(_story("Index"), "page"),
    "headline_index_again.txt": Case(_story("Index", "A second story called Index."), "page"),
    "headline_feed.txt": Case(_story("Feed"), "page"),
    "headline_feed_xml.txt": Case(_story("feed.xml"), "page"),
    "headline_search.txt": Case(_story("Search"), "page"),
    "headline_404.txt": Case(_story("404"), "page"),
    "headline_static.txt": Case(_story("Static"), "page"),
    "headline_articles_json.txt": Case(_story("articles.json"), "page"),
    "headline_articles.txt": Case(_story("Articles"), "page"),
    "headline_page.txt": Case(_story("Page"), "page"),
    "headline_sections.txt": Case(_story("Sections"), "page"),
    "2023-03-01-dated-index.txt": Case(_story("Index", "A dated story called Index."), "page"),
    "2023-03-02-dated-arabic.txt": Case(_story("مؤتمر صحفي في بيروت"), "page"),
    "2023-03-03-dated-markup.md": Case(
        _md(
            'title: "Fish & <chips> \\"quoted\\" \'single\'"\ndate: 2023-03-03\n'
            'tags: [A & B, "<tag>", Ünïcödé]\nauthor: "O\'Brien & <Co>"'
        ),
        "page",
        shows="Fish & <chips> \"quoted\" 'single'",
    ),
    "world/2023-03-04-dated-in-a-section.txt": Case(_story("Section feed entry"), "page"),
    "headline_chinese.txt": Case(
        _story("中国经济增长放缓", "国家统计局周二公布的数据显示。"),
        "page",
        shows="中国经济增长放缓",
    ),
    "headline_arabic.txt": Case(
        _story("الحكومة تعلن خطة جديدة", "قالت الحكومة يوم الثلاثاء."),
        "page",
        shows="الحكومة تعلن خطة جديدة",
    ),
    "headline_cyrillic.txt": Case(
        _story("Правительство объявило новый план"),
        "page",
        shows="Правительство объявило новый план",
    ),
    "headline_emoji_only.txt": Case(_story("🔥🔥🔥"), "page", shows="🔥🔥🔥"),
    "headline_bidi_override.txt": Case(_story("\u202eevil.exe\u202c headline"), "page"),
    "byline_backtracking.txt": Case(
        _story("Byline trap", "By A" + " and x" * 40 + "!"), "page", shows="and x and x!"
    ),
    "exact_duplicate_a.txt": Case(_story("Twin story", "Exactly the same words."), "page"),
    "exact_duplicate_b.txt": Case(_story("Twin story", "Exactly the same words."), "page"),
    "markdown_deep_blockquote.md": Case(
        _text("# Deep quote\n\n" + ">" * 400 + " inside\n"), "page", shows="inside"
    ),
    "markdown_nested_divs.md": Case(
        _text("# Divs\n\n" + "<div>" * 2000 + "core" + "</div>" * 2000), "page", shows="core"
    ),
    "UPPER_CASE_SUFFIX.TXT": Case(_story("Shouting suffix"), "page"),
    "file with spaces.txt": Case(_story("Spaces in the file name"), "page"),
    "café à la une.txt": Case(_story("Accents in the file name"), "page"),
    "новости дня.txt": Case(_story("Cyrillic file name"), "page"),
    "報道 2023.md": Case(_text("# Chinese file name\n\nBody.\n"), "page"),
    'quote\'s & <angle> "double".txt': Case(
        _story("Markup in the file name"), "page", shows='quote\'s & <angle> "double".txt'
    ),
    "2023-02-30-impossible-date.txt": Case(_story("Impossible file-name date"), "page"),
    "world/europe/france/paris/deeply nested.txt": Case(_story("Deep in the sections"), "page"),
    "Économie et finance/marchés.txt": Case(_story("Markets rally"), "page"),
    'R&D <lab> "x"/lab note.txt': Case(
        _story("Section name with markup"), "page", shows='R&D <lab> "x"'
    ),
}

JUNK = {
    ".DS_Store": Case(b"\x00\x00\x00\x01Bud1" + bytes(64), "ignored"),
    "notes.txt~": Case(_story("Editor backup"), "ignored"),
    "#draft.txt#": Case(_story("Emacs autosave"), "ignored"),
    ".hidden.txt": Case(_story("Hidden file"), "ignored"),
    ".svn/entries.txt": Case(_story("Hidden folder"), "ignored"),
    "_drafts/draft.txt": Case(_story("Underscore folder"), "ignored"),
    "cover.jpg": Case(b"\xff\xd8\xff\xe0" + bytes(32), "copied"),  # an image, named by none
    "Thumbs.db": Case(bytes(64), "ignored"),
    "story.txt.swp": Case(b"b0VIM 8.2" + bytes(32), "ignored"),
    "story.md.bak": Case(_story("Backup"), "ignored"),
    "desktop.ini": Case(b"[.ShellClassInfo]\r\n", "ignored"),
    "no_extension": Case(_story("No extension"), "ignored"),
}

CASES: dict[str, Case] = {**ENCODINGS, **STRUCTURE, **JUNK}


def write(target: Path = ARTICLES) -> None:
    """Write every case under target, replacing what was there."""
    if target.exists():
        shutil.rmtree(target)
    for name, case in CASES.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data)


def main() -> None:
    """Rewrite tests/hostile/articles/ and say how big it is."""
    write()
    size = sum(p.stat().st_size for p in ARTICLES.rglob("*") if p.is_file())
    print(f"wrote {len(CASES)} files ({size // 1024} kB) to {ARTICLES}")


if __name__ == "__main__":
    main()
