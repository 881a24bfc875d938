"""What the catalogue keeps between builds for related articles: each doc's neighbours, and a
digest of the TF-IDF entries they were scored from.

A doc's neighbours (``similarity.related_from_counts``) are a function of its kept entries (terms
and weights, in order), those of every doc sharing one of its terms, and the order of those docs
(ties go to the lower index). So a doc's row from the last build is taken again when none of
that changed: its own entries' digest is the same, no doc whose entries changed (or that is new)
shares one of its terms now, and no doc its row lists changed or is gone. Anything else (another
number of docs or of neighbours, docs in another relative order) scores every doc again.

The build store keeps the rows as the last build's `related` value, forgotten with the code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import msgspec
import numpy as np
import numpy.typing as npt

from .neighbour_table import Neighbour, NeighbourTable

Keys = npt.NDArray[np.uint64]
Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_ENCODER = msgspec.msgpack.Encoder()


class Rows(msgspec.Struct, frozen=True):
    """One build's rows: each doc's key and entries' digest (uint64 arrays, by doc index), and
    its neighbours in CSR form (int64 starts; uint64 keys and float64 scores)."""

    k: int = -1
    keys: bytes = b""
    digests: bytes = b""
    starts: bytes = b""
    others: bytes = b""
    scores: bytes = b""
    checksum: bytes = b""  # of all the above (`_checksum`): a damaged value is not used


_ROWS = msgspec.msgpack.Decoder(Rows)


class RelatedCache:
    """The last build's rows, and this one's once scored (`remember`)."""

    def __init__(self, data: bytes = b"") -> None:
        self._last = _decoded(data)
        self._k = -1
        self._keys: Keys = np.zeros(0, np.uint64)
        self._digests: Keys = np.zeros(0, np.uint64)
        self.rows = b""  # this build's, once remembered

    def prepare(self, sources: Iterable[str], k: int) -> None:
        """Say which docs this build scores (their sources, by doc index) and how many
        neighbours each keeps."""
        self._k = k
        self._keys = np.array([_source_key(source) for source in sources], np.uint64)

    def recall(
        self, doc_start: Ints, doc_terms: Int32s, doc_weights: Floats, term_start: Ints,
        term_docs: Int32s,
    ) -> dict[int, tuple[list[int], list[float]]]:  # fmt: skip
        """Return the rows of the last build that are still exact, by doc index, given every
        doc's kept entries (by doc, and by term); a `similarity.KnownRows`."""
        self._digests = _digests(doc_start, doc_terms, doc_weights)
        last = self._last
        old_keys = np.frombuffer(last.keys, np.uint64)
        if last.k != self._k or len(old_keys) != len(self._keys):
            return {}
        order = np.argsort(old_keys)
        at = order[np.minimum(np.searchsorted(old_keys[order], self._keys), len(order) - 1)]
        matched = old_keys[at] == self._keys
        if not bool(np.all(np.diff(at[matched]) > 0)):  # docs in another order: ties may turn
            return {}
        same = matched & (np.frombuffer(last.digests, np.uint64)[at] == self._digests)
        changed = np.flatnonzero(~same)
        stale = np.zeros(len(self._keys), bool)
        stale[changed] = True
        stale[_sharing(changed, doc_start, doc_terms, term_start, term_docs)] = True
        starts = np.frombuffer(last.starts, np.int64)
        others = np.frombuffer(last.others, np.uint64)
        valid = np.isin(others, self._keys[same])  # listed docs still there, and unchanged
        bad_rows = np.repeat(np.arange(len(old_keys)), np.diff(starts))[~valid]
        new_of_old = np.full(len(old_keys), -1, np.int64)
        new_of_old[at[matched]] = np.flatnonzero(matched)
        listing = new_of_old[bad_rows]
        stale[listing[listing >= 0]] = True  # (a doc gone lists none now)
        index_of = dict(zip(self._keys.tolist(), range(len(self._keys)), strict=True))
        docs = list(map(index_of.get, others.tolist()))  # None: gone, only in stale rows
        scores = np.frombuffer(last.scores, np.float64).tolist()
        return {
            doc: (docs[lo:hi], scores[lo:hi])  # type: ignore[misc]  # kept rows list no doc gone
            for doc, lo, hi in _kept_rows(stale, at, starts)
        }

    def remember(self, neighbours: Sequence[Sequence[Neighbour]]) -> None:
        """Keep this build's rows, to save (`rows`)."""
        table = NeighbourTable.of(neighbours)
        starts, others, scores = table.start, table.docs, table.scores
        rows = Rows(
            self._k,
            self._keys.tobytes(),
            self._digests.tobytes(),
            starts.tobytes(),
            self._keys[others].tobytes(),
            scores.tobytes(),
        )
        self.rows = _ENCODER.encode(msgspec.structs.replace(rows, checksum=_checksum(rows)))


def _source_key(source: str) -> int:
    """Return a doc's key: a hash of its source path."""
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _digests(start: Ints, terms: npt.NDArray[np.int32], weights: npt.NDArray[np.float64]) -> Keys:
    """Return a digest of each doc's kept entries: their terms, weights and order."""
    doc_of = np.repeat(np.arange(len(start) - 1), np.diff(start))
    rank = (np.arange(len(terms)) - start[doc_of]).astype(np.uint64)
    entry = _mix(_mix(terms.astype(np.uint64) * _MULTIPLIER ^ weights.view(np.uint64)) + rank)
    total = np.concatenate(([np.uint64(0)], np.cumsum(entry, dtype=np.uint64)))
    sums = total[start[1:]] - total[start[:-1]]
    return _mix(sums + np.diff(start).astype(np.uint64) * _MULTIPLIER)


def _sharing(
    docs: Ints, doc_start: Ints, doc_terms: npt.NDArray[np.int32], term_start: Ints,
    term_docs: npt.NDArray[np.int32],
) -> Ints:  # fmt: skip
    """Return the docs that keep one of the terms `docs` keep."""
    if not len(docs):
        return np.zeros(0, np.int64)
    entries = np.concatenate([np.arange(doc_start[d], doc_start[d + 1]) for d in docs.tolist()])
    terms = np.unique(doc_terms[entries])
    postings = [term_docs[term_start[t] : term_start[t + 1]] for t in terms.tolist()]
    return np.unique(np.concatenate(postings)) if postings else np.zeros(0, np.int64)


def _kept_rows(
    stale: npt.NDArray[np.bool_], at: Ints, starts: Ints
) -> Iterable[tuple[int, int, int]]:
    """Yield (doc, start, end) of the last build's row of each doc not stale."""
    for doc in np.flatnonzero(~stale).tolist():
        old = int(at[doc])
        yield doc, int(starts[old]), int(starts[old + 1])


def _checksum(rows: Rows) -> bytes:
    """Return the checksum of a build's rows."""
    parts = (rows.keys, rows.digests, rows.starts, rows.others, rows.scores)
    return hashlib.blake2b(b"%d:" % rows.k + b"".join(parts), digest_size=16).digest()


def _mix(values: Keys) -> Keys:
    """Return 64-bit values scrambled (MurmurHash3's finaliser), so every bit is usable."""
    for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        values = (values ^ (values >> np.uint64(33))) * np.uint64(multiplier)
    return values ^ (values >> np.uint64(33))


def _decoded(data: bytes) -> Rows:
    """Return the rows the store kept (none if they are not sound)."""
    try:
        rows = _ROWS.decode(data) if data else Rows()
    except msgspec.DecodeError:
        return Rows()
    if rows.checksum != _checksum(rows):
        return Rows()
    docs = len(rows.keys) // 8
    sizes = (len(rows.keys), len(rows.digests), len(rows.starts), len(rows.others))
    if sizes[:3] != (8 * docs, 8 * docs, 8 * (docs + 1)) or len(rows.scores) != sizes[3]:
        return Rows()
    starts = np.frombuffer(rows.starts, np.int64)
    if starts[0] != 0 or starts[-1] * 8 != sizes[3] or np.any(np.diff(starts) < 0):
        return Rows()
    return rows
