"""Dates as blogs print them -> ISO 8601. Only unambiguous forms: "2024-03-04", "March 4,
2024", "4 March 2024", "Monday, March 4, 2024", "2024/03/04", "2023-12-01 20:15:00 +0000",
"10/27/2020" (27 can only be the day). "04/03/2024" could be April or March, so it is not
read at all."""

from __future__ import annotations

import datetime
import re

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_ISO = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
                  r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$", re.IGNORECASE)
# 10/27/2020 or 27.10.2020: readable only when one of the first two numbers is above 12.
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})$")
_MONTH_FIRST = re.compile(rf"^{_WEEKDAY}(?P<month>[a-z]+)\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$",
                          re.IGNORECASE)
_DAY_FIRST = re.compile(
    rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?,?\s+(?P<y>\d{{4}})$", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    value = text.strip().rstrip(".")
    match = _ISO.match(value)
    numeric = _NUMERIC.match(value)
    if match:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    elif numeric:
        first, second = int(numeric["a"]), int(numeric["b"])
        if (first > 12) == (second > 12):
            return None  # 04/03/2024: April or March? Not read.
        year = int(numeric["y"])
        month, day = (second, first) if first > 12 else (first, second)
    else:
        match = _MONTH_FIRST.match(value) or _DAY_FIRST.match(value)
        if match is None or match["month"].lower() not in _MONTHS:
            return None
        year, month, day = int(match["y"]), _MONTHS[match["month"].lower()], int(match["d"])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


_NO_YEAR = re.compile(
    rf"^{_WEEKDAY}(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?"
    rf"|(?P<month2>[a-z]+)\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)$", re.IGNORECASE)


def is_date_without_year(text: str) -> bool:
    """"Saturday 30 October", "March 4th": a day and month with no year (a screening, a
    posting day): read as no date at all, and never as a title."""
    match = _NO_YEAR.match(text.strip().rstrip("."))
    if match is None:
        return False
    month = (match["month"] or match["month2"] or "").lower()
    return month in _MONTHS
