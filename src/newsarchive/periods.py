"""The date archive: an overview, year and month pages, and a page for every day with articles.

A month page shows a calendar of its days (a table; each day with articles links to its day
page, because a month's list is paginated and an anchor would miss its later pages) and links
to the months before and after it that have articles. A day page lists the day's articles,
links to the days before and after with articles, and "on this day": the same day in other
years. A page opened from disk has no "today", so there is no page for the current date.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterator, Sequence

from . import urls
from .config import SiteConfig
from .lists import list_specs, listed, page_spec
from .models import Entry, Month, Site
from .render import MONTH_NAMES
from .specs import PageSpec

Link = tuple[str, str]  # (text, path)
Cell = tuple[int, str, int]  # (day of month or 0 for padding, path or "", articles)
WEEKDAYS = (("Mon", "Monday"), ("Tue", "Tuesday"), ("Wed", "Wednesday"), ("Thu", "Thursday"),
            ("Fri", "Friday"), ("Sat", "Saturday"), ("Sun", "Sunday"))  # fmt: skip
_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY)


def archive_specs(site: Site, config: SiteConfig) -> Iterator[PageSpec]:
    """Yield the specs of the archive overview, then of each year's, month's and day's
    paginated pages."""
    undated = sum(1 for e in site.entries if e.article.date is None and e.duplicate_of is None)
    yield page_spec(
        "archive",
        "archive.html",
        urls.ARCHIVE,
        f"Archive — {config.title}",
        f"Every article in {config.title} by year and month.",
        years=site.years,
        undated=undated,
    )
    days = _days(site)
    same_day: dict[tuple[int, int], list[tuple[int, str, int]]] = defaultdict(list)
    for (y_, m_, d_), entries in days.items():
        same_day[(m_, d_)].append((y_, urls.day_path(y_, m_, d_), len(entries)))
    months = [m for y in site.years for m in y.months]  # newest first
    day_order = sorted(days)
    crumbs = (("Archive", urls.ARCHIVE),)
    for y, year in enumerate(site.years):
        ids = sorted(i for month in year.months for i in month.members)
        yield from _period(
            listed(site, ids),
            year.path,
            str(year.year),
            config,
            crumbs,
            months=year.months,
            earlier=_year_link(site, y + 1),
            later=_year_link(site, y - 1),
        )
    for m, month in enumerate(months):
        in_month = listed(site, month.members)
        yield from _period(
            in_month,
            month.path,
            _month_name(month),
            config,
            (*crumbs, (str(month.year), urls.year_path(month.year))),
            calendar=_calendar(month, days),
            earlier=_month_link(months, m + 1),
            later=_month_link(months, m - 1),
        )
    for index, when in enumerate(day_order):
        yield from _day_specs(config, days, day_order, index, same_day[when[1:]])


def _day_specs(
    config: SiteConfig,
    days: dict[tuple[int, int, int], tuple[Entry, ...]],
    day_order: Sequence[tuple[int, int, int]],
    index: int,
    same_day: Sequence[tuple[int, str, int]],
) -> Iterator[PageSpec]:
    """Yield the specs of the pages of one day: its articles, the days around it, the same day
    in other years (`same_day`: (year, path, count) for every year with articles that day)."""
    year, month, day = day_order[index]
    name = f"{day} {MONTH_NAMES[month - 1]} {year}"
    yield from _period(
        days[(year, month, day)],
        urls.day_path(year, month, day),
        name,
        config,
        (
            ("Archive", urls.ARCHIVE),
            (str(year), urls.year_path(year)),
            (MONTH_NAMES[month - 1], urls.month_path(year, month)),
        ),
        earlier=_day_link(day_order, index - 1),
        later=_day_link(day_order, index + 1),
        same_day=tuple(sorted((o for o in same_day if o[0] != year), reverse=True)),
        day_of_year=f"{day} {MONTH_NAMES[month - 1]}",
    )


def _period(
    items: Sequence[Entry],
    first: str,
    name: str,
    config: SiteConfig,
    crumbs: tuple[Link, ...],
    **context: object,
) -> Iterator[PageSpec]:
    """Yield the specs of the pages of one year, month or day; context the template does not
    get is empty."""
    defaults: dict[str, object] = {
        "months": (),
        "calendar": (),
        "earlier": None,
        "later": None,
        "same_day": (),
        "day_of_year": "",
        "weekdays": WEEKDAYS,
    }
    yield from list_specs(
        "period",
        "period.html",
        first,
        items,
        config,
        name,
        f"Articles from {name} in {config.title}.",
        crumbs,
        **{**defaults, **context},
    )


def _days(site: Site) -> dict[tuple[int, int, int], tuple[Entry, ...]]:
    """Return the listed entries of each day that has any, in home order."""
    found: dict[tuple[int, int, int], list[Entry]] = defaultdict(list)
    for entry in site.entries:
        date = entry.article.date
        if date is not None and entry.duplicate_of is None:
            found[(date.year, date.month, date.day)].append(entry)
    return {day: tuple(items) for day, items in found.items()}


def _calendar(
    month: Month, days: dict[tuple[int, int, int], tuple[Entry, ...]]
) -> tuple[tuple[Cell, ...], ...]:
    """Return a month's weeks (Monday first) of cells: day, its page if it has articles, count."""
    weeks = []
    for week in _WEEKS.monthdayscalendar(month.year, month.month):
        cells = []
        for day in week:
            items = days.get((month.year, month.month, day), ()) if day else ()
            path = urls.day_path(month.year, month.month, day) if items else ""
            cells.append((day, path, len(items)))
        weeks.append(tuple(cells))
    return tuple(weeks)


def _month_name(month: Month) -> str:
    """Return "March 1987"."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def _month_link(months: Sequence[Month], index: int) -> Link | None:
    """Return the link to the month at `index` (newest first), if there is one."""
    if 0 <= index < len(months):
        return (_month_name(months[index]), months[index].path)
    return None


def _year_link(site: Site, index: int) -> Link | None:
    """Return the link to the year at `index` (newest first), if there is one."""
    if 0 <= index < len(site.years):
        return (str(site.years[index].year), site.years[index].path)
    return None


def _day_link(days: Sequence[tuple[int, int, int]], index: int) -> Link | None:
    """Return the link to the day at `index` (oldest first), if there is one."""
    if 0 <= index < len(days):
        year, month, day = days[index]
        return (f"{day} {MONTH_NAMES[month - 1]} {year}", urls.day_path(year, month, day))
    return None
