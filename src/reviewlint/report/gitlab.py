"""`gitlab`: a GitLab Code Quality report, for `artifacts: reports: codequality:`.

    [{"description": "RL103 `year` must be ...", "check_name": "RL103", "fingerprint": "…",
      "severity": "major", "location": {"path": "reviews/a.yaml", "positions": {...}}}]

GitLab shows the description but not `check_name`, so the description starts with the
code (as ruff's emitter does). Paths are relative to the project (CI_PROJECT_DIR, else the
working directory) with no `./`, or the finding attaches to no file.

GitLab compares the fingerprints of a merge request's report with its target branch's to
tell new findings from fixed ones, and shows only one finding per fingerprint. So a
fingerprint is a stable hash (the same on every machine and run) of what identifies the
finding (see `report.identity`: file, code, JSON path and message with its line numbers
normalised away), so an edit above a finding does not make it new; two findings that still
coincide get a counter.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.github import workspace_relative
from reviewlint.report.identity import fingerprints

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

# GitLab's scale is info, minor, major, critical, blocker; a review's errors are not
# outages, so they rank "major" and leave the top of the scale to tools that mean it.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def project_root() -> Path:
    directory = os.environ.get("CI_PROJECT_DIR")
    return Path(directory) if directory else Path.cwd()


def issue(diagnostic: Diagnostic, path: str, mark: str) -> dict[str, Any]:
    begin = {"line": diagnostic.line, "column": diagnostic.col}
    positions: dict[str, Any] = {"begin": begin}
    if diagnostic.end_line is not None:
        positions["end"] = {"line": diagnostic.end_line, "column": diagnostic.end_col or diagnostic.col}
    return {
        "description": f"{diagnostic.code} {diagnostic.message}",
        "check_name": diagnostic.code,
        "fingerprint": mark,
        "severity": SEVERITIES[diagnostic.severity],
        "location": {"path": path, "positions": positions},
    }


def issues(result: CheckResult, root: Path | None = None) -> list[dict[str, Any]]:
    base = root or project_root()
    pairs = [(diagnostic, workspace_relative(diagnostic.path, base)) for diagnostic in result.diagnostics]
    return [issue(diagnostic, path, mark) for (diagnostic, path), mark in zip(pairs, fingerprints(pairs), strict=True)]


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(issues(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
