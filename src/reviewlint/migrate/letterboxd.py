"""Letterboxd export CSV files -> one review per row that has review text.

Recognised by header, never by file name or column position: `reviews.csv` has a `Review`
column, `diary.csv` a `Watched Date`, `ratings.csv` a `Rating`; all have `Name`, `Year`
and `Letterboxd URI`. Columns are looked up by name, so reordered or extra columns are
fine; a column reviewlint does not know is kept under `notes`.

- `Name`, `Year` -> `film.title`, `film.year`.
- `Rating` -> `rating` on Letterboxd's scale, 0.5 to 5 in half steps.
- `Review` (HTML-ish: `<br/>`, `<i>`, links) -> `review.body`, one item per paragraph;
  link addresses are kept under `notes`.
- `Letterboxd URI` -> `source.url` for review and diary rows (the link names the entry),
  `film.ids.letterboxd` for ratings and watched rows (the link names the film).
- `Date` -> `published` for a row with review text (the day it was logged); for a row
  without text it is kept under `notes`, since no review was published that day.
- `Watched Date`, `Rewatch` -> `watched.date`, `watched.rewatch`; `Tags` -> `tags`.
- `spoilers: unknown`: the export has no spoiler flag. No author (the export names none;
  `--author` supplies it) and no content warnings (the export has none).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from typing import Any

from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.canonical import finish
from reviewlint.migrate.dates import parse_date
from reviewlint.migrate.facts import URL, year_value
from reviewlint.migrate.html import html_to_text
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.ratings import number, scale_for
from reviewlint.migrate.result import Level, MigrationResult, failed, skipped

FORMAT = "letterboxd-csv"
IDENTITY = ("name", "year", "letterboxd uri")
KNOWN = ("date", "name", "year", "letterboxd uri", "rating", "rewatch", "review", "tags", "watched date")
# Field size: a Letterboxd review can be long, but not this long; the csv module's default
# limit (128 KiB) is raised so a real review never fails, and stays bounded.
FIELD_LIMIT = 4 * 1024 * 1024
# Bounds on a file's shape: a real export has 5 to 9 columns and at most a few tens of
# thousands of rows. Past these the file (or the row) is refused with the reason.
MAX_COLUMNS = 64
MAX_ROWS = 500_000


def export_kind(header: list[str]) -> str | None:
    names = {column.strip().lower() for column in header}
    if not set(IDENTITY) <= names:
        return None
    if "review" in names:
        return "reviews"
    if "watched date" in names:
        return "diary"
    if "rating" in names:
        return "ratings"
    return "watched"


_HTML_WHITESPACE = re.compile(r"[ \t\r\n\f]+")


def _plain_lines(review: str) -> list[tuple[str, int, int]]:
    """The lines html_to_text gives for text with no markup and no entities, without parsing."""
    return [(_HTML_WHITESPACE.sub(" ", line).strip(" "), 0, 0)
            for line in review.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _paragraphs(review: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Review HTML (or plain text with line breaks) -> paragraphs and links."""
    links: list[tuple[str, str]] = []
    if "<" not in review and "&" not in review:  # most reviews: plain text, read without a parser
        lines = _plain_lines(review)
    else:
        marked = review.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
        lines, links = html_to_text(marked)
    paragraphs: list[str] = []
    current: list[str] = []
    for text, _, _ in [*lines, ("", 0, 0)]:
        if text.strip():
            current.append(text.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs, links


def _rating(text: str) -> dict[str, Any] | None:
    try:
        value = number(text.strip())
    except ValueError:
        return None
    scale = scale_for(value, 5, 1 if "." in text else 0)
    if scale is None or value < 0.5 or (value * 2) % 1:
        return None
    return {"value": value, "min": 0.5, "max": 5, "step": 0.5}


class _Row:
    """One CSV row being converted; every non-empty cell gets a ledger record."""

    def __init__(self, names: list[str], index: dict[str, int], values: list[str], row: int, file: str,
                 kind: str, line: int = 0) -> None:
        self.line = line  # the file line the record starts on
        self.columns = list(zip(names, values, strict=False))
        for extra, value in enumerate(values[len(names):]):
            self.columns.append((f"column {len(names) + extra + 1}", value))
        self.index = index  # lower-case name -> 1-based column, the same for every row
        self.result = MigrationResult(
            source=file, format=FORMAT, data=None, part=f"row {row}",
            accounting=Accounting([f"{name}: {value}" if value.strip() else "" for name, value in self.columns],
                                  unit="column"))
        self.kind = kind
        self.draft: dict[str, Any] = {}
        self.notes: list[str] = []

    def value(self, column: str) -> str:
        number = self.index.get(column)
        return self.columns[number - 1][1].strip() if number is not None and number <= len(self.columns) else ""

    def has(self, column: str) -> bool:
        number = self.index.get(column)
        return number is not None and number <= len(self.columns)

    def mapped(self, column: str, where: str) -> None:
        number = self.index[column]
        text = self.result.accounting.lines[number - 1]
        self.result.accounting.mapped(number, where, text)
        if self.line:
            self.result.record_source(where, self.line, text, _column_form(self.columns[number - 1][0]))

    def keep(self, column: str, reason: str, level: Level = Level.WARNING) -> None:
        self.keep_cell(self.index[column], reason, level)

    def keep_cell(self, number: int, reason: str, level: Level = Level.WARNING) -> None:
        text = self.result.accounting.lines[number - 1]
        self.notes.append(text)
        self.result.accounting.preserved(number, f"notes[{len(self.notes) - 1}]", text, reason)
        self.result.add(level, f"kept under notes: {text[:80]!r} ({reason})")


@cache
def _column_form(name: str) -> str:
    """The provenance form of a column, one string per column name (a 100,000-row export
    records 700,000 values)."""
    return f"column `{name}`"


def _column_names(header: list[str]) -> list[str]:
    """Header names, a repeated one named with its column number ("Notes (column 10)") so that
    both values are kept and told apart."""
    seen: dict[str, int] = {}
    for name in header:
        seen[name.strip().lower()] = seen.get(name.strip().lower(), 0) + 1
    return [f"{name.strip()} (column {position})" if seen[name.strip().lower()] > 1 else name.strip()
            for position, name in enumerate(header, start=1)]


def _duplicate_known(header: list[str]) -> str | None:
    """A problem message when a column reviewlint maps appears twice: which one is the
    review (or the rating) cannot be told, so the file is refused rather than half read."""
    columns: dict[str, list[int]] = {}
    for position, name in enumerate(header, start=1):
        columns.setdefault(name.strip().lower(), []).append(position)
    for name, numbers in columns.items():
        if name in KNOWN and len(numbers) > 1:
            shown = header[numbers[0] - 1].strip()
            where = ", ".join(str(position) for position in numbers)
            return (f"the header names the column '{shown}' {len(numbers)} times (columns {where}); reviewlint "
                    "cannot tell which one holds the value: rename or remove the extra column")
    return None


def _convert(row: _Row, options: MigrateOptions) -> MigrationResult:
    film: dict[str, Any] = {}
    draft = row.draft
    name = row.value("name")
    if name and "\n" not in name and len(name) <= 300:
        film["title"] = name
        row.mapped("name", "film.title")
    elif name:
        row.keep("name", "not a single-line title")
    year = year_value(row.value("year"))
    if year is not None:
        film["year"] = year
        row.mapped("year", "film.year")
    elif row.value("year"):
        row.keep("year", "not a year between 1888 and 2100")
    uri = row.value("letterboxd uri")
    source: dict[str, Any] = {"format": FORMAT, "file": row.result.source}
    if row.result.part:
        source["part"] = row.result.part  # which row of the export (schema 1.1)
    if uri and URL.match(uri) and uri.startswith("https://"):
        if row.kind in ("reviews", "diary"):
            source["url"] = uri
            row.mapped("letterboxd uri", "source.url")
        else:
            film["ids"] = {"letterboxd": uri}
            row.mapped("letterboxd uri", "film.ids.letterboxd")
    elif uri:
        row.keep("letterboxd uri", "not an https:// address")
    draft["film"] = film
    if row.value("rating"):
        rating = _rating(row.value("rating"))
        if rating is not None:
            draft["rating"] = rating
            row.mapped("rating", "rating")
        else:
            row.keep("rating", "not a Letterboxd rating (0.5 to 5 in half steps)")
    text = row.value("review")
    if text:
        paragraphs, links = _paragraphs(text)
        if paragraphs:
            draft["review"] = {"body": paragraphs}
            row.mapped("review", "review.body")
            for link_text, address in links:
                row.notes.append(f"[{link_text}]({address})")
            if links:
                what = "1 link address" if len(links) == 1 else f"{len(links)} link addresses"
                row.result.add(Level.INFO, f"{what} from the review text kept under notes")
        else:
            row.keep("review", "the review text has no words once its HTML is removed")
    date = row.value("date")
    if date:
        published = parse_date(date) if text else None
        if published:
            draft["published"] = published
            row.mapped("date", "published")
        else:
            row.keep("date", "the day the film was logged; with no review text there is no publication date"
                     if not text else "not a date", Level.INFO if not text else Level.WARNING)
    watched: dict[str, Any] = {}
    if row.value("watched date"):
        watched_on = parse_date(row.value("watched date"))
        if watched_on:
            watched["date"] = watched_on
            row.mapped("watched date", "watched.date")
        else:
            row.keep("watched date", "not a date")
    if row.has("rewatch"):
        rewatch = row.value("rewatch")
        if rewatch.lower() in ("yes", ""):
            watched["rewatch"] = rewatch.lower() == "yes"
            if rewatch:
                row.mapped("rewatch", "watched.rewatch")
        else:
            row.keep("rewatch", "Letterboxd writes 'Yes' or nothing here")
    if watched:
        draft["watched"] = watched
    if row.value("tags"):
        tags = list(dict.fromkeys(tag.strip() for tag in row.value("tags").split(",") if tag.strip()))
        draft["tags"] = tags
        row.mapped("tags", "tags")
    for position, (column, value) in enumerate(row.columns, start=1):
        if value.strip() and column.lower() not in KNOWN:
            row.keep_cell(position, f"a column reviewlint does not know ('{column}')")
    draft["spoilers"] = "unknown"
    if row.notes:
        draft["notes"] = row.notes
    result = row.result
    result.data = finish(draft, result, options, source=source)
    result.name_hint = f"{name} {year}" if name and year else (name or "review")
    return result


def read_letterboxd(text: str, file: str, options: MigrateOptions) -> list[MigrationResult]:
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    starts: list[int] = []  # the file line each record starts on (quoted fields span lines)
    previous = 0
    try:
        for values in reader:
            starts.append(previous + 1)
            previous = reader.line_num
            rows.append(values)
    except csv.Error as error:
        return [failed(file, FORMAT, f"not a readable CSV file: line {reader.line_num}: {error}")]
    if not rows:
        return [failed(file, FORMAT, "the file is empty")]
    header = rows[0]
    kind = export_kind(header)
    if kind is None:
        found = ", ".join(column.strip()[:40] for column in header[:12]) or "nothing"
        return [failed(file, FORMAT, "not a Letterboxd export: the header needs the columns Name, Year and "
                       f"Letterboxd URI (found: {found})")]
    problem = _duplicate_known(header)
    if problem is None and len(header) > MAX_COLUMNS:
        problem = f"the header has {len(header)} columns, over the limit of {MAX_COLUMNS} for a Letterboxd export"
    if problem is None and len(rows) - 1 > MAX_ROWS:
        problem = f"the export has {len(rows) - 1} rows, over the limit of {MAX_ROWS}; split it into smaller files"
    if problem is not None:
        return [failed(file, FORMAT, problem)]
    results: list[MigrationResult] = []
    without_text = 0
    names = _column_names(header)
    index: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        index.setdefault(name.lower(), position)
    for number_, values in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        if len(values) > MAX_COLUMNS:
            results.append(failed(file, FORMAT, f"row {number_} has {len(values)} cells, over the limit of "
                                  f"{MAX_COLUMNS} for a Letterboxd export; the row was not converted"))
            results[-1].part = f"row {number_}"
            continue
        row = _Row(names, index, values, number_, file, kind, starts[number_ - 1])
        has_text = bool(row.value("review"))
        if not has_text and not (options.include_unreviewed and row.value("rating")):
            without_text += 1
            continue
        results.append(_convert(row, options))
    if without_text:
        hint = "" if options.include_unreviewed else "; pass --include-unreviewed to write one review per rated film"
        counted = "1 row has" if without_text == 1 else f"{without_text} rows have"
        message = f"{counted} no review text and {'was' if without_text == 1 else 'were'} not converted{hint}"
        if results:
            results[0].add(Level.INFO, message)
        else:
            return [skipped(file, FORMAT, f"{kind}.csv-style export: {message}")]
    if not results:
        return [skipped(file, FORMAT, "the export holds no rows")]
    return results

