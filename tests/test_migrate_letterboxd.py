"""Letterboxd export CSV files: recognised by header, mapped by column name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint.migrate import Level, MigrateOptions, Status, migrate_file, migrate_text

# The columns of a Letterboxd reviews export, in its order.
COLUMNS = ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date")
HEADER = ",".join(COLUMNS)
EXAMPLE = Path(__file__).parents[1] / "examples" / "legacy" / "letterboxd" / "reviews.csv"


def test_reviews_export_one_review_per_row_with_text() -> None:
    results = migrate_file(EXAMPLE)
    assert [(r.part, r.name_hint) for r in results] == [("row 2", "Past Lives 2023"), ("row 3", "Perfect Days 2023")]
    first = results[0].data
    assert first is not None
    assert first["film"] == {"title": "Past Lives", "year": 2023}
    assert first["rating"] == {"value": 4.5, "min": 0.5, "max": 5, "step": 0.5}
    assert first["review"] == {"body": [
        "Three people at a bar at four in the morning, and the film lets the silence do the talking.",
        "Greta Lee plays the whole story in a single glance across the table. I thought about In-Yun for days."]}
    assert first["spoilers"] == "unknown"
    assert first["published"] == "2023-11-05"
    assert first["watched"] == {"date": "2023-11-04", "rewatch": False}
    assert first["tags"] == ["nyc", "favourites"]
    assert first["source"]["url"] == "https://boxd.it/5xQm2a"
    assert "author" not in first and "content_warnings" not in first
    assert results[0].issues[-1].message == ("1 row has no review text and was not converted; pass "
                                             "--include-unreviewed to write one review per rated film")
    second = results[1].data
    assert second is not None
    assert second["review"]["body"] == [
        "Second time round I noticed the cassette tapes more than the toilets.",
        "Koji Yakusho makes routine look like a choice, not a cage. Read my longer piece for the music."]
    assert second["notes"] == ["[my longer piece](https://example.org/perfect-days)"]
    assert second["watched"] == {"date": "2024-02-17", "rewatch": True}
    for result in results:
        assert result.accounting.unaccounted() == []
        assert result.accounting.unit == "column"


def test_columns_are_found_by_name_not_position() -> None:
    text = ("Review,Rating,Watched Date,Name,Letterboxd URI,Year,Date,Mood\n"
            "\"Quiet and kind.\",3,2024-05-01,Aftersun,https://boxd.it/x1,2022,2024-05-02,sleepy\n")
    [result] = migrate_text(text, filename="export.csv", options=MigrateOptions(author="Ana Ruiz",
                                                                               assume_no_warnings=True))
    assert result.data is not None
    assert result.data["film"] == {"title": "Aftersun", "year": 2022}
    assert result.data["rating"] == {"value": 3, "min": 0.5, "max": 5, "step": 0.5}
    assert result.data["review"] == {"body": ["Quiet and kind."]}
    assert result.data["notes"] == ["Mood: sleepy"]
    assert result.data["author"] == {"name": "Ana Ruiz"}
    assert result.data["content_warnings"] == []
    assert [i.message for i in result.issues if i.level is Level.WARNING] == [
        "kept under notes: 'Mood: sleepy' (a column reviewlint does not know ('Mood'))"]


def test_ratings_export_needs_include_unreviewed() -> None:
    text = "Date,Name,Year,Letterboxd URI,Rating\n2022-05-10,Fargo,1996,https://boxd.it/2aHM,3.5\n"
    [skipped] = migrate_text(text, filename="ratings.csv")
    assert skipped.status is Status.SKIPPED
    assert skipped.skipped == ("ratings.csv-style export: 1 row has no review text and was not converted; pass "
                               "--include-unreviewed to write one review per rated film")
    [rated] = migrate_text(text, filename="ratings.csv", options=MigrateOptions(include_unreviewed=True))
    assert rated.data is not None
    assert rated.data["film"] == {"title": "Fargo", "year": 1996, "ids": {"letterboxd": "https://boxd.it/2aHM"}}
    assert rated.data["rating"] == {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}
    assert "review" not in rated.data and "published" not in rated.data
    assert rated.data["notes"] == ["Date: 2022-05-10"]


def test_bad_cells_are_kept_and_reported() -> None:
    text = (f"{HEADER}\n"
            "someday,Odd Film,19xx,boxd.it/abc,7,Maybe,Fine.,,2024-13-01\n")
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.data is not None
    assert result.data["notes"] == ["Year: 19xx", "Letterboxd URI: boxd.it/abc", "Rating: 7", "Date: someday",
                                    "Watched Date: 2024-13-01", "Rewatch: Maybe"]
    assert result.accounting.unaccounted() == []


def test_not_a_letterboxd_file() -> None:
    [result] = migrate_text("title,score\nA,1\n", filename="other.csv")
    assert result.status is Status.FAILED
    assert result.issues[0].message == ("not a Letterboxd export: the header needs the columns Name, Year and "
                                        "Letterboxd URI (found: title, score)")


def test_quoted_multiline_review_and_html_entities() -> None:
    text = (f'{HEADER}\n'
            '2024-01-01,Heat,1995,https://boxd.it/h1,5,,"Line one &amp; more<br>line two\n\nNew paragraph '
            'with ""quotes"".",,\n')
    [result] = migrate_text(text, filename="reviews.csv")
    assert result.data is not None
    assert result.data["review"]["body"] == ["Line one & more\nline two", 'New paragraph with "quotes".']


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "\t", "\n", "\r\n", "\r", "\xa0", "\u2028", "\f", "é"]),
                max_size=20).map("".join))
def test_plain_review_text_reads_as_the_html_path_would(text: str) -> None:
    """Reviews without markup skip the HTML parser (a 100,000-row export); the paragraphs must not change."""
    from reviewlint.migrate.html import html_to_text
    from reviewlint.migrate.letterboxd import _paragraphs, _plain_lines

    marked = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    via_html = [line for line, _, _ in html_to_text(marked)[0]]
    assert [line.strip() for line in via_html if line.strip()] == [
        line.strip() for line, _, _ in _plain_lines(text) if line.strip()]
    assert _paragraphs(text)[1] == []


def test_each_value_names_the_file_line_its_record_starts_on() -> None:
    text = (f"{HEADER}\r\n"
            '2020-01-01,Harbour Lights,2004,https://boxd.it/a1,4,,"It glows.\r\n\r\nTwice.",,\r\n'
            "2020-01-02,Lantern Road,2018,https://boxd.it/a2,3,,Scary.,,\r\n")
    first, second = migrate_text(text, filename="reviews.csv")
    assert [(p.field, p.line, p.form) for p in first.provenance][:2] == [
        ("film.title", 2, "column `Name`"), ("film.year", 2, "column `Year`")]
    assert {p.line for p in second.provenance} == {5}  # row 2's review spans lines 2 to 4


def test_a_csv_the_reader_cannot_read_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewlint.migrate import letterboxd

    monkeypatch.setattr(letterboxd, "FIELD_LIMIT", 20)
    text = ("Name,Year,Letterboxd URI,Review\nA,2004,https://boxd.it/a,short\n"
            "B,2005,https://boxd.it/b," + "x" * 30 + "\n")
    [result] = migrate_text(text, filename="reviews.csv")
    assert [issue.message for issue in result.issues] == [
        "not a readable CSV file: line 3: field larger than field limit (20)"]


def test_each_review_names_its_row_under_source_part() -> None:
    results = migrate_file(EXAMPLE)
    assert [result.data["source"]["part"] for result in results if result.data] == ["row 2", "row 3"]
