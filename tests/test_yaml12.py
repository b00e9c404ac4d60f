"""YAML 1.2 core-schema scalars: what a plain, quoted or tagged scalar means.

The table follows the YAML 1.2.2 spec, section 10.3.2 (core schema tag resolution).
PyYAML alone would read YAML 1.1 (`no` as false, `0o17` as a string, dates as dates);
ruamel's safe loader extends 1.2 (`1_000` and `0b11` as ints, dates as dates). Ours does
neither, and these tests pin that.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint import yaml12
from reviewlint.document import load_text

PLAIN: list[tuple[str, Any]] = [
    # null
    ("", None), ("~", None), ("null", None), ("Null", None), ("NULL", None), ("nULL", "nULL"),
    # booleans: three spellings each, nothing else
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False),
    ("tRUE", "tRUE"), ("yes", "yes"), ("no", "no"), ("NO", "NO"), ("on", "on"), ("Off", "Off"), ("y", "y"),
    ("n", "n"),
    # integers
    ("0", 0), ("-0", 0), ("+12", 12), ("-12", -12), ("017", 17), ("00", 0), ("0o17", 15), ("0o0", 0),
    ("0x1F", 31), ("0xff", 255), ("0X1F", "0X1F"), ("0o8", "0o8"), ("0x", "0x"), ("0o", "0o"),
    ("+0x1", "+0x1"), ("-0o7", "-0o7"), ("1_000", "1_000"), ("0b11", "0b11"), ("1,000", "1,000"),
    # floats
    ("1e3", 1000.0), ("1E3", 1000.0), ("1e+3", 1000.0), ("-1E-3", -0.001), ("1.", 1.0), ("0.", 0.0),
    (".5", 0.5), ("+.5e-3", 0.0005), ("1.e5", 100000.0), ("0e0", 0.0), ("3.14", 3.14),
    ("1e", "1e"), ("e3", "e3"), (".", "."), ("1.2.3", "1.2.3"), ("+", "+"), ("-", "-"),
    (".iNf", ".iNf"),
    # strings that YAML 1.1 would have turned into something else
    ("2024-01-02", "2024-01-02"), ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
    ("12:30", "12:30"), ("1:20:30", "1:20:30"), ("=", "="), ("<<", "<<"),
    # prose
    ("Parasite", "Parasite"), ("7/10", "7/10"), ("4.5 stars", "4.5 stars"), ("١٢", "١٢"),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN)
def test_plain_scalar_resolution(text: str, expected: Any) -> None:
    value = yaml12.resolve_plain(text)
    assert type(value) is type(expected)
    assert value == expected


@pytest.mark.parametrize("text", [".inf", ".Inf", "+.INF", "-.inf", ".nan", ".NaN", ".NAN"])
def test_infinity_and_nan_are_refused_as_json_cannot_hold_them(text: str) -> None:
    """An infinite rating passed every `maximum`, and export wrote `Infinity` (not JSON)."""
    with pytest.raises(yaml12.ScalarError, match=r"\(infinity or not-a-number\) cannot be stored as JSON"):
        yaml12.resolve_plain(text)
    with pytest.raises(yaml12.ScalarError):
        yaml12.resolve_tagged(yaml12.FLOAT_TAG, text)


def test_not_a_nan_spelling() -> None:
    assert yaml12.resolve_plain(".Nan") == ".Nan"


@pytest.mark.parametrize(("tag", "text", "expected"), [
    (yaml12.STR_TAG, "12", "12"), (yaml12.STR_TAG, "true", "true"), (yaml12.NULL_TAG, "anything", None),
    (yaml12.BOOL_TAG, "False", False), (yaml12.INT_TAG, "12", 12), (yaml12.INT_TAG, "0o17", 15),
    (yaml12.INT_TAG, "0x1F", 31), (yaml12.FLOAT_TAG, "1", 1.0), (yaml12.FLOAT_TAG, "1e3", 1000.0),
])
def test_tagged_scalar_resolution(tag: str, text: str, expected: Any) -> None:
    value = yaml12.resolve_tagged(tag, text)
    assert type(value) is type(expected)
    assert value == expected


@pytest.mark.parametrize(("tag", "text", "message"), [
    (yaml12.BOOL_TAG, "yes", "'yes' is not a boolean"),
    (yaml12.INT_TAG, "1.5", "'1.5' is not an integer"),
    (yaml12.FLOAT_TAG, "abc", "'abc' is not a number"),
    (yaml12.FLOAT_TAG, "1e400", "number 1e400 is beyond the range of a floating-point number"),
    (yaml12.INT_TAG, "1" * 1001, "integer with 1001 digits is too large (at most 1000)"),
    ("tag:yaml.org,2002:timestamp", "2020-01-01", "unsupported tag tag:yaml.org,2002:timestamp"),
])
def test_tagged_scalar_errors(tag: str, text: str, message: str) -> None:
    with pytest.raises(yaml12.ScalarError) as raised:
        yaml12.resolve_tagged(tag, text)
    assert str(raised.value) == message


# --- the same rules through the loader --------------------------------------------------------

DOCUMENT = """\
norway: NO
answer: no
switch: on
agree: yes
octal: 0o17
hex: 0x1F
exponent: 1e3
nothing: ~
empty:
date: 2024-05-17
time: 12:30
1: one
true: key
~: tilde
1.0: float key
quoted_number: "12"
single_quoted_bool: 'true'
literal: |
  12
folded: >-
  true
"""


def test_the_loader_uses_the_core_schema_for_values_and_keeps_keys_as_written() -> None:
    document = load_text(DOCUMENT)
    assert document.diagnostics == []
    assert document.data == {
        "norway": "NO", "answer": "no", "switch": "on", "agree": "yes", "octal": 15, "hex": 31,
        "exponent": 1000.0, "nothing": None, "empty": None, "date": "2024-05-17",
        "time": "12:30", "1": "one", "true": "key", "~": "tilde", "1.0": "float key",
        "quoted_number": "12", "single_quoted_bool": "true", "literal": "12\n", "folded": "true",
    }
    assert type(document.data["exponent"]) is float


# --- open-ended checks ------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_every_written_integer_reads_back_as_that_integer(number: int) -> None:
    assert yaml12.resolve_plain(str(number)) == number
    if number >= 0:  # the core schema has no signed hex or octal
        assert yaml12.resolve_plain(hex(number)) == number
        assert yaml12.resolve_plain(oct(number)) == number


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_written_float_reads_back_as_that_float(number: float) -> None:
    value = yaml12.resolve_plain(repr(number))
    assert isinstance(value, float) and value == number


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda s: s[0] not in "~nNtTfF0123456789+-."))
def test_text_that_cannot_start_a_number_null_or_boolean_stays_text(text: str) -> None:
    assert yaml12.resolve_plain(text) == text


@pytest.mark.parametrize(("first", "second", "what"), [
    ("1", "0x1", "the integer 1"), ("1", "+1", "the integer 1"), ("0o17", "15", "the integer 15"),
    ("true", "True", "the boolean true"), ("false", "FALSE", "the boolean false"), ("~", "null", "null"),
    ("null", "", "null"), ("1.5", "1.50", "the number 1.5"),
])
def test_keys_that_are_one_key_in_yaml_1_2_are_duplicates(first: str, second: str, what: str) -> None:
    from reviewlint.document import load_text

    second_line = f"{second}: b" if second else "? \n: b"
    document = load_text(f"{first}: a\n{second_line}\n")
    assert [(d.code, d.line, d.message) for d in document.diagnostics] == [
        ("RL002", 2, f"duplicate key `{second}`: YAML 1.2 reads it as {what}, the same key as `{first}` on line 1")]
    assert document.data == {first: "a"}  # the first one counts, as for any duplicate


@pytest.mark.parametrize(("first", "second"), [("1", "1.0"), ("1", "true"), ("~", '"null"'), ("0", "false")])
def test_keys_of_different_types_are_different_keys(first: str, second: str) -> None:
    from reviewlint.document import load_text

    document = load_text(f"{first}: a\n{second}: b\n")
    assert [d.code for d in document.diagnostics] == []


@pytest.mark.parametrize(("text", "message"), [
    ("0x" + "f" * 4000, "hexadecimal integer with 4000 digits is too large (at most 1000)"),
    ("0o" + "7" * 1001, "octal integer with 1001 digits is too large (at most 1000)"),
    ("0x" + "f" * 300, "hexadecimal integer ffffffffffffffffffff... (300 digits) is beyond the range of a "
                       "floating-point number, which is how JSON readers hold numbers"),
    ("9" * 400, "integer 99999999999999999999... (400 digits) is beyond the range of a floating-point number, which "
                "is how JSON readers hold numbers"),
])
def test_hex_and_octal_integers_have_a_digit_limit_too(text: str, message: str) -> None:
    from reviewlint.lint import check_text

    with pytest.raises(yaml12.ScalarError, match=re.escape(message)):
        yaml12.resolve_plain(text)
    found = check_text(f'schema_version: "1.1"\nfilm:\n  title: X\n  year: {text}\n')
    assert "RL999" not in {d.code for d in found}
    assert [d.message for d in found if d.code == "RL013"] == [message]
