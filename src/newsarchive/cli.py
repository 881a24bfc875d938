"""Command line: build (the default), serve, new and check. Exit 0 ok, 1 failed, 2 bad usage."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TextIO

from . import __version__, config, usage
from .builder import Paths, build
from .errors import BuildError, printable
from .guard import overlap
from .progress import SILENT, Progress
from .summary import faults, nothing_to_publish, report_path, summarise, write_report

PROJECT = Path(__file__).resolve().parents[2]
COMMANDS = ("build", "serve", "new", "check", "import")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    """Make the argument parser for every command."""
    top = argparse.ArgumentParser(
        prog="python build.py",
        description="Build a static news archive from a folder of article files.",
    )
    top.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the site (the default command)")
    serve_cmd = commands.add_parser("serve", help="build, then serve the site on localhost")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    serve_cmd.add_argument(
        "--no-watch",
        dest="watch",
        action="store_false",
        help="build once and serve; do not rebuild when files change",
    )
    for command in (build_cmd, serve_cmd):
        _build_options(command)
    new_cmd = commands.add_parser("new", help="create a new article file with front matter")
    new_cmd.add_argument("title", help="the headline of the new article")
    new_cmd.add_argument("--articles", type=Path, default=Path("articles"), metavar="DIR")
    new_cmd.add_argument("--section", default="", help="section folder to create it in")
    check_cmd = commands.add_parser("check", help="verify a built site: links, HTML5, feeds")
    check_cmd.add_argument(
        "dir", type=Path, nargs="?", default=Path("dist"), metavar="DIR", help="built site (dist/)"
    )
    check_cmd.add_argument(  # as build names it: "check --output DIR" after "build --output DIR"
        "--output", type=Path, metavar="DIR", help="the built site, as build's --output names it"
    )
    import_cmd = commands.add_parser("import", help="write article files from feeds, exports, …")
    import_cmd.add_argument(
        "sources", type=Path, nargs="+", metavar="SOURCE", help="file or folder"
    )
    import_cmd.add_argument(
        "--articles", type=Path, default=Path("articles"), metavar="DIR", help="write here"
    )
    import_cmd.add_argument("--section", default="", metavar="NAME", help="section to import into")
    import_cmd.add_argument("--dry-run", action="store_true", help="report, write nothing")
    import_cmd.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN,...", help="CSV/JSONL columns"
    )
    return top


def _build_options(command: argparse.ArgumentParser) -> None:
    """Add the options shared by commands that build."""
    command.add_argument(
        "--articles",
        type=Path,
        default=Path("articles"),
        metavar="DIR",
        help="folder of article files (articles/)",
    )
    command.add_argument(
        "--output",
        type=Path,
        default=Path("dist"),
        metavar="DIR",
        help="folder to write the site to (dist/)",
    )
    command.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="site configuration (site.yaml when present)",
    )
    command.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="public URL the site is served at, for feeds, sitemap, canonical",
    )
    command.add_argument(
        "--templates", type=Path, default=None, metavar="DIR", help="templates folder (templates/)"
    )
    command.add_argument(
        "--static", type=Path, default=None, metavar="DIR", help="static assets folder (static/)"
    )
    command.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="build cache folder (.newsarchive/ beside --config, else in the current folder)",
    )
    command.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) when any file is skipped or has a warning",
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for reading and rendering (all cores)",
    )
    command.add_argument(
        "--no-pagefind",
        action="store_true",
        help="skip the Pagefind index; search uses the built-in index everywhere (faster builds)",
    )
    loudness = command.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=0,
        default=1,
        help="print only problems and errors",
    )
    loudness.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=2,
        help="also list every ignored file and every duplicate",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in (*COMMANDS, "-h", "--help", "--version"):
        args.insert(0, "build")
    try:
        options = usage.parse(usage.explained(parser()), args)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if options.command == "new":
        from .scaffold import new_article

        return new_article(options.articles, options.title, options.section)
    if options.command == "check":
        from .check import main as check_main

        return check_main(options.output or options.dir, sys.stdout)
    if options.command == "serve":
        return run_serve(options)
    if options.command == "import":
        from .importers import run as run_import

        return run_import(
            options.sources,
            options.articles,
            options.section,
            options.dry_run,
            options.map,
            sys.stdout,
            sys.stderr,
        )
    return run_build(options, sys.stdout)


def run_serve(options: argparse.Namespace) -> int:
    """Build, serve and rebuild on change until Ctrl+C; return the exit code."""
    from .serve import Project, serve

    paths = _paths(options)
    if _refused(options, paths):
        return run_build(options, sys.stdout)  # it names the missing or overlapping one: exit 2
    project = Project(
        paths,
        options.config or Path("site.yaml"),
        options.base_url,
        options.jobs,
        options.strict,
        options.verbosity,
    )
    return serve(project, options.host, options.port, watch=options.watch)


def run_build(options: argparse.Namespace, out: TextIO) -> int:
    """Build with parsed options and print the summary; return the exit code."""
    paths = _paths(options)
    refused = _refused(options, paths)
    if refused:
        print(f"error: {printable(refused)}", file=sys.stderr)
        return EXIT_USAGE
    config_path = options.config or Path("site.yaml")
    try:
        settings = config.with_base_url(config.load(config_path), options.base_url)
        if options.no_pagefind:
            settings = dataclasses.replace(settings, pagefind=False)
        progress = Progress(sys.stderr, sys.stderr.isatty()) if options.verbosity else SILENT
        report = build(settings, paths, options.jobs, progress)
    except BuildError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    summarise(report, paths, out, options.verbosity, colour=out.isatty())
    if not report.cached:
        write_report(report, report_path(paths))
    if not report.articles:
        print(f"error: {printable(nothing_to_publish(paths.articles))}", file=sys.stderr)
        return EXIT_FAILED
    if options.strict and (found := faults(report)):
        print(f"error: --strict: {len(found)} problem(s) above", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _refused(options: argparse.Namespace, paths: Paths) -> str:
    """Return why the options cannot be built (a missing input, or an output overlapping an
    input or the cache), or ""."""
    if not options.articles.is_dir():
        return f"articles folder {options.articles} does not exist; pass --articles DIR"
    if options.config and not options.config.is_file():
        return f"config file {options.config} does not exist"
    inputs = {"articles folder": paths.articles, "templates folder": paths.templates}
    inputs.update({"static folder": paths.static, "build cache folder": paths.cache})
    config_file = options.config or Path("site.yaml")
    if config_file.is_file():
        inputs["config file"] = config_file
    if not Path(os.path.abspath(paths.output)).name:
        return ""  # the file-system root: the build refuses it (exit 1)
    return overlap(paths.output, inputs)


def _paths(options: argparse.Namespace) -> Paths:
    """Return where a build reads and writes, from the parsed options."""
    beside = options.config.parent if options.config else Path()
    return Paths(
        articles=options.articles,
        output=options.output,
        templates=options.templates or _default_folder("templates"),
        static=options.static or _default_folder("static"),
        cache=options.cache_dir or beside / ".newsarchive",
    )


def _default_folder(name: str) -> Path:
    """Return ./name when it exists, else the project's own folder of that name."""
    local = Path(name)
    return local if local.is_dir() else PROJECT / name
