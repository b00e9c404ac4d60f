"""`reviewlint migrate`: legacy reviews in, canonical YAML out, nothing lost.

One registry of readers (`registry`: plain-text, Markdown and HTML posts, WordPress and
Blogger exports, Letterboxd CSV, older YAML reviews), each with the same contract: a
name, the extensions it claims, a sniff, and a read that returns one result per review
with every input line accounted for and, for each value, where it came from. `upgrades`
moves YAML reviews from older schema versions to the current one. The command line is a
thin layer over `migrate_text`, `migrate_bytes` and `migrate_file`.
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
