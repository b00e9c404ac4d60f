"""Diagnostics: what every stage of reviewlint produces and every reporter consumes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_level` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; expected one of: error, warning, info") from None


class FixSafety(enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the document's data: set `path` to `value`, or delete it.

    Fixes work on the data tree, never on text, so the formatter can apply them on a
    round-trip tree and keep comments (yamlfix's regex passes are what we avoid).
    """

    path: tuple[str | int, ...]
    value: Any = None
    delete: bool = False


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    safety: FixSafety
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based; `end_*` is exclusive of nothing:
    it names the last character's position plus one column, as SARIF regions do."""

    code: str
    message: str
    path: str
    line: int
    col: int
    severity: Severity = Severity.ERROR
    rule: str = ""
    end_line: int | None = None
    end_col: int | None = None
    fix: Fix | None = None
    # The JSON path of the value concerned, when there is one (for reporters and tests).
    json_path: tuple[str | int, ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def concise(self) -> str:
        return f"{self.location()}: {self.code} {self.message}"
