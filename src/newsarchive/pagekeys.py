"""Page keys: a hash of everything a page is rendered from, so an unchanged page is not rendered.

A key covers the template folder, newsarchive's code, the site config and layout frame, the
template name, the page's path, title and description, and every value in its context. Values
are serialised with pickle (fast, and exact for every type a context holds) with its memo off,
so equal values give equal bytes whatever objects they share. The long-lived parts of the Site
stand in by a digest computed once per object: articles by source path and content hash (with
the code in the key, that fixes every field parsed from them), entries, terms and archive
periods by the digest of their fields. A value pickle cannot serialise gives no key, and the
page is simply rendered.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping
from typing import Any

from msgspec import structs

from .models import Article, Entry, Month, Term, Year

_REMEMBERED = (Entry, Term, Month, Year)


class Keyer:
    """Makes page keys, remembering the digests of entries and terms it has seen."""

    def __init__(self, salt: str) -> None:
        self.salt = salt.encode()
        self.memo: dict[int, bytes] = {}
        self._kept: list[object] = []  # keeps memo ids from being reused by new objects
        self._buffer = io.BytesIO()  # one pickler for every page: making one took 2 us
        self._pickler = _Pickler(self._buffer, self)
        self._fields = io.BytesIO()  # and one for the fields of every entry and term
        self._plain = pickle.Pickler(self._fields, protocol=5)
        self._plain.fast = True  # no memo: output depends on values only, not on object identity

    def key(
        self, template: str, path: str, title: str, description: str, context: Mapping[str, Any]
    ) -> str | None:
        """Return the key of one page, or None if its context cannot be keyed."""
        names = sorted(context)  # one string of them: the pickler calls back for every object
        values = tuple(context[name] for name in names)
        data = self._dump((template, path, title, description, "\0".join(names), values))
        if data is None:
            return None
        return hashlib.blake2b(self.salt + data, digest_size=16).hexdigest()

    def _dump(self, value: object) -> bytes | None:
        """Serialise a value, with Site parts replaced by their digests; None if impossible."""
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        try:
            self._pickler.dump(value)  # each dump starts afresh, even after one that failed
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError):
            return None
        return buffer.getvalue()

    def remembered(self, value: object) -> bytes:
        """Return the digest of an entry, term or period, computing it once per object."""
        digest = self.memo.get(id(value))
        if digest is None:
            fields = tuple(map(self.stand_in, structs.astuple(value)))  # type: ignore[arg-type]
            data = self._plain_bytes((type(value).__name__, fields))
            digest = self.memo[id(value)] = hashlib.blake2b(data, digest_size=16).digest()
            self._kept.append(value)
        return digest

    def _plain_bytes(self, value: object) -> bytes:
        """Serialise plain values (no Site parts left in them, or they are pickled whole)
        without a Python callback per object: 20,000 entries' fields, at pickle's speed. The
        fields are stood in before, so this pickler is never in use twice at once."""
        self._fields.seek(0)
        self._fields.truncate()
        self._plain.dump(value)
        return self._fields.getvalue()

    def stand_in(self, value: object) -> object:
        """Return a value with the Site parts and articles in it (alone, or in a tuple of them)
        replaced by their stand-ins; other values are pickled as they are."""
        kind = type(value)
        if kind is tuple and value and type(value[0]) in _STOOD_IN:  # type: ignore[index]
            return tuple(map(self.stand_in, value))  # type: ignore[call-overload]
        if kind in _REMEMBERED:
            return self.memo.get(id(value)) or self.remembered(value)  # most are known
        if kind is Article:
            return _article(value)  # type: ignore[arg-type]
        return value


def _article(article: Article) -> tuple[str, str, str]:
    """Return an article's stand-in: with the code in the key, source and content fix it."""
    return ("article", article.source, article.digest)


_STOOD_IN: frozenset[type] = frozenset({*_REMEMBERED, Article})
_PLAIN = frozenset({str, int, float, bool, type(None), bytes, tuple, list, dict})


class _Pickler(pickle.Pickler):
    """A pickler that writes Site parts as digests and never shares equal values by reference."""

    def __init__(self, file: io.BytesIO, keyer: Keyer) -> None:
        super().__init__(file, protocol=5)
        self.fast = True  # no memo: output depends on values only, not on object identity
        self.keyer = keyer

    def persistent_id(self, obj: object) -> object:
        """Return the stand-in for a Site part or an article; None to pickle a value as it is."""
        kind = type(obj)
        if kind in _PLAIN:  # most objects: asked first, as this runs for every one
            return None
        if kind in _STOOD_IN:
            return self.keyer.stand_in(obj)
        if isinstance(obj, set | frozenset):  # iteration order varies between processes
            return ("set", sorted(obj, key=repr))
        return None
