"""YAML 1.2 core-schema scalar resolution.

The check path and the fix path must agree on what a scalar means, so both use these
rules: `no`, `on` and `NO` (Norway) are strings; only `true`/`false` in three casings
are booleans; dates are strings (the schema checks them with a pattern).
"""

from __future__ import annotations

import re
from typing import Any

NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
INT_RE = re.compile(r"^[-+]?[0-9]+$")
OCT_RE = re.compile(r"^0o[0-7]+$")
HEX_RE = re.compile(r"^0x[0-9a-fA-F]+$")
FLOAT_RE = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
INF_RE = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
NAN_RE = re.compile(r"^\.(?:nan|NaN|NAN)$")

# Digits beyond this are refused rather than converted: int() of a huge literal is
# quadratic, and Python refuses more than 4300 digits anyway.
MAX_INT_DIGITS = 1000
# Integers past a double's range (about 1.8e308) are refused as 1e999 is: JSON readers
# hold numbers as doubles, and every comparison with a float would overflow.
MAX_INT_BITS = 1023

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
CORE_SCALAR_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG})


class ScalarError(ValueError):
    """A scalar that looks like a number but cannot be represented faithfully."""


def _to_int(text: str, base: int = 10) -> int:
    """`text` (digits only, a sign for base 10) as an integer of at most MAX_INT_DIGITS
    digits in its base: a hex literal of 4,000 digits is a number Python cannot even print
    in decimal (over 4,300 digits)."""
    digits = text.lstrip("+-")
    kind = {8: "octal ", 16: "hexadecimal "}.get(base, "")
    if len(digits) > MAX_INT_DIGITS:
        raise ScalarError(f"{kind}integer with {len(digits)} digits is too large (at most {MAX_INT_DIGITS})")
    value = int(text, base)
    if abs(value).bit_length() > MAX_INT_BITS:
        raise ScalarError(f"{kind}integer {text[:20]}... ({len(digits)} digits) is beyond the range of a "
                          "floating-point number, which is how JSON readers hold numbers")
    return value


def _to_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ScalarError(f"number {text[:40]} is beyond the range of a floating-point number")
    return value


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema."""
    if not text:
        return None
    first = text[0]
    # Fast path: most scalars in a review are prose, which cannot be anything but str.
    if first not in "~nNtTfF0123456789+-.":
        return text
    if NULL_RE.match(text):
        return None
    if BOOL_RE.match(text):
        return text[0] in "tT"
    number = _integer(text)
    if number is not None:
        return number
    if FLOAT_RE.match(text):
        return _to_float(text)
    special = _special_float(text)
    return text if special is None else special


def _integer(text: str) -> int | None:
    """A decimal, 0o octal or 0x hex integer, or None when the text is none of them."""
    if INT_RE.match(text):
        return _to_int(text)
    if OCT_RE.match(text):
        return _to_int(text[2:], 8)
    if HEX_RE.match(text):
        return _to_int(text[2:], 16)
    return None


def _special_float(text: str) -> float | None:
    """.inf, -.inf and .nan in their three spellings are refused (ScalarError); None for
    anything else. YAML has them, JSON does not: a review must survive as JSON (schema
    validation, export), and an infinite rating passes every `maximum` it is compared with
    as NaN does, silently."""
    if INF_RE.match(text) or NAN_RE.match(text):
        raise ScalarError(f"{text} (infinity or not-a-number) cannot be stored as JSON; write a finite number")
    return None


def resolve_tagged(tag: str, text: str) -> Any:
    """The value of a scalar with an explicit core tag."""
    if tag == STR_TAG:
        return text
    if tag == NULL_TAG:
        return None
    if tag == BOOL_TAG:
        if not BOOL_RE.match(text):
            raise ScalarError(f"{text!r} is not a boolean")
        return text[0] in "tT"
    if tag == INT_TAG:
        number = _integer(text)
        if number is None:
            raise ScalarError(f"{text!r} is not an integer")
        return number
    if tag == FLOAT_TAG:
        if FLOAT_RE.match(text) or INT_RE.match(text):
            return _to_float(text)
        special = _special_float(text)
        if special is None:
            raise ScalarError(f"{text!r} is not a number")
        return special
    raise ScalarError(f"unsupported tag {tag}")
