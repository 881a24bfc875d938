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
fields has a bit for headline, entity names, summary and "three or more times in the body".
`static/search.js` folds text exactly like `fold()` and `terms()` here.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
import tempfile
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from . import urls
from .config import SiteConfig
from .errors import BuildError
from .loader.markup import plain_paragraphs
from .models import Entry, Output, Site
from .render import human_date

SHARD_BYTES = 64_000
"""Most bytes of terms and postings in one term shard file."""
DOCS_PER_SHARD = 16
"""Documents per document shard (~6 kB with 220-character summaries)."""
MAX_TERM = 40
"""Longer tokens (URLs, garbage) are not indexed."""
HEADLINE, ENTITY, SUMMARY, FREQUENT = 8, 4, 2, 1
"""Field bits of a posting; search.js ranks headline > entity names > summary > body."""
STOP_WORDS = frozenset(
    ["an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this", "to", "was", "were", "which", "who", "will", "with"]
)
"""Words too common to index; search.js ignores them in queries too."""
INDEX_FOLDER = urls.SEARCH_INDEX.rsplit("/", 1)[0]
PAGEFIND_FOLDER = urls.PAGEFIND.rsplit("/", 1)[0]
PAGEFIND_UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui",
                   "pagefind-highlight")
"""Pagefind's own UI bundles: search.js uses the API, so these are not copied."""
REGISTER = "newsarchiveSearchIndex"
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
"""Digits of the posting encoding: the first 32 end a number, the last 32 continue it."""

_TOKEN = re.compile(r"[^\W_]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPECIAL = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "ð": "d",
                          "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ς": "σ"})


def fold(text: str) -> str:
    """Return text lowercased with accents removed ("Culiacán" -> "culiacan")."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lowered.translate(_SPECIAL)))


def terms(text: str) -> list[str]:
    """Return the indexable words of a text: folded, no stop-words, 2 to MAX_TERM characters."""
    return [t for t in _TOKEN.findall(fold(text))
            if 1 < len(t) <= MAX_TERM and t not in STOP_WORDS]


def fallback_outputs(config: SiteConfig, site: Site) -> Iterator[Output]:
    """Yield the fallback index: manifest, term shards, document shards and filter lists."""
    entries = [e for e in site.entries if e.duplicate_of is None]
    index = build_index(entries)
    firsts: list[str] = []
    for number, shard in enumerate(term_shards(index)):
        firsts.append(shard[0][0])
        yield _script(f"t{number:04d}", shard)
    yield from _doc_shards(config, entries)
    sections, years = _filters(entries)
    for number, (_, members) in enumerate(sections):
        yield _script(f"s{number:03d}", encode(members, shift=0))
    for year, members in years:
        yield _script(f"y{year:04d}", encode(members, shift=0))
    yield _script("manifest", {
        "version": 1, "docs": len(entries), "per": DOCS_PER_SHARD, "shards": firsts,
        "sections": [name for name, _ in sections], "years": [year for year, _ in years],
        "stop": sorted(STOP_WORDS),
    })


def build_index(entries: Sequence[Entry]) -> dict[str, array[int]]:
    """Return every term's postings: `doc << 4 | field bits`, in doc order."""
    index: dict[str, array[int]] = {}
    for doc, entry in enumerate(entries):
        for term, fields in document_fields(entry).items():
            postings = index.get(term)
            if postings is None:
                postings = index[term] = array("I")
            postings.append(doc << 4 | fields)
    return index


def document_fields(entry: Entry) -> dict[str, int]:
    """Return the field bits of every term of one article."""
    article = entry.article
    names = [t.name for t in (*entry.entities, *entry.tags)] + [article.byline]
    names += [name for _, name in article.entities]  # also names too rare to get a page
    paragraphs = article.paragraphs or plain_paragraphs(article.body_html)
    body = Counter(terms(" ".join((article.caption, article.dateline, *paragraphs))))
    fields = {term: FREQUENT if count >= 3 else 0 for term, count in body.items()}
    for bit, text in ((HEADLINE, article.title), (ENTITY, " ".join(names)),
                      (SUMMARY, article.summary)):
        for term in terms(text):
            fields[term] = fields.get(term, 0) | bit
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


def _doc_shards(config: SiteConfig, entries: Sequence[Entry]) -> Iterator[Output]:
    """Yield the document shards: what a result shows, DOCS_PER_SHARD documents a file."""
    section_numbers = {name: n for n, (name, _) in enumerate(_filters(entries)[0])}
    for start in range(0, len(entries), DOCS_PER_SHARD):
        docs = [
            [e.path, e.article.title, human_date(e.article.date) if e.article.date else "",
             section_numbers[e.section.name] if e.section else -1, e.article.summary]
            for e in entries[start : start + DOCS_PER_SHARD]
        ]
        yield _script(f"d{start // DOCS_PER_SHARD:04d}", docs)


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


def pagefind_outputs(site_folder: Path) -> Iterator[Output]:
    """Index the article pages under site_folder with Pagefind; yield its bundle."""
    with tempfile.TemporaryDirectory(prefix="newsarchive-pagefind-") as temp:
        bundle = Path(temp) / "bundle"
        run_pagefind(site_folder, bundle)
        for meta in sorted(bundle.glob("pagefind.*.pf_meta")):
            sort_filters(bundle, meta)
        for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
            relative = path.relative_to(bundle).as_posix()
            if not relative.startswith(PAGEFIND_UNUSED):
                yield Output(f"{PAGEFIND_FOLDER}/{relative}", path.read_bytes())


def run_pagefind(site_folder: Path, bundle: Path) -> None:
    """Run the Pagefind binary over site_folder, writing its bundle to `bundle`."""
    command = [str(pagefind_binary()), "--site", str(site_folder), "--output-path", str(bundle),
               "--keep-index-url", "--silent"]
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

Cbor = int | str | bytes | bool | None | list["Cbor"]
SIGNATURE = b"pagefind_dcd"


def sort_filters(bundle: Path, meta_path: Path) -> None:
    """Rewrite one language's filter files and meta in sorted order, with new content hashes."""
    language = meta_path.name.split(".")[1].split("_")[0]
    meta = _read_cbor(meta_path)
    filters = meta[3] if isinstance(meta, list) and len(meta) > 3 else None
    if not isinstance(filters, list):
        raise BuildError(f"unexpected Pagefind index format in {meta_path.name}; "
                         "use pagefind 1.5 (pip install 'pagefind[bin]~=1.5.0')")
    for pair in filters:
        assert isinstance(pair, list) and isinstance(pair[1], str)
        old = bundle / "filter" / f"{pair[1]}.pf_filter"
        index = _read_cbor(old)
        assert isinstance(index, list) and isinstance(index[1], list)
        index[1].sort(key=lambda value: str(value[0]) if isinstance(value, list) else "")
        old.unlink()
        pair[1] = _write_cbor(bundle / "filter", index, language, 7, ".pf_filter")
    filters.sort(key=lambda pair: str(pair[0]) if isinstance(pair, list) else "")
    meta_path.unlink()
    new_hash = _write_cbor(bundle, meta, language, 10, ".pf_meta", prefix="pagefind.")
    entry = bundle / "pagefind-entry.json"
    old_hash = meta_path.name[len("pagefind.") : -len(".pf_meta")]
    entry.write_text(entry.read_text(encoding="utf-8").replace(f'"{old_hash}"', f'"{new_hash}"'),
                     encoding="utf-8")


def _read_cbor(path: Path) -> Cbor:
    """Read a gzipped, signed Pagefind CBOR file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BuildError(f"unexpected Pagefind file {path.name}: no {SIGNATURE.decode()} signature")
    value, end = cbor_decode(data, len(SIGNATURE))
    assert end == len(data), path
    return value


def _write_cbor(folder: Path, value: Cbor, language: str, digits: int, suffix: str,
                prefix: str = "") -> str:
    """Write a Pagefind CBOR file named by its content hash; return that name ("en_1a2b3c4")."""
    data = SIGNATURE + cbor_encode(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def cbor_decode(data: bytes, at: int) -> tuple[Cbor, int]:
    """Decode the CBOR item at `at` (the definite-length subset Pagefind writes)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    number = info
    if 24 <= info <= 27:
        size = 1 << (info - 24)
        number, at = int.from_bytes(data[at : at + size], "big"), at + size
    elif info > 27:
        raise BuildError("unexpected CBOR in a Pagefind file: indefinite length")
    if major == 0:
        return number, at
    if major in (2, 3):
        raw = data[at : at + number]
        return (raw.decode() if major == 3 else raw), at + number
    if major == 4:
        items: list[Cbor] = []
        for _ in range(number):
            item, at = cbor_decode(data, at)
            items.append(item)
        return items, at
    if major == 7 and info in (20, 21, 22):
        return (False, True, None)[info - 20], at
    raise BuildError(f"unexpected CBOR in a Pagefind file: major type {major}")


def cbor_encode(value: Cbor) -> bytes:
    """Encode a value as canonical CBOR (shortest lengths, as minicbor writes)."""
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
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
