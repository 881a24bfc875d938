"""Page keys: equal contexts give equal keys whatever objects they share; any change shows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from msgspec import structs

from newsarchive.models import Article, Entry, Term
from newsarchive.pagekeys import Keyer


def article(source: str = "a.txt", digest: str = "d1") -> Article:
    return Article(source=source, kind="text", title="T", headline_source="text", digest=digest)


def entry(**changes: object) -> Entry:
    section = Term("section", "world", "World", "sections/world/index.html", (0, 1))
    base = Entry(0, article(), "t", "articles/t/index.html", section, related=(1, 2))
    return structs.replace(base, **changes)  # type: ignore[arg-type]


def key(context: dict[str, object], keyer: Keyer | None = None) -> str | None:
    return (keyer or Keyer("salt")).key("article.html", "p.html", "Title", "Desc", context)


def test_equal_values_give_equal_keys_whatever_objects_they_share():
    shared = "x" * 50
    once = key({"a": shared, "b": shared, "entry": entry()})
    twice = key({"a": "x" * 50, "b": "".join(["x"] * 50), "entry": entry()})
    assert once == twice


def test_argument_order_does_not_matter():
    assert key({"a": 1, "b": (2, 3)}) == key({"b": (2, 3), "a": 1})


def test_every_kind_of_change_changes_the_key():
    base = {"entry": entry(), "when": dt.datetime(2024, 1, 2), "ids": (1, 2), "label": "x"}
    keys = {
        key(base),
        key({**base, "label": "y"}),
        key({**base, "ids": (2, 1)}),
        key({**base, "when": dt.datetime(2024, 1, 3)}),
        key({**base, "entry": entry(related=(1, 3))}),
        key({**base, "entry": entry(article=article(digest="d2"))}),
        key(
            {
                **base,
                "entry": entry(section=Term("section", "world", "World", "s/index.html", (0,))),
            }
        ),
        key({**base, "extra": None}),
        Keyer("other salt").key("article.html", "p.html", "Title", "Desc", base),
    }
    assert None not in keys and len(keys) == 9


def test_sets_are_keyed_by_their_members_not_their_order():
    assert key({"s": frozenset(["b", "a", "c"])}) == key({"s": frozenset(["c", "a", "b"])})
    assert key({"s": frozenset(["a"])}) != key({"s": frozenset(["b"])})


def test_an_entry_is_digested_once_per_object():
    keyer, item = Keyer("salt"), entry()
    key({"entry": item}, keyer)
    key({"items": (item, item)}, keyer)
    assert len(keyer.memo) == 2  # the entry and its section term


def test_a_value_that_cannot_be_serialised_gives_no_key():
    assert key({"callback": lambda: 1}) is None


def test_a_failed_page_leaves_the_next_key_as_a_fresh_keyer_makes_it():
    keyer = Keyer("salt")
    assert key({"a": 1, "callback": lambda: 1}, keyer) is None
    assert key({"a": 1, "entry": entry()}, keyer) == key({"a": 1, "entry": entry()})


def test_a_tuple_of_entries_keys_the_same_whether_digested_already_or_not():
    keyer, items = Keyer("salt"), (entry(), entry(id=1, related=(0,)))
    first = key({"items": items}, keyer)  # digests each entry
    assert key({"items": items}, keyer) == first  # finds them in the memo
    assert key({"items": items}) == first  # a fresh keyer
    assert key({"items": (items[0], entry(id=1, related=(2,)))}, keyer) != first


def test_site_parts_the_walk_does_not_reach_are_keyed_whole():
    assert key({"items": [entry()]}) == key({"items": [entry()]})
    assert key({"items": [entry()]}) != key({"items": [entry(related=(1, 3))]})
    assert key({"pair": (None, entry())}) != key({"pair": (None, entry(related=(1, 3)))})


@dataclasses.dataclass(frozen=True)
class Frame:
    names: frozenset[str]
    items: tuple[Entry, ...] = ()


def test_sets_inside_records_are_keyed_by_their_members_not_their_order():
    first = key({"frame": Frame(frozenset(["b", "a", "c"]), (entry(),))})
    assert first == key({"frame": Frame(frozenset(["c", "a", "b"]), (entry(),))})
    assert first != key({"frame": Frame(frozenset(["a"]), (entry(),))})


def test_keys_do_not_change_with_the_hash_seed():
    script = (
        "from test_pagekeys import Frame, entry, key\n"
        "names = frozenset(f'section-{n}' for n in range(12))\n"
        "print(key({'frame': Frame(names, (entry(),)), 'set': set(names)}))\n"
    )
    here = Path(__file__).parent  # and this checkout's code, not the installed one's
    paths = os.pathsep.join([str(here), str(here.parent / "src")])
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": paths},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1 and len(keys.pop().strip()) == 32
