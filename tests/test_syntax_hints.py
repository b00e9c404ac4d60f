"""RL001 keeps libyaml's words and its position, and adds a short hint for the usual causes:
a colon and a space in an unquoted value, a quote or bracket never closed or closed too
early, `#`/`@`/backtick at the start of a value, tabs, a list or key at the wrong indentation."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint.document import load_text
from reviewlint.document.syntax_hints import syntax_hint


def rl001(text: str) -> tuple[int, int, str]:
    [found] = [d for d in load_text(text, "x.yaml").diagnostics if d.code == "RL001"]
    return found.line, found.col, found.message


@pytest.mark.parametrize(("text", "line", "col", "message"), [
    # The issue's own example: a colon and a space inside a plain value.
    ("review:\n  headline: Past Lives: the road\n", 2, 23,
     'mapping values are not allowed in this context; quote the value: headline: "Past Lives: the road"'),
    ("headline: Past Lives: the road  # why\n", 1, 21,
     'mapping values are not allowed in this context; quote the value: headline: "Past Lives: the road"'),
    ("body:\n  - text: Act one: the arrival\n", 2, 18,
     'mapping values are not allowed in this context; quote the value: - text: "Act one: the arrival"'),
    ('headline: Past Lives: "the road"\n', 1, 21,
     "mapping values are not allowed in this context; quote the value: headline: 'Past Lives: \"the road\"'"),
    # A quote never closed, or closed before the value ends.
    ('review:\n  headline: "Past Lives\n  body: x\n', 4, 1,
     "found unexpected end of stream (while scanning a quoted scalar started at line 2); the quoted value is "
     "never closed: end it with the same quote mark"),
    ("headline: 'Don't look up'\n", 1, 16,
     "did not find expected key (while parsing a block mapping started at line 1); a single-quoted value ends at "
     "the next ' (write an apostrophe inside it as ''): quote the whole value: headline: \"Don't look up\""),
    ('headline: "Past Lives" and the road\n', 1, 24,
     "did not find expected key (while parsing a block mapping started at line 1); a double-quoted value ends at "
     "the next \" (write a quote inside it as \\\"): quote the whole value: headline: '\"Past Lives\" and the road'"),
    # A bracket never closed, or a value that starts with one and goes on.
    ("film:\n  genres: [Drama\n  year: 2023\n", 3, 7,
     "did not find expected ',' or ']' (while parsing a flow sequence started at line 2); the [ is never closed: "
     "end the list with ], or quote the value if the [ is text"),
    ("genres: [Drama\n  year: 2023\n  countries: [US]\n", 2, 7,
     "did not find expected ',' or ']' (while parsing a flow sequence started at line 1); the [ is never closed: "
     "end the list with ], or quote the value if the [ is text"),
    ("film:\n  crew: {director: Celine Song\n  year: 2023\n", 3, 7,
     "did not find expected ',' or '}' (while parsing a flow mapping started at line 2); the { is never closed: "
     "end the mapping with }, or quote the value if the { is text"),
    ("headline: [Spoilers] the ending explained\n", 1, 22,
     "did not find expected key (while parsing a block mapping started at line 1); a value that starts with [ is a "
     "list or mapping, and text after its ] is not allowed: quote the value: headline: \"[Spoilers] the ending "
     "explained\""),
    # Reserved characters, and a `#` that starts a comment inside a list.
    ("author:\n  handle: @filmnotes\n", 2, 11,
     "found character that cannot start any token (while scanning for the next token); `@` cannot start a plain "
     'value: quote the value: handle: "@filmnotes"'),
    ("tags:\n  - `noir`\n", 2, 5,
     "found character that cannot start any token (while scanning for the next token); a backtick cannot start a "
     'plain value: quote the item: - "`noir`"'),
    ("film:\n  genres: [#1, Drama]\n  year: 2023\n", 4, 1,
     "did not find expected ',' or ']' (while parsing a flow sequence started at line 2); `#1` starts a comment "
     'there, so the rest of the line is not read: quote a value that starts with #, as "#1"'),
    # A list or a key at the wrong indentation.
    ("film:\n  title: Past Lives\n  genres:\n- Drama\n- Romance\n", 4, 1,
     "did not find expected key (while parsing a block mapping started at line 1); the list under `genres:` is "
     "indented less than its key: indent its items at least as far as `genres`"),
    ("film:\n  genres: Drama\n  - Romance\n", 3, 3,
     "did not find expected key (while parsing a block mapping started at line 2); `genres` already has a value on "
     "its line: for a list, leave the value after `genres:` empty and put the items on the lines below"),
    ("genres:\n    - Drama\n  - Romance\n", 3, 3,
     "did not find expected key (while parsing a block mapping started at line 1); items of one list start at the "
     "same column"),
    ("film:\n  title: Past Lives\n    year: 2023\n", 3, 9,
     "mapping values are not allowed in this context; this line is indented deeper than `title` above it, which "
     "already has a value: start keys of one mapping at the same column, or quote a value that goes on to this "
     "line"),
    ("film:\n    title: Past Lives\n  year: 2023\n", 3, 3,
     "did not find expected key (while parsing a block mapping started at line 1); this key is indented "
     "differently from the keys above it: keys of one mapping start at the same column"),
    ("review:\n  headline: Past Lives\n    and the road: a review\n", 3, 17,
     "mapping values are not allowed in this context; this line is indented deeper than `headline` above it, which "
     "already has a value: start keys of one mapping at the same column, or quote a value that goes on to this "
     "line"),
])
def test_the_hint_follows_libyamls_words_at_libyamls_position(text: str, line: int, col: int, message: str) -> None:
    assert rl001(text) == (line, col, "YAML syntax error: " + message)


def test_a_tab_in_the_indentation_keeps_the_loaders_own_wording() -> None:
    assert rl001("film:\n\ttitle: x\n") == (2, 1, "YAML syntax error: a tab is used for indentation; YAML indents "
                                                  "with spaces")


def test_a_long_value_is_cut_in_the_hint() -> None:
    value = "A slow film: " + "and then " * 20
    _, _, message = rl001(f"summary: {value}\n")
    assert message.endswith('quote the value: summary: "' + value[:57].rstrip() + '..."')


@pytest.mark.parametrize("text", [
    "genres: [a: b: c]\n",            # closed on its line: not "never closed"
    "cast: {lead: A\nsupport: B}\n",   # closed on a later line: libyaml stopped at something else
    "body: |\nno indentation\n",      # a block scalar: no hint fits
    "a: - b\n",
])
def test_no_hint_when_the_cause_is_not_clear(text: str) -> None:
    _, _, message = rl001(text)
    assert ";" not in message


def test_the_hint_is_empty_past_the_end_of_the_text_or_of_a_long_line() -> None:
    assert syntax_hint("mapping values are not allowed in this context", None, 5, 0, "a: b: c\n") == ""
    assert syntax_hint("mapping values are not allowed in this context", None, 0, 5000, "a: " + "x: " * 3000) == ""


LINES = st.lists(st.sampled_from([
    "film:", "  title: Past Lives: the road", "  genres: [Drama", "  genres:", "- Drama", "    - Crime", "  - x",
    "headline: 'Don't'", 'headline: "a" b', "\ttitle: x", "  year: 2023", "tags: [#1, a]", "a: @b", "a: `b`",
    "review:", "  body: |", "  - ", ": x", "'", '"', "[", "{", "}", "]", "#", "   ", "", "a: 'b", "\ufeffa: [",
]), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_any_syntax_error_keeps_libyamls_text_and_position(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    try:
        list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        assert mark is not None
        hint = syntax_hint(error.problem or "", error.context, mark.line, mark.column, text)
        assert hint == "" or (hint.startswith("; ") and "\n" not in hint)
        found = [d for d in load_text(text, "x.yaml").diagnostics if d.code == "RL001"]
        if found and not found[0].message.startswith("YAML syntax error: a tab is used"):
            assert found[0].message.startswith(f"YAML syntax error: {error.problem}")
            assert found[0].message.endswith(hint)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :-#'\"[]{}@`\t\n|>&*!,%")), max_size=60),
       st.integers(0, 5), st.integers(0, 70))
def test_syntax_hint_never_fails(text: str, line: int, column: int) -> None:
    for problem in ("mapping values are not allowed in this context", "did not find expected key",
                    "did not find expected ',' or ']'", "did not find expected node content",
                    "found character that cannot start any token", "found unexpected end of stream"):
        hint = syntax_hint(problem, "while scanning a quoted scalar", line, column, text)
        assert hint == "" or hint.startswith("; ")
