"""Every error the CLI prints has one style, `reviewlint: error: ...`, and exit code 2,
click's own usage errors included; `-` (standard input) mixed with paths is refused
before anything is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import valid_review_text
from reviewlint.cli import cli
from reviewlint.config import find_config


def invoke(*args: str, input: str | None = None) -> Result:
    """As the installed command: the usage line names `reviewlint`."""
    return CliRunner().invoke(cli, list(args), input=input, prog_name="reviewlint")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    find_config.cache_clear()
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "good.yaml").write_text(valid_review_text(), encoding="utf-8")
    return tmp_path


# --- one style for click's usage errors -------------------------------------------------------

@pytest.mark.parametrize(("args", "usage", "error"), [
    (["check", "--bogus", "reviews"], "reviewlint check [OPTIONS] [PATHS]...",
     "no such option '--bogus'. Did you mean '--jobs'?"),
    (["check", "--output-format", "yaml", "reviews"], "reviewlint check [OPTIONS] [PATHS]...",
     "invalid value for '--output-format': 'yaml' is not one of 'text', 'concise', 'json', 'github', 'sarif', "
     "'junit', 'gitlab', 'rdjson', 'checkstyle'."),
    (["check", "--fail-level", "fatal", "reviews"], "reviewlint check [OPTIONS] [PATHS]...",
     "invalid value for '--fail-level': 'fatal' is not one of 'error', 'warning', 'info'."),
    (["chekc", "reviews"], "reviewlint [OPTIONS] COMMAND [ARGS]...", "no such command 'chekc'."),
    (["--bogus"], "reviewlint [OPTIONS] COMMAND [ARGS]...", "no such option '--bogus'."),
    (["format", "--jobs", "2"], "reviewlint format [OPTIONS] [PATHS]...", "no such option '--jobs'."),
    (["rule"], "reviewlint rule [OPTIONS] [CODE_OR_NAME]", "name a rule (`reviewlint rule RL601`), or use --all"),
    (["check", "--config", "x.toml", "--isolated"], "reviewlint check [OPTIONS] [PATHS]...",
     "--config and --isolated cannot be used together (--isolated ignores every config)"),
])
def test_a_usage_error_keeps_clicks_usage_line_and_ends_in_the_projects_error_line(
        folder: Path, args: list[str], usage: str, error: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    command = " ".join(usage.split()[:2]) if usage.split()[1] != "[OPTIONS]" else "reviewlint"
    assert result.stderr == (f"Usage: {usage}\nTry '{command} --help' for help.\n\nreviewlint: error: {error}\n")


def test_a_missing_argument_is_in_the_projects_style(folder: Path) -> None:
    result = invoke("vocab")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "Usage: reviewlint vocab [OPTIONS] NAME"
    assert [line for line in lines if "error" in line.lower()] == [
        "reviewlint: error: missing argument 'NAME'. Choose from:"]
    assert not any(line.startswith("Error:") for line in lines)


def test_a_nonexistent_path_is_one_line_in_the_same_style(folder: Path) -> None:
    result = invoke("check", "--no-cache", "nothere.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "reviewlint: error: nothere.yaml: no such file or directory\n"


def test_no_error_the_cli_prints_uses_clicks_error_prefix(folder: Path) -> None:
    for args in (["check", "--bogus"], ["format", "--check", "nothere"], ["rule", "RL9999"], ["vocab", "genre"],
                 ["check", "--max-file-size", "0", "reviews"], ["export", "--output-format", "rdf", "reviews"]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "reviewlint: error: " in result.stderr, args
        assert "\nError: " not in "\n" + result.stderr, args


def test_reviewlint_alone_still_prints_the_help() -> None:
    result = invoke()
    assert "Commands:" in result.output
    assert "error" not in result.output.lower().replace("internal error", "")


def test_the_lowered_first_letter_keeps_codes_and_names() -> None:
    from reviewlint.cli import _lower_first

    assert _lower_first("No such option") == "no such option"
    assert _lower_first("RL601 is not a rule") == "RL601 is not a rule"
    assert _lower_first("NAME is missing") == "NAME is missing"
    assert _lower_first("") == ""


# --- `-` (standard input) with other paths ----------------------------------------------------

MIXED = ("reviewlint: error: `-` (standard input) cannot be combined with other paths: give `-` alone, or name "
         "a file called `-` as `./-`\n")


@pytest.mark.parametrize("args", [
    ["check", "--no-cache", "-", "reviews"],
    ["check", "--no-cache", "reviews", "-"],
    ["check", "--no-cache", "-", "-"],
    ["check", "--no-cache", "--fix", "-", "reviews"],
    ["check", "--no-cache", "--output-format", "json", "-", "reviews/good.yaml"],
    ["format", "-", "reviews"],
    ["format", "--check", "-", "reviews"],
])
def test_dash_mixed_with_paths_is_one_usage_line_before_anything_runs(folder: Path, args: list[str]) -> None:
    before = (folder / "reviews" / "good.yaml").read_bytes()
    result = invoke(*args, input="schema_version: '1.1'\n")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", MIXED)
    assert (folder / "reviews" / "good.yaml").read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == ["reviews"]  # no cache, no report written


def test_dash_alone_still_reads_standard_input(folder: Path) -> None:
    result = invoke("check", "--no-cache", "--output-format", "concise", "-", input=valid_review_text())
    assert result.exit_code == 0
    assert result.stderr == ""


def test_a_file_named_dash_is_reached_as_dot_slash_dash(folder: Path) -> None:
    (folder / "-").write_text("a: [\n", encoding="utf-8")
    result = invoke("check", "--no-cache", "--output-format", "concise", "./-", "reviews", input="")
    assert result.exit_code == 1
    assert "RL001" in result.stdout
