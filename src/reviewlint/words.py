"""Words for messages: one plural, one did-you-mean, one way to cut a value short."""

from __future__ import annotations

import functools
from collections.abc import Iterable


def plural(count: int, noun: str) -> str:
    """`1 file`, `2 files`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def did_you_mean(word: str, candidates: Iterable[str], *, quote: str = "`", cutoff: float = 0.6) -> str:
    """`; did you mean `x`?` naming the closest candidate, or "" when none is close."""
    match = _closest(word, tuple(candidates), cutoff)
    return f"; did you mean {quote}{match}{quote}?" if match is not None else ""


@functools.lru_cache(maxsize=1024)
def _closest(word: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    """Remembered: a file may repeat one mistake thousands of times (difflib costs ~1 ms)."""
    import difflib  # not at start-up: only a message with a typo needs it

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters with "..." (a value from a file is never expanded
    whole into a message: it may be megabytes)."""
    return text if len(text) <= limit else text[:limit - 3] + "..."
