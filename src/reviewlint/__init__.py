"""reviewlint: schema validation, linting, formatting and migration for film reviews in YAML.

The public API. The command line is a thin layer over these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "Diagnostic",
    "FileResult",
    "Severity",
    "__version__",
    "check_bytes",
    "check_paths",
    "check_text",
]

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult, check_bytes, check_paths, check_text
