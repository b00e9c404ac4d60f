"""Provenance: where each migrated value came from, recorded by the extractor and shown by `-v`."""

from __future__ import annotations

from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.result import MigrationResult, Provenance


def _result() -> MigrationResult:
    return MigrationResult(source="post.txt", format="blog-text", data=None, accounting=Accounting(["a", "b"]))


def test_record_source_keeps_entries_in_the_order_they_were_recorded() -> None:
    result = _result()
    result.record_source("film.title", 3, "Harbour Lights (2004) dir. Ana Ruiz", "title line")
    result.record_source("film.directors", 3, "Harbour Lights (2004) dir. Ana Ruiz", "`dir.` after the title")
    result.record_source("film.year", 1, "date: 2004", "front matter `date`")
    assert result.provenance == [
        Provenance("film.title", 3, "Harbour Lights (2004) dir. Ana Ruiz", "title line"),
        Provenance("film.directors", 3, "Harbour Lights (2004) dir. Ana Ruiz", "`dir.` after the title"),
        Provenance("film.year", 1, "date: 2004", "front matter `date`"),
    ]


def test_a_provenance_entry_describes_itself_on_one_line() -> None:
    entry = Provenance("film.title", 3, "  Harbour Lights (2004) dir. Ana Ruiz  ", "title line")
    assert entry.describe() == "film.title <- line 3 'Harbour Lights (2004) dir. Ana Ruiz' (title line)"
    long = Provenance("review.body", 9, "word " * 40, "prose")
    assert long.describe(width=20) == "review.body <- line 9 'word word word wo...' (prose)"
