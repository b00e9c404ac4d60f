"""The layout tree the formatter works on: values, entries and the comments they carry.

It is built from the check path's own parse (so both paths agree on every value) or
from plain data, reordered and edited in place, then written out by `emit`. Comments
belong to entries (a mapping key with its value, or a sequence item), so they move
with their key when keys are reordered:

- `leading`: full-line comments written just above the entry;
- `eol`: comments written at the end of the entry's first line;
- a collection's `trailing`: full-line comments after its last entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Scalar:
    value: Any  # str, int, float, bool or None


@dataclass(slots=True, eq=False)
class Entry:
    key: str | None  # None for a sequence item
    value: Scalar | Collection
    leading: list[str] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)
    # Where the entry starts in the source (0-based), for attaching comments; -1 if new.
    line: int = -1
    col: int = -1
    container: Collection | None = None


@dataclass(slots=True, eq=False)
class Collection:
    kind: str  # "map" or "seq"
    entries: list[Entry] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    owner: Entry | None = None  # the entry holding this collection; None at the root

    def add(self, entry: Entry) -> Entry:
        entry.container = self
        if isinstance(entry.value, Collection):
            entry.value.owner = entry
        self.entries.append(entry)
        return entry

    def find(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)


Value = Scalar | Collection


@dataclass(slots=True, eq=False)
class Root:
    value: Value
    # Comments before and after a root that has no entries to carry them.
    leading: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)


def from_data(data: Any) -> Value:
    """A layout value for plain data (dicts, lists and scalars), without comments."""
    if isinstance(data, Mapping):
        mapping = Collection("map")
        for key, item in data.items():
            if not isinstance(key, str):
                raise TypeError(f"mapping keys must be strings, got {type(key).__name__}")
            mapping.add(Entry(str(key), from_data(item)))
        return mapping
    if isinstance(data, (list, tuple)):
        sequence = Collection("seq")
        for item in data:
            sequence.add(Entry(None, from_data(item)))
        return sequence
    if data is None or isinstance(data, (str, bool, int, float)):
        return Scalar(data)
    raise TypeError(f"cannot write a {type(data).__name__} as YAML")


def to_data(value: Value) -> Any:
    if isinstance(value, Scalar):
        return value.value
    if value.kind == "map":
        return {entry.key: to_data(entry.value) for entry in value.entries}
    return [to_data(entry.value) for entry in value.entries]


def walk_comments(root: Root) -> Iterator[str]:
    """Every comment the tree holds, in no particular order."""
    yield from root.leading
    yield from root.trailing
    stack: list[Value] = [root.value]
    while stack:
        value = stack.pop()
        if isinstance(value, Collection):
            yield from value.trailing
            for entry in value.entries:
                yield from entry.leading
                yield from entry.eol
                stack.append(entry.value)
