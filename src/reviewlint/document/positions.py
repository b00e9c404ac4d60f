"""Positions in a loaded file: libyaml's offsets and marks to 1-based lines and columns,
and libyaml's lines (NEL, LS and PS break them) to an editor's (they do not)."""

from __future__ import annotations

import dataclasses

from reviewlint.diagnostics import Diagnostic
from reviewlint.lines import editor_lines, line_col_after, to_editor


def byte_offset_to_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, col) of the byte at `offset` in UTF-8 data, counting characters."""
    return line_col_after(data[:offset].decode("utf-8", errors="replace"))


def offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, col) for a libyaml reader offset. libyaml counts that offset in bytes
    of the UTF-8 stream it was given, not in characters: `é` before a bad character moved
    the reported column (and past the end of the text, the line)."""
    return byte_offset_to_line_col(text.encode("utf-8", errors="surrogatepass"), max(0, offset))


def editor_positions(text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` with libyaml's lines and columns turned into an editor's, each inside
    the text: a line that exists, a column at most one past its end (libyaml reports an
    error at the end of a file on the line after the last; no editor has that line)."""
    if not diagnostics or not text:
        return diagnostics  # no text (empty, or bytes that did not decode): positions are the bytes'
    convert = to_editor(text)
    lines = editor_lines(text)
    moved: list[Diagnostic] = []
    for diagnostic in diagnostics:
        line, col = diagnostic.line, diagnostic.col
        end_line, end_col = diagnostic.end_line, diagnostic.end_col
        if convert is not None:
            line, col = convert(line, col)
            if end_line is not None and end_col is not None:
                end_line, end_col = convert(end_line, end_col)
        line, col = _inside(lines, line, col)
        if end_line is not None and end_col is not None:
            end_line, end_col = max((line, col), _inside(lines, end_line, end_col))
        if (line, col, end_line, end_col) != (diagnostic.line, diagnostic.col, diagnostic.end_line,
                                              diagnostic.end_col):
            diagnostic = dataclasses.replace(diagnostic, line=line, col=col, end_line=end_line, end_col=end_col)
        moved.append(diagnostic)
    return moved


def _inside(lines: list[str], line: int, col: int) -> tuple[int, int]:
    """(line, col) moved inside the text: the last line's end for a place past the end."""
    if line > len(lines):
        return max(1, len(lines)), (len(lines[-1]) + 1 if lines else 1)
    line = max(1, line)
    width = len(lines[line - 1]) + 1 if lines else 1
    return line, min(max(1, col), width)
