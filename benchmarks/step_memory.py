"""Run a build in this process and print its RSS and high-water mark as named functions start
and end: where within a stage the memory goes (`stage_memory.py` gives each stage's peak).

    FUNCS="newsarchive.story_cache:StoryCache.cues newsarchive.catalog:build_site" \\
        python benchmarks/step_memory.py build.py --articles A --output O/dist \\
        --cache-dir O/cache --no-pagefind --quiet

Each name is module:attribute (a method as Class.method). A module that imported a function
by name is given the wrapped one too. Only the build process is seen, not its workers.
"""

from __future__ import annotations

import functools
import importlib
import os
import runpy
import sys
import time
from collections.abc import Callable
from typing import Any

STARTED = time.perf_counter()


def resident() -> str:
    """Return this process's resident and peak resident memory, in MB."""
    sizes = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                sizes[name] = int(value.split()[0]) // 1024
    return f"rss={sizes['VmRSS']} hwm={sizes['VmHWM']}"


def probed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Return `function` printing the memory as it starts and ends."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        print(f"{time.perf_counter() - STARTED:7.1f} > {name} {resident()}", file=sys.stderr)
        try:
            return function(*args, **kwargs)
        finally:
            print(f"{time.perf_counter() - STARTED:7.1f} < {name} {resident()}", file=sys.stderr)

    return run


def wrap(spec: str) -> None:
    """Wrap one module:attribute, where it is defined and where it was imported by name."""
    module_name, attribute = spec.split(":")
    owner: Any = importlib.import_module(module_name)
    *path, last = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    function = getattr(owner, last)
    wrapped = probed(attribute, function)
    setattr(owner, last, wrapped)
    if path:
        return
    for module in list(sys.modules.values()):
        ours = getattr(module, "__name__", "").startswith("newsarchive")
        if ours and getattr(module, last, None) is function:
            setattr(module, last, wrapped)


def main() -> None:
    """Wrap the functions FUNCS names, then run the build script given with its arguments."""
    sys.path.insert(0, os.path.join(os.getcwd(), "src"))
    for spec in os.environ.get("FUNCS", "").split():
        wrap(spec)
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
