"""The closing summary line and per-rule statistics shared by the human formats."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reviewlint.diagnostics import Diagnostic, FixSafety, Severity
from reviewlint.words import plural

if TYPE_CHECKING:
    from reviewlint.results import CheckResult, FileResult


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


def statistics_lines(result: CheckResult, unsafe_fixes: bool = False) -> list[str]:
    """`--statistics`: count, code, whether `--fix` repairs any of them (`[*]`), rule name,
    most frequent first (as ruff)."""
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    fixable = {(d.code, d.rule) for file in result.files if not blocking_errors(file) for d in file.diagnostics
               if is_applied_fix(d, unsafe_fixes)}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{count:>{width}}  {code}  {'[*]' if (code, rule) in fixable else '[ ]'}  {rule}"
            for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def is_safe_fix(diagnostic: Diagnostic) -> bool:
    """What `[*]` marks: a fix that plain `--fix` applies (as ruff, unsafe ones are not marked)."""
    return diagnostic.fix is not None and diagnostic.fix.safety is FixSafety.SAFE


def is_applied_fix(diagnostic: Diagnostic, unsafe_fixes: bool) -> bool:
    """A fix `--fix` applies with the run's `--unsafe-fixes` choice."""
    if diagnostic.fix is None:
        return False
    return diagnostic.fix.safety is FixSafety.SAFE or (unsafe_fixes and diagnostic.fix.safety is FixSafety.UNSAFE)


def blocking_errors(file: FileResult) -> list[Diagnostic]:
    """The load errors (a duplicate key, a syntax error...) or internal error that keep
    `--fix` from touching a file: its fixes are not on offer until they are fixed by hand."""
    from reviewlint.document import LOAD_RULE_NAMES

    return [d for d in file.diagnostics
            if (d.code in LOAD_RULE_NAMES or d.code == "RL999") and d.severity is Severity.ERROR]


def _fixes(count: int) -> str:
    return "fix" if count == 1 else "fixes"


def fixable_line(result: CheckResult, unsafe_fixes: bool = False) -> str | None:
    """ruff's footer: how many findings `--fix` repairs, and how many more need
    `--unsafe-fixes` (not said when it was given). Fixes in a file that `--fix` will not
    touch (it did not load cleanly) are counted apart, with the error that blocks them.
    None when there is nothing to fix."""
    safe = unsafe = 0
    blocked: list[tuple[int, Diagnostic]] = []
    for file in result.files:
        offered = [d for d in file.diagnostics if d.fix is not None and d.fix.safety is not FixSafety.NONE]
        blockers = blocking_errors(file) if offered else []
        if blockers:
            blocked.append((len(offered), blockers[0]))
            continue
        safe += sum(1 for d in offered if is_applied_fix(d, unsafe_fixes))
        unsafe += sum(1 for d in offered if not is_applied_fix(d, unsafe_fixes))
    parts = []
    if safe:
        parts.append(f"[*] {safe} fixable with the --fix option")
    elif unsafe:
        parts.append("No fixes available with --fix")
    if unsafe:
        parts.append(f"({unsafe} hidden {_fixes(unsafe)} can be enabled with the --unsafe-fixes option)")
    if blocked:
        count = sum(number for number, _ in blocked)
        first = blocked[0][1]
        where = f"{first.location()} {first.code}" + (f" {first.rule}" if first.rule else "")
        others = f" and {plural(len(blocked) - 1, 'more file')}" if len(blocked) > 1 else ""
        lead = "" if parts else "No fixes can be applied: "
        parts.append(f"{lead}{count} {_fixes(count)} blocked by {where}{others} (--fix leaves a file that does not "
                     "load cleanly untouched: fix that by hand first)")
    return " ".join(parts) if parts else None
