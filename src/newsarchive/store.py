"""The build store: one SQLite database in the output's cache folder, holding what a build reuses.

Tables: `sources` (each input file's stamps and content hash), `articles` (each source's parsed
record, its body and its words as ids, valid for one content hash and newsarchive's code),
`words` (the vocabulary those ids number, one for the whole archive), `pages` (the last build's
page keys), `outputs` (size and mtime of every file the last build left in the output), `probes`
(what looking at image files found), `cues` (each article's same-story cues, by a hash of what
they are made of: `story_cache`) and `meta` (the last build's key and report, its same-story
verdicts, the code the rows were made by).

Everything that describes the last build (stamps, key, report, page keys, output tree, probes)
is saved in one transaction when the build is done: a build killed before leaves the last good
state. Articles and words are saved as soon as they are read, so render workers can read the
bodies: each row is keyed by its source's content hash, so an extra or missing row can only
cost a read, never change the output. Cues and verdicts, keyed by what they are made of, are
saved as soon as the catalogue has them, for the same reason.

Data only: records are MessagePack or JSON decoded into declared types, words are arrays, every
article row has a checksum, and a database whose schema is not exactly this one is not opened.
A store that is damaged or forged is deleted and made again (`Store.damaged` says so); one
that cannot be written lives in memory for the build (`Store.shared` is then False).
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from .imaging import Probe

NAME = "store.sqlite"
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE sources (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
    " ctime INTEGER NOT NULL, inode INTEGER NOT NULL, digest TEXT NOT NULL)",
    "CREATE TABLE articles (source TEXT PRIMARY KEY, digest TEXT NOT NULL, record BLOB NOT NULL,"
    " related_ids BLOB NOT NULL, related_counts BLOB NOT NULL, search_ids BLOB NOT NULL,"
    " search_fields BLOB NOT NULL, checksum INTEGER NOT NULL, body BLOB NOT NULL,"
    " body_checksum INTEGER NOT NULL)",
    "CREATE TABLE words (id INTEGER PRIMARY KEY, word TEXT NOT NULL)",
    "CREATE TABLE pages (path TEXT PRIMARY KEY, key TEXT NOT NULL)",
    "CREATE TABLE outputs (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL)",
    "CREATE TABLE probes (path TEXT PRIMARY KEY, probe BLOB NOT NULL)",
    "CREATE TABLE cues (key BLOB PRIMARY KEY, cues BLOB NOT NULL)",
)
Arrays = tuple[bytes, bytes, bytes, bytes]
"""An article's words as ids (`words.Words`): related ids and counts, search ids and fields."""
Stored = tuple[str, bytes, Arrays]
"""An article row as reading uses it: content hash, record, words (checked, not decoded)."""
T = TypeVar("T")


class Store:
    """An open build store; see the module's docstring."""

    def __init__(self, path: Path, code: str) -> None:
        self.path = path
        self.code = code  # rows of articles and words are only valid for it
        self.damaged = False  # the file was there but not sound: made again
        self.shared = True  # on disk, so other processes can read it
        self._db = self._connect()

    @classmethod
    def open(cls, folder: Path, code: str) -> Store:
        """Open the store in a cache folder for some code (made if need be)."""
        return cls(folder / NAME, code)

    def close(self) -> None:
        """Close the database (WAL's files are folded into it and removed)."""
        with suppress(sqlite3.Error):
            self._db.close()

    def _connect(self) -> sqlite3.Connection:
        """Open the database file, or make it anew if it is not sound; in memory if it can't."""
        db = None
        try:
            db = _opened(str(self.path))
            schema = _schema(db)
            if not schema:  # a new file
                _create(db, self.code)
                return db
            if schema == list(SCHEMA):
                if _meta(db, "code") != self.code:  # another version's rows: none is valid
                    db.execute("BEGIN IMMEDIATE")
                    _forget_articles(db, self.code)
                    db.execute("COMMIT")
                return db
            self.damaged = _meta(db, "code") == self.code  # else another version's tables
        except (sqlite3.Error, OSError):
            self.damaged = self.path.is_file()
        if db is not None:
            with suppress(sqlite3.Error):
                db.close()
        return self._made_anew()

    def _made_anew(self) -> sqlite3.Connection:
        """Delete the database file and make an empty one (in memory if that fails)."""
        try:
            for suffix in ("", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            db = _opened(str(self.path))
            _create(db, self.code)
            return db
        except (sqlite3.Error, OSError):
            self.shared = False
            db = _opened(":memory:")
            _create(db, self.code)
            return db

    def _rows(self, sql: str, *args: object) -> list[Any]:
        """Return the rows of a query; a store found damaged is made anew (and has none)."""
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError:
            self._recover()
            return []

    def _recover(self) -> None:
        """Replace a store found damaged by an empty one."""
        self.close()
        self.damaged = True
        self._db = self._made_anew()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Run some writes as one transaction; if they fail, none is saved (it is a cache)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    # The last build.

    def meta(self, name: str, decoder: Callable[[bytes], T], default: T) -> T:
        """Return a value the last build saved (`default` if none, or it does not decode)."""
        rows = self._rows("SELECT value FROM meta WHERE name = ?", name)
        return _decoded(decoder, rows[0][0], default) if rows else default

    def key(self) -> str:
        """Return the key of the last build ("" if none)."""
        return self.meta("key", bytes.decode, "")

    def stamps(self) -> dict[str, list[object]]:
        """Return each input file's size, mtime, ctime, inode and content hash."""
        rows = self._rows("SELECT * FROM sources")
        return {
            path: [size, mtime, ctime, inode, digest]
            for path, size, mtime, ctime, inode, digest in rows
        }

    def tree(self) -> dict[str, list[int]]:
        """Return the size and mtime of every file the last build left in the output."""
        return {path: [size, mtime] for path, size, mtime in self._rows("SELECT * FROM outputs")}

    def pages(self) -> dict[str, str]:
        """Return the key of every page the last build made."""
        return dict(self._rows("SELECT path, key FROM pages"))

    def _table(self, name: str) -> dict[str, list[Any]]:
        """Return a table keyed by path as {path: [the row's other values]}."""
        return {row[0]: list(row[1:]) for row in self._rows(f"SELECT * FROM {name}")}

    def probes(self, stamp: str) -> dict[str, Probe]:
        """Return what the last build found looking at image files, if made under `stamp`
        (the code and the imaging library's version); else nothing."""
        if self.meta("probes", bytes.decode, "") != stamp:
            return {}
        probes = {}
        for path, (data,) in self._table("probes").items():
            probe = _decoded(_PROBE.decode, data, None)
            if probe is not None:
                probes[path] = probe
        return probes

    def save_build(self, last: LastBuild) -> None:
        """Save what a finished build leaves for the next, in one transaction. Only rows that
        changed are written: an edit touches a few of each table's."""
        tree = changes(self.tree(), last.tree)  # read now: not held by the build
        gone, keys = changes(last.pages_before, last.pages)
        probes = {path: [_MSGPACK.encode(probe)] for path, probe in last.probes.items()}
        probed = changes(self._table("probes"), probes)
        with self._transaction() as db:
            _write(db, "sources", last.sources)
            _write(db, "outputs", tree)
            _write(db, "pages", (gone, {path: [key] for path, key in keys.items()}))
            if last.probe_stamp is not None:
                _write(db, "probes", probed)
                _put(db, "probes", last.probe_stamp.encode())
            for name, value in last.meta.items():
                _put(db, name, value)

    # Parsed articles and their words.

    def articles(self) -> Iterator[tuple[str, Stored]]:
        """Yield every parsed article's source, content hash, record and words, one row at a
        time (so that their bytes need not all be in memory at once); rows that fail their
        checksum are left out (their files are read again)."""
        try:
            for source, digest, record, *words, checksum in self._db.execute(
                "SELECT source, digest, record, related_ids, related_counts, search_ids,"
                " search_fields, checksum FROM articles"
            ):
                if checksum == _checksum(source, digest, record, *words):
                    yield source, (digest, record, tuple(words))
        except sqlite3.DatabaseError:
            self._recover()

    def vocabulary(self) -> list[str]:
        """Return every word the articles' words number, by id (if the list is not whole,
        no article's words can be trusted: they are forgotten, and this is empty)."""
        words = [word for (word,) in self._rows("SELECT word FROM words ORDER BY id")]
        if self.meta("words", bytes.decode, "") != _vocabulary_checksum(words):
            self.forget_articles()
            return []
        return words

    def save_articles(
        self, rows: Iterable[tuple[str, str, bytes, Arrays, bytes]], gone: Iterable[str],
        vocabulary: list[str], new_from: int,
    ) -> bool:  # fmt: skip
        """Save articles read anew (source, content hash, record, words, body), the words
        they brought to the vocabulary (from id `new_from`), and forget the sources gone;
        False if they could not be saved."""
        saved = False
        with self._transaction() as db:
            db.executemany("DELETE FROM articles WHERE source = ?", ((s,) for s in gone))
            db.executemany(
                "INSERT INTO words (id, word) VALUES (?, ?)",
                enumerate(vocabulary[new_from:], start=new_from),
            )
            _put(db, "words", _vocabulary_checksum(vocabulary).encode())
            db.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (s, d, r, *w, _checksum(s, d, r, *w), b, _checksum(s, b))
                    for s, d, r, w, b in rows
                ),
            )
            saved = True
        return saved

    def cues(self) -> dict[bytes, bytes]:
        """Return the same-story cues the last build kept, by key (`story_cache`)."""
        return {bytes(key): bytes(cues) for key, cues in self._rows("SELECT * FROM cues")}

    def save_cues(self, new: Mapping[bytes, bytes]) -> None:
        """Save same-story cues worked out anew, by key (`story_cache`): keyed by what they
        are made of, they can be saved before the build ends."""
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO cues VALUES (?, ?)", new.items())

    def save_catalogue(
        self, gone: Iterable[bytes], new: Mapping[bytes, bytes], values: Mapping[str, bytes]
    ) -> None:
        """Save what the catalogue remembers for the next build: the same-story cues worked
        out anew, forgetting those no article has now (by key), and values such as this build's
        verdicts and related rows (`story_cache`, `related_cache`). Like articles, they are
        keyed by what they are made of: saved at once, they can only spare work."""
        with self._transaction() as db:
            db.executemany("DELETE FROM cues WHERE key = ?", ((key,) for key in gone))
            db.executemany("INSERT OR REPLACE INTO cues VALUES (?, ?)", new.items())
            for name, value in values.items():
                _put(db, name, value)

    def forget_articles(self) -> None:
        """Forget every parsed article and word (their ids cannot be trusted)."""
        with self._transaction() as db:
            _forget_articles(db, self.code)


Changes = tuple[list[str], dict[str, Any]]
"""How a table keyed by path changes: the paths gone, and the rows new or changed."""


class LastBuild(msgspec.Struct, frozen=True):
    """What a finished build saves for the next (`Store.save_build`)."""

    sources: Changes  # of the input files' stamps (`changes(store.stamps(), now)`)
    tree: dict[str, list[int]]
    pages: dict[str, str]
    pages_before: dict[str, str]  # as the build found them (`Store.pages`)
    meta: dict[str, bytes]  # the build's key, report, page keys' salt
    probes: dict[str, Probe] = {}
    probe_stamp: str | None = None  # None: the probes were not looked at


def reader(path: Path) -> sqlite3.Connection | None:
    """Open a build store to read bodies from, in any process (None if it cannot be)."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA trusted_schema = OFF")
    except (sqlite3.Error, OSError, ValueError):
        return None
    return db


def body(db: sqlite3.Connection, source: str) -> bytes | None:
    """Return the saved body of an article, if it is there and sound."""
    try:
        row = db.execute(
            "SELECT body, body_checksum FROM articles WHERE source = ?", (source,)
        ).fetchone()
    except sqlite3.Error:
        return None
    return bytes(row[0]) if row and row[1] == _checksum(source, row[0]) else None


def _opened(where: str) -> sqlite3.Connection:
    """Open a database in autocommit mode (transactions are explicit), trusting no schema."""
    db = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA trusted_schema = OFF")  # a forged file's views and triggers never run
    if where != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # a power cut may lose the last build's
    return db  # state, never make it inconsistent


def _schema(db: sqlite3.Connection) -> list[str]:
    """Return the statements that made a database's tables, views, triggers and indexes."""
    rows = db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    return [sql for (sql,) in rows]


def _create(db: sqlite3.Connection, code: str) -> None:
    """Make the tables of an empty store."""
    with suppress(sqlite3.Error):
        db.execute("BEGIN IMMEDIATE")
        for statement in SCHEMA:
            db.execute(statement)
        _put(db, "code", code.encode())
        _put(db, "words", _vocabulary_checksum([]).encode())
        db.execute("COMMIT")


def _meta(db: sqlite3.Connection, name: str) -> str:
    """Return a text value of the meta table ("" if none)."""
    row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return bytes(row[0]).decode(errors="replace") if row else ""


def _put(db: sqlite3.Connection, name: str, value: bytes) -> None:
    """Set a value of the meta table."""
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))


def _forget_articles(db: sqlite3.Connection, code: str) -> None:
    """Delete every parsed article and word, and say they are now this code's."""
    db.execute("DELETE FROM articles")
    db.execute("DELETE FROM words")
    db.execute("DELETE FROM cues")  # their rules are code
    db.execute("DELETE FROM meta WHERE name IN ('verdicts', 'related', 'counted', 'entities')")
    _put(db, "code", code.encode())
    _put(db, "words", _vocabulary_checksum([]).encode())


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Changes:
    """Return how a table keyed by path changes from holding `old` to holding `new`."""
    return [path for path in old if path not in new], {
        path: row for path, row in new.items() if old.get(path) != row
    }


def _write(db: sqlite3.Connection, table: str, change: Changes) -> None:
    """Write the changes of a table keyed by path: rows gone deleted, new or changed written."""
    gone, rows = change
    db.executemany(f"DELETE FROM {table} WHERE path = ?", ((path,) for path in gone))
    if rows:
        marks = ", ".join("?" * (1 + len(next(iter(rows.values())))))
        values = ((path, *row) for path, row in rows.items())
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", values)


def _checksum(source: str, *parts: str | bytes) -> int:
    """Return the checksum of an article row's parts (CRC-32: it finds damage, and a forger
    could recompute any unkeyed checksum; the rows are read whole at every edit build)."""
    data = [source.encode("utf-8", "surrogatepass")]
    data += [part.encode() if isinstance(part, str) else part for part in parts]
    return zlib.crc32(b"".join((struct.pack(f"<{len(data)}Q", *map(len, data)), *data)))


def _vocabulary_checksum(words: list[str]) -> str:
    """Return the checksum of the vocabulary, saved with it: a word changed in the file would
    silently change the words of every article that has it."""
    text = "\n".join(words).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _decoded(decoder: Callable[[bytes], T], data: bytes, default: T) -> T:
    """Return decoded data, or `default` if it does not decode (damaged: rebuilt)."""
    try:
        return decoder(data)
    except (msgspec.DecodeError, UnicodeDecodeError, TypeError):
        return default


_MSGPACK = msgspec.msgpack.Encoder()
_PROBE = msgspec.msgpack.Decoder(Probe)
