"""format_text: the canonical layout of existing text, with its comments, exactly."""

from __future__ import annotations

import pytest

from reviewlint.diagnostics import Edit
from reviewlint.document import load_text
from reviewlint.formatting import EditError, FormatRefused, VerifyFailed, format_text
from reviewlint.formatting.verify import same_data


def formatted(text: str, **options: object) -> str:
    result = format_text(text, **options)  # type: ignore[arg-type]
    assert format_text(result, **options) == result, "formatting must be idempotent"  # type: ignore[arg-type]
    assert same_data(load_text(result).data, load_text(text).data) or options.get("edits")
    return result


def test_keys_reorder_and_comments_travel_with_their_key() -> None:
    text = (
        "# about the film\n"
        "film:\n"
        "    # lead year\n"
        "    year: 2000   # eol year\n"
        "    title: A\n"
        "schema_version: '1.0'   # version\n"
    )
    assert formatted(text) == (
        'schema_version: "1.0"  # version\n'
        "# about the film\n"
        "film:\n"
        "  title: A\n"
        "  # lead year\n"
        "  year: 2000  # eol year\n"
    )


def test_header_comment_set_off_by_a_blank_line_stays_on_top() -> None:
    text = "# Copyright header\n\n# about the film\nfilm:\n  title: A\nschema_version: '1.0'\n"
    assert formatted(text) == (
        "# Copyright header\n"
        "\n"
        'schema_version: "1.0"\n'
        "# about the film\n"
        "film:\n"
        "  title: A\n"
    )


def test_comment_on_a_key_line_and_at_the_end_of_a_block() -> None:
    text = "film:   # the film\n    year: 2000\n    title: A\n    # end of film block\nlanguage: en\n"
    assert formatted(text) == (
        "film:  # the film\n"
        "  title: A\n"
        "  year: 2000\n"
        "  # end of film block\n"
        "language: en\n"
    )


def test_comments_in_sequences() -> None:
    text = (
        "content_warnings:\n"
        "# first\n"
        "- gore   # g\n"
        "# second\n"
        "- severity: mild # s\n"
        "  id: profanity\n"
        "  # end of item\n"
        "# end of file\n"
    )
    assert formatted(text) == (
        "content_warnings:\n"
        "  # first\n"
        "  - gore  # g\n"
        "  # second\n"
        "  - id: profanity\n"
        "    severity: mild  # s\n"
        "    # end of item\n"
        "# end of file\n"
    )


def test_leading_comment_of_an_items_first_key_goes_above_the_dash() -> None:
    text = "film:\n  cast:\n  - character: Max\n    # the actor\n    name: Tom Hardy\n"
    assert formatted(text) == "film:\n  cast:\n    # the actor\n    - name: Tom Hardy\n      character: Max\n"


def test_comments_inside_flow_collections_survive_the_switch_to_block() -> None:
    # A comment on a key's line is about that key; one on an item's own line, about the item.
    text = "film: {title: A,  # t\n   year: 2000}\ntags: [\n  a,  # first tag\n  b]  # last tag\n"
    assert formatted(text) == "film:  # t\n  title: A\n  year: 2000\ntags:\n  - a  # first tag\n  - b  # last tag\n"


def test_block_scalar_header_comment_and_nested_sequences() -> None:
    text = "notes:\n  - |  # kept\n    one\n    two\n  -   # outer\n    - 1\n    - 2\n"
    assert formatted(text) == "notes:\n  - |  # kept\n    one\n    two\n  - - 1  # outer\n    - 2\n"


def test_layout_is_normalised() -> None:
    text = (
        "---\r\n"
        "film:   \r\n"
        "      title:    'It''s'   \r\n"
        "      year: 0x7D0\r\n"
        "tags:\r\n"
        "- \"a\"\r\n"
        "- 'yes'\r\n"
        "- 2019-05-30\r\n"
        "spoilers:\r\n"
        "...\r\n"
    )
    assert formatted(text) == (
        "film:\n"
        "  title: It's\n"
        "  year: 2000\n"
        "spoilers: null\n"
        "tags:\n"
        "  - a\n"
        '  - "yes"\n'
        '  - "2019-05-30"\n'
    )


def test_prose_is_folded_and_refolded_the_same_way() -> None:
    sentence = "A family living in a semi-basement talks its way, one job at a time, into the household."
    text = f"review:\n  logline: {sentence}\n"
    assert formatted(text) == (
        "review:\n"
        "  logline: >-\n"
        "    A family living in a semi-basement talks its way, one job at a time, into\n"
        "    the household.\n"
    )


def test_text_with_trailing_spaces_on_a_line_stays_double_quoted() -> None:
    text = 'note: "one  \\ntwo"\n'
    assert formatted(text) == 'note: "one  \\ntwo"\n'


def test_schema_comment_is_kept_and_never_names_the_unserved_schema_id() -> None:
    # A text with no file (and so no config naming a schema copy) gets no link to add.
    assert formatted("schema_version: '1.0'\n", schema_comment=True) == 'schema_version: "1.0"\n'
    stale = "# yaml-language-server: $schema=https://example.org/old.json\nschema_version: '1.0'\n"
    assert formatted(stale, schema_comment=True) == stale.replace("'1.0'", '"1.0"')
    # Off means "do not add": an author's own schema line is a comment like any other.
    assert formatted("language: en\n" + stale) == stale.replace("'1.0'", '"1.0"') + "language: en\n"


def test_edits_set_add_and_delete_and_keep_comments() -> None:
    text = (
        "content_warnings:\n"
        "  - strong language  # from the blog\n"
        "  # the rest\n"
        "  - gore\n"
        "review:\n"
        "  logline: Hello\u00a0world\n"
    )
    edits = (
        Edit(("content_warnings", 0), "profanity"),
        Edit(("content_warnings", 1), delete=True),
        Edit(("review", "body"), ["First paragraph."]),
    )
    result = format_text(text, edits=edits)
    assert result == (
        "review:\n"
        "  logline: Hello\u00a0world\n"
        "  body:\n"
        "    - First paragraph.\n"
        "content_warnings:\n"
        "  - profanity  # from the blog\n"
        "  # the rest\n"
    )
    assert load_text(result).data["content_warnings"] == ["profanity"]


def test_an_edit_that_does_not_fit_is_an_error() -> None:
    with pytest.raises(EditError, match="no item at tags/5"):
        format_text("tags: [a]\n", edits=(Edit(("tags", 5), "x"),))


@pytest.mark.parametrize("text, code, message", [
    ("a: [1,\n", "RL001", "not formatted: YAML syntax error"),
    ("a: 1\na: 2\n", "RL002", "not formatted: duplicate key `a`"),
    ("a: &x 1\nb: *x\n", "RL007", "not formatted: alias *x"),
    ("a: !thing 1\n", "RL008", "not formatted: tag !thing"),
    ("a: 1\n---\nb: 2\n", "RL005", "not formatted: file holds more than one YAML document"),
    ("- a\n", "RL006", "not formatted: the top level of a review must be a mapping"),
    ('a: "x"# glued\n', "RL014", "not formatted: a comment must be separated from the text before it"),
    ('a: "x\ny"\n', "RL014", "not formatted: a continuation line of a multi-line scalar must be indented"),
])
def test_files_that_must_not_be_rewritten_are_refused_with_a_reason(text: str, code: str, message: str) -> None:
    with pytest.raises(FormatRefused) as refused:
        format_text(text)
    assert refused.value.diagnostic.code == code
    assert refused.value.diagnostic.message.startswith(message)


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 150 + "]" * 150 + "\n"
    with pytest.raises(FormatRefused) as refused:
        format_text(text)
    assert refused.value.diagnostic.message == (
        "not formatted: values are nested more than 100 levels deep here; a review holds a few levels (the file is "
        "not checked further)")  # the loader's cap (RL015), below the formatter's own


def test_a_key_too_long_for_one_line_is_refused() -> None:
    with pytest.raises(FormatRefused) as refused:
        format_text("film: 1\n? " + "k" * 1100 + "\n: v\n")
    diagnostic = refused.value.diagnostic
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("RL014", 2, 3)
    assert diagnostic.message == ("not formatted: a key of 1100 characters is longer than the 1024 that YAML allows "
                                  "a key written on one line")
    assert format_text("k" * 1000 + ": v\n") == "k" * 1000 + ": v\n"


def test_a_lost_comment_stops_the_write(monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewlint.formatting.layout as layout

    real_build = layout.build

    def losing(*args: object) -> object:
        built = real_build(*args)  # type: ignore[arg-type]
        built.root.value.entries[0].eol.clear()  # type: ignore[union-attr]
        return built

    monkeypatch.setattr(layout, "build", losing)
    with pytest.raises(VerifyFailed, match="a comment would be lost"):
        format_text("title: A  # kept\n")


@pytest.mark.parametrize("break_", ["\n", "\r\n"])
def test_many_comments_in_one_gap_keep_their_exact_positions(break_: str) -> None:
    """Positions advance from comment to comment (re-reading the gap per comment took a
    minute for 1 MiB of comments); each must still be exact, indented or not."""
    from reviewlint.formatting.comments import scan
    from reviewlint.formatting.tokens import read_tokens

    lines = ["a: 1", *(f"{'  ' * (i % 3)}# note {i}" for i in range(200)), "b: 2"]
    text = break_.join(lines) + break_
    found = [(c.text, c.line, c.col) for c in scan(text, read_tokens(text)).comments]
    assert found == [(f"# note {i}", i + 1, 2 * (i % 3)) for i in range(200)]
