"""Pagefind's filter files made deterministic: decoded, sorted and written back.

Pagefind 1.5 writes its filter indexes in hash-map order, so two runs over the same pages give
different pf_filter files, pf_meta and entry hashes (its own "TODO: Change filter indexes to
BTree to give them a stable hash"). `sort_filters` rewrites them in sorted order. Both formats
are "pagefind_dcd" + CBOR, gzipped: a filter is [name, [[value, [page, ...]], ...]]; field 3 of
the meta lists [name, hash] per filter.
"""

from __future__ import annotations

import gzip
import hashlib

from .errors import BuildError

Cbor = int | str | list["Cbor"]
SIGNATURE = b"pagefind_dcd"


def sort_filters(files: dict[str, bytes], meta_name: str) -> None:
    """Rewrite one language's filter files and meta in sorted order, with new content hashes
    (`files`: a bundle's files by name, changed in place)."""
    language = meta_name.split(".")[1].split("_")[0]
    meta = _listed(_read_cbor(files.pop(meta_name), meta_name), meta_name)
    filters = _listed(meta[3] if len(meta) > 3 else None, meta_name)
    for item in filters:
        pair = _listed(item, meta_name)
        old = f"filter/{pair[1]}.pf_filter"
        index = _listed(_read_cbor(files.pop(old), old), old)
        _listed(index[1], old).sort(key=str)  # [value, pages] pairs; values are unique
        pair[1] = _write_cbor(files, "filter/", index, language, 7, ".pf_filter")
    filters.sort(key=str)
    new_hash = _write_cbor(files, "pagefind.", meta, language, 10, ".pf_meta")
    old_hash = meta_name[len("pagefind.") : -len(".pf_meta")]
    entry = files["pagefind-entry.json"].replace(f'"{old_hash}"'.encode(), f'"{new_hash}"'.encode())
    files["pagefind-entry.json"] = entry


def _listed(value: Cbor | None, name: str) -> list[Cbor]:
    """Return value if it is a CBOR array; raise BuildError naming the file otherwise."""
    if not isinstance(value, list):
        raise BuildError(
            f"unexpected Pagefind index format in {name}; this build needs "
            "pagefind 1.5 (pip install 'pagefind[bin]~=1.5.0')"
        )
    return value


def _read_cbor(data: bytes, name: str) -> Cbor:
    """Decode a gzipped, signed Pagefind CBOR file."""
    data = gzip.decompress(data)
    value, end = cbor_decode(data, len(SIGNATURE)) if data.startswith(SIGNATURE) else (None, 0)
    if value is None or end != len(data):
        raise BuildError(f"unexpected Pagefind file {name}: not signed CBOR")
    return value


def _write_cbor(
    files: dict[str, bytes], prefix: str, value: Cbor, language: str, digits: int, suffix: str
) -> str:
    """Add a Pagefind CBOR file named by its content hash; return that name ("en_1a2b3c4")."""
    data = SIGNATURE + cbor_encode(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    files[f"{prefix}{name}{suffix}"] = gzip.compress(data, mtime=0)
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
