"""A loaded Document -> the layout tree, with every comment attached to an entry.

Values come from the check path's own parse (`Document.root`), so the formatter and
the checker can never disagree on what a scalar means. Comments come from `comments`
and are attached by position:

- an end-of-line comment belongs to the outermost key (else item) that starts on its
  line, or else to the last entry that starts before it;
- a full-line comment belongs above the next entry, unless it is indented deeper
  than that entry and some collection ended before it at that depth: then it closes
  that collection (`trailing`);
- comments before the first entry that are separated from it by a blank line are the
  file's header and stay on top whatever the key order; a
  `# yaml-language-server:` comment there is the schema comment, kept on line 1.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from reviewlint.document import Document
from reviewlint.document import Node as SourceNode
from reviewlint.formatting.comments import Comment, Scan, split_lines
from reviewlint.formatting.model import Collection, Entry, Root, Scalar, Value

SCHEMA_COMMENT_MARK = "# yaml-language-server:"


@dataclass(slots=True)
class Built:
    root: Root
    schema_comment: str | None = None  # the existing `# yaml-language-server:` line
    comments: list[Comment] = field(default_factory=list)


def depth(node: SourceNode) -> int:
    deepest = 0
    stack = [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        if current.kind == "map":
            stack.extend((child, level + 1) for _, child in current.value)
        elif current.kind == "seq":
            stack.extend((child, level + 1) for child in current.value)
    return deepest


def _convert(node: SourceNode, dashes: list[tuple[int, int]]) -> tuple[Value, list[Entry]]:
    """The layout value for `node` and all its entries in text order (without recursion)."""
    entries: list[Entry] = []
    block_items: set[int] = set()

    def make(source: SourceNode) -> Value:
        if source.kind == "scalar":
            return Scalar(source.value)
        return Collection("map" if source.kind == "map" else "seq")

    top = make(node)
    stack: list[tuple[SourceNode, Value]] = [(node, top)]
    while stack:
        source, value = stack.pop()
        if not isinstance(value, Collection):
            continue
        if source.kind == "map":
            for key_node, child in source.value:
                entry = value.add(Entry(key_node.text, make(child), line=key_node.line, col=key_node.col))
                entries.append(entry)
                stack.append((child, entry.value))
        else:
            for child in source.value:
                entry = value.add(Entry(None, make(child), line=child.line, col=child.col))
                if source.style == "block":
                    block_items.add(id(entry))
                entries.append(entry)
                stack.append((child, entry.value))
    # A block item starts at its dash. Dashes come in text order, which is the pre-order
    # of the tree: an item's dash precedes everything inside it and its next sibling.
    dash_iter = iter(dashes)
    walk: list[Iterator[Entry]] = [iter(top.entries)] if isinstance(top, Collection) else []
    while walk:
        item = next(walk[-1], None)
        if item is None:
            walk.pop()
            continue
        if id(item) in block_items:
            item.line, item.col = next(dash_iter, (item.line, item.col))
        if isinstance(item.value, Collection):
            walk.append(iter(item.value.entries))
    entries.sort(key=lambda entry: (entry.line, entry.col))
    return top, entries


def _chain(entry: Entry) -> list[Collection]:
    """The collections holding `entry`, innermost first."""
    found: list[Collection] = []
    container = entry.container
    while container is not None:
        found.append(container)
        container = container.owner.container if container.owner is not None else None
    return found


def _entry_col(collection: Collection) -> int:
    return collection.entries[0].col if collection.entries else 0


def build(document: Document, text: str, scanned: Scan) -> Built:
    """The layout tree of a loaded document whose text (without BOM) is `text`."""
    if document.root is None:
        raise ValueError("the document did not load")
    value, entries = _convert(document.root, scanned.dashes)
    root = Root(value)
    built = Built(root, comments=scanned.comments)
    starts = [(entry.line, entry.col) for entry in entries]
    lines = split_lines(text)
    first = entries[0] if entries else None
    root_start = (document.root.line, document.root.col)
    for comment in scanned.comments:
        position = (comment.line, comment.col)
        after = bisect_left(starts, position)
        previous = entries[after - 1] if after > 0 else None
        following = entries[after] if after < len(entries) else None
        if previous is None and comment.text.startswith(SCHEMA_COMMENT_MARK) and built.schema_comment is None \
                and not comment.eol:
            built.schema_comment = comment.text
            continue
        if comment.eol and previous is not None:
            _line_owner(entries, starts, after, comment).eol.append(comment.text)
            continue
        if previous is None:
            if following is None:
                (root.leading if position < root_start else root.trailing).append(comment.text)
            elif first is not None and _blank_line_between(lines, comment.line, first.line):
                root.leading.append(comment.text)
            else:
                following.leading.append(comment.text)
            continue
        if following is not None and comment.col <= following.col:
            following.leading.append(comment.text)
            continue
        inside_following = set(map(id, _chain(following))) if following is not None else set()
        ended = [c for c in _chain(previous) if id(c) not in inside_following]
        target = _closing(ended, comment.col)
        if target is not None:
            target.trailing.append(comment.text)
        elif following is not None:
            following.leading.append(comment.text)
        elif ended:
            ended[-1].trailing.append(comment.text)
        else:
            root.trailing.append(comment.text)
    return built


def _line_owner(entries: list[Entry], starts: list[tuple[int, int]], after: int, comment: Comment) -> Entry:
    """The entry an end-of-line comment belongs to: the outermost mapping entry starting
    on its line (`directors: [a, b]  # x` is about `directors`, `- name: x  # y` about
    `name`), else the outermost item starting there, else the last entry started before
    it (a comment after the closing line of a multi-line value)."""
    first = bisect_left(starts, (comment.line, 0), hi=after)
    if first == after:
        return entries[after - 1]
    return next((entry for entry in entries[first:after] if entry.key is not None), entries[first])


def _closing(ended: list[Collection], col: int) -> Collection | None:
    """The innermost ended collection whose entries start at or left of `col`. When an
    indentless sequence and its mapping share that column, the mapping wins."""
    for number, collection in enumerate(ended):
        entry_col = _entry_col(collection)
        if entry_col <= col:
            for outer in ended[number + 1:]:
                if _entry_col(outer) != entry_col:
                    break
                collection = outer
            return collection
    return None


def _blank_line_between(lines: list[str], comment_line: int, entry_line: int) -> bool:
    return any(not lines[number].strip(" \t") for number in range(comment_line + 1, min(entry_line, len(lines))))
