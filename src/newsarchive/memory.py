"""Memory a build gives back: Python's cycle collector paused while the catalogue is built, and
freed memory returned to the system."""

from __future__ import annotations

import ctypes
import functools
import gc
from collections.abc import Iterator
from contextlib import contextmanager, suppress


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


def release_freed(cycles: bool = False) -> None:
    """Give freed memory back to the system (the bodies of articles read anew before the
    catalogue is made; the catalogue's objects once a render pool has it), first collecting
    what only cycles held if `cycles`.

    glibc keeps freed blocks for reuse (~30 MB nobody uses after reading 20,000 articles).
    Elsewhere than glibc only the cycles are collected.
    """
    if cycles:
        gc.collect()
    with suppress(OSError, AttributeError):
        _libc().malloc_trim(0)


@functools.cache
def _libc() -> ctypes.CDLL:
    """Return the symbols this process has loaded, the C library's among them (find_library
    would run ldconfig in a subprocess)."""
    return ctypes.CDLL(None)
