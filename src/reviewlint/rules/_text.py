"""Positions inside scalars: which source character each character of a value came from.

libyaml gives a scalar's start and end, not where its n-th character sits: folding,
indentation, quote doubling and escapes all move characters around. `scalar_runs`
walks the scalar's source alongside its value once and maps every value character to its
source offset (as runs of consecutive characters), for plain, single- and double-quoted,
literal and folded scalars. It is run only for a scalar that has a finding, and once per
scalar however many findings it has, so positions cost O(log lines) each.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from reviewlint.document import Node
from reviewlint.lines import offset_of as offset_of  # re-exported: rules use it beside the runs

_BREAKS = "\r\n\x85\u2028\u2029"

_SIMPLE_ESCAPES = {
    "0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _break_length(source: str, index: int) -> int:
    """Length of the line break at `index` (0 when there is none)."""
    char = source[index]
    if char == "\r" and index + 1 < len(source) and source[index + 1] == "\n":
        return 2
    return 1 if char in _BREAKS else 0


def _escape(source: str, index: int, limit: int) -> tuple[str | None, int]:
    """(decoded text, length) of the escape at `index` (a backslash). An escaped line
    break decodes to None: it joins lines without adding anything."""
    if index + 1 >= limit:
        return "\\", 1
    char = source[index + 1]
    if char in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[char], 2
    if char in _HEX_ESCAPES:
        width = _HEX_ESCAPES[char]
        digits = source[index + 2:index + 2 + width]
        try:
            return chr(int(digits, 16)), 2 + width
        except ValueError:
            return None, 2
    size = _break_length(source, index + 1)
    if size:
        return None, 1 + size
    return "\\", 1


def _block_indent(source: str, header_end: int, end: int, parent_indent: int, explicit: int | None) -> int:
    """Content indentation of a block scalar whose content starts at `header_end`."""
    if explicit is not None:
        return parent_indent + explicit
    index = header_end
    while index < end:
        stop = index
        while stop < end and source[stop] == " ":
            stop += 1
        if stop < end and source[stop] not in _BREAKS:
            return stop - index
        if stop >= end:
            break
        index = stop + _break_length(source, stop)
    return 0


Position = Callable[[int], tuple[int, int]]


def quick_layout(source: str, starts: list[int], node: Node) -> Position | None:
    """For the scalars whose layout is simple arithmetic (one-line plain or unescaped quoted
    text, literal blocks): a function from value character index to its 0-based (line, col).
    None for the others, which need the walk of value_offsets. Computed once per scalar, so
    each position costs O(log n), not a scan of the value (a rule with thousands of findings
    in one long text would be quadratic)."""
    style = node.style or ""
    if style == "|":
        begin = offset_of(starts, node.line, node.col)
        end = min(offset_of(starts, node.end_line, node.end_col), len(source))
        header_end = source.find("\n", begin, end)
        if header_end < 0 or "\r" in source[begin:end]:
            return None
        header = source[begin + 1:header_end].split("#", 1)[0]
        digits = [c for c in header if c.isdigit()]
        line_start = starts[node.line]
        parent = len(source[line_start:begin]) - len(source[line_start:begin].lstrip(" "))
        indent = _block_indent(source, header_end + 1, end, parent, int(digits[0]) if digits else None)
        breaks = [i for i, char in enumerate(node.text) if char == "\n"]

        def in_block(index: int) -> tuple[int, int]:
            before = bisect.bisect_left(breaks, index)
            line = node.line + 1 + before
            col = index - (breaks[before - 1] + 1 if before else 0)
            if line + 1 < len(starts):  # a blank line shorter than the indentation
                return line, min(indent + col, starts[line + 1] - starts[line] - 1)
            return line, col + indent

        return in_block
    if node.line != node.end_line or style in ("|", ">"):
        return None
    begin = offset_of(starts, node.line, node.col)
    end = offset_of(starts, node.end_line, node.end_col)
    if style == "":
        return (lambda index: (node.line, node.col + index)) if end - begin == len(node.text) else None
    inner = source[begin + 1:end - 1]
    if (style == '"' and "\\" in inner) or (style == "'" and "''" in inner) or len(inner) != len(node.text):
        return None
    return lambda index: (node.line, node.col + 1 + index)


@dataclass(frozen=True, slots=True)
class Runs:
    """Where a scalar's value characters came from, as runs of consecutive characters:
    value character `value_starts[i] + k` sits at source offset `source_starts[i] + k`
    (for k inside the run). A folded or escaped text of n characters over m lines has
    O(m) runs, so the map costs O(m) memory and each look-up O(log m)."""

    value_starts: list[int]
    source_starts: list[int]
    length: int

    def offset(self, index: int) -> int:
        """Source offset of value character `index` (0 <= index < length)."""
        run = bisect.bisect_right(self.value_starts, index) - 1
        return self.source_starts[run] + index - self.value_starts[run]

    def offsets(self) -> list[int]:
        """Every value character's source offset, in order."""
        bounds = [*self.value_starts[1:], self.length] if self.value_starts else []
        found: list[int] = []
        for value_start, source_start, stop in zip(self.value_starts, self.source_starts, bounds, strict=True):
            found.extend(range(source_start, source_start + stop - value_start))
        return found


def _plain_stretch(style: str) -> re.Pattern[str]:
    """The characters that end a stretch copied as it is from the source to the value."""
    special = {'"': "\\\\", "'": "'"}.get(style, "")
    return re.compile(f"[{_BREAKS}{special}]")


def scalar_runs(source: str, starts: list[int], node: Node, upto: int | None = None) -> Runs | None:
    """The source offset of each character of the scalar's value (`node.text`), as runs
    (see Runs), up to index `upto` when given. One walk over the scalar's source: a line
    copied as it is costs one comparison, not one step per character. None when the walk
    cannot account for the value (then callers fall back to the scalar's start)."""
    value = node.text if upto is None else node.text[:upto + 1]
    begin = offset_of(starts, node.line, node.col)
    end = min(offset_of(starts, node.end_line, node.end_col), len(source))
    style = node.style or ""
    block = style in ("|", ">")
    indent = 0
    if style in ("'", '"'):
        index, limit = begin + 1, end - 1
    elif block:
        header_end = begin
        while header_end < end and source[header_end] not in _BREAKS:
            header_end += 1
        header = source[begin + 1:header_end].split("#", 1)[0]
        digits = [c for c in header if c.isdigit()]
        line_start = starts[node.line] if node.line < len(starts) else begin
        parent = len(source[line_start:begin]) - len(source[line_start:begin].lstrip(" "))
        if header_end < end:
            header_end += _break_length(source, header_end)
        index, limit = header_end, end
        indent = _block_indent(source, header_end, end, parent, int(digits[0]) if digits else None)
    else:
        index, limit = begin, end
    stretch_end = _plain_stretch(style)
    value_starts: list[int] = []
    source_starts: list[int] = []
    previous = -2

    def take(at: int, count: int) -> None:
        nonlocal previous
        if at != previous + 1:
            value_starts.append(position)
            source_starts.append(at)
        previous = at + count - 1

    at_line_start = block
    position = 0
    while position < len(value):
        if index >= limit:
            return None
        if at_line_start:
            skipped = 0
            if block:
                while skipped < indent and index < limit and source[index] == " ":
                    index += 1
                    skipped += 1
            else:  # a flow scalar's continuation lines lose all their leading white space
                while index < limit and source[index] in " \t":
                    index += 1
            at_line_start = False
            continue
        found = stretch_end.search(source, index, limit)
        stop = found.start() if found is not None else limit
        if stop - index > 1 and value.startswith(source[index:stop], position):
            take(index, stop - index)  # a stretch copied as it is: one run, one comparison
            position += stop - index
            index = stop
            continue
        char = source[index]
        wanted = value[position]
        if style == '"' and char == "\\":
            decoded, size = _escape(source, index, limit)
            if decoded is None:
                index += size
                at_line_start = True  # an escaped line break: the next line's indentation goes too
                continue
            if decoded != wanted:
                return None
            take(index, 1)
            position += 1
            index += size
            continue
        size = _break_length(source, index)
        if char == wanted or (size and wanted == "\n" and char != "\u2028" and char != "\u2029"):
            take(index, 1)
            position += 1
            if style == "'" and char == "'":
                index += 1  # the second quote of a doubled ''
            if size:
                index += size
                at_line_start = True
            else:
                index += 1
            continue
        if size:
            if wanted == " " and style != "|":
                take(index, 1)  # a folded line break became this space
                position += 1
            index += size
            at_line_start = True
            continue
        if char in " \t":
            index += 1  # indentation or folded-away white space
            continue
        return None
    return Runs(value_starts, source_starts, len(value))


def value_offsets(source: str, starts: list[int], node: Node, upto: int | None = None) -> list[int] | None:
    """For each character of the scalar's value (`node.text`), its offset in `source`
    (only up to index `upto` when given); None as for scalar_runs."""
    runs = scalar_runs(source, starts, node, upto)
    return None if runs is None else runs.offsets()


# --- word lists: a cheap "could any of these phrases be here?" test, and one regex ----------

# Lower-case ASCII letters and digits stay; every other byte (punctuation, white space and the
# bytes of non-ASCII characters) separates words. bytes.translate runs at C speed.
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def words(lowered: str) -> set[bytes]:
    """The ASCII words of already lower-cased text, as a set (for prefilters only)."""
    return set(lowered.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split())


def word_list(lowered: str) -> list[bytes]:
    return lowered.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split()


class PhraseIndex:
    """Answers "may any of these phrases occur in a text with these words?" without a regex:
    a phrase can only occur if all of its words do. Phrases may carry a label (the
    content warning a cue stands for) so that callers can leave some labels out."""

    def __init__(self, phrases: list[str], labels: list[str] | None = None) -> None:
        self.by_first: dict[bytes, list[tuple[tuple[bytes, ...], str]]] = {}
        self.always = False  # a phrase without ASCII words cannot be prefiltered
        for number, phrase in enumerate(phrases):
            tokens = tuple(word_list(phrase.lower()))
            if not tokens:
                self.always = True
                continue
            label = labels[number] if labels is not None else ""
            self.by_first.setdefault(tokens[0], []).append((tokens, label))
        self.firsts = frozenset(self.by_first)

    def may_occur(self, present: set[bytes]) -> bool:
        return self.always or bool(self.candidates(present))

    def candidates(self, present: set[bytes], skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """First words of the phrases (with a label not in `skip`) whose words all occur
        in `present`."""
        return [first.decode() for first in self.firsts & present
                if any(label not in skip and all(token in present for token in tokens)
                       for tokens, label in self.by_first[first])]


def anchored_matches(pattern: re.Pattern[str], lowered: str, firsts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the matches of `pattern` (a phrase alternation over lower-cased
    text) that start where one of `firsts` occurs: the regex is tried at a handful of
    places instead of at every character. Overlapping matches keep the earlier one."""
    found: dict[int, int] = {}
    for first in firsts:
        index = lowered.find(first)
        while index >= 0:
            if index == 0 or not lowered[index - 1].isalnum():  # only where a word starts
                match = pattern.match(lowered, index)
                if match is not None:
                    found[index] = max(found.get(index, 0), match.end())
            index = lowered.find(first, index + 1)
    result: list[tuple[int, int]] = []
    for start in sorted(found):
        if result and start < result[-1][1]:
            continue
        result.append((start, found[start]))
    return result


Trie = dict[str, "Trie"]


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char in "'’":
        return "['’]"
    return re.escape(char)


def trie_pattern(phrases: list[str]) -> str:
    """One regex alternation for many phrases, factored by common prefixes so the engine
    rejects a position after a character or two instead of trying every phrase. A space
    in a phrase matches any run of white space (line breaks of folded text included)."""
    root: Trie = {}
    for phrase in phrases:
        node = root
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: Trie) -> str:
        keys = sorted(key for key in node if key)
        if not keys:
            return ""
        branches: list[str] = []
        singles: list[str] = []
        for key in keys:
            rest = build(node[key])
            if not rest and key not in " '’":
                singles.append(re.escape(key))
            else:
                branches.append(_atom(key) + rest)
        if singles:
            branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
