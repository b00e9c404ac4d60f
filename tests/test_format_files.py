"""`reviewlint format` on real files: what is written, what never is, and how."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import invoke
from reviewlint.cli import cli
from reviewlint.formatting import write_atomic

MESSY = "film:\n    year: 2019\n    title: Parasite   \nschema_version: '1.0'\n"
CANONICAL = 'schema_version: "1.0"\nfilm:\n  title: Parasite\n  year: 2019\n'
SCHEMA_LINE = "# yaml-language-server: $schema=./schemas/film-review.schema.json\n"
OLD = 1_000_000_000


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return invoke("format", "--isolated", *args, catch_exceptions=False)


def put(path: Path, content: str | bytes, mode: int = 0o644) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.chmod(path, mode)
    os.utime(path, ns=(OLD, OLD))
    return path


def test_format_rewrites_keeps_permissions_and_leaves_no_temporary_file(project: Path) -> None:
    review = put(project / "a.yaml", MESSY, mode=0o640)
    result = run("a.yaml")
    assert result.exit_code == 0
    assert result.stdout == "1 file reformatted, 0 files left unchanged\n"
    assert review.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(review.stat().st_mode) == 0o640
    assert sorted(p.name for p in project.iterdir()) == ["a.yaml"]


def test_a_canonical_file_is_not_touched(project: Path) -> None:
    review = put(project / "a.yaml", CANONICAL)
    result = run(".")
    assert result.exit_code == 0
    assert result.stdout == "0 files reformatted, 1 file left unchanged\n"
    assert review.stat().st_mtime_ns == OLD


@pytest.mark.parametrize("content, reason", [
    ("film: [1,\n", "a.yaml:1:10: RL001 not formatted: YAML syntax error"),  # the end of the last line
    ("film: 1\nfilm: 2\n", "a.yaml:2:1: RL002 not formatted: duplicate key `film` (first defined on line 1)"),
    (b"title: caf\xe9\n", "a.yaml:1:11: RL003 not formatted: file is not valid UTF-8"),
    ("\ufefftitle: x\n".encode("utf-16"), "a.yaml:1:1: RL003 not formatted: file is encoded as UTF-16"),
    ('a: "x"# glued\n', "a.yaml:1:7: RL014 not formatted: a comment must be separated from the text before it"),
])
def test_files_that_do_not_load_are_never_modified(project: Path, content: str | bytes, reason: str) -> None:
    review = put(project / "a.yaml", content)
    before = review.read_bytes()
    result = run("a.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reviewlint: error: {reason}")
    assert result.stdout == "0 files reformatted, 0 files left unchanged, 1 file not formatted\n"
    assert review.read_bytes() == before
    assert review.stat().st_mtime_ns == OLD


def test_check_lists_the_files_that_would_change_and_writes_nothing(project: Path) -> None:
    put(project / "a.yaml", MESSY)
    put(project / "b.yaml", CANONICAL)
    result = run("--check", ".")
    assert result.exit_code == 1
    assert result.stdout == "Would reformat: a.yaml\n1 file would be reformatted, 1 file already formatted\n"
    assert (project / "a.yaml").read_text(encoding="utf-8") == MESSY
    assert run("--check", "b.yaml").exit_code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    put(project / "a.yaml", MESSY)
    result = run("--diff", "a.yaml")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a.yaml\n+++ a.yaml\n@@ -1,4 +1,4 @@\n"
        "+schema_version: \"1.0\"\n"
        " film:\n"
        "-    year: 2019\n"
        "-    title: Parasite   \n"
        "-schema_version: '1.0'\n"
        "+  title: Parasite\n"
        "+  year: 2019\n"
    )
    assert result.stderr == "1 file would be reformatted, 0 files already formatted\n"
    assert (project / "a.yaml").read_text(encoding="utf-8") == MESSY


def test_line_endings_become_lf(project: Path) -> None:
    review = put(project / "a.yaml", MESSY.replace("\n", "\r\n"))
    assert run("a.yaml").exit_code == 0
    assert review.read_bytes() == CANONICAL.encode("utf-8")


def test_schema_comment_from_flag_and_config(project: Path) -> None:
    review = put(project / "a.yaml", CANONICAL)
    assert run("--schema-comment", "a.yaml").exit_code == 0
    assert review.read_text(encoding="utf-8") == CANONICAL  # no schema copy configured: nothing to link to
    (project / ".reviewlint.yaml").write_text("schema-comment: true\nschema-path: schemas/film-review.schema.json\n",
                                              encoding="utf-8")
    put(review, CANONICAL)
    result = CliRunner().invoke(cli, ["format", "a.yaml"], catch_exceptions=False)
    assert result.exit_code == 0
    assert review.read_text(encoding="utf-8") == SCHEMA_LINE + CANONICAL
    # --no-schema-comment only stops adding it; an existing one is a comment like any other.
    put(review, CANONICAL)
    assert CliRunner().invoke(cli, ["format", "--no-schema-comment", "a.yaml"]).exit_code == 0
    assert review.read_text(encoding="utf-8") == CANONICAL


def test_output_that_would_not_load_back_the_same_is_not_written(project: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewlint.formatting.layout as layout

    monkeypatch.setattr(layout, "emit", lambda root, **options: "film:\n  title: Something else\n")
    review = put(project / "a.yaml", MESSY)
    result = run("a.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "reviewlint: error: a.yaml: internal error: the formatted text would not load back to the same data "
        "(first difference at schema_version); the file was left unchanged (please report this)\n")
    assert review.read_text(encoding="utf-8") == MESSY


def test_missing_path_is_an_error(project: Path) -> None:
    result = run("nowhere.yaml")
    assert result.exit_code == 2
    assert result.stderr == "reviewlint: error: nowhere.yaml: no such file or directory\n"


def test_write_atomic_failure_leaves_the_file_and_no_temporary(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    review = put(tmp_path / "a.yaml", MESSY)

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(str(review), b"new\n")
    assert review.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_write_atomic_through_a_symbolic_link_changes_the_target(tmp_path: Path) -> None:
    target = put(tmp_path / "real.yaml", MESSY, mode=0o600)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    write_atomic(str(link), b"new\n")
    assert link.is_symlink()
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# --- format - (an editor's format-on-save) ------------------------------------------------------

MESSY_STDIN = 'schema_version: "1.0"\nfilm: {title: Heat, year: 1995}  # the film\n'
CANONICAL_STDIN = 'schema_version: "1.0"\nfilm:  # the film\n  title: Heat\n  year: 1995\n'


def test_format_stdin_prints_the_canonical_text_with_its_comments(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["format", "--isolated", "-"], input=MESSY_STDIN)
    assert (result.exit_code, result.stdout, result.stderr) == (0, CANONICAL_STDIN, "")
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def test_format_stdin_refuses_with_nothing_on_stdout_so_the_editor_keeps_its_buffer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["format", "--isolated", "-", "--stdin-filename", "reviews/x.yaml"],
                                input="a: [\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("reviewlint: error: reviews/x.yaml:1:5: RL001 not formatted: YAML syntax error: did not "
                             "find expected node content (while parsing a flow node); the [ is never closed: end the "
                             "list with ], or quote the value if the [ is text\n")


def test_format_stdin_check_and_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    would = CliRunner().invoke(cli, ["format", "--isolated", "--check", "-"], input=MESSY_STDIN)
    assert (would.exit_code, would.stdout) == (1, "Would reformat: -\n")
    clean = CliRunner().invoke(cli, ["format", "--isolated", "--check", "-"], input=CANONICAL_STDIN)
    assert (clean.exit_code, clean.stdout) == (0, "")
    diff = CliRunner().invoke(cli, ["format", "--isolated", "--diff", "-"], input=MESSY_STDIN)
    assert diff.exit_code == 1
    assert diff.stdout.startswith("--- -\n+++ -\n")
    assert "+film:  # the film\n" in diff.stdout


def test_format_stdin_uses_the_config_of_its_stdin_filename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / ".reviewlint.yaml").write_text(
        "schema-comment: true\nschema-path: ../schemas/film-review.schema.json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["format", "-", "--stdin-filename", "reviews/heat.yaml"], input=MESSY_STDIN)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "# yaml-language-server: $schema=../schemas/film-review.schema.json"


@pytest.mark.parametrize("command", ["check", "format"])
def test_stdin_filename_needs_dash_as_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [command, ".", "--stdin-filename", "x.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "reviewlint: error: --stdin-filename goes with `-` as the only path"


def test_format_has_the_max_file_size_flag_its_message_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.yaml").write_text(MESSY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["format", "--isolated", "--max-file-size", "10", "big.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"reviewlint: error: big.yaml:1:1: RL011 not formatted: file is {len(MESSY)} bytes, over the limit of 10 "
        "(raise it with --max-file-size or `max-file-size` in the config to check it)")
    assert (tmp_path / "big.yaml").read_text(encoding="utf-8") == MESSY
