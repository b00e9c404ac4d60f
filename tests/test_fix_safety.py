"""A fix or a format writes only over the bytes it checked, keeps the file's owner, group
and mode, refuses hard-linked files, reads each file once, and reports a fault (a full
disk, a read-only file, a file saved meanwhile) as what it is, with true counts."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

import conftest
from conftest import valid_review_text
from reviewlint.config import SettingsLookup
from reviewlint.fixing import fix_paths
from reviewlint.formatting import format_text
from reviewlint.formatting.write import ChangedOnDisk, write_atomic

MESSY = valid_review_text().replace("  title: Quiet Harbour\n", "  title: Quiet Harbour   \n", 1)
FIXED = format_text(MESSY.replace("Quiet Harbour   ", "Quiet Harbour"))
USERS_TEXT = MESSY.replace("Quiet Harbour", "Quiet Harbour (the user's new title)")

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and links")
root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")


def invoke(*args: str) -> Result:
    return conftest.invoke(*args, catch_exceptions=False)


def fix_cli(*paths: str) -> Result:
    return invoke("check", "--isolated", "--no-cache", "--fix", "--output-format", "concise", *paths)


@pytest.fixture
def review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.yaml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def save_meanwhile(monkeypatch: pytest.MonkeyPatch, path: Path, how: str) -> None:
    """An editor saves `path` while the fixer works on what it read."""
    import reviewlint.fixing as fixing

    real = fixing.fix_document

    def fix_and_save(*args: Any, **kwargs: Any) -> Any:
        fixed = real(*args, **kwargs)
        if how == "rename":  # most editors: a new file renamed over the old
            fresh = path.with_name("saved.tmp")
            fresh.write_text(USERS_TEXT, encoding="utf-8")
            os.replace(fresh, path)
        else:  # others write the old file in place
            path.write_text(USERS_TEXT, encoding="utf-8")
        return fixed

    monkeypatch.setattr(fixing, "fix_document", fix_and_save)


@pytest.mark.parametrize("how", ["rename", "in place"])
def test_a_file_saved_between_check_and_fix_keeps_the_users_bytes(review: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  how: str) -> None:
    save_meanwhile(monkeypatch, review, how)
    result, outcome = fix_paths(["a.yaml"], settings_for=SettingsLookup(isolated=True))
    assert review.read_text(encoding="utf-8") == USERS_TEXT
    assert (outcome.files_changed, outcome.errors) == (0, False)
    reason = ("it changed on disk after reviewlint read it (saved by an editor or another run?), and its new "
              "contents were kept: run again")
    assert outcome.messages == [f"reviewlint: warning: a.yaml: not fixed: {reason}"]
    assert [d.concise() for d in result.diagnostics if d.code == "RL014"] == [
        f"a.yaml:1:1: RL014 not fixed: {reason}"]


def test_check_fix_on_a_file_saved_meanwhile_says_so_and_fails(review: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    save_meanwhile(monkeypatch, review, "rename")
    fixed = fix_cli("a.yaml")
    assert fixed.exit_code == 1
    assert "a.yaml:1:1: RL014 not fixed: it changed on disk after reviewlint read it" in fixed.stdout
    assert "rewritten" not in fixed.output
    assert review.read_text(encoding="utf-8") == USERS_TEXT


def test_write_atomic_compares_the_bytes_it_was_given(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"new: 1\n")
    with pytest.raises(ChangedOnDisk):
        write_atomic(str(path), b"fixed: 1\n", expected=b"old: 1\n")
    assert path.read_bytes() == b"new: 1\n"
    write_atomic(str(path), b"fixed: 1\n", expected=b"new: 1\n")
    assert path.read_bytes() == b"fixed: 1\n"
    write_atomic(str(path), b"fixed: 1\n", expected=b"new: 1\n")  # another run wrote just that: fine
    assert path.read_bytes() == b"fixed: 1\n"


def count_opens(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Every open of a file called `name` (builtins.open, io.open and os.open)."""
    import builtins
    import io

    opened: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def counted_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, Path)) and os.path.basename(str(file)) == name:
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def counted_os_open(file: Any, *args: Any, **kwargs: Any) -> int:
        if isinstance(file, (str, Path)) and os.path.basename(str(file)) == name:
            opened.append(str(file))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted_open)
    monkeypatch.setattr(io, "open", counted_open)
    monkeypatch.setattr(os, "open", counted_os_open)
    return opened


def test_fixing_a_file_opens_it_once(review: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = count_opens(monkeypatch, "a.yaml")
    result, outcome = fix_paths(["a.yaml"], settings_for=SettingsLookup(isolated=True))
    assert opened == ["a.yaml"]
    assert review.read_text(encoding="utf-8") == FIXED
    assert outcome.files_changed == 1
    # The findings are those of the text now in the file, and the report quotes it from memory.
    assert result.files[0].document is not None and result.files[0].document.text == FIXED


def test_check_fix_on_one_file_opens_it_once(review: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = count_opens(monkeypatch, "a.yaml")
    fixed = invoke("check", "--isolated", "--no-cache", "--fix", "a.yaml")
    assert opened == ["a.yaml"]
    assert fixed.exit_code == 0, fixed.output
    assert review.read_text(encoding="utf-8") == FIXED


@posix_only
@root_only
@pytest.mark.parametrize("command", ["format", "check --fix"])
def test_root_rewriting_a_users_file_keeps_its_owner_group_and_mode(review: Path, command: str) -> None:
    os.chown(review, 1000, 1000)
    os.chmod(review, 0o664)
    if command == "format":
        done = invoke("format", "--isolated", "a.yaml")
    else:
        done = invoke("check", "--isolated", "--no-cache", "--fix", "a.yaml")
    assert done.exit_code == 0, done.output
    assert review.read_text(encoding="utf-8") == FIXED
    info = review.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1000, 1000, 0o664)


@posix_only
@root_only
def test_a_user_who_could_not_keep_the_owner_is_refused() -> None:
    # An ordinary user may write root's world-writable file in place, but a replacement
    # would be the user's own: refused, never silently taken over.
    folder = Path(tempfile.mkdtemp(prefix="reviewlint-owner-", dir="/tmp"))  # pytest's own is root's only
    try:
        refused_as_nobody(folder)
    finally:
        shutil.rmtree(folder)


def refused_as_nobody(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o777)
    review = tmp_path / "a.yaml"
    review.write_text(MESSY, encoding="utf-8")
    os.chmod(review, 0o666)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child as user `nobody`
        message = b"written"
        try:
            os.setgid(65534)
            os.setuid(65534)
            write_atomic(str(review), FIXED.encode("utf-8"))
        except OSError as error:
            message = str(error.strerror).encode("utf-8")
        finally:
            os.write(writing, message)
            os._exit(0)
    os.close(writing)
    os.waitpid(child, 0)
    with os.fdopen(reading, "rb") as pipe:
        said = pipe.read().decode("utf-8")
    assert said == ("it is another user's file (uid 0, gid 0), and a replacement written by this user could not "
                    "keep its owner")
    assert review.read_text(encoding="utf-8") == MESSY
    assert review.stat().st_uid == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@posix_only
@pytest.mark.parametrize("command", ["format", "check --fix"])
def test_a_hard_linked_file_is_refused(review: Path, command: str) -> None:
    os.link(review, review.with_name("b.yml"))
    if command == "format":
        done = invoke("format", "--isolated", "a.yaml")
        where = "cannot write"
    else:
        done = invoke("check", "--isolated", "--no-cache", "--fix", "a.yaml")
        where = "cannot write the fixed file"
    assert done.exit_code == 2
    assert (f"reviewlint: error: a.yaml: {where}: it has 2 hard links, and replacing it would leave the other "
            "names with the old text (break the link with cp, or edit it by hand); the file was left unchanged") \
        in done.stderr
    assert review.read_text(encoding="utf-8") == MESSY
    assert review.with_name("b.yml").read_text(encoding="utf-8") == MESSY
    assert review.stat().st_nlink == 2


def disk_full(*_args: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_under_check_fix_is_reported_as_such_with_true_counts(review: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    review.with_name("b.yaml").write_text(MESSY, encoding="utf-8")
    monkeypatch.setattr(os, "fsync", disk_full)
    done = fix_cli("a.yaml", "b.yaml")
    assert done.exit_code == 2
    assert "RL999" not in done.output and "please report" not in done.output
    assert "rewritten" not in done.output
    for name in ("a.yaml", "b.yaml"):
        assert f"reviewlint: error: {name}: cannot write the fixed file: No space left on device; the file was " \
               "left unchanged" in done.stderr
        assert f"{name}:1:1: RL014 not fixed: cannot write the file: No space left on device; it was left " \
               "unchanged" in done.stdout
        assert (review.with_name(name)).read_text(encoding="utf-8") == MESSY


@posix_only
def test_a_read_only_file_under_check_fix_is_reported_as_such(review: Path) -> None:
    os.chmod(review, 0o444)
    done = fix_cli("a.yaml")
    assert done.exit_code == 2
    assert "a.yaml:1:1: RL014 not fixed: cannot write the file: the file is read-only; it was left unchanged" \
        in done.stdout
    assert "RL999" not in done.output and "rewritten" not in done.output
    assert review.read_text(encoding="utf-8") == MESSY


def test_two_fix_runs_at_once_take_turns_and_report_what_is_on_disk(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for number in range(60):
        (tree / f"r{number:02}.yaml").write_text(MESSY.replace("2011", str(1950 + number)), encoding="utf-8")
    command = [sys.executable, "-m", "reviewlint.cli", "check", "--isolated", "--no-cache", "--fix",
               "--output-format", "json", "tree"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _out, err in outputs]
    fresh = subprocess.run([*command[:6], "--output-format", "json", "tree"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=300, check=False)
    for out, err in outputs:
        assert "not fixed" not in err
        assert json.loads(out) == json.loads(fresh.stdout)
    assert all(path.read_text(encoding="utf-8") == format_text(path.read_text(encoding="utf-8"))
               for path in tree.iterdir())


@pytest.mark.parametrize("command", ["format", "check --fix"])
def test_formatting_never_pushes_a_file_over_the_size_limit(review: Path, command: str) -> None:
    # Tabs in a quoted value are written as `\t`: the canonical text is longer than the file.
    text = MESSY.replace("schema_version:", 'x-tabs: "' + "\t" * 3000 + '"\nschema_version:', 1)
    review.write_text(text, encoding="utf-8")
    limit = str(len(text.encode("utf-8")) + 100)
    if command == "format":
        done = invoke("format", "--isolated", "--max-file-size", limit, "a.yaml")
        assert done.exit_code == 2
        said = done.stderr
    else:
        done = invoke("check", "--isolated", "--no-cache", "--fix", "--max-file-size", limit, "--output-format",
                      "concise", "a.yaml")
        assert done.exit_code == 1
        said = done.stdout
    size = len(format_text(text).encode("utf-8"))
    assert (f"a.yaml:1:1: RL014 not formatted: the formatted text would be {size} bytes, over the limit of {limit} "
            "(max-file-size), and could no longer be checked") in said
    assert review.read_text(encoding="utf-8") == text


def test_format_over_a_file_saved_meanwhile_keeps_the_users_bytes(review: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewlint.formatting as formatting

    real = formatting.format_document

    def format_and_save(*args: Any, **kwargs: Any) -> Any:
        formatted = real(*args, **kwargs)
        review.write_text(USERS_TEXT, encoding="utf-8")
        return formatted

    monkeypatch.setattr(formatting, "format_document", format_and_save)
    done = invoke("format", "--isolated", "a.yaml")
    assert done.exit_code == 2
    assert "reviewlint: error: a.yaml: cannot write: it changed on disk after reviewlint read it" in done.stderr
    assert review.read_text(encoding="utf-8") == USERS_TEXT


def test_many_files_are_fixed_by_a_pool_of_workers_with_the_same_result(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    tree = tmp_path / "tree"
    tree.mkdir()
    for number in range(70):  # over PARALLEL_MIN_FILES
        (tree / f"r{number:02}.yaml").write_text(MESSY.replace("2011", str(1940 + number)), encoding="utf-8")
    done = invoke("check", "--isolated", "--no-cache", "--fix", "-j", "2", "tree")
    assert done.exit_code == 0, done.output
    assert "0 problems fixed, 70 files rewritten." in done.stderr
    assert done.stdout == "No problems found (70 files checked)\n"
    for number in range(70):
        assert (tree / f"r{number:02}.yaml").read_text(encoding="utf-8") == FIXED.replace("2011", str(1940 + number))
