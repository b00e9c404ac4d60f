"""paths -> files: recursion, suffixes, hidden folders, .gitignore, excludes, explicit files."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke
from reviewlint.discovery import Skipped, discover, display_path


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x: 1\n", encoding="utf-8")


def relative(files: list[str], root: Path) -> list[str]:
    return [Path(os.path.relpath(Path(name).absolute(), root)).as_posix() for name in files]


def test_directories_are_searched_recursively_for_yaml_and_yml_in_a_stable_order(tmp_path: Path) -> None:
    touch(tmp_path, "b.yaml", "a.yml", "upper.YAML", "sub/deeper/c.yaml", "sub/d.yaml", "notes.txt", "data.json",
          "yaml", "sub/e.yaml.bak")
    found = discover([str(tmp_path)], root=tmp_path)
    assert relative(found.files, tmp_path) == ["a.yml", "b.yaml", "upper.YAML", "sub/d.yaml", "sub/deeper/c.yaml"]
    assert found.missing == [] and found.skipped == []


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    touch(tmp_path, "seen.yaml", ".hidden/secret.yaml", "sub/.cache/x.yaml", ".dotfile.yaml", ".git/config.yaml")
    assert relative(discover([str(tmp_path)], root=tmp_path).files, tmp_path) == ["seen.yaml"]


def test_a_hidden_folder_named_on_the_command_line_is_searched(tmp_path: Path) -> None:
    touch(tmp_path, ".drafts/one.yaml")
    assert relative(discover([str(tmp_path / ".drafts")], root=tmp_path).files, tmp_path) == [".drafts/one.yaml"]


def test_gitignore_patterns_skip_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    touch(tmp_path, "keep.yaml", "drafts/wip.yaml", "scratch.tmp.yaml", "sub/local.yaml", "sub/kept.yaml",
          "sub/generated/out.yaml")
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.yaml\n# a comment\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("local.yaml\ngenerated\n", encoding="utf-8")
    found = discover([str(tmp_path)], root=tmp_path)
    assert relative(found.files, tmp_path) == ["keep.yaml", "sub/kept.yaml"]


def test_gitignore_negation_brings_a_file_back(tmp_path: Path) -> None:
    touch(tmp_path, "a.yaml", "b.yaml")
    (tmp_path / ".gitignore").write_text("*.yaml\n!b.yaml\n", encoding="utf-8")
    assert relative(discover([str(tmp_path)], root=tmp_path).files, tmp_path) == ["b.yaml"]


def test_gitignore_files_above_the_searched_folder_apply_up_to_the_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    touch(repo, "reviews/2024/ok.yaml", "reviews/2024/drafts/wip.yaml")
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    # A .gitignore outside the repository has no say.
    (tmp_path / ".gitignore").write_text("*.yaml\n", encoding="utf-8")
    found = discover([str(repo / "reviews" / "2024")], root=repo)
    assert relative(found.files, repo) == ["reviews/2024/ok.yaml"]


def test_gitignore_outside_a_repository_still_applies_inside_the_searched_folder(tmp_path: Path) -> None:
    touch(tmp_path, "top/a.yaml", "top/ignored.yaml")
    (tmp_path / "top" / ".gitignore").write_text("ignored.yaml\n", encoding="utf-8")
    assert relative(discover([str(tmp_path / "top")], root=tmp_path).files, tmp_path) == ["top/a.yaml"]


def test_exclude_patterns_use_gitignore_syntax_relative_to_the_root(tmp_path: Path) -> None:
    touch(tmp_path, "examples/good.yaml", "examples/invalid/bad.yaml", "examples/legacy/old.yaml",
          "reviews/x.draft.yaml", "reviews/y.yaml")
    found = discover([str(tmp_path)], exclude=["examples/invalid/", "examples/legacy", "*.draft.yaml"],
                     root=tmp_path)
    assert relative(found.files, tmp_path) == ["examples/good.yaml", "reviews/y.yaml"]


def test_files_named_explicitly_are_checked_even_when_excluded_or_ignored(tmp_path: Path) -> None:
    touch(tmp_path, "examples/invalid/bad.yaml", "notes.txt", ".hidden.yaml")
    (tmp_path / ".gitignore").write_text("examples/\n", encoding="utf-8")
    named = [str(tmp_path / "examples/invalid/bad.yaml"), str(tmp_path / "notes.txt"), str(tmp_path / ".hidden.yaml")]
    found = discover(named, exclude=["examples/invalid/"], root=tmp_path)
    assert relative(found.files, tmp_path) == ["examples/invalid/bad.yaml", "notes.txt", ".hidden.yaml"]


def test_force_exclude_applies_excludes_to_named_files_and_folders(tmp_path: Path) -> None:
    touch(tmp_path, "examples/invalid/bad.yaml", "examples/good.yaml")
    found = discover([str(tmp_path / "examples/invalid/bad.yaml"), str(tmp_path / "examples/invalid"),
                      str(tmp_path / "examples/good.yaml")],
                     exclude=["examples/invalid/"], root=tmp_path, force_exclude=True)
    assert relative(found.files, tmp_path) == ["examples/good.yaml"]


def test_missing_paths_are_listed_and_the_rest_still_found(tmp_path: Path) -> None:
    touch(tmp_path, "a.yaml")
    found = discover([str(tmp_path / "nope.yaml"), str(tmp_path), "also-missing/"], root=tmp_path)
    assert found.missing == [str(tmp_path / "nope.yaml"), "also-missing/"]
    assert relative(found.files, tmp_path) == ["a.yaml"]


def test_a_file_reached_twice_is_listed_once(tmp_path: Path) -> None:
    touch(tmp_path, "a.yaml", "sub/b.yaml")
    found = discover([str(tmp_path / "sub/b.yaml"), str(tmp_path), str(tmp_path / "a.yaml")], root=tmp_path)
    assert relative(found.files, tmp_path) == ["sub/b.yaml", "a.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks")
def test_symlinks_inside_folders_are_reported_not_followed(tmp_path: Path) -> None:
    touch(tmp_path, "tree/real.yaml", "elsewhere/other.yaml")
    (tmp_path / "tree" / "link.yaml").symlink_to(tmp_path / "elsewhere" / "other.yaml")
    (tmp_path / "tree" / "linkdir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "tree" / "notes.txt").symlink_to(tmp_path / "elsewhere" / "other.yaml")
    found = discover([str(tmp_path / "tree")], root=tmp_path)
    assert relative(found.files, tmp_path) == ["tree/real.yaml"]
    assert sorted(found.skipped, key=lambda s: s.path) == [
        Skipped(display_path(tmp_path / "tree" / "link.yaml"), "symbolic link, not followed"),
        Skipped(display_path(tmp_path / "tree" / "linkdir"), "symbolic link, not followed"),
    ]


def test_display_paths_are_relative_to_the_working_directory(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "reviews/a.yaml")
    monkeypatch.chdir(tmp_path)
    assert discover(["reviews"]).files == ["reviews/a.yaml"]
    assert discover(["./reviews/"]).files == ["reviews/a.yaml"]
    assert discover([str(tmp_path / "reviews")]).files == ["reviews/a.yaml"]
    monkeypatch.chdir(tmp_path / "reviews")
    assert display_path(tmp_path / "elsewhere" / "b.yaml") == (tmp_path / "elsewhere" / "b.yaml").as_posix()


@pytest.mark.parametrize(("given", "shown"), [
    ("a.yaml", "a.yaml"),
    ("./a.yaml", "a.yaml"),
    ("sub//deeper/./b.yaml", "sub/deeper/b.yaml"),
    ("sub/../c.yaml", "c.yaml"),
    ("../outside/d.yaml", "../outside/d.yaml"),
    ("./../e.yaml", "../e.yaml"),
])
def test_relative_paths_are_shown_normalised_whether_given_as_str_or_path(given: str, shown: str) -> None:
    # Named files arrive as strings (a hook may pass thousands); discovery passes Paths.
    assert display_path(given) == shown
    assert display_path(Path(given)) == shown


def exact_display(raw: str) -> str:
    """The definition display_path's fast path must agree with: relpath, unless the file
    lies outside the working folder, which is then shown absolute."""
    text = os.path.relpath(raw)
    return Path(raw).as_posix() if text == ".." or text.startswith("../") else Path(text).as_posix()


@pytest.mark.skipif(os.sep != "/", reason="the fast path is for POSIX paths")
@given(inside=st.booleans(), parts=st.lists(st.sampled_from(["a", "b.yaml", ".", "", ".hidden", "c d"]),
                                            max_size=5))
def test_absolute_paths_are_shown_as_relpath_would_show_them(inside: bool, parts: list[str]) -> None:
    base = os.getcwd() if inside else "/elsewhere/reviews"
    raw = base + "/" + "/".join(parts)
    assert display_path(raw) == exact_display(raw)
    assert display_path(Path(raw)) == exact_display(raw)


def test_the_working_folder_and_paths_with_parent_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reviews").mkdir()
    monkeypatch.chdir(tmp_path / "reviews")
    assert display_path(str(tmp_path / "reviews")) == "."
    assert display_path(str(tmp_path / "reviews") + "/") == "."
    assert display_path(str(tmp_path / "reviews" / "x" / ".." / "a.yaml")) == "a.yaml"
    assert display_path(str(tmp_path / "other" / ".." / "b.yaml")) == (tmp_path / "other" / ".." / "b.yaml").as_posix()


# --- an unreadable folder is a finding (RL012), never skipped in silence -----------------------------


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """tmp_path/tree with a clean review and a folder `locked` (mode 000) holding a broken one.

    Root reads any folder whatever its mode, and CI runs as root: there the kernel's check
    is done by the mode bits instead, at the two calls that meet a closed folder (listing
    it, and reaching a file through it)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "tree" / "locked"
    folder.mkdir(parents=True)
    (folder / "bad.yaml").write_text("film: [\n", encoding="utf-8")
    (tmp_path / "tree" / "good.yaml").write_text("a: 1\n", encoding="utf-8")
    folder.chmod(0)
    if os.access(folder, os.R_OK):
        real_scandir, real_stat = os.scandir, os.stat

        def closed(path: Path, bits: int) -> bool:
            try:
                return not stat.S_IMODE(real_stat(path).st_mode) & bits
            except OSError:
                return False

        def scandir(path: Any = ".") -> Any:
            if not isinstance(path, int) and closed(Path(os.fspath(path)).absolute(), 0o444):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_scandir(path)

        def stat_(path: Any, *args: Any, **kwargs: Any) -> Any:
            if not isinstance(path, int) and any(closed(parent, 0o111)
                                                 for parent in Path(os.fspath(path)).absolute().parents):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "stat", stat_)
    yield folder
    folder.chmod(0o755)


def test_an_unreadable_folder_is_listed_as_unreadable_not_skipped(locked: Path) -> None:
    found = discover(["tree"])
    assert found.files == ["tree/good.yaml"]
    assert found.unreadable == [Skipped("tree/locked", "cannot read directory: Permission denied")]


def test_checking_a_tree_with_an_unreadable_folder_reports_it_and_fails(locked: Path) -> None:
    result = invoke("check", "--isolated", "--no-cache", "--output-format", "concise", "tree")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1, "tree/locked:1:1: RL012 cannot read directory: Permission denied")
    assert "No problems found" not in result.stdout


def test_a_file_named_inside_an_unreadable_folder_is_rl012_not_an_internal_error(locked: Path) -> None:
    result = invoke("check", "--isolated", "--no-cache", "--output-format", "concise",
                    "tree/locked/bad.yaml", "tree/locked")
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[:2] == [
        "tree/locked:1:1: RL012 cannot read directory: Permission denied",
        "tree/locked/bad.yaml:1:1: RL012 cannot read file: Permission denied",
    ]
    assert "internal error" not in result.output


def test_export_reports_an_unreadable_folder_instead_of_passing_over_it(locked: Path) -> None:
    result = invoke("export", "tree")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "reviewlint: error: tree/locked:1:1: RL012 cannot read directory: Permission denied",
        "reviewlint: error: tree/locked: not exported (fix the errors above first)",
    ]


@pytest.mark.parametrize(("command", "code"), [
    (["format", "--isolated", "--check"], 2),  # a file format could not look at: an error
    (["check", "--isolated", "--no-cache", "--fix", "--output-format", "concise"], 1),  # an RL012 finding
])
def test_format_and_fix_report_an_unreadable_folder_too(locked: Path, command: list[str], code: int) -> None:
    result = invoke(*command, "tree")
    assert result.exit_code == code
    assert "tree/locked:1:1: RL012 cannot read directory: Permission denied" in result.output
