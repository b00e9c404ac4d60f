"""reviewlint's positions (1-based line and column, in characters) and LSP's (0-based
line, column in the negotiated unit: UTF-16 code units unless the client chose UTF-8 or
UTF-32). Lines break at CR, LF and CRLF, as in editors and in the CLI's output."""

from __future__ import annotations

import re

from lsprotocol import types

from reviewlint.diagnostics import Diagnostic

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value
_LINE_BREAK = re.compile("\r\n|[\r\n]")


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` `text` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def column_to_client(line: str, column: int, encoding: str) -> int:
    """0-based character column -> 0-based column in client units (clamped to the line)."""
    return units(line[:max(column, 0)], encoding)


def column_from_client(line: str, column: int, encoding: str) -> int:
    """0-based column in client units -> 0-based character column (clamped to the line)."""
    if encoding == UTF32 or line.isascii():
        return min(max(column, 0), len(line))
    counted = 0
    for index, char in enumerate(line):
        if counted >= column:
            return index
        counted += units(char, encoding)
    return len(line)


class LineIndex:
    """The text's lines, for converting positions both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        # Every line, the empty one after a final line break included (LSP counts it).
        self.lines = _LINE_BREAK.split(text)
        self.encoding = encoding

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def to_client(self, line: int, col: int) -> types.Position:
        """A reviewlint 1-based (line, col) as an LSP position."""
        row = min(max(line - 1, 0), len(self.lines))
        if row >= len(self.lines):  # past the last line: the end of the text
            row = len(self.lines) - 1
            return types.Position(line=row, character=units(self.lines[row], self.encoding))
        return types.Position(line=row, character=column_to_client(self.lines[row], col - 1, self.encoding))

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """An LSP position as 0-based (line, character column)."""
        text = self.line(position.line)
        return position.line, column_from_client(text, position.character, self.encoding)

    def range_of(self, diagnostic: Diagnostic) -> types.Range:
        """The diagnostic's range: from the CLI's start to its end, kept to the start line;
        without an end, the character at the start (nothing at the end of a line)."""
        start = self.to_client(diagnostic.line, diagnostic.col)
        if diagnostic.end_line is not None and diagnostic.end_col is not None:
            end = self.to_client(diagnostic.end_line, diagnostic.end_col)
            if end.line > start.line:
                # A finding about a whole block (a missing key is reported at the mapping that
                # should hold it) is underlined on its first line only, not the whole file.
                end = types.Position(line=start.line, character=units(self.line(start.line), self.encoding))
            if (end.line, end.character) > (start.line, start.character):
                return types.Range(start=start, end=end)
        text = self.line(start.line)
        column = column_from_client(text, start.character, self.encoding)
        width = units(text[column:column + 1], self.encoding)
        return types.Range(start=start, end=types.Position(line=start.line, character=start.character + width))

    def end(self) -> types.Position:
        last = len(self.lines) - 1
        return types.Position(line=last, character=units(self.lines[last], self.encoding))
