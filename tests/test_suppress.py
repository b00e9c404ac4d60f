"""Inline suppressions and selection (suppress.py), through check_text."""

from __future__ import annotations

from reviewlint.config import Settings
from rulekit import findings, overlay

HEAD = 'schema_version: "1.1"\nfilm: {title: Quiet Harbour, year: 2011}\nrating: {value: 8, max: 10}\n'
TAIL = "content_warnings: []\nauthor: {name: Ines Lago}\npublished: \"2024-03-09\"\n"


def review(lines: str) -> str:
    """`lines` is the review block; it starts on line 4."""
    return HEAD + lines + TAIL


def test_a_trailing_comment_covers_its_own_line() -> None:
    text = review("review:\n  body:\n    - Few could potray it.  # reviewlint: disable=RL606 -- quoting the poster\n"
                  "    - Nobody could potray it better.\n")
    assert findings(text) == [("RL606", 7, 20, "'potray' is a misspelling of 'portray'")]


def test_a_comment_line_covers_the_next_entry_and_the_block_under_it() -> None:
    text = review("review:\n  body:\n    # reviewlint: disable=misspelling -- the poster's spelling\n    - >-\n"
                  "      Few could\n      potray it.\n    - Nobody could potray it better.\n")
    assert findings(text) == [("RL606", 10, 20, "'potray' is a misspelling of 'portray'")]


def test_a_comment_above_a_top_level_key_covers_its_whole_block() -> None:
    text = review("# reviewlint: disable=RL6 -- legacy text, kept as written\nreview:\n  body:\n"
                  "    - Few could potray it.\n    - The the end.\nspoilers: minor\n")
    assert findings(text) == []


def test_disable_file_covers_everything_from_anywhere() -> None:
    text = review("review:\n  body:\n    - Few could potray it.\n    - Nobody could potray it.\n") + \
        "# reviewlint: disable-file=RL606\n"
    assert findings(text) == []


def test_an_unused_suppression_is_reported_at_its_code() -> None:
    text = review("review:\n  body:\n    - Few could portray it.  # reviewlint: disable=RL606,RL604\n")
    assert findings(text) == [
        ("RL801", 6, 52, "suppression of `RL606` suppresses nothing on this line; remove it"),
        ("RL801", 6, 58, "suppression of `RL604` suppresses nothing on this line; remove it"),
    ]


def test_only_the_unused_code_of_a_directive_is_reported() -> None:
    text = review("review:\n  body:\n    - Few could potray it.  # reviewlint: disable=RL606, trailing-whitespace\n")
    assert findings(text) == [
        ("RL801", 6, 58, "suppression of `trailing-whitespace` suppresses nothing on this line; remove it")]


def test_a_suppression_of_a_disabled_rule_says_so() -> None:
    text = review("review:\n  body:\n    - Few could potray it.  # reviewlint: disable=RL606\n")
    assert findings(text, settings=Settings(ignore=("RL606",))) == [
        ("RL801", 6, 51, "suppression of `RL606` has no effect: the rule is not enabled for this file")]


def test_unknown_codes_and_actions_are_reported_with_a_suggestion() -> None:
    text = review("review:\n  body:\n    - Few could potray it.  # reviewlint: disable=RL6006\n"
                  "    - Nobody could potray it.  # reviewlint: disabel=RL606\n"
                  "    - A quiet film.  # reviewlint: disable\n")
    assert findings(text) == [
        ("RL606", 6, 17, "'potray' is a misspelling of 'portray'"),
        ("RL802", 6, 51, "unknown rule or code `RL6006` in suppression; did you mean `RL606`?"),
        ("RL606", 7, 20, "'potray' is a misspelling of 'portray'"),
        ("RL802", 7, 46, "unknown suppression 'disabel'; did you mean `disable`? (use `# reviewlint: "
                         "disable=CODE` or `# reviewlint: disable-file=CODE`)"),
        ("RL802", 8, 36, "`disable` names no rules; write `# reviewlint: disable=RL601` (codes, prefixes or names)"),
    ]


def test_a_hash_inside_a_scalar_is_text_not_a_comment() -> None:
    text = review('review:\n  body:\n    - "Few could potray it # reviewlint: disable=RL606"\n'
                  "    - |-\n      Nobody could potray it.\n      # reviewlint: disable=RL606\n")
    assert [f[0] for f in findings(text)] == ["RL606", "RL606"]


def test_a_comment_on_a_block_scalar_header_covers_only_that_line() -> None:
    text = review("review:\n  body:\n    - |-  # reviewlint: disable=RL606\n      Nobody could potray it.\n")
    assert findings(text) == [
        ("RL801", 6, 33, "suppression of `RL606` suppresses nothing on this line; remove it"),
        ("RL606", 7, 20, "'potray' is a misspelling of 'portray'"),
    ]


def test_suppressions_cover_schema_findings_too() -> None:
    text = review("review:\n  body: [Quiet.]\n  x_note: kept  # reviewlint: disable=unknown-key -- a leftover\n")
    assert findings(text) == []


def test_suppression_findings_obey_selection_and_file_suppression() -> None:
    text = review("review:\n  body: [Few could portray it.]  # reviewlint: disable=RL606\n")
    assert findings(text, settings=Settings(ignore=("RL801",))) == []
    assert findings(text + "# reviewlint: disable-file=RL801\n") == []


def test_ignoring_a_rule_keeps_the_generic_schema_finding_it_would_replace() -> None:
    text = overlay("content_warnings: [strong language]")
    assert [f[0] for f in findings(text)] == ["RL301"]
    assert findings(text, settings=Settings(ignore=("RL301",))) == [
        ("RL104", 21, 20, "unknown content warning 'strong language' (see `reviewlint vocab content-warnings` for "
                          "the list)")]


def test_selection_never_hides_a_file_that_could_not_be_read() -> None:
    assert findings("film: [unclosed\n", settings=Settings(select=("RL6",))) == [
        ("RL001", 1, 16, "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence "
                         "started at line 1); the [ is never closed: end the list with ], or quote the value if the "
                         "[ is text")]
