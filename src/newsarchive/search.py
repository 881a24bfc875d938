"""Search: Pagefind's index of the article pages, and a fallback index that works from file://.

Pagefind (run on the rendered pages in the staging folder) is the engine when the site is served
over HTTP. Browsers refuse ES modules and WebAssembly from file://, so the build also writes
`search-index/`, plain scripts that each call `newsarchiveSearchIndex(name, data)`:

* `manifest.js`: document count, the first term of every term shard, section names, years and
  stop-words;
* `tNNNN.js`: term shards, a contiguous range of the sorted terms each, at most SHARD_BYTES of
  postings (one long posting list is split over several shards);
* `dNNNN.js`: DOCS_PER_SHARD documents each: url, headline, date, section, summary;
* `sNNN.js`, `yYYYY.js`: the documents of one section, of one year (for the filters).

A posting list is a string of base-32 numbers, each `(doc - previous doc) << 4 | fields`, where
fields has a bit for headline, entity names, summary and "three or more times in the body"
(`search_terms`, which also holds the tokeniser `static/search.js` mirrors).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from . import urls
from .errors import BuildError
from .loader.markup import plain_paragraphs
from .models import Entry, Output, Site
from .render import human_date
from .search_terms import (
    ENTITY,
    MAX_TERM,
    STOP_WORDS,
    article_fields,
    decode,
    term_counts,
)

SHARD_BYTES = 64_000
"""Most bytes of terms and postings in one term shard file."""
DOCS_PER_SHARD = 16
"""Documents per document shard (~6 kB with 220-character summaries)."""
INDEX_FOLDER = urls.SEARCH_INDEX.rsplit("/", 1)[0]
PAGEFIND_FOLDER = urls.PAGEFIND.rsplit("/", 1)[0]
PAGEFIND_UI = re.compile(r"pagefind-(ui|modular-ui|component-ui|highlight)\.")
"""Pagefind's own UI bundles: search.js uses the API, so these are not copied."""
PAGEFIND_PART = 10_000
"""Article pages per Pagefind run. Pagefind holds ~160 kB a page in memory while indexing, so
bigger archives are indexed in parts of this many pages, which search.js merges."""
SHARED = (".js", ".pagefind")
"""Bundle files that only the first part needs (code and WebAssembly)."""
REGISTER = "newsarchiveSearchIndex"
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
"""Digits of the posting encoding: the first 32 end a number, the last 32 continue it."""


def fallback_outputs(site: Site, words: Mapping[str, str] | None = None) -> Iterator[Output]:
    """Yield the fallback index: manifest, term shards, document shards and filter lists.

    `words` maps source paths to the reader's search words (`Article.search_terms`), for
    entries whose articles no longer carry them.
    """
    entries = [e for e in site.entries if e.duplicate_of is None]
    index = build_index(entries, words or {})
    firsts: list[str] = []
    for number, shard in enumerate(term_shards(index)):
        firsts.append(shard[0][0])
        yield _script(f"t{number:04d}", shard)
    sections, years = _filters(entries)
    yield from _doc_shards(entries, [name for name, _ in sections])
    for number, (_, members) in enumerate(sections):
        yield _script(f"s{number:03d}", encode(members, shift=0))
    for year, members in years:
        yield _script(f"y{year:04d}", encode(members, shift=0))
    yield _script(
        "manifest",
        {
            "version": 1,
            "docs": len(entries),
            "per": DOCS_PER_SHARD,
            "shards": firsts,
            "sections": [name for name, _ in sections],
            "years": [year for year, _ in years],
            "stop": sorted(STOP_WORDS),
            "longest": MAX_TERM,
        },
    )


def build_index(
    entries: Sequence[Entry], words: Mapping[str, str] | None = None
) -> dict[str, array[int]]:
    """Return every term's postings: `doc << 4 | field bits`, in doc order."""
    index: dict[str, array[int]] = {}
    given = words or {}
    for doc, entry in enumerate(entries):
        for term, fields in document_fields(entry, given.get(entry.article.source)).items():
            postings = index.get(term)
            if postings is None:
                postings = index[term] = array("I")
            postings.append(doc << 4 | fields)
    return index


def document_fields(entry: Entry, words: str | None = None) -> dict[str, int]:
    """Return the field bits of every term of one article, with its entity and tag pages' names.

    `words` are the reader's search words for it, if its article no longer carries them.
    """
    article = entry.article
    encoded = words or article.search_terms  # made by the reader; articles built by hand lack it
    if encoded:
        fields = decode(encoded)
    else:
        paragraphs = article.paragraphs or plain_paragraphs(article.body_html)
        fields = decode(article_fields(article, paragraphs))
    for term in term_counts(" ".join(t.name for t in (*entry.entities, *entry.tags))):
        fields[term] = fields.get(term, 0) | ENTITY
    return fields


def term_shards(index: dict[str, array[int]]) -> Iterator[list[tuple[str, str]]]:
    """Yield the terms in order, as shards of (term, postings) of at most SHARD_BYTES each."""
    shard: list[tuple[str, str]] = []
    size = 0
    for term in sorted(index, key=utf16_key):
        overhead = len(term.encode()) + 8  # ["term","postings"],
        for piece in encode_pieces(index[term], SHARD_BYTES - overhead):
            if shard and size + overhead + len(piece) > SHARD_BYTES:
                yield shard
                shard, size = [], 0
            shard.append((term, piece))
            size += overhead + len(piece)
    if shard:
        yield shard


def utf16_key(term: str) -> bytes:
    """Return a sort key that orders terms as JavaScript compares strings."""
    return term.encode("utf-16-be")


def encode_pieces(postings: Sequence[int], limit: int) -> Iterator[str]:
    """Yield a posting list encoded in pieces of at most about `limit` characters each."""
    start = 0
    while start < len(postings):
        end = min(len(postings), start + max(1, limit // 4))  # a posting takes 1 to 4 characters
        piece = encode(postings[start:end])
        while len(piece) > limit and end - start > 1:
            end = start + (end - start) // 2
            piece = encode(postings[start:end])
        yield piece
        start = end


def encode(values: Iterable[int], shift: int = 4) -> str:
    """Encode increasing docs (with field bits below `shift`) as base-32 deltas."""
    out: list[str] = []
    previous = 0
    for value in values:
        doc = value >> shift
        number = (doc - previous) << shift | (value & ((1 << shift) - 1))
        previous = doc
        digits = ALPHABET[number & 31]
        number >>= 5
        while number:
            digits = ALPHABET[32 + (number & 31)] + digits
            number >>= 5
        out.append(digits)
    return "".join(out)


def _doc_shards(entries: Sequence[Entry], sections: Sequence[str]) -> Iterator[Output]:
    """Yield the document shards: what a result shows, DOCS_PER_SHARD documents a file."""
    numbers = {name: n for n, name in enumerate(sections)}
    for start in range(0, len(entries), DOCS_PER_SHARD):
        docs = [_record(e, numbers) for e in entries[start : start + DOCS_PER_SHARD]]
        yield _script(f"d{start // DOCS_PER_SHARD:04d}", docs)


def _record(entry: Entry, sections: dict[str, int]) -> list[object]:
    """Return what a result shows of one article: url, headline, date, section, summary."""
    article = entry.article
    date = human_date(article.date) if article.date else ""
    section = sections[entry.section.name] if entry.section else -1
    return [entry.path, article.title, date, section, article.summary]


def _filters(
    entries: Sequence[Entry],
) -> tuple[list[tuple[str, list[int]]], list[tuple[int, list[int]]]]:
    """Return the documents of each section (by name) and of each year (newest first)."""
    sections: dict[str, list[int]] = {}
    years: dict[int, list[int]] = {}
    for doc, entry in enumerate(entries):
        if entry.section:
            sections.setdefault(entry.section.name, []).append(doc)
        if entry.article.date:
            years.setdefault(entry.article.date.year, []).append(doc)
    return sorted(sections.items()), sorted(years.items(), reverse=True)


def _script(name: str, data: object) -> Output:
    """Return one index file: a classic script that hands `data` to the search page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Output(f"{INDEX_FOLDER}/{name}.js", f'{REGISTER}("{name}",{text});\n'.encode())


def pagefind_outputs(locate: Callable[[str], Path]) -> Iterator[Output]:
    """Index the article pages with Pagefind, PAGEFIND_PART at a time; locate finds each file.

    With no articles there is no bundle: search.js then falls back to the script index.
    """
    pages = article_pages(locate("articles.json"))
    parts = [pages[i : i + PAGEFIND_PART] for i in range(0, len(pages), PAGEFIND_PART)]
    extra = [f"part-{n}/" for n in range(2, len(parts) + 1)]  # merged in by search.js
    yield Output(f"{PAGEFIND_FOLDER}/parts.json", json.dumps(extra).encode())
    for number, part in enumerate(parts):
        folder = f"{PAGEFIND_FOLDER}/{extra[number - 1] if number else ''}"
        yield from _pagefind_part(locate, part, folder, primary=number == 0)


def article_pages(manifest: Path) -> list[str]:
    """Return the paths of the article pages to index (duplicates left out), from articles.json."""
    records = json.loads(manifest.read_text(encoding="utf-8"))
    return [str(r["url"]) for r in records if "duplicate_of" not in r]


def _pagefind_part(
    locate: Callable[[str], Path], pages: Sequence[str], prefix: str, primary: bool
) -> Iterator[Output]:
    """Run Pagefind over some pages (linked into a work folder); yield the bundle it writes."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-pagefind-") as temp:
        work, bundle = Path(temp) / "pages", Path(temp) / "bundle"
        for page in pages:
            (work / page).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.symlink(locate(page).resolve(), work / page)
            except OSError:  # no symbolic links here (Windows without the right): copy
                shutil.copyfile(locate(page), work / page)
        run_pagefind(work, bundle)
        for meta in sorted(bundle.glob("pagefind.*.pf_meta")):
            sort_filters(bundle, meta)
        for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
            relative = path.relative_to(bundle).as_posix()
            if PAGEFIND_UI.match(relative) or (
                not primary and "/" not in relative and relative.endswith(SHARED)
            ):
                continue
            yield Output(prefix + relative, path.read_bytes())


def run_pagefind(site_folder: Path, bundle: Path) -> None:
    """Run the Pagefind binary over site_folder, writing its bundle to `bundle`."""
    command = [str(pagefind_binary()), "--site", str(site_folder), "--output-path", str(bundle)]
    command += ["--keep-index-url", "--silent"]  # result URLs name files, as file:// needs
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BuildError(f"cannot run Pagefind ({command[0]}): {error.strerror}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise BuildError(f"Pagefind failed (exit {done.returncode}): {' / '.join(detail)}")


def pagefind_binary() -> Path:
    """Return the Pagefind executable installed by the `pagefind[bin]` package."""
    missing = "Pagefind is not installed; run: pip install 'pagefind[bin]'"
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise BuildError(missing) from None
    binary = get_executable()
    if binary is None:
        raise BuildError(missing)
    return binary


# Pagefind 1.5 writes its filter indexes in hash-map order, so two runs over the same pages give
# different pf_filter files, pf_meta and entry hashes (its own "TODO: Change filter indexes to
# BTree to give them a stable hash"). sort_filters rewrites them in sorted order. Both formats are
# "pagefind_dcd" + CBOR, gzipped: a filter is [name, [[value, [page, ...]], ...]]; field 3 of the
# meta lists [name, hash] per filter.

Cbor = int | str | list["Cbor"]
SIGNATURE = b"pagefind_dcd"


def sort_filters(bundle: Path, meta_path: Path) -> None:
    """Rewrite one language's filter files and meta in sorted order, with new content hashes."""
    language = meta_path.name.split(".")[1].split("_")[0]
    meta = _listed(_read_cbor(meta_path), meta_path.name)
    filters = _listed(meta[3] if len(meta) > 3 else None, meta_path.name)
    for item in filters:
        pair = _listed(item, meta_path.name)
        old = bundle / "filter" / f"{pair[1]}.pf_filter"
        index = _listed(_read_cbor(old), old.name)
        _listed(index[1], old.name).sort(key=str)  # [value, pages] pairs; values are unique
        old.unlink()
        pair[1] = _write_cbor(bundle / "filter", index, language, 7, ".pf_filter")
    filters.sort(key=str)
    meta_path.unlink()
    new_hash = _write_cbor(bundle, meta, language, 10, ".pf_meta", prefix="pagefind.")
    old_hash = meta_path.name[len("pagefind.") : -len(".pf_meta")]
    entry = bundle / "pagefind-entry.json"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace(f'"{old_hash}"', f'"{new_hash}"'), encoding="utf-8")


def _listed(value: Cbor | None, name: str) -> list[Cbor]:
    """Return value if it is a CBOR array; raise BuildError naming the file otherwise."""
    if not isinstance(value, list):
        raise BuildError(
            f"unexpected Pagefind index format in {name}; this build needs "
            "pagefind 1.5 (pip install 'pagefind[bin]~=1.5.0')"
        )
    return value


def _read_cbor(path: Path) -> Cbor:
    """Read a gzipped, signed Pagefind CBOR file."""
    data = gzip.decompress(path.read_bytes())
    value, end = cbor_decode(data, len(SIGNATURE)) if data.startswith(SIGNATURE) else (None, 0)
    if value is None or end != len(data):
        raise BuildError(f"unexpected Pagefind file {path.name}: not signed CBOR")
    return value


def _write_cbor(
    folder: Path, value: Cbor, language: str, digits: int, suffix: str, prefix: str = ""
) -> str:
    """Write a Pagefind CBOR file named by its content hash; return that name ("en_1a2b3c4")."""
    data = SIGNATURE + cbor_encode(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def cbor_decode(data: bytes, at: int) -> tuple[Cbor, int]:
    """Decode the CBOR item at `at`: the unsigned integers, text and arrays Pagefind writes."""
    major, info = data[at] >> 5, data[at] & 31
    if info > 27:
        raise BuildError("unexpected CBOR (indefinite length) in a Pagefind file")
    size = 1 << (info - 24) if info >= 24 else 0
    number = int.from_bytes(data[at + 1 : at + 1 + size], "big") if size else info
    at += 1 + size
    if major == 0:
        return number, at
    if major == 3:
        return data[at : at + number].decode(), at + number
    if major == 4:
        items: list[Cbor] = []
        for _ in range(number):
            item, at = cbor_decode(data, at)
            items.append(item)
        return items, at
    raise BuildError(f"unexpected CBOR item (major type {major}) in a Pagefind file")


def cbor_encode(value: Cbor) -> bytes:
    """Encode a value as canonical CBOR (shortest lengths, as minicbor writes)."""
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        encoded = value.encode()
        return _cbor_head(3, len(encoded)) + encoded
    return _cbor_head(4, len(value)) + b"".join(cbor_encode(item) for item in value)


def _cbor_head(major: int, number: int) -> bytes:
    """Return a CBOR item head: major type and length or value."""
    if number < 24:
        return bytes([major << 5 | number])
    size = next(s for s in (1, 2, 4, 8) if number < 1 << (8 * s))
    return bytes([major << 5 | (24 + size.bit_length() - 1)]) + number.to_bytes(size, "big")
