"""The closing summary line and per-rule statistics shared by the human formats."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reviewlint.diagnostics import Severity

if TYPE_CHECKING:
    from reviewlint.engine import CheckResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(result: CheckResult) -> str:
    diagnostics = result.diagnostics
    checked = plural(len(result.files), "file")
    if not diagnostics:
        return f"No problems found ({checked} checked)"
    by_severity = Counter(d.severity for d in diagnostics)
    parts = [plural(by_severity[s], s.label.replace("info", "info note")) for s in
             (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
    return (f"{plural(len(diagnostics), 'problem')} ({', '.join(parts)}) in "
            f"{plural(result.problem_files(), 'file')} ({checked} checked)")


def statistics_lines(result: CheckResult) -> list[str]:
    """`--statistics`: count, code, rule name, most frequent first (as ruff)."""
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{count:>{width}}  {code}  {rule}" for (code, rule), count in
            sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
