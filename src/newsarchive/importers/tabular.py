"""Import data-set dumps: CSV (one row an article) and JSON Lines (one object a line), with a
column mapping from the article fields to the dump's column names."""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..text import Undecodable, decode, normalise, parse_date
from .common import Item, Note, Skip, SourceError, clean_html, clean_text, looks_like_html, plain

# Each field is looked for under these column names (case ignored) unless --map names one.
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "uid"),
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "story"),
    "date": ("date", "published", "pubdate", "published_at", "datetime"),
    "author": ("author", "byline", "creator"),
    "section": ("section", "category", "desk"),
    "tags": ("tags", "keywords", "subjects"),
    "summary": ("summary", "description", "abstract", "standfirst"),
    "caption": ("caption",),
    "credit": ("credit",),
    "image": ("image", "image_url", "photo"),
    "url": ("url", "link", "source_url"),
}
MAX_CELL = 64 * 1024 * 1024  # a story may be as long as the loader allows one article to be
# Written day-first dates; numeric ones (03/02/2023) are left out as they are ambiguous.
DAY_FIRST = ("%d %B %Y", "%d %b %Y", "%d %b. %Y")


def parse_map(specs: list[str]) -> dict[str, str]:
    """Return {field: column} from "--map title=headline,date=published"; raise ValueError."""
    mapping: dict[str, str] = {}
    for spec in specs:
        for pair in filter(None, (p.strip() for p in spec.split(","))):
            field, equals, column = (s.strip() for s in pair.partition("="))
            if not equals or not column:
                raise ValueError(f"--map '{pair}' is not FIELD=COLUMN, e.g. title=headline")
            if field not in COLUMNS:
                raise ValueError(
                    f"--map '{pair}': unknown field '{field}'; fields: {', '.join(COLUMNS)}"
                )
            mapping[field] = column
    return mapping


def read_csv(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield an item for every row of a CSV (or TSV) file with a header row."""
    csv.field_size_limit(MAX_CELL)
    text = _text(path)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = _columns(list(reader.fieldnames or []), mapping, name)
    try:
        for row in reader:
            yield _item(
                row, columns, f"{name} line {reader.line_num}", f"csv:{name}", reader.line_num
            )
    except csv.Error as error:
        raise SourceError(f"line {reader.line_num}: is not valid CSV ({error})") from None


def read_jsonl(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield an item for every JSON object line of a JSON Lines file."""
    known: dict[tuple[str, ...], dict[str, str]] = {}  # objects of a dump mostly share keys
    for number, line in enumerate(_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Skip(where, f"is not valid JSON ({error})")
            continue
        if not isinstance(record, dict):
            yield Skip(where, "is not a JSON object ({...})")
            continue
        keys = tuple(record)  # JSON Lines has no header: each object's keys stand for one
        if keys not in known:
            known[keys] = _columns(list(keys), mapping, name, strict=False)
        yield _item(record, known[keys], where, f"jsonl:{name}", number)


def _text(path: Path) -> str:
    """Read a dump as text the way the loader decodes article files."""
    try:
        return normalise(decode(path.read_bytes())[0])
    except Undecodable as error:
        raise SourceError(f"{error}; save it as UTF-8 text") from None


def _columns(
    names: list[str], mapping: Mapping[str, str], source: str, *, strict: bool = True
) -> dict[str, str]:
    """Return {field: column name} for this dump; a mapped column must exist (in a CSV header)."""
    by_fold = {n.strip().casefold(): n for n in names if n}
    columns = {}
    for field, aliases in COLUMNS.items():
        wanted = mapping.get(field)
        if wanted is not None:
            found = by_fold.get(wanted.casefold())
            if found is None and strict:
                raise SourceError(
                    f"has no column '{wanted}' (mapped to {field}); its columns are: "
                    f"{', '.join(names)}; fix --map"
                )
            columns[field] = found or wanted
            continue
        found = next((by_fold[a] for a in aliases if a in by_fold), None)
        if found is not None:
            columns[field] = found
    if strict and "title" not in columns:
        raise SourceError(
            f"has no title column (looked for {', '.join(COLUMNS['title'])}); its columns are: "
            f"{', '.join(names)}; name it with --map title=COLUMN"
        )
    return columns


def _item(
    record: Mapping[str, object], columns: Mapping[str, str], where: str, origin: str, number: int
) -> Item | Skip:
    """Make an item from one row or object, or say why it is skipped."""
    value = {field: _value(record.get(column)) for field, column in columns.items()}
    title = plain(value.get("title", ""))
    if not title:
        column = columns.get("title", "title")
        return Skip(where, f"has no title (column '{column}' is empty); add one or remove the row")
    where = f'{where} "{title[:60]}"'
    body = value.get("body", "")
    if not plain(body):
        return Skip(where, f"has no text (column '{columns.get('body', 'body')}' is empty)")
    identity = plain(value.get("id", ""))
    date_text = plain(value.get("date", ""))
    date = _date(date_text)
    if date_text and date is None:
        return Skip(where, f"date '{date_text}' is not a date; use YYYY-MM-DD")
    tags = record.get(columns["tags"]) if "tags" in columns else None
    return Item(
        where=where,
        imported_from=f"{origin}#{'id-' + identity if identity else f'line-{number}'}",
        title=title,
        body=clean_html(body) if looks_like_html(body) else clean_text(body),
        body_kind="html" if looks_like_html(body) else "text",
        date=date,
        author=plain(value.get("author", "")),
        section=plain(value.get("section", "")),
        tags=_tags(tags),
        summary=plain(value.get("summary", "")),
        caption=plain(value.get("caption", "")),
        credit=plain(value.get("credit", "")),
        image=plain(value.get("image", "")),
        source_url=plain(value.get("url", "")),
    )


def _value(raw: object) -> str:
    """Return a cell or JSON value as text (lists joined with commas)."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return ", ".join(str(v) for v in raw if v is not None)
    return str(raw)


def _tags(raw: object) -> tuple[str, ...]:
    """Return tags from a JSON list or comma-separated text."""
    items = raw if isinstance(raw, list) else str(raw or "").split(",")
    return tuple(dict.fromkeys(plain(str(t)) for t in items if plain(str(t))))


def _date(text: str) -> dt.datetime | None:
    """Return the date in a cell: ISO 8601, "January 5, 2023", "5 January 2023" or RFC 2822."""
    if not text:
        return None
    parsed = parse_date(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if parsed is not None:
        return parsed
    for pattern in DAY_FIRST:
        try:
            return dt.datetime.strptime(text, pattern)
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
