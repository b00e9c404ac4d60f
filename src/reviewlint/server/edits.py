"""The smallest line-wise TextEdits that turn one text into another, so a fix or a
format keeps the editor's cursor, folds and undo history where nothing changed."""

from __future__ import annotations

import difflib
import re

from lsprotocol import types

from reviewlint.server.positions import LineIndex

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> list[str]:
    """`text`'s lines with their line breaks (CR, LF, CRLF only, as LSP counts lines)."""
    return _LINES.findall(text)


def text_edits(old: str, new: str, index: LineIndex) -> list[types.TextEdit]:
    """Edits on `old` (whose positions `index` converts) that give `new`."""
    if old == new:
        return []
    before, after = split_lines(old), split_lines(new)

    def start_of(line: int) -> types.Position:
        return types.Position(line=line, character=0) if line < len(before) else index.end()

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    edits: list[types.TextEdit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(range=types.Range(start=start_of(i1), end=start_of(i2)),
                                    new_text="".join(after[j1:j2])))
    return edits

