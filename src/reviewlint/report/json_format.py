"""`json`: a stable, documented object (see README, "JSON output")."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from reviewlint._version import __version__
from reviewlint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

FORMAT_VERSION = 1


def json_path(path: tuple[str | int, ...]) -> str:
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.col,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_col,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "json_path": json_path(diagnostic.json_path) if diagnostic.json_path else None,
        "fix": None if diagnostic.fix is None else {
            "applicability": diagnostic.fix.safety.value,
            "description": diagnostic.fix.description,
        },
    }


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    diagnostics = result.diagnostics
    by_severity = Counter(d.severity for d in diagnostics)
    document = {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "reviewlint", "version": __version__},
        "summary": {
            "files_checked": len(result.files),
            "files_with_problems": result.problem_files(),
            "problems": len(diagnostics),
            "errors": by_severity[Severity.ERROR],
            "warnings": by_severity[Severity.WARNING],
            "info": by_severity[Severity.INFO],
        },
        "diagnostics": [diagnostic_dict(d) for d in diagnostics],
    }
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
