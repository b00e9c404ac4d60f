"""Inline suppressions and config selection applied to a file's diagnostics."""

from __future__ import annotations

from reviewlint.config import Settings
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document


def apply(document: Document, diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    return [d for d in diagnostics if settings.is_enabled(d.code, d.rule)]
