"""The server's pure parts: cursor places read from indentation, position conversion,
line-wise edits. (The LSP behaviour itself is tested over stdio in test_server.py.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from reviewlint.diagnostics import Diagnostic
from reviewlint.server.edits import text_edits
from reviewlint.server.positions import UTF8, UTF16, UTF32, LineIndex, column_from_client, column_to_client
from reviewlint.server.yamlpath import ITEM, place_at
from server_client import apply_edits

TEXT = """\
film:
  title: Heat
  cast:
    - name: Al Pacino
      character: Vincent
content_warnings:
  - id: gore
    severity: mild
  - violence
review:
  body:
    - |
      name: not a key, but text
language: en
"""
LINES = TEXT.splitlines()


def test_places_on_keys_values_and_items() -> None:
    at = place_at(LINES, 1, 4)
    assert (at.parents, at.key, at.on_key) == (("film",), "title", True)
    at = place_at(LINES, 4, 20)
    assert (at.path, at.on_key) == (("film", "cast", ITEM, "character"), False)
    at = place_at(LINES, 6, 12)
    assert (at.path, at.on_key, at.prefix) == (("content_warnings", ITEM, "id"), False, "gore")
    at = place_at(LINES, 8, 6)
    assert (at.path, at.on_key, at.in_item) == (("content_warnings", ITEM), False, True)
    at = place_at(LINES, 13, 3)
    assert (at.path, at.on_key) == (("language",), True)


def test_a_blank_line_takes_the_cursors_indentation() -> None:
    lines = [*LINES[:2], "  ", *LINES[2:]]
    assert place_at(lines, 2, 2).parents == ("film",)
    assert place_at(lines, 2, 0).parents == ()


def test_flow_lists_are_items() -> None:
    at = place_at(["film:", "  countries: [KR, F"], 1, 19)
    assert (at.path, at.prefix, at.in_item) == (("film", "countries", ITEM), "F", True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=" -:#[]{}'\"abc|>\t😀", max_size=30), max_size=12), st.integers(0, 15),
       st.integers(0, 40))
def test_any_text_gives_a_place(lines: list[str], line: int, column: int) -> None:
    place = place_at(lines, line, column)
    assert isinstance(place.path, tuple)


@given(st.text(alphabet="ab😀é\u00e9字", max_size=20), st.integers(0, 25))
def test_columns_round_trip_in_every_encoding(line: str, column: int) -> None:
    for encoding in (UTF8, UTF16, UTF32):
        units = column_to_client(line, column, encoding)
        assert column_from_client(line, units, encoding) == min(column, len(line))


def test_ranges_follow_the_cli_and_stay_on_the_start_line() -> None:
    index = LineIndex("a: 😀x\nb: 2\n")
    one = Diagnostic(code="RL1", message="m", path="p", line=1, col=5, end_line=1, end_col=6)
    assert index.range_of(one) == types.Range(start=types.Position(line=0, character=5),
                                              end=types.Position(line=0, character=6))
    block = Diagnostic(code="RL1", message="m", path="p", line=1, col=1, end_line=3, end_col=1)
    assert index.range_of(block).end == types.Position(line=0, character=6)
    bare = Diagnostic(code="RL1", message="m", path="p", line=2, col=4)
    assert index.range_of(bare) == types.Range(start=types.Position(line=1, character=3),
                                               end=types.Position(line=1, character=4))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a: 1\n", "b: 😀\n", "c:\n", "  - x\r\n", "d: 2"]), max_size=8),
       st.lists(st.sampled_from(["a: 1\n", "b: 2\n", "e: 😀\n", "  - y\n"]), max_size=8))
def test_edits_turn_one_text_into_the_other(before: list[str], after: list[str]) -> None:
    old, new = "".join(before), "".join(after)
    assert apply_edits(old, text_edits(old, new, LineIndex(old))) == new
