"""Run a map stage of the build (reading, rendering) here, or in a pool of processes.

A stage is a `step(context, item)` applied to every item, the context made once in each process
by `setup(shared)`. Both are module-level functions and `shared` and the items are picklable
values, so that a worker started by any method (spawn, forkserver, fork), or one day a
distributed engine (Dask's `scatter` and `map`, Ray's `put` and tasks), gets all it needs from
its arguments and never from what the build process happens to hold.

`for_work` picks where a stage runs: here for small work, where starting processes costs more
than they save, else here and in a pool, `--jobs` processes in all (every core by default).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .errors import BuildError

START_METHOD = "NEWSARCHIVE_START_METHOD"
"""The environment variable that names the start method of worker processes (spawn,
forkserver or fork), for testing one that is not this platform's default (`start_method`)."""
METHODS = ("spawn", "forkserver", "fork")
POOL_FROM = 1000
"""Items (files to read, articles to render: about a millisecond of work each) from which a stage
runs in a pool: below, starting worker processes (an interpreter loading this code, or a forkserver
that does so once) costs more than sharing the work saves."""
PRELOAD = ["newsarchive.builder"]
"""What a forkserver imports once, so that each worker forked from it starts with every stage's
code loaded (spawned workers import it themselves)."""

S = TypeVar("S")
C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Where a map stage runs: `map` gives `step(setup(shared), item)` for each item, in order."""

    workers: int

    def map(
        self,
        step: Callable[[C, T], R],
        items: Iterable[T],
        setup: Callable[[S], C],
        shared: S,
        chunksize: int = 1,
    ) -> Iterator[R]:
        """Yield the step's result for each item, in the items' order."""
        ...


class InProcess:
    """Runs a stage in this process, one item after another."""

    workers = 1

    def map(
        self,
        step: Callable[[C, T], R],
        items: Iterable[T],
        setup: Callable[[S], C],
        shared: S,
        chunksize: int = 1,
    ) -> Iterator[R]:
        """Yield the step's result for each item, in the items' order."""
        context = setup(shared)
        return (step(context, item) for item in items)


class Pool:
    """Runs a stage in this process and a pool of `workers - 1` processes started by `method`,
    made for the stage: the pool's processes load the shared value from a file (`_spilled`)
    and make their context once; this process makes its own from the value it holds.

    This process takes a share because it holds the shared value already: a pool of `workers`
    processes would leave it waiting while holding one more copy of the value (for the render
    stage, the whole catalogue) than the cores need. It takes the next chunk whenever the pool
    has `AHEAD` chunks a process queued (`_in_turn`), so a process that is slower (this one
    also writes what the others made) takes fewer.
    """

    def __init__(self, workers: int, method: str, spill: Path | None = None) -> None:
        self.workers = workers
        self.method = method
        self.spill = spill  # where the shared value is written for the pool (else: temp folder)

    def map(
        self,
        step: Callable[[C, T], R],
        items: Iterable[T],
        setup: Callable[[S], C],
        shared: S,
        chunksize: int = 1,
    ) -> Iterator[R]:
        """Yield the step's result for each item, in the items' order; an exception of a step
        is raised here, and a worker that dies is a BuildError."""
        listed = list(items)
        chunks = [listed[i : i + chunksize] for i in range(0, len(listed), chunksize)]
        del listed
        context, processes = _context(self.method), self.workers - 1
        with _spilled(shared, self.spill) as path:
            try:
                with ProcessPoolExecutor(
                    processes, mp_context=context, initializer=_prepare, initargs=(setup, path)
                ) as pool:
                    try:
                        yield from _in_turn(pool, step, chunks, setup, shared, processes)
                    finally:
                        pool.shutdown(cancel_futures=True)  # a failed stage starts no more
            except BrokenProcessPool:
                raise BuildError(
                    "a worker process of the build stopped without finishing (out of memory, or "
                    "killed?); run the build again, with --jobs 1 to use less memory"
                ) from None


AHEAD = 2
"""Chunks a pool process has queued or running before the build process takes the next one
itself: one to work on and one to take when it is done, so it never waits for this one."""


def _in_turn(
    pool: ProcessPoolExecutor,
    step: Callable[[C, T], R],
    chunks: list[list[T]],
    setup: Callable[[S], C],
    shared: S,
    processes: int,
) -> Iterator[R]:
    """Yield the step's results for the chunks' items in order: each chunk goes to the pool
    while it has fewer than `AHEAD` a process queued, else is done here; results are yielded
    as soon as those before them are."""
    waiting: deque[Future[list[R]] | list[R]] = deque()
    queued: list[Future[list[R]]] = []
    here: list[C] = []  # this process's context, made when it first takes a chunk
    try:
        for chunk in chunks:
            queued = [future for future in queued if not future.done()]
            if len(queued) < AHEAD * processes:
                queued.append(pool.submit(_apply_all, step, chunk))
                waiting.append(queued[-1])
            else:
                here = here or [_frozen(setup, shared)]
                waiting.append([step(here[0], item) for item in chunk])
            while waiting and (isinstance(waiting[0], list) or waiting[0].done()):
                yield from _results(waiting.popleft())
        while waiting:
            yield from _results(waiting.popleft())
    finally:
        if here:
            gc.unfreeze()


def _frozen(setup: Callable[[S], C], shared: S) -> C:
    """Make this process's context for a stage, and leave what it holds to the collector's
    oldest generation, as a worker does (`_prepare`)."""
    context = setup(shared)
    gc.freeze()
    return context


def _results(done: Future[list[R]] | list[R]) -> list[R]:
    """Return a chunk's results, waiting for the pool if it is doing the chunk."""
    return done if isinstance(done, list) else done.result()


@contextmanager
def _spilled(value: object, folder: Path | None) -> Iterator[Path]:
    """Write a value pickled to a file in `folder` (made if need be, and removed after if
    empty) for a pool's processes to load, and remove it once they are done: no process holds
    the pickle's bytes, only the value."""
    if folder is not None:
        folder.mkdir(mode=0o700, exist_ok=True)
    descriptor, name = tempfile.mkstemp(".pickle", "shared-", folder)
    try:
        with open(descriptor, "wb") as file:
            pickle.dump(value, file, pickle.HIGHEST_PROTOCOL)
        yield Path(name)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(name)
        if folder is not None:
            with suppress(OSError):  # not empty: what a killed build left, removed by the next
                folder.rmdir()


def for_work(size: int, jobs: int | None, spill: Path | None = None) -> Executor:
    """Return where to run a stage of `size` items: here below POOL_FROM of them (or with one
    core), else here and in a pool, --jobs processes in all, or one a core (`spill`: where
    the pool's shared value is written)."""
    workers = cores(jobs)
    if size < POOL_FROM or workers < 2:
        return InProcess()
    return Pool(workers, start_method(), spill)


def cores(jobs: int | None) -> int:
    """Return how many processes a big stage uses: --jobs, or every core."""
    return max(1, jobs or os.cpu_count() or 1)


def start_method() -> str:
    """Return how worker processes start: NEWSARCHIVE_START_METHOD if set, else forkserver on
    Linux and spawn elsewhere.

    Not fork: a forked worker inherits every lock as it was when the build process forked,
    and serve builds while its server threads run, so a worker could wait forever on a lock
    that no thread of its own holds (Python 3.14 stopped defaulting to fork for this reason).
    A forkserver forks each worker from a small single-threaded process that loaded the code
    once; spawn (Windows, macOS) starts a fresh interpreter for each.
    """
    method = os.environ.get(START_METHOD, "")
    if method:
        known = [m for m in METHODS if m in multiprocessing.get_all_start_methods()]
        if method not in known:
            raise BuildError(
                f"{START_METHOD}={method!r} is not a start method of this platform; "
                f"set it to one of {', '.join(known)}, or unset it"
            )
        return method
    return "forkserver" if sys.platform.startswith("linux") else "spawn"


def _context(method: str) -> multiprocessing.context.BaseContext:
    """Return the multiprocessing context of a start method, a forkserver's made ready."""
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        _path_for_forkserver()
        context.set_forkserver_preload(PRELOAD)
    return context


def _path_for_forkserver() -> None:
    """Put the folder this code is in first on the path a forkserver starts with (PYTHONPATH).

    Python 3.11's forkserver is not given the build process's `sys.path` (and `build.py` puts
    its own `src` first there): it would preload another installed newsarchive, whose modules
    every worker would then use.
    """
    here = str(Path(__file__).resolve().parent.parent)
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if paths[:1] != [here]:
        os.environ["PYTHONPATH"] = os.pathsep.join([here, *paths])


_CONTEXT: list[Any] = []  # in a worker: what `setup` made of the shared value


def _prepare(setup: Callable[[Any], Any], path: Path) -> None:
    """In a new worker: make the stage's context from the shared value (read from its file,
    never held as bytes), once, and leave it to the collector's oldest generation
    (`gc.freeze`): it holds no garbage, and a stage that makes cycles would otherwise have the
    collector walk a catalogue again and again."""
    gc.disable()
    with open(path, "rb") as file:
        _CONTEXT[:] = [setup(pickle.load(file))]
    gc.freeze()
    gc.enable()  # a forked worker inherits the build's paused collector


def _apply_all(step: Callable[[Any, T], R], chunk: list[T]) -> list[R]:
    """In a worker: run the stage's step on each item of a chunk."""
    context = _CONTEXT[0]
    return [step(context, item) for item in chunk]
