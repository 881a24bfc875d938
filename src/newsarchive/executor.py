"""Run a map stage of the build (reading, rendering) here, or in a pool of processes.

A stage is a `step(context, item)` applied to every item, the context made once in each process
by `setup(shared)`. Both are module-level functions and `shared` and the items are picklable
values, so that a worker started by any method (spawn, forkserver, fork), or one day a
distributed engine (Dask's `scatter` and `map`, Ray's `put` and tasks), gets all it needs from
its arguments and never from what the build process happens to hold.

`for_work` picks where a stage runs: here for small work, where starting processes costs more
than they save, else in a pool of `--jobs` processes (every core by default).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from .errors import BuildError

START_METHOD = "NEWSARCHIVE_START_METHOD"
"""The environment variable that names the start method of worker processes (spawn,
forkserver or fork), for testing one that is not this platform's default (`start_method`)."""
METHODS = ("spawn", "forkserver", "fork")
POOL_FROM = 1000
"""Items (files to read, articles to render: ~1 ms of work each) from which a stage runs in a
pool: below, starting worker processes (an interpreter loading this code, or a forkserver
that does so once) costs more than sharing the work saves."""
PRELOAD = ["newsarchive.builder"]
"""What a forkserver imports once, so that each worker forked from it starts with every stage's
code loaded (spawned workers import it themselves)."""

S = TypeVar("S")
C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")


class Packed(NamedTuple):
    """A shared value pickled already: a pool's workers get these bytes as they are, and the
    build process, once it lets go of the value, holds only them while the workers run."""

    data: bytes

    @classmethod
    def of(cls, value: object) -> Packed:
        """Return a value pickled."""
        return cls(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def value(self) -> Any:
        """Return the value unpickled."""
        return pickle.loads(self.data)


class Executor(Protocol):
    """Where a map stage runs: `map` gives `step(setup(shared), item)` for each item, in order
    (`shared` may come pickled already: `Packed`)."""

    workers: int

    def map(
        self,
        step: Callable[[C, T], R],
        items: Iterable[T],
        setup: Callable[[S], C],
        shared: S | Packed,
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
        shared: S | Packed,
        chunksize: int = 1,
    ) -> Iterator[R]:
        """Yield the step's result for each item, in the items' order."""
        context = setup(shared.value() if isinstance(shared, Packed) else shared)
        return (step(context, item) for item in items)


class Pool:
    """Runs a stage in a pool of `workers` processes started by `method`, made for the stage:
    each unpickles the shared value and makes its context once, then takes items in chunks."""

    def __init__(self, workers: int, method: str) -> None:
        self.workers = workers
        self.method = method

    def map(
        self,
        step: Callable[[C, T], R],
        items: Iterable[T],
        setup: Callable[[S], C],
        shared: S | Packed,
        chunksize: int = 1,
    ) -> Iterator[R]:
        """Yield the step's result for each item, in the items' order; a worker's exception is
        raised here, and a worker that dies is a BuildError."""
        context = _context(self.method)
        packed = shared if isinstance(shared, Packed) else Packed.of(shared)  # once, not a worker
        try:
            with ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_prepare, initargs=(setup, packed)
            ) as pool:
                del packed
                yield from pool.map(_apply, repeat(step), items, chunksize=chunksize)
        except BrokenProcessPool:
            raise BuildError(
                "a worker process of the build stopped without finishing (out of memory, or "
                "killed?); run the build again, with --jobs 1 to use less memory"
            ) from None


def for_work(size: int, jobs: int | None) -> Executor:
    """Return where to run a stage of `size` items: here below POOL_FROM of them (or with one
    core), else in a pool of --jobs processes, or one a core."""
    workers = cores(jobs)
    if size < POOL_FROM or workers < 2:
        return InProcess()
    return Pool(workers, start_method())


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


def _prepare(setup: Callable[[Any], Any], packed: Packed) -> None:
    """In a new worker: make the stage's context from the shared value, once, and leave it
    to the collector's oldest generation (`gc.freeze`): it holds no garbage, and a stage
    that makes cycles would otherwise have the collector walk a catalogue again and again."""
    gc.disable()
    _CONTEXT[:] = [setup(packed.value())]
    gc.freeze()
    gc.enable()  # a forked worker inherits the build's paused collector


def _apply(step: Callable[[Any, T], R], item: T) -> R:
    """In a worker: run the stage's step on one item."""
    return step(_CONTEXT[0], item)
