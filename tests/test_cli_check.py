"""`reviewlint check` through click's runner (and once as the installed console script)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from conftest import REPO, invoke, valid_review_text
from reviewlint.api import use_color
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.text import excerpt, printable

VALID = valid_review_text()
BROKEN = VALID.replace("year: 2011", "year: twenty").replace("rating:\n", "ratting:\n")
# Load and schema findings only: the style rules have their own tests.
BASE = ["check", "--isolated", "--no-cache", "--select", "RL0,RL1"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder as the working directory, so paths print relative."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("REVIEWLINT_OUTPUT_FORMAT", raising=False)
    return tmp_path


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return invoke(*BASE, *args)


# --- exit codes and the summary line ----------------------------------------------------------

def test_a_clean_file_exits_0_with_the_summary_only(project: Path) -> None:
    write(project, "good.yaml", VALID)
    result = run("good.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No problems found (1 file checked)\n", "")


def test_findings_exit_1_and_print_each_with_its_source_line(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    result = run("broken.yaml")
    assert result.exit_code == 1
    assert result.stdout == (
        "broken.yaml:4:9: RL103 `year` must be an integer, got 'twenty'\n"
        "   |\n"
        " 4 |   year: twenty\n"
        "   |         ^^^^^^ error\n"
        "\n"
        "broken.yaml:10:1: RL102 unknown key `ratting`; did you mean `rating`?\n"
        "    |\n"
        " 10 | ratting:\n"
        "    | ^^^^^^^ error\n"
        "\n"
        "2 problems in 1 file (1 file checked)\n"
    )


def test_concise_output(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    result = run("--output-format", "concise", "broken.yaml")
    assert (result.exit_code, result.stdout) == (1, (
        "broken.yaml:4:9: RL103 `year` must be an integer, got 'twenty'\n"
        "broken.yaml:10:1: RL102 unknown key `ratting`; did you mean `rating`?\n"
        "2 problems in 1 file (1 file checked)\n"))


def test_summary_counts_files_with_problems_and_files_checked(project: Path) -> None:
    for name in ("a", "b", "c"):
        write(project, f"reviews/{name}.yaml", VALID)
    write(project, "reviews/sub/d.yml", BROKEN)
    write(project, "reviews/sub/e.yaml", "- a list\n")
    result = run("--output-format", "concise", "reviews")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "3 problems in 2 files (5 files checked)"


def test_warnings_alone_exit_0_and_the_summary_shows_the_mix(project: Path) -> None:
    write(project, "newer.yaml", VALID.replace('"1.1"', '"1.7"'))
    result = run("--output-format", "concise", "newer.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "1 problem in 1 file (1 file checked): 1 warning"
    assert run("--fail-level", "warning", "newer.yaml").exit_code == 1


def test_exit_zero_reports_but_exits_0(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    result = run("--exit-zero", "--output-format", "concise", "broken.yaml")
    assert result.exit_code == 0
    assert "broken.yaml:4:9: RL103" in result.stdout


def test_a_missing_path_exits_2_and_the_other_files_are_still_checked(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    result = run("--output-format", "concise", "nothere.yaml", "broken.yaml")
    assert result.exit_code == 2
    assert result.stderr == "reviewlint: error: nothere.yaml: no such file or directory\n"
    assert result.stdout.splitlines()[-1] == "2 problems in 1 file (1 file checked)"


def test_an_unknown_option_is_a_usage_error(project: Path) -> None:
    result = run("--colour", "never")
    assert result.exit_code == 2
    assert "reviewlint: error: no such option '--colour'. Did you mean '--color'?" in result.stderr


def test_one_broken_file_does_not_stop_the_others(project: Path) -> None:
    write(project, "1-syntax.yaml", "film: [\n")
    write(project, "2-binary.yaml", b"\x00\x01\x02")
    write(project, "3-schema.yaml", BROKEN)
    write(project, "4-good.yaml", VALID)
    result = run("--output-format", "concise", ".")
    assert result.exit_code == 1
    assert result.stdout == (
        "1-syntax.yaml:1:8: RL001 YAML syntax error: did not find expected node content (while parsing a flow node); "
        "the [ is never closed: end the list with ], or quote the value if the [ is text\n"
        "2-binary.yaml:1:1: RL003 file contains a NUL byte: it is binary, not YAML text\n"
        "3-schema.yaml:4:9: RL103 `year` must be an integer, got 'twenty'\n"
        "3-schema.yaml:10:1: RL102 unknown key `ratting`; did you mean `rating`?\n"
        "4 problems in 3 files (4 files checked)\n"
    )


def test_default_path_is_the_working_directory(project: Path) -> None:
    write(project, "one.yaml", VALID)
    write(project, "deeper/two.yaml", VALID)
    result = run()
    assert (result.exit_code, result.stdout) == (0, "No problems found (2 files checked)\n")


# --- excludes and config ----------------------------------------------------------------------

def test_exclude_takes_glob_patterns(project: Path) -> None:
    write(project, "reviews/good.yaml", VALID)
    write(project, "reviews/drafts/wip.yaml", BROKEN)
    write(project, "reviews/old.draft.yaml", BROKEN)
    result = run("--exclude", "drafts/", "--exclude", "*.draft.yaml", "reviews")
    assert (result.exit_code, result.stdout) == (0, "No problems found (1 file checked)\n")


def test_config_excludes_apply_and_isolated_ignores_them(project: Path) -> None:
    write(project, "pyproject.toml", '[tool.reviewlint]\nexclude = ["examples/invalid/"]\n')
    write(project, "examples/good.yaml", VALID)
    write(project, "examples/invalid/bad.yaml", BROKEN)
    configured = invoke("check", "--no-cache", "--select", "RL0,RL1", "examples")
    assert (configured.exit_code, configured.stdout) == (0, "No problems found (1 file checked)\n")
    isolated = run("--output-format", "concise", "examples")
    assert isolated.exit_code == 1
    assert isolated.stdout.splitlines()[-1] == "2 problems in 1 file (2 files checked)"


def test_the_repositorys_examples_pass_with_its_own_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = invoke("check", "--no-cache", "examples/")
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "No problems found (3 files checked)"), (
        result.output)


# --- JSON output ------------------------------------------------------------------------------

def test_json_output_structure(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    write(project, "good.yaml", VALID)
    result = run("--output-format", "json", ".")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"format_version", "tool", "summary", "diagnostics"}
    assert report["format_version"] == 1
    assert report["tool"]["name"] == "reviewlint"
    assert report["summary"] == {"files_checked": 2, "files_with_problems": 1, "problems": 2, "errors": 2,
                                 "warnings": 0, "info": 0}
    assert report["diagnostics"] == [
        {"path": "broken.yaml", "line": 4, "column": 9, "end_line": 4, "end_column": 15, "code": "RL103",
         "rule": "wrong-type", "severity": "error", "message": "`year` must be an integer, got 'twenty'",
         "json_path": "$.film.year", "fix": None},
        {"path": "broken.yaml", "line": 10, "column": 1, "end_line": 10, "end_column": 8, "code": "RL102",
         "rule": "unknown-key", "severity": "error", "message": "unknown key `ratting`; did you mean `rating`?",
         "json_path": "$.ratting", "fix": None},
    ]


def test_json_output_for_load_errors_and_clean_runs(project: Path) -> None:
    write(project, "dup.yaml", VALID + "author:\n  name: Again\n")
    report = json.loads(run("--output-format", "json", "dup.yaml").stdout)
    assert report["diagnostics"] == [
        {"path": "dup.yaml", "line": 28, "column": 1, "end_line": 28, "end_column": 7, "code": "RL002",
         "rule": "duplicate-key", "severity": "error", "message": "duplicate key `author` (first defined on line 24)",
         "json_path": None, "fix": None}]
    write(project, "unread.yaml", "x" * 200)
    unread = json.loads(run("--output-format", "json", "--max-file-size", "100", "unread.yaml").stdout)
    assert (unread["diagnostics"][0]["end_line"], unread["diagnostics"][0]["end_column"]) == (None, None)
    write(project, "clean/good.yaml", VALID)
    clean = run("--output-format", "json", "clean")
    assert clean.exit_code == 0
    assert json.loads(clean.stdout)["diagnostics"] == []
    assert json.loads(clean.stdout)["summary"]["problems"] == 0


def test_output_file_gets_the_report_and_the_terminal_the_summary(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    result = run("--output-format", "json", "-o", "report.json", "broken.yaml")
    assert result.exit_code == 1
    assert result.stdout == "2 problems in 1 file (1 file checked)\nReport written to report.json\n"
    assert json.loads((project / "report.json").read_text(encoding="utf-8"))["summary"]["problems"] == 2


# --- colour -----------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", FakeTerminal()) is True
    assert use_color("auto", io.StringIO()) is False
    assert use_color("never", FakeTerminal()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", FakeTerminal()) is False
    # An explicit flag beats the environment, as no-color.org allows.
    assert use_color("always", io.StringIO()) is True
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset, per no-color.org
    assert use_color("auto", FakeTerminal()) is True


def test_color_always_styles_the_text_output_and_auto_does_not_when_piped(project: Path) -> None:
    write(project, "broken.yaml", BROKEN)
    coloured = run("--color", "always", "broken.yaml")
    assert "\x1b[31m\x1b[1mRL103\x1b[0m" in coloured.stdout
    assert "\x1b[1m2 problems in 1 file (1 file checked)\x1b[0m" in coloured.stdout
    assert "\x1b[" not in run("broken.yaml").stdout
    assert "\x1b[" not in run("--color", "always", "-o", "out.txt", "broken.yaml").stdout.split("\n")[0]
    assert "\x1b[" not in (project / "out.txt").read_text(encoding="utf-8")


# --- the excerpt ------------------------------------------------------------------------------

def finding(line: int, col: int, end_col: int | None = None) -> Diagnostic:
    return Diagnostic(code="RL103", message="m", path="p.yaml", line=line, col=col, severity=Severity.ERROR,
                      end_line=line if end_col else None, end_col=end_col)


def test_excerpt_caret_spans_the_value() -> None:
    assert excerpt(finding(1, 8, 12), ["title: Heat"], color=False) == [
        "   |", " 1 | title: Heat", "   |        ^^^^ error"]


def test_excerpt_caret_lines_up_after_wide_characters() -> None:
    # Each Hangul syllable takes two terminal columns.
    lines = excerpt(finding(1, 13, 16), ["ids: {imdb: 기생충, x: 1}"], color=False)
    assert lines[1] == " 1 | ids: {imdb: 기생충, x: 1}"
    assert lines[2] == "   | " + " " * 12 + "^^^^^^ error"
    later = excerpt(finding(1, 21, 22), ["ids: {imdb: 기생충, x: 1}"], color=False)
    assert later[2] == "   | " + " " * 23 + "^ error"


def test_excerpt_of_a_very_long_line_is_a_window_around_the_finding() -> None:
    line = "x: " + "w" * 5000 + " BAD " + "w" * 5000
    lines = excerpt(finding(1, 5005, 5008), [line], color=False)
    assert lines[1] == " 1 | …" + "w" * 39 + " BAD " + "w" * 116 + "…"
    assert lines[2] == "   | " + " " * 41 + "^^^ error"


def test_excerpt_makes_control_characters_visible_without_moving_the_caret() -> None:
    lines = excerpt(finding(1, 5), ["a: b\x1b[31m\tx\u202e"], color=False)
    assert lines[1] == " 1 | a: b␛[31m x\ufffd"
    assert lines[2] == "   |     ^^^^^^^^ error"


def test_excerpt_at_the_line_after_the_last_shows_an_empty_line() -> None:
    assert excerpt(finding(2, 1), ["a: ["], color=False) == ["   |", " 2 | ", "   | ^ error"]
    assert excerpt(finding(5, 1), ["a: ["], color=False) == []


def test_messages_are_printed_with_control_characters_escaped(project: Path) -> None:
    write(project, "esc.yaml", VALID + '"\\e[2Jx": 1\n')
    result = run("--output-format", "concise", "esc.yaml")
    assert result.stdout.splitlines()[0] == "esc.yaml:28:1: RL102 unknown key `\\x1b[2Jx`"
    assert "\x1b" not in run("esc.yaml").stdout
    assert printable("tab\there") == "tab\\there"


def test_a_file_too_large_is_not_read_for_its_excerpt(project: Path) -> None:
    write(project, "big.yaml", VALID + "x-pad: '" + "p" * 500 + "'\n")
    result = run("--max-file-size", "100", "big.yaml")
    assert result.stdout == (
        f"big.yaml:1:1: RL011 file is {len(VALID) + 510} bytes, over the limit of 100 (raise it with "
        "--max-file-size or `max-file-size` in the config to check it)\n\n1 problem in 1 file (1 file checked)\n")


def test_bom_and_crlf_files_show_clean_excerpts(project: Path) -> None:
    write(project, "crlf.yaml", b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode())
    result = run("crlf.yaml")
    assert " 4 |   year: twenty\n   |         ^^^^^^ error\n" in result.stdout
    assert "\r" not in result.stdout and "\ufeff" not in result.stdout


# --- the installed console script -------------------------------------------------------------

def test_the_installed_console_script_runs_as_a_real_process(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("reviewlint.exe" if sys.platform == "win32" else "reviewlint")
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable}: reviewlint is not installed in this environment")
    write(tmp_path, "good.yaml", VALID)
    write(tmp_path, "broken.yaml", BROKEN)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("REVIEWLINT_")}
    environment["NO_COLOR"] = "1"
    completed = subprocess.run(
        [str(script), "check", "--isolated", "--no-cache", "--select", "RL0,RL1", "--output-format", "concise", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, env=environment, check=False)
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout == (
        "broken.yaml:4:9: RL103 `year` must be an integer, got 'twenty'\n"
        "broken.yaml:10:1: RL102 unknown key `ratting`; did you mean `rating`?\n"
        "2 problems in 1 file (2 files checked)\n")
    assert completed.stderr == ""


# --- the output never replaces an input; limits are usage errors -----------------------------------


def test_an_output_file_that_is_an_input_is_a_usage_error(project: Path) -> None:
    review = write(project, "r.yaml", VALID)
    for args in (["r.yaml", "-o", "r.yaml"], [".", "--output-file", "./r.yaml"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "reviewlint: error: --output-file " in result.output and "is the input " in result.output
        assert "the report would replace it" in result.output
    assert review.read_text(encoding="utf-8") == VALID


def test_a_max_file_size_past_the_limit_is_a_usage_error_not_an_internal_one(project: Path) -> None:
    write(project, "r.yaml", VALID)
    result = run("--max-file-size", "99999999999999999999999", "r.yaml")
    assert result.exit_code == 2
    assert ("reviewlint: error: invalid value for '--max-file-size': 99999999999999999999999 is not in the range "
            "1<=x<=1073741824") \
        in result.output
    assert "RL999" not in result.output


def test_invalid_gitignore_lines_are_skipped_with_a_warning_as_git_does(project: Path) -> None:
    (project / ".git").mkdir()
    write(project, ".gitignore", "!\nfoo\\\n[z-a]\ndrafts/\n")
    write(project, "r.yaml", VALID)
    write(project, "drafts/d.yaml", BROKEN)
    result = invoke(*BASE, ".")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "reviewlint: warning: .gitignore:1: invalid pattern '!' is skipped (Invalid git pattern: '!')",
        "reviewlint: warning: .gitignore:2: invalid pattern 'foo\\\\' is skipped (Invalid git pattern: 'foo\\\\')",
        "reviewlint: warning: .gitignore:3: invalid pattern '[z-a]' is skipped (bad character range z-a)",
    ]
    assert result.stdout == "No problems found (1 file checked)\n"


def test_an_output_file_found_among_the_inputs_stops_a_fix_before_anything_is_written(project: Path) -> None:
    # Trailing spaces: a file `check --fix` would rewrite (into the canonical layout).
    review = write(project, "reviews/r.yaml", VALID.replace("  year: 2011\n", "  year: 2011   \n"))
    before = review.read_bytes()
    result = invoke("check", "--isolated", "--no-cache", "--fix", "reviews", "-o", "reviews/r.yaml")
    assert result.exit_code == 2
    assert "reviewlint: error: --output-file reviews/r.yaml is the input reviews/r.yaml: the report would replace it" \
        in result.output
    assert review.read_bytes() == before
