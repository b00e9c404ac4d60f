"""A key written twice in the front matter: the second line is kept word for word under
`notes`, the ledger says why (a duplicate key) and points at the note that holds it."""

from __future__ import annotations

import pytest

from reviewlint.migrate import Fate, MigrationResult, migrate_text

TWICE = "---\ntitle: Paper Moons (1998)\ntitle: Paper Moons (1998)\n---\n"


def _line(result: MigrationResult, number: int) -> list[tuple[Fate, str, str]]:
    return [(record.fate, record.where, record.reason) for record in result.accounting.records
            if record.line == number]


@pytest.mark.parametrize("name", ["post.md", "post.txt"])
def test_the_repeated_line_is_a_note_with_a_duplicate_key_reason(name: str) -> None:
    [result] = migrate_text(TWICE + "Genre: Comedy\n\nA gentle film about two brothers and a boat.\n", filename=name)
    assert result.data is not None
    assert result.data["notes"] == ["title: Paper Moons (1998)"]
    assert _line(result, 3) == [(Fate.PRESERVED, "notes[0]",
                                 "a duplicate key: the front matter already has 'title' above")]
    assert result.data["film"]["title"] == "Paper Moons"


def test_keys_that_differ_only_in_style_are_the_same_key() -> None:
    text = "---\nmovie_title: Paper Moons\nMovie Title: Paper Moon\nyear: 1998\n---\nIt floats.\n"
    [result] = migrate_text(text, filename="post.md")
    assert result.data is not None
    assert result.data["notes"] == ["Movie Title: Paper Moon"]
    assert result.data["film"]["title"] == "Paper Moons"
    assert _line(result, 3) == [(Fate.PRESERVED, "notes[0]",
                                 "a duplicate key: the front matter already has 'movie_title' above")]


def test_a_double_feature_keeps_the_front_matter_notes_with_the_first_review() -> None:
    text = TWICE + "Film Review: Quiet Pier (2011) – A Night Out\nGenre: Drama\n"
    first, second = migrate_text(text, filename="post.md")
    assert first.data is not None and second.data is not None
    assert first.data["notes"] == ["title: Paper Moons (1998)"]
    assert "notes" not in second.data
    assert _line(first, 3)[0][:2] == (Fate.PRESERVED, "notes[0]")
    # The second review's ledger sends the line to the first review, never to a note it lacks.
    assert _line(second, 3) == [(Fate.MAPPED, "review 1 of 2 (notes[0])", "")]
