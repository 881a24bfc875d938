"""What keeps a build to its own folders: a private cache, one build at a time per output, and
inputs kept apart from the output it replaces.

A cache folder is where the build reads back what it saved, so whoever can write there decides
what the build believes: it must be the user's own, a real folder, writable by nobody else. A
folder that is not is refused, never adopted or repaired (it may be someone else's on purpose).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError

LOCK = "lock"

if sys.platform == "win32":  # pragma: no cover (the tests run on Linux)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """Take the lock on an open file without waiting; tell whether it was free."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """Take the lock on an open file without waiting; tell whether it was free."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def private_folder(path: Path, what: str = "build cache folder") -> Path:
    """Create a folder only this user can write (mode 0700), or check that the one there is
    such a folder: a real folder (not a link), this user's, writable by no one else. Raise
    BuildError naming the folder and the fix otherwise; return the path."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError as error:
        raise BuildError(
            f"cannot create the {what} {path}: {error.strerror}; choose another with --cache-dir"
        ) from None
    why = unsafe(info)
    if why:
        fix = (
            f"if it is yours and you trust what is in it, run: chmod go-w {path}; else "
            if why.startswith("others can write")  # a checkout made under umask 002
            else ""
        )
        raise BuildError(
            f"refusing the {what} {path}: {why}; a build reads back what it finds there, so "
            f"{fix}choose a folder of your own with --cache-dir (keep its permalinks.json and "
            "topics.json: they record the addresses already published)"
        )
    return path


def unsafe(info: os.stat_result) -> str:
    """Return why a folder (as lstat found it) may not hold a build's own files, or ""."""
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"it belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others can write in it (mode {stat.S_IMODE(info.st_mode):o})"
    return ""


@contextmanager
def build_lock(store: Path, output: Path) -> Iterator[None]:
    """Hold the lock of one output's cache folder while a build runs; raise BuildError if
    another build holds it. The operating system lets go of the lock when its holder exits,
    killed or not, so a lock is never stale: the pid written in it only names the holder."""
    path = store / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as error:
        raise BuildError(f"cannot open the lock file {path}: {error.strerror}") from None
    try:
        if not _try_lock(fd):
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BuildError(
                f"another build of {output} is running (pid {holder}, lock file {path}); "
                "wait for it to finish, or build to another --output"
            )
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def overlap(output: Path, inputs: Mapping[str, Path]) -> str:
    """Return why the output folder and one of the named inputs (folders or files) would
    overlap, or "": the build deletes in its output, so neither may hold the other."""
    out = Path(os.path.realpath(output))
    for name, given in inputs.items():
        where = Path(os.path.realpath(given))
        if where == out:
            return f"the output folder {output} is the {name} {given}; choose another --output"
        if out in where.parents:
            return (
                f"the {name} {given} is inside the output folder {output}, which every build "
                "replaces; move it out or choose another --output"
            )
        if where in out.parents:
            return (
                f"the output folder {output} is inside the {name} {given}; the build would "
                "read its own pages back, so choose an --output outside it"
            )
    return ""
