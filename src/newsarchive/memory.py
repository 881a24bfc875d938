"""Memory a build gives back: Python's cycle collector paused while the catalogue is built, and
freed memory returned to the system."""

from __future__ import annotations

import ctypes
import functools
import gc
import sys
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


def forget_memos(package: str = __package__ or "newsarchive") -> None:
    """Empty the bounded memo caches (`functools.lru_cache` with a `maxsize`) of the package's
    modules: those reading filled in the build process (names, folds, spans) are no use to the
    stages after it, which need the memory. Unbounded caches are loaded data, kept."""
    for name, module in list(sys.modules.items()):
        if name.startswith(f"{package}.") and module is not None:
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and info().maxsize is not None:
                    value.cache_clear()


@functools.cache
def _libc() -> ctypes.CDLL:
    """Return the symbols this process has loaded, the C library's among them (find_library
    would run ldconfig in a subprocess)."""
    return ctypes.CDLL(None)
