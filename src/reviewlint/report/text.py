"""`text` (default): each finding with the source line under it and a caret marker."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.summary import statistics_lines, summary_line

if TYPE_CHECKING:
    from reviewlint.engine import CheckResult
    from reviewlint.report import ReportOptions

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _style(text: str, color: bool, **styles: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **styles)  # type: ignore[arg-type]


def _visible(line: str) -> str:
    """Tabs and invisible characters made visible so the caret lines up with them."""
    return line.replace("\t", " ").replace("\u00a0", "\u2423")


def excerpt(diagnostic: Diagnostic, lines: list[str], color: bool) -> list[str]:
    if not 1 <= diagnostic.line <= len(lines):
        return []
    source = _visible(lines[diagnostic.line - 1])
    number = str(diagnostic.line)
    gutter = " " * len(number)
    start = max(diagnostic.col - 1, 0)
    if diagnostic.end_line == diagnostic.line and diagnostic.end_col and diagnostic.end_col > diagnostic.col:
        width = diagnostic.end_col - diagnostic.col
    else:
        width = max(len(source.rstrip()) - start, 1)
    width = max(1, min(width, max(len(source) - start, 1)))
    severity_color = COLORS[diagnostic.severity]
    marker = _style("^" * width + " " + diagnostic.severity.label, color, fg=severity_color, bold=True)
    bar = _style("|", color, fg="blue")
    return [
        f" {gutter} {bar}",
        f" {_style(number, color, fg='blue')} {bar} {source}",
        f" {gutter} {bar} {' ' * start}{marker}",
    ]


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    for file in result.files:
        lines = file.document.lines if file.document is not None else None
        for diagnostic in file.diagnostics:
            location = _style(diagnostic.location(), options.color, bold=True)
            code = _style(diagnostic.code, options.color, fg=COLORS[diagnostic.severity], bold=True)
            fixable = " [*]" if diagnostic.fix is not None else ""
            stream.write(f"{location}: {code}{fixable} {diagnostic.message}\n")
            if options.show_source:
                if lines is None:
                    lines = _read_lines(file.path)
                for line in excerpt(diagnostic, lines, options.color):
                    stream.write(line.rstrip() + "\n")
                stream.write("\n")
    if options.statistics:
        for line in statistics_lines(result):
            stream.write(line + "\n")
    stream.write(_style(summary_line(result), options.color, bold=True) + "\n")


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []
