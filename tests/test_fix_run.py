"""fix_paths (what `check --fix` and `check --diff` call) with hand-made findings.

The rules that produce fixes are tested with the rules; here the only rule finds what the
test hands it in the file's first text (each Diagnostic carrying a Fix built by the test),
so the fixer's own behaviour is pinned exactly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import valid_review_text
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.engine import CheckResult, FileResult, SettingsLookup
from reviewlint.fixing import FixOutcome, choose, fix_paths
from reviewlint.formatting import emit_canonical, format_text

OLD = 1_000_000_000
BASE = format_text(valid_review_text())  # canonical: any change below is the fix's
LOGLINE = ("review", "logline")


# The findings the one rule reports, by the text it finds them in.
PLANTED: dict[str, list[Diagnostic]] = {}


@pytest.fixture(autouse=True)
def planted_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load and schema checks, and the findings planted for a text: the only fixable ones."""
    import reviewlint.runner

    PLANTED.clear()
    monkeypatch.setattr(reviewlint.runner, "run_rules",
                        lambda document, settings: (list(PLANTED.get(document.text, [])), False))


def lookup() -> SettingsLookup:
    return SettingsLookup(isolated=True)


def finding(path: Path, fix: Fix | None, code: str = "RL601") -> Diagnostic:
    return Diagnostic(code=code, message="test finding", path=str(path), line=1, col=1,
                      severity=Severity.WARNING, rule="test-rule", fix=fix)


def safe(description: str, *edits: Edit) -> Fix:
    return Fix(description, FixSafety.SAFE, edits)


def unsafe(description: str, *edits: Edit) -> Fix:
    return Fix(description, FixSafety.UNSAFE, edits)


def review_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(OLD, OLD))
    return path


def run(path: Path, *fixes: Fix | None, unsafe_fixes: bool = False, diff_only: bool = False,
        extra: list[Diagnostic] | None = None) -> tuple[FixOutcome, CheckResult, str, str]:
    """fix_paths on `path` with `fixes` (and `extra` findings) planted in its text:
    (outcome, result, the diffs, the messages)."""
    PLANTED[path.read_text(encoding="utf-8")] = [finding(path, fix) for fix in fixes] + (extra or [])
    result, outcome = fix_paths([str(path)], settings_for=lookup(), unsafe=unsafe_fixes, diff_only=diff_only)
    return outcome, result, "".join(outcome.diffs), "".join(message + "\n" for message in outcome.messages)


def with_logline(text: str) -> str:
    headline = '  headline: "Quiet Harbour: a lighthouse and the town that forgets it"\n'
    return BASE.replace(headline, f"{headline}  logline: {text}\n", 1)


def test_a_safe_fix_is_applied_with_the_canonical_layout(tmp_path: Path) -> None:
    path = review_file(tmp_path, with_logline("Two\u00a0keepers  # the logline"))
    outcome, result, out, err = run(path, safe("replace no-break spaces", Edit(LOGLINE, "Two keepers")))
    written = path.read_text(encoding="utf-8")
    assert written == format_text(with_logline("Two keepers  # the logline"))
    assert "  logline: Two keepers  # the logline\n" in written
    assert err == f"Fixed 1 problem in {path}\n1 problem fixed, 1 file rewritten.\n"
    assert out == ""
    assert (outcome.would_change, outcome.errors, outcome.files_changed, outcome.fixes_applied) == (True, False, 1, 1)
    assert result.files[0].fixes_applied == 1
    assert [d.code for d in result.files[0].diagnostics] == []  # re-checked: the finding is gone


def test_unsafe_fixes_wait_for_unsafe_fixes(tmp_path: Path) -> None:
    text = BASE.replace("content_warnings: []", "content_warnings:\n  - strong language")
    path = review_file(tmp_path, text)
    fix = unsafe("use the vocabulary slug", Edit(("content_warnings", 0), "profanity"))
    outcome, _result, _out, err = run(path, fix)
    assert outcome.fixes_applied == 0
    assert "strong language" in path.read_text(encoding="utf-8")
    outcome, _result, _out, err = run(path, fix, unsafe_fixes=True)
    assert outcome.fixes_applied == 1
    assert "  - profanity\n" in path.read_text(encoding="utf-8")
    assert err.startswith(f"Fixed 1 problem in {path}\n")


def test_a_fix_with_no_safety_is_never_applied(tmp_path: Path) -> None:
    path = review_file(tmp_path, BASE)
    outcome, _result, _out, err = run(path, Fix("explain only", FixSafety.NONE, (Edit(LOGLINE, "x"),)),
                                      unsafe_fixes=True)
    assert (outcome.would_change, outcome.fixes_applied, err) == (False, 0, "")
    assert path.stat().st_mtime_ns == OLD


def test_diff_only_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = review_file(tmp_path, with_logline("Two\u00a0keepers"))
    outcome, _result, out, err = run(path, safe("nbsp", Edit(LOGLINE, "Two keepers")), diff_only=True)
    assert outcome.would_change
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ")
    assert "-  logline: Two\u00a0keepers\n+  logline: Two keepers\n" in out
    assert err == "1 problem would be fixed, 1 file would be rewritten.\n"
    assert path.stat().st_mtime_ns == OLD


def test_overlapping_fixes_are_not_applied_together() -> None:
    first = safe("a", Edit(("review",), {"body": ["x"]}))
    inside = safe("b", Edit(("review", "body", 0), "y"))
    elsewhere = safe("c", Edit(("film", "title"), "T"))
    delete_item = safe("d", Edit(("content_warnings", 0), delete=True))
    sibling = safe("e", Edit(("content_warnings", 2), "gore"))
    assert choose([first, inside, elsewhere, delete_item, sibling]) == [first, elsewhere, delete_item]


def test_two_fixes_for_one_value_apply_once(tmp_path: Path) -> None:
    path = review_file(tmp_path, with_logline("Two\u00a0keepers"))
    outcome, _result, _out, _err = run(path, safe("a", Edit(LOGLINE, "Two keepers")),
                                       safe("b", Edit(LOGLINE, "Two Keepers")))
    assert outcome.fixes_applied == 1
    assert "  logline: Two keepers\n" in path.read_text(encoding="utf-8")


def test_a_fix_that_does_not_fit_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = review_file(tmp_path, BASE)
    outcome, _result, _out, err = run(path, safe("bad path", Edit(("review", "body", 9), "x")))
    assert outcome.fixes_applied == 0
    assert err.startswith(f"reviewlint: warning: {path}: fix not applied (bad path: no item at review/body/9)\n")


def test_a_file_in_canonical_layout_without_fixes_is_not_touched(tmp_path: Path) -> None:
    canonical = format_text(BASE)
    path = review_file(tmp_path, canonical)
    outcome, _result, _out, err = run(path, None)
    assert (outcome.would_change, err) == (False, "")
    assert path.stat().st_mtime_ns == OLD


def test_a_messy_file_without_fixes_is_reformatted(tmp_path: Path) -> None:
    path = review_file(tmp_path, valid_review_text())
    outcome, result, _out, err = run(path, None)
    assert err == f"Reformatted {path}\n0 problems fixed, 1 file rewritten.\n"
    assert path.read_text(encoding="utf-8") == BASE
    assert result.files[0].fixes_applied == 0
    assert outcome.files_changed == 1


@pytest.mark.parametrize("code", ["RL001", "RL002", "RL003", "RL007"])
def test_files_with_load_errors_are_never_touched(tmp_path: Path, code: str) -> None:
    path = review_file(tmp_path, "film:   \n    title: x\n")
    load_error = Diagnostic(code=code, message="load problem", path=str(path), line=1, col=1)
    outcome, _result, _out, err = run(path, safe("x", Edit(("film", "title"), "y")), extra=[load_error])
    assert (outcome.would_change, err) == (False, "")
    assert path.stat().st_mtime_ns == OLD


def test_a_verify_failure_leaves_the_file_and_reports_an_internal_error(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewlint.formatting.layout as layout

    monkeypatch.setattr(layout, "emit", lambda root, **options: "schema_version: '9.9'\n")
    path = review_file(tmp_path, with_logline("Two\u00a0keepers"))
    outcome, result, _out, err = run(path, safe("nbsp", Edit(LOGLINE, "Two keepers")))
    assert outcome.errors
    assert err.startswith(f"reviewlint: error: {path}: the formatted text would not load back to the same data")
    assert path.stat().st_mtime_ns == OLD
    assert result.files[0].internal_error
    assert result.files[0].diagnostics[-1].code == "RL999"


def test_fixes_that_enable_others_run_in_rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second finding shows up only once the first is fixed; one run fixes both."""
    import reviewlint.fixing as fixing

    path = review_file(tmp_path, with_logline("one"))

    def recheck(document: object, settings: object) -> FileResult:
        from reviewlint.document import Document

        assert isinstance(document, Document)
        logline = document.data["review"]["logline"]
        fixes = {"one": safe("first", Edit(LOGLINE, "two")), "two": safe("second", Edit(LOGLINE, "three"))}
        return FileResult(document.path, [finding(path, fixes[logline])] if logline in fixes else [])

    monkeypatch.setattr(fixing, "check_document", recheck)
    outcome, _result, _out, _err = run(path)
    assert outcome.fixes_applied == 2
    assert "  logline: three\n" in path.read_text(encoding="utf-8")


def test_emit_canonical_matches_fixed_layout() -> None:
    data = {"film": {"year": 2011, "title": "Quiet Harbour"}, "schema_version": "1.0"}
    assert format_text(emit_canonical(data)) == emit_canonical(data)


def test_a_file_the_formatter_refuses_is_left_unchanged_with_an_rl014_finding(tmp_path: Path) -> None:
    path = review_file(tmp_path, BASE.replace('title: Quiet Harbour', 'title: "Quiet Harbour"# glued'))
    outcome, result, _out, err = run(path, safe("x", Edit(("film", "year"), 2012)))
    assert err == ""
    assert [d.concise() for d in result.diagnostics if d.code == "RL014"] == [
        f"{path}:3:25: RL014 not formatted: a comment must be separated from the text before it by a space"]
    assert (outcome.would_change, outcome.errors) == (False, False)
    assert path.stat().st_mtime_ns == OLD


def test_check_fix_fails_on_a_file_it_could_not_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check --fix` (the fix hook) must not report "No problems found" and exit 0 for a file
    it left as it was; `--ignore RL014` is the way to accept such files."""
    from click.testing import CliRunner

    from reviewlint.cli import cli

    monkeypatch.chdir(tmp_path)
    text = BASE.replace("title: Quiet Harbour", 'title: "Quiet Harbour"# glued').replace("year: 2011", "year: 2011 ")
    Path("glued.yaml").write_text(text, encoding="utf-8")
    fixed = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--fix", "--output-format", "concise",
                                     "glued.yaml"])
    assert fixed.exit_code == 1
    assert fixed.stdout == ("glued.yaml:3:25: RL014 not formatted: a comment must be separated from the text before "
                            "it by a space\n1 problem in 1 file (1 file checked)\n")
    assert Path("glued.yaml").read_text(encoding="utf-8") == text
    accepted = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--fix", "--ignore", "RL014",
                                        "glued.yaml"])
    assert (accepted.exit_code, accepted.stdout) == (0, "No problems found (1 file checked)\n")
