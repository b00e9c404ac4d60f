"""What the canonical layout cannot keep, found before anything is rewritten.

The formatter writes what the check path read. Where that reading is not the file's
YAML 1.2 meaning, or the canonical layout has no way to write it, rewriting would change
the file behind its author's back, so the file is refused (RL014) with the reason:

- NEL, LS and PS (U+0085, U+2028, U+2029) written as they are, in a value or a comment:
  libyaml, which reads reviews, breaks lines there; YAML 1.2 and editors do not;
- a key that YAML 1.2 reads as something other than text (`~:`, `null:`, `true:`,
  `0o17:`, `1:`, an empty `? `): the data holds its text, and the canonical layout would
  quote it, turning the null, boolean or number into a string;
- a directive other than `%YAML 1.2` (`%YAML 1.1` asks for another reading of `no` and
  `010`; `%TAG` is not kept).
"""

from __future__ import annotations

import re

import yaml

from reviewlint.document import Node, describe_value, iter_nodes
from reviewlint.formatting.tokens import Token

_RAW_BREAK = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {"\x85": "next line, NEL", "\u2028": "line separator, LS", "\u2029": "paragraph separator, PS"}
_ESCAPES = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def raw_break(text: str) -> tuple[int, str] | None:
    """(offset, reason) of the first NEL, LS or PS written as it is, or None."""
    found = _RAW_BREAK.search(text)
    if found is None:
        return None
    char = found.group()
    return found.start(), (
        f"U+{ord(char):04X} ({_BREAK_NAMES[char]}) is a line break to libyaml, which reads reviews, "
        "and an ordinary character to YAML 1.2 and editors: the two read this file differently, so a rewrite "
        f"could change it (replace it, or write it as {_ESCAPES[char]} inside double quotes)")


def non_text_key(root: Node) -> tuple[int, int, str] | None:
    """(0-based line, col, reason) of the first key YAML 1.2 reads as other than text."""
    for node in iter_nodes(root):
        if node.kind != "map":
            continue
        for key, _value in node.value:
            if key.kind != "scalar" or isinstance(key.value, str):
                continue
            shown = f"the key `{key.text}`" if key.text else "an empty key"
            return key.line, key.col, (
                f"{shown} is {describe_value(key.value)} in YAML 1.2, not text, and the canonical layout writes "
                f"keys as text: quote it (`\"{key.text}\":`) if text is meant")
    return None


def directive(text: str, tokens: list[Token]) -> tuple[int, int, str] | None:
    """(0-based line, col, reason) of the first directive the formatter cannot keep."""
    for token in tokens:
        if token.kind is not yaml.DirectiveToken:
            continue
        written = text[token.index:token.end_index].split("#", 1)[0].strip()
        words = written.split()
        if words[:2] == ["%YAML", "1.2"]:
            continue  # what reviewlint reads anyway: dropping it changes nothing
        if words[:1] == ["%YAML"]:
            reason = (f"the directive `{written}` asks for another YAML version, in which values read "
                      "differently (`no` is false and `010` is 8 in YAML 1.1); reviewlint reads YAML 1.2, "
                      "and the canonical layout would drop the directive")
        else:
            reason = f"the directive `{written}` would be dropped by the canonical layout"
        return token.line, token.col, reason
    return None
