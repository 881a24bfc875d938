"""What the catalogue keeps between builds for same-story links: each article's cues, and the
verdict on each pair of related articles.

Working out an article's ``stories.Cues`` and judging every related pair are most of the
catalogue's time, and an edit changes few of them. So:

* an article's cues are kept under a key that hashes everything ``Cues.of`` is given (headline,
  names, word count, tables, fingerprint, day, lead): cues are a function of those alone, so
  kept ones are exactly what ``Cues.of`` would return;
* a verdict is kept under the two articles' keys and their score, with a digest of the
  corpus-wide context ``stories.story_links`` judges them in (its common names and regular
  reports): when that context changes, every pair is judged again.

The build store keeps both (its `cues` table and its `verdicts` value), and forgets them when
newsarchive's code changes, since the rules are code. A kept verdict is only taken when its
pair's keys and score are equal, not only their hash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import typing
from collections.abc import Callable, Iterable, Sequence

import msgspec
import numpy as np
import numpy.typing as npt

from . import stories, story_corpus
from .models import Article
from .neighbour_table import Neighbour, NeighbourTable

Keys = npt.NDArray[np.uint64]
Judge = Callable[[int, Neighbour], bool]
_FIELDS = ("hashes", "firsts", "seconds", "scores", "verdicts")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_ENCODER = msgspec.msgpack.Encoder()
_NAMES = tuple(field.name for field in dataclasses.fields(stories.Cues))
_SETS = tuple(
    typing.get_origin(typing.get_type_hints(stories.Cues)[name]) is frozenset for name in _NAMES
)  # which of its fields are sets
_EMPTY: frozenset[str] = frozenset()
SAVED_AT_ONCE = 4096  # cues worked out that `StoryCache.cues` saves together


class Verdicts(msgspec.Struct, frozen=True):
    """The verdicts of one build, sorted by pair hash: arrays of uint64 hashes, first and second
    article keys, score bits, and a byte per verdict; valid in the context `context`."""

    context: bytes = b""
    hashes: bytes = b""
    firsts: bytes = b""
    seconds: bytes = b""
    scores: bytes = b""
    verdicts: bytes = b""
    checksum: bytes = b""  # of all the above (`_checksum`): a damaged value is not used


_VERDICTS = msgspec.msgpack.Decoder(Verdicts)


class StoryCache:
    """Cues and verdicts from the last build, and those of this one once it has used them."""

    def __init__(
        self,
        cues: dict[bytes, bytes],
        verdicts: bytes,
        save: Callable[[dict[bytes, bytes]], None] | None = None,
        counted: bytes = b"",
    ) -> None:
        self._kept = cues  # key -> encoded cues (no signature: the article has it); taken
        self._last = _decoded_verdicts(verdicts)
        self._save = save  # where cues worked out go a batch at a time, if anywhere
        self._counted = counted  # the last build's corpus-wide counts (`story_corpus`)
        self.new_cues: dict[bytes, bytes] = {}  # cues worked out by this build, not yet saved
        self.gone: list[bytes] = []  # the keys of kept cues no article has now
        self.verdicts = b""  # this build's, once judged (`links`)
        self.corpus = story_corpus.Corpus()  # what this build's cues count corpus-wide (`cues`)
        self.counted = b""  # the same as the store keeps it, once counted (`cues`)
        self._keys: Keys = np.zeros(0, np.uint64)  # each doc's key, by doc index
        self._found = Found([], [])  # this build's cues (`cues`)

    def cues(self, articles: Sequence[Article], days: Sequence[float | None]) -> Found:
        """Return each article's cues (`days`: its day number), kept or worked out, and count
        them in `corpus`. Cues worked out are saved a batch at a time if the cache was given
        where; kept ones stay the store's bytes until read (`Found`): an edit of a big
        archive judges few pairs, and decoded they are six times their bytes. Without the
        last build's verdicts every pair is judged: kept cues are held decoded, as they are
        read to be counted, their equal sets one object (`_shared`). The last build's
        counts are taken again where they can be (`story_corpus`): then only the cues of
        articles new or changed are read to count them."""
        keys = [cue_key(article, day) for article, day in zip(articles, days, strict=True)]
        resumed = story_corpus.resumed(
            self._counted, self._kept, keys, lambda data: _decoded(data, b"", {})
        )
        corpus, uncounted, digest = resumed or (story_corpus.Corpus(), None, story_corpus.Digest())
        items: list[stories.Cues | bytes] = []
        made = dict[bytes, stories.Cues | bytes]()  # exact copies share theirs
        sets: dict[frozenset[str], frozenset[str]] = {}  # equal sets of new cues: one object
        for article, day, key in zip(articles, days, keys, strict=True):
            cue = None
            if key in made:
                item = made[key]
            elif uncounted is not None and not uncounted[key] and key in self._kept:
                item = made[key] = self._kept.pop(key)  # counted already: left unread
                digest.add(key, item)
            else:
                item, cue, data = self._taken(key, article, day, sets)
                made[key] = item
                digest.add(key, data)
            if uncounted is None or uncounted[key]:
                if uncounted is not None:
                    uncounted[key] -= 1
                corpus.add(cue or _read(item, article.fingerprint))
            items.append(item)
        if self._save is not None and self.new_cues:
            self._save(self.new_cues)
            self.new_cues = {}
        for key, data in self._kept.items():  # the last build's that no article took
            digest.discard(key, data)
        self.corpus = corpus
        self.counted = story_corpus.saved(corpus, keys, digest)
        self._keys = np.frombuffer(b"".join(key[:8] for key in keys), np.uint64)
        self.gone = list(self._kept)  # those no article took
        self._kept = {}
        self._found = Found(items, [article.fingerprint for article in articles])
        return self._found

    def _taken(
        self,
        key: bytes,
        article: Article,
        day: float | None,
        sets: dict[frozenset[str], frozenset[str]],
    ) -> tuple[stories.Cues | bytes, stories.Cues, bytes]:
        """Return how a doc's cues are held (the kept bytes, or cues worked out now), the cues
        and their bytes; cues worked out are saved, a batch at a time if the cache was given
        where."""
        kept = self._kept.pop(key, None)
        held = not self._last.hashes  # no verdict to recall: every pair is judged, cues read
        cue = None if kept is None else _decoded(kept, article.fingerprint, sets if held else {})
        if kept is not None and cue is not None:
            return (cue if held else kept), cue, kept
        cue = _cues_of(article, day)
        data = self.new_cues[key] = _encoded(cue)
        if self._save is not None and len(self.new_cues) >= SAVED_AT_ONCE:
            self._save(self.new_cues)
            self.new_cues = {}
        cue = _shared(cue, sets)
        return cue, cue, data

    def links(
        self, neighbours: Sequence[Sequence[Neighbour]], judge: Judge, context: Iterable[object]
    ) -> list[tuple[Neighbour, ...]]:
        """Return the neighbours `judge` keeps for each doc, taking the last build's verdicts
        of pairs whose docs and score are the same, if `context` (every corpus-wide value the
        judge reads) is too; a `stories.Recall`."""
        digest = _context_digest(context)
        table = NeighbourTable.of(neighbours)
        doc_of = np.repeat(np.arange(len(table)), np.diff(table.start))
        pairs = _pairs(table, doc_of, self._keys)
        verdicts = _recalled(self._last, digest, pairs)
        unknown = np.flatnonzero(verdicts == 2)
        if len(unknown) > len(table):  # another context: most pairs judged, read each doc once
            self._found.decode()
        for at, doc, other, score in zip(
            unknown.tolist(),
            doc_of[unknown].tolist(),
            table.docs[unknown].tolist(),
            table.scores[unknown].tolist(),
            strict=True,
        ):
            verdicts[at] = judge(doc, Neighbour(other, score))
        self.verdicts = _saved(digest, pairs, verdicts)
        kept = iter(verdicts.astype(bool).tolist())
        return [tuple(n for n in row if next(kept)) for row in table]


class Found(Sequence[stories.Cues]):
    """Each doc's cues: those worked out this build as objects, kept ones as the store's bytes,
    decoded each time they are read (sound: `StoryCache.cues` decoded each once)."""

    __slots__ = ("_items", "_signatures")

    def __init__(self, items: list[stories.Cues | bytes], signatures: list[bytes]) -> None:
        self._items, self._signatures = items, signatures

    def __len__(self) -> int:
        return len(self._items)

    @typing.overload
    def __getitem__(self, index: int) -> stories.Cues: ...

    @typing.overload
    def __getitem__(self, index: slice) -> list[stories.Cues]: ...

    def __getitem__(self, index: int | slice) -> stories.Cues | list[stories.Cues]:
        if isinstance(index, slice):
            return [self[doc] for doc in range(*index.indices(len(self)))]
        return _read(self._items[index], self._signatures[index])

    def decode(self) -> None:
        """Decode every kept doc's cues once and hold them (most pairs are to be judged), their
        equal sets one object (`_shared`): held for every doc, each its own, they took 360 MB
        more at 108,000 docs once reading worked them all out (a cold build)."""
        sets: dict[frozenset[str], frozenset[str]] = {}
        for doc, signature in enumerate(self._signatures):  # in place: each doc's bytes go
            self._items[doc] = _read(self._items[doc], signature, sets)


def _read(
    item: stories.Cues | bytes,
    signature: bytes,
    sets: dict[frozenset[str], frozenset[str]] | None = None,
) -> stories.Cues:
    """Return cues held as they are or as the store's bytes (which `cues` decoded once), their
    sets those equal to them in `sets` if given."""
    if not isinstance(item, bytes):
        return item
    cue = _decoded(item, signature, {} if sets is None else sets)
    if cue is None:
        raise ValueError("kept cues that decoded once no longer do")
    return cue


def cue_key(article: Article, day: float | None) -> bytes:
    """Return the key of an article's cues: a hash of everything ``Cues.of`` is given."""
    return hashlib.blake2b(_ENCODER.encode(_given(article, day)), digest_size=16).digest()


def worked_out(article: Article, timezone: str) -> tuple[bytes, bytes]:
    """Return the key of an article's cues in a site of this time zone, and the cues as the
    store keeps them: a reading process works them out beside the article (`reading`), where
    the catalogue would one article after another."""
    from .catalog import day_number, localise  # which imports this module

    local = localise(article, timezone)
    day = day_number(local)
    return cue_key(local, day), _encoded(_cues_of(local, day))


def _cues_of(article: Article, day: float | None) -> stories.Cues:
    """Work out an article's cues (from what `cue_key` hashes)."""
    return stories.Cues.of(*_given(article, day))


def _given(
    article: Article, day: float | None
) -> tuple[str, tuple[tuple[str, str], ...], int, int, bytes, float | None, str]:
    """Return what ``Cues.of`` is given for an article, in its order: the one list of them, so
    the key of kept cues always covers all they are made from."""
    return (
        article.title,
        article.entities,
        article.word_count,
        len(article.tables),
        article.fingerprint,
        day,
        article.summary,
    )


def _shared(cues: stories.Cues, sets: dict[frozenset[str], frozenset[str]]) -> stories.Cues:
    """Return cues whose sets are those equal to them in `sets`, which takes in theirs: half
    the sets of all docs' cues are equal to another doc's (a headline's topics, moves, a common
    name), and each costs 216 bytes or more."""
    fields: list[typing.Any] = [
        _one(value, sets) if is_set else value
        for is_set, value in zip(_SETS, map(cues.__getattribute__, _NAMES), strict=True)
    ]
    return stories.Cues(*fields)


def _one(value: frozenset[str], sets: dict[frozenset[str], frozenset[str]]) -> frozenset[str]:
    """Return the set equal to `value` in `sets`, taking it in if there is none: a copy made
    from a set, whose table is sized for its members (one made by adding them one at a time,
    as from a decoded list, has room for up to twice as many: 728 bytes for five names
    against 472)."""
    kept = sets.get(value)
    if kept is None:
        kept = frozenset(set(value)) if len(value) > 4 else value
        sets[kept] = kept
    return kept


def _encoded(cues: stories.Cues) -> bytes:
    """Return cues as the store keeps them: their fields in order, without the signature."""
    return _ENCODER.encode(
        [None if name == "signature" else getattr(cues, name) for name in _NAMES]
    )


def _decoded(
    data: bytes, signature: bytes, sets: dict[frozenset[str], frozenset[str]]
) -> stories.Cues | None:
    """Return kept cues, given their signature, or None if they do not decode; their words are
    interned, as the strings of cues worked out in one process mostly are, and their sets those
    equal to them in `sets` (`_shared`)."""
    try:
        values: list[typing.Any] = msgspec.msgpack.decode(data)
        fields: list[typing.Any] = [
            (_one(frozenset(map(sys.intern, value)), sets) if value else _EMPTY)
            if is_set
            else tuple(map(sys.intern, value))
            if type(value) is list
            else sys.intern(value)
            if type(value) is str
            else value
            for is_set, value in zip(_SETS, values, strict=True)
        ]
        fields[_NAMES.index("signature")] = signature
        return stories.Cues(*fields)
    except (msgspec.DecodeError, TypeError, ValueError):  # damaged: worked out again
        return None


def _context_digest(context: Iterable[object]) -> bytes:
    """Return a digest of corpus-wide sets (of strings, or of sets of strings, or records of
    them: `stories_reports.Reports`), whatever order their members come in."""
    return hashlib.blake2b(_ENCODER.encode([_canonical(value) for value in context])).digest()


def _canonical(value: object) -> object:
    """Return a set as a sorted list and a record as the list of its fields (their members made
    canonical first), else the value."""
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(member) for member in value), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_canonical(getattr(value, field.name)) for field in dataclasses.fields(value)]
    return value


Pairs = tuple[Keys, Keys, Keys, Keys]
"""Each neighbour's pair, in row order: hash, first and second doc keys, score bits."""


def _pairs(table: NeighbourTable, doc_of: npt.NDArray[np.int64], keys: Keys) -> Pairs:
    """Return the pairs of every doc (`doc_of` each neighbour) and its neighbours, as arrays."""
    firsts, seconds, bits = keys[doc_of], keys[table.docs], table.scores.view(np.uint64)
    hashes = _mix(_mix(firsts * _MULTIPLIER + seconds) * _MULTIPLIER + bits)
    return hashes, firsts, seconds, bits


def _mix(values: Keys) -> Keys:
    """Return 64-bit values scrambled (MurmurHash3's finaliser), so every bit is usable."""
    for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        values = (values ^ (values >> np.uint64(33))) * np.uint64(multiplier)
    return values ^ (values >> np.uint64(33))


def _recalled(last: Verdicts, context: bytes, pairs: Pairs) -> npt.NDArray[np.uint8]:
    """Return each pair's verdict from the last build (1 kept, 0 not), 2 where it has none."""
    hashes, firsts, seconds, bits = pairs
    verdicts = np.full(len(hashes), 2, np.uint8)
    if last.context != context or not last.hashes:
        return verdicts
    old = [np.frombuffer(getattr(last, name), np.uint64) for name in _FIELDS[:4]]
    old_verdicts = np.frombuffer(last.verdicts, np.uint8)
    at = np.minimum(np.searchsorted(old[0], hashes), len(old[0]) - 1)
    same = (old[0][at] == hashes) & (old[1][at] == firsts) & (old[2][at] == seconds)
    same &= old[3][at] == bits
    verdicts[same] = old_verdicts[at[same]]
    return verdicts


def _saved(context: bytes, pairs: Pairs, verdicts: npt.NDArray[np.uint8]) -> bytes:
    """Return this build's verdicts as the store keeps them (`Verdicts`)."""
    order = np.argsort(pairs[0], kind="stable")
    arrays = [array[order].tobytes() for array in (*pairs, verdicts)]
    made = Verdicts(context, *arrays)
    return _ENCODER.encode(msgspec.structs.replace(made, checksum=_checksum(made)))


def _checksum(verdicts: Verdicts) -> bytes:
    """Return the checksum of a build's verdicts."""
    parts = [verdicts.context, *(getattr(verdicts, name) for name in _FIELDS)]
    return hashlib.blake2b(b"".join(parts), digest_size=16).digest()


def _decoded_verdicts(data: bytes) -> Verdicts:
    """Return the verdicts the store kept (none if they are not sound)."""
    try:
        verdicts = _VERDICTS.decode(data) if data else Verdicts()
    except msgspec.DecodeError:
        return Verdicts()
    if verdicts.checksum != _checksum(verdicts):
        return Verdicts()
    sizes = [len(getattr(verdicts, name)) for name in _FIELDS]
    if sizes[:4] != [8 * sizes[4]] * 4:
        return Verdicts()
    return verdicts
