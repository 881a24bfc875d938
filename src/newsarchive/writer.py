"""The only code that touches the output folder: only-changed writing, committed as a whole.

A build writes the files whose bytes changed into a staging folder; files it keeps are left
where they are, so their mtimes stay. Nothing in the output changes until every file is staged.
The commit then records what the build wrote (a `COMMIT` list in staging), moves the staged
files into place, and deletes output files the build no longer makes. A build that fails or is
killed before the commit leaves the output exactly as it was; one killed during the commit (a
rename per changed file) leaves its list behind, and the next build finishes that commit first.

A first build stages the output's tree as it will be and renames it into place. A build of an
output that exists stages each file flat, under a digest of its path (`staged_name`): the
commit moves each into the output's folders, and no folder is made in staging for a page
only to be removed after it (a template change would make one for every page).

Staging is in the output's private cache folder (`staging_for`), never beside the output, which
may be a web root in a folder others can write: when that folder is on another file system
(renames cannot cross one) it is a private hidden folder inside the output instead. The output
is the only folder a build deletes in, and it never follows a link there: links found in it are
removed before anything is written (`_tidied`).
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from pathlib import Path, PurePosixPath

from .errors import BuildError
from .guard import unsafe
from .models import KEEP, Output
from .output_stats import INSIDE, entries_in, folder_stamps, looked_up, snapshot, walk_stats

MARKER = ".newsarchive"
MARKER_TEXT = b"This folder is written by newsarchive; it is replaced on every build.\n"
COMMIT = ".newsarchive-commit"  # in staging: the commit has begun; lists every file of the build


class Writer:
    """Stages one build's changed files, then commits them into the output folder."""

    def __init__(self, output: Path, staging: Path, flat: bool = False) -> None:
        self.output = named(output)
        self.staging = staging  # `staging_for` the output
        self.written: set[str] = set()
        self.changed = 0
        self.started = False  # whether `start` made the staging folder (abort removes only that)
        self.present: dict[str, list[int]] = {}  # size and mtime of the files `start` found
        self.folders: list[str] = []  # the output's folders `start` found ("" the output)
        self.looked = False  # whether `start` found them as the last build left them
        self.flat = flat  # staged flat (`staged_name`), else as a tree (`start` tells which:
        # a render worker is given it)
        self._names: dict[str, str] = {}  # staged name -> path, of the files written so far

    def start(self, files: Iterable[str] = (), folders: Mapping[str, int] | None = None) -> None:
        """Finish or discard an interrupted build, then prepare an empty staging folder. The
        last build's `files` and `folders` (`folder_stamps`) spare walking the output when its
        folders are as it left them (`looked_up`)."""
        _check_ours(self.output)
        self.flat = self.output.exists()  # a first build's tree is renamed into place
        if self.staging.parent == self.output:  # staging in the output: ours, or refused
            with suppress(FileNotFoundError):
                why = unsafe(self.staging.lstat())
                if why:
                    raise BuildError(
                        f"refusing the staging folder {self.staging}: {why}; delete it, or "
                        "build with a --cache-dir on the output's disk"
                    )
        try:
            known = looked_up(self.output, files, folders) if folders else None
            if known is None:  # walked: links removed, what is there listed
                known = _tidied(self.output, self.folders)
            else:
                self.folders = list(folders or ())
                self.looked = True
            self.present = known
            if (self.staging / COMMIT).exists():
                _finish_commit(self.staging, self.output)
                self.present = snapshot(self.output)
                self.looked = False
        except OSError as error:
            raise BuildError(
                f"cannot finish the interrupted update of {self.output}: {error.strerror}"
            ) from None
        if self.staging.exists():
            shutil.rmtree(self.staging)
        for folder, mode in ((self.output.parent, 0o777), (self.staging, 0o700)):
            try:
                folder.mkdir(mode=mode, parents=True, exist_ok=folder != self.staging)
            except OSError as error:
                raise BuildError(
                    f"cannot create {folder}: {error.strerror}; check that the "
                    "output folder's parent exists and is writable"
                ) from None
        self.started = True
        self._stage(Output(MARKER, MARKER_TEXT))  # not a page: not counted as a change

    def write(self, item: Output) -> None:
        """Stage one output file, unless the output already holds exactly these bytes."""
        if self._stage(item):
            self.changed += 1

    def _stage(self, item: Output) -> bool:
        """Stage a file if its bytes differ from the output's; return whether they did."""
        relative = safe_relative(item.path)
        self._claim(relative)
        if item.data is KEEP or _same_bytes(self.output / relative, item.data):
            return False
        self._put(relative, lambda target: target.write_bytes(item.data))
        return True

    def write_pieces(self, path: str, pieces: Iterable[bytes]) -> None:
        """Stage a file made a piece at a time, unless the output already holds exactly its
        bytes: a big listing (articles.json, 54 MB at ~108,000 articles) is never held whole."""
        relative = safe_relative(path)
        self._claim(relative)
        target = self._put(relative, lambda target: _write_pieces(target, pieces))
        if _same_files(target, self.output / relative):
            target.unlink()
        else:
            self.changed += 1

    def _put(self, relative: str, write: Callable[[Path], object]) -> Path:
        """Write a file where it is staged (`write` given that path); return the path."""
        target = self._staged(relative)
        try:
            if not self.flat:
                target.parent.mkdir(parents=True, exist_ok=True)
            write(target)
        except OSError as error:
            raise BuildError(f"cannot write {self.output / relative}: {error.strerror}") from None
        return target

    def adopt(self, paths: Iterable[str]) -> None:
        """Count files staged by another process (a render worker) as written by this build."""
        for path in paths:
            self._claim(path)

    def _claim(self, relative: str) -> None:
        """Record that this build writes a path; two files at one path is a bug."""
        if relative in self.written:
            raise BuildError(f"two pages want the same path {relative}; please report this")
        self.written.add(relative)

    def stamps(self) -> dict[str, list[int]]:
        """Return the size and mtime of every file this build has now, staged or kept in the
        output: the output's as `start` found them (nothing writes there before the commit),
        the staged ones from one walk of the staging folder."""
        staged = walk_stats(str(self.staging), "", {})
        if self.flat:
            paths = self._paths()
            staged = {paths[name]: stamp for name, stamp in staged.items() if name in paths}
        return {**self.present, **staged}

    def _paths(self) -> dict[str, str]:
        """Return the path of each file written so far by its staged name (flat), each path
        digested once however often this is asked (`stamps`, then the commit)."""
        if len(self._names) < len(self.written):
            new = self.written.difference(self._names.values())
            self._names.update((staged_name(relative), relative) for relative in new)
        return self._names

    def current(self, relative: str) -> Path:
        """Return where this build's copy of a file is now: staged, or kept in the output."""
        staged = self._staged(relative)
        return staged if staged.exists() else self.output / relative

    def _staged(self, relative: str) -> Path:
        """Return where a file of the output is staged."""
        return self.staging / (staged_name(relative) if self.flat else relative)

    def commit(self, present: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
        """Put the staged files in place, delete the files this build did not make, and return
        the size and mtime of every output file (the cache's picture of the output).

        `present` is the output's snapshot taken when the build began, if it has one: files it
        lists and the build kept are not walked or looked at again.
        """
        try:
            if not self.output.exists():
                self.output.mkdir(parents=True)  # for the mode new folders get here
                os.chmod(self.staging, stat.S_IMODE(self.output.stat().st_mode))
                self.output.rmdir()
                self.staging.rename(self.output)
                return snapshot(self.output)
            listing = self.staging / (COMMIT + ".tmp")
            listing.write_text(json.dumps(sorted(self.written)), encoding="utf-8")
            listing.replace(self.staging / COMMIT)  # from here on the commit will be finished
            return _finish_commit(self.staging, self.output, present, self._paths())
        except OSError as error:
            raise BuildError(f"cannot update {self.output}: {error.strerror}") from None

    def folder_stamps(
        self, tree: Mapping[str, list[int]], known: Mapping[str, int]
    ) -> dict[str, int]:
        """Return the mtime of every folder of the output once committed (`tree`: its files'
        sizes and mtimes), for `looked_up`: those `start` found and those holding the files.
        When `start` found the last build's folders with the mtimes it saved (`known`), only
        those the commit may have changed are looked at (above a file it moved in or deleted,
        or new): one changed otherwise since is found by the next build's `looked_up`, which
        then walks."""
        folders = {"", *self.folders}
        for path in tree:
            parent = path.rpartition("/")[0]
            while parent and parent + "/" not in folders:
                folders.add(parent + "/")
                parent = parent.rpartition("/")[0]
        if not self.looked:
            return folder_stamps(self.output, folders)
        changed = [p for p, stamp in tree.items() if self.present.get(p) != stamp]
        changed += [p for p in self.present if p not in tree]  # deleted
        changed += [folder.rstrip("/") for folder in folders if folder not in known]  # new
        look = {""}
        for path in changed:
            parent = path.rpartition("/")[0]
            while parent and parent + "/" not in look:  # a folder's parents are in `look`
                look.add(parent + "/")
                parent = parent.rpartition("/")[0]
        look.update(folder for folder in folders if folder not in known)
        stamps = folder_stamps(self.output, look)
        kept = (folder for folder in folders if folder not in look)
        return {**{folder: known[folder] for folder in kept}, **stamps}

    def abort(self) -> None:
        """Throw the staging folder away, leaving the output untouched."""
        if self.started and not (self.staging / COMMIT).exists():  # a begun commit: next build
            shutil.rmtree(self.staging, ignore_errors=True)


def named(output: Path) -> Path:
    """Return the output folder with a name ("." made absolute); refuse the file-system root."""
    if output.name in ("", ".", ".."):  # "." or "..": name the folder
        output = Path(os.path.abspath(output))
    if not output.name:
        raise BuildError(
            f"output {output} is the file-system root; choose a folder such as dist/ with --output"
        )
    return output


def staging_for(output: Path, store: Path) -> Path:
    """Return where a build of `output` stages its files: in its private cache folder `store`,
    or, if that is on another file system than the output, a hidden folder in the output."""
    existing = named(output)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    try:
        apart = os.stat(existing).st_dev != os.stat(store).st_dev
    except OSError:
        apart = True
    return named(output) / INSIDE if apart else store / "staging"


def _tidied(folder: Path, listed: list[str]) -> dict[str, list[int]]:
    """Remove every symbolic link (and anything not a file or folder) under a folder, without
    following any: what the build writes there must land there; return the size and mtime of
    every file left, as `snapshot` does (in the same scandir walk: one walk of the output),
    and add its folders to `listed` (as "a/b/", the folder itself as "")."""
    tree: dict[str, list[int]] = {}
    folders: list[tuple[str, str | None]] = [(str(folder), "")]  # None: in staging, not listed
    while folders:
        where, above = folders.pop()
        entries = entries_in(where)
        if entries is None:
            continue
        if above is not None:
            listed.append(above)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                ours = above is not None and (above or entry.name != INSIDE)
                folders.append((entry.path, f"{above}{entry.name}/" if ours else None))
            elif entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
            elif above is not None and (above or entry.name != INSIDE):
                info = entry.stat(follow_symlinks=False)
                tree[above + entry.name] = [info.st_size, info.st_mtime_ns]
    return tree


def _finish_commit(
    staging: Path,
    output: Path,
    present: dict[str, list[int]] | None = None,
    paths: dict[str, str] | None = None,
) -> dict[str, list[int]]:
    """Move every staged file into the output, delete the files the build did not list, and
    return the size and mtime of each file left.

    Without `present` (the output as the build found it) the output is walked to find the files
    to delete; with it, only the moved files are looked at again. `paths`: each listed file's
    staged name (`Writer._paths`), else made from the list.
    """
    wanted = set(json.loads((staging / COMMIT).read_text(encoding="utf-8")))
    names = set(os.listdir(staging)) - {COMMIT}
    if paths is None:  # a commit an earlier build began: its files' names from its list
        paths = {staged_name(relative): relative for relative in wanted}
    staged = {paths[name]: staging / name for name in names if name in paths}
    if len(staged) < len(names):  # a tree, staged by an earlier version
        top = names.difference(paths)
        old = (r for r in wanted if r.partition("/")[0] in top and (staging / r).is_file())
        staged.update((relative, staging / relative) for relative in old)
    moved = sorted(staged)
    for relative in moved:
        _move(staged[relative], output / relative)
    before = snapshot(output) if present is None else present
    emptied: set[Path] = set()
    for relative in before:
        if relative not in wanted:
            (output / relative).unlink(missing_ok=True)
            emptied.update((output / relative).parents)
    for folder in sorted((f for f in emptied if output in f.parents), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):  # deepest first: emptied parents go too
            folder.rmdir()
    shutil.rmtree(staging)
    tree = {relative: before[relative] for relative in before if relative in wanted}
    tree.update(snapshot(output, moved))
    return tree


def staged_name(relative: str) -> str:
    """Return the name a file of the output is staged under when staged flat: a digest of its
    path, as short and as safe on every file system whatever the path."""
    return hashlib.blake2b(relative.encode(), digest_size=16).hexdigest()


def _move(source: Path, target: Path) -> None:
    """Rename a staged file over its output path, clearing a file or folder in the way."""
    try:
        os.replace(source, target)
        return
    except IsADirectoryError:  # an old build's folder where this build writes a file
        shutil.rmtree(target)
    except (FileNotFoundError, NotADirectoryError):  # a new folder, or an old file in its way
        for parent in reversed(target.parents):
            if parent.is_file():
                parent.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


_PLAIN_PARTS = frozenset({"", ".", ".."})  # a path without these parts is normal as it is


def safe_relative(path: str) -> str:
    """Return path if it stays inside the output folder; raise BuildError otherwise."""
    if "\\" not in path and _PLAIN_PARTS.isdisjoint(path.split("/")):  # already normal
        return path
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise BuildError(f"refusing to write outside the output folder: {path!r}")
    return pure.as_posix()


def _check_ours(output: Path) -> None:
    """Refuse to replace a non-empty folder that newsarchive did not write."""
    if not output.exists():
        return
    if not output.is_dir():
        raise BuildError(f"output {output} exists and is not a folder; choose another --output")
    if (output / MARKER).exists() or not any(p.name != INSIDE for p in output.iterdir()):
        return
    raise BuildError(
        f"output folder {output} has files that newsarchive did not write; it would be "
        "replaced, so choose an empty or new folder with --output (or delete this one)"
    )


def _same_bytes(path: Path, data: bytes) -> bool:
    """Tell whether a file exists with exactly these bytes, read a block at a time (a big
    file, such as articles.json, is not held twice)."""
    try:
        if path.stat().st_size != len(data):
            return False
        view = memoryview(data)
        with path.open("rb") as file:
            for start in range(0, len(data), _BLOCK):
                if file.read(_BLOCK) != view[start : start + _BLOCK]:
                    return False
            return not file.read(1)
    except OSError:
        return False


_BLOCK = 1 << 20  # bytes `_same_bytes` compares at a time


def _write_pieces(path: Path, pieces: Iterable[bytes]) -> None:
    """Write a file's bytes a piece at a time."""
    with path.open("wb") as file:
        file.writelines(pieces)


def _same_files(staged: Path, kept: Path) -> bool:
    """Tell whether a staged file has exactly the bytes of the output's file (if any)."""
    try:
        return filecmp.cmp(staged, kept, shallow=False)
    except OSError:
        return False
