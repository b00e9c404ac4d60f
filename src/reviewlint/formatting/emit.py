"""Write a layout tree as canonical YAML text.

Block style everywhere (two-space indentation, sequences indented under their key,
`- ` items with a mapping's first key on the dash line), `[]` and `{}` only for empty
collections, no blank lines, no trailing whitespace, LF line endings, one final newline.
Comments are written where their entry is: see `model`.
"""

from __future__ import annotations

from reviewlint.formatting import scalars
from reviewlint.formatting.model import Collection, Entry, Root, Value


def _comment_lines(comments: list[str], column: int, out: list[str]) -> None:
    out.extend(" " * column + comment for comment in comments)


def _with_eol(line: str, comments: list[str]) -> str:
    return line + "  " + "  ".join(comments) if comments else line


def _hoisted(entry: Entry) -> list[str]:
    """Comments written above an item's dash line: the item's own, then those of the
    first entry of a collection written on that same line (it cannot have a line of
    its own above it)."""
    comments = list(entry.leading)
    value = entry.value
    if entry.key is None and isinstance(value, Collection) and value.entries:
        comments.extend(_hoisted(value.entries[0]))
    return comments


def _first_line_eol(entry: Entry) -> list[str]:
    """End-of-line comments of an item and of the entries sharing its dash line."""
    comments = list(entry.eol)
    value = entry.value
    if entry.key is None and isinstance(value, Collection) and value.entries:
        comments.extend(_first_line_eol(value.entries[0]))
    return comments


class _Writer:
    def __init__(self, width: int) -> None:
        self.width = width
        self.out: list[str] = []

    def scalar(self, head: str, value: object, eol: list[str], content_indent: int) -> None:
        """`head` (indentation, `- ` or `key: `) followed by a scalar, possibly a block."""
        if isinstance(value, str):
            if "\n" in value and scalars.literal_safe(value):
                self.out.append(_with_eol(head + scalars.literal_header(value), eol))
                for line in scalars.literal_lines(value):
                    self.out.append(" " * content_indent + line if line else "")
                self.out.extend([""] * scalars.literal_trailing_blank_lines(value))
                return
            written = scalars.inline(value)
            if len(head) + len(written) > self.width:
                folded = scalars.fold(value, max(self.width - content_indent, 20))
                if folded:
                    self.out.append(_with_eol(head + ">-", eol))
                    self.out.extend(" " * content_indent + line for line in folded)
                    return
            self.out.append(_with_eol(head + written, eol))
            return
        self.out.append(_with_eol(head + scalars.inline(value), eol))

    def entries(self, collection: Collection, indent: int, first_prefix: str | None = None,
                first_eol: list[str] | None = None) -> None:
        """The entries of a non-empty collection, at `indent`. `first_prefix` replaces the
        first entry's indentation when it shares an item's dash line (`- ` or `- - `); the
        item already wrote that entry's leading comments and hands down its line's
        end-of-line comments as `first_eol`."""
        for number, entry in enumerate(collection.entries):
            if first_prefix is not None and number == 0:
                self.entry(entry, indent, first_prefix, first_eol or [])
                continue
            _comment_lines(_hoisted(entry), indent, self.out)
            self.entry(entry, indent, " " * indent, _first_line_eol(entry))
        _comment_lines(collection.trailing, indent, self.out)

    def entry(self, entry: Entry, indent: int, prefix: str, eol: list[str]) -> None:
        value = entry.value
        if entry.key is None:
            head = prefix + "- "
            if isinstance(value, Collection) and value.entries:
                self.entries(value, indent + scalars.INDENT, first_prefix=head, first_eol=eol)
            else:
                self.value_inline(head, value, eol, indent + scalars.INDENT)
            return
        head = prefix + scalars.inline(entry.key) + ":"
        if isinstance(value, Collection) and value.entries:
            self.out.append(_with_eol(head, eol))
            self.entries(value, indent + scalars.INDENT)
        else:
            self.value_inline(head + " ", value, eol, indent + scalars.INDENT)

    def value_inline(self, head: str, value: Value, eol: list[str], content_indent: int) -> None:
        if isinstance(value, Collection):  # empty
            self.out.append(_with_eol(head + ("{}" if value.kind == "map" else "[]"), eol))
        else:
            self.scalar(head, value.value, eol, content_indent)


def emit(root: Root, *, first_line: str | None = None, width: int = scalars.WIDTH) -> str:
    """The canonical text of `root`; `first_line` (the schema comment) goes on top."""
    writer = _Writer(width)
    if first_line:
        writer.out.append(first_line)
    if root.leading:  # the file's header comments, set off from the body by a blank line
        _comment_lines(root.leading, 0, writer.out)
        writer.out.append("")
    value = root.value
    if isinstance(value, Collection) and value.entries:
        writer.entries(value, 0)
    else:
        writer.value_inline("", value, [], scalars.INDENT)
    _comment_lines(root.trailing, 0, writer.out)
    return "\n".join(writer.out) + "\n"
