"""The pre-commit hooks in .pre-commit-hooks.yaml.

Fast tests read the manifest with pre-commit's own loader, run each hook's `entry`
through the CLI on good and bad reviews, and check which paths its `files`/`types`
select. The slow test is the real thing: a temporary git repository of reviews whose
.pre-commit-config.yaml points at a committed copy of this checkout, run with
`pre-commit run` (which installs reviewlint into a fresh virtualenv from the package
index, once per test session).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from identify.identify import tags_from_path
from pre_commit.clientlib import load_manifest

from conftest import REPO, valid_review_text
from reviewlint.cli import cli

MANIFEST = REPO / ".pre-commit-hooks.yaml"
BAD_REVIEW = valid_review_text().replace("  year: 2011\n", "  year: twenty\n")
BAD_FINDING = "reviews/bad.yaml:4:9: RL103 `year` must be an integer, got 'twenty'"
# Valid data in a layout the canonical emitter rewrites: flow mappings, four-space
# indentation, single quotes, keys out of the schema's order.
MESSY_REVIEW = """\
author: {name: Ines Lago}
schema_version: '1.0'
film:
    title:   Quiet Harbour
    year: 2011
    genres: [ Drama ]
rating: {value: 8, min: 1, max: 10, step: 1}
review:
    body:
    -   A patient film about a lighthouse keeper and the town that slowly forgets him.
content_warnings: [ ]
published: "2024-03-09"
language: en
"""


def hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in load_manifest(str(MANIFEST))}


def test_manifest_is_valid_for_pre_commit() -> None:
    loaded = hooks()
    assert list(loaded) == ["reviewlint", "reviewlint-fix"]
    for hook in loaded.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["yaml"]
        assert hook["require_serial"] is True
        assert hook["pass_filenames"] is True
        assert shlex.split(hook["entry"])[:2] == ["reviewlint", "check"]
    assert "--fix" not in shlex.split(loaded["reviewlint"]["entry"])
    assert "--fix" in shlex.split(loaded["reviewlint-fix"]["entry"])


@pytest.mark.parametrize(("path", "selected"), [
    ("reviews/parasite.yaml", True),
    ("reviews/2023/ballerina.yml", True),
    ("site/content/reviews/alien.yaml", True),
    ("reviews/notes.md", False),
    ("reviews/data.json", False),
    ("previews/alien.yaml", False),
    ("reviews.yaml", False),
    ("parasite.yaml", False),
    (".pre-commit-config.yaml", False),
    (".github/workflows/ci.yaml", False),
    ("docs/mkdocs.yml", False),
])
def test_files_and_types_select_the_intended_paths(tmp_path: Path, path: str, selected: bool) -> None:
    """pre-commit's own selection: `files` and not `exclude` by re.search on the path,
    and every tag in `types` among the file's tags (from identify)."""
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("key: value\n", encoding="utf-8")
    tags = tags_from_path(str(target))
    for hook in hooks().values():
        chosen = (bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)
                  and set(hook["types"]) <= tags and bool(set(hook["types_or"]) & tags or not hook["types_or"]))
        assert chosen is selected, (hook["id"], path, tags)


def run_entry(hook_id: str, files: list[Path]) -> Any:
    args = shlex.split(hooks()[hook_id]["entry"])[1:]
    return CliRunner().invoke(cli, [*args, "--no-cache", *map(str, files)])


def test_check_hook_entry_passes_good_and_fails_bad_reviews(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviews").mkdir()
    good = tmp_path / "reviews" / "good.yaml"
    bad = tmp_path / "reviews" / "bad.yaml"
    good.write_text(valid_review_text(), encoding="utf-8")
    bad.write_text(BAD_REVIEW, encoding="utf-8")
    assert run_entry("reviewlint", [Path("reviews/good.yaml")]).exit_code == 0
    failed = run_entry("reviewlint", [Path("reviews/good.yaml"), Path("reviews/bad.yaml")])
    assert failed.exit_code == 1
    assert BAD_FINDING in failed.stdout
    assert bad.read_text(encoding="utf-8") == BAD_REVIEW  # the check hook never writes


def test_warnings_pass_the_check_hook_unless_its_args_lower_the_fail_level(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's `args: [--fail-level=warning]`: pre-commit appends args after the entry
    and before the file names."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviews").mkdir()
    undated = tmp_path / "reviews" / "undated.yaml"
    undated.write_text(valid_review_text().replace('published: "2024-03-09"\n', ""), encoding="utf-8")
    finding = "reviews/undated.yaml:1:1: RL509 the review has no `published` date; add it as YYYY-MM-DD"
    default = run_entry("reviewlint", [Path("reviews/undated.yaml")])
    assert default.exit_code == 0
    assert finding in default.stdout  # printed, but pre-commit hides a passing hook's output
    entry = shlex.split(hooks()["reviewlint"]["entry"])[1:]
    strict = CliRunner().invoke(cli, [*entry, "--fail-level=warning", "--no-cache", "reviews/undated.yaml"])
    assert strict.exit_code == 1
    assert finding in strict.stdout


def test_fix_hook_entry_rewrites_a_messy_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    messy = tmp_path / "messy.yaml"
    messy.write_text(MESSY_REVIEW, encoding="utf-8")
    first = run_entry("reviewlint-fix", [messy])
    assert first.exit_code == 0, first.output
    fixed = messy.read_text(encoding="utf-8")
    assert fixed != MESSY_REVIEW
    assert fixed.startswith('schema_version: "1.0"\nfilm:\n  title: Quiet Harbour\n')
    second = run_entry("reviewlint-fix", [messy])
    assert second.exit_code == 0
    assert messy.read_text(encoding="utf-8") == fixed  # idempotent: pre-commit passes the second time


# --- the real thing -----------------------------------------------------------------------

HOOK_REPO_FILES = ("pyproject.toml", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml", "src", "schema")


def git_env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({
        "GIT_AUTHOR_NAME": "reviewlint tests", "GIT_AUTHOR_EMAIL": "tests@reviewlint.invalid",
        "GIT_COMMITTER_NAME": "reviewlint tests", "GIT_COMMITTER_EMAIL": "tests@reviewlint.invalid",
        # The user's git config (hooks, signing, templates) must not reach these repositories.
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
    })
    env.pop("VIRTUAL_ENV", None)
    return env


def git(repo: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, env=env, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture(scope="session")
def precommit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return git_env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, precommit_env: dict[str, str]) -> tuple[Path, str]:
    """This checkout's working tree, committed in a temporary repository: pre-commit
    installs a hook repository at a commit, and other work in progress must not matter."""
    repo = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in HOOK_REPO_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, repo / name)
    git(repo, precommit_env, "init", "-q")
    git(repo, precommit_env, "add", "-A")
    git(repo, precommit_env, "commit", "-q", "-m", "reviewlint under test")
    return repo, git(repo, precommit_env, "rev-parse", "HEAD")


@pytest.fixture
def reviews_repo(tmp_path: Path, hook_repo: tuple[Path, str], precommit_env: dict[str, str]) -> Iterator[Path]:
    repo, rev = hook_repo
    (tmp_path / "reviews").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "reviews" / "good.yaml").write_text(valid_review_text(), encoding="utf-8")
    (tmp_path / "reviews" / "bad.yaml").write_text(BAD_REVIEW, encoding="utf-8")
    (tmp_path / "reviews" / "messy.yaml").write_text(MESSY_REVIEW, encoding="utf-8")
    # Outside reviews/: the default `files` pattern keeps the hooks away from it.
    (tmp_path / "notes" / "todo.yaml").write_text("- [unclosed\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: reviewlint\n      - id: reviewlint-fix\n",
        encoding="utf-8")
    git(tmp_path, precommit_env, "init", "-q")
    git(tmp_path, precommit_env, "add", "-A")
    yield tmp_path


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_pre_commit_runs_the_hooks_for_real(reviews_repo: Path, precommit_env: dict[str, str]) -> None:
    passed = pre_commit(reviews_repo, precommit_env, "reviewlint", "--files", "reviews/good.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^reviewlint\.+Passed$", passed.stdout, re.MULTILINE), passed.stdout

    failed = pre_commit(reviews_repo, precommit_env, "reviewlint", "--files", "reviews/good.yaml",
                        "reviews/bad.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^reviewlint\.+Failed$", failed.stdout, re.MULTILINE), failed.stdout
    assert BAD_FINDING in failed.stdout

    everything = pre_commit(reviews_repo, precommit_env, "reviewlint", "--all-files")
    assert everything.returncode == 1
    assert BAD_FINDING in everything.stdout
    assert "notes/todo.yaml" not in everything.stdout
    assert "3 files checked" in everything.stdout  # reviews/ only

    fixing = pre_commit(reviews_repo, precommit_env, "reviewlint-fix", "--files", "reviews/messy.yaml")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert "files were modified by this hook" in fixing.stdout
    fixed = (reviews_repo / "reviews" / "messy.yaml").read_text(encoding="utf-8")
    assert fixed.startswith('schema_version: "1.0"\nfilm:\n  title: Quiet Harbour\n')

    git(reviews_repo, precommit_env, "add", "reviews/messy.yaml")
    again = pre_commit(reviews_repo, precommit_env, "reviewlint-fix", "--files", "reviews/messy.yaml")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (reviews_repo / "reviews" / "messy.yaml").read_text(encoding="utf-8") == fixed


# --- the README's snippet, as written ------------------------------------------------------

def readme_precommit_snippet() -> str:
    """The first YAML block of the README's pre-commit section (the one users copy)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, "the README's pre-commit section has no YAML block"
    return match.group(1)


def test_readme_snippet_names_the_tag_the_release_creates_and_real_hooks() -> None:
    import yaml

    from reviewlint import __version__

    [repo] = yaml.safe_load(readme_precommit_snippet())["repos"]
    # The release process tags each version as v<version> (RELEASING in the README); the
    # snippet names that tag, never one that does not follow from the version.
    assert repo["rev"] == f"v{__version__}"
    assert {hook["id"] for hook in repo["hooks"]} <= set(hooks())


@pytest.fixture(scope="session")
def tagged_hook_repo(hook_repo: tuple[Path, str], precommit_env: dict[str, str]) -> Path:
    """The hook repository tagged as the release process tags a version."""
    from reviewlint import __version__

    repo, _ = hook_repo
    git(repo, precommit_env, "tag", "-f", f"v{__version__}")
    return repo


@pytest.mark.slow
def test_readme_snippet_runs_as_written_and_prints_each_finding_once(
        tmp_path: Path, tagged_hook_repo: Path, precommit_env: dict[str, str]) -> None:
    snippet = readme_precommit_snippet()
    url = re.search(r"repo: (\S+)", snippet)
    assert url is not None
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "bad.yaml").write_text(BAD_REVIEW, encoding="utf-8")
    (tmp_path / "reviews" / "good.yaml").write_text(valid_review_text(), encoding="utf-8")
    # Only the repository's address changes: here it is a local clone, not the public one.
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet.replace(url.group(1), str(tagged_hook_repo)),
                                                      encoding="utf-8")
    git(tmp_path, precommit_env, "init", "-q")
    git(tmp_path, precommit_env, "add", "-A")
    ran = pre_commit(tmp_path, precommit_env, "--all-files")
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "did not match" not in ran.stdout + ran.stderr  # the rev exists
    # One hook reports an unfixable error once, not once per hook.
    assert ran.stdout.count(BAD_FINDING) == 1, ran.stdout
