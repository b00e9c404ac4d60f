"""Strict equality of loaded data: the formatter's proof that meaning survived.

Python's `==` says `True == 1 == 1.0` and `nan != nan`; a YAML value that changed
from `true` to `1` changed meaning, and a NaN that stayed NaN did not.
"""

from __future__ import annotations

import math
from typing import Any


def same_data(left: Any, right: Any) -> bool:
    stack: list[tuple[Any, Any]] = [(left, right)]
    while stack:
        a, b = stack.pop()
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            if a.keys() != b.keys():
                return False
            stack.extend((a[key], b[key]) for key in a)
        elif isinstance(a, list):
            if len(a) != len(b):
                return False
            stack.extend(zip(a, b, strict=True))
        elif isinstance(a, float):
            if math.isnan(a) and math.isnan(b):
                continue
            if a != b or math.copysign(1.0, a) != math.copysign(1.0, b):
                return False
        elif a != b:
            return False
    return True


def first_difference(left: Any, right: Any, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    """The JSON path of the first place where `left` and `right` differ (for messages)."""
    stack: list[tuple[Any, Any, tuple[str | int, ...]]] = [(left, right, path)]
    while stack:
        a, b, where = stack.pop()
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(a.keys() ^ b.keys()):
                return (*where, key)
            stack.extend((a[key], b[key], (*where, key)) for key in a)
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            stack.extend((x, y, (*where, index)) for index, (x, y) in enumerate(zip(a, b, strict=True)))
        elif not same_data(a, b):
            return where
    return None
