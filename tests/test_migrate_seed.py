"""The seed review (a real legacy blog post) converts completely, fact by fact.

The seed is third-party text: it is read from ../shared/seeds/ next to the repository
and never copied into it. Without it these tests skip.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from reviewlint import __version__
from reviewlint.diagnostics import Severity
from reviewlint.engine import check_text
from reviewlint.formatting import emit_canonical
from reviewlint.migrate import Fate, MigrationResult, Status, migrate_file

SEED = Path(__file__).parents[1].parent / "shared" / "seeds" / "000_aac41312e441cadf.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed review is not present at {SEED}")


@pytest.fixture(scope="module")
def converted() -> MigrationResult:
    results = migrate_file(SEED)
    assert len(results) == 1
    return results[0]


@pytest.fixture(scope="module")
def data(converted: MigrationResult) -> dict[str, object]:
    assert converted.data is not None
    return converted.data


def _lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def _line(number: int) -> str:
    """The seed's line `number` (1-based), stripped: every seed string below is read, never copied."""
    return _lines()[number - 1].strip()


def _after_colon(number: int) -> str:
    return _line(number).split(":", 1)[1].strip()


def _section(name: str, following: str) -> str:
    """The seed's text between the line `name:` and the line `following:`."""
    text = SEED.read_text(encoding="utf-8")
    return text.split(f"\n{name}:\n", 1)[1].split(f"\n{following}:\n", 1)[0]


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.replace("\u00a0", " ").split())
    return [s for s in re.split(r"(?<=[.?!])\s+", flat) if s]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _names(number: int) -> list[str]:
    return [name.strip() for name in _after_colon(number).split(",")]


def test_converts_without_warnings(converted: MigrationResult) -> None:
    assert converted.status is Status.CONVERTED
    assert converted.issues == []
    assert converted.encoding == "utf-8"
    assert converted.format == "blog-text"


def test_headline_title_year_and_tagline(data: dict[str, Any]) -> None:
    from reviewlint.schema import current_version

    headline = _line(1)
    title_and_year, tagline = (part.strip() for part in headline.split(":", 1)[1].split("–", 1))
    title, year = title_and_year.rstrip(")").split(" (")
    assert data["schema_version"] == current_version()
    assert data["review"]["headline"] == headline
    assert data["review"]["tagline"] == tagline
    assert data["film"]["title"] == title
    assert data["film"]["year"] == int(year)


def test_film_facts(data: dict[str, Any]) -> None:
    film = data["film"]
    details = _line(6).split("|")
    credits = _line(7).split("|")
    assert film["runtime_minutes"] == 92  # "1h 32m" on line 5
    assert [genre.casefold() for genre in film["genres"]] == [
        genre.strip().casefold() for genre in details[0].split(":", 1)[1].split("/")]
    assert film["countries"] == ["KR"]  # the country named on line 6
    assert film["directors"] == [credits[0].split(":", 1)[1].strip()]
    assert film["writers"] == [credits[1].split(":", 1)[1].strip()]
    assert film["cast"] == _names(8)
    assert list(film) == ["title", "year", "runtime_minutes", "genres", "countries", "directors", "writers", "cast"]


def test_ratings(data: dict[str, Any]) -> None:
    assert data["external_ratings"] == [{"source": "imdb", "value": float(_after_colon(9)), "max": 10}]
    assert _after_colon(10) == "7/10"
    assert data["rating"] == {"value": 7, "min": 1, "max": 10, "step": 1}


def test_logline(data: dict[str, Any]) -> None:
    assert data["review"]["logline"] == _line(12)


def test_warning_mapped_onto_the_vocabulary_and_kept_verbatim(data: dict[str, Any]) -> None:
    assert data["content_warnings"] == ["violence", "profanity", "drugs", "sexual-violence", "suicide", "alcohol",
                                        "smoking"]
    assert data["content_warnings_source"] == _line(16)


def test_every_synopsis_sentence_verbatim(data: dict[str, Any]) -> None:
    synopsis = data["review"]["synopsis"]
    assert set(synopsis) == {"text"}  # the seed does not mark its synopsis as a spoiler
    sentences = _sentences(_section("Synopsis", "Review"))
    assert len(sentences) == 8
    for sentence in sentences:
        assert sentence in _flat(synopsis["text"])
    assert synopsis["text"].startswith(_line(21))
    assert synopsis["text"].endswith(_line(26))


def test_every_review_sentence_verbatim_one_item_per_paragraph(data: dict[str, Any]) -> None:
    body = data["review"]["body"]
    assert len(body) == 7
    source = _section("Review", "Memorable Scene")
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    assert [_flat(item) for item in body] == [_flat(p) for p in paragraphs]
    sentences = _sentences(source)
    assert len(sentences) == 20
    joined = _flat(" ".join(body))
    for sentence in sentences:
        assert sentence in joined
    # The author's text is kept exactly, misspelling and all: the lint rules flag it.
    assert "potray" in _line(39) and body[4] == _line(39)


def test_memorable_scene_and_dialogue(data: dict[str, Any]) -> None:
    scene = data["review"]["memorable_scene"]["text"]
    for sentence in _sentences(_section("Memorable Scene", "Memorable Dialogue")):
        assert sentence in _flat(scene)
    # The surrounding curly quotes go (the schema stores the line without them); the
    # mixed apostrophes inside are the author's and stay.
    quoted = _line(56)
    assert quoted[0] == "“" and quoted[-1] == "”"
    assert data["review"]["memorable_dialogue"] == [{"quote": quoted[1:-1]}]


def test_ending_recommendation_author(data: dict[str, Any]) -> None:
    assert _line(62).lower() == "happy ending"
    assert data["ending"] == {"type": "happy", "spoiler": True}
    assert data["review"]["recommendation"] == {"verdict": "worth-watching", "text": _line(67)}
    assert data["author"] == {"name": _line(69).strip("()")}


def test_nothing_invented(data: dict[str, Any]) -> None:
    for absent in ("published", "language", "updated", "watched", "tags", "notes"):
        assert absent not in data
    assert "original_language" not in data["film"]
    assert data["spoilers"] == "unknown"


def test_source_records_provenance_and_dropped_boilerplate(data: dict[str, Any]) -> None:
    assert data["source"] == {
        "format": "blog-text",
        "file": SEED.name,
        "title_line": _line(1),
        "migrated_by": f"reviewlint {__version__}",
        "dropped": [_line(73), _line(75)],
    }


def test_every_line_accounted_for(converted: MigrationResult) -> None:
    accounting = converted.accounting
    assert accounting.unaccounted() == []
    assert accounting.counts() == {"mapped": 33, "preserved": 0, "dropped": 2, "unaccounted": 0}
    lines = _lines()
    # The no-break-space lines are spacing, not content.
    assert [n for n, text in enumerate(lines, 1) if text.strip() == "" and text != ""] == [3, 52, 58, 71]
    dropped = {record.line: record.text for record in accounting.by_fate(Fate.DROPPED)}
    assert dropped == {73: _line(73), 75: _line(75)}
    where = {record.line: record.where for record in accounting.records if record.line in (5, 9, 10, 16, 69)}
    assert where == {5: "film.runtime_minutes", 9: "external_ratings", 10: "rating",
                     16: "content_warnings, content_warnings_source", 69: "author.name"}


def test_output_passes_check_with_no_errors(data: dict[str, Any]) -> None:
    from reviewlint.schema import current_version

    version = current_version()
    text = emit_canonical(data, schema_comment=True)
    assert text.startswith(f'schema_version: "{version}"\nfilm:\n  title: {data["film"]["title"]}\n')
    diagnostics = check_text(text, "ballerina.yaml")
    assert [d.concise() for d in diagnostics if d.severity is Severity.ERROR] == []
