"""What a rule sees of one document: its data, its nodes, its prose, and a way to report.

The context is built once per document and shared by every rule, so the walks that
several rules need (the prose fields, the people's names) happen once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reviewlint.diagnostics import Diagnostic, Fix
from reviewlint.document import Document, JsonPath, Node
from reviewlint.document.model import child  # re-exported: the rule modules import them from here
from reviewlint.lines import line_col, line_starts
from reviewlint.rules import _text
from reviewlint.vocabulary import EMPTY, Vocabulary

if TYPE_CHECKING:
    from reviewlint.rules._core import Rule


# One rule lists at most this many findings in one value; the rest are counted in one more.
MAX_FINDINGS_PER_VALUE = 100


def limit_per_value(found: list[Diagnostic]) -> list[Diagnostic]:
    """`found` (the findings of one rule) with at most MAX_FINDINGS_PER_VALUE per value
    (per JSON path); the rest of a value's findings become one finding that counts them,
    at the first one left out, so a hostile text of thousands of findings stays a short
    report."""
    counts: dict[tuple[str | int, ...], int] = {}
    kept: list[Diagnostic] = []
    left_out: dict[tuple[str | int, ...], Diagnostic] = {}
    for diagnostic in found:
        where = diagnostic.json_path
        count = counts[where] = counts.get(where, 0) + 1
        if count <= MAX_FINDINGS_PER_VALUE or not where:
            kept.append(diagnostic)
        elif where not in left_out:
            left_out[where] = diagnostic
    for where, first in left_out.items():
        more = counts[where] - MAX_FINDINGS_PER_VALUE
        what = f"{more} more {first.rule} finding{' in this value is' if more == 1 else 's in this value are'}"
        kept.append(replace(first, message=f"{what} not listed one by one (the first {MAX_FINDINGS_PER_VALUE} are)",
                            fix=None))
    return kept


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


def _add(fields: list[Field], path: JsonPath, node: Node | None) -> None:
    if node is not None and node.kind == "scalar" and isinstance(node.value, str):
        fields.append(Field(path, node, node.text))


class Context:
    def __init__(self, document: Document, vocabulary: Vocabulary = EMPTY) -> None:
        self.document = document
        self.vocabulary = vocabulary  # the site's accepted terms, ignored phrases and cues (config)
        self.data: dict[str, Any] = document.data if isinstance(document.data, dict) else {}
        self.rule: Rule | None = None  # set by the runner before each rule
        self._runs: dict[int, _text.Runs | None] = {}
        self._reported: dict[tuple[str, JsonPath], int] = {}  # findings per (rule, value), for the cap
        self._layouts: dict[int, _text.Position | None] = {}

    # --- navigation -------------------------------------------------------------------------

    def node(self, path: JsonPath) -> Node | None:
        current = self.document.root
        for step in path:
            current = child(current, step)
            if current is None:
                return None
        return current

    def lookup(self, path: JsonPath) -> tuple[Node | None, Node] | None:
        """(key node, value node) at `path` (the document's one lookup)."""
        return self.document.lookup(path)

    def position(self, path: JsonPath, *, key: bool = False) -> tuple[int, int, int, int]:
        """As Document.position: 1-based (line, col, end_line, end_col) of the value (or key)
        at `path`; a missing path resolves to its nearest ancestor's key."""
        return self.document.position(path, key=key)

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

    @cached_property
    def prose(self) -> list[Field]:
        """The review's writing, in document order: headline, tagline, logline, synopsis,
        body paragraphs, memorable scene and dialogue, recommendation, ending description.
        One walk over the nodes (of duplicate keys the first counts, as in the data)."""
        fields: list[Field] = []
        root = self.document.root
        review = child(root, "review")
        if review is not None and review.kind == "map":
            seen: set[str] = set()
            for key, value in review.value:
                name = key.text
                if key.kind != "scalar" or name in seen:
                    continue
                seen.add(name)
                if name in _REVIEW_TEXT_KEYS:
                    _add(fields, ("review", name), value)
                elif name in _REVIEW_SECTION_KEYS:
                    _add(fields, ("review", name, "text"), child(value, "text"))
                elif name == "body" and value.kind == "seq":
                    for number, item in enumerate(value.value):
                        _add(fields, ("review", "body", number), item)
                elif name == "memorable_dialogue" and value.kind == "seq":
                    for number, item in enumerate(value.value):
                        _add(fields, ("review", "memorable_dialogue", number, "quote"), child(item, "quote"))
                elif name == "recommendation":
                    _add(fields, ("review", "recommendation", "text"), child(value, "text"))
        _add(fields, ("ending", "description"), child(child(root, "ending"), "description"))
        return fields

    @cached_property
    def prose_lower(self) -> str:
        """All prose, lower-cased, one field per line: for prefilters, never for positions."""
        return "\n".join(found.text for found in self.prose).lower()

    @cached_property
    def prose_word_list(self) -> list[bytes]:
        """The ASCII words of all prose, in order (see _text.word_list)."""
        return _text.word_list(self.prose_lower)

    @cached_property
    def prose_words(self) -> set[bytes]:
        return set(self.prose_word_list)

    @cached_property
    def names(self) -> list[Field]:
        """Titles and people's names: text that is not prose but is still read."""
        fields: list[Field] = []
        root = self.document.root
        film = child(root, "film")
        for key in ("title", "original_title"):
            _add(fields, ("film", key), child(film, key))
        for key in ("directors", "writers", "cast"):
            people = child(film, key)
            if people is None or people.kind != "seq":
                continue
            for number, item in enumerate(people.value):
                if item.kind == "map":
                    for part in ("name", "character"):
                        _add(fields, ("film", key, number, part), child(item, part))
                else:
                    _add(fields, ("film", key, number), item)
        _add(fields, ("author", "name"), child(child(root, "author"), "name"))
        lines = child(child(root, "review"), "memorable_dialogue")
        if lines is not None and lines.kind == "seq":
            for number, item in enumerate(lines.value):
                _add(fields, ("review", "memorable_dialogue", number, "speaker"), child(item, "speaker"))
        return fields

    @cached_property
    def readable(self) -> list[Field]:
        """Every text a reader sees: prose, titles and names, annotations (what the
        hygiene rules look at)."""
        return [*self.prose, *self.names, *self.annotations]

    @cached_property
    def annotations(self) -> list[Field]:
        """Short free text beside the data (a content warning's `note`): neither prose nor a
        name, but still read, so the hygiene rules look at it too."""
        fields: list[Field] = []
        warnings = child(self.document.root, "content_warnings")
        if warnings is not None and warnings.kind == "seq":
            for number, item in enumerate(warnings.value):
                if item.kind == "map":
                    _add(fields, ("content_warnings", number, "note"), child(item, "note"))
        return fields

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
        return self._make(message, path, self.position(path, key=key), fix)

    def report_in(self, field: Field, start: int, end: int, message: str, *, fix: Fix | None = None) -> Diagnostic:
        """A finding about characters start..end of a string value, positioned at them.
        Past the findings the runner lists for one value (limit_per_value), a finding only
        counts: it gets the value's position, which costs nothing to find."""
        assert self.rule is not None, "rules report through the runner"
        key = (self.rule.code, field.path)
        count = self._reported[key] = self._reported.get(key, 0) + 1
        if count > MAX_FINDINGS_PER_VALUE + 1:
            node = field.node
            return self._make(message, field.path, (node.line + 1, node.col + 1, node.end_line + 1, node.end_col + 1),
                              fix)
        return self._make(message, field.path, self.span(field.node, start, end), fix)

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.document.text)

    def runs(self, node: Node) -> _text.Runs | None:
        """Where each character of a scalar's value sits in the source: one walk per scalar,
        kept for every later finding in it (a walk per finding was quadratic)."""
        key = id(node)
        if key not in self._runs:
            self._runs[key] = _text.scalar_runs(self.document.text, self.line_starts, node)
        return self._runs[key]

    def offsets(self, node: Node) -> list[int] | None:
        """Source offset of each character of a scalar's value, or None."""
        runs = self.runs(node)
        return None if runs is None else runs.offsets()

    def _point(self, node: Node, index: int) -> tuple[int, int] | None:
        """1-based (line, col) of value character `index`, or None."""
        key = id(node)
        if key not in self._layouts:
            self._layouts[key] = _text.quick_layout(self.document.text, self.line_starts, node)
        layout = self._layouts[key]
        quick = None if layout is None else layout(index)
        if quick is not None:
            return quick[0] + 1, quick[1] + 1
        runs = self.runs(node)
        if runs is None or not 0 <= index < runs.length:
            return None
        return line_col(self.line_starts, runs.offset(index))

    def span(self, node: Node, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based (line, col, end_line, end_col) of value characters start..end."""
        last = max(start, min(end, len(node.text)) - 1)
        first_point = self._point(node, start)
        last_point = self._point(node, last) if last != start else first_point
        if first_point is None or last_point is None:
            return node.line + 1, node.col + 1, node.end_line + 1, node.end_col + 1
        return first_point[0], first_point[1], last_point[0], last_point[1] + 1
