"""What a rule sees of one document: its data, its nodes, its prose, and a way to report.

The context is built once per document and shared by every rule, so the walks that
several rules need (the prose fields, the people's names) happen once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reviewlint.diagnostics import Diagnostic, Fix
from reviewlint.document import Document, JsonPath, Node
from reviewlint.rules import _text

if TYPE_CHECKING:
    from reviewlint.rules._core import Rule


@dataclass(frozen=True, slots=True)
class Field:
    """One string value of the document: where it is, its node and its text."""

    path: JsonPath
    node: Node
    text: str


# Where the review's own writing lives. (`content_warnings_source` is a verbatim copy of a
# legacy sentence and `notes` are the editor's, not the review's.)
_REVIEW_TEXT_KEYS = ("headline", "tagline", "logline")
_REVIEW_SECTION_KEYS = ("synopsis", "memorable_scene")


def child(node: Node | None, step: str | int) -> Node | None:
    """The value node under `node` at one path step, or None."""
    if node is None:
        return None
    if isinstance(step, int):
        if node.kind == "seq" and 0 <= step < len(node.value):
            found: Node = node.value[step]
            return found
        return None
    if node.kind == "map":
        for key, value in node.value:
            if key.kind == "scalar" and key.text == step:
                result: Node = value
                return result
    return None


class Context:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.data: dict[str, Any] = document.data if isinstance(document.data, dict) else {}
        self.rule: Rule | None = None  # set by the runner before each rule
        self._offsets: dict[int, list[int] | None] = {}

    # --- navigation -------------------------------------------------------------------------

    def node(self, path: JsonPath) -> Node | None:
        current = self.document.root
        for step in path:
            current = child(current, step)
            if current is None:
                return None
        return current

    def get(self, *path: str | int) -> Any:
        """The plain value at `path`, or None."""
        current: Any = self.data
        for step in path:
            if isinstance(step, int):
                if not isinstance(current, list) or not 0 <= step < len(current):
                    return None
            elif not isinstance(current, dict) or step not in current:
                return None
            current = current[step]
        return current

    def string_field(self, path: JsonPath) -> Field | None:
        node = self.node(path)
        if node is None or node.kind != "scalar" or not isinstance(node.value, str):
            return None
        return Field(tuple(path), node, node.text)

    def _fields(self, paths: Iterator[JsonPath]) -> list[Field]:
        fields: list[Field] = []
        for path in paths:
            found = self.string_field(path)
            if found is not None:
                fields.append(found)
        return fields

    def _prose_paths(self) -> Iterator[JsonPath]:
        review = self.data.get("review")
        if isinstance(review, dict):
            for key in _REVIEW_TEXT_KEYS:
                if key in review:
                    yield ("review", key)
            for key in _REVIEW_SECTION_KEYS:
                if isinstance(review.get(key), dict):
                    yield ("review", key, "text")
            body = review.get("body")
            if isinstance(body, list):
                for number in range(len(body)):
                    yield ("review", "body", number)
            dialogue = review.get("memorable_dialogue")
            if isinstance(dialogue, list):
                for number, item in enumerate(dialogue):
                    if isinstance(item, dict):
                        yield ("review", "memorable_dialogue", number, "quote")
            if isinstance(review.get("recommendation"), dict):
                yield ("review", "recommendation", "text")
        if isinstance(self.data.get("ending"), dict):
            yield ("ending", "description")

    @cached_property
    def prose(self) -> list[Field]:
        """The review's writing, in document order of the schema's keys."""
        return self._fields(self._prose_paths())

    def _name_paths(self) -> Iterator[JsonPath]:
        film = self.data.get("film")
        if isinstance(film, dict):
            for key in ("title", "original_title"):
                if key in film:
                    yield ("film", key)
            for key in ("directors", "writers"):
                people = film.get(key)
                if isinstance(people, list):
                    for number in range(len(people)):
                        yield ("film", key, number)
            cast = film.get("cast")
            if isinstance(cast, list):
                for number, member in enumerate(cast):
                    if isinstance(member, dict):
                        yield ("film", "cast", number, "name")
                        if "character" in member:
                            yield ("film", "cast", number, "character")
                    else:
                        yield ("film", "cast", number)
        author = self.data.get("author")
        if isinstance(author, dict):
            yield ("author", "name")

    @cached_property
    def names(self) -> list[Field]:
        """Titles and people's names: text that is not prose but is still read."""
        return self._fields(self._name_paths())

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Lower-case words of every title and name in the document (a cast member called
        'Potray' is not a misspelling)."""
        words: set[str] = set()
        for found in self.names:
            for word in found.text.replace("-", " ").split():
                words.add(word.strip(".,'’\"()").lower())
        return frozenset(words)

    # --- reporting --------------------------------------------------------------------------

    def _make(self, message: str, path: JsonPath, position: tuple[int, int, int, int], fix: Fix | None) -> Diagnostic:
        assert self.rule is not None, "rules report through the runner"
        line, col, end_line, end_col = position
        return Diagnostic(code=self.rule.code, message=message, path=self.document.path, line=line, col=col,
                          severity=self.rule.severity, rule=self.rule.name, end_line=end_line, end_col=end_col,
                          fix=fix, json_path=tuple(path))

    def report(self, message: str, path: JsonPath, *, key: bool = False, fix: Fix | None = None) -> Diagnostic:
        """A finding about the value (or key) at `path`."""
        return self._make(message, path, self.document.position(path, key=key), fix)

    def report_in(self, field: Field, start: int, end: int, message: str, *, fix: Fix | None = None) -> Diagnostic:
        """A finding about characters start..end of a string value, positioned at them."""
        return self._make(message, field.path, self.span(field.node, start, end), fix)

    @cached_property
    def line_starts(self) -> list[int]:
        return _text.line_starts(self.document.text)

    def offsets(self, node: Node) -> list[int] | None:
        """Source offset of each character of a scalar's value (computed on demand)."""
        key = id(node)
        if key not in self._offsets:
            self._offsets[key] = _text.value_offsets(self.document.text, self.line_starts, node)
        return self._offsets[key]

    def span(self, node: Node, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based (line, col, end_line, end_col) of value characters start..end."""
        offsets = self.offsets(node)
        if not offsets or start >= len(offsets):
            return node.line + 1, node.col + 1, node.end_line + 1, node.end_col + 1
        first = offsets[start]
        last = offsets[max(start, min(end, len(offsets)) - 1)] + 1
        line, col = _text.line_col(self.line_starts, first)
        end_line, end_col = _text.line_col(self.line_starts, last)
        return line, col, end_line, end_col
