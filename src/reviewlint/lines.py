"""Lines of a text: one line index, one offset <-> (line, col) mapping, and the editor view.

libyaml (YAML 1.1) breaks lines at CR, LF, CRLF, NEL, LS and PS; editors, GitHub and
YAML 1.2 break only at CR, LF and CRLF. Positions are libyaml's inside reviewlint and an
editor's outside: `to_editor` converts one to the other.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

# The breaks libyaml counts in its marks; every position computed here uses the same set.
YAML_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
EDITOR_BREAK_RE = re.compile("\r\n|[\r\n]")
UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` starts (line 0 first), breaking as libyaml does."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return [0, *(match.end() for match in YAML_BREAK_RE.finditer(text))]
    return [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n")[:-1])]


def offset_of(starts: list[int], line: int, col: int) -> int:
    """Offset of a 0-based (line, col) mark."""
    if line >= len(starts):
        return starts[-1] + col
    return starts[line] + col


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, col) of an offset."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def line_col_after(prefix: str) -> tuple[int, int]:
    """1-based (line, col) of the character that follows `prefix`."""
    return line_col(line_starts(prefix), len(prefix))


def editor_lines(text: str) -> list[str]:
    """`text` split at CR, LF and CRLF only, without a last empty line (as splitlines)."""
    lines = EDITOR_BREAK_RE.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def to_editor(text: str) -> Callable[[int, int], tuple[int, int]] | None:
    """A map from libyaml's 1-based (line, col) to an editor's, which differ only after a
    NEL, LS or PS character (a line break to libyaml, a character to editors); None when
    `text` has none."""
    if not any(mark in text for mark in UNUSUAL_BREAKS):
        return None
    yaml_starts = line_starts(text)
    editor_starts = [0, *(match.end() for match in EDITOR_BREAK_RE.finditer(text))]

    def convert(line: int, col: int) -> tuple[int, int]:
        offset = yaml_starts[min(max(line, 1), len(yaml_starts)) - 1] + col - 1
        row = bisect.bisect_right(editor_starts, offset) - 1
        return row + 1, offset - editor_starts[row] + 1

    return convert
