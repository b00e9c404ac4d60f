"""Where the cursor is, in schema terms: the chain of keys (and list items) above it,
read from indentation alone, so hover and completion work while a document is
half-written and does not load."""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEM = 0  # a list item in a path (the schema's `items`; which item does not matter here)
_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#:'"\[\]{},-][^#:]*?|-[^\s#:][^#:]*?)[ \t]*:(?=[ \t]|$)""")


@dataclass(frozen=True, slots=True)
class Entry:
    col: int  # where the entry starts on its line
    key: str | None  # None: a list item (`- `)
    end: int = 0  # for a key: the column just after its colon


@dataclass(frozen=True, slots=True)
class Place:
    """The cursor's place: `path` to the mapping or list that holds it, the key it is on
    (or whose value it is in), and the text typed so far."""

    parents: tuple[str | int, ...]
    key: str | None  # the key on the cursor's line, if any
    on_key: bool  # the cursor is on the key itself (or where a key would be typed)
    prefix: str  # the word typed before the cursor
    in_item: bool = False  # the cursor is in a list item's value (`- gore`, `[gore, ...]`)

    @property
    def path(self) -> tuple[str | int, ...]:
        """The JSON path of the value at the cursor."""
        path = self.parents if self.key is None else (*self.parents, self.key)
        return (*path, ITEM) if self.in_item else path


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"" else key


def entries(line: str) -> list[Entry]:
    """The list items and the key that start on `line`, outermost first."""
    found: list[Entry] = []
    column = len(line) - len(line.lstrip(" "))
    while line.startswith("-", column) and (column + 1 == len(line) or line[column + 1] in " \t"):
        found.append(Entry(column, None))
        column += 1
        while column < len(line) and line[column] in " \t":
            column += 1
    match = _KEY.match(line, column)
    if match and not line.startswith("#", column):
        found.append(Entry(column, _unquote(match.group("key").strip()), match.end()))
    return found


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped != "---"


def parents_above(lines: list[str], line_number: int, column: int) -> tuple[str | int, ...]:
    """The keys and items, outermost first, of the blocks that hold a line whose content
    starts at `column`."""
    path: list[str | int] = []
    limit = column
    for number in range(min(line_number, len(lines)) - 1, -1, -1):
        if limit <= 0:
            break
        line = lines[number]
        if not _is_content(line):
            continue
        found = [entry for entry in entries(line) if entry.col < limit]
        if not found:
            indent = len(line) - len(line.lstrip(" "))
            if indent < limit:
                break  # less indented but no key: a block scalar's or flow value's text; stop
            continue
        path[:0] = [ITEM if entry.key is None else entry.key for entry in found]
        limit = found[0].col
    return tuple(path)


def siblings(lines: list[str], line_number: int, column: int) -> set[str]:
    """Keys written at `column` in the block around `line_number` (to leave out of
    completion)."""
    keys: set[str] = set()
    for step in (-1, 1):
        number = line_number + step
        while 0 <= number < len(lines):
            line = lines[number]
            number += step
            if not _is_content(line):
                continue
            found = entries(line)
            indent = found[0].col if found else len(line) - len(line.lstrip(" "))
            if indent < column:
                break
            for entry in found:
                if entry.col == column and entry.key is not None:
                    keys.add(entry.key)
                if entry.col == column and entry.key is None and step == -1:
                    break  # an item of the same list above: a different mapping
    return keys


_WORD = re.compile(r"[\w.-]*$")


def place_at(lines: list[str], line_number: int, column: int) -> Place:
    """The cursor's place at 0-based (line, character column)."""
    line = lines[line_number] if 0 <= line_number < len(lines) else ""
    before = line[:column]
    prefix = _WORD.search(before)
    typed = prefix.group(0) if prefix else ""
    found = entries(line)
    if not found:
        # A blank line (or a bare word being typed): a key at the cursor's indentation.
        indent = len(line) - len(line.lstrip(" ")) if line.strip() else column
        word_start = column - len(typed)
        start = min(indent, word_start)
        return Place(parents_above(lines, line_number, start), None, True, typed)
    items = [entry for entry in found if entry.key is None and entry.col < column]
    keyed = [entry for entry in found if entry.key is not None]
    outer = [ITEM if entry.key is None else entry.key for entry in found if entry.key is None]
    parents = (*parents_above(lines, line_number, found[0].col), *outer[:len(items)])
    if keyed and column >= keyed[0].col:
        entry = keyed[0]
        if column < entry.end:
            return Place(parents, entry.key, True, typed)
        value = line[entry.end:column]
        in_flow = "[" in value and "]" not in value.split("[")[-1]
        return Place(parents, entry.key, False, typed, in_item=in_flow)
    if items:
        # `- ` with no key yet: a list item's value, or the first key of a mapping item.
        parents = (*parents_above(lines, line_number, found[0].col), *outer[:len(items) - 1])
        return Place(parents, None, False, typed, in_item=True)
    return Place(parents, None, True, typed)
