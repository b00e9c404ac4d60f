"""Config and CLI edges a new user runs into: an explicit --config is read or refused,
the dedicated config file wins over pyproject.toml, YAML errors in a config are one line,
usage errors print no summary, and a broken link says it is one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import invoke
from reviewlint.config import find_config

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "parasite.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    find_config.cache_clear()
    (tmp_path / "review.yaml").write_bytes(EXAMPLE.read_bytes())
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = invoke("check", "--no-cache", *args)
    return result.exit_code, result.stdout, result.stderr


def test_a_dedicated_toml_config_named_with_config_is_read_from_its_top_level(folder: Path) -> None:
    (folder / "lint.toml").write_text('select = ["RL6"]\nbogus = 1\n', encoding="utf-8")
    assert run("--config", "lint.toml", ".") == (2, "", "reviewlint: error: lint.toml: unknown key `bogus`\n")


def test_a_pyproject_named_with_config_must_hold_the_table(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert run("--config", "pyproject.toml", ".") == (
        2, "", "reviewlint: error: pyproject.toml: has no [tool.reviewlint] table\n")


def test_config_and_isolated_together_are_a_usage_error(folder: Path) -> None:
    (folder / "lint.toml").write_text('select = ["RL6"]\n', encoding="utf-8")
    code, _, err = run("--config", "lint.toml", "--isolated", ".")
    assert code == 2
    assert err.splitlines()[-1] == ("reviewlint: error: --config and --isolated cannot be used together "
                                    "(--isolated ignores every config)")


def test_the_dedicated_file_wins_over_pyproject_in_one_folder(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[tool.reviewlint]\nbogus-in-pyproject = 1\n', encoding="utf-8")
    (folder / ".reviewlint.yaml").write_text("fail-level: warning\n", encoding="utf-8")
    assert run(".")[0] == 0


def test_invalid_yaml_in_a_config_is_one_line_with_its_position(folder: Path) -> None:
    (folder / ".reviewlint.yaml").write_text("select: [RL6\n", encoding="utf-8")
    assert run(".") == (2, "", "reviewlint: error: .reviewlint.yaml:2:1: invalid YAML: expected ',' or ']', "
                               "but got '<stream end>'\n")


def test_a_missing_path_prints_the_error_and_no_summary(folder: Path) -> None:
    assert run("--isolated", "nope.yaml") == (2, "", "reviewlint: error: nope.yaml: no such file or directory\n")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_broken_link_is_named_as_one(folder: Path) -> None:
    (folder / "broken.yaml").symlink_to("gone.yaml")
    code, out, _ = run("--isolated", "--output-format", "concise", "broken.yaml")
    assert code == 1
    assert out.splitlines()[0] == ("broken.yaml:1:1: RL012 cannot read file: broken symbolic link (it points to "
                                   "gone.yaml, which does not exist)")


def test_standard_input_is_checked_under_the_given_name(folder: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("year: 2019", "year: twenty")
    result = invoke("check", "--isolated", "--output-format", "concise", "-",
                    "--stdin-filename", "reviews/parasite.yaml", input=text)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "reviews/parasite.yaml:5:9: RL103 `year` must be an integer, got 'twenty'",
        "1 problem in 1 file (1 file checked)"]


def test_standard_input_cannot_be_diffed(folder: Path) -> None:
    # `check --fix -` prints the fixed text (tests/test_cli_adoption.py); --diff needs files.
    result = invoke("check", "--diff", "-", input="a: 1\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("reviewlint: error: --diff works on files, not standard input; "
                                            "`check --fix -` prints the fixed text")
