"""Faults while writing: a kill, a full disk, a read-only folder, two runs at once.

Whatever happens, each file is either its old bytes or its new bytes, never a mix; no
temporary file is left in the user's folder; a write that fails is reported with the
file's name, and the original is intact.
"""

from __future__ import annotations

import errno
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

import conftest
from reviewlint.formatting import format_text

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
FILES = 200
# Both writers name their temporary files `.<name>.<random>.tmp` in the target's folder.
TEMPORARY = re.compile(r"^\..*\.tmp$")


def messy(text: str, rng: random.Random) -> str:
    """The same review with trailing spaces, single quotes and sometimes CRLF."""
    lines = [line + " " * rng.choice([0, 0, 1, 3]) if line.strip() and not line.endswith(("|", ">")) else line
             for line in text.splitlines()]
    newline = rng.choice(["\n", "\n", "\r\n"])
    return newline.join(lines).replace('schema_version: "1.0"', "schema_version: '1.0'") + newline


def write_messy_tree(folder: Path, count: int = FILES, seed: int = 8) -> dict[str, bytes]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    originals: dict[str, bytes] = {}
    for number in range(count):
        text = EXAMPLES[number % len(EXAMPLES)].read_text(encoding="utf-8")
        data = messy(text, rng).encode("utf-8")
        (folder / f"review-{number:03}.yaml").write_bytes(data)
        originals[f"review-{number:03}.yaml"] = data
    return originals


def reviewlint(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    # A session of its own, so the kill reaches any worker process too.
    return subprocess.Popen([sys.executable, "-m", "reviewlint.cli", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def temporaries(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if TEMPORARY.match(p.name))


COMMANDS = {
    "format": ("format", "--isolated", "tree"),
    "check --fix": ("check", "--isolated", "--no-cache", "--fix", "tree"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_killed_run_leaves_every_file_old_or_new_and_no_temporary_file(tmp_path: Path, command: str) -> None:
    # What an uninterrupted run writes, from a reference copy.
    reference = tmp_path / "reference"
    originals = write_messy_tree(reference / "tree")
    finished = reviewlint(*COMMANDS[command], cwd=reference)
    assert finished.wait(timeout=60) == 0, finished.stderr.read() if finished.stderr else ""
    expected = {name: (reference / "tree" / name).read_bytes() for name in originals}
    if command == "format":
        assert expected == {name: format_text(data.decode("utf-8")).encode("utf-8")
                            for name, data in originals.items()}
    assert sum(expected[name] != originals[name] for name in originals) == FILES

    rng = random.Random(20261125)
    for round_number in range(3):
        work = tmp_path / f"round-{round_number}"
        write_messy_tree(work / "tree")
        process = reviewlint(*COMMANDS[command], cwd=work)
        time.sleep(rng.uniform(0.2, 0.9))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        names = sorted(p.name for p in (work / "tree").iterdir())
        assert names == sorted(originals), f"round {round_number}: stray files {set(names) - set(originals)}"
        for name, old in originals.items():
            now = (work / "tree" / name).read_bytes()
            assert now in (old, expected[name]), f"round {round_number}: {name} is neither old nor new"
        assert temporaries(tmp_path) == []


def test_two_runs_at_once_leave_every_file_canonical(tmp_path: Path) -> None:
    originals = write_messy_tree(tmp_path / "tree")
    for name in originals:
        os.chmod(tmp_path / "tree" / name, 0o640)
    first, second = (reviewlint("format", "--isolated", "tree", cwd=tmp_path) for _ in range(2))
    assert (first.wait(timeout=60), second.wait(timeout=60)) == (0, 0)
    for name, old in originals.items():
        review = tmp_path / "tree" / name
        assert review.read_bytes() == format_text(old.decode("utf-8")).encode("utf-8")
        assert stat.S_IMODE(review.stat().st_mode) == 0o640
    assert temporaries(tmp_path) == []


MESSY = "film:\n    year: 2019\n    title: Parasite   \nschema_version: '1.0'\n"
CANONICAL = 'schema_version: "1.0"\nfilm:\n  title: Parasite\n  year: 2019\n'
LEGACY = "Parasite (2019)\nDirector: Bong Joon-ho\nMy Rate: 9/10\n\nA family of four moves into a house.\n"


def invoke(*args: str) -> Result:
    return conftest.invoke(*args, catch_exceptions=False)


def disk_full(*_args: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def no_unnamed_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Force the named-temporary-file path (systems without O_TMPFILE)."""
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temporary"])
@pytest.mark.parametrize("command", ["format", "check --fix"])
def test_a_full_disk_is_reported_and_the_file_left_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        command: str, unnamed: bool) -> None:
    monkeypatch.chdir(tmp_path)
    review = tmp_path / "a.yaml"
    review.write_text(MESSY, encoding="utf-8")
    if not unnamed:
        no_unnamed_files(monkeypatch)
    monkeypatch.setattr(os, "fsync", disk_full)  # where a full disk shows, at the latest
    if command == "format":
        result = invoke("format", "--isolated", "a.yaml")
        assert result.exit_code == 2
        assert "reviewlint: error: a.yaml: cannot write: No space left on device; the file was left unchanged" \
            in result.stderr
    else:
        result = invoke("check", "--isolated", "--no-cache", "--fix", "--select", "RL001", "a.yaml")
        assert result.exit_code == 2
        assert ("reviewlint: error: a.yaml: cannot write the fixed file: No space left on device; "
                "the file was left unchanged") in result.stderr
    assert review.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temporary"])
@pytest.mark.parametrize("replacing", [False, True], ids=["new file", "--force"])
def test_a_full_disk_during_migrate_is_reported_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  unnamed: bool, replacing: bool) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "parasite.txt").write_text(LEGACY, encoding="utf-8")
    (tmp_path / "out").mkdir()
    if replacing:
        (tmp_path / "out" / "parasite.yaml").write_text("old\n", encoding="utf-8")
    if not unnamed:
        no_unnamed_files(monkeypatch)
    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("migrate", "parasite.txt", "-o", "out", "--force")
    assert result.exit_code == 1
    assert "cannot write out/parasite.yaml: No space left on device" in result.output
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()} == (
        {"parasite.yaml": "old\n"} if replacing else {})


def test_a_killed_migrate_leaves_only_complete_outputs_and_no_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "posts"
    source.mkdir()
    for number in range(FILES):
        (source / f"post-{number:03}.txt").write_text(LEGACY.replace("four", f"{number} and four"), encoding="utf-8")
    finished = reviewlint("migrate", "posts", "-o", "reference", cwd=tmp_path)
    assert finished.wait(timeout=60) == 0
    expected = {p.name: p.read_bytes() for p in (tmp_path / "reference").iterdir()}
    assert len(expected) == FILES
    rng = random.Random(9)
    for round_number in range(3):
        out = tmp_path / f"out-{round_number}"
        process = reviewlint("migrate", "posts", "-o", out.name, cwd=tmp_path)
        time.sleep(rng.uniform(0.15, 0.6))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        written = {p.name: p.read_bytes() for p in out.iterdir()} if out.exists() else {}
        assert set(written) <= set(expected), set(written) - set(expected)
        assert all(data == expected[name] for name, data in written.items()), f"round {round_number}: partial file"
    assert temporaries(tmp_path) == []


def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only folder does to a writer, even as root: creating a file fails."""
    real_open = os.open
    folder_path = os.path.realpath(folder)
    creating = os.O_CREAT | getattr(os, "O_TMPFILE", 0)

    def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        where = os.path.realpath(path)
        if flags & creating and (where == folder_path or os.path.dirname(where) == folder_path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)


def assert_refused_read_only(tmp_path: Path, reason: str = "Permission denied") -> None:
    result = invoke("format", "--isolated", "tree/a.yaml")
    assert result.exit_code == 2
    assert f"reviewlint: error: tree/a.yaml: cannot write: {reason}; the file was left unchanged" in result.stderr
    assert (tmp_path / "tree" / "a.yaml").read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in (tmp_path / "tree").iterdir()) == ["a.yaml"]


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temporary"])
def test_a_read_only_folder_is_reported_and_the_file_left_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                unnamed: bool) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "a.yaml").write_text(MESSY, encoding="utf-8")
    if not unnamed:
        no_unnamed_files(monkeypatch)
    read_only(tmp_path / "tree", monkeypatch)
    assert_refused_read_only(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_really_read_only_folder_is_reported_and_the_file_left_intact(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere; the writer honours the mode bits all the same.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "a.yaml").write_text(MESSY, encoding="utf-8")
    os.chmod(tmp_path / "tree", 0o555)
    try:
        assert_refused_read_only(tmp_path, "its folder is read-only")
    finally:
        os.chmod(tmp_path / "tree", 0o755)


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Renaming over a file needs only the folder's permission: the writer checks the file's own.
    monkeypatch.chdir(tmp_path)
    review = tmp_path / "a.yaml"
    review.write_text(MESSY, encoding="utf-8")
    os.chmod(review, 0o444)  # refused by its mode bits even for root, who may write anything
    result = invoke("format", "--isolated", "a.yaml")
    assert result.exit_code == 2
    assert "reviewlint: error: a.yaml: cannot write: the file is read-only; the file was left unchanged" \
        in result.stderr
    assert review.read_text(encoding="utf-8") == MESSY
    assert stat.S_IMODE(review.stat().st_mode) == 0o444


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755])
@pytest.mark.parametrize("command", ["format", "check --fix"])
def test_permissions_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    review = tmp_path / "a.yaml"
    review.write_text(MESSY, encoding="utf-8")
    os.chmod(review, mode)
    args = ["format", "--isolated"] if command == "format" else ["check", "--isolated", "--no-cache", "--fix",
                                                                  "--select", "RL001"]
    result = invoke(*args, "a.yaml")
    assert result.exit_code == 0, result.output
    assert review.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(review.stat().st_mode) == mode



@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_migrate_writes_nothing_into_a_read_only_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    post = Path(__file__).parents[1] / "examples" / "legacy" / "spirited-away.txt"
    (tmp_path / "out").mkdir()
    os.chmod(tmp_path / "out", 0o555)
    try:
        result = invoke("migrate", str(post), "-o", "out")
    finally:
        os.chmod(tmp_path / "out", 0o755)
    assert result.exit_code == 1
    assert "error: cannot write out/spirited-away.yaml: its folder is read-only" in result.output
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temporary"])
@pytest.mark.parametrize("existing", [False, True], ids=["new report", "old report"])
def test_a_report_file_on_a_full_disk_is_whole_or_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         unnamed: bool, existing: bool) -> None:
    from reviewlint.formatting.write import write_new_or_replace

    report = tmp_path / "report.json"
    if existing:
        report.write_text("old report\n", encoding="utf-8")
    if not unnamed:
        no_unnamed_files(monkeypatch)
    write_new_or_replace(str(tmp_path / "other.json"), b"{}\n")
    assert (tmp_path / "other.json").read_bytes() == b"{}\n"
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        write_new_or_replace(str(report), b'{"findings": []}\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == (["other.json", "report.json"] if existing
                                                          else ["other.json"])
    if existing:
        assert report.read_text(encoding="utf-8") == "old report\n"


def test_check_output_file_on_a_full_disk_says_so_and_leaves_no_empty_report(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(MESSY, encoding="utf-8")
    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("check", "--isolated", "--no-cache", "--output-format", "json", "-o", "report.json", "a.yaml")
    assert result.exit_code == 2
    assert "reviewlint: error: cannot write report.json: No space left on device" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
