"""Running times as written -> whole minutes: "1h 32m", "1 hr 32 min", "92 min", "1:32"."""

from __future__ import annotations

import re

_HOURS = r"(?:h|hr|hrs|hour|hours)"
_MINUTES = r"(?:m|min|mins|minute|minutes)"
_HOURS_MINUTES = re.compile(
    rf"^(?P<hours>\d{{1,2}})\s*{_HOURS}\.?(?:\s*,?\s*(?:and\s+)?(?P<minutes>\d{{1,2}})\s*{_MINUTES}\.?)?$",
    re.IGNORECASE)
_MINUTES_ONLY = re.compile(rf"^(?P<minutes>\d{{1,4}})\s*{_MINUTES}\.?$", re.IGNORECASE)
_CLOCK = re.compile(r"^(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)$")
_BARE = re.compile(r"^(?P<minutes>\d{2,4})$")

MAX_MINUTES = 1000  # the schema's bound: longer is a typo or not a film


def parse_runtime(text: str) -> tuple[int, bool] | None:
    """(minutes, unit_inferred) for a running time, or None. A bare number of 20 or more is
    read as minutes (no film runs twenty hours) and flagged as inferred."""
    value = text.strip().rstrip(".")
    minutes: int | None = None
    inferred = False
    match = _HOURS_MINUTES.match(value) or _CLOCK.match(value)
    if match:
        minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
    elif match := _MINUTES_ONLY.match(value):
        minutes = int(match["minutes"])
    elif (match := _BARE.match(value)) and int(match["minutes"]) >= 20:
        minutes, inferred = int(match["minutes"]), True
    if minutes is None or not 1 <= minutes <= MAX_MINUTES:
        return None
    return minutes, inferred
