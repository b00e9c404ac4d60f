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


def _render_with(name: str, diagnostics: list[Diagnostic], options: ReportOptions) -> list[str]:
    stream = io.StringIO()
    renderer(name)(CheckResult(files=[FileResult(path="r.yaml", diagnostics=diagnostics)]), stream, options)
    return stream.getvalue().splitlines()


def test_with_unsafe_fixes_given_unsafe_fixes_count_and_no_hint_to_add_it() -> None:
    diagnostics = [_diag("RL600", 1, FixSafety.SAFE), _diag("RL601", 2, FixSafety.UNSAFE)]
    lines = _render_with("text", diagnostics, ReportOptions(show_source=False, unsafe_fixes=True))
    assert lines[:2] == ["r.yaml:1:1: RL600 [*] problem RL600", "r.yaml:2:1: RL601 [*] problem RL601"]
    assert lines[-1] == "[*] 2 fixable with the --fix option"


def test_a_load_error_blocks_the_files_fixes_and_the_footer_says_so() -> None:
    duplicate = Diagnostic("RL002", "duplicate key `year` (first defined on line 6)", "r.yaml", 8, 3,
                           Severity.ERROR, "duplicate-key")
    diagnostics = [duplicate, _diag("RL600", 9, FixSafety.SAFE)]
    lines = _render_with("text", diagnostics, ReportOptions(show_source=False))
    assert "r.yaml:9:1: RL600 problem RL600" in lines  # no [*]: --fix will not touch this file
    assert lines[-1] == ("No fixes can be applied: 1 fix blocked by r.yaml:8:3 RL002 duplicate-key (--fix leaves a "
                         "file that does not load cleanly untouched: fix that by hand first)")


def test_quiet_prints_only_the_summary() -> None:
    lines = _render_with("text", [_diag("RL600", 1, FixSafety.SAFE)], ReportOptions(quiet=True))
    assert lines == ["1 problem in 1 file (1 file checked): 1 warning", "[*] 1 fixable with the --fix option"]
