"""What the catalogue keeps between builds for entities: the last build's entities, and a
digest of what they were gathered from.

`entity_catalog.gather` folds every article's candidates into entities; its result is a
function of those candidates (with the articles' numbers), of the pages' floor and of the
authority file alone. Most edits name no one new (a correction, a reworded sentence), so the
candidates are the same as the last build's and so are the entities: they are taken again
instead of gathered. Any other change gathers them all again.

The build store keeps them as the last build's `entities` value, forgotten with the code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import msgspec

from .authority import Authority
from .entity_catalog import NO_RULES, Entity, Found, gather

Mentions = tuple[tuple[str, str], ...]  # an article's (kind, name) candidates
Docs = Iterable[tuple[int, Mentions]]


class _Kept(msgspec.Struct, frozen=True):
    """One build's entities and the digest of what they were gathered from."""

    digest: bytes
    published: tuple[Entity, ...]
    unconfirmed: tuple[Entity, ...]


_ENCODER = msgspec.msgpack.Encoder()
_KEPT = msgspec.msgpack.Decoder(_Kept)


class EntityCache:
    """The last build's entities, and this build's once gathered (`data`)."""

    def __init__(self, data: bytes = b"") -> None:
        self._last = data
        self.data = b""  # this build's, once gathered

    def gather(self, docs: Docs, min_articles: int = 2, rules: Authority = NO_RULES) -> Found:
        """Return `entity_catalog.gather` of these docs: the last build's entities if they
        were gathered from the same docs, floor and rules."""
        docs = list(docs)
        digest = _digest(docs, min_articles, rules)
        last = _decoded(self._last)
        if last is not None and last.digest == digest:
            self.data = self._last  # kept as it was: nothing to encode again
            return Found(last.published, last.unconfirmed)
        found = gather(docs, min_articles, rules=rules)
        self.data = _ENCODER.encode(_Kept(digest, found.published, found.unconfirmed))
        return found


def _digest(docs: list[tuple[int, Mentions]], floor: int, rules: Authority) -> bytes:
    """Return a digest of everything `gather` is given."""
    given = (docs, floor, rules.aliases, rules.kinds, rules.block)
    return hashlib.blake2b(_ENCODER.encode(given), digest_size=16).digest()


def _decoded(data: bytes) -> _Kept | None:
    """Return the kept entities, or None if there are none or they do not decode."""
    try:
        return _KEPT.decode(data) if data else None
    except msgspec.DecodeError:
        return None
