"""Near-duplicates: MinHash signatures of texts, and the pairs whose texts are near-duplicates.

* ``fingerprint(text)``: one-permutation MinHash of the ``SHINGLE_WORDS``-word shingles (words
  hashed by ``zlib.crc32``, shingles by a polynomial of those and MurmurHash3's finaliser) in
  ``SIGNATURE_BINS`` bins, empty bins filled from a fixed probe order, each cut to its low
  ``SIGNATURE_BITS`` bits: a tuple of small ints, about 1 KB. Pure: the reader runs it per article.
* ``near_duplicates``: LSH banding (r rows a band, the most that miss a pair at the threshold
  under 1% of the time), then each candidate's estimated Jaccard is checked. O(N log N * bands).
"""

from __future__ import annotations

import operator
import re
import zlib
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import combinations

import numpy as np
import numpy.typing as npt

from .similarity import fold

Ints = npt.NDArray[np.int64]

NEAR_DUPLICATE_THRESHOLD = 0.8
"""Estimated shingle Jaccard at or above which two texts are near-duplicates."""

SHORT_TEXT_WORDS = 80
SHORT_NEAR_DUPLICATE_THRESHOLD = 0.9
"""The same for a pair with a text under ``SHORT_TEXT_WORDS`` words: in a short notice (a Fed
operation, a rate sheet) the one changed figure or time is the news, not an edit."""

SHINGLE_WORDS = 3
SIGNATURE_BINS = 128
SIGNATURE_BITS = 8
"""The loader keeps a signature as bytes, one a bin: at most 8 bits."""

_LETTERS_AND_DIGITS = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))
_WORD_OR_NUMBER = re.compile(r"[^\W_]+")
_VALUE_BITS = np.uint64(64 - (SIGNATURE_BINS.bit_length() - 1))  # the top bits pick the bin
_VALUE_MASK = np.uint64((1 << int(_VALUE_BITS)) - 1)
_SIGNATURE_MASK = np.uint64((1 << SIGNATURE_BITS) - 1)
_EMPTY_BIN = np.uint64(1 << 63)
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_MAX_MISS = 0.01


def fingerprint(text: str) -> tuple[int, ...]:
    """Return a MinHash signature of the text's word shingles (for near-duplicate detection)."""
    hashes = _shingle_hashes(fold(text))
    if not len(hashes):
        return ()
    lowest = np.full(SIGNATURE_BINS, _EMPTY_BIN, dtype=np.uint64)
    np.minimum.at(lowest, (hashes >> _VALUE_BITS).astype(np.intp), hashes & _VALUE_MASK)
    values = lowest & _SIGNATURE_MASK
    empty = np.flatnonzero(lowest == _EMPTY_BIN)
    if len(empty):  # each takes the value of the first bin with one in its probe order
        orders = _probe_orders()[empty]
        first = np.argmax(lowest[orders] != _EMPTY_BIN, axis=1)
        values[empty] = values[orders[np.arange(len(empty)), first]]
    return tuple(values.tolist())


def _shingle_hashes(folded: str) -> npt.NDArray[np.uint64]:
    """Return a 64-bit hash of every run of SHINGLE_WORDS words (of the whole text if shorter)."""
    if folded.isascii():
        words = folded.encode("ascii").translate(_LETTERS_AND_DIGITS).split()
    else:
        words = [word.encode() for word in _WORD_OR_NUMBER.findall(folded)]
    word_hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    if width == 0:
        return word_hashes
    hashes = np.zeros(len(words) - width + 1, dtype=np.uint64)
    for offset in range(width):  # polynomial in the word hashes, mod 2**64
        hashes = hashes * _MULTIPLIER + word_hashes[offset : len(hashes) + offset]
    return _mix(hashes)


def _mix(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return the hashes scrambled by MurmurHash3's 64-bit finaliser, so every bit is usable."""
    for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        hashes = (hashes ^ (hashes >> np.uint64(33))) * np.uint64(multiplier)
    return hashes ^ (hashes >> np.uint64(33))


@cache
def _probe_orders() -> npt.NDArray[np.intp]:
    """Return, for each bin, the fixed pseudo-random order in which it looks for a value when
    empty (a row a bin)."""
    return np.array([_probes(slot) for slot in range(SIGNATURE_BINS)], dtype=np.intp)


def _probes(slot: int) -> tuple[int, ...]:
    """Return the fixed pseudo-random order in which an empty bin looks for a value."""
    return tuple(sorted(range(SIGNATURE_BINS), key=lambda bin: zlib.crc32(b"%d:%d" % (slot, bin))))


def near_duplicates(
    signatures: Sequence[Sequence[int]],
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
    words: Sequence[int] | None = None,
) -> list[tuple[int, int, float]]:
    """Return pairs (i < j, estimated Jaccard) whose texts are near-duplicates, via LSH banding;
    with each text's word count (`words`), a pair with a text under ``SHORT_TEXT_WORDS`` needs
    ``SHORT_NEAR_DUPLICATE_THRESHOLD``."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    present = [doc for doc, signature in enumerate(signatures) if len(signature)]
    filled = [signatures[doc] for doc in present]
    width = _signature_width(filled)
    rows = _rows_per_band(width, threshold)
    matrix = _matrix(filled, width)
    candidates: set[tuple[int, int]] = set()
    for start in range(0, width - rows + 1, rows):
        collisions = _band_collisions(matrix[:, start : start + rows])
        candidates.update((present[a], present[b]) for a, b in collisions)
    pairs = ((i, j, estimated_jaccard(signatures[i], signatures[j])) for i, j in candidates)
    return sorted(pair for pair in pairs if pair[2] >= _needed(pair[0], pair[1], threshold, words))


def _needed(first: int, second: int, threshold: float, words: Sequence[int] | None) -> float:
    """Return the estimate two texts must reach to be near-duplicates."""
    if words is None or min(words[first], words[second]) >= SHORT_TEXT_WORDS:
        return threshold
    return max(threshold, SHORT_NEAR_DUPLICATE_THRESHOLD)


def _signature_width(signatures: Sequence[Sequence[int]]) -> int:
    """Return the common length of the signatures, or raise if they differ."""
    widths = sorted({len(signature) for signature in signatures})
    if len(widths) > 1:
        raise ValueError(f"signatures have lengths {widths}; make them all with fingerprint()")
    return widths[0] if widths else 0


def _rows_per_band(width: int, threshold: float) -> int:
    """Return the most rows per band that miss a pair at the threshold under 1% of the time."""
    rows = 1
    while rows < width and (1 - threshold ** (rows + 1)) ** (width // (rows + 1)) < _MAX_MISS:
        rows += 1
    return rows


def _matrix(signatures: Sequence[Sequence[int]], width: int) -> Ints:
    """Return the signatures as the rows of one array (bytes ones, as the loader keeps them,
    without a Python step a value)."""
    if all(type(signature) is bytes for signature in signatures):
        joined = b"".join(signatures)  # type: ignore[arg-type]
        return np.frombuffer(joined, np.uint8).astype(np.int64).reshape(len(signatures), width)
    return np.array(signatures, dtype=np.int64).reshape(len(signatures), width)


def _band_collisions(band: Ints) -> Iterator[tuple[int, int]]:
    """Yield the pairs (i < j) of rows of a band (the same columns of every signature) that
    hash the same (are equal, or rarely not)."""
    keys = np.zeros(len(band), dtype=np.uint64)
    for column in band.T:
        keys = keys * _MULTIPLIER + column.astype(np.uint64)
    keys = _mix(keys)
    order = np.argsort(keys, kind="stable")
    same = np.diff(keys[order]) == 0  # same[i]: the i-th and (i + 1)-th rows in key order collide
    starts = np.flatnonzero(same & ~np.concatenate(([False], same[:-1])))
    ends = np.flatnonzero(same & ~np.concatenate((same[1:], [False]))) + 2
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        yield from combinations(order[start:end].tolist(), 2)


def estimated_jaccard(first: Sequence[int], second: Sequence[int]) -> float:
    """Return the shingle Jaccard estimated from two signatures, net of chance low-bit matches."""
    if not first or len(first) != len(second):
        return 0.0
    matches = int(sum(map(operator.eq, first, second)))  # lengths checked above
    chance = 1 / (1 << SIGNATURE_BITS)
    return max(0.0, (matches / len(first) - chance) / (1 - chance))
