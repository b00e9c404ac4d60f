"""Issue 17 and issue 16 for migrate: nothing dropped, nothing written outside the output
folder, every problem a diagnostic with its file and line, every input bounded; and the
report a person can act on (issue 11 item 8): provenance, what was not placed, JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import Result

from conftest import invoke
from reviewlint.migrate import Status, migrate_text

# The columns of a Letterboxd reviews export, in its order.
COLUMNS = ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date")
HEADER = ",".join(COLUMNS)
POST = "Harbour Lights (2004)\n\nDirector: Ana Ruiz\n\nIt glows, and the harbour keeps its keeper.\n"


def migrate(*args: str) -> Result:
    return invoke("migrate", *args, catch_exceptions=False)


# --- duplicate CSV columns: kept (both, named) or refused, never dropped ------------------------

def test_two_columns_of_the_same_unknown_name_are_both_kept_and_named() -> None:
    text = f"{HEADER},Notes,Notes\n2020-01-01,Harbour Lights,2004,https://boxd.it/a1,4,,It glows.,,,first,second\n"
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.status is Status.WARNINGS
    assert result.accounting.unaccounted() == []
    assert result.data is not None
    assert result.data["notes"] == ["Notes (column 10): first", "Notes (column 11): second"]


def test_a_second_review_column_refuses_the_file_with_both_columns_named() -> None:
    text = f"{HEADER},Review\n2020-01-01,Harbour Lights,2004,https://boxd.it/a1,4,,It glows.,,,Another text\n"
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.status is Status.FAILED
    assert [issue.message for issue in result.issues] == [
        "the header names the column 'Review' 2 times (columns 7, 10); reviewlint cannot tell which one holds the "
        "value: rename or remove the extra column"]


def test_the_cli_exits_1_on_a_refused_duplicate_column(tmp_path: Path) -> None:
    source = tmp_path / "reviews.csv"
    source.write_text(f"{HEADER},Review\n2020-01-01,A,2004,https://boxd.it/a1,4,,x,,,y\n", encoding="utf-8")
    result = migrate(str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "cannot tell which one holds the value" in result.stdout


# --- the output folder -------------------------------------------------------------------------

def test_no_folder_is_created_through_a_planted_link(tmp_path: Path) -> None:
    source = tmp_path / "in" / "escape" / "sub"
    source.mkdir(parents=True)
    (source / "post.txt").write_text(POST, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "escape").symlink_to(outside)
    result = migrate(str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 1
    assert list(outside.iterdir()) == []  # the old code made /outside/sub before checking
    assert f"error: not written: {out}/escape is a symbolic link; reviewlint does not write through links" in \
        result.stdout


@pytest.mark.parametrize("inside", [".", "sub", "sub/deeper"])
def test_an_output_folder_inside_the_input_is_a_usage_error(tmp_path: Path, inside: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "post.txt").write_text(POST, encoding="utf-8")
    output = os.path.normpath(str(folder / inside))
    result = migrate(str(folder), "-o", output)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"reviewlint: error: --output {output} is inside the input folder {folder}: its reviews would be read as "
        "input on the next run (and are skipped on this one); write to a folder outside the input")


def test_an_output_folder_beside_the_input_is_fine(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "post.txt").write_text(POST, encoding="utf-8")
    result = migrate(str(folder), "-o", str(tmp_path / "in-converted"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "in-converted" / "post.yaml").is_file()


# --- every problem a diagnostic with its file and line -------------------------------------------

def test_a_file_name_that_is_not_utf8_is_converted_and_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"post\xe9.txt")).write_text(POST, encoding="utf-8")
    result = migrate(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"{folder}/post\\xe9.txt -> " in result.stdout
    assert "please report" not in result.output


@pytest.mark.parametrize(("front", "line", "message"), [
    ("date: 2024-02-30", 2, "kept under notes: 'date: 2024-02-30' ('2024-02-30' is not an unambiguous date"),
    ("year: " + "7" * 5000, 2, "is not a year between 1888 and 2100"),
    (":title: Stake Land (2010)\nYear: <", 3, "kept under notes: 'Year: <' ('<' is not a year between 1888 and 2100)"),
])
def test_front_matter_values_that_crashed_are_notes_with_their_line(tmp_path: Path, front: str, line: int,
                                                                     message: str) -> None:
    source = tmp_path / "post.md"
    source.write_text(f"---\n{front}\n---\n# Harbour Lights (2004)\n\nIt glows.\n", encoding="utf-8")
    result = migrate(str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"  note: line {line}: " in result.stdout and message in result.stdout
    assert "please report" not in result.stdout and "UNACCOUNTED" not in result.stdout


# --- bounds (issue 16): refused with the reason, never a hang ----------------------------------

def test_a_row_with_thousands_of_extra_cells_is_refused_with_its_number() -> None:
    text = f"{HEADER}\n2020-01-01,A,2004,https://boxd.it/a1,4,,x,,2020-01-01" + ",x" * 20000 + "\n"
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.status is Status.FAILED
    assert result.issues[0].message == ("row 2 has 20009 cells, over the limit of 64 for a Letterboxd export; the "
                                        "row was not converted")


def test_a_header_with_too_many_columns_is_refused() -> None:
    text = "Name,Year,Letterboxd URI," + ",".join(f"c{n}" for n in range(100)) + "\nA,2004,https://boxd.it/a\n"
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.issues[0].message == "the header has 103 columns, over the limit of 64 for a Letterboxd export"


def test_deep_and_broken_html_reads_without_recursion_errors() -> None:
    for page in ("<p>" + "<a" * 20000, "<div>" * 50000 + "Harbour Lights (2004)", "<p>x</p>" * 20000):
        results = migrate_text(page, filename="page.html")
        assert all("internal" not in issue.message for result in results for issue in result.issues)


# --- the report ----------------------------------------------------------------------------------

def test_verbose_shows_where_each_value_came_from_and_what_was_not_placed(tmp_path: Path) -> None:
    source = tmp_path / "post.md"
    source.write_text("---\n:movie: Harbour Lights (2004)\n:venue: The Rialto\nlayout: post\n---\nIt glows.\n",
                      encoding="utf-8")
    result = migrate(str(source), "-v", "--dry-run")
    lines = result.stdout.splitlines()
    assert "  from: film.title <- line 2 ':movie: Harbour Lights (2004)' (front matter `:movie`)" in lines
    assert "  from: film.year <- line 2 ':movie: Harbour Lights (2004)' (front matter `:movie`)" in lines
    assert ("  not placed: line 3 ':venue: The Rialto' (kept under notes[0]: no field for the front-matter key "
            "':venue')") in lines
    assert "  not placed: line 4 'layout: post' (dropped as boilerplate, listed under source.dropped)" in lines
    assert "  not placed: line 1 '---' (dropped as layout)" in lines
    quiet = migrate(str(source), "--dry-run").stdout
    assert "  from: " not in quiet and "not placed" not in quiet


def test_json_output_covers_the_whole_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(POST, encoding="utf-8")
    (folder / "b.csv").write_text(f"{HEADER},Review\n", encoding="utf-8")
    result = migrate(str(folder), "-o", str(tmp_path / "out"), "--output-format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"] == {"converted": 0, "with_notes": 1, "failed": 1, "skipped": 0, "written": 1}
    first, second = report["reviews"]
    assert (first["input"], first["status"], first["action"]) == (f"{folder}/a.txt", "with notes", "written")
    assert {"field": "film.title", "line": 1, "text": "Harbour Lights (2004)"}.items() <= \
        next(entry for entry in first["provenance"] if entry["field"] == "film.title").items()
    assert first["ledger"]["unaccounted"] == 0
    assert second["status"] == "failed" and "column 'Review' 2 times" in second["issues"][0]["message"]


def test_no_progress_bar_outside_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(25):
        (folder / f"post{number}.txt").write_text(POST, encoding="utf-8")
    result = migrate(str(folder), "-o", str(tmp_path / "out"))
    assert "Migrating" not in result.stderr


@pytest.mark.parametrize(("filename", "text"), [
    ("post.txt", "Harbour Lights (2004)\n" + "It glows.\n" * 10_001),
    ("post.md", "# Harbour Lights (2004)\n" + "It glows.\n\n" * 10_001),
    ("page.html", "<article>" + "<p>It glows.</p>" * 10_001 + "</article>"),
])
def test_a_post_longer_than_any_review_is_refused_with_the_count(filename: str, text: str) -> None:
    [result] = migrate_text(text, filename=filename)
    assert result.status is Status.FAILED
    message = result.issues[-1].message
    assert message.startswith("the post has 1000") and message.endswith(
        "lines of text, over the limit of 10000 for one review; split it, or convert the reviews it holds one by one")


def test_a_line_nothing_accounted_for_is_named_in_the_report() -> None:
    from reviewlint.migrate.accounting import Accounting
    from reviewlint.migrate.batch import FileOutcome, InputFile
    from reviewlint.migrate.report import describe
    from reviewlint.migrate.result import MigrationResult

    result = MigrationResult(source="post.txt", format="blog-text", data={"film": {}},
                             accounting=Accounting(["Harbour Lights (2004)", "Year: <"]))
    result.accounting.mapped(1, "film.title", "Harbour Lights (2004)")
    lines = describe(FileOutcome(InputFile(Path("post.txt")), result), verbose=False)
    assert "1 UNACCOUNTED" in lines[0]
    assert lines[1] == "  error: line 2 'Year: <' was not placed anywhere (please report this)"
