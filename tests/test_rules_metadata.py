"""Film metadata (RL5xx): exact findings for failing and passing cases, and their fixes."""

from __future__ import annotations

import datetime

import pytest

from reviewlint.diagnostics import Edit, FixSafety
from rulekit import diagnostics, findings, overlay

CODES = {f"RL5{n:02d}" for n in range(1, 11)} | {"RL105", "RL108"}
NEXT_YEAR = datetime.date.today().year + 1
FUTURE = datetime.date.today() + datetime.timedelta(days=40)


def film(*lines: str) -> str:
    """A film block; its extra lines start on line 5."""
    return overlay("film:\n  title: Quiet Harbour\n  year: 2011\n" + "".join(f"  {line}\n" for line in lines))


FAILING = [
    (overlay(f"film:\n  title: Quiet Harbour\n  year: {NEXT_YEAR + 1}"),
     [("RL501", 4, 9, f"year {NEXT_YEAR + 1} is in the future; the latest plausible year is {NEXT_YEAR}"),
      ("RL508", 21, 12, f"published in 2024, more than a year before the film's year {NEXT_YEAR + 1}")]),
    (film("runtime_minutes: 920"),
     [("RL502", 5, 20, "runtime 920 minutes is unusually long (over 600); check it is in minutes")]),
    (film("ids: {imdb: tt0000000}"),
     [("RL503", 5, 15, "IMDb id 'tt0000000' is a placeholder, not a real title; use the film's id from its IMDb "
                       "address")]),
    (film("countries: [UK, FR]"),
     [("RL504", 5, 15, "'UK' is not an ISO 3166-1 alpha-2 code; the code for United Kingdom is 'GB'")]),
    (film("countries: [XK]"),
     [("RL504", 5, 15, "'XK' is not an assigned ISO 3166-1 alpha-2 country code")]),
    (film("countries: [kr]"),
     [("RL504", 5, 15, "country codes are written in capitals: 'KR'")]),
    (film("countries: [South Korea]"),
     [("RL504", 5, 15, "'South Korea' is a country name; its ISO 3166-1 alpha-2 code is 'KR'")]),
    (film("original_language: jp"),
     [("RL505", 5, 22, "'jp' is not an ISO 639-1 language code; did you mean 'ja' (Japanese)?")]),
    (film("original_language: kor"),
     [("RL505", 5, 22, "'kor' is not an ISO 639-1 language code; ISO 639 gives it the two-letter code 'ko' "
                       "(Korean)")]),
    (film("original_language: qq"),
     [("RL505", 5, 22, "'qq' is not an ISO 639-1 code")]),
    (film("original_language: Korean"),
     [("RL505", 5, 22, "'Korean' is a language name; its ISO 639-1 code is 'ko'")]),
    (overlay("language: jp-JP"),
     [("RL505", 25, 11, "'jp' is not an ISO 639-1 language code; did you mean 'ja' (Japanese)?")]),
    (film("cast: [Seo Min-ji, Kang Tae-woo, seo  min-ji]"),
     [("RL506", 5, 36, "'seo  min-ji' is listed twice in `cast` (first as item 1)")]),
    (film("directors: [Paul King]", "writers: [Paul King, Simon Farnaby, Paul King]"),
     [("RL506", 6, 39, "'Paul King' is listed twice in `writers` (first as item 1)")]),
    (film("cast:", "  - {name: Tom Hardy, character: Max}", "  - Tom Hardy"),
     [("RL506", 7, 7, "'Tom Hardy' is listed twice in `cast` (first as item 1)")]),
    (film("genres: [Action, Thriler]"),
     [("RL507", 5, 20, "unknown genre 'Thriler'; did you mean 'Thriller'?")]),
    (film("genres: [thriller]"),
     [("RL507", 5, 12, "genre 'thriller' is spelled 'Thriller' in the known lists")]),
    (film("genres: [Cosy Mumblecore]"),
     [("RL507", 5, 12, "genre 'Cosy Mumblecore' is not in the IMDb, TMDB or sub-genre lists (add it to "
                       "`extra-genres` if it is a house genre)")]),
    (overlay('published: "2024-03-09"\nupdated: "2023-03-09"'),
     [("RL508", 27, 10, "updated date 2023-03-09 is before the published date 2024-03-09")]),
    (overlay('published: "2024-03-09"\nwatched: {date: "2024-05-01"}'),
     [("RL508", 27, 17, "watched on 2024-05-01, after the review was published on 2024-03-09")]),
    (overlay(f'published: "{FUTURE.isoformat()}"'),
     [("RL508", 26, 12, f"published date {FUTURE.isoformat()} is in the future")]),
    (overlay('published: "2008-03-09"'),
     [("RL508", 26, 12, "published in 2008, more than a year before the film's year 2011")]),
    (overlay("published: null"),
     [("RL509", 26, 12, "the review has no `published` date; add it as YYYY-MM-DD")]),
    (overlay("film:\n  title: Quiet Harbour\n  original_title: Quiet Harbour\n  year: 2011"),
     [("RL510", 4, 19, "`original_title` is the same as `title`; omit it")]),
]


@pytest.mark.parametrize(("text", "expected"), FAILING)
def test_failing(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(text, CODES) == expected


PASSING = [
    overlay(f"film:\n  title: Quiet Harbour\n  year: {NEXT_YEAR}\npublished: '{datetime.date.today().isoformat()}'"),
    film("runtime_minutes: 600"),
    film("ids: {imdb: tt28302496}"),
    film("countries: [GB, KR, US]"),
    film("countries: [SU]"),  # withdrawn, accepted for films of its era
    film("original_language: ko"),
    film("original_language: yue"),  # ISO 639-3 only
    overlay("language: en-GB"),
    film("cast:", "  - {name: Tom Hardy, character: Reggie Kray}", "  - {name: Tom Hardy, character: Ron Kray}"),
    film("directors: [Do-Yun Han]", "writers: [Do-Yun Han]"),
    film("genres: [One-Person Army Action, Action, Thriller, Science Fiction]"),
    overlay('published: "2024-03-09"\nupdated: "2024-03-19"\nwatched: {date: "2024-03-01"}'),
    overlay("film:\n  title: Parasite\n  original_title: 기생충\n  year: 2019"),
]


@pytest.mark.parametrize("text", PASSING)
def test_passing(text: str) -> None:
    assert findings(text, CODES) == []


def fix_of(text: str, code: str) -> tuple[FixSafety, tuple[Edit, ...]]:
    [found] = [d for d in diagnostics(text) if d.code == code]
    assert found.fix is not None
    return found.fix.safety, found.fix.edits


def test_country_fixes() -> None:
    assert fix_of(film("countries: [UK, FR]"), "RL504") == (FixSafety.SAFE, (Edit(("film", "countries", 0), "GB"),))
    assert fix_of(film("countries: [GB, UK]"), "RL504") == (
        FixSafety.SAFE, (Edit(("film", "countries", 1), delete=True),))
    found = [d for d in diagnostics(film("countries: [XK]")) if d.code == "RL504"]
    assert found[0].fix is None


def test_country_name_replaces_the_schemas_format_finding() -> None:
    assert [(d.code, d.json_path) for d in diagnostics(film("countries: [South Korea]"))] == [
        ("RL504", ("film", "countries", 0))]


def test_language_fixes() -> None:
    assert fix_of(film("original_language: jp"), "RL505") == (
        FixSafety.UNSAFE, (Edit(("film", "original_language"), "ja"),))
    assert fix_of(film("original_language: Korean"), "RL505") == (
        FixSafety.SAFE, (Edit(("film", "original_language"), "ko"),))
    assert fix_of(overlay("language: jp-JP"), "RL505") == (FixSafety.UNSAFE, (Edit(("language",), "ja-JP"),))


def test_duplicate_person_fix_safety() -> None:
    assert fix_of(film("cast: [Kang Tae-woo, Kang Tae-woo]"), "RL506") == (
        FixSafety.SAFE, (Edit(("film", "cast", 1), delete=True),))
    text = film("cast:", "  - Tom Hardy", "  - {name: Tom Hardy, character: Max}")
    assert fix_of(text, "RL506") == (FixSafety.UNSAFE, (Edit(("film", "cast", 1), delete=True),))


def test_genre_fixes() -> None:
    assert fix_of(film("genres: [thriller]"), "RL507") == (FixSafety.SAFE, (Edit(("film", "genres", 0), "Thriller"),))
    assert fix_of(film("genres: [Action, Thriler]"), "RL507") == (
        FixSafety.UNSAFE, (Edit(("film", "genres", 1), "Thriller"),))
    assert fix_of(film("genres: [Thriller, thriller]"), "RL507") == (
        FixSafety.SAFE, (Edit(("film", "genres", 1), delete=True),))
    assert fix_of(film("original_title: Quiet Harbour"), "RL510") == (
        FixSafety.SAFE, (Edit(("film", "original_title"), delete=True),))


def test_korea_is_not_a_safe_fix_because_it_may_be_either_korea() -> None:
    pytest.importorskip("language_data", reason="CLDR names come with language-data (langcodes[data])")
    assert findings(film("countries: [Korea]"), CODES) == [
        ("RL504", 5, 15, "'Korea' may mean South Korea ('KR') or North Korea ('KP'); write the code of the one meant")]
    assert fix_of(film("countries: [Korea]"), "RL504") == (FixSafety.UNSAFE, (Edit(("film", "countries", 0), "KR"),))
    assert fix_of(film("countries: [North Korea]"), "RL504") == (
        FixSafety.SAFE, (Edit(("film", "countries", 0), "KP"),))


@pytest.mark.parametrize(("tag", "problem"), [
    ("en-GB-GB", "the region subtag 'GB' is out of place (each kind of subtag comes once, in order)"),
    ("en-Latn-Latn", "the script subtag 'Latn' is out of place (each kind of subtag comes once, in order)"),
    ("en-XX", "the region subtag 'XX' is not an assigned ISO 3166-1 alpha-2 code"),
    ("de-1996-1996", "the variant subtag '1996' appears twice"),
    ("en-abcde", "the variant subtag 'abcde' is not in the IANA language subtag registry"),
])
def test_language_tags_are_checked_whole(tag: str, problem: str) -> None:
    assert [f for f in findings(overlay(f"language: {tag}"), CODES) if f[0] == "RL505"] == [
        ("RL505", 25, 11, f"language tag '{tag}' is not a valid BCP 47 tag: {problem}")]


@pytest.mark.parametrize("tag", ["en-GB", "es-419", "zh-Hant-TW", "en-GB-oxendict", "sr-Latn", "de-CH-1996", "pt-BR"])
def test_valid_language_tags_pass(tag: str) -> None:
    assert [f for f in findings(overlay(f"language: {tag}"), CODES) if f[0] == "RL505"] == []


def test_a_tag_with_an_iso_639_3_code_newer_than_the_registry_passes() -> None:
    assert [f for f in findings(overlay("language: ynb-NG"), CODES) if f[0] == "RL505"] == []
