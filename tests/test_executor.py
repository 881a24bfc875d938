"""executor: a map stage gives the same results here and in a pool under every start method,
and so does a whole build (reading and rendering in worker processes)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from newsarchive import executor, permalinks
from newsarchive.errors import BuildError

from conftest import ROOT, build_at, tree, write_files

METHODS = [m for m in executor.METHODS if m in multiprocessing.get_all_start_methods()]

STORIES = {
    f"articles/{section}/2021-0{1 + n % 9}-1{n % 9}-story-{n}.txt": (
        f"Council story {n} in {section}\n\nThe council met on the harbour plan {n}. "
        f"Mayor Jane Porter said the vote on {section} was close.\n"
    )
    for n in range(30)
    for section in ("news", "sport")
}


def _scaled(factor: int, number: int) -> int:
    """A step: the shared factor times the item."""
    return factor * number


def _scaled_where(factor: int, number: int) -> tuple[int, int]:
    """A step: the shared factor times the item, and the id of the process that made it."""
    return factor * number, os.getpid()


def _dies(factor: int, number: int) -> int:
    """A step whose process dies."""
    os._exit(3)


def _fails(factor: int, number: int) -> int:
    """A step that raises."""
    raise BuildError(f"articles/{number}.txt: cannot be read; fix it")


def _same(value: int) -> int:
    """A setup that keeps the shared value as it is."""
    return value


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read and render in a pool however small the site."""
    monkeypatch.setattr(executor, "POOL_FROM", 1)


@pytest.mark.parametrize("method", METHODS)
def test_a_pool_gives_what_this_process_gives_in_order(method, tmp_path):
    items = list(range(200))
    here = list(executor.InProcess().map(_scaled, items, _same, 3))
    pool = executor.Pool(2, method, tmp_path / "spill")
    there = list(pool.map(_scaled_where, items, _same, 3, chunksize=7))
    assert [value for value, _ in there] == here
    processes = {pid for _, pid in there}
    assert os.getpid() in processes  # this process takes chunks while the pool is busy
    assert len(processes) == 2  # and one pool process the others: --jobs 2 in all
    assert list(tmp_path.iterdir()) == []  # the shared value's file and folder are gone
    assert gc.get_freeze_count() == 0  # what this process froze for the stage is let go


@pytest.mark.parametrize("method", METHODS)
def test_a_worker_that_dies_is_a_clear_error(method):
    with pytest.raises(BuildError, match="worker process of the build stopped without finishing"):
        list(executor.Pool(2, method).map(_dies, [1, 2], _same, 3))


def test_what_a_worker_raised_is_raised_here():
    with pytest.raises(BuildError, match=r"articles/1\.txt: cannot be read"):
        list(executor.Pool(2, METHODS[0]).map(_fails, [1, 2], _same, 3))


def test_small_work_or_one_core_runs_here():
    assert executor.for_work(executor.POOL_FROM - 1, 4).workers == 1
    assert executor.for_work(executor.POOL_FROM, 1).workers == 1
    assert executor.for_work(executor.POOL_FROM, 3).workers == 3


def test_an_unknown_start_method_is_named_with_the_ones_to_use(monkeypatch):
    monkeypatch.setenv(executor.START_METHOD, "teleport")
    with pytest.raises(BuildError, match=r"NEWSARCHIVE_START_METHOD='teleport' .* spawn"):
        executor.start_method()


@pytest.mark.parametrize("method", METHODS)
def test_a_site_built_in_worker_processes_is_the_one_built_here(
    method, tmp_path, monkeypatch, pooled
):
    """Each build, the first and after an edit and an added article, gives the output a cold
    build without workers gives."""
    theme = ("--no-pagefind", "--jobs", "2")
    edited = Path("articles/news/2021-01-10-story-0.txt")
    steps = [
        ("first", lambda root: None),
        (
            "edit",
            lambda root: (root / edited).write_text("Story 0, corrected\n\nRight.\n", "utf-8"),
        ),
        (
            "add",
            lambda root: write_files(root, {"articles/sport/2021-09-19-a.txt": "New\n\nOne.\n"}),
        ),
    ]
    write_files(tmp_path / "pool", STORIES)
    write_files(tmp_path / "here", STORIES)
    for name, change in steps:
        change(tmp_path / "pool")
        monkeypatch.setenv(executor.START_METHOD, method)
        code, _, err = build_at(tmp_path / "pool", *theme)
        assert code == 0, err
        monkeypatch.setenv(executor.START_METHOD, "no pool: this one must not start one")
        shutil.rmtree(tmp_path / "here")
        shutil.copytree(tmp_path / "pool" / "articles", tmp_path / "here" / "articles")
        _copy_book(tmp_path / "pool", tmp_path / "here")
        with monkeypatch.context() as unpooled:
            unpooled.setattr(executor, "POOL_FROM", 10**9)
            assert build_at(tmp_path / "here", *theme)[0] == 0
        assert tree(tmp_path / "pool" / "dist") == tree(tmp_path / "here" / "dist"), name


@pytest.mark.parametrize("method", METHODS)
def test_a_template_error_in_a_worker_names_the_template_and_line(
    method, tmp_path, monkeypatch, pooled
):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "article.html").write_text("{{ no_such_value }}\n", encoding="utf-8")
    write_files(tmp_path, STORIES)
    monkeypatch.setenv(executor.START_METHOD, method)
    code, _, err = build_at(tmp_path, "--no-pagefind", "--templates", str(templates), "--jobs", "2")
    assert code == 1
    assert "template article.html:1: 'no_such_value' is undefined" in err


def _copy_book(source: Path, target: Path) -> None:
    """Copy the record of published addresses (an input like the articles, not a cache)."""
    book = Path(".newsarchive") / permalinks.FILE
    (target / ".newsarchive").mkdir(mode=0o700, exist_ok=True)
    shutil.copy2(source / book, target / book)
