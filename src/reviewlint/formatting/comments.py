"""Find every comment in a YAML text, with its position, from libyaml's token stream.

libyaml drops comments, but its tokens cover everything else: whatever lies between
two tokens is whitespace, line breaks or comments. Two kinds of token may hold a
comment inside their span, on their first line: a block scalar header (`key: |  # x`)
and a directive (`%YAML 1.2  # x`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from reviewlint.formatting.tokens import Token

BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_COMMENT = re.compile("#[^\r\n\x85\u2028\u2029]*")
_BREAK_CHARS = "\r\n\x85\u2028\u2029"


@dataclass(frozen=True, slots=True)
class Comment:
    text: str  # from `#` to the end of the line, trailing whitespace removed
    line: int  # 0-based, counted as libyaml counts lines
    col: int
    eol: bool  # something other than whitespace precedes it on its line


@dataclass(slots=True)
class Scan:
    comments: list[Comment]
    # Positions (line, col) of the `-` of every block sequence item, in text order.
    dashes: list[tuple[int, int]]
    # `#` glued to the text before it: YAML 1.2 reads no comment there, libyaml does.
    glued: tuple[int, int] | None = None


def _advance(text: str, line: int, col: int) -> tuple[int, int]:
    """(line, col) after reading `text` from (line, col)."""
    breaks = list(BREAK.finditer(text))
    if not breaks:
        return line, col + len(text)
    return line + len(breaks), len(text) - breaks[-1].end()


def _line_prefix(text: str, index: int) -> str:
    start = index
    while start > 0 and text[start - 1] not in _BREAK_CHARS:
        start -= 1
    return text[start:index]


def scan(text: str, tokens: list[Token]) -> Scan:
    """Comments and dash positions of `text` (loadable YAML without BOM) from its tokens."""
    result = Scan([], [])
    previous_end = 0
    previous_mark = (0, 0)
    for token in tokens:
        if token.index > previous_end:
            gap = text[previous_end:token.index]
            # Each position is advanced from the previous comment's, not from the gap's start:
            # re-reading the gap per comment was quadratic (a minute for 1 MiB of comments).
            cursor, (line, col) = 0, previous_mark
            for match in _COMMENT.finditer(gap):
                at = previous_end + match.start()
                line, col = _advance(gap[cursor:match.start()], line, col)
                cursor = match.start()
                prefix = _line_prefix(text, at)
                if prefix and prefix[-1] not in " \t" and result.glued is None:
                    result.glued = (line, col)
                result.comments.append(Comment(match.group().rstrip(), line, col, bool(prefix.strip(" \t"))))
        if token.kind is yaml.BlockEntryToken:
            result.dashes.append((token.line, token.col))
        elif token.style in ("|", ">") or token.kind is yaml.DirectiveToken:
            first_line = BREAK.split(text[token.index:token.end_index], maxsplit=1)[0]
            sharp = first_line.find("#")
            if token.kind is yaml.DirectiveToken:
                # In a directive, `#` is a comment only after whitespace (it is legal in a tag prefix).
                found = re.search(r"[ \t]#", first_line)
                sharp = found.start() + 1 if found else -1
            if sharp >= 0:
                if first_line[sharp - 1] not in " \t" and result.glued is None:
                    result.glued = (token.line, token.col + sharp)
                result.comments.append(Comment(first_line[sharp:].rstrip(), token.line, token.col + sharp, True))
        if token.end_index > previous_end:
            previous_end, previous_mark = token.end_index, (token.end_line, token.end_col)
    return result


def split_lines(text: str) -> list[str]:
    """Lines as libyaml numbers them."""
    return BREAK.split(text)
