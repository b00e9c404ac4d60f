"""emit_canonical: plain data -> canonical YAML text (the API `migrate` builds on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewlint.document import load_text
from reviewlint.formatting import CanonicalEmitError, emit_canonical
from reviewlint.formatting.verify import same_data

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))


def test_keys_follow_the_schema_order_at_every_level() -> None:
    data = {
        "x-extra": 1,
        "author": {"url": "https://example.org/a", "name": "A"},
        "film": {"year": 2019, "title": "Parasite"},
        "schema_version": "1.0",
        "content_warnings": [{"severity": "mild", "id": "gore"}],
    }
    assert emit_canonical(data) == (
        'schema_version: "1.0"\n'
        "film:\n"
        "  title: Parasite\n"
        "  year: 2019\n"
        "content_warnings:\n"
        "  - id: gore\n"
        "    severity: mild\n"
        "author:\n"
        "  name: A\n"
        "  url: https://example.org/a\n"
        "x-extra: 1\n"
    )


def test_schema_comment_never_names_the_unserved_schema_id() -> None:
    # With no schema copy configured (`schema-path`) there is nothing to link to.
    text = emit_canonical({"schema_version": "1.0"}, schema_comment=True)
    assert text == 'schema_version: "1.0"\n'


@pytest.mark.parametrize("value, written", [
    ("no", '"no"'), ("NO", '"NO"'), ("on", '"on"'), ("y", '"y"'), ("yes", '"yes"'), ("off", '"off"'),
    ("2019-05-30", '"2019-05-30"'), ("1:32", '"1:32"'), ("1.0", '"1.0"'), ("15", '"15"'), ("~", '"~"'),
    ("", '""'), ("null", '"null"'), ("true", '"true"'), ("a: b", '"a: b"'), ("a #b", '"a #b"'),
    ("- a", '"- a"'), (" lead", '" lead"'), ("tab\there", '"tab\\there"'), ('"q"', '"\\"q\\""'), ('mid"dle', 'mid"dle'),
    ("back\\slash", "back\\slash"), ("https://x.org/a", "https://x.org/a"), ("기생충", "기생충"),
    ("en-GB", "en-GB"), (True, "true"), (False, "false"), (None, "null"), (7, "7"), (4.5, "4.5"),
    (1e16, "1.0e+16"), (-0.0, "-0.0"),
])
def test_scalars_are_quoted_only_when_a_yaml_reader_needs_it(value: object, written: str) -> None:
    text = emit_canonical({"v": value})
    assert text == f"v: {written}\n"
    assert same_data(load_text(text).data, {"v": value})


def test_long_prose_is_folded_at_80_columns_and_multiline_text_is_literal() -> None:
    prose = " ".join(["word"] * 40)
    text = emit_canonical({"review": {"logline": prose, "body": ["one\ntwo\n", "end\n\n"]}})
    lines = text.splitlines()
    assert lines[:2] == ["review:", "  logline: >-"]
    assert all(len(line) <= 80 for line in lines)
    assert lines[-7:] == ["  body:", "    - |", "      one", "      two", "    - |+", "      end", ""]
    assert load_text(text).data["review"]["logline"] == prose


def test_empty_collections_and_nested_sequences() -> None:
    text = emit_canonical({"a": [], "b": {}, "c": [[1, 2], [], [{"k": "v", "j": None}]]})
    assert text == "a: []\nb: {}\nc:\n  - - 1\n    - 2\n  - []\n  - - k: v\n      j: null\n"


def test_unrepresentable_data_is_refused() -> None:
    with pytest.raises(TypeError):
        emit_canonical({"when": object()})


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip(example: Path) -> None:
    data = load_text(example.read_text(encoding="utf-8")).data
    text = emit_canonical(data)
    assert same_data(load_text(text).data, data)
    assert emit_canonical(load_text(text).data) == text


def test_error_type_is_a_value_error() -> None:
    assert issubclass(CanonicalEmitError, ValueError)



def test_the_longest_integers_that_load_format_to_values_that_read_back() -> None:
    from reviewlint.document import load_text
    from reviewlint.formatting import format_text

    for text in ("x: 0x" + "f" * 255 + "\n", "x: " + "9" * 307 + "\n", "x: -" + "9" * 307 + "\n"):
        once = format_text(text)
        assert load_text(once).data == load_text(text).data
        assert format_text(once) == once


def test_an_integer_past_a_double_is_refused_with_the_reason() -> None:
    from reviewlint.formatting import FormatRefused, format_text

    with pytest.raises(FormatRefused, match="is beyond the range of a floating-point number"):
        format_text("x: 0x" + "f" * 900 + "\n")
