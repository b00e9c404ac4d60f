"""How one scalar is written: plain, double-quoted, literal `|` or folded `>-`.

The rules are small and fixed so that the output is the same however the input was
written (idempotence), and so that the text means the same to every YAML reader:

- Strings are plain only when no YAML 1.2 *or* YAML 1.1 reader would take them for
  something else (`no`, `on`, `1.0`, `2019-05-30`, `1:32`, `~`), and when they hold no
  indicator, tab, line break or leading/trailing space.
- Other single-line strings are double-quoted (escapes only for what cannot be shown).
- Strings with line breaks are literal blocks (`|`, `|-` or `|+`, by their final
  newlines), unless a line would carry trailing whitespace: then double-quoted.
- A single-line string that would run past the line width is folded (`>-`) and wrapped
  at single spaces, so that reading folds each break back into exactly that space.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml.nodes
import yaml.resolver

from reviewlint import yaml12

WIDTH = 80
INDENT = 2

_RESOLVER_1_1: Any = yaml.resolver.Resolver()  # untyped in the stubs
_YAML_1_1_EXTRA = frozenset({"y", "Y", "n", "N"})  # booleans in the 1.1 spec that PyYAML omits
_LINE_BREAKS = "\n\r\x85\u2028\u2029"
_PLAIN_FIRST_FORBIDDEN = set("#,[]{}&*!|>'\"%@`")
_ESCAPES = {
    "\0": "\\0", "\x07": "\\a", "\x08": "\\b", "\t": "\\t", "\n": "\\n", "\x0b": "\\v", "\x0c": "\\f",
    "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
    "\ufeff": "\\uFEFF",
}
# Printable characters that need no escape in any style we emit (YAML's c-printable minus
# tab, line breaks, NEL, the Unicode line/paragraph separators that libyaml treats as
# breaks, and the byte-order mark).
_NEEDS_ESCAPE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# Characters that a block scalar can hold as they are: the printable set plus tab.
_BREAK_POINT = re.compile(r"(?<=\S) (?=\S)")
_BLOCK_UNSAFE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def is_plain_safe(text: str) -> bool:
    """True when `text` can be written unquoted and reads back as this same string in
    YAML 1.2 (our loader) and YAML 1.1 (PyYAML and older tools) alike."""
    # Any Unicode space at either end (a no-break space too) would look like trailing
    # whitespace, which editors strip: quoted, it stays visible and safe.
    if not text or text != text.strip() or _NEEDS_ESCAPE.search(text):
        return False
    if text.startswith(("---", "...")) or text[0] in _PLAIN_FIRST_FORBIDDEN:
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    try:
        if yaml12.resolve_plain(text) != text:
            return False
    except yaml12.ScalarError:
        return False
    if text in _YAML_1_1_EXTRA:
        return False
    return bool(_RESOLVER_1_1.resolve(yaml.nodes.ScalarNode, text, (True, False)) == yaml12.STR_TAG)


def double_quoted(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        known = _ESCAPES.get(char)
        if known:
            return known
        code = ord(char)
        if code <= 0xFF:
            return f"\\x{code:02X}"
        if code <= 0xFFFF:
            return f"\\u{code:04X}"
        return f"\\U{code:08X}"

    return '"' + re.sub(r'[\\"]|' + _NEEDS_ESCAPE.pattern, escape, text) + '"'


def inline(value: Any) -> str:
    """A scalar written on one line: a key, or a value that is not a block scalar."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _integer(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return value if is_plain_safe(value) else double_quoted(value)
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


def _integer(value: int) -> str:
    """Decimal, unless that would be past the loader's digit limit (a 900-digit hex value
    has 1,084 decimal digits): then hexadecimal, which reads back to the same integer."""
    if value.bit_length() <= 3 * yaml12.MAX_INT_DIGITS:  # 3 bits per digit: surely within the limit
        return str(value)
    decimal = str(value) if value.bit_length() <= 10_000 else ""  # Python prints at most 4,300 digits
    if decimal and len(decimal.lstrip("-")) <= yaml12.MAX_INT_DIGITS:
        return decimal
    if value < 0:
        raise ValueError(f"a negative integer of {value.bit_length()} bits cannot be written so that it reads back")
    return f"0x{value:x}"


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    mantissa, exponent_mark, exponent = text.partition("e")
    if exponent_mark and "." not in mantissa:
        mantissa += ".0"  # `1.0e+16`, not `1e+16`: YAML 1.1 readers need the dot
    return mantissa + exponent_mark + exponent


def literal_safe(text: str) -> bool:
    """Can `text` (which holds a line break) be a literal block without losing anything?"""
    if not text or text[0].isspace() or _BLOCK_UNSAFE.search(text.replace("\n", "")):
        return False
    return all(line == line.rstrip() for line in text.split("\n"))


def literal_header(text: str) -> str:
    if not text.endswith("\n"):
        return "|-"
    return "|+" if text.endswith("\n\n") else "|"


def literal_lines(text: str) -> list[str]:
    """The content lines of a literal block for `text` (final newlines are in the header)."""
    return text.rstrip("\n").split("\n") if text.endswith("\n") else text.split("\n")


def literal_trailing_blank_lines(text: str) -> int:
    """Empty lines a `|+` block carries after its content."""
    return len(text) - len(text.rstrip("\n")) - 1 if text.endswith("\n\n") else 0


def fold(text: str, width: int) -> list[str] | None:
    """`text` wrapped for a folded block within `width` characters, or None when folding
    cannot hold it faithfully or would not help.

    Breaks go only at a single space between two non-blank characters: the reader turns
    each break back into exactly one space, and no line starts or ends with whitespace.
    Greedy filling; a word longer than the width gets a line of its own.
    """
    if not text or "\n" in text or text[0].isspace() or text[-1].isspace() or _BLOCK_UNSAFE.search(text):
        return None
    lines: list[str] = []
    start = 0
    candidate: int | None = None
    for match in _BREAK_POINT.finditer(text):
        point = match.start()
        if point - start <= width:
            candidate = point
            continue
        if candidate is not None:
            lines.append(text[start:candidate])
            start, candidate = candidate + 1, None
            if point - start <= width:
                candidate = point
                continue
        lines.append(text[start:point])
        start = point + 1
    if len(text) - start > width and candidate is not None:
        lines.append(text[start:candidate])
        start = candidate + 1
    lines.append(text[start:])
    return lines if len(lines) > 1 else None
