"""What a check returns: one FileResult per file, gathered in a CheckResult.

Reporters, exporters and callers of the API read these; they sit below the engine so
that nothing which only reads results has to import the machinery that makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewlint.diagnostics import Diagnostic
from reviewlint.discovery import Skipped
from reviewlint.document import Document


@dataclass(slots=True)
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_error: bool = False
    fixes_applied: int = 0
    # The document, only when the caller asked to keep it (the fixer needs it).
    document: Document | None = None
    # Set when a cache is in use: the entry key, and whether the result came from it.
    cache_key: str | None = None
    cached: bool = False


@dataclass(slots=True)
class CheckResult:
    files: list[FileResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Said on the terminal before the report (an invalid .gitignore line skipped, say).
    warnings: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def internal_error(self) -> bool:
        return any(f.internal_error for f in self.files)

    def problem_files(self) -> int:
        return sum(1 for f in self.files if f.diagnostics)
