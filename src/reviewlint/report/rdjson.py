"""`rdjson`: the Reviewdog Diagnostic Format, for `reviewdog -f=rdjson`.

    {"source": {"name": "reviewlint", "url": ...}, "diagnostics": [{"message": ..., "location":
      {"path": ..., "range": {"start": {"line": 4, "column": 9}, "end": ...}}, "severity": "ERROR",
      "code": {"value": "RL103", "url": ...}}]}

The format counts columns in UTF-8 bytes (reviewdog's `Position.column`), where reviewlint
counts code points, so each column is converted on the finding's source line. A safe fix
that replaces a scalar is not offered as a suggestion: fixes work on the data tree and are
written by the formatter, so their text is known only after `check --fix`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.links import PROJECT_URL, rule_docs_url
from reviewlint.report.github import workspace_relative, workspace_root
from reviewlint.report.text import source_lines

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

SOURCE = {"name": "reviewlint", "url": PROJECT_URL}
SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def byte_column(line_text: str | None, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column on `line_text`."""
    if line_text is None or column <= 1:
        return max(column, 1)
    before = line_text[:column - 1]
    extra = column - 1 - len(before)  # past the end of the line (a syntax error at its end)
    return len(before.encode("utf-8", "surrogatepass")) + extra + 1


def _position(lines: list[str] | None, line: int, column: int) -> dict[str, int]:
    text = lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None
    return {"line": max(line, 1), "column": byte_column(text, column)}


def diagnostic_dict(diagnostic: Diagnostic, path: str, lines: list[str] | None) -> dict[str, Any]:
    found_range: dict[str, Any] = {"start": _position(lines, diagnostic.line, diagnostic.col)}
    if diagnostic.end_line is not None and diagnostic.end_col is not None:
        found_range["end"] = _position(lines, diagnostic.end_line, diagnostic.end_col)
    code: dict[str, str] = {"value": diagnostic.code}
    if diagnostic.rule:
        code["url"] = rule_docs_url(diagnostic.rule)
    return {
        "message": diagnostic.message,
        "location": {"path": path, "range": found_range},
        "severity": SEVERITIES[diagnostic.severity],
        "code": code,
    }


def build(result: CheckResult) -> dict[str, Any]:
    root = workspace_root()
    diagnostics: list[dict[str, Any]] = []
    for file in result.files:
        lines = source_lines(file) if file.diagnostics else None
        path = workspace_relative(file.path, root)
        diagnostics.extend(diagnostic_dict(diagnostic, path, lines) for diagnostic in file.diagnostics)
    for missing in result.missing:
        diagnostics.append({"message": "no such file or directory",
                            "location": {"path": workspace_relative(missing, root)}, "severity": "ERROR"})
    return {"source": SOURCE, "diagnostics": diagnostics}


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(build(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
