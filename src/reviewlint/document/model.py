"""The Document: source text, a YAML tree with positions, the plain data, load diagnostics.

One lookup (a JSON path walked step by step through the tree) and one position mapping
(a path to 1-based line and column, a missing path at its nearest ancestor's key) serve
the schema, the rules and the fixer alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewlint.diagnostics import Diagnostic
from reviewlint.lines import editor_lines

JsonPath = tuple[str | int, ...]


@dataclass(slots=True)
class Node:
    """A YAML node with 0-based positions. `end_*` is exclusive, as libyaml reports it."""

    kind: str  # "map", "seq" or "scalar"
    line: int
    col: int
    end_line: int
    end_col: int
    value: Any = None  # scalar: resolved value; map: list[(key Node, value Node)]; seq: list[Node]
    style: str | None = None  # scalar style: "" plain, "'", '"', "|", ">"; collections: "flow" or "block"
    tag: str | None = None
    anchor: str | None = None
    text: str = ""  # scalar source text after unescaping (for keys and messages)
    # A large mapping's keys -> their first entry's index, built on the first look-up:
    # thousands of findings in a mapping of thousands of keys must not scan it each time.
    index: dict[str, int] | None = None


# Below this many entries a scan is as fast as building an index.
_INDEXED_MAPPING = 16


def entry(node: Node | None, step: str | int) -> tuple[Node | None, Node] | None:
    """(key node, value node) under `node` at one path step, or None. A key written twice
    resolves to its first occurrence, the one the data holds."""
    if node is None:
        return None
    if isinstance(step, int):
        if node.kind == "seq" and 0 <= step < len(node.value):
            return None, node.value[step]
        return None
    if node.kind == "map":
        if len(node.value) > _INDEXED_MAPPING:
            if node.index is None:
                node.index = {}
                for place, (key, _value) in enumerate(node.value):
                    if key.kind == "scalar":
                        node.index.setdefault(key.text, place)
            found = node.index.get(step)
            if found is None:
                return None
            key_node, value_node = node.value[found]
            return key_node, value_node
        for key, value in node.value:
            if key.kind == "scalar" and key.text == step:
                return key, value
    return None


def child(node: Node | None, step: str | int) -> Node | None:
    """The value node under `node` at one path step, or None."""
    found = entry(node, step)
    return found[1] if found is not None else None


def lookup(root: Node | None, path: JsonPath) -> tuple[Node | None, Node] | None:
    """(key node, value node) at a JSON path below `root`, or None when the path is absent."""
    if root is None:
        return None
    found: tuple[Node | None, Node] | None = (None, root)
    current = root
    for step in path:
        found = entry(current, step)
        if found is None:
            return None
        current = found[1]
    return found


def position(root: Node | None, path: JsonPath, *, key: bool = False) -> tuple[int, int, int, int]:
    """1-based (line, col, end_line, end_col) of the value (or key) at `path`.

    A path that does not exist resolves to its nearest existing ancestor's key (`film:`),
    where a reader looks for the mapping that should hold it.
    """
    wanted = tuple(path)
    probe = wanted
    while True:
        found = lookup(root, probe)
        if found is not None:
            key_node, node = found
            target = key_node if key_node is not None and (key or probe != wanted) else node
            return target.line + 1, target.col + 1, target.end_line + 1, target.end_col + 1
        if not probe:
            return 1, 1, 1, 1
        probe = probe[:-1]


@dataclass(slots=True)
class Document:
    path: str
    text: str
    root: Node | None
    data: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        """True when the data is trustworthy enough to validate and lint."""
        return self.root is not None and isinstance(self.data, dict)

    @property
    def lines(self) -> list[str]:
        """The text's lines as an editor shows them (diagnostics are numbered so)."""
        return editor_lines(self.text)

    def lookup(self, path: JsonPath) -> tuple[Node | None, Node] | None:
        """(key node, value node) at a JSON path, or None when the path is absent."""
        return lookup(self.root, path)

    def node_at(self, path: JsonPath) -> Node | None:
        found = self.lookup(path)
        return found[1] if found else None

    def position(self, path: JsonPath, *, key: bool = False) -> tuple[int, int, int, int]:
        """1-based (line, col, end_line, end_col) for the value (or key) at `path`; a missing
        path at its nearest ancestor's key."""
        return position(self.root, path, key=key)


def children(node: Node) -> list[Node]:
    if node.kind == "seq":
        return list(node.value)
    if node.kind == "map":
        return [child for _, child in node.value] + [key for key, _ in node.value]
    return []


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node below and including `node`, aliases visited once."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(reversed(children(current)))


def describe_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def type_name(node: Node) -> str:
    """What a node holds, in words: "a mapping", "a list", "an integer"..."""
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    return describe_value(node.value)
