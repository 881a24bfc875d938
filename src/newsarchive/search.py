"""Search: the fallback index, which works from file:// (Pagefind's is `search_pagefind`).

Pagefind (run on the rendered pages) is the engine when the site is served over HTTP. Browsers
refuse ES modules and WebAssembly from file://, so the build also writes `search-index/`, plain
scripts that each call `newsarchiveSearchIndex(name, data)`:

* `manifest.js`: document count, the first term of every term shard and of every word file,
  section names, years and stop-words;
* `tNNNN.js`: term shards, a contiguous range of the sorted terms each, at most SHARD_BYTES of
  postings (one long posting list is split over several shards);
* `dNNNN.js`: DOCS_PER_SHARD documents each: url, headline, date, section, summary, and
  whether it is a near-duplicate ("Another version");
* `sNNN.js`, `yYYYY.js`: the documents of one section, of one year (for the filters);
* `wNNN.js`: the words the archive spells, for both engines' spelling (`search_spelling`).

A posting list is a string of base-32 numbers, each `(doc - previous doc) << 4 | fields`, where
fields has a bit for headline, entity names, summary and "three or more times in the body"
(`search_terms`, which also holds the tokeniser `static/search.js` mirrors).

Words are stemmed here, so search.js needs no stemmer: the postings of every word with the same
English stem are kept once, under the stem ("arrest" holds the articles with "arrest",
"arrests" or "arrested"), and each word whose stem differs from it is listed with `=stem`
instead of postings ("arrested" -> "=arrest"), which search.js follows.
"""

from __future__ import annotations

import json
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import count

import numpy as np
import numpy.typing as npt

from . import urls
from .loader.markup import plain_paragraphs
from .models import KEEP, Entry, Output, Site
from .render import human_date
from .search_spelling import Spelled
from .search_terms import (
    ENTITY,
    MAX_TERM,
    STOP_WORDS,
    article_fields,
    stems,
    term_counts,
)
from .words import Words, gather

Current = Callable[[str, Mapping[str, object], Callable[[], bytes]], bool]
"""Tells whether a file is as the last build wrote it, from its path, the inputs it is made
from, and a function that makes its bytes (`rendering._current_file`)."""

SHARD_BYTES = 32_000
"""Most bytes of terms and postings in one term shard file."""
BATCH_POSTINGS = 1 << 18
"""About how many postings are sorted and encoded at once (a few MB of arrays)."""
DOCS_PER_SHARD = 8
"""Documents per document shard (~6 kB with 220-character summaries)."""
INDEX_FOLDER = urls.SEARCH_INDEX.rsplit("/", 1)[0]
REGISTER = "newsarchiveSearchIndex"
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
"""Digits of the posting encoding: the first 32 end a number, the last 32 continue it."""
_ALPHABET_BYTES = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)


def fallback_outputs(site: Site, words: Words | None = None) -> Iterator[Output]:
    """Yield the fallback index: manifest and term shards (`term_outputs`), then document
    shards and filter lists (`document_outputs`).

    `words` are the articles' search words as the reader numbered them (else they are taken from
    the articles, or made from their text for hand-built ones).
    """
    yield from term_outputs(site, words)
    yield from document_outputs(site)


def _indexed(site: Site) -> list[Entry]:
    """Return the entries the index holds (exact duplicates are found as their first copy)."""
    return [e for e in site.entries if e.duplicate_of is None]


def term_outputs(site: Site, words: Words | None = None) -> Iterator[Output]:
    """Yield the index's term shards and its manifest (`words` as for `fallback_outputs`)."""
    entries = _indexed(site)
    firsts: list[str] = []
    spelled = Spelled()
    for number, shard in enumerate(term_shards(spelled.noting(build_index(entries, words)))):
        firsts.append(shard[0][0])
        yield _script(f"t{number:04d}", shard)
    word_firsts: list[str] = []
    for number, (text, counts) in enumerate(spelled.shards()):
        word_firsts.append(text.split(" ", 1)[0])
        yield _script(f"w{number:03d}", [text, counts])
    sections, years = _filters(entries)
    yield _script(
        "manifest",
        {
            "version": 1,
            "docs": len(entries),
            "per": DOCS_PER_SHARD,
            "shards": firsts,
            "words": word_firsts,
            "sections": [name for name, _ in sections],
            "years": [year for year, _ in years],
            "stop": sorted(STOP_WORDS),
            "longest": MAX_TERM,
        },
    )


def document_outputs(site: Site, current: Current | None = None) -> Iterator[Output]:
    """Yield what a result shows of each article (document shards), and the documents of each
    section and year (filter lists): the index's files that need no words. A document shard
    that is `current` (made from the same entries and section names as the last build's: the
    render tasks' `rendering._current_file`) is KEEP."""
    entries = _indexed(site)
    sections, years = _filters(entries)
    yield from _doc_shards(entries, [name for name, _ in sections], current)
    for number, (_, members) in enumerate(sections):
        yield _script(f"s{number:03d}", encode(members, shift=0))
    for year, members in years:
        yield _script(f"y{year:04d}", encode(members, shift=0))


@dataclass(frozen=True, slots=True)
class Postings:
    """A run of consecutive terms' postings, end to end: terms in the order search.js compares
    them, and for each its `doc << 4 | field bits` values in doc order (those of terms[i] are
    values[starts[i]:starts[i + 1]]), the stem it refers to ("" for none) and how many
    articles spell it (0 for a stem no article spells, such as "compani"). Flat arrays:
    2 million postings (20,000 articles) are encoded in a few vectorised passes instead of a
    Python step each."""

    terms: list[str]
    links: list[str]
    starts: npt.NDArray[np.int64]
    values: npt.NDArray[np.uint32]
    spelled: list[int]


def build_index(entries: Sequence[Entry], words: Words | None = None) -> Iterator[Postings]:
    """Yield every term's postings, in runs of consecutive terms of about BATCH_POSTINGS
    postings (so the arrays that sort and encode them stay small); `words` as for
    `fallback_outputs`."""
    if words is None:
        words = Words.of((e.article.source, "", _own_words(e)) for e in entries)
    own = gather(words.search, words.rows([e.article.source for e in entries]))
    # The words of the entity and tag pages an article is on count as its own, as names.
    docs_of_name: defaultdict[str, array[int]] = defaultdict(lambda: array("i"))
    for doc, entry in enumerate(entries):  # the same entity and tag pages recur
        for page in (*entry.entities, *entry.tags):
            docs_of_name[page.name].append(doc)
    ids = defaultdict(count(len(words.vocabulary)).__next__, zip(words.vocabulary, count()))
    # Every posting's word and doc: the articles' own words first, then the names'.
    word_parts = [own.ids]
    doc_parts = [np.repeat(np.arange(len(entries), dtype=np.int32), np.diff(own.start))]
    for name, docs in docs_of_name.items():  # each doc gets each of the name's words
        found = np.fromiter(map(ids.__getitem__, term_counts(name)), np.int32)
        word_parts.append(np.tile(found, len(docs)))
        doc_parts.append(np.repeat(np.frombuffer(docs, dtype=np.int32), len(found)))
    word_of, doc_of = np.concatenate(word_parts), np.concatenate(doc_parts)
    spelled = np.bincount(word_of)  # articles that spell each word (a name's words: about)
    key_of, refers = _stem_keys(word_of, ids)  # a word's postings go to its stem
    vocabulary = list(ids)  # by id, stems that are no word of the text included
    del ids, docs_of_name
    word_of = key_of[word_of]
    field_of = np.full(len(word_of), ENTITY, dtype=np.uint8)
    field_of[: len(own.values)] = own.values
    used = np.flatnonzero(np.bincount(word_of, minlength=len(vocabulary)))
    listed = sorted(set(used.tolist()).union(refers))
    in_order = _sorted_ids(listed, vocabulary)  # as search.js compares terms
    terms = [vocabulary[i] for i in in_order]
    links = [vocabulary[refers[i]] if i in refers else "" for i in in_order]
    spelt = [int(spelled[i]) if i < len(spelled) else 0 for i in in_order]
    rank = np.zeros(len(vocabulary), dtype=np.int32)
    rank[in_order] = np.arange(len(in_order), dtype=np.int32)
    term_of = rank[word_of]  # each posting's term
    del word_of, rank
    ends = np.cumsum(np.bincount(term_of, minlength=len(terms)))  # of each term's postings
    lo = 0
    while lo < len(terms):
        done = int(ends[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(ends, done + BATCH_POSTINGS, side="right")))
        yield _run(terms[lo:hi], links[lo:hi], spelt[lo:hi], term_of, field_of, doc_of, lo, hi)
        lo = hi


def _stem_keys(
    word_of: npt.NDArray[np.int32], ids: defaultdict[str, int]
) -> tuple[npt.NDArray[np.int32], dict[int, int]]:
    """Return, by word id, the id of the word's stem (stems not yet in `ids` are added), and
    the words that refer to a stem other than themselves (word id -> stem id)."""
    key_of = np.arange(len(ids), dtype=np.int32)
    used = np.flatnonzero(np.bincount(word_of, minlength=len(ids))).tolist()
    words = list(ids)
    refers: dict[int, int] = {}
    for word, stem in zip(used, stems([words[i] for i in used]), strict=True):
        if stem != words[word]:
            key_of[word] = refers[word] = ids[stem]
    return key_of, refers


def _sorted_ids(ids: list[int], vocabulary: Sequence[str]) -> list[int]:
    """Return word ids ordered by their words as JavaScript compares strings (UTF-16 code
    units: Python's order, unless a word has a character past U+FFFF)."""
    if max("".join(vocabulary), default="a") < "\U00010000":
        return sorted(ids, key=vocabulary.__getitem__)
    return sorted(ids, key=lambda i: utf16_key(vocabulary[i]))


def _run(
    terms: list[str],
    links: list[str],
    spelled: list[int],
    term_of: npt.NDArray[np.int32],
    field_of: npt.NDArray[np.uint8],
    doc_of: npt.NDArray[np.int32],
    lo: int,
    hi: int,
) -> Postings:
    """Return the postings of terms lo:hi, from every posting's term, field bits and doc."""
    where = np.flatnonzero((term_of >= lo) & (term_of < hi))
    docs = doc_of[where].astype(np.uint64)
    keys = (term_of[where] - lo).astype(np.uint64) << np.uint64(32)
    keys |= docs << np.uint64(4) | field_of[where].astype(np.uint64)
    del where, docs
    keys.sort()  # by term, then doc: each posting list in doc order
    # A name's words may be the article's own too: one posting, with the fields of both.
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (keys[1:] >> np.uint64(4)) != (keys[:-1] >> np.uint64(4))
    if not first.all():
        starts = np.flatnonzero(first)
        fields = np.bitwise_or.reduceat(keys & np.uint64(15), starts)
        keys = keys[starts] & ~np.uint64(15) | fields
    values = keys.astype(np.uint32)  # the low half: doc << 4 | fields
    keys >>= np.uint64(32)
    bounds = np.searchsorted(keys, np.arange(hi - lo + 1, dtype=np.uint64))
    return Postings(terms, links, bounds.astype(np.int64), values, spelled)


def _own_words(entry: Entry) -> str:
    """Return an article's own encoded words: the reader's, or made now for hand-built ones."""
    article = entry.article
    return article.search_terms or article_fields(
        article, article.paragraphs or plain_paragraphs(article.body_html)
    )


def term_shards(runs: Iterable[Postings]) -> Iterator[list[tuple[str, str]]]:
    """Yield the terms in order, as shards of (term, postings) of at most SHARD_BYTES each; a
    term that refers to its stem has one more pair, (term, "=stem")."""
    shard: list[tuple[str, str]] = []
    size = 0
    for postings in runs:
        text, offsets = _encode_all(postings)
        for number, term in enumerate(postings.terms):
            overhead = len(term.encode()) + 8  # ["term","postings"],
            lo, hi = int(postings.starts[number]), int(postings.starts[number + 1])
            limit = SHARD_BYTES - overhead
            pieces = list(_pieces(postings.values, text, offsets, lo, hi, limit)) if hi > lo else []
            if postings.links[number]:
                pieces.append("=" + postings.links[number])
            for piece in pieces:
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


def _encode_all(postings: Postings) -> tuple[str, npt.NDArray[np.int64]]:
    """Return every term's postings encoded as by `encode`, end to end, and where each
    posting's characters begin (one more offset at the end)."""
    values = postings.values
    docs = values >> np.uint32(4)
    previous = np.zeros_like(docs)
    previous[1:] = docs[:-1]
    previous[postings.starts[:-1][np.diff(postings.starts) > 0]] = 0  # a term counts from 0
    numbers = (docs - previous) << np.uint32(4) | (values & np.uint32(15))
    del docs, previous
    digits = np.ones(len(numbers), dtype=np.uint8)
    for power in range(5, 32, 5):
        digits += numbers >= (1 << power)
    offsets = np.zeros(len(numbers) + 1, dtype=np.int64)
    np.cumsum(digits, out=offsets[1:])
    ends = offsets[1:] - 1  # where each number's last digit goes
    chars = np.empty(int(offsets[-1]), dtype=np.uint8)
    chars[ends] = _ALPHABET_BYTES[numbers & np.uint32(31)]  # a last digit ends the number
    for place in range(1, 7):  # the digits before it say "more follows": ALPHABET[32:]
        longer = np.flatnonzero(digits > place)
        if not len(longer):
            break
        fives = (numbers[longer] >> np.uint32(5 * place)) & np.uint32(31)
        chars[ends[longer] - place] = _ALPHABET_BYTES[fives + np.uint32(32)]
    return chars.tobytes().decode("ascii"), offsets


def _pieces(
    values: npt.NDArray[np.uint32],
    text: str,
    offsets: npt.NDArray[np.int64],
    lo: int,
    hi: int,
    limit: int,
) -> Iterator[str]:
    """Yield the encoded postings lo:hi in pieces of at most `limit` characters (one posting
    at least); each piece counts its docs from 0, as `encode` does."""
    if offsets[hi] - offsets[lo] <= limit:  # the term's first doc counts from 0 already
        yield text[offsets[lo] : offsets[hi]]
        return
    start = lo
    while start < hi:
        head = encode([int(values[start])])  # its doc from 0, not from the last piece's
        room = offsets[start + 1] + limit - len(head)
        end = min(hi, max(start + 1, int(np.searchsorted(offsets, room, side="right")) - 1))
        yield head + text[offsets[start + 1] : offsets[end]]
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


def _doc_shards(
    entries: Sequence[Entry],
    sections: Sequence[str],
    current: Current | None,
) -> Iterator[Output]:
    """Yield the document shards: what a result shows, DOCS_PER_SHARD documents a file."""
    numbers = {name: n for n, name in enumerate(sections)}
    names = tuple(sections)
    for start in range(0, len(entries), DOCS_PER_SHARD):
        shard = tuple(entries[start : start + DOCS_PER_SHARD])
        name = f"d{start // DOCS_PER_SHARD:04d}"
        inputs = {"entries": shard, "sections": names}
        make = partial(_shard_bytes, name, shard, numbers)
        if current is not None and current(f"{INDEX_FOLDER}/{name}.js", inputs, make):
            yield Output(f"{INDEX_FOLDER}/{name}.js", KEEP)
            continue
        yield Output(f"{INDEX_FOLDER}/{name}.js", make())


def _shard_bytes(name: str, shard: Sequence[Entry], sections: dict[str, int]) -> bytes:
    """Return one document shard's file."""
    return _script(name, [_record(e, sections) for e in shard]).data


def _record(entry: Entry, sections: dict[str, int]) -> list[object]:
    """Return what a result shows of one article: url, headline, date, section, summary, and
    1 if it is a near-duplicate of another (shown as "Another version"), else 0."""
    article = entry.article
    date = human_date(article.date) if article.date else ""
    section = sections[entry.section.name] if entry.section else -1
    version = int(entry.near_duplicate_of is not None)
    return [entry.path, article.title, date, section, article.summary, version]


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
