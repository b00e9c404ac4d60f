"""`concise`: one line per finding, `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from reviewlint.report.summary import statistics_lines, summary_line

if TYPE_CHECKING:
    from reviewlint.engine import CheckResult
    from reviewlint.report import ReportOptions


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    for diagnostic in result.diagnostics:
        stream.write(diagnostic.concise() + "\n")
    if options.statistics:
        for line in statistics_lines(result):
            stream.write(line + "\n")
    stream.write(summary_line(result) + "\n")
