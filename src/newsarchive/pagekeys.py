"""Page keys: a hash of everything a page is rendered from, so an unchanged page is not rendered.

A key covers the template folder, newsarchive's code, the site config and layout frame (the
salt), and the page: its spec's kind, template, path and inputs (`spec_key`), or, for a file
that is not a page and for the key check (`render.DEBUG_KEYS`), its template, path, title,
description and every value in its context (`key`). Values
are serialised with pickle (fast, and exact for every type a context holds) with its memo off,
so equal values give equal bytes whatever objects they share. The long-lived parts of the Site
stand in by a digest computed once per object: articles by source path and content hash (with
the code in the key, that fixes every field parsed from them), entries, terms and archive
periods by the digest of their fields. A value pickle cannot serialise gives no key, and the
page is simply rendered.

The stand-ins are put in before pickling, by a walk into the values of a context, the records in
them (a pager, the frame) and the tuples of Site parts: then pickle's C code goes through the rest
without a call back to Python for every string and number (a `persistent_id` is asked about every
object pickled, a third of the keying time). A Site part the walk does not reach (inside a list,
say) is pickled whole: its key is still exact, only slower to make. The walk also puts sets in order
(pickled as they iterate, they would give a new key whenever the hash seed changes); a set it does
not reach gives its page a new key in each build, rendered again, never stale.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import pickle
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from msgspec import Struct, structs

from .models import Article, Entry, Month, Term, Year

_REMEMBERED = (Entry, Term, Month, Year)
_STOOD_IN: frozenset[type] = frozenset({*_REMEMBERED, Article})
_AS_THEY_ARE = frozenset({str, int, float, bool, type(None), bytes})
_FAILURES = (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError)


class Keyer:
    """Makes page keys, remembering the digests of entries and terms it has seen."""

    def __init__(self, salt: str) -> None:
        self.salt = salt.encode()
        self.memo: dict[int, bytes] = {}
        self._kept: list[object] = []  # keeps memo ids from being reused by new objects
        self._buffer = io.BytesIO()  # one pickler for every page, not one each
        self._pickler = pickle.Pickler(self._buffer, protocol=5)
        self._pickler.fast = True  # no memo: output depends on values only, not object identity

    def key(
        self, template: str, path: str, title: str, description: str, context: Mapping[str, Any]
    ) -> str | None:
        """Return the key of one page, or None if its context cannot be keyed."""
        names = sorted(context)
        try:
            values = tuple(self.stand_in(context[name]) for name in names)
            data = self._pickled((template, path, title, description, tuple(names), values))
        except _FAILURES:
            return None
        return hashlib.blake2b(self.salt + data, digest_size=16).hexdigest()

    def spec_key(self, kind: str, template: str, path: str, inputs: tuple[object, ...]) -> str:
        """Return the key of a page spec: its kind, template and path, and its inputs with the
        Site parts among them (and in tuples of them) standing in by their digests."""
        stood_in = tuple(map(self.stand_in, inputs))
        data = self._pickled((kind, template, path, stood_in))
        return hashlib.blake2b(self.salt + data, digest_size=16).hexdigest()

    def seed(self, values: Sequence[Entry], digests: Sequence[bytes]) -> None:
        """Take the digests of entries (`remembered`) made in another process, in order."""
        self.memo.update(zip(map(id, values), digests, strict=True))
        self._kept.extend(values)

    def remembered(self, value: Entry | Term | Month | Year) -> bytes:
        """Return the digest of an entry, term or period, computing it once per object."""
        digest = self.memo.get(id(value))
        if digest is None:
            fields: tuple[object, ...] | list[object] = structs.astuple(value)
            if parts := _parts(type(value)):
                fields = list(fields)
                for index in parts:
                    fields[index] = self.stand_in(fields[index])
            data = self._pickled((type(value).__name__, fields))
            digest = self.memo[id(value)] = hashlib.blake2b(data, digest_size=16).digest()
            self._kept.append(value)
        return digest

    def stand_in(self, value: object) -> object:
        """Return a value with the Site parts and articles in it replaced by their stand-ins,
        looking into records and into tuples that begin with a Site part; sets in order."""
        kind = type(value)
        if kind in _AS_THEY_ARE:  # most values: asked first
            return value
        if kind is tuple:
            if not value or type(value[0]) not in _STOOD_IN:  # type: ignore[index]
                return value
            try:  # entries digested already: no call apiece (a pager's twenty)
                return tuple(map(self.memo.__getitem__, map(id, value)))  # type: ignore[call-overload]
            except KeyError:
                return tuple(map(self.stand_in, value))  # type: ignore[call-overload]
        if kind in _REMEMBERED:
            return self.memo.get(id(value)) or self.remembered(value)  # type: ignore[arg-type]
        if kind is Article:
            return ("article", value.source, value.digest)  # type: ignore[attr-defined]
        if kind is set or kind is frozenset:  # iteration order varies between processes
            return ("set", sorted(value, key=repr))  # type: ignore[call-overload]
        if isinstance(value, Struct):
            return (kind.__qualname__, tuple(map(self.stand_in, structs.astuple(value))))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = (getattr(value, field.name) for field in dataclasses.fields(value))
            return (kind.__qualname__, tuple(map(self.stand_in, fields)))
        return value

    def _pickled(self, value: object) -> bytes:
        """Serialise a value whose Site parts stand in already (so this pickler is never in
        use twice at once); each dump starts afresh, even after one that failed."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._pickler.dump(value)
        return self._buffer.getvalue()


@functools.cache
def _parts(record: type[Struct]) -> tuple[int, ...]:
    """Return where a record's fields may hold Site parts: those not typed as plain values
    (a plain-typed field that holds one anyway is pickled whole: exact, only slower)."""
    hints = typing.get_type_hints(record)
    return tuple(
        index for index, name in enumerate(record.__struct_fields__) if not _plain(hints[name])
    )


def _plain(hint: object) -> bool:
    """Tell whether a type holds only plain values: numbers, strings, None, tuples of them."""
    if hint in _AS_THEY_ARE:
        return True
    if typing.get_origin(hint) in (tuple, types.UnionType, typing.Union):
        return all(_plain(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)
    return False
