"""The closing summary line and per-rule statistics shared by the human formats."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reviewlint.diagnostics import Diagnostic, FixSafety, Severity

if TYPE_CHECKING:
    from reviewlint.engine import CheckResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(result: CheckResult) -> str:
    diagnostics = result.diagnostics
    checked = plural(len(result.files), "file")
    if not diagnostics:
        return f"No problems found ({checked} checked)"
    # The issue fixes the form: "N problems in M files (K files checked)". Only when some
    # findings are not errors (so the exit code may be 0) does the mix follow, after a colon.
    line = f"{plural(len(diagnostics), 'problem')} in {plural(result.problem_files(), 'file')} ({checked} checked)"
    by_severity = Counter(d.severity for d in diagnostics)
    if by_severity[Severity.ERROR] == len(diagnostics):
        return line
    parts = [plural(by_severity[s], s.label.replace("info", "info note")) for s in
             (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
    return f"{line}: {', '.join(parts)}"


def statistics_lines(result: CheckResult) -> list[str]:
    """`--statistics`: count, code, whether `--fix` repairs any of them (`[*]`), rule name,
    most frequent first (as ruff)."""
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    fixable = {(d.code, d.rule) for d in result.diagnostics if is_safe_fix(d)}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{count:>{width}}  {code}  {'[*]' if (code, rule) in fixable else '[ ]'}  {rule}"
            for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def is_safe_fix(diagnostic: Diagnostic) -> bool:
    """What `[*]` marks: a fix that plain `--fix` applies (as ruff, unsafe ones are not marked)."""
    return diagnostic.fix is not None and diagnostic.fix.safety is FixSafety.SAFE


def fixable_line(result: CheckResult) -> str | None:
    """ruff's footer: how many findings `--fix` repairs, and how many more need
    `--unsafe-fixes`. None when there is nothing to fix."""
    safe = sum(1 for d in result.diagnostics if is_safe_fix(d))
    unsafe = sum(1 for d in result.diagnostics if d.fix is not None and d.fix.safety is FixSafety.UNSAFE)
    if not safe and not unsafe:
        return None
    if not safe:
        return f"No fixes available with --fix ({unsafe} hidden {'fix' if unsafe == 1 else 'fixes'} " \
               "can be enabled with the --unsafe-fixes option)"
    line = f"[*] {safe} fixable with the --fix option"
    if unsafe:
        line += f" ({unsafe} hidden {'fix' if unsafe == 1 else 'fixes'} can be enabled with the --unsafe-fixes option)"
    return line
