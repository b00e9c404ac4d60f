"""Schema errors as sentences (RL101-RL110): exact code, message and line:col for each.

Every test goes through `check_text` with only the load and schema families selected, so
the style rules (tested elsewhere) cannot add findings here.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import valid_review_text
from reviewlint import check_text, schema
from reviewlint.config import Settings
from reviewlint.document import load_text

LOAD_AND_SCHEMA = Settings(select=("RL0", "RL1"))
VALID = valid_review_text()

Found = list[tuple[str, int, int, str]]


def found(text: str) -> Found:
    return [(d.code, d.line, d.col, d.message) for d in check_text(text, "t.yaml", LOAD_AND_SCHEMA)]


def edited(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_valid_review_has_no_findings() -> None:
    assert found(VALID) == []


# --- RL101 missing key ------------------------------------------------------------------------

def test_missing_top_level_key_points_at_the_start_of_the_file() -> None:
    assert found(edited("author:\n  name: Ines Lago\n", "")) == [
        ("RL101", 1, 1, "missing required key `author`")]


def test_every_missing_top_level_key_is_named_in_schema_order() -> None:
    assert found("x-draft: true\n") == [
        ("RL101", 1, 1, "missing required key `schema_version`"),
        ("RL101", 1, 1, "missing required key `film`"),
        ("RL101", 1, 1, "missing required key `review`"),
        ("RL101", 1, 1, "missing required key `content_warnings`"),
        ("RL101", 1, 1, "missing required key `author`"),
    ]


def test_missing_nested_key_points_at_the_parents_key() -> None:
    assert found(edited("  year: 2011\n", "")) == [("RL101", 2, 1, "missing required key `year` in `film`")]
    assert found(edited("  max: 10\n", "")) == [("RL101", 10, 1, "missing required key `max` in `rating`")]


def test_missing_key_in_an_empty_flow_mapping() -> None:
    assert found(edited("author:\n  name: Ines Lago\n", "author: {}\n")) == [
        ("RL101", 24, 1, "missing required key `name` in `author`")]


def test_missing_key_in_a_list_item_points_at_the_item() -> None:
    text = edited("  directors: [Marta Ribeiro]\n", "  directors: [Marta Ribeiro]\n  cast:\n    - Ana Reis\n"
                  "    - character: The keeper\n")
    assert found(text) == [("RL101", 12, 7, "missing required key `name` in item 2 of `cast`")]


# --- RL102 unknown key ------------------------------------------------------------------------

def test_unknown_key_with_a_suggestion_points_at_the_key() -> None:
    assert found(edited("rating:\n", "ratting:\n")) == [
        ("RL102", 10, 1, "unknown key `ratting`; did you mean `rating`?")]


def test_unknown_nested_key_in_a_flow_mapping() -> None:
    text = edited("author:\n  name: Ines Lago\n", "author: {name: Ines Lago, ulr: 'https://example.org'}\n")
    assert found(text) == [("RL102", 24, 27, "unknown key `ulr` in `author`; did you mean `url`?")]


def test_unknown_key_without_a_close_match() -> None:
    assert found(edited("spoilers: none\n", "spoilers: none\nmood: wistful\n")) == [
        ("RL102", 24, 1, "unknown key `mood`")]


def test_unknown_key_inside_a_list_item() -> None:
    text = edited("content_warnings: []", "content_warnings:\n  - id: violence\n    sevrity: mild")
    assert found(text) == [
        ("RL102", 24, 5, "unknown key `sevrity` in item 1 of `content_warnings`; did you mean `severity`?")]


def test_extension_keys_are_allowed_where_the_schema_says_so() -> None:
    assert found(edited("  year: 2011\n", "  year: 2011\n  x-festival: Lisbon\n") + "x-import-batch: 7\n") == []


def test_a_numeric_key_is_reported_as_written() -> None:
    assert found(VALID + "1: one\n") == [("RL102", 28, 1, "unknown key `1`")]


# --- RL103 wrong type -------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "shown"), [
    ("twenty", "'twenty'"), ('"2011"', "'2011'; remove the quotes to make it a number"),
    ("2011.5", "2011.5"), ("true", "true"), ("null", "null"),
    ("[2011]", "a list"), ("{y: 2011}", "a mapping"),
])
def test_wrong_type_names_the_key_and_shows_the_value(value: str, shown: str) -> None:
    assert found(edited("  year: 2011\n", f"  year: {value}\n")) == [
        ("RL103", 4, 9, f"`year` must be an integer, got {shown}")]


def test_an_empty_value_is_null_and_points_just_after_the_colon() -> None:
    assert found(edited("author:\n  name: Ines Lago\n", "author:\n")) == [
        ("RL103", 24, 8, "`author` must be a mapping, got null")]


def test_a_number_where_text_is_expected() -> None:
    assert found(edited('schema_version: "1.1"', "schema_version: 1.1")) == [
        ("RL103", 1, 17, "`schema_version` must be a string, got 1.1; quote it to keep it as text: \"1.1\"")]


def test_boolean_words() -> None:
    assert found(VALID + "watched: {rewatch: maybe}\n") == [
        ("RL103", 28, 20, "`rewatch` must be true or false, got 'maybe'")]


def test_a_list_item_of_the_wrong_type_in_a_flow_list() -> None:
    assert found(edited("genres: [Drama]", "genres: [Drama, 7]")) == [
        ("RL103", 6, 19, "item 2 of `genres` must be a string, got 7; quote it to keep it as text: \"7\"")]


def test_one_of_with_no_fitting_type_names_every_accepted_type() -> None:
    text = edited("  directors: [Marta Ribeiro]\n", "  directors: [Marta Ribeiro]\n  cast:\n    - Ana Reis\n    - 5\n")
    assert found(text) == [("RL103", 12, 7, "item 2 of `cast` must be a string or a mapping, got 5")]


def test_one_of_reports_the_branch_that_fits_not_the_whole_tree() -> None:
    text = edited("  directors: [Marta Ribeiro]\n", "  directors: [Marta Ribeiro]\n  cast:\n"
                  "    - name: Ana Reis\n      charcter: The keeper\n")
    assert found(text) == [
        ("RL102", 12, 7, "unknown key `charcter` in item 1 of `cast`; did you mean `character`?")]


def test_a_type_error_is_not_repeated_as_an_enum_error() -> None:
    assert found(edited("verdict: worth-watching", "verdict: 3")) == [
        ("RL103", 21, 14, "`verdict` must be one of must-watch, worth-watching, mixed, skip; got 3")]


# --- RL104 invalid value ----------------------------------------------------------------------

def test_unknown_content_warning_with_a_suggestion() -> None:
    assert found(edited("content_warnings: []", "content_warnings: [violence, sexual-violance]")) == [
        ("RL104", 22, 30, "unknown content warning 'sexual-violance'; did you mean 'sexual-violence'?")]


def test_unknown_content_warning_in_the_object_form() -> None:
    text = edited("content_warnings: []", "content_warnings:\n  - id: sexual-violance\n    severity: mild")
    assert found(text) == [
        ("RL104", 23, 9, "unknown content warning 'sexual-violance'; did you mean 'sexual-violence'?")]


def test_unknown_content_warning_without_a_suggestion_points_to_the_list() -> None:
    assert found(edited("content_warnings: []", "content_warnings: [zzzqqq]")) == [
        ("RL104", 22, 20, "unknown content warning 'zzzqqq' (see `reviewlint vocab content-warnings` for the "
                          "list)")]


def test_enum_lists_the_choices_and_suggests_one() -> None:
    assert found(edited("verdict: worth-watching", "verdict: must-wach")) == [
        ("RL104", 21, 14, "`verdict` must be one of must-watch, worth-watching, mixed, skip; got 'must-wach'; did "
                          "you mean 'must-watch'?")]


def test_enum_in_a_list_item_object() -> None:
    text = edited("content_warnings: []", "content_warnings:\n  - {id: gore, severity: high}")
    assert found(text) == [("RL104", 23, 26, "`severity` must be one of none, mild, moderate, severe; got 'high'")]


# --- RL105 invalid format ---------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "line", "col", "message"), [
    ("  directors: [Marta Ribeiro]\n", "  directors: [Marta Ribeiro]\n  ids:\n    imdb: tt123\n", 11, 11,
     "`imdb` must be an IMDb title id: 'tt' followed by 7 or more digits, such as 'tt0111161', got 'tt123'"),
    ('published: "2024-03-09"', 'published: "2024-3-9"', 27, 12,
     "`published` must be a date written YYYY-MM-DD, such as '2024-05-17', got '2024-3-9'"),
    ('published: "2024-03-09"', 'published: "2024-02-30"', 27, 12,
     "`published` must be a real calendar date, got '2024-02-30'"),
    ("countries: [PT]", "countries: [pt]", 7, 15,
     "item 1 of `countries` must be an ISO 3166-1 alpha-2 country code in capitals, such as 'KR' or 'GB', "
     "got 'pt'"),
    ("original_language: pt", "original_language: Portuguese", 8, 22,
     "`original_language` must be an ISO 639 language code in lower case, such as 'ko' or 'en', got 'Portuguese'"),
    ("language: en", "language: English", 26, 11,
     "`language` must be a BCP 47 language tag, such as 'en' or 'en-GB', got 'English'"),
    ("title: Quiet Harbour", 'title: "Quiet\\nHarbour"', 3, 10,
     "`title` must be a single line of text, got 'Quiet\\nHarbour'"),
    ('schema_version: "1.1"', 'schema_version: "one"', 1, 17,
     "`schema_version` must be a version of the form '1.0', got 'one'"),
])
def test_formats_are_described_in_words(old: str, new: str, line: int, col: int, message: str) -> None:
    assert found(edited(old, new)) == [("RL105", line, col, message)]


# --- RL106 out of range, RL107 size, RL108 duplicates -----------------------------------------

@pytest.mark.parametrize(("old", "new", "line", "col", "message"), [
    ("year: 2011", "year: 1700", 4, 9, "`year` must be at least 1888, got 1700"),
    ("year: 2011", "year: 2200", 4, 9, "`year` must be at most 2100, got 2200"),
    ("runtime_minutes: 104", "runtime_minutes: 0", 5, 20, "`runtime_minutes` must be at least 1, got 0"),
    ("  step: 1\n", "  step: 0\n", 14, 9, "`step` must be greater than 0, got 0"),
])
def test_ranges(old: str, new: str, line: int, col: int, message: str) -> None:
    assert found(edited(old, new)) == [("RL106", line, col, message)]


@pytest.mark.parametrize(("old", "new", "line", "col", "message"), [
    ("title: Quiet Harbour", "title: ''", 3, 10, "`title` must not be empty"),
    ("title: Quiet Harbour", "title: " + "x" * 301, 3, 10, "`title` is 301 characters long; at most 300 are allowed"),
    ("name: Ines Lago", "name: " + "y" * 101, 25, 9, "`name` is 101 characters long; at most 100 are allowed"),
    ("    - The final shot", "    - ''\n    - The final shot", 19, 7, "item 2 of `body` must not be empty"),
])
def test_sizes_of_text(old: str, new: str, line: int, col: int, message: str) -> None:
    assert found(edited(old, new)) == [("RL107", line, col, message)]


def test_an_empty_list_where_items_are_required() -> None:
    text = edited("  body:\n    - A patient film about a lighthouse keeper and the town that slowly forgets him.\n"
                  "    - The final shot holds on the lamp for a full minute, and it earns every second.\n",
                  "  body: []\n")
    assert found(text) == [("RL107", 17, 9, "`body` must have at least 1 item")]


def test_duplicate_items_are_each_reported_at_the_repeat() -> None:
    assert found(edited("genres: [Drama]", "genres: [Drama, Crime, Drama, Crime]")) == [
        ("RL108", 6, 26, "'Drama' appears more than once in `genres` (first as item 1)"),
        ("RL108", 6, 33, "'Crime' appears more than once in `genres` (first as item 2)"),
    ]


# --- RL109 schema version ---------------------------------------------------------------------

def test_a_newer_major_version_is_not_checked_further() -> None:
    assert found(edited('"1.1"', '"2.0"') + "ratting: 3\n") == [
        ("RL109", 1, 17, "schema_version '2.0' is newer than this reviewlint supports (newest: 1.1); upgrade "
                         "reviewlint to check this file")]


def test_a_newer_minor_version_is_checked_with_unknown_keys_as_warnings() -> None:
    diagnostics = check_text(edited('"1.1"', '"1.7"') + "subtitles: true\n", "t.yaml", LOAD_AND_SCHEMA)
    assert [(d.code, d.line, d.col, d.severity.label, d.message) for d in diagnostics] == [
        ("RL109", 1, 17, "warning", "schema_version '1.7' is newer than this reviewlint knows (1.1); checked "
                                    "against 1.1, so keys added since are reported as warnings. Upgrade reviewlint"),
        ("RL102", 28, 1, "warning", "unknown key `subtitles`"),
    ]


def test_an_unpublished_older_version() -> None:
    assert found(edited('"1.1"', '"0.9"')) == [
        ("RL109", 1, 17, "schema_version '0.9' is not a published version (known: 1.0, 1.1)")]


# --- RL110 the fallback -----------------------------------------------------------------------

def test_a_keyword_without_its_own_sentence_still_gets_a_positioned_plain_message() -> None:
    from jsonschema import Draft202012Validator

    document = load_text("film:\n  title: Quiet Harbour\n")
    (error,) = Draft202012Validator({"properties": {"film": {"properties": {"title": {"not": {"type": "string"}}}}}}
                                    ).iter_errors(document.data)
    (diagnostic,) = schema._Translator(document, "1.0").translate(error)
    assert (diagnostic.code, diagnostic.line, diagnostic.col, diagnostic.message) == (
        "RL110", 2, 10, "`title` is not valid here (not)")


# --- never a raw jsonschema message -----------------------------------------------------------

RAW_JSONSCHEMA = re.compile(
    r"is not valid under any of the given schemas|is a required property|Additional properties are not allowed|"
    r"is not of type|Failed validating|is not one of|does not match|\{'|is too (short|long)|is less than|"
    r"is greater than|has non-unique elements|ValidationError")

REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-5, max_value=3000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12), st.sampled_from(["", "tt1", "2024-02-30", "sexual-violance", "must-wach", "xx"]),
    st.lists(st.sampled_from(["a", 1, None, "violence"]), max_size=3), st.just({}), st.just({"ratting": 1}),
)


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found_paths = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found_paths += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            found_paths += _paths(value, (*prefix, number))
    return found_paths


def _inside_file(position: tuple[int, ...], document: Any) -> tuple[int, int]:
    """A node's position as reported: an empty value at the very end (libyaml's line after
    the last) is reported at the end of the last line."""
    line, col = position[0], position[1]
    if line > len(document.lines):
        return max(1, len(document.lines)), len(document.lines[-1]) + 1 if document.lines else 1
    return line, col


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_reviews_get_sentences_at_real_positions(data: st.DataObject) -> None:
    review = copy.deepcopy(load_text(VALID).data)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from(_paths(review)))
        target = review
        for part in path[:-1]:
            target = target[part]
        if data.draw(st.booleans()) and isinstance(target, dict):
            del target[path[-1]]
        else:
            # A copy: a drawn dict or list is shared between examples, and a later step of
            # this loop may add a key to it, which made hypothesis's replays inconsistent.
            target[path[-1]] = copy.deepcopy(data.draw(REPLACEMENTS))
        if isinstance(target, dict) and data.draw(st.booleans()):
            target["ratting"] = 1
    text = yaml.safe_dump(review, sort_keys=False, allow_unicode=True)
    document = load_text(text)
    if not document.loaded:
        return  # a drawn string the YAML 1.1 dumper wrote in a way 1.2 reads differently is not our subject
    line_count = len(document.lines)
    for diagnostic in check_text(text, "t.yaml", LOAD_AND_SCHEMA):
        assert not RAW_JSONSCHEMA.search(diagnostic.message), diagnostic.message
        assert 1 <= diagnostic.line <= line_count + 1
        assert diagnostic.col >= 1
        if diagnostic.code in ("RL103", "RL104", "RL105", "RL106", "RL107", "RL108"):
            assert document.node_at(diagnostic.json_path) is not None, diagnostic
            assert _inside_file(document.position(diagnostic.json_path)[:2], document) == (diagnostic.line,
                                                                                         diagnostic.col)
        if diagnostic.code == "RL102":
            assert _inside_file(document.position(diagnostic.json_path, key=True)[:2], document) == (
                diagnostic.line, diagnostic.col)
