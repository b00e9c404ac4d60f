"""`github`: GitHub Actions workflow commands, one annotation per finding.

    ::error title=reviewlint (RL103),file=reviews/a.yaml,line=4,col=9,endLine=4,endColumn=15::reviews/a.yaml:4:9: ...

The shape and the escaping follow the Actions toolkit (`@actions/core`, `command.ts` and
`utils.ts`): data escapes `%`, CR and LF; property values also escape `:` and `,`. Paths
are relative to the repository root (GITHUB_WORKSPACE, else the working directory) with
no `./`, or the annotation lands on no file. `col`/`endColumn` are left out of spans that
cross lines, which GitHub would otherwise misplace. The message repeats `path:line:col:
CODE`, because the log view shows the message but not the properties.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.text import printable

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_root() -> Path:
    """The repository root annotations and SARIF locations are relative to."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    return Path(workspace) if workspace else Path.cwd()


def workspace_relative(path: str, root: Path | None = None) -> str:
    """`path` relative to the repository root, with forward slashes and no `./`; a path
    outside the root stays absolute (a relative `../x` would name no file in the repo)."""
    base = os.path.abspath(root or workspace_root())
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, base)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def annotation(diagnostic: Diagnostic, root: Path | None = None) -> str:
    path = workspace_relative(diagnostic.path, root)
    properties = [("title", f"reviewlint ({diagnostic.code})"), ("file", path), ("line", str(diagnostic.line))]
    end_line = diagnostic.end_line
    single_line = end_line is None or end_line == diagnostic.line
    if single_line:
        properties.append(("col", str(diagnostic.col)))
    if end_line is not None:
        properties.append(("endLine", str(end_line)))
        if single_line and diagnostic.end_col is not None:
            properties.append(("endColumn", str(diagnostic.end_col)))
    props = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    message = f"{path}:{diagnostic.line}:{diagnostic.col}: {diagnostic.code} {diagnostic.message}"
    # printable() after escaping: the rest of the control characters must not reach the log.
    return printable(f"::{COMMANDS[diagnostic.severity]} {props}::{escape_data(message)}")


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    root = workspace_root()
    for diagnostic in result.diagnostics:
        stream.write(annotation(diagnostic, root) + "\n")
