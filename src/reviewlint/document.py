"""bytes -> Document: decoded text, a YAML tree with positions, and load diagnostics.

Parsing uses libyaml's C event stream (through PyYAML) and composes the tree here, in
one iterative pass, so that:

- every node keeps its start and end position (check-jsonschema loses them, its #359);
- scalars follow the YAML 1.2 core schema, the same as the fix path;
- duplicate keys, aliases, tags, complex keys and merge keys are diagnostics, never
  exceptions, and nothing is ever constructed from a tag;
- deep nesting cannot overflow the Python stack (no recursion; libyaml itself stops at
  1000 levels with a syntax error).
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import yaml

from reviewlint import yaml12
from reviewlint.diagnostics import Diagnostic, Severity

# Load-stage codes. Kept here, next to the code that emits them; the rule registry
# documents them as the `load` family.
SYNTAX_ERROR = "RL001"
DUPLICATE_KEY = "RL002"
ENCODING_ERROR = "RL003"
EMPTY_DOCUMENT = "RL004"
MULTIPLE_DOCUMENTS = "RL005"
NOT_A_MAPPING = "RL006"
ALIAS_USED = "RL007"
UNSUPPORTED_TAG = "RL008"
COMPLEX_KEY = "RL009"
MERGE_KEY = "RL010"
FILE_TOO_LARGE = "RL011"
READ_ERROR = "RL012"
BAD_NUMBER = "RL013"

LOAD_RULE_NAMES = {
    SYNTAX_ERROR: "syntax-error",
    DUPLICATE_KEY: "duplicate-key",
    ENCODING_ERROR: "encoding-error",
    EMPTY_DOCUMENT: "empty-document",
    MULTIPLE_DOCUMENTS: "multiple-documents",
    NOT_A_MAPPING: "not-a-mapping",
    ALIAS_USED: "alias-used",
    UNSUPPORTED_TAG: "unsupported-tag",
    COMPLEX_KEY: "complex-key",
    MERGE_KEY: "merge-key",
    FILE_TOO_LARGE: "file-too-large",
    READ_ERROR: "read-error",
    BAD_NUMBER: "bad-number",
}

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# One file lists at most this many aliases one by one; the rest are counted.
MAX_ALIAS_REPORTS = 10
# After alias expansion, a document bigger than this is refused (billion laughs).
MAX_EXPANDED_NODES = 100_000

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


@dataclass(slots=True)
class Document:
    path: str
    text: str
    root: Node | None
    data: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _index: dict[JsonPath, tuple[Node | None, Node]] | None = None

    @property
    def loaded(self) -> bool:
        """True when the data is trustworthy enough to validate and lint."""
        return self.root is not None and isinstance(self.data, dict)

    @property
    def lines(self) -> list[str]:
        """The text's lines as an editor shows them (diagnostics are numbered so)."""
        return editor_lines(self.text)

    def _build_index(self) -> dict[JsonPath, tuple[Node | None, Node]]:
        index: dict[JsonPath, tuple[Node | None, Node]] = {}
        if self.root is None:
            return index
        stack: list[tuple[JsonPath, Node | None, Node]] = [((), None, self.root)]
        seen: set[int] = set()
        while stack:
            path, key_node, node = stack.pop()
            if path in index:
                continue
            index[path] = (key_node, node)
            if id(node) in seen:
                continue  # an alias: its children are indexed under the anchor's path
            seen.add(id(node))
            if node.kind == "map":
                for key, child in node.value:
                    if key.kind == "scalar":
                        stack.append(((*path, key.text), key, child))
            elif node.kind == "seq":
                for number, child in enumerate(node.value):
                    stack.append(((*path, number), None, child))
        return index

    def lookup(self, path: JsonPath) -> tuple[Node | None, Node] | None:
        """(key node, value node) at a JSON path, or None when the path is absent."""
        if self._index is None:
            self._index = self._build_index()
        return self._index.get(tuple(path))

    def node_at(self, path: JsonPath) -> Node | None:
        found = self.lookup(path)
        return found[1] if found else None

    def position(self, path: JsonPath, *, key: bool = False) -> tuple[int, int, int, int]:
        """1-based (line, col, end_line, end_col) for the value (or key) at `path`.

        A path that does not exist resolves to its nearest existing ancestor, the way a
        missing key is reported at the mapping that should hold it.
        """
        wanted = tuple(path)
        probe = wanted
        while True:
            found = self.lookup(probe)
            if found is not None:
                key_node, node = found
                # A missing path is reported at its nearest ancestor's key (`film:`), where a
                # reader looks for the mapping that should hold it.
                use_key = key_node is not None and (key or probe != wanted)
                target = key_node if use_key and key_node is not None else node
                return target.line + 1, target.col + 1, target.end_line + 1, target.end_col + 1
            if not probe:
                return 1, 1, 1, 1
            probe = probe[:-1]


def _diag(path: str, code: str, message: str, line: int, col: int, *, end_line: int | None = None,
          end_col: int | None = None, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(code=code, message=message, path=path, line=line, col=col, severity=severity,
                      rule=LOAD_RULE_NAMES[code], end_line=end_line, end_col=end_col)


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _ascii_text(byte: int) -> bool:
    return byte in (9, 10, 13) or 32 <= byte < 127


def _guess_wide_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    # Without a BOM, YAML's own detection rule: a stream starts with an ASCII character, so
    # the zero bytes around the first one give the width away. A first byte that is not
    # printable ASCII means binary data, not UTF-16/32 text.
    if len(data) >= 4:
        if data[0] == data[1] == data[2] == 0 and _ascii_text(data[3]):
            return "UTF-32"
        if _ascii_text(data[0]) and data[1] == data[2] == data[3] == 0:
            return "UTF-32"
    if len(data) >= 2 and ((data[0] == 0 and _ascii_text(data[1])) or (_ascii_text(data[0]) and data[1] == 0)):
        return "UTF-16"
    return None


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 (with or without BOM) only. Anything else is a positioned diagnostic."""
    wide = _guess_wide_encoding(data)
    if wide:
        return None, _diag(path, ENCODING_ERROR,
                           f"file is encoded as {wide}; reviewlint reads UTF-8 only (re-save the file as UTF-8)", 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_offset_to_line_col(data, nul)
        return None, _diag(path, ENCODING_ERROR, "file contains a NUL byte: it is binary, not YAML text", line, col,
                           end_line=line, end_col=col + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _byte_offset_to_line_col(data, error.start)
        bad = data[error.start:error.start + 1].hex()
        return None, _diag(path, ENCODING_ERROR,
                           f"file is not valid UTF-8: byte 0x{bad} cannot be decoded "
                           "(binary file, or saved in another encoding such as cp1252?)", line, col,
                           end_line=line, end_col=col + 1)
    return text, None


# The line breaks libyaml counts in its marks (YAML 1.1's set). Positions we compute
# ourselves use the same set, so every line number in a report means the same line.
_LINE_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_col_after(prefix: str) -> tuple[int, int]:
    """1-based (line, col) of the character that follows `prefix`."""
    line, line_start = 1, 0
    for match in _LINE_BREAK_RE.finditer(prefix):
        line, line_start = line + 1, match.end()
    return line, len(prefix) - line_start + 1


def _byte_offset_to_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, col) of the byte at `offset` in UTF-8 data, counting characters."""
    return _line_col_after(data[:offset].decode("utf-8", errors="replace"))


def _offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, col) for a libyaml reader offset. libyaml counts that offset in bytes
    of the UTF-8 stream it was given, not in characters: `é` before a bad character moved
    the reported column (and past the end of the text, the line)."""
    return _byte_offset_to_line_col(text.encode("utf-8", errors="surrogatepass"), max(0, offset))


def _syntax_diagnostic(error: yaml.YAMLError, text: str, path: str) -> Diagnostic:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        lines = text.split("\n")
        if ("cannot start any token" in problem or "tab character" in problem) and mark.line < len(lines) \
                and lines[mark.line][mark.column:mark.column + 1] == "\t":
            # libyaml's wording for the most common YAML mistake of all.
            problem = "a tab is used for indentation; YAML indents with spaces"
        message = f"YAML syntax error: {problem}"
        if problem.startswith("a tab is used"):
            pass  # libyaml's context ("while scanning ...") adds nothing to this one
        elif error.context and error.context_mark is not None and (
                error.context_mark.line != mark.line or error.context_mark.column != mark.column):
            convert = _to_editor(text)
            started = error.context_mark.line + 1
            if convert is not None:  # the message names a line too: the editor's, as the position
                started = convert(started, error.context_mark.column + 1)[0]
            message += f" ({error.context} started at line {started})"
        elif error.context:
            message += f" ({error.context})"
        # libyaml names a point, not a span: one caret.
        return _diag(path, SYNTAX_ERROR, message, mark.line + 1, mark.column + 1, end_line=mark.line + 1,
                     end_col=mark.column + 2)
    if isinstance(error, yaml.reader.ReaderError):
        line, col = _offset_to_line_col(text, error.position)
        # libyaml gives the code point as an int; "character 7" told a reader nothing.
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        kind = "control character" if unicodedata.category(chr(code)) == "Cc" else "character"
        return _diag(path, SYNTAX_ERROR, f"YAML syntax error: {kind} U+{code:04X} is not allowed in YAML",
                     line, col, end_line=line, end_col=col + 1)
    return _diag(path, SYNTAX_ERROR, f"YAML syntax error: {error}", 1, 1)


def show_tag(tag: str) -> str:
    """A tag as its author wrote it: `!!python/...` rather than its expanded URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _type_name(node: Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    return describe_value(node.value)


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


def _start(event: yaml.Event) -> Any:
    """An event's start mark (libyaml always sets it; the stubs allow None)."""
    return event.start_mark


def _end(event: yaml.Event) -> Any:
    return event.end_mark


class _Composer:
    """Builds Nodes and plain data from libyaml events, without recursion."""

    def __init__(self, loader: yaml.CSafeLoader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.anchors: dict[str, tuple[Node, Any]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.aliased = False
        self.aliases = 0
        self.first_unlisted: Any = None

    def _add(self, code: str, message: str, node_or_mark: Any, *, end: Any = None,
             severity: Severity = Severity.ERROR) -> None:
        """A diagnostic at a node (spanning it, so the excerpt underlines the key or value
        rather than the rest of the line) or at a mark (spanning up to `end`, if given)."""
        if isinstance(node_or_mark, Node):
            line, col = node_or_mark.line, node_or_mark.col
            # A collection reported at its start has no end yet: leave the span open.
            span = (node_or_mark.end_line, node_or_mark.end_col)
            end_line, end_col = span if span != (line, col) else (None, None)
        else:
            line, col = node_or_mark.line, node_or_mark.column
            end_line, end_col = (end.line, end.column) if end is not None else (None, None)
        self.diagnostics.append(_diag(
            self.path, code, message, line + 1, col + 1, severity=severity,
            end_line=None if end_line is None else end_line + 1, end_col=None if end_col is None else end_col + 1))

    def _scalar(self, event: yaml.ScalarEvent) -> tuple[Node, Any]:
        start, end = _start(event), _end(event)
        style = event.style or ""
        tag = event.tag
        node = Node("scalar", start.line, start.column, end.line, end.column, style=style, tag=tag,
                    anchor=event.anchor, text=event.value)
        try:
            if tag is None or tag == "!":
                value = yaml12.resolve_plain(event.value) if event.implicit[0] and tag is None else event.value
            elif tag in yaml12.CORE_SCALAR_TAGS:
                value = yaml12.resolve_tagged(tag, event.value)
            else:
                self._add(UNSUPPORTED_TAG, f"tag {show_tag(tag)} is not supported in reviews; the value is read "
                          "as plain text and never constructed", node)
                value = event.value
        except yaml12.ScalarError as error:
            self._add(BAD_NUMBER, str(error), node)
            value = event.value
        node.value = value
        return node, value

    def compose_document(self) -> tuple[Node | None, Any]:
        """Compose one document; the loader is positioned after DocumentStartEvent.

        This loop is the check path's hot spot (a review is a few hundred events), so it
        dispatches on the event's exact class and builds untagged plain scalars inline."""
        # Each frame: [node, data, pending key Node or None]
        stack: list[list[Any]] = []
        root: tuple[Node | None, Any] = (None, None)
        get_event = self.loader.get_event
        attach = self._attach
        resolve_plain = yaml12.resolve_plain
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        start_events = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        while True:
            event: Any = get_event()
            cls = event.__class__
            if cls is scalar_event:
                if event.tag is None and event.anchor is None:
                    start, end = event.start_mark, event.end_mark
                    text = event.value
                    try:
                        value = resolve_plain(text) if event.implicit[0] else text
                    except yaml12.ScalarError:
                        node, value = self._scalar(event)
                    else:
                        node = Node("scalar", start.line, start.column, end.line, end.column, value,
                                    event.style or "", None, None, text)
                else:
                    node, value = self._scalar(event)
                    if event.anchor:
                        self.anchors[event.anchor] = (node, value)
                if stack:
                    attach(stack[-1], node, value)
                else:
                    root = (node, value)
                continue
            if cls in end_events:
                frame = stack.pop()
                node = frame[0]
                mark = event.end_mark
                node.end_line, node.end_col = mark.line, mark.column
                if stack:
                    attach(stack[-1], node, frame[1])
                else:
                    root = (node, frame[1])
                continue
            if cls in start_events:
                mark = event.start_mark
                is_map = cls is yaml.MappingStartEvent
                node = Node("map" if is_map else "seq", mark.line, mark.column, mark.line, mark.column,
                            value=[], style="flow" if event.flow_style else "block", tag=event.tag,
                            anchor=event.anchor)
                expected = yaml12.MAP_TAG if is_map else yaml12.SEQ_TAG
                if event.tag not in (None, "!", expected):
                    self._add(UNSUPPORTED_TAG, f"tag {show_tag(event.tag)} is not supported in reviews; the "
                              f"{'mapping' if is_map else 'list'} is read as plain data and never constructed", node)
                data: Any = {} if is_map else []
                if event.anchor:
                    self.anchors[event.anchor] = (node, data)
                stack.append([node, data, None])
                continue
            if cls is alias_event:
                target = self.anchors.get(event.anchor or "")
                mark = _start(event)
                if target is None:  # libyaml rejects undefined aliases; kept as a guard
                    self._add(SYNTAX_ERROR, f"alias *{event.anchor} refers to an undefined anchor", mark)
                    node, value = Node("scalar", mark.line, mark.column, mark.line, mark.column), None
                else:
                    anchor_node = target[0]
                    self.aliases += 1
                    if self.aliases <= MAX_ALIAS_REPORTS:
                        self._add(ALIAS_USED, f"alias *{event.anchor} is not allowed in reviews (it repeats the "
                                  f"value anchored on line {anchor_node.line + 1}); write the value out", mark,
                                  end=_end(event))
                    elif self.aliases == MAX_ALIAS_REPORTS + 1:
                        self.first_unlisted = mark
                    node, value = target
                    self.aliased = True
                if stack:
                    attach(stack[-1], node, value)
                else:
                    root = (node, value)
                continue
            if cls is yaml.DocumentEndEvent:
                return root
            raise yaml.YAMLError(f"unexpected event {cls.__name__}")  # pragma: no cover

    def _attach(self, frame: list[Any], node: Node, value: Any) -> None:
        """Add a node to the collection being built in `frame`."""
        parent: Node = frame[0]
        if parent.kind == "seq":
            parent.value.append(node)
            frame[1].append(value)
            return
        key_node = frame[2]
        if key_node is None:
            frame[2] = node
            return
        frame[2] = None
        parent.value.append((key_node, node))
        if key_node.kind != "scalar":
            self._add(COMPLEX_KEY, f"{_type_name(key_node)} used as a mapping key; keys in a review must be plain "
                      "text", key_node)
            return
        key = key_node.text
        if key == "<<" and key_node.style == "":
            self._add(MERGE_KEY, "merge keys (<<) are not part of YAML 1.2 and are not supported in reviews; "
                      "write the keys out", key_node)
            return
        # Keys are text as written (`1:` is "1"), which is how JSON and the schema see them.
        mapping: dict[str, Any] = frame[1]
        if key in mapping:
            first = next(k for k, _ in parent.value if k.kind == "scalar" and k.text == key)
            self._add(DUPLICATE_KEY, f"duplicate key `{key}` (first defined on line {first.line + 1})", key_node)
            return
        mapping[key] = value


def _expanded_size(node: Node, limit: int) -> int:
    """Nodes the data would hold with aliases expanded, stopping early past `limit`."""
    memo: dict[int, int] = {}
    order: list[Node] = []
    stack = [node]
    visiting: set[int] = set()
    while stack:  # post-order without recursion
        current = stack.pop()
        if id(current) in memo:
            continue
        if id(current) in visiting:
            visiting.discard(id(current))
            order.append(current)
            children = _children(current)
            total = 1 + sum(memo.get(id(child), 1) for child in children)
            memo[id(current)] = min(total, limit + 1)
            continue
        visiting.add(id(current))
        stack.append(current)
        stack.extend(child for child in _children(current) if id(child) not in memo)
    return memo.get(id(node), 1)


def _children(node: Node) -> list[Node]:
    if node.kind == "seq":
        return list(node.value)
    if node.kind == "map":
        return [child for _, child in node.value] + [key for key, _ in node.value]
    return []


def load_text(text: str, path: str = "<string>") -> Document:
    """Parse decoded text into a Document. Never raises for any input."""
    # A BOM is an encoding mark, not content: load_bytes drops it, and so must text
    # handed to us by a caller that decoded with "utf-8" rather than "utf-8-sig".
    text = text.removeprefix("\ufeff")
    document = Document(path=path, text=text, root=None, data=None)
    try:
        loader = yaml.CSafeLoader(text)
    except UnicodeEncodeError as error:
        # A str with a lone surrogate (from surrogateescape decoding, say) is not Unicode
        # text, and libyaml refuses it before parsing starts.
        line, col = _line_col_after(text[:error.start])
        document.diagnostics.append(_diag(
            path, ENCODING_ERROR, f"text contains an unpaired surrogate U+{ord(text[error.start]):04X}, which is "
            "not valid Unicode", line, col))
        return document
    composer = _Composer(loader, path)
    documents: list[tuple[Node | None, Any]] = []
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                if documents:
                    document.diagnostics.append(_diag(
                        path, MULTIPLE_DOCUMENTS, "file holds more than one YAML document; a review file holds "
                        "exactly one (only the first is checked)", _start(event).line + 1,
                        _start(event).column + 1))
                    break
                documents.append(composer.compose_document())
    except yaml.YAMLError as error:
        document.diagnostics.extend(composer.diagnostics)
        document.diagnostics.append(_syntax_diagnostic(error, text, path))
        return document
    finally:
        loader.dispose()
    document.diagnostics[:0] = composer.diagnostics
    if composer.aliases > MAX_ALIAS_REPORTS:
        mark = composer.first_unlisted
        document.diagnostics.append(_diag(
            path, ALIAS_USED, f"{composer.aliases - MAX_ALIAS_REPORTS} more aliases from here on are not listed "
            "one by one", mark.line + 1, mark.column + 1))
    root, data = documents[0] if documents else (None, None)
    if root is None or (root.kind == "scalar" and data is None and root.style == ""):
        line = root.line + 1 if root is not None else 1
        document.diagnostics.append(_diag(path, EMPTY_DOCUMENT, "file holds no review (the document is empty)",
                                          line, 1))
        return document
    if root.kind != "map":
        document.diagnostics.append(_diag(
            path, NOT_A_MAPPING, f"the top level of a review must be a mapping of keys, got {_type_name(root)}",
            root.line + 1, root.col + 1, end_line=root.end_line + 1, end_col=root.end_col + 1))
        return document
    if composer.aliased and _expanded_size(root, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
        document.diagnostics.append(_diag(
            path, ALIAS_USED, f"aliases expand this document beyond {MAX_EXPANDED_NODES} values (an alias bomb?); "
            "it is not checked further", 1, 1))
        return document
    document.root, document.data = root, data
    return document


# libyaml (YAML 1.1) also breaks lines at NEL, LS and PS; editors, GitHub and YAML 1.2
# break only at CR and LF. Positions are libyaml's inside reviewlint and an editor's outside.
_YAML11_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile("\r\n|[\r\n]")
_UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")


def editor_lines(text: str) -> list[str]:
    """`text` split at CR, LF and CRLF only, without a last empty line (as splitlines)."""
    lines = _EDITOR_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _to_editor(text: str) -> Callable[[int, int], tuple[int, int]] | None:
    """A map from libyaml's 1-based (line, col) to an editor's, which differ only after a
    NEL, LS or PS character (a line break to libyaml, a character to editors); None when
    `text` has none."""
    if not any(mark in text for mark in _UNUSUAL_BREAKS):
        return None
    yaml_starts = [0, *(match.end() for match in _YAML11_BREAK.finditer(text))]
    editor_starts = [0, *(match.end() for match in _EDITOR_BREAK.finditer(text))]

    def convert(line: int, col: int) -> tuple[int, int]:
        offset = yaml_starts[min(max(line, 1), len(yaml_starts)) - 1] + col - 1
        row = bisect.bisect_right(editor_starts, offset) - 1
        return row + 1, offset - editor_starts[row] + 1

    return convert


def editor_positions(text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` with libyaml's lines and columns turned into an editor's."""
    convert = _to_editor(text)
    if convert is None:
        return diagnostics
    moved: list[Diagnostic] = []
    for diagnostic in diagnostics:
        line, col = convert(diagnostic.line, diagnostic.col)
        end_line, end_col = diagnostic.end_line, diagnostic.end_col
        if end_line is not None and end_col is not None:
            end_line, end_col = convert(end_line, end_col)
        moved.append(dataclasses.replace(diagnostic, line=line, col=col, end_line=end_line, end_col=end_col))
    return moved


def too_large(path: str, size: int | None, limit: int) -> Document:
    """The Document for a file refused unread because of its size (None: a stream, read
    only up to the limit, so its size is unknown)."""
    what = f"file is {size} bytes, over the limit of {limit}" if size is not None else \
        f"input is over the limit of {limit} bytes"
    return Document(path=path, text="", root=None, data=None, diagnostics=[_diag(
        path, FILE_TOO_LARGE, f"{what} (raise it with --max-file-size or `max-file-size` in the config to check it)",
        1, 1)])


def load_stream(stream: BinaryIO, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, Document]:
    """Read at most `max_bytes` (plus one, to know) from a stream such as standard input,
    which has no size to check first, and load it: (bytes read, Document)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return data, too_large(path, None, max_bytes)
    return data, load_bytes(data, path, max_bytes=max_bytes)


def load_bytes(data: bytes, path: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        return too_large(path, len(data), max_bytes)
    text, error = decode(data, path)
    if text is None:
        assert error is not None
        return Document(path=path, text="", root=None, data=None, diagnostics=[error])
    return load_text(text, path)


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
        stack.extend(reversed(_children(current)))
