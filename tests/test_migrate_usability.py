"""`reviewlint migrate` as a new user meets it: re-runs, typos, CSV exports without -o,
dry runs, files that are not reviews, and a report whose words each mean one thing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import LEGACY_POST, migrate

LEGACY = Path(__file__).parents[1] / "examples" / "legacy"


CSV_HEADER = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
CSV_ROW = "2024-01-0{day},Film {day},2020,https://boxd.it/{day},4,,Fine.,,\n"


def summary(converted: int, notes: int, failed: int, skipped: int) -> str:
    rows = [("converted cleanly", converted), ("converted with notes", notes), ("failed", failed),
            ("skipped", skipped), ("total", converted + notes + failed + skipped)]
    return "Summary\n" + "".join(f"  {label:<22}{count:>5}\n" for label, count in rows)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    source = tmp_path / "old"
    shutil.copytree(LEGACY, source)
    return source


def test_rerun_into_a_full_folder_counts_every_review_as_skipped(legacy: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviews"
    assert migrate(str(legacy), "-o", str(out)).exit_code == 0
    before = snapshot(out)
    again = migrate(str(legacy), "-o", str(out))
    assert again.exit_code == 0  # existing files deliberately left alone are not a failure
    assert again.stdout.endswith("\n" + summary(0, 0, 0, 6) + f"Wrote 0 files to {out}.\n"
                                 "6 outputs already existed and were left alone (use --force to replace them).\n")
    heads = [line for line in again.stdout.splitlines() if line.startswith(str(legacy))]
    assert len(heads) == 6
    assert all(head.endswith("; NOT written: the file exists (use --force to replace it)") for head in heads)
    assert snapshot(out) == before


def test_a_partly_filled_folder_counts_only_the_existing_output_as_skipped(tmp_path: Path) -> None:
    source = tmp_path / "old"
    source.mkdir()
    (source / "a.txt").write_text(LEGACY_POST, encoding="utf-8")
    (source / "b.txt").write_text(LEGACY_POST, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.yaml").write_text("mine\n", encoding="utf-8")
    result = migrate(str(source), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout.endswith("\n" + summary(1, 0, 0, 1) + f"Wrote 1 file to {out}.\n"
                                  "1 output already existed and was left alone (use --force to replace it).\n")
    assert (out / "a.yaml").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("extra", [[], ["{old}/post.txt"], ["--author", "Ana"]])
def test_a_missing_input_without_o_is_a_usage_error(tmp_path: Path, extra: list[str]) -> None:
    (tmp_path / "post.txt").write_text(LEGACY_POST, encoding="utf-8")
    missing = tmp_path / "nonexist.txt"
    result = migrate(str(missing), *(arg.format(old=tmp_path) for arg in extra))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"reviewlint: error: {missing}: no such file or folder\n"


def test_a_csv_with_several_reviews_without_o_is_refused(tmp_path: Path) -> None:
    csv = tmp_path / "reviews.csv"
    csv.write_text(CSV_HEADER + "".join(CSV_ROW.format(day=day) for day in (1, 2, 3)), encoding="utf-8")
    result = migrate(str(csv))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"reviewlint: error: {csv} holds 3 reviews: add -o FOLDER\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reviews.csv"]


def test_the_example_letterboxd_export_without_o_is_refused() -> None:
    csv = LEGACY / "letterboxd" / "reviews.csv"
    result = migrate(str(csv))
    assert result.exit_code == 2
    assert result.stderr == f"reviewlint: error: {csv} holds 2 reviews: add -o FOLDER\n"


def test_a_csv_with_one_review_still_prints_it(tmp_path: Path) -> None:
    csv = tmp_path / "reviews.csv"
    # The second row has no review text: it is not a review, so one review remains.
    csv.write_text(CSV_HEADER + CSV_ROW.format(day=1) + "2024-01-02,Other,2021,https://boxd.it/x,3,,,,\n",
                   encoding="utf-8")
    result = migrate(str(csv))
    assert result.exit_code == 0
    assert result.stdout.startswith('schema_version: "1.1"\nfilm:\n  title: Film 1\n  year: 2020\n')
    assert "\n---" not in result.stdout
    assert result.stderr.startswith(f"{csv} (row 2): converted with 2 notes; 6 columns mapped; check: ")


def test_dry_run_into_a_partly_filled_folder_says_what_would_be_left_alone(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(LEGACY_POST, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "post.yaml").write_text("mine\n", encoding="utf-8")
    result = migrate(str(post), "-o", str(out), "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.endswith("\n" + summary(0, 0, 0, 1) + "Dry run: nothing was written.\n"
                                  "1 output already exists and would be left alone (use --force to replace it).\n")
    assert (out / "post.yaml").read_text(encoding="utf-8") == "mine\n"


def test_dry_run_needs_no_output_folder(legacy: Path) -> None:
    before = snapshot(legacy.parent)
    result = migrate("--dry-run", str(legacy))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "schema_version" not in result.stdout  # a report, not YAML
    heads = [line for line in result.stdout.splitlines() if line.startswith(str(legacy))]
    assert [head.split(":")[0] for head in heads] == [
        f"{legacy}/arrival.md", f"{legacy}/grand-budapest.html", f"{legacy}/spirited-away.txt",
        f"{legacy}/whiplash.txt", f"{legacy}/letterboxd/reviews.csv (row 2)",
        f"{legacy}/letterboxd/reviews.csv (row 3)"]
    assert not any(" -> " in head or "written" in head for head in heads)
    assert result.stdout.endswith("\n" + summary(1, 5, 0, 0) + "Dry run: nothing was written.\n")
    assert snapshot(legacy.parent) == before


def test_dry_run_of_one_file_without_o_reports_instead_of_printing(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(LEGACY_POST, encoding="utf-8")
    result = migrate(str(post), "--dry-run")
    assert result.exit_code == 0
    assert re.sub(r", \d+ warnings?", "", result.stdout) == (
        f"{post}: converted; 7 lines mapped; check: 0 errors\n\n" + summary(1, 0, 0, 0)
        + "Dry run: nothing was written.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.txt"]


@pytest.mark.parametrize("text", ["hello world, some random words\n", "Just some thoughts.\n\nI liked it.\n"])
def test_a_file_with_no_title_or_year_fails_and_prints_nothing(tmp_path: Path, text: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    result = migrate(str(notes))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{notes}: failed\n  error: no film title or year found: not a review?\n"


def test_a_file_with_no_title_or_year_is_not_written(tmp_path: Path) -> None:
    source = tmp_path / "old"
    source.mkdir()
    (source / "notes.txt").write_text("hello world, some random words\n", encoding="utf-8")
    (source / "post.txt").write_text(LEGACY_POST, encoding="utf-8")
    out = tmp_path / "out"
    result = migrate(str(source), "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{source}/notes.txt: failed\n"
                                    "  error: no film title or year found: not a review?\n")
    assert result.stdout.endswith("\n" + summary(1, 0, 1, 0) + f"Wrote 1 file to {out}.\n")
    assert sorted(p.name for p in out.iterdir()) == ["post.yaml"]


def test_conversion_notes_and_check_warnings_have_different_names(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Paper Lanterns (2019)\n\nComposer: Nils Frahm\n\nIt glows.\n\n(Mara Lind)\n", encoding="utf-8")
    result = migrate(str(post), "-o", str(tmp_path / "out"), "--assume-no-warnings")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert re.fullmatch(rf"{re.escape(str(post))} -> {re.escape(str(tmp_path))}/out/post\.yaml: converted with 1 "
                        r"note; 3 lines mapped, 1 kept under notes; check: 0 errors, \d+ warnings?; written", lines[0])
    assert lines[1] == "  note: line 3: kept under notes: 'Composer: Nils Frahm' (no field for the label 'Composer')"
    assert lines[2] == "  (1 detail on how values were read: --verbose shows them)"
    assert "warning" not in "\n".join(lines[1:]).replace("--assume-no-warnings", "")
