"""`serve`: build, serve the output on localhost, rebuild on change and reload open pages.

Three kinds of thread: the HTTP server (one more per request), and one file watcher per root
(folders recursively; the config file's folder flat, for site.yaml and entities.yaml, so editors
that replace a file are seen).
A watcher shows an edited article's own page at once (a quick pass, quick.py) and leaves the
rebuild to a builder thread, one build at a time (changes made during one make one more), with
the build cache keeping unchanged rebuilds cheap. A rebuild leaves the Pagefind index as it
was, so open pages reload at once; one more thread then brings search up to date, and gives
way to the next rebuild.
A failed rebuild leaves the last good output in place: the error is printed and served to
open pages (see livereload.py), and the server keeps running.
"""

from __future__ import annotations

import functools
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import watchfiles

from . import config, quick
from .builder import Catalogued, Paths, build
from .errors import BuildError, printable
from .livereload import Status
from .progress import SILENT, Progress
from .search_pagefind import Superseded
from .serve_http import Handler, HTTPServer
from .summary import faults, summarise
from .watching import Wanted, net_changes, polled, watch_roots

JOIN_WAIT = 10.0  # seconds stop() waits for a running build to finish
WATCH_TICK_MS = 300  # how often a watcher wakes to check it should stop


@dataclass(frozen=True, slots=True)
class Project:
    """What serve builds and watches: the build's folders, config file and options."""

    paths: Paths
    config: Path  # may not exist: the defaults are used
    base_url: str | None = None
    jobs: int | None = None
    strict: bool = False
    verbosity: int = 1


def build_once(
    project: Project,
    out: TextIO,
    err: TextIO,
    defer_search: bool = False,
    catalogued: Catalogued | None = None,
) -> tuple[str | None, int]:
    """Build the site (with `defer_search`, Pagefind's index as the last build left it) and
    print its summary; return (error message or None, files changed)."""
    try:
        settings = config.with_base_url(config.load(project.config), project.base_url)
        progress = Progress(err, err.isatty()) if project.verbosity else SILENT
        report = build(
            settings,
            project.paths,
            project.jobs,
            progress,
            defer_search=defer_search,
            catalogued=catalogued,
        )
    except BuildError as error:
        message = str(error)
    except Exception as error:  # the server outlives any failure of one build
        traceback.print_exc(file=err)
        message = f"unexpected {type(error).__name__}: {error}"
    else:
        summarise(report, project.paths, out, project.verbosity, colour=out.isatty())
        if not (project.strict and (found := faults(report))):
            return None, report.changed
        message = f"--strict: {len(found)} problem(s) above"
    print(f"error: {printable(message)}", file=err, flush=True)
    return message, 0


def index_search(
    project: Project, out: TextIO, stop: Callable[[], bool], catalogued: Catalogued | None = None
) -> None:
    """Bring the site's Pagefind index up to date (a build whose pages are already current);
    give up quietly when `stop` says a newer build is waiting. Given `catalogued`, catalogue
    for it even if nothing changed (and Pagefind is off)."""
    try:
        settings = config.with_base_url(config.load(project.config), project.base_url)
        if settings.pagefind or catalogued:
            again = catalogued is not None
            paths, jobs = project.paths, project.jobs
            build(settings, paths, jobs, stop=stop, catalogued=catalogued, recatalogue=again)
        if settings.pagefind and project.verbosity:
            print("Search index up to date.", file=out, flush=True)
    except Superseded:
        pass
    except BuildError as error:
        print(f"error: search index not updated: {error}", file=out, flush=True)
    except Exception:  # the server outlives any failure of one build
        traceback.print_exc(file=out)


class Server:
    """A running serve: HTTP in one thread, watchers in others; stop() ends them all."""

    def __init__(
        self, project: Project, httpd: HTTPServer, status: Status, out: TextIO, err: TextIO
    ) -> None:
        self.project = project
        self.httpd = httpd
        self.status = status
        self.out = out
        self.err = err
        self.stopping = threading.Event()
        self.building = threading.Lock()
        self.waiting = 0  # rebuilds waiting for the lock: search indexing gives way to them
        self.queued: bool | None = None  # a rebuild to come: whether only for edits shown
        self.builder = False  # whether the builder thread runs (`changed`)
        self.counting = threading.Lock()
        self.threads: list[threading.Thread] = []
        self.ready: list[threading.Event] = []
        self.serving = False
        self.quick = quick.QuickPass(project.paths)

    @property
    def url(self) -> str:
        """Return the URL the site is served at."""
        host, port = self.httpd.server_address[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    def rebuild(self, later: bool = True, pages_only: bool = False) -> None:
        """Build once (one build at a time) and record the outcome for open pages; search is
        indexed `later`, in the background, so that pages reload at once. `pages_only`: the
        changes since the last build were edits that quick passes showed."""
        self._count_waiting(1)
        with self.building:
            self._count_waiting(-1)
            self.status.begin()
            builds = self.quick.builds
            keep = self.quick.keep if later else None  # only watching needs the catalogue
            error, files = build_once(self.project, self.out, self.err, later, keep)
            if self.quick.settle(error, builds):
                self.status.reload()  # back to the last good pages, the error over them
            self.status.finish(error, files > 0, pages_only)
            self.out.flush()
        if later and error is None and not self.stopping.is_set():
            self._thread(self._index_search, "search")

    def changed(self, changed: Iterable[str]) -> None:
        """Take files a watcher saw change: show edited articles' pages at once (quick.py),
        and have the builder thread rebuild (once more for all that change while it builds)."""
        paths = sorted(changed)
        names = [_shown(path) for path in paths]
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        shown = printable(", ".join(names[:3]))
        print(f"\nChanged: {shown}{more}; rebuilding.", file=self.out, flush=True)
        self._count_waiting(1)  # search indexing gives way now
        quickly = self.quick.show(paths, self.status, self.out)
        with self.counting:
            self.waiting -= 1
            self.queued = quickly if self.queued is None else self.queued and quickly
            if self.builder:
                return
            self.builder = True
        self._thread(self._build_queued, "build")

    def _build_queued(self) -> None:
        """Rebuild while changes are queued (`changed`), then end."""
        while not self.stopping.is_set():
            with self.counting:
                pages_only, self.queued = self.queued, None
                if pages_only is None:
                    break
            self.rebuild(pages_only=pages_only)
        with self.counting:
            self.builder = False

    def _index_search(self) -> None:
        """Index for search, unless a rebuild or stop() comes first; and catalogue for quick
        passes if no build has yet (serve started on an up-to-date site)."""
        with self.building:
            if not self._give_way():
                keep = self.quick.keep if self.quick.last is None else None
                index_search(self.project, self.out, self._give_way, keep)

    def _count_waiting(self, change: int) -> None:
        """Count a rebuild that starts or stops waiting for the build lock."""
        with self.counting:
            self.waiting += change

    def _give_way(self) -> bool:
        """Tell search indexing to stop: a rebuild is waiting, or the server is stopping."""
        return self.waiting > 0 or self.queued is not None or self.stopping.is_set()

    def start(self, watch: bool) -> None:
        """Start serving, and watching when asked; return once every watcher is ready."""
        self._thread(self.httpd.serve_forever, "serve")
        self.serving = True
        if watch:
            for roots, recursive, wanted in watch_roots(self.project.paths, self.project.config):
                ready = threading.Event()
                self.ready.append(ready)
                watcher = functools.partial(self._watch, roots, recursive, wanted, ready)
                self._thread(watcher, "watch")
            for ready in self.ready:
                ready.wait(5 * WATCH_TICK_MS / 1000)

    def _thread(self, target: Any, name: str) -> None:
        """Start a daemon thread."""
        thread = threading.Thread(target=target, name=f"newsarchive-{name}", daemon=True)
        thread.start()
        self.threads.append(thread)

    def _watch(
        self, roots: list[Path], recursive: bool, wanted: Wanted, ready: threading.Event
    ) -> None:
        """Rebuild whenever wanted files under roots change, until stopped. If the watcher
        fails while the roots are there (a name under them is not text: it cannot report
        it), look for changes by polling instead."""
        try:
            self._watch_once(roots, recursive, wanted, ready)
        except Exception as error:  # e.g. a watched folder was deleted: say so, keep serving
            where = ", ".join(map(_shown, map(str, roots)))
            if not all(root.is_dir() for root in roots):
                message = f"error: stopped watching {where}: {error}; restart serve"
                print(printable(message), file=self.err)
                return
            message = f"warning: watching {where} by polling from now on ({error})"
            print(printable(message), file=self.err)
            self._poll(roots, recursive, wanted, ready)
        finally:
            ready.set()

    def _poll(
        self, roots: list[Path], recursive: bool, wanted: Wanted, ready: threading.Event
    ) -> None:
        """Rebuild whenever the size or mtime of a wanted file under roots changes, looking
        every WATCH_TICK_MS, until stopped."""
        last = polled(roots, recursive, wanted)
        ready.set()
        while not self.stopping.wait(WATCH_TICK_MS / 1000):
            now = polled(roots, recursive, wanted)
            changed = {path for path in now.keys() | last.keys() if now.get(path) != last.get(path)}
            last = now
            if changed and not self.stopping.is_set():
                self.changed(changed)

    def _watch_once(
        self, roots: list[Path], recursive: bool, wanted: Wanted, ready: threading.Event
    ) -> None:
        """Watch roots and rebuild on each change until stopped, or the watcher fails."""
        for changes in watchfiles.watch(
            *roots,
            watch_filter=wanted,
            stop_event=self.stopping,
            rust_timeout=WATCH_TICK_MS,
            yield_on_timeout=True,
            recursive=recursive,
            raise_interrupt=False,
        ):
            ready.set()
            names = net_changes(changes)
            if names and not self.stopping.is_set():
                self.changed(names)

    def wait(self) -> None:
        """Block until stop() is called (or Ctrl+C)."""
        while not self.stopping.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop serving and watching; wait (a little) for a running build to finish."""
        self.stopping.set()
        if self.serving:  # shutdown() waits for serve_forever(), so only once it runs
            self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self.threads:
            thread.join(JOIN_WAIT)


def _shown(path: str) -> str:
    """Return a changed path as the user would name it: relative to the current folder."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def start(
    project: Project,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    watch: bool = True,
    out: TextIO | None = None,
    err: TextIO | None = None,
    log: TextIO | None = None,
) -> Server:
    """Bind, build once, then serve (and rebuild on change) in threads; raises OSError."""
    status = Status()
    handler = functools.partial(
        Handler, directory=str(project.paths.output.resolve()), status=status, reload=watch, log=log
    )
    httpd = HTTPServer(host, port, handler)
    server = Server(project, httpd, status, out or sys.stdout, err or sys.stderr)
    try:
        server.rebuild(later=watch)
        server.start(watch)
    except BaseException:
        server.stop()
        raise
    return server


def serve(project: Project, host: str, port: int, watch: bool = True) -> int:
    """Serve until Ctrl+C: the command line's `serve`; return an exit code."""
    try:
        server = start(project, host, port, watch=watch, log=sys.stderr)
    except OSError as error:
        print(
            f"error: cannot listen on {host}:{port}: {error.strerror}; try --port", file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        return 0
    watching = "; rebuilding on change" if watch else ""
    where = printable(str(project.paths.output))
    print(f"Serving {where}/ at {server.url}{watching} (Ctrl+C to stop)", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        print("\nStopping.")
    finally:
        server.stop()
    return 0
