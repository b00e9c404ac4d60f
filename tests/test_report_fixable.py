"""`[*]` marks only what plain --fix repairs, and the footer counts safe and unsafe fixes (as ruff)."""

from __future__ import annotations

import io

from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.engine import CheckResult, FileResult
from reviewlint.report import ReportOptions, renderer


def _diag(code: str, line: int, safety: FixSafety | None) -> Diagnostic:
    fix = None if safety is None else Fix("fix it", safety, (Edit(("film", "title"), "X"),))
    return Diagnostic(code=code, message=f"problem {code}", path="r.yaml", line=line, col=1,
                      severity=Severity.WARNING, rule="some-rule", fix=fix)


def _render(name: str, *safeties: FixSafety | None) -> list[str]:
    diagnostics = [_diag(f"RL60{n}", n + 1, s) for n, s in enumerate(safeties)]
    result = CheckResult(files=[FileResult(path="r.yaml", diagnostics=diagnostics)])
    stream = io.StringIO()
    renderer(name)(result, stream, ReportOptions(show_source=False))
    return stream.getvalue().splitlines()


def test_only_safe_fixes_are_marked_and_the_footer_counts_both() -> None:
    lines = _render("text", FixSafety.SAFE, FixSafety.UNSAFE, None)
    assert [line for line in lines if line.startswith("r.yaml")] == [
        "r.yaml:1:1: RL600 [*] problem RL600",
        "r.yaml:2:1: RL601 problem RL601",
        "r.yaml:3:1: RL602 problem RL602",
    ]
    assert lines[-1] == (
        "[*] 1 fixable with the --fix option (1 hidden fix can be enabled with the --unsafe-fixes option)")


def test_footer_when_only_unsafe_fixes_exist() -> None:
    assert _render("concise", FixSafety.UNSAFE, FixSafety.UNSAFE)[-1] == (
        "No fixes available with --fix (2 hidden fixes can be enabled with the --unsafe-fixes option)")


def test_no_footer_without_fixes() -> None:
    assert _render("concise", None)[-1] == "1 problem in 1 file (1 file checked): 1 warning"
