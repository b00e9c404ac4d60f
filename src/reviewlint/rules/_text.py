"""Positions inside scalars: which source character each character of a value came from.

libyaml gives a scalar's start and end, not where its n-th character sits: folding,
indentation, quote doubling and escapes all move characters around. `value_offsets`
walks the scalar's source alongside its value and maps every value character to its
source offset, for plain, single- and double-quoted, literal and folded scalars. It is
run only for a scalar that has a finding, so clean documents never pay for it.
"""

from __future__ import annotations

import bisect
import re

from reviewlint.document import Node

# The breaks libyaml counts in its marks (document.py uses the same set).
_LINE_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAKS = "\r\n\x85\u2028\u2029"

_SIMPLE_ESCAPES = {
    "0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` starts (line 0 first)."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK_RE.finditer(text))
    return starts


def offset_of(starts: list[int], line: int, col: int) -> int:
    """Offset of a 0-based (line, col) mark."""
    if line >= len(starts):
        return starts[-1] + col
    return starts[line] + col


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, col) of an offset."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _break_length(source: str, index: int) -> int:
    """Length of the line break at `index` (0 when there is none)."""
    char = source[index]
    if char == "\r" and index + 1 < len(source) and source[index + 1] == "\n":
        return 2
    return 1 if char in _BREAKS else 0


def _escape(source: str, index: int, limit: int) -> tuple[str | None, int]:
    """(decoded text, length) of the escape at `index` (a backslash). An escaped line
    break decodes to None: it joins lines without adding anything."""
    if index + 1 >= limit:
        return "\\", 1
    char = source[index + 1]
    if char in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[char], 2
    if char in _HEX_ESCAPES:
        width = _HEX_ESCAPES[char]
        digits = source[index + 2:index + 2 + width]
        try:
            return chr(int(digits, 16)), 2 + width
        except ValueError:
            return None, 2
    size = _break_length(source, index + 1)
    if size:
        return None, 1 + size
    return "\\", 1


def _block_indent(source: str, header_end: int, end: int, parent_indent: int, explicit: int | None) -> int:
    """Content indentation of a block scalar whose content starts at `header_end`."""
    if explicit is not None:
        return parent_indent + explicit
    index = header_end
    while index < end:
        stop = index
        while stop < end and source[stop] == " ":
            stop += 1
        if stop < end and source[stop] not in _BREAKS:
            return stop - index
        if stop >= end:
            break
        index = stop + _break_length(source, stop)
    return 0


def value_offsets(source: str, starts: list[int], node: Node) -> list[int] | None:
    """For each character of the scalar's value (`node.text`), its offset in `source`.
    None when the walk cannot account for the value (then callers fall back to the
    scalar's start)."""
    value = node.text
    begin = offset_of(starts, node.line, node.col)
    end = min(offset_of(starts, node.end_line, node.end_col), len(source))
    style = node.style or ""
    block = style in ("|", ">")
    indent = 0
    if style in ("'", '"'):
        index, limit = begin + 1, end - 1
    elif block:
        header_end = begin
        while header_end < end and source[header_end] not in _BREAKS:
            header_end += 1
        header = source[begin + 1:header_end].split("#", 1)[0]
        digits = [c for c in header if c.isdigit()]
        line_start = starts[node.line] if node.line < len(starts) else begin
        parent = len(source[line_start:begin]) - len(source[line_start:begin].lstrip(" "))
        if header_end < end:
            header_end += _break_length(source, header_end)
        index, limit = header_end, end
        indent = _block_indent(source, header_end, end, parent, int(digits[0]) if digits else None)
    else:
        index, limit = begin, end
    offsets: list[int] = []
    at_line_start = block
    position = 0
    while position < len(value):
        if index >= limit:
            return None
        if at_line_start:
            skipped = 0
            if block:
                while skipped < indent and index < limit and source[index] == " ":
                    index += 1
                    skipped += 1
            else:  # a flow scalar's continuation lines lose all their leading white space
                while index < limit and source[index] in " \t":
                    index += 1
            at_line_start = False
            continue
        char = source[index]
        wanted = value[position]
        if style == '"' and char == "\\":
            decoded, size = _escape(source, index, limit)
            if decoded is None:
                index += size
                at_line_start = True  # an escaped line break: the next line's indentation goes too
                continue
            if decoded != wanted:
                return None
            offsets.append(index)
            position += 1
            index += size
            continue
        size = _break_length(source, index)
        if char == wanted or (size and wanted == "\n" and char != "\u2028" and char != "\u2029"):
            offsets.append(index)
            position += 1
            if style == "'" and char == "'":
                index += 1  # the second quote of a doubled ''
            if size:
                index += size
                at_line_start = True
            else:
                index += 1
            continue
        if size:
            if wanted == " " and style != "|":
                offsets.append(index)  # a folded line break became this space
                position += 1
            index += size
            at_line_start = True
            continue
        if char in " \t":
            index += 1  # indentation or folded-away white space
            continue
        return None
    return offsets
