"""Text -> YAML tree: libyaml's event stream composed into Nodes and plain data.

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

import unicodedata
from typing import Any

import yaml

from reviewlint import yaml12
from reviewlint.codes import (
    ALIAS_USED,
    BAD_NUMBER,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    EMPTY_DOCUMENT,
    ENCODING_ERROR,
    MERGE_KEY,
    MULTIPLE_DOCUMENTS,
    NOT_A_MAPPING,
    SYNTAX_ERROR,
    TOO_DEEP,
    UNSUPPORTED_TAG,
)
from reviewlint.codes import diagnostic as _stage_diagnostic
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.document.model import Document, Node, children, type_name
from reviewlint.document.positions import offset_to_line_col
from reviewlint.document.syntax_hints import syntax_hint
from reviewlint.lines import line_col_after, to_editor

# One file lists at most this many aliases one by one; the rest are counted.
MAX_ALIAS_REPORTS = 10
# After alias expansion, a document bigger than this is refused (billion laughs).
MAX_EXPANDED_NODES = 100_000
# ... or holding more characters than this (200 aliases of one long text: each rule
# would read it 200 times).
MAX_EXPANDED_CHARS = 4 * 1024 * 1024
# Collections nested deeper than this are refused (RL015): every later stage (schema
# validation, rules, export, the formatter) may then recurse without reaching Python's
# limit. A review is a handful of levels deep.
MAX_DEPTH = 100


def _diag(path: str, code: str, message: str, line: int, col: int, *, end_line: int | None = None,
          end_col: int | None = None, severity: Severity = Severity.ERROR) -> Diagnostic:
    return _stage_diagnostic(code, message, path, line, col, end_line=end_line, end_col=end_col, severity=severity)


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
            convert = to_editor(text)
            started = error.context_mark.line + 1
            if convert is not None:  # the message names a line too: the editor's, as the position
                started = convert(started, error.context_mark.column + 1)[0]
            message += f" ({error.context} started at line {started})"
        elif error.context:
            message += f" ({error.context})"
        message += syntax_hint(error.problem or "", error.context, mark.line, mark.column, text)  # the usual cause
        # libyaml names a point, not a span: one caret.
        return _diag(path, SYNTAX_ERROR, message, mark.line + 1, mark.column + 1, end_line=mark.line + 1,
                     end_col=mark.column + 2)
    if isinstance(error, yaml.reader.ReaderError):
        line, col = offset_to_line_col(text, error.position)
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


def _start(event: yaml.Event) -> Any:
    """An event's start mark (libyaml always sets it; the stubs allow None)."""
    return event.start_mark


def _end(event: yaml.Event) -> Any:
    return event.end_mark


class _TooDeep(Exception):
    """Collections nested past MAX_DEPTH: composition stops at `mark`."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


def _key_identity(value: Any) -> tuple[str, Any]:
    """What makes two keys the same key in YAML 1.2: their resolved value and its type
    (`1` and `0x1` are one integer key; `true` and `True` one boolean key)."""
    return type(value).__name__, value


def _described(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    return f"the {'integer' if isinstance(value, int) else 'number'} {value!r}"


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
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(mark)
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
            self._add(COMPLEX_KEY, f"{type_name(key_node)} used as a mapping key; keys in a review must be plain "
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
        if not isinstance(key_node.value, str):
            # Keys that differ as text may be one key in YAML 1.2 (`1` and `0x1`, `~` and `null`).
            if len(frame) == 3:
                frame.append({})
            seen: dict[tuple[str, Any], Node] = frame[3]
            identity = _key_identity(key_node.value)
            if identity in seen:
                first = seen[identity]
                self._add(DUPLICATE_KEY, f"duplicate key `{key}`: YAML 1.2 reads it as {_described(key_node.value)}, "
                          f"the same key as `{first.text}` on line {first.line + 1}", key_node)
                return
            seen[identity] = key_node
        mapping[key] = value


def _expansion(node: Node) -> str | None:
    """Why the data, with aliases expanded, is too big, too deep or infinite; None when it
    is not. Post-order without recursion, each node measured once."""
    memo: dict[int, tuple[int, int, int]] = {}  # id -> (nodes, characters, depth), capped
    stack = [node]
    visiting: set[int] = set()
    while stack:
        current = stack.pop()
        key = id(current)
        if key in memo:
            continue
        if key in visiting:
            visiting.discard(key)
            found = [memo[id(child)] for child in children(current)]
            nodes = min(1 + sum(size[0] for size in found), MAX_EXPANDED_NODES + 1)
            chars = min(len(current.text) + sum(size[1] for size in found), MAX_EXPANDED_CHARS + 1)
            depth = min(1 + max((size[2] for size in found), default=0), MAX_DEPTH + 1)
            memo[key] = (nodes, chars, depth)
            continue
        visiting.add(key)
        stack.append(current)
        for child in children(current):
            if id(child) in visiting:
                return "an alias refers to a value that holds it: the data would be infinite"
            if id(child) not in memo:
                stack.append(child)
    nodes, chars, depth = memo[id(node)]
    if nodes > MAX_EXPANDED_NODES:
        return f"aliases expand this document beyond {MAX_EXPANDED_NODES} values (an alias bomb?)"
    if chars > MAX_EXPANDED_CHARS:
        return f"aliases expand this document beyond {MAX_EXPANDED_CHARS} characters of text (an alias bomb?)"
    if depth > MAX_DEPTH:
        return f"aliases nest this document's values more than {MAX_DEPTH} levels deep"
    return None


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
        line, col = line_col_after(text[:error.start])
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
    except _TooDeep as deep:
        document.diagnostics.extend(composer.diagnostics)
        document.diagnostics.append(_diag(
            path, TOO_DEEP, f"values are nested more than {MAX_DEPTH} levels deep here; a review holds a few "
            "levels (the file is not checked further)", deep.mark.line + 1, deep.mark.column + 1))
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
            path, NOT_A_MAPPING, f"the top level of a review must be a mapping of keys, got {type_name(root)}",
            root.line + 1, root.col + 1, end_line=root.end_line + 1, end_col=root.end_col + 1))
        return document
    expansion = _expansion(root) if composer.aliased else None
    if expansion is not None:
        document.diagnostics.append(_diag(path, ALIAS_USED, f"{expansion}; it is not checked further", 1, 1))
        return document
    document.root, document.data = root, data
    return document
