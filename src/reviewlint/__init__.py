"""reviewlint: schema validation, linting, formatting and migration for film reviews in YAML.

The public API. The command line is a thin layer over these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Any

__all__ = [
    "CheckResult",
    "Diagnostic",
    "FileResult",
    "Severity",
    "__version__",
    "check_bytes",
    "check_paths",
    "check_text",
    "emit_canonical",
    "format_text",
]

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult, check_bytes, check_paths, check_text


def __getattr__(name: str) -> Any:
    # The formatter is imported on first use only: checking must not pay for it.
    if name in ("format_text", "emit_canonical"):
        from reviewlint import formatting

        return getattr(formatting, name)
    raise AttributeError(f"module 'reviewlint' has no attribute {name!r}")
