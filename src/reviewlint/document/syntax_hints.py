"""A short hint after libyaml's wording of a syntax error, for the mistakes people make.

libyaml says what it found ("mapping values are not allowed in this context") but not
why; the usual causes in a review are few: a colon and a space inside an unquoted value,
a quote or bracket never closed or closed too early, a `#`, `@` or backtick at the start
of a value, a tab in the indentation, and a list or key at the wrong indentation. Each is
recognised from the text around the point where libyaml stopped; the position stays
libyaml's. A hint is only given when the text shows its cause: no hint beats a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["syntax_hint"]

# `key: value` on one line, after an indentation and any `- ` list markers. A plain key
# holds no `: ` and starts with no indicator; a quoted key is one quoted string.
_KEY_LINE = re.compile(r"""^(?P<lead>[ ]*(?:-[ ]+)*)"""
                       r"""(?P<key>"[^"]*"|'[^']*'|[^\s#'"\[\]{},:&*!|>%@`-][^#]*?|-[^\s#]*?)"""
                       r""":(?:[ \t]+|$)(?P<value>.*)$""")
_LIST_ITEM = re.compile(r"^(?P<indent>[ ]*)-(?:[ ]|$)")
# Longest value quoted in full inside a hint; a longer one is cut with "...".
_SHOWN = 60
# Characters YAML reserves at the start of a plain value.
_RESERVED = {"@": "`@`", "`": "a backtick", "%": "`%`"}
_LONGEST_LINE = 2000


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the text, split as `lead key: value` where it is a key line."""

    text: str
    lead: str = ""
    key: str | None = None
    value_start: int = -1

    @classmethod
    def of(cls, text: str) -> _Line:
        match = _KEY_LINE.match(text)
        if match is None:
            return cls(text)
        return cls(text, match["lead"], match["key"].rstrip(), match.start("value"))

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def value(self) -> str:
        """The value as written, without a trailing comment (plain values only lose it)."""
        if self.key is None:
            return ""
        raw = self.text[self.value_start:]
        if raw[:1] not in ("'", '"'):
            raw = re.split(r"[ \t]#", raw, maxsplit=1)[0]
        return raw.rstrip()


def syntax_hint(problem: str, context: str | None, line: int, column: int, text: str) -> str:
    """The hint for libyaml's `problem` (and `context`) at 0-based `line`/`column` of
    `text`, as "; <hint>" to append to the message, or "" when the cause is not clear."""
    # Hints are for lines people write: a hostile line of megabytes is looked at in part.
    lines = [part[:_LONGEST_LINE] for part in text.split("\n")]
    if line >= len(lines) or column >= _LONGEST_LINE or lines[line][column:column + 1] == "\t":
        return ""  # past the end of a broken text, or the tab case the loader words itself
    hint = (_comment_swallowed_value(lines, line)
            or _reserved_start(problem, lines[line], column)
            or _quote_never_closed(problem, context)
            or _quote_closed_early(lines[line], column)
            or _colon_in_value(problem, lines[line], column)
            or _bracket_not_closed(problem, lines, line)
            or _tab_indent(lines, line)
            or _wrong_indentation(problem, lines, line, column))
    return f"; {hint}" if hint else ""


def _quoted(value: str) -> str:
    """`value` in quotes that keep it as written: double quotes unless it holds one."""
    if len(value) > _SHOWN:
        value = value[:_SHOWN - 3].rstrip() + "..."
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _suggest(line: _Line, value: str) -> str:
    return f"{line.text[:line.value_start].lstrip(' ')}{_quoted(value)}"


def _comment_swallowed_value(lines: list[str], line: int) -> str | None:
    """`genres: [#1, Drama]`: the `#` starts a comment, so the list never closes."""
    start = max(0, line - 2)
    for text in lines[start:line + 1]:
        match = re.search(r"[\[{,][ \t]*(#[^\s,\]}]*)", text)
        if match is not None and _in_flow(text, match.start(1)):
            return (f"`{match[1]}` starts a comment there, so the rest of the line is not read: quote a value that "
                    f"starts with #, as \"{match[1]}\"")
    return None


def _in_flow(text: str, end: int) -> bool:
    """Whether an unclosed `[` or `{` (outside quotes) comes before `end` on the line."""
    depth = 0
    quote = ""
    for char in text[:end]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and depth:
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}" and depth:
            depth -= 1
    return depth > 0


def _closed_later(lines: list[str]) -> bool:
    """Whether the brackets opened on the first line are all closed on some later line
    (outside quotes and comments)."""
    depth = 0
    for text in lines:
        quote = ""
        for index, char in enumerate(text):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and depth:
                quote = char
            elif char == "#" and (index == 0 or text[index - 1] in " \t"):
                break
            elif char in "[{":
                depth += 1
            elif char in "]}" and depth:
                depth -= 1
                if depth == 0:
                    return True
    return False


def _reserved_start(problem: str, text: str, column: int) -> str | None:
    """`a: @handle`: `@`, backtick and `%` cannot start a plain value."""
    char = text[column:column + 1]
    if "cannot start any token" not in problem or char not in _RESERVED:
        return None
    line = _Line.of(text)
    if line.key is not None and line.value_start == column:
        return f"{_RESERVED[char]} cannot start a plain value: quote the value: {_suggest(line, line.value)}"
    item = _LIST_ITEM.match(text)
    if item is not None and text[item.end():].lstrip(" ") and column == len(text) - len(text[item.end():].lstrip(" ")):
        value = re.split(r"[ \t]#", text[column:], maxsplit=1)[0].rstrip()
        return f"{_RESERVED[char]} cannot start a plain value: quote the item: - {_quoted(value)}"
    return f"{_RESERVED[char]} cannot start a plain value: put the value in quotes"


def _quote_never_closed(problem: str, context: str | None) -> str | None:
    """`headline: "Past Lives` and no closing quote: libyaml reads to the end of the file."""
    if "end of stream" in problem and context and "quoted scalar" in context:
        return "the quoted value is never closed: end it with the same quote mark"
    return None


def _closing_quote(value: str) -> int:
    """Where the quoted string opening `value` ends (the index of its closing quote), or -1."""
    quote, index = value[0], 1
    while index < len(value):
        if quote == '"' and value[index] == "\\":
            index += 2
            continue
        if value[index] == quote:
            if quote == "'" and value[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _quote_closed_early(text: str, column: int) -> str | None:
    """`headline: 'Don't look up'` or `headline: "Past Lives" the road`: text after the
    closing quote, where libyaml expects the next key."""
    line = _Line.of(text)
    value = line.value
    if line.key is None or value[:1] not in ("'", '"') or column <= line.value_start:
        return None
    end = _closing_quote(value)
    after = value[end + 1:] if end >= 0 else ""
    if end < 0 or not after.strip() or after.lstrip().startswith("#") or line.value_start + end >= column:
        return None
    quote = value[0]
    inner = value[1:-1] if len(value) > 1 and value.endswith(quote) else value
    if quote == "'":
        why = "a single-quoted value ends at the next ' (write an apostrophe inside it as '')"
    else:
        why = 'a double-quoted value ends at the next " (write a quote inside it as \\")'
    return f"{why}: quote the whole value: {_suggest(line, inner)}"


def _colon_in_value(problem: str, text: str, column: int) -> str | None:
    """`headline: Past Lives: the road`: a colon and a space inside a plain value start a mapping."""
    if problem != "mapping values are not allowed in this context":
        return None
    line = _Line.of(text)
    if line.key is None or column < line.value_start or not line.value:
        return None
    if line.value[:1] in ("'", '"'):
        return f"put the whole value inside one pair of quotes: {_suggest(line, line.value)}"
    if line.value[:1] in ("[", "{"):
        return None
    return f"quote the value: {_suggest(line, line.value)}"


def _bracket_not_closed(problem: str, lines: list[str], line: int) -> str | None:
    """`genres: [Drama` with no `]`; or `headline: [Spoilers] a review`, a value that starts
    with a bracket but goes on after it."""
    here = _Line.of(lines[line])
    value = here.value
    if here.key is not None and value[:1] in ("[", "{") and "expected key" in problem:
        closing = "]" if value[0] == "[" else "}"
        if closing in value and not value.endswith(closing):
            return (f"a value that starts with {value[0]} is a list or mapping, and text after its {closing} is not "
                    f"allowed: quote the value: {_suggest(here, value)}")
    flow = "did not find expected ',' or" in problem or "expected node content" in problem
    if not flow:
        return None
    start = next((index for index in range(line, -1, -1) if _in_flow(lines[index], len(lines[index]))), None)
    if start is None or _closed_later(lines[start:]):
        return None  # closed further on: libyaml stopped at something else inside the brackets
    opener = lines[start]
    bracket, closing, kind = ("[", "]", "list") if opener.rfind("[") > opener.rfind("{") else ("{", "}", "mapping")
    return f"the {bracket} is never closed: end the {kind} with {closing}, or quote the value if the {bracket} is text"


def _tab_indent(lines: list[str], line: int) -> str | None:
    for text in lines[max(0, line - 1):line + 1]:
        if "\t" in text[:len(text) - len(text.lstrip(" \t"))]:
            return "a tab is used for indentation near here; YAML indents with spaces"
    return None


def _previous(lines: list[str], line: int) -> _Line | None:
    """The nearest line above with content (not blank, not only a comment)."""
    for text in reversed(lines[:line]):
        if text.strip() and not text.lstrip().startswith("#"):
            return _Line.of(text)
    return None


def _wrong_indentation(problem: str, lines: list[str], line: int, column: int) -> str | None:
    """A list or a key that does not line up with what is above it."""
    here = _Line.of(lines[line])
    above = _previous(lines, line)
    if above is None:
        return None
    item = _LIST_ITEM.match(lines[line])
    if "expected key" in problem and item is not None and column == here.indent:
        if above.key is not None and not above.value and here.indent < above.indent:
            return (f"the list under `{above.key}:` is indented less than its key: indent its items at least as "
                    f"far as `{above.key}`")
        if above.key is not None and above.value and _LIST_ITEM.match(above.text) is None:
            return (f"`{above.key}` already has a value on its line: for a list, leave the value after "
                    f"`{above.key}:` empty and put the items on the lines below")
        if _LIST_ITEM.match(above.text) is not None and above.indent != here.indent:
            return "items of one list start at the same column"
        return None
    if here.key is None:
        return None
    if problem == "mapping values are not allowed in this context" and here.indent > above.indent and above.value:
        # Either a misplaced key, or a value going on over lines with a `: ` in its second line.
        return (f"this line is indented deeper than `{above.key}` above it, which already has a value: start keys "
                "of one mapping at the same column, or quote a value that goes on to this line")
    if "expected key" in problem and column == here.indent and here.indent != above.indent:
        return "this key is indented differently from the keys above it: keys of one mapping start at the same column"
    return None
