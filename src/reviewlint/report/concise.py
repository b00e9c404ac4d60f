"""`concise`: one line per finding, `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from reviewlint.report.summary import fixable_line, statistics_lines, summary_line
from reviewlint.report.text import printable

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    # As ruff: --statistics replaces the findings with a count per rule.
    for diagnostic in [] if options.statistics or options.quiet else result.diagnostics:
        # printable(): a key or path from the file must not drive the terminal.
        stream.write(printable(diagnostic.concise()) + "\n")
    if options.statistics:
        for line in statistics_lines(result, options.unsafe_fixes):
            stream.write(line + "\n")
    stream.write(summary_line(result) + "\n")
    footer = fixable_line(result, options.unsafe_fixes)
    if footer:
        stream.write(footer + "\n")
