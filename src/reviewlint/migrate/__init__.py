"""`reviewlint migrate`: legacy reviews in, canonical YAML out, nothing lost.

One reader per legacy source (blog text, Markdown, HTML, Letterboxd CSV) turns the input
into a canonical mapping plus an accounting of every input line; `upgrades` moves YAML
reviews from older schema versions to the current one. The command line is a thin layer
over `migrate_text`, `migrate_bytes` and `migrate_file`.
"""

from __future__ import annotations

from reviewlint.migrate.accounting import Accounting, Fate, LineRecord
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.readers import FORMATS, detect_format, migrate_bytes, migrate_file, migrate_text
from reviewlint.migrate.result import Issue, Level, MigrationResult, Status

__all__ = [
    "FORMATS",
    "Accounting",
    "Fate",
    "Issue",
    "Level",
    "LineRecord",
    "MigrateOptions",
    "MigrationResult",
    "Status",
    "detect_format",
    "migrate_bytes",
    "migrate_file",
    "migrate_text",
]
