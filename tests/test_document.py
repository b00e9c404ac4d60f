"""The loader: bytes/text -> Document, every load diagnostic at its exact position."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, valid_review_text
from reviewlint.document import Document, iter_nodes, load_bytes, load_text

Found = list[tuple[str, int, int, str]]


def found(document: Document) -> Found:
    return [(d.code, d.line, d.col, d.message) for d in document.diagnostics]


def text_found(text: str) -> Found:
    return found(load_text(text, "t.yaml"))


def bytes_found(data: bytes) -> Found:
    return found(load_bytes(data, "t.yaml"))


NOT_UTF8 = "(binary file, or saved in another encoding such as cp1252?)"
EMPTY = "file holds no review (the document is empty)"
MULTIPLE = "file holds more than one YAML document; a review file holds exactly one (only the first is checked)"


# --- a clean document ------------------------------------------------------------------------

def test_a_clean_review_loads_with_its_data_and_no_diagnostics() -> None:
    document = load_text(valid_review_text(), "v.yaml")
    assert document.diagnostics == []
    assert document.loaded
    assert document.data["film"] == {
        "title": "Quiet Harbour", "year": 2011, "runtime_minutes": 104, "genres": ["Drama"], "countries": ["PT"],
        "original_language": "pt", "directors": ["Marta Ribeiro"]}
    assert document.data["rating"] == {"value": 8, "min": 1, "max": 10, "step": 1}
    assert document.data["content_warnings"] == []
    assert document.data["published"] == "2024-03-09"


# --- RL001 syntax errors -----------------------------------------------------------------------

def test_unclosed_flow_sequence_is_reported_where_libyaml_gave_up() -> None:
    assert text_found("a: 1\nb: [1, 2\nc: 3\n") == [
        ("RL001", 3, 2, "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence "
                        "started at line 2); the [ is never closed: end the list with ], or quote the value if the [ "
                        "is text")]


def test_bad_indentation_is_a_syntax_error_at_the_colon() -> None:
    assert text_found("a: 1\n  b: 2\n") == [
        ("RL001", 2, 4, "YAML syntax error: mapping values are not allowed in this context; this line is indented "
                        "deeper than `a` above it, which already has a value: start keys of one mapping at the same "
                        "column, or quote a value that goes on to this line")]


def test_tab_indentation_is_a_syntax_error() -> None:
    assert text_found("a:\n\t- x\n") == [
        ("RL001", 2, 1, "YAML syntax error: a tab is used for indentation; YAML indents with spaces")]


def test_syntax_error_at_the_end_of_the_file_points_at_the_line_after_the_last() -> None:
    assert text_found("a: [\n") == [
        ("RL001", 2, 1, "YAML syntax error: did not find expected node content (while parsing a flow node); the [ "
                        "is never closed: end the list with ], or quote the value if the [ is text")]


def test_nesting_deeper_than_libyaml_allows_is_a_syntax_error_not_a_crash() -> None:
    assert text_found("a: " + "[" * 1100 + "]" * 1100 + "\n") == [
        ("RL001", 1, 1003, "YAML syntax error: exceeded maximum nesting depth (while increasing flow level)")]


def test_a_control_character_is_named_by_its_code_point() -> None:
    assert text_found("a: 1\nb: x\x07y\n") == [
        ("RL001", 2, 5, "YAML syntax error: control character U+0007 is not allowed in YAML")]


@pytest.mark.parametrize(("before", "col"), [("ééé", 7), ("😀😀", 6), ("기생충", 7)])
def test_a_control_character_after_multibyte_text_keeps_its_column(before: str, col: int) -> None:
    # libyaml reports this error as a byte offset; it must become a character column.
    assert text_found(f"a: 1\nb: {before}\x07\nc: 3\n") == [
        ("RL001", 2, col, "YAML syntax error: control character U+0007 is not allowed in YAML")]


def test_a_noncharacter_is_named_as_a_character() -> None:
    assert text_found("a: x\ufffe\n") == [("RL001", 1, 5, "YAML syntax error: character U+FFFE is not allowed in YAML")]


def test_a_nul_in_text_is_a_control_character() -> None:
    assert text_found("a: 1\nb: é\x00\n") == [
        ("RL001", 2, 5, "YAML syntax error: control character U+0000 is not allowed in YAML")]


# --- RL002 duplicate keys ---------------------------------------------------------------------

def test_duplicate_key_is_reported_at_the_second_key_and_the_first_value_kept() -> None:
    document = load_text("a: 1\nb: 2\na: 3\n")
    assert found(document) == [("RL002", 3, 1, "duplicate key `a` (first defined on line 1)")]
    assert document.data == {"a": 1, "b": 2}


def test_duplicate_key_in_a_nested_flow_mapping() -> None:
    assert text_found("a: {b: 1, c: {d: 1, d: 2}}\n") == [
        ("RL002", 1, 21, "duplicate key `d` (first defined on line 1)")]


def test_duplicate_key_in_a_nested_block_mapping() -> None:
    assert text_found("film:\n  title: A\n  year: 1\n  title: B\n") == [
        ("RL002", 4, 3, "duplicate key `title` (first defined on line 2)")]


def test_keys_are_compared_as_written_text() -> None:
    # `1:` is the key "1" (JSON's view of keys), so `'1':` repeats it.
    assert text_found("1: a\n'1': b\n") == [("RL002", 2, 1, "duplicate key `1` (first defined on line 1)")]


# --- RL003 encodings --------------------------------------------------------------------------

def test_cp1252_text_is_reported_at_the_first_undecodable_byte() -> None:
    assert bytes_found("a: 1\nb: café\n".encode("cp1252")) == [
        ("RL003", 2, 7, f"file is not valid UTF-8: byte 0xe9 cannot be decoded {NOT_UTF8}")]


def test_invalid_utf8_after_valid_multibyte_characters_counts_characters() -> None:
    assert bytes_found("a: 1\nb: éé".encode() + b"\xff\n") == [
        ("RL003", 2, 6, f"file is not valid UTF-8: byte 0xff cannot be decoded {NOT_UTF8}")]


def test_invalid_utf8_position_with_crlf_line_endings() -> None:
    assert bytes_found(b"a: 1\r\nb: 2\r\nc: \xff\r\n") == [
        ("RL003", 3, 4, f"file is not valid UTF-8: byte 0xff cannot be decoded {NOT_UTF8}")]


def test_nul_byte_means_binary_and_is_reported_at_its_position() -> None:
    assert bytes_found(b"a: 1\nb: x\x00\n") == [
        ("RL003", 2, 5, "file contains a NUL byte: it is binary, not YAML text")]


def test_random_binary_is_reported_once_at_the_start() -> None:
    assert bytes_found(bytes(range(256))) == [
        ("RL003", 1, 1, "file contains a NUL byte: it is binary, not YAML text")]


@pytest.mark.parametrize(("codec", "name"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
    ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
])
def test_utf16_and_utf32_with_or_without_bom_are_refused(codec: str, name: str) -> None:
    assert bytes_found(valid_review_text().encode(codec)) == [
        ("RL003", 1, 1, f"file is encoded as {name}; reviewlint reads UTF-8 only (re-save the file as UTF-8)")]


def test_utf8_bom_is_accepted_and_does_not_shift_columns() -> None:
    with_bom = load_bytes(codecs.BOM_UTF8 + b"a: 1\nb: {c: 1, c: 2}\n")
    assert found(with_bom) == [("RL002", 2, 11, "duplicate key `c` (first defined on line 2)")]
    assert with_bom.text.startswith("a: 1")
    assert with_bom.data == {"a": 1, "b": {"c": 1}}


def test_a_bom_in_text_from_the_api_is_dropped_like_in_bytes() -> None:
    document = load_text("\ufeffa: {b: 1, b: 2}\n")
    assert found(document) == [("RL002", 1, 11, "duplicate key `b` (first defined on line 1)")]
    assert document.lines == ["a: {b: 1, b: 2}"]


def test_a_lone_surrogate_in_text_is_an_encoding_error_not_a_crash() -> None:
    assert text_found("a: 1\nb: 'x\ud800'\n") == [
        ("RL003", 2, 6, "text contains an unpaired surrogate U+D800, which is not valid Unicode")]


# --- RL004 empty, RL005 several documents, RL006 not a mapping ------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n# and another\n", "~\n", "null\n"])
def test_a_document_without_content_is_empty(text: str) -> None:
    assert text_found(text) == [("RL004", 1, 1, EMPTY)]


def test_an_empty_document_after_a_marker_is_reported_where_its_content_would_start() -> None:
    # libyaml places the empty root after the `---` line: the line after the last, which
    # editors show as the empty last line.
    assert text_found("# header\n---\n") == [("RL004", 3, 1, EMPTY)]


def test_second_document_is_reported_at_its_start() -> None:
    document = load_text("a: 1\n---\nb: 2\n")
    assert found(document) == [("RL005", 2, 1, MULTIPLE)]
    assert document.data == {"a": 1}


def test_second_document_after_an_end_marker() -> None:
    assert text_found("---\na: 1\n...\n---\nb: 2\n") == [("RL005", 4, 1, MULTIPLE)]


def test_a_document_end_marker_alone_is_one_document() -> None:
    assert text_found("a: 1\n...\n") == []


@pytest.mark.parametrize(("text", "line", "col", "kind"), [
    ("- one\n- two\n", 1, 1, "a list"),
    ("# a comment first\n\n  just a sentence\n", 3, 3, "a string"),
    ("''\n", 1, 1, "a string"),
    ("42\n", 1, 1, "an integer"),
    ("true\n", 1, 1, "a boolean"),
    ("[a, b]\n", 1, 1, "a list"),
])
def test_a_top_level_value_that_is_not_a_mapping_is_reported_at_the_root(text: str, line: int, col: int,
                                                                          kind: str) -> None:
    assert text_found(text) == [
        ("RL006", line, col, f"the top level of a review must be a mapping of keys, got {kind}")]


# --- RL007 aliases, RL008 tags, RL009 complex keys, RL010 merge keys -------------------------

def test_alias_is_reported_at_the_alias_and_names_the_anchor_line() -> None:
    document = load_text("a: &x {b: 1}\nc: *x\n")
    assert found(document) == [
        ("RL007", 2, 4, "alias *x is not allowed in reviews (it repeats the value anchored on line 1); write "
                        "the value out")]
    assert document.data == {"a": {"b": 1}, "c": {"b": 1}}


def test_an_anchor_without_an_alias_is_harmless() -> None:
    assert text_found("a: &x 1\n") == []


def test_unknown_tag_is_reported_at_the_tagged_node_and_never_constructed() -> None:
    document = load_text("a: 1\nb: !!python/name:os.system x\nc: !custom [1]\n")
    assert found(document) == [
        ("RL008", 2, 4, "tag !!python/name:os.system is not supported in reviews; the value is read as plain "
                        "text and never constructed"),
        ("RL008", 3, 4, "tag !custom is not supported in reviews; the list is read as plain data and never "
                        "constructed"),
    ]
    assert document.data == {"a": 1, "b": "x", "c": [1]}


def test_core_tags_are_accepted_and_applied() -> None:
    document = load_text("a: !!str 12\nb: !!int '12'\nc: !!float 1\nd: !!null ''\ne: !!map {f: !!seq [1]}\n"
                         "g: ! 12\n")
    assert found(document) == []
    assert document.data == {"a": "12", "b": 12, "c": 1.0, "d": None, "e": {"f": [1]}, "g": "12"}


def test_yaml11_only_tags_are_unsupported() -> None:
    assert text_found("a: !!binary aGk=\nb: !!timestamp 2020-01-01\n") == [
        ("RL008", 1, 4, "tag !!binary is not supported in reviews; the value is read as plain text and never "
                        "constructed"),
        ("RL008", 2, 4, "tag !!timestamp is not supported in reviews; the value is read as plain text and never "
                        "constructed"),
    ]


def test_tag_shorthand_from_a_tag_directive_is_shown_expanded() -> None:
    assert text_found("%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n") == [
        ("RL008", 3, 4, "tag tag:example.com,2000:foo is not supported in reviews; the value is read as plain "
                        "text and never constructed")]


def test_complex_key_is_reported_at_the_key() -> None:
    assert text_found("a: 1\n? [x, y]\n: 2\n") == [
        ("RL009", 2, 3, "a list used as a mapping key; keys in a review must be plain text")]
    assert text_found("{{x: 1}: 2}\n") == [
        ("RL009", 1, 2, "a mapping used as a mapping key; keys in a review must be plain text")]


def test_merge_key_is_reported_and_not_merged() -> None:
    document = load_text("a: {x: 1}\n<<: {y: 2}\n")
    assert found(document) == [
        ("RL010", 2, 1, "merge keys (<<) are not part of YAML 1.2 and are not supported in reviews; write the "
                        "keys out")]
    assert document.data == {"a": {"x": 1}}


def test_a_quoted_double_angle_key_is_an_ordinary_key() -> None:
    assert load_text("'<<': 1\n").data == {"<<": 1}


# --- RL011 size, RL013 numbers ----------------------------------------------------------------

def test_file_over_the_size_limit_is_refused_unread() -> None:
    assert bytes_found(b"a: " + b"x" * 100) == []
    document = load_bytes(b"a: " + b"x" * 100, "big.yaml", max_bytes=50)
    assert found(document) == [
        ("RL011", 1, 1, "file is 103 bytes, over the limit of 50 (raise it with --max-file-size or `max-file-size` "
                        "in the config to check it)")]
    assert document.text == ""


@pytest.mark.parametrize(("value", "message"), [
    ("1e999", "number 1e999 is beyond the range of a floating-point number"),
    ("-1e999", "number -1e999 is beyond the range of a floating-point number"),
    ("9" * 1001, "integer with 1001 digits is too large (at most 1000)"),
    ("!!int abc", "'abc' is not an integer"),
    ("!!float abc", "'abc' is not a number"),
    ("!!bool yes", "'yes' is not a boolean"),
])
def test_numbers_that_cannot_be_represented_are_reported_at_the_value(value: str, message: str) -> None:
    document = load_text(f"a: 1\nb: {value}\n")
    assert found(document) == [("RL013", 2, 4, message)]
    assert document.data["b"] == value.split()[-1]  # kept as the text written


def test_an_integer_within_a_doubles_range_is_still_an_integer() -> None:
    assert load_text("a: " + "7" * 300 + "\n").data["a"] == int("7" * 300)
    # past it (JSON readers hold numbers as doubles; the rules compare with floats): RL013
    assert [d.code for d in load_text("a: " + "7" * 1000 + "\n").diagnostics] == ["RL013"]


# --- line endings, tabs, long lines -----------------------------------------------------------

PROBLEMS = "a: 1\nb: {c: 1, c: 2}\nd: !odd x\ne: *nowhere\n"


def test_crlf_files_report_the_same_positions_as_lf_files() -> None:
    lf = load_text(valid_review_text().replace("  year: 2011\n", "  year: 2011\n  year: 2012\n"))
    crlf = load_bytes(valid_review_text().replace("  year: 2011\n", "  year: 2011\n  year: 2012\n")
                      .replace("\n", "\r\n").encode())
    assert found(crlf) == found(lf) == [("RL002", 5, 3, "duplicate key `year` (first defined on line 4)")]
    assert crlf.data == lf.data
    assert crlf.lines[4] == "  year: 2012"  # no stray \r in the excerpt source


def test_crlf_syntax_error_position() -> None:
    assert found(load_bytes(b"a: 1\r\nb: [x,\r\n  y: z]\r\n")) == found(load_bytes(b"a: 1\nb: [x,\n  y: z]\n"))


def test_old_mac_line_endings_count_as_lines_everywhere() -> None:
    # libyaml counts a lone CR as a line break; our own positions and Document.lines agree.
    document = load_text("a: 1\rb: 2\rb: 3\rc: x\x07\r")
    assert found(document) == [("RL001", 4, 5, "YAML syntax error: control character U+0007 is not allowed in YAML")]
    assert document.lines[3] == "c: x\x07"


def test_tabs_inside_values_are_text_and_positions_count_a_tab_as_one_column() -> None:
    document = load_text("a:\tx\ty\nb: {c: 1,\tc: 2}\n")
    assert document.data == {"a": "x\ty", "b": {"c": 1}}
    assert found(document) == [("RL002", 2, 11, "duplicate key `c` (first defined on line 2)")]


def test_positions_on_a_very_long_line() -> None:
    text = "a: {x: " + "y" * 100_000 + ", x: 2}\n"
    assert text_found(text) == [("RL002", 1, 100_010, "duplicate key `x` (first defined on line 1)")]


# --- spans: the excerpt underlines the offending key or value, not the rest of the line ----

def spans(text: str) -> list[tuple[str, int, int, int | None, int | None]]:
    return [(d.code, d.line, d.col, d.end_line, d.end_col) for d in load_text(text).diagnostics]


def test_load_diagnostics_span_the_node_they_are_about() -> None:
    assert spans("year: 1\nyear: 2\n") == [("RL002", 2, 1, 2, 5)]
    assert spans("a: &x [1]\nb: *x\n") == [("RL007", 2, 4, 2, 6)]
    assert spans("a: !odd value\n") == [("RL008", 1, 4, 1, 14)]
    assert spans("a: 1e999\n") == [("RL013", 1, 4, 1, 9)]
    assert spans("<<: {a: 1}\n") == [("RL010", 1, 1, 1, 3)]
    assert spans("? [a]\n: 1\n") == [("RL009", 1, 3, 1, 6)]
    assert spans("- a\n") == [("RL006", 1, 1, 2, 1)]


def test_a_collection_reported_at_its_start_has_an_open_span() -> None:
    assert spans("a: !odd {b: 1}\n") == [("RL008", 1, 4, None, None)]


def test_point_problems_get_a_one_character_span() -> None:
    assert spans("a: [\n") == [("RL001", 2, 1, 2, 2)]
    assert spans("a: x\x07\n") == [("RL001", 1, 5, 1, 6)]
    assert [(d.line, d.col, d.end_line, d.end_col) for d in load_bytes(b"a: caf\xe9\n").diagnostics] == [
        (1, 7, 1, 8)]


# --- positions by JSON path -------------------------------------------------------------------

POSITIONS = """\
film:
  title: Quiet Harbour
  genres: [Drama, Romance]
  cast:
    - name: A
    - B
empty:
flow: {k: v}
"""


def test_position_of_values_keys_and_items() -> None:
    document = load_text(POSITIONS)
    assert document.position(("film", "title")) == (2, 10, 2, 23)
    assert document.position(("film", "title"), key=True) == (2, 3, 2, 8)
    assert document.position(("film", "genres", 1)) == (3, 19, 3, 26)
    assert document.position(("film", "cast", 0, "name")) == (5, 13, 5, 14)
    assert document.position(("film", "cast", 1)) == (6, 7, 6, 8)
    assert document.position(("flow", "k")) == (8, 11, 8, 12)
    assert document.position(("flow", "k"), key=True) == (8, 8, 8, 9)
    assert document.position(("empty",)) == (7, 7, 7, 7)  # the null after `empty:`


def test_a_missing_path_points_at_its_nearest_existing_ancestors_key() -> None:
    document = load_text(POSITIONS)
    assert document.position(("film", "year")) == (1, 1, 1, 5)
    assert document.position(("film", "cast", 0, "character")) == (5, 7, 6, 5)  # the list item's mapping
    assert document.position(("nothing", "at", "all")) == (1, 1, 9, 1)  # the root mapping


def test_position_without_a_tree_is_the_first_character() -> None:
    assert load_text("- a list\n").position(("film",)) == (1, 1, 1, 1)


def test_node_at_and_lookup() -> None:
    document = load_text(POSITIONS)
    title = document.node_at(("film", "title"))
    assert title is not None and (title.kind, title.value, title.style) == ("scalar", "Quiet Harbour", "")
    genres = document.node_at(("film", "genres"))
    assert genres is not None and (genres.kind, genres.style) == ("seq", "flow")
    assert document.node_at(("film", "nope")) is None
    found_pair = document.lookup(("film",))
    assert found_pair is not None and found_pair[0] is not None and found_pair[0].text == "film"


def test_iter_nodes_visits_every_node_once() -> None:
    document = load_text("a: &x [1, 2]\nb: *x\n")
    assert document.root is not None
    scalars = [node.text for node in iter_nodes(document.root) if node.kind == "scalar"]
    assert sorted(scalars) == ["1", "2", "a", "b"]


# --- never a traceback ------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.text(alphabet="ab:- []{}#&*!|>'\"\n\t,?%@`~0.e\r\ufeff\x85é😀", max_size=60))
def test_any_text_loads_to_positioned_diagnostics_without_raising(text: str) -> None:
    from reviewlint.document import editor_positions

    document = load_text(text, "t.yaml")
    line_count = len(document.lines)
    # As users see them: an editor's lines (NEL, LS and PS break lines only for libyaml).
    for diagnostic in editor_positions(document.text, document.diagnostics):
        assert diagnostic.code.startswith("RL0")
        assert 1 <= diagnostic.line <= line_count + 1, (text, diagnostic)
        assert diagnostic.col >= 1
    if document.loaded:
        assert isinstance(document.data, dict)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=80))
def test_any_bytes_load_without_raising(data: bytes) -> None:
    document = load_bytes(data, "t.yaml")
    assert all(d.line >= 1 and d.col >= 1 for d in document.diagnostics)
    if not document.loaded:
        assert document.diagnostics, data


# --- NEL, LS and PS: line breaks to libyaml, characters to editors ---------------------------

@pytest.mark.parametrize("mark", ["\u2028", "\x85", "\u2029"])
def test_positions_after_a_yaml11_line_break_are_an_editors(mark: str) -> None:
    """libyaml counted them as line breaks, so everything after one was reported a line too
    far down (and past the end of the file); editors and GitHub count CR and LF only."""
    from reviewlint import check_text

    text = f'schema_version: "1.0"\nfilm:\n  title: "Para{mark}site"\n  year: twenty\n'
    found = [(d.code, d.line, d.col, d.end_line, d.end_col) for d in check_text(text, "r.yaml") if d.code == "RL103"]
    assert found == [("RL103", 4, 9, 4, 15)]


def test_a_syntax_error_names_the_editors_line_in_its_message_too() -> None:
    from reviewlint.document import editor_positions

    document = load_text('a: "x\u2028y"\nb: Para\u2028site\nc: 1\n')
    [found] = editor_positions(document.text, document.diagnostics)
    assert (found.code, found.line, found.col) == ("RL001", 3, 1)
    assert found.message == \
        "YAML syntax error: could not find expected ':' (while scanning a simple key started at line 2)"


def test_the_text_report_shows_the_editors_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:


    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text('schema_version: "1.0"\nfilm:\n  title: "Para\u2028site"\n  year: twenty\n',
                                     encoding="utf-8")
    result = invoke("check", "--isolated", "--no-cache", "--select", "RL103", "r.yaml")
    assert result.stdout.splitlines()[:4] == [
        "r.yaml:4:9: RL103 `year` must be an integer, got 'twenty'", "   |", " 4 |   year: twenty",
        "   |         ^^^^^^ error"]
