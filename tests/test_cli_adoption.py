"""The adoption features through the CLI: baseline, extend, --show-settings, --show-files,
-q, check --fix -, reports written when every path is missing, --unsafe-fixes hint."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import invoke, valid_review_text
from reviewlint.cli import cli

BROKEN = valid_review_text().replace("  year: 2011\n", "  year: twenty\n")


def run(*args: str, stdin: str | None = None) -> Any:
    return invoke("check", "--no-cache", *args, input=stdin)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "good.yaml").write_text(valid_review_text(), encoding="utf-8")
    (tmp_path / "reviews" / "old.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.reviewlint]\n", encoding="utf-8")
    return tmp_path


# --- baseline -----------------------------------------------------------------------------

def test_the_three_command_walk_through(repo: Path) -> None:
    written = run("--write-baseline", ".reviewlint-baseline.json", "reviews/")
    assert written.exit_code == 0, written.output
    assert written.stdout == ("Recorded 1 finding in .reviewlint-baseline.json; check with --baseline "
                              ".reviewlint-baseline.json to see only new ones\n")
    clean = run("--baseline", ".reviewlint-baseline.json", "reviews/")
    assert clean.exit_code == 0, clean.output
    assert clean.stdout == ("No problems found (2 files checked)\n"
                            "1 finding in the baseline .reviewlint-baseline.json not shown\n")

    # A line added above the old finding: still the same finding. A new one is reported.
    old = repo / "reviews" / "old.yaml"
    old.write_text("# a comment added later\n" + BROKEN, encoding="utf-8")
    (repo / "reviews" / "new.yaml").write_text(BROKEN, encoding="utf-8")
    again = run("--baseline", ".reviewlint-baseline.json", "--output-format", "concise", "reviews/")
    assert again.exit_code == 1
    assert again.stdout.splitlines() == [
        "reviews/new.yaml:4:9: RL103 `year` must be an integer, got 'twenty'",
        "1 problem in 1 file (3 files checked)",
        "1 finding in the baseline .reviewlint-baseline.json not shown",
    ]


def test_a_missing_baseline_is_a_usage_error(repo: Path) -> None:
    outcome = run("--baseline", "nope.json", "reviews/")
    assert outcome.exit_code == 2
    assert outcome.stderr == ("reviewlint: error: baseline nope.json does not exist; create it with "
                              "--write-baseline nope.json\n")


# --- config inheritance and --show-settings -------------------------------------------------

def test_extend_reads_the_shared_config_and_show_settings_says_where_values_came_from(repo: Path) -> None:
    (repo / "shared.toml").write_text('ignore = ["RL209"]\nfail-level = "warning"\n', encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.reviewlint]\nextend = "shared.toml"\nextend-ignore = ["RL103"]\n',
                                         encoding="utf-8")
    checked = run("--output-format", "concise", "reviews/old.yaml")
    assert checked.exit_code == 0, checked.output  # RL103 ignored through extend-ignore
    shown = run("--show-settings", "--select", "RL1", "reviews/old.yaml")
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[:2] == ["Settings for reviews/old.yaml", "Config: pyproject.toml (extends shared.toml)"]
    assert 'select = ["RL1"]                            # --select (command line)' in lines
    assert 'ignore = ["RL209", "RL103"]                 # shared.toml, pyproject.toml' in lines
    assert 'fail-level = "warning"                      # shared.toml' in lines
    assert any(line.startswith("max-file-size = ") and line.endswith("# default") for line in lines)


def test_an_extend_cycle_stops_the_run(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.reviewlint]\nextend = "a.toml"\n', encoding="utf-8")
    (repo / "a.toml").write_text('extend = "pyproject.toml"\n', encoding="utf-8")
    outcome = run("reviews/")
    assert outcome.exit_code == 2
    assert "`extend` makes a cycle" in outcome.stderr


def test_show_files_lists_what_would_be_checked(repo: Path) -> None:
    (repo / "reviews" / "notes.md").write_text("# notes\n", encoding="utf-8")
    outcome = run("--show-files", "reviews/")
    assert (outcome.exit_code, outcome.stdout) == (0, "reviews/good.yaml\nreviews/old.yaml\n")


# --- quiet, fixes, stdin --------------------------------------------------------------------

def test_quiet_prints_only_the_summary(repo: Path) -> None:
    outcome = run("-q", "reviews/")
    assert (outcome.exit_code, outcome.stdout) == (1, "1 problem in 1 file (2 files checked)\n")


def test_fix_from_standard_input_writes_the_fixed_text(repo: Path) -> None:
    canonical = CliRunner().invoke(cli, ["format", "-"], input=valid_review_text()).stdout
    messy = valid_review_text().replace("countries: [PT]", "countries: [pt]")  # a safe fix: PT
    outcome = run("--fix", "-", stdin=messy)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout == canonical
    assert outcome.stderr == ""
    # What no fix repairs is left in the text and said on standard error.
    broken = run("--fix", "-", stdin=BROKEN)
    assert broken.exit_code == 1
    assert broken.stderr == "-:4:9: RL103 `year` must be an integer, got 'twenty'\n"


def test_unsafe_fixes_given_means_no_hint_to_give_it(repo: Path) -> None:
    review = repo / "reviews" / "good.yaml"
    review.write_text(valid_review_text().replace("countries: [PT]", "countries: [Korea]"), encoding="utf-8")
    plain = run("reviews/good.yaml")
    assert "1 hidden fix can be enabled with the --unsafe-fixes option" in plain.stdout
    given = run("--unsafe-fixes", "reviews/good.yaml")
    assert "--unsafe-fixes option" not in given.stdout
    assert "[*] 1 fixable with the --fix option" in given.stdout


# --- reports when every named path is missing ------------------------------------------------

@pytest.mark.parametrize("output_format", ["sarif", "junit", "gitlab", "rdjson", "checkstyle"])
def test_a_report_file_is_written_even_when_every_path_is_missing(repo: Path, output_format: str) -> None:
    outcome = run("--output-format", output_format, "--output-file", "report.out", "missing/")
    assert outcome.exit_code == 2
    assert (repo / "report.out").is_file()
    if output_format == "sarif":
        log = json.loads((repo / "report.out").read_text(encoding="utf-8"))
        assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_per_file_ignores_star_does_not_cross_folders(repo: Path) -> None:
    (repo / "reviews" / "sub").mkdir()
    (repo / "reviews" / "sub" / "x.yaml").write_text(BROKEN, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.reviewlint.per-file-ignores]\n"reviews/*.yaml" = ["RL103"]\n',
                                         encoding="utf-8")
    outcome = run("--output-format", "concise", "reviews/")
    assert outcome.stdout.splitlines()[0] == "reviews/sub/x.yaml:4:9: RL103 `year` must be an integer, got 'twenty'"


def test_a_per_file_ignores_pattern_that_matches_nothing_is_warned_about(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.reviewlint.per-file-ignores]\n"review/*.yaml" = ["RL103"]\n',
                                         encoding="utf-8")
    outcome = run("reviews/")
    assert ("reviewlint: warning: pyproject.toml: per-file-ignores pattern 'review/*.yaml' matches no checked file"
            in outcome.stderr)
    assert os.path.exists(repo / "reviews")


def test_watch_checks_again_after_a_change(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watchfiles = pytest.importorskip("watchfiles", reason="--watch's optional dependency (reviewlint[watch])")

    def one_change(*paths: str, **options: Any) -> Any:
        assert paths == ("reviews/",)
        (repo / "reviews" / "good.yaml").write_text(BROKEN, encoding="utf-8")
        yield {(watchfiles.Change.modified, str(repo / "reviews" / "good.yaml"))}

    monkeypatch.setattr(watchfiles, "watch", one_change)
    outcome = run("--watch", "-q", "reviews/")
    assert outcome.exit_code == 0
    assert outcome.stdout.count("(2 files checked)") == 2
    assert "2 problems in 2 files (2 files checked)" in outcome.stdout  # the second run saw the change
    assert outcome.stderr.count("[watching for changes; Ctrl-C to stop]") == 2


def test_show_settings_names_the_per_file_ignores_that_apply(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.reviewlint.per-file-ignores]\n"reviews/o*.yaml" = ["RL103"]\n',
                                         encoding="utf-8")
    lines = run("--show-settings", "reviews/old.yaml").stdout.splitlines()
    assert 'ignore = []                                 # default' in lines
    assert "# reviews/old.yaml matches 'reviews/o*.yaml': RL103 ignored here" in lines


def test_watch_without_watchfiles_says_what_to_install(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "watchfiles", None)  # as if not installed
    outcome = run("--watch", "reviews/")
    assert outcome.exit_code == 2
    assert outcome.stderr == "reviewlint: error: --watch needs the watchfiles package: pip install watchfiles\n"
