"""What a reader hands back: the canonical mapping, the ledger, and what to tell the user."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from reviewlint.migrate.accounting import Accounting


class Level(enum.Enum):
    """INFO explains a reading the user may want to know about; WARNING needs their
    attention (text kept under `notes`, a fact the source does not state, a fallback
    encoding); ERROR means no review could be produced."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Issue:
    level: Level
    message: str
    line: int | None = None

    def describe(self, unit: str = "line") -> str:
        where = f"{unit} {self.line}: " if self.line is not None else ""
        return f"{where}{self.message}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one value came from: `film.title <- line 3 'Oldboy (2003) dir. ...' (title line)`."""

    field: str
    line: int
    text: str
    form: str

    def describe(self, width: int = 60) -> str:
        shown = self.text.strip()
        if len(shown) > width:
            shown = shown[: width - 3].rstrip() + "..."
        return f"{self.field} <- line {self.line} {shown!r} ({self.form})"


class Status(enum.Enum):
    # A review converted with WARNING-level issues; the report calls these "notes" so
    # they are never confused with the warnings `reviewlint check` finds in the output.
    CONVERTED = "converted"
    WARNINGS = "with notes"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(slots=True)
class MigrationResult:
    """One review produced from a source (a CSV file yields one result per row)."""

    source: str
    format: str
    data: dict[str, Any] | None
    accounting: Accounting
    issues: list[Issue] = field(default_factory=list)
    # The output file's name without extension, before sanitising ("ballerina", "Parasite 2019").
    name_hint: str = "review"
    # Which part of the source this is ("row 3"), for sources that hold several reviews.
    part: str | None = None
    encoding: str = "utf-8"
    # Output text prepared by the reader itself (schema upgrades keep the file's own
    # layout and comments); when None, the writer emits `data` canonically.
    rendered: str | None = None
    # For sources read through an extraction step (HTML): ledger line -> line in the file.
    line_map: dict[int, int] | None = None
    # Set when the source held nothing to convert (a Letterboxd watchlist): not a failure.
    skipped: str | None = None
    # Where each value came from, in the order the extractor recorded them (`-v` prints them).
    provenance: list[Provenance] = field(default_factory=list)

    @property
    def status(self) -> Status:
        if self.skipped is not None and self.data is None:
            return Status.SKIPPED
        if self.data is None or any(issue.level is Level.ERROR for issue in self.issues):
            return Status.FAILED
        if any(issue.level is Level.WARNING for issue in self.issues):
            return Status.WARNINGS
        return Status.CONVERTED

    def add(self, level: Level, message: str, line: int | None = None) -> None:
        self.issues.append(Issue(level, message, line))

    def record_source(self, field: str, line: int, text: str, form: str) -> None:
        """Record that `field` ("film.title") was read from 1-based `line` of the input file,
        whose text is `text`, in the form `form` ("title line", "label `Director:`")."""
        self.provenance.append(Provenance(field, line, text, form))

    @property
    def label(self) -> str:
        return f"{self.source} ({self.part})" if self.part else self.source


def failed(source: str, format: str, message: str, lines: list[str] | None = None) -> MigrationResult:
    result = MigrationResult(source=source, format=format, data=None, accounting=Accounting(lines or []))
    result.add(Level.ERROR, message)
    return result


def skipped(source: str, format: str, message: str) -> MigrationResult:
    result = MigrationResult(source=source, format=format, data=None, accounting=Accounting([]))
    result.skipped = message
    return result
