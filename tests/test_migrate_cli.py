"""`reviewlint migrate` end to end: batches, reports, exit codes, safe writes, encodings."""

from __future__ import annotations

import codecs
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import LEGACY_POST, migrate
from reviewlint.engine import check_paths
from reviewlint.migrate import upgrades
from reviewlint.migrate.batch import BatchSettings, discover, run
from reviewlint.migrate.output import safe_stem
from reviewlint.migrate.upgrades import UpgradeStep, rename_key

LEGACY = Path(__file__).parents[1] / "examples" / "legacy"


def stable(text: str) -> str:
    """The report with lint warning counts removed: rules come and go, errors must not."""
    return re.sub(r"(check: \d+ errors?), \d+ warnings?(?:, \d+ info)?", r"\1", text)


@pytest.fixture
def old(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "lanterns.txt").write_text(LEGACY_POST, encoding="utf-8")
    return folder


def test_a_folder_in_mixed_styles_converts_and_passes_check(tmp_path: Path) -> None:
    source = tmp_path / "old"
    shutil.copytree(LEGACY, source)
    out = tmp_path / "reviews"
    result = migrate(str(source), "-o", str(out), "--author", "Ciara Byrne", "--assume-no-warnings")
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert written == ["arrival.yaml", "grand-budapest.yaml", "letterboxd/past-lives-2023.yaml",
                       "letterboxd/perfect-days-2023.yaml", "spirited-away.yaml", "whiplash.yaml"]
    assert result.stdout.endswith(
        "Summary\n  converted cleanly         3\n  converted with notes      3\n  failed                    0\n"
        f"  skipped                   0\n  total                     6\nWrote 6 files to {out}.\n")
    checked = check_paths([str(out)])
    # "a rich guest dies": --assume-no-warnings does not write "checked, none" over that prose (issue 12)
    assert [d.concise() for d in checked.diagnostics if d.severity.label == "error"] == [
        f"{out}/grand-budapest.yaml:1:1: RL101 missing required key `content_warnings`"]
    assert len(checked.files) == 6


def test_report_lines(old: Path, tmp_path: Path) -> None:
    (old / "notes.md").write_text("# Paper Lanterns (2019)\n\nComposer: Nils Frahm\n\nIt glows.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = migrate(str(old), "-o", str(out))
    assert result.exit_code == 0
    lines = stable(result.stdout).splitlines()
    assert lines[0] == f"{old}/lanterns.txt -> {out}/lanterns.yaml: converted; 7 lines mapped; check: 0 errors; written"
    assert lines[1] == (f"{old}/notes.md -> {out}/notes.yaml: converted with 3 notes; 2 lines mapped, 1 kept under "
                        "notes; check: 2 errors; written")
    assert lines[2] == ("  note: line 3: kept under notes: 'Composer: Nils Frahm' (no field for the label "
                        "'Composer')")
    assert lines[3].startswith("  note: the source does not state author.name")
    assert lines[4].startswith("  note: the source does not state content_warnings")
    assert lines[5:7] == ["", "Summary"]


def test_one_bad_file_never_stops_the_batch(old: Path, tmp_path: Path) -> None:
    (old / "broken.txt").write_bytes(b"\x00\x01binary")
    (old / "zzz.txt").write_text(LEGACY_POST, encoding="utf-8")
    out = tmp_path / "out"
    result = migrate(str(old), "-o", str(out))
    assert result.exit_code == 1
    assert (f"{old}/broken.txt: failed\n  error: cannot read: the file contains NUL bytes: it is binary (or UTF-16 "
            "without a byte-order mark)\n") in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["lanterns.yaml", "zzz.yaml"]
    assert "  failed                    1\n" in result.stdout


def test_dry_run_writes_nothing(old: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = migrate(str(old), "-o", str(out), "--dry-run")
    assert result.exit_code == 0
    assert "would be written (dry run)" in result.stdout
    assert result.stdout.endswith("Dry run: nothing was written.\n")
    assert not out.exists()


def test_existing_files_need_force(old: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "lanterns.yaml"
    target.write_text("mine\n", encoding="utf-8")
    os.chmod(target, 0o640)
    result = migrate(str(old), "-o", str(out))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert "NOT written: the file exists (use --force to replace it)" in result.stdout
    assert result.stdout.endswith("  converted cleanly         0\n  converted with notes      0\n"
                                  "  failed                    0\n  skipped                   1\n"
                                  f"  total                     1\nWrote 0 files to {out}.\n"
                                  "1 output already existed and was left alone (use --force to replace it).\n")
    forced = migrate(str(old), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("schema_version: ")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # the file keeps its mode
    assert [p.name for p in out.iterdir()] == ["lanterns.yaml"]  # no temporary files left behind


def test_a_symbolic_link_in_the_output_folder_is_never_written_through(old: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n", encoding="utf-8")
    (out / "lanterns.yaml").symlink_to(outside)
    result = migrate(str(old), "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "symbolic link" in result.stdout
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_single_file_prints_yaml_to_stdout_and_reports_to_stderr(old: Path) -> None:
    result = migrate(str(old / "lanterns.txt"))
    assert result.exit_code == 0
    assert result.stdout.startswith('schema_version: "1.1"\nfilm:\n  title: Paper Lanterns\n  year: 2019\n')
    assert "content_warnings: []\n" in result.stdout
    assert stable(result.stderr) == f"{old}/lanterns.txt: converted; 7 lines mapped; check: 0 errors\n"


@pytest.mark.parametrize(("args", "message"), [
    ([], "reviewlint: error: name the legacy files or folders to migrate"),
    (["{old}"], "reviewlint: error: several inputs need a folder to write to: add -o FOLDER"),
    (["{old}/lanterns.txt", "--in-place", "-o", "x"], "reviewlint: error: --in-place and --output exclude each other"),
    (["{old}/lanterns.txt", "--language", "English"], "reviewlint: error: --language 'English' is not a BCP 47 tag"),
])
def test_usage_errors(old: Path, args: list[str], message: str) -> None:
    result = migrate(*(arg.format(old=old) for arg in args))
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_missing_input_fails(tmp_path: Path) -> None:
    result = migrate(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path}/nope.txt: failed: no such file or folder\n")


@pytest.mark.parametrize(("data", "encoding_note", "status"), [
    (LEGACY_POST.encode("utf-8"), "", "converted"),
    (codecs.BOM_UTF8 + LEGACY_POST.encode("utf-8"), "; read as utf-8 (with BOM)", "converted"),
    (codecs.BOM_UTF16_LE + LEGACY_POST.replace("\n", "\r\n").encode("utf-16-le"), "; read as utf-16", "converted"),
    (LEGACY_POST.replace("Mara Lind", "Mara Lindé").encode("cp1252"), "; read as cp1252", "converted with 1 note"),
])
def test_encodings_and_line_endings(tmp_path: Path, data: bytes, encoding_note: str, status: str) -> None:
    source = tmp_path / "post.txt"
    source.write_bytes(data)
    out = tmp_path / "out"
    result = migrate(str(source), "-o", str(out))
    assert result.exit_code == 0
    first = stable(result.stdout).splitlines()[0]
    assert first == f"{source} -> {out}/post.yaml: {status}; 7 lines mapped; check: 0 errors; written{encoding_note}"
    text = (out / "post.yaml").read_text(encoding="utf-8")
    assert "\r" not in text
    assert "name: Mara Lind" in text
    if encoding_note.endswith("cp1252"):
        assert "name: Mara Lindé" in text
        assert "  note: the file is not UTF-8; it was read as cp1252 (Windows Western)." in result.stdout


def test_crafted_titles_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    csv = tmp_path / "reviews.csv"
    csv.write_text("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
                   "2024-01-01,../../escape,2020,https://boxd.it/a,4,,Fine.,,\n"
                   "2024-01-02,/etc/passwd,2021,https://boxd.it/b,4,,Fine.,,\n"
                   "2024-01-03,..,,https://boxd.it/c,4,,Fine.,,\n"
                   "2024-01-04,CON,2019,https://boxd.it/d,4,,Fine.,,\n"
                   "2024-01-05,../../escape,2020,https://boxd.it/e,4,,Again.,,\n", encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = migrate(str(csv), "-o", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["con-2019.yaml", "escape-2020-2.yaml", "escape-2020.yaml",
                                                     "etc-passwd-2021.yaml", "review.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "reviews.csv"]


@pytest.mark.parametrize(("text", "stem"), [
    ("../../x", "x"), ("/etc/passwd", "etc-passwd"), ("Ballerina 2023", "ballerina-2023"), ("", "review"),
    ("...", "review"), ("nul", "nul-review"), ("발레리나 2023", "발레리나-2023"), ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
    ("x" * 200, "x" * 80),
])
def test_safe_stems(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


def test_subfolders_are_mirrored_and_names_never_collide(tmp_path: Path) -> None:
    source = tmp_path / "old"
    (source / "2019").mkdir(parents=True)
    (source / "2019" / "lanterns.txt").write_text(LEGACY_POST, encoding="utf-8")
    (source / "2019" / "lanterns.md").write_text(LEGACY_POST, encoding="utf-8")
    (source / ".drafts").mkdir()
    (source / ".drafts" / "secret.txt").write_text(LEGACY_POST, encoding="utf-8")
    (source / "image.png").write_bytes(b"\x89PNG")
    out = tmp_path / "converted"  # an output inside the input is a usage error (test_migrate_safety)
    assert migrate(str(source), "-o", str(out)).exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "2019", "2019/lanterns-2.yaml", "2019/lanterns.yaml"]
    # The batch API still skips an output folder inside the input, for callers that allow it.
    files, _ = discover([str(source)], exclude=source / "2019")
    assert files == []


def test_progress_callback_sees_every_file(old: Path) -> None:
    (old / "second.txt").write_text(LEGACY_POST, encoding="utf-8")
    files, missing = discover([str(old)])
    seen: list[str] = []
    report = run(files, BatchSettings(dry_run=True), progress=lambda item: seen.append(item.path.name))
    assert seen == ["lanterns.txt", "second.txt"]
    assert missing == [] and len(report.outcomes) == 2


def test_in_place_upgrade_keeps_layout_and_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrades, "STEPS", {"1.0": upgrades.STEPS["1.0"]})
    upgrades.register(UpgradeStep("0.9", "1.0", "reviewer renamed to author",
                                  lambda document: rename_key(document, "reviewer", "author")))
    review = tmp_path / "old.yaml"
    review.write_text('schema_version: "0.9"  # old\nfilm:\n  title: X\n  year: 2000\nreviewer:\n  name: Ana\n'
                      "review:\n  body:\n  - Fine.\ncontent_warnings: []\n", encoding="utf-8")
    current = tmp_path / "current.yaml"
    current.write_text((Path(__file__).parents[1] / "examples" / "parasite.yaml").read_text(encoding="utf-8"))
    before = current.stat().st_mtime_ns
    result = migrate(str(review), str(current), "--in-place")
    assert result.exit_code == 0, result.output
    assert review.read_text(encoding="utf-8") == ('schema_version: "1.1"  # old\nfilm:\n  title: X\n  year: 2000\n'
                                                  "author:\n  name: Ana\nreview:\n  body:\n  - Fine.\n"
                                                  "content_warnings: []\n")
    assert current.stat().st_mtime_ns == before
    assert "current.yaml: converted; " in result.stdout and "; unchanged" in result.stdout
    legacy = tmp_path / "post.txt"
    legacy.write_text(LEGACY_POST, encoding="utf-8")
    refused = migrate(str(legacy), "--in-place")
    assert refused.exit_code == 1
    assert "--in-place upgrades YAML reviews only; convert legacy posts with -o FOLDER" in refused.stdout


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    review = tmp_path / "future.yaml"
    review.write_text('schema_version: "2.0"\n', encoding="utf-8")
    result = migrate(str(review), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert ("  error: schema_version '2.0' is newer than this reviewlint knows (newest: 1.1); upgrade reviewlint to "
            "read this file\n") in result.stdout
