"""The corpus-wide counts same-story verdicts read (`Corpus`), kept between builds.

Counting them needs every article's cues, and an edit changes few: the others are the store's
bytes (`story_cache`), which an edit would decode one by one only to count them in. So a build
keeps its counts, and the regular reports they make (`stories_reports`), with the cue key of
every article it counted (a copy's key once a copy) and a digest of the cues' bytes under
those keys. The next build takes the counts again when it holds the same bytes under those
keys, takes the cues of keys gone out and counts those of keys new in (the reports are
worked out again only if a dated headline came or went); otherwise (the first build, damaged
or missing cues, counts that do not decode) it counts every article's cues, as a cold build
does."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import msgspec

from .similarity import max_df
from .stories_cues import Cues
from .stories_reports import Reports, reports_of

_KEY = 16  # bytes of a cue key (`story_cache.cue_key`)
_ENCODER = msgspec.msgpack.Encoder()


@dataclass(slots=True)
class Corpus:
    """What the docs' cues make of the corpus-wide context a verdict reads, fed one doc at a
    time (so cues need not all be held to make it): how many docs name each name, and how many
    give each dated headline's subject and day."""

    named: Counter[str] = field(default_factory=Counter)
    dated: Counter[tuple[frozenset[str], float]] = field(default_factory=Counter)
    docs: int = 0
    kept: tuple[frozenset[tuple[frozenset[str], float]], Reports] | None = field(
        default=None, compare=False
    )  # the regular reports of the last build's dated headlines, with those headlines

    def add(self, cue: Cues) -> None:
        """Count one doc's cues in."""
        self.docs += 1
        self.named.update(cue.actors | cue.places)
        if cue.day:
            self.dated[(cue.subject, cue.day)] += 1

    def remove(self, cue: Cues) -> None:
        """Count one doc's cues out (`add` them first): what is left counts none of its own."""
        self.docs -= 1
        for name in cue.actors | cue.places:
            self.named[name] -= 1
            if self.named[name] <= 0:
                del self.named[name]
        if cue.day:
            dated = (cue.subject, cue.day)
            self.dated[dated] -= 1
            if self.dated[dated] <= 0:
                del self.dated[dated]

    def context(self) -> tuple[frozenset[str], Reports]:
        """Return the common names (so many docs name them that they are sources, not
        subjects) and the regular reports."""
        limit = max_df(self.docs)
        common = frozenset(name for name, docs in self.named.items() if docs > limit)
        return common, self.reports()

    def reports(self) -> Reports:
        """Return the regular reports among the dated headlines, worked out once for a set of
        them (a build that changed no headline or date takes the last build's)."""
        dated = frozenset(self.dated)
        if self.kept is None or self.kept[0] != dated:
            self.kept = (dated, reports_of(set(dated)))
        return self.kept[1]


class Counted(msgspec.Struct, frozen=True):
    """One build's corpus-wide counts, and what they were counted from."""

    keys: bytes = b""  # every article's cue key, sorted, _KEY bytes each
    named: dict[str, int] = {}
    dated: list[tuple[list[str], float, int]] = []  # subject, day, articles
    docs: int = 0
    digest: int = 0  # `Digest` of the bytes of the cues under those keys
    daily: list[list[str]] = []  # the regular reports of those dated headlines (`Reports`)
    templated: list[list[str]] = []
    checksum: bytes = b""  # of all the above: a damaged value is not used


_COUNTED = msgspec.msgpack.Decoder(Counted)


class Digest:
    """A digest of cues' bytes by key, whatever order they come in (each key once)."""

    def __init__(self) -> None:
        self.value = 0
        self._seen: set[bytes] = set()

    def add(self, key: bytes, data: bytes) -> None:
        """Take one key's bytes in (a key already in counts once)."""
        if key not in self._seen:
            self._seen.add(key)
            self.value = (self.value + _hashed(key, data)) % 2**64

    def discard(self, key: bytes, data: bytes) -> None:
        """Take one key's bytes out, if they are in."""
        if key in self._seen:
            self._seen.remove(key)
            self.value = (self.value - _hashed(key, data)) % 2**64


def _hashed(key: bytes, data: bytes) -> int:
    """Return one key's bytes as a number a `Digest` sums."""
    return int.from_bytes(hashlib.blake2b(key + data, digest_size=8).digest(), "little")


def resumed(
    data: bytes,
    kept: dict[bytes, bytes],
    keys: Sequence[bytes],
    decoded: Callable[[bytes], Cues | None],
) -> tuple[Corpus, Counter[bytes], Digest] | None:
    """Return the last build's counts (`data`) with the cues of the keys gone out, how many
    articles of each key are still to count in, and the digest of the last build's cues (to
    bring up to date: `Digest.add` the keys new, `Digest.discard` those gone); None if they
    cannot be taken again. `kept` are the cues' bytes by key, `keys` this build's articles'
    keys, `decoded` reads kept bytes."""
    counted = _decoded(data)
    if counted is None:
        return None
    last = [counted.keys[i : i + _KEY] for i in range(0, len(counted.keys), _KEY)]
    digest = Digest()
    for key in last:
        if key not in kept:
            return None
        digest.add(key, kept[key])
    if digest.value != counted.digest:
        return None
    dated = Counter({(frozenset(subject), day): n for subject, day, n in counted.dated})
    reports = Reports(
        frozenset(map(frozenset, counted.daily)), frozenset(map(frozenset, counted.templated))
    )
    corpus = Corpus(Counter(counted.named), dated, counted.docs, (frozenset(dated), reports))
    now, before = Counter(keys), Counter(last)
    for key, times in (before - now).items():
        cue = decoded(kept[key])
        if cue is None:
            return None
        for _ in range(times):
            corpus.remove(cue)
    return corpus, now - before, digest


def saved(corpus: Corpus, keys: Sequence[bytes], digest: Digest) -> bytes:
    """Return this build's counts as the store keeps them (`Counted`)."""
    reports = corpus.reports()
    made = Counted(
        b"".join(sorted(keys)),
        dict(sorted(corpus.named.items())),
        sorted((sorted(subject), float(day), n) for (subject, day), n in corpus.dated.items()),
        corpus.docs,
        digest.value,
        sorted(map(sorted, reports.daily)),
        sorted(map(sorted, reports.templated)),
    )
    return _ENCODER.encode(msgspec.structs.replace(made, checksum=_checksum(made)))


def _checksum(counted: Counted) -> bytes:
    """Return the checksum of a build's counts."""
    fields = [
        counted.keys,
        counted.named,
        counted.dated,
        counted.docs,
        counted.digest,
        counted.daily,
        counted.templated,
    ]
    return hashlib.blake2b(_ENCODER.encode(fields), digest_size=16).digest()


def _decoded(data: bytes) -> Counted | None:
    """Return the counts the store kept (None if there are none, or they are not sound)."""
    try:
        counted = _COUNTED.decode(data) if data else None
    except msgspec.DecodeError:
        return None
    if counted is None or counted.checksum != _checksum(counted) or len(counted.keys) % _KEY:
        return None
    return counted
