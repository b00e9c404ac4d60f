"""`reviewlint init`: a repository set up in one step, and set up again without harm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import invoke
from reviewlint.cli import cli
from reviewlint.schema import schema_text

COPY = "schemas/film-review.schema.json"
PATTERNS = ["*.review.yaml", "*.review.yml", "reviews/**/*.yaml", "reviews/**/*.yml"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def init(*args: str) -> tuple[int, str]:
    outcome = invoke("init", *args)
    assert outcome.stdout == ""
    return outcome.exit_code, outcome.stderr


def test_a_new_repository_gets_every_file(repo: Path) -> None:
    code, said = init()
    assert code == 0
    assert said.splitlines()[:4] == [
        f"Wrote {COPY} (the schema, for editors; commit it)",
        "Wrote .reviewlint.yaml",
        "Wrote .vscode/settings.json",
        "Wrote .pre-commit-config.yaml (run `pre-commit install` to turn the hook on)",
    ]
    assert (repo / COPY).read_text(encoding="utf-8") == schema_text()
    config = yaml.safe_load((repo / ".reviewlint.yaml").read_text(encoding="utf-8"))
    assert config == {"schema-path": COPY, "schema-comment": True}
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == {"yaml.schemas": {f"./{COPY}": PATTERNS}}
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local"
    assert (hook["id"], hook["entry"], hook["language"]) == ("reviewlint", "reviewlint check --force-exclude", "system")


def test_then_new_reviews_link_to_the_copy_and_the_repository_checks_clean(repo: Path) -> None:
    init()
    outcome = CliRunner().invoke(cli, ["new", "Amélie", "--year", "2001", "-o", "reviews/amelie.yaml"])
    assert outcome.exit_code == 0
    text = (repo / "reviews" / "amelie.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/film-review.schema.json\n")
    # The files init wrote are not taken for reviews.
    checked = CliRunner().invoke(cli, ["check", "--no-cache", "--output-format", "concise", "."])
    assert {line.split(":")[0] for line in checked.stdout.splitlines() if ": RL" in line} == {"reviews/amelie.yaml"}
    formatted = CliRunner().invoke(cli, ["format", "--check", "reviews/amelie.yaml"])
    assert formatted.exit_code == 0, formatted.output


def test_running_it_again_changes_nothing(repo: Path) -> None:
    init()
    before = {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()}
    code, said = init()
    assert code == 0
    assert said.splitlines()[:4] == [
        f"Kept {COPY} (the schema, for editors; commit it)",
        "Kept .reviewlint.yaml (it already names a schema copy)",
        "Kept .vscode/settings.json (it already maps reviews to the schema copy)",
        "Kept .pre-commit-config.yaml (it already runs reviewlint)",
    ]
    assert {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()} == before


def test_existing_files_are_kept_and_the_missing_lines_printed(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.reviewlint]\nexclude = ["drafts/"]\n', encoding="utf-8")
    (repo / ".vscode").mkdir()
    (repo / ".vscode" / "settings.json").write_text('{"editor.tabSize": 2, "yaml.schemas": {"x.json": ["*.x"]}}',
                                                     encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    code, said = init("--reviews", "content/films")
    assert code == 0
    assert f'Kept pyproject.toml; add under [tool.reviewlint]:\n  schema-path = "{COPY}"\n' in said
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == '[tool.reviewlint]\nexclude = ["drafts/"]\n'
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == {"editor.tabSize": 2, "yaml.schemas": {
        "x.json": ["*.x"], f"./{COPY}": ["*.review.yaml", "*.review.yml", "content/films/**/*.yaml",
                                         "content/films/**/*.yml"]}}
    assert "Updated .vscode/settings.json (yaml.schemas)" in said
    assert "Kept .pre-commit-config.yaml; add under `repos:`:\n  - repo: local\n" in said
    assert r"files: (^|/)content/films/|\.review\.ya?ml$" in said
    assert (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8") == "repos: []\n"


def test_settings_with_comments_are_not_rewritten(repo: Path) -> None:
    original = '{\n  // mine\n  "editor.tabSize": 2,\n}\n'
    (repo / ".vscode").mkdir()
    (repo / ".vscode" / "settings.json").write_text(original, encoding="utf-8")
    code, said = init("--no-pre-commit")
    assert code == 0
    assert 'Kept .vscode/settings.json (not plain JSON); add:\n  "yaml.schemas": {' in said
    assert (repo / ".vscode" / "settings.json").read_text(encoding="utf-8") == original
    assert not (repo / ".pre-commit-config.yaml").exists()


@pytest.mark.parametrize("bad", ["/etc/schema.json", "../schema.json", "schemas/schema.yaml"])
def test_schema_path_stays_inside_and_is_json(repo: Path, bad: str) -> None:
    code, said = init("--schema-path", bad)
    assert code == 2
    assert "give a path inside DIRECTORY ending in .json" in said
    assert list(repo.iterdir()) == []


def test_another_directory(repo: Path) -> None:
    assert init("site")[0] == 0
    assert (repo / "site" / COPY).is_file() and (repo / "site" / ".reviewlint.yaml").is_file()
