"""A progress line for long runs, on an interactive terminal only.

`reviewlint check` on thousands of files takes seconds; a line on standard error such as
`checking 1200/3000 files` says it is working. It never reaches a pipe, a file or a CI
log: it is shown only when standard error is a terminal, `CI` is not set and `TERM` is
not `dumb`, only after the run has taken a moment (short runs stay silent), at most ten
times a second, and it is erased before the report is printed.
"""

from __future__ import annotations

import os
import time
from typing import TextIO

DELAY_SECONDS = 0.5  # silent for runs shorter than this
INTERVAL_SECONDS = 0.1


def wanted(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Whether a progress line belongs on `stream`."""
    env = os.environ if environ is None else environ
    if env.get("CI") or env.get("TERM") == "dumb" or env.get("REVIEWLINT_NO_PROGRESS"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Counts files as they finish; draws `checking N/TOTAL files` in place."""

    def __init__(self, stream: TextIO, total: int, *, enabled: bool | None = None) -> None:
        self.stream = stream
        self.total = total
        self.enabled = wanted(stream) if enabled is None else enabled
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.width = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY_SECONDS or now - self.drawn_at < INTERVAL_SECONDS:
            return
        self.drawn_at = now
        text = f"checking {self.done}/{self.total} files"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def finish(self) -> None:
        """Erase the line, so the report starts on a clean one."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


__all__ = ["Progress", "wanted"]
