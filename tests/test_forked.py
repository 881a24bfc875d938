"""forked.started: work in a child process comes back whole, and so do its failures."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from newsarchive import builder, forked, permalinks, reading
from newsarchive.errors import BuildError
from newsarchive.models import Term

from conftest import ROOT, build_at, tree, write_files


def call(work):
    """Return work() run in a forked process, as the build runs its reading child."""
    with forked.started(work) as result:
        try:
            return result()
        finally:
            gc.unfreeze()  # as the build does when it is done with the result


def test_the_result_is_left_alone_by_the_collector_until_unfrozen():
    gc.unfreeze()
    with forked.started(lambda: [[n] for n in range(1000)]) as result:
        value = result()
    assert gc.get_freeze_count() >= len(value) + 1  # the list and every list in it
    gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_the_child_never_collects_again():
    assert gc.isenabled()
    assert call(gc.isenabled) is False
    with forked.collector_paused():
        assert call(gc.isenabled) is False


def test_the_result_comes_back_equal_and_from_another_process():
    term = Term("tag", "floods", "Floods", "tags/floods/", (3, 1, 2))
    pid, value = call(lambda: (os.getpid(), {"terms": [term, term]}))
    assert pid != os.getpid()
    assert value == {"terms": [term, term]}
    assert value["terms"][0] is value["terms"][1]  # shared records stay shared


def test_what_the_work_raised_is_raised_here():
    def failing() -> None:
        raise BuildError("articles/a.txt changed during the build; run the build again")

    with pytest.raises(BuildError, match=r"articles/a\.txt changed during the build"):
        call(failing)


def test_an_exception_that_cannot_be_pickled_comes_back_as_its_words():
    class Odd(Exception):
        def __init__(self) -> None:
            super().__init__("the odd failure")
            self.lock = threading.Lock()  # locks cannot be pickled

    def failing() -> None:
        raise Odd()

    with pytest.raises(BuildError, match="Odd: the odd failure"):
        call(failing)


def test_a_child_that_dies_is_a_clear_error_with_its_exit_status():
    with pytest.raises(BuildError, match=r"reading the articles stopped .* exit status 3"):
        call(lambda: os._exit(3))
    dies = forked.started(lambda: os._exit(4), doing="looking at the output")
    message = r"the process looking at the output stopped without finishing .* exit status 4"
    with pytest.raises(BuildError, match=message), dies as result:
        result()


def test_reading_in_a_child_or_here_gives_the_same_site(tmp_path, monkeypatch):
    files = {
        f"articles/{section}/2021-0{1 + n % 9}-1{n % 9}-story-{n}.txt": (
            f"Council story {n} in {section}\n\nThe council met on the harbour plan {n}. "
            f"Mayor Jane Porter said the vote on {section} was close.\n"
        )
        for n in range(30)
        for section in ("news", "sport")
    }
    write_files(tmp_path / "here", files)
    write_files(tmp_path / "child", files)
    monkeypatch.setattr(builder, "FORK_THRESHOLD", 10**9)
    assert build_at(tmp_path / "here", "--no-pagefind")[0] == 0
    calls = []
    real_started = forked.started
    monkeypatch.setattr(builder, "FORK_THRESHOLD", 1)
    monkeypatch.setattr(
        forked,
        "started",
        lambda work, fork, *doing: calls.append(fork) or real_started(work, fork, *doing),
    )
    code, out, err = build_at(tmp_path / "child", "--no-pagefind")
    assert code == 0, err
    assert calls == [True, True]  # the reading child, and a child looking at the output
    assert "Read 60 articles" in out
    assert tree(tmp_path / "here" / "dist") == tree(tmp_path / "child" / "dist")
    assert gc.get_freeze_count() == 0  # the build unfroze what the child gave it


STORIES = {
    f"articles/{section}/2021-0{1 + n % 9}-1{n % 9}-story-{n}.txt": (
        f"Council story {n} in {section}\n\nThe council met on the harbour plan {n}.\n"
    )
    for n in range(12)
    for section in ("news", "sport")
}


def test_a_big_archive_s_cache_is_loaded_while_its_files_are_looked_for(tmp_path, monkeypatch):
    write_files(tmp_path / "warm", STORIES)
    write_files(tmp_path / "cold", STORIES)
    monkeypatch.setattr(builder, "FORK_THRESHOLD", 1)
    events: list[str] = []
    real_started, real_discover = forked.started, builder.discover
    monkeypatch.setattr(
        forked,
        "started",
        lambda work, fork, *doing: (
            events.append(f"fork {fork}") or real_started(work, fork, *doing)
        ),
    )
    monkeypatch.setattr(
        builder, "discover", lambda folder: events.append("look") or real_discover(folder)
    )
    assert build_at(tmp_path / "warm", "--no-pagefind")[0] == 0
    assert events == ["look", "fork True", "fork True"]  # no state yet: how big is it?
    edited = tmp_path / "warm" / "articles" / "news" / "2021-01-10-story-0.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    events.clear()
    code, _, err = build_at(tmp_path / "warm", "--no-pagefind")
    assert code == 0, err
    assert events == ["fork True", "look", "fork True"]  # the last state says it is big
    shutil.copy(edited, tmp_path / "cold" / "articles" / "news" / edited.name)
    assert build_at(tmp_path / "cold", "--no-pagefind")[0] == 0
    assert tree(tmp_path / "warm" / "dist") == tree(tmp_path / "cold" / "dist")


def test_a_child_started_for_nothing_is_stopped(tmp_path, monkeypatch):
    write_files(tmp_path, STORIES)
    monkeypatch.setattr(builder, "FORK_THRESHOLD", 1)
    assert build_at(tmp_path, "--no-pagefind")[0] == 0
    code, out, _ = build_at(tmp_path, "--no-pagefind")
    assert code == 0 and "Nothing changed since the last build" in out
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("fork", [True, False])
def test_a_value_handed_over_reaches_the_work_started_before_it(fork):
    given: forked.Handover[list[int]] = forked.Handover(fork)
    with forked.started(lambda: (os.getpid(), sum(given.take())), fork) as result:
        given.put(list(range(100_000)))  # more than a pipe holds at once
        pid, total = result()
    gc.unfreeze()
    assert total == sum(range(100_000))
    assert (pid != os.getpid()) is fork


def test_a_child_whose_value_never_comes_says_so():
    given: forked.Handover[int] = forked.Handover(True)
    with forked.started(given.take) as result:
        given._pipe[1].close()  # type: ignore[index]  # as when the build process dies
        with pytest.raises(BuildError, match="stopped before handing over its work"):
            result()


def test_the_collector_is_paused_only_inside_and_restored_as_it_was():
    assert gc.isenabled()
    with forked.collector_paused():
        assert not gc.isenabled()
        with forked.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause gives back the outer one's state
    assert gc.isenabled()


def test_reading_workers_collect_garbage_while_the_build_pauses_collecting():
    with forked.collector_paused(), ProcessPoolExecutor(1) as plain:
        assert plain.submit(gc.isenabled).result() is False  # what a worker would inherit
    with forked.collector_paused(), reading.pool(1) as workers:
        assert workers.submit(gc.isenabled).result() is True


def test_a_shelf_gives_back_its_value_from_disk():
    value = ({"index.html": [120, 5]}, ({"index.html": "k"}, frozenset({"index.html"})), {})
    shelf = forked.Shelf(value)
    assert shelf._file.tell() > 0  # written out, not held
    assert shelf.take() == value
    assert shelf._file.closed


def _wait_for(path):
    """Wait until a file exists (a minute at most)."""
    deadline = time.monotonic() + 60
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never appeared")
        time.sleep(0.01)


def test_this_process_works_while_the_started_child_does(tmp_path):
    go = tmp_path / "go"

    def work():  # waits for this process: run one after the other, they would never end
        _wait_for(go)
        return os.getpid()

    with forked.started(work) as result:
        go.touch()
        assert result() != os.getpid()


def test_a_failure_in_the_started_child_is_raised_here():
    def work():
        raise ValueError("the catalogue failed")

    with forked.started(work) as result, pytest.raises(ValueError, match="catalogue failed"):
        result()


def test_leaving_early_stops_the_started_child(tmp_path):
    pid_file = tmp_path / "pid"

    def work():
        pid_file.write_text(str(os.getpid()))
        time.sleep(600)

    with pytest.raises(KeyError), forked.started(work):
        _wait_for(pid_file)
        raise KeyError("this process failed first")
    with pytest.raises(ProcessLookupError):  # stopped, and its exit collected
        os.kill(int(pid_file.read_text()), 0)


def test_not_forked_the_work_runs_here_when_its_result_is_asked_for():
    ran = []
    with forked.started(lambda: ran.append(os.getpid()) or "done", fork=False) as result:
        assert ran == []
        assert result() == "done"
    assert ran == [os.getpid()]


def test_the_listings_are_taken_by_one_render_process_only(monkeypatch):
    job = builder.Job(None, None, None, None, None)  # type: ignore[arg-type]
    monkeypatch.setattr(builder, "_JOB", job)  # as workers get it: forked, never pickled
    with ProcessPoolExecutor(1, mp_context=builder._FORK) as pool:
        assert pool.submit(_take_listings).result() is True  # the worker finished first
    assert job.take_listings() is False
    fresh = builder.Job(None, None, None, None, None)  # type: ignore[arg-type]
    assert fresh.take_listings() is True and fresh.take_listings() is False


def _take_listings() -> bool:
    """In a render worker: ask for the listings."""
    assert builder._JOB is not None
    return builder._JOB.take_listings()


def test_a_small_edit_is_written_by_the_reading_child_and_nothing_else_is(tmp_path, monkeypatch):
    """After a few articles are edited the reading child renders the pages itself; added
    articles and changed templates go to the render processes. Each build as a cold one."""
    monkeypatch.setattr(builder, "FORK_THRESHOLD", 1)
    monkeypatch.setattr(builder, "RENDER_POOL_THRESHOLD", 1)  # render processes, when used
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    theme = ("--no-pagefind", "--templates", str(templates))
    written_here: list[bool] = []
    real = builder._take_over
    monkeypatch.setattr(
        builder, "_take_over", lambda *args: written_here.append(True) or real(*args)
    )
    write_files(tmp_path / "warm", STORIES)
    assert build_at(tmp_path / "warm", *theme)[0] == 0
    edited = tmp_path / "warm" / "articles" / "news" / "2021-01-10-story-0.txt"
    added = tmp_path / "warm" / "articles" / "sport" / "2021-09-19-story-99.txt"
    steps = [
        ("edit", lambda: edited.write_text("Story 0, corrected\n\nNow right.\n", "utf-8"), True),
        ("add", lambda: added.write_text("A new story\n\nThe plan again.\n", "utf-8"), False),
        ("template", lambda: _append(templates / "article.html", "<!-- new -->\n"), False),
        ("edit again", lambda: _append(edited, "\nAnother correction.\n"), True),
    ]
    for name, change, by_the_child in steps:
        change()
        written_here.clear()
        code, _, err = build_at(tmp_path / "warm", *theme)
        assert code == 0, err
        assert written_here == ([True] if by_the_child else []), name
        shutil.rmtree(tmp_path / "cold", ignore_errors=True)
        shutil.copytree(tmp_path / "warm" / "articles", tmp_path / "cold" / "articles")
        # the record of published addresses is an input, like the articles (not a cache)
        (tmp_path / "cold" / ".newsarchive").mkdir(mode=0o700)
        book = Path(".newsarchive") / permalinks.FILE
        shutil.copy2(tmp_path / "warm" / book, tmp_path / "cold" / book)
        assert build_at(tmp_path / "cold", *theme)[0] == 0
        assert tree(tmp_path / "warm" / "dist") == tree(tmp_path / "cold" / "dist"), name


def _append(path, text):
    """Add text at the end of a file."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_posting_is_read_by_the_process_that_made_it_and_any_child_of_it():
    posting: forked.Posting[dict[str, int]] = forked.Posting()
    value = {f"page-{n}.html": n for n in range(50_000)}
    assert call(lambda: posting.post(value)) is None
    assert call(posting.read) == value  # another child, forked after the first had posted
    assert posting.read() == value
