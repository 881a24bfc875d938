"""What every importer shares: item records, text cleaning, and writing article files safely."""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Literal

import yaml

from ..loader import frontmatter, markup
from ..text import make_slug, normalise

EXTRA_HINT = "install it with: pip install -e '.[import]'"
_TAG = re.compile(r"<[^>]*>")
_BLOCK = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|dl|hr|br)\b", re.IGNORECASE
)
_LOOKS_HTML = re.compile(
    r"</?(?:p|div|br|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|img|span|table)\b[^>]*>",
    re.IGNORECASE,
)


BodyKind = Literal["html", "markdown", "text"]

# libyaml's emitter and parser where PyYAML was built with it (its wheels are): same YAML,
# and a re-import reads the front matter of every article already there.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SourceError(Exception):
    """Raised when a whole source cannot be read; the message says what is wrong and what to do."""


@dataclass(frozen=True, slots=True)
class Item:
    """One article found in a source, cleaned and ready to be written."""

    where: str  # names the source and the item in messages: "feed.xml item 3"
    imported_from: str  # stable provenance and identity: "feed:feed.xml#tag:x,2023:1"
    title: str
    body: str
    body_kind: BodyKind
    date: dt.datetime | None = None
    author: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    caption: str = ""
    credit: str = ""
    image: str = ""
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class Skip:
    """An item that was not imported; counted ones are summed per source and reason."""

    where: str
    reason: str
    counted: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """Something the user should know about an item or source that was still imported."""

    where: str
    message: str


def need(module: str, purpose: str) -> ModuleType:
    """Import an optional library, or raise SourceError naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise SourceError(f"{purpose} needs the '{module}' library; {EXTRA_HINT}") from None


def fix(text: str) -> str:
    """Repair mojibake (double-encoded UTF-8) and normalise line ends and controls."""
    if text.isascii():  # mojibake needs bytes over 127; most wire copy has none
        return normalise(text)
    ftfy = need("ftfy", "repairing double-encoded text")
    return normalise(ftfy.fix_text(text, _ftfy_config(ftfy)))


@functools.cache
def _ftfy_config(ftfy: ModuleType) -> object:
    """Return how ftfy repairs text: encodings and controls, not the writer's typography."""
    return ftfy.TextFixerConfig(
        unescape_html=False,  # entities are markup's business: plain() and the sanitiser see them
        uncurl_quotes=False,  # typographic quotes are the writer's, not damage
        fix_character_width=False,
        explain=False,
    )


def plain(text: str) -> str:
    """Return one line of clean plain text from text that may hold tags or entities."""
    return " ".join(fix(html.unescape(_TAG.sub(" ", text))).split())


def looks_like_html(text: str) -> bool:
    """Tell whether a body is HTML markup rather than plain text."""
    return _LOOKS_HTML.search(text) is not None


def clean_html(fragment: str) -> str:
    """Repair and sanitise an HTML fragment with the loader's allow-list; wrap bare paragraphs."""
    fragment = fix(fragment)
    if not _BLOCK.search(fragment):  # text with only inline tags: blank lines are paragraphs
        blocks = [b.strip() for b in re.split(r"\n\s*\n", fragment) if b.strip()]
        fragment = "\n".join(f"<p>{b}</p>" for b in blocks)
    cleaned = markup.sanitise(fragment).strip()
    # Python-Markdown passes an HTML block through only when it starts a line after a blank one.
    return re.sub(r"(</(?:p|h[2-6]|ul|ol|blockquote|pre|table|figure|dl)>)\s*", r"\1\n\n", cleaned)


def clean_text(text: str) -> str:
    """Repair plain text and keep its paragraphs (blank-line separated) with no trailing spaces."""
    blocks = re.split(r"\n\s*\n", fix(text))
    kept = ("\n".join(line.rstrip() for line in b.strip().split("\n")) for b in blocks)
    return "\n\n".join(block for block in kept if block)


def has_text(item: Item) -> bool:
    """Tell whether an item's body holds any words once markup is dropped."""
    if item.body_kind == "html":
        return bool(markup.plain_paragraphs(item.body))
    return bool(item.body.strip())


def front_matter(item: Item, section: str) -> str:
    """Return the YAML front matter for an item, keys in a fixed order, empty ones left out."""
    fields: dict[str, object] = {
        "title": item.title,
        "date": _date_text(item.date),
        "author": item.author,
        "section": section or item.section,
        "tags": list(item.tags),
        "summary": item.summary,
        "caption": item.caption,
        "credit": item.credit,
        "image": item.image,
        "source_url": item.source_url,
        "imported_from": item.imported_from,
    }
    kept = {key: value for key, value in fields.items() if value not in ("", [], None)}
    head = yaml.dump(kept, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1 << 16)
    return f"---\n{head}---\n"


def _date_text(date: dt.datetime | None) -> str:
    """Return a date as the front matter writes it: a day alone when no time was given."""
    if date is None:
        return ""
    if date.tzinfo is None and date.time() == dt.time():
        return date.date().isoformat()
    return date.isoformat()


def render(item: Item, section: str) -> tuple[str, str]:
    """Return (file suffix, file text) for an item: Markdown for markup, .txt for plain text."""
    body = item.body.strip()
    suffix = ".txt" if item.body_kind == "text" else ".md"
    return suffix, f"{front_matter(item, section)}\n{body}\n"


@dataclass
class Archive:
    """The articles folder an import writes into: finds earlier imports, names new files."""

    root: Path
    section: str = ""
    dry_run: bool = False
    by_key: dict[str, Path] = field(default_factory=dict)
    claimed: set[Path] = field(default_factory=set)  # paths written (or planned) this run
    seen: dict[str, str] = field(default_factory=dict)  # identity -> item that had it this run

    def __post_init__(self) -> None:
        """Index the provenance of every article already in the folder."""
        if self.root.is_dir():
            for path in sorted(self.root.rglob("*")):
                if path.suffix in (".md", ".txt", ".markdown") and not path.is_symlink():
                    for key in _provenance(path):
                        self.by_key.setdefault(key, path)

    def store(self, item: Item) -> tuple[str, Path]:
        """Write an item (unless a dry run); return ("imported" | "updated" | "unchanged", path)."""
        suffix, text = render(item, self.section)
        earlier = self._earlier(item)
        target = earlier.with_suffix(suffix) if earlier else self._new_path(item, suffix)
        if earlier is not None and target != earlier and target.exists():
            target = self._new_path(item, suffix)  # never overwrite another article's file
        if not target.resolve().is_relative_to(_resolved(self.root)):
            raise SourceError(f"would be written outside {self.root} ({target}); not written")
        status = "imported" if earlier is None else "updated"
        if earlier == target and target.is_file() and _read(target) == text:
            status = "unchanged"
        self.claimed.add(target)
        for key in _keys(item):
            self.by_key[key] = target
            self.seen.setdefault(key, item.where)
        if not self.dry_run and status != "unchanged":
            _write(target, text)
            if earlier is not None and earlier != target and earlier.is_file():
                earlier.unlink()  # the body changed kind (.txt <-> .md): one file per item
        return status, target

    def written_by(self, item: Item) -> str:
        """Return the item of this run that had the same source URL or id, else ""."""
        return next((self.seen[key] for key in _keys(item) if key in self.seen), "")

    def _earlier(self, item: Item) -> Path | None:
        """Return the file an earlier import of this item wrote, if any."""
        for key in _keys(item):
            if key in self.by_key:
                return self.by_key[key]
        return None

    def _new_path(self, item: Item, suffix: str) -> Path:
        """Return a free, safe path for a new item: [section/]YYYY-MM-DD-slug, with -2, -3 added."""
        parts = [make_slug(p, fallback="") for p in self.section.split("/")]
        folder = self.root.joinpath(*[p for p in parts if p])
        stem = make_slug(item.title)
        if item.date is not None:
            stem = f"{item.date.date().isoformat()}-{stem}"
        candidate, number = folder / f"{stem}{suffix}", 1
        while candidate.exists() or candidate in self.claimed:
            number += 1
            candidate = folder / f"{stem}-{number}{suffix}"
        return candidate


@functools.cache
def _resolved(folder: Path) -> Path:
    """Return a folder's real path (asked once per item otherwise)."""
    return folder.resolve()


def _write(path: Path, text: str) -> None:
    """Write a file whole or not at all: a hidden temporary (the build ignores it), renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.importing")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _read(path: Path) -> str:
    """Return a file's text as UTF-8, undecodable bytes replaced (then it differs: rewritten)."""
    return path.read_text(encoding="utf-8", errors="replace")


def _keys(item: Item) -> list[str]:
    """Return the identities an item is found by: its source URL first, then its provenance."""
    keys = [f"url:{item.source_url}"] if item.source_url else []
    return [*keys, f"from:{item.imported_from}"]


def _provenance(path: Path) -> list[str]:
    """Return the identities recorded in an article file's front matter, if it has any."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            start = handle.read(16384)
    except OSError:
        return []
    if "imported_from:" not in start and "source_url:" not in start:
        return []
    head, _, _ = frontmatter.split(normalise(start))
    try:
        values = yaml.load(head, Loader=_LOADER) if head else None
    except yaml.YAMLError:
        return []
    if not isinstance(values, dict):
        return []
    keys = [f"url:{values['source_url']}"] if values.get("source_url") else []
    if values.get("imported_from"):
        keys.append(f"from:{values['imported_from']}")
    return keys
