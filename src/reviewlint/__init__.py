"""reviewlint: schema validation, linting, formatting and migration for film reviews in YAML.

The public API. The command line is a thin layer over these functions.
"""

from __future__ import annotations

from typing import Any

from reviewlint._version import __version__

__all__ = [
    "CheckResult",
    "Diagnostic",
    "FileResult",
    "MigrateOptions",
    "Settings",
    "SettingsLookup",
    "Severity",
    "__version__",
    "check_bytes",
    "check_paths",
    "check_stream",
    "check_text",
    "emit_canonical",
    "exit_code",
    "export_paths",
    "fix_paths",
    "format_paths",
    "format_stream",
    "format_text",
    "migrate_bytes",
    "migrate_file",
    "migrate_text",
]

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult, check_bytes, check_paths, check_text

_LAZY = {
    "Settings": "reviewlint.settings",
    "SettingsLookup": "reviewlint.config",
    "check_stream": "reviewlint.api",
    "exit_code": "reviewlint.api",
    "export_paths": "reviewlint.api",
    "format_paths": "reviewlint.api",
    "format_stream": "reviewlint.api",
    "fix_paths": "reviewlint.fixing",
    "format_text": "reviewlint.formatting",
    "emit_canonical": "reviewlint.formatting",
    "migrate_text": "reviewlint.migrate",
    "migrate_bytes": "reviewlint.migrate",
    "migrate_file": "reviewlint.migrate",
    "MigrateOptions": "reviewlint.migrate",
}


def __getattr__(name: str) -> Any:
    # The formatter and the migrators are imported on first use only: checking must not pay for them.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'reviewlint' has no attribute {name!r}")
