"""Run a function in a forked process and take back only its result, leaving its garbage behind.

Reading and cataloguing 20,000 articles leaves this process's heap full of holes: the bodies,
term counts and search words it dropped were allocated between the records it kept. The render
workers are forked from it later and copy on write every page they touch, holes included
(~120 MB). Done in a child, that work ends with one pickled result, which this process unpickles
into a small, dense heap; the child's memory goes back to the system when it exits.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.process import BaseProcess
from typing import IO, Any, Generic, TypeVar

from .errors import BuildError

T = TypeVar("T")


@contextmanager
def started(
    work: Callable[[], T], fork: bool = True, doing: str = "reading the articles"
) -> Iterator[Callable[[], T]]:
    """Start work() in a forked process, and give a function that waits for its result (or
    raises what it raised there), so that this process can do other work meanwhile. Leaving
    the block stops the child if it is still running. Not forked, work() runs on that call.
    `doing` names the work in the message if the child dies.
    """
    if not fork:
        yield work
        return
    with tempfile.TemporaryFile() as result:  # the child's exit, then this one's unpickling
        process = multiprocessing.get_context("fork").Process(
            target=_run,
            args=(work, result.fileno()),  # not daemonic: it forks workers too
        )
        process.start()
        try:
            yield functools.partial(_result, process, result, doing)
        finally:
            process.terminate()  # if this one was interrupted: it must not go on alone
            process.join()


def _result(process: BaseProcess, result: IO[bytes], doing: str) -> Any:
    """Wait for a forked process to end; return its result or raise its failure. The result
    is frozen (see `_load`): whoever takes it unfreezes when done with it."""
    process.join()
    try:
        outcome, failed = _load(result, freeze=True)
    except (EOFError, OSError, pickle.UnpicklingError):
        raise BuildError(
            f"the process {doing} stopped without finishing (out of memory, "
            f"or killed? exit status {process.exitcode}); run the build again"
        ) from None
    if failed:
        raise outcome
    return outcome


class Handover(Generic[T]):
    """One value given to work already started (`started`): piped to a forked child, or kept
    here for work that runs here. The child can begin what needs no value meanwhile."""

    def __init__(self, fork: bool) -> None:
        self._pipe = multiprocessing.get_context("fork").Pipe(duplex=False) if fork else None
        self._kept: list[T] = []

    def put(self, value: T) -> None:
        """Give the value (to a child that ended without taking it, in vain: its result says
        why, or it did not need it)."""
        if self._pipe is None:
            self._kept.append(value)
            return
        reader, writer = self._pipe
        reader.close()  # the child's end only: a child that ends without taking breaks the pipe
        with suppress(OSError):  # BrokenPipeError included
            writer.send(value)
        writer.close()

    def take(self) -> T:
        """Return the value, waiting for it; in a child, raise if its parent is gone."""
        if self._pipe is None:
            return self._kept.pop()
        reader, writer = self._pipe
        writer.close()  # the parent's end only: this one ends when the parent does
        try:
            value: T = reader.recv()
        except EOFError:
            raise BuildError("the build process stopped before handing over its work") from None
        return value


class Posting(Generic[T]):
    """A value one process posts to a temporary file for others: any process forked from the
    one that made it (before or after) can post or read it. The build's reading child reads
    what the child looking at the output found, which the build process needs only later."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the process)

    def post(self, value: T) -> None:
        """Write the value (once)."""
        pickle.dump(value, self._file, pickle.HIGHEST_PROTOCOL)
        self._file.flush()

    def read(self) -> T:
        """Return the value posted (read at the start of the file: the processes share its
        offset)."""
        fd = self._file.fileno()
        with collector_paused():
            value: T = pickle.loads(os.pread(fd, os.fstat(fd).st_size, 0))
        return value


class Shelf(Generic[T]):
    """A value kept in a temporary file instead of memory while a child works: what this
    process holds when it forks counts again in every process forked from it."""

    def __init__(self, value: T) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by take)
        pickle.dump(value, self._file, pickle.HIGHEST_PROTOCOL)

    def take(self) -> T:
        """Return the value, once."""
        with self._file:
            value: T = _load(self._file)
        return value


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: building a million objects that form no cycles (the
    articles of a big archive, their catalogue) makes it walk them all again and again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(stream: IO[bytes], freeze: bool = False) -> Any:
    """Return what was pickled at the start of a file (collecting while a big value is
    unpickled only costs time: ~40%). `freeze` tells the collector to leave everything so far
    alone (`gc.freeze`; the caller unfreezes): for a value kept to the end of the build,
    whose million objects it would otherwise walk again (0.05-0.1 s at 20,000 articles)."""
    stream.seek(0)
    with collector_paused():
        value = pickle.load(stream)
        if freeze:
            gc.freeze()
        return value


_KEPT: list[object] | None = None  # in a forked process: what it keeps to the end


def keep(*values: object) -> None:
    """In a process forked by `started`, keep values to the end: it ends without freeing
    them (freeing the catalogue of 20,000 articles object by object took 0.04 s). Elsewhere
    this does nothing: the values go when their last user lets go."""
    if _KEPT is not None:
        _KEPT.extend(values)


def _run(work: Callable[[], object], result: int) -> None:
    """In the forked process: run the work and write its result, or what it raised."""
    global _KEPT
    _KEPT = []
    gc.disable()  # for good: enabled again after making a million objects, it would walk them
    try:
        reply: tuple[object, bool] = (work(), False)
    except BaseException as error:  # every failure goes back to the build, Ctrl-C included
        try:
            pickle.dumps(error)
            reply = (error, True)
        except Exception:  # an exception that cannot be pickled: send its words
            reply = (BuildError(f"{type(error).__name__}: {error}"), True)
    with open(result, "wb", closefd=False) as stream:
        pickle.dump(reply, stream, pickle.HIGHEST_PROTOCOL)
