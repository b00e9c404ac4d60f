"""Places where libyaml reads text that YAML 1.2 rejects, or reads it differently.

The check path reads reviews with libyaml, which is lenient in a few corners. Checking
can live with that, but formatting would bake libyaml's reading into the file, turning
an invalid file into a valid one that may not mean what its author wrote. So before
formatting, these corners are looked for in the token stream, and a file that has one
is left alone with a diagnostic that names it:

- a comment glued to the text before it (`"value"# note`, `>#note`);
- continuation lines of a flow collection or a quoted scalar that are not indented
  past the block they belong to (or are indented with a tab);
- a block scalar whose leading blank lines hold more spaces than its first line;
- an anchor or alias name followed by a character libyaml stops at (`&a:b`);
- an explicit key `?` glued to its key inside a flow collection (`{?foo: 1}`);
- a block scalar ending the file on a line of spaces without a final line break.
"""

from __future__ import annotations

import re

import yaml

from reviewlint.formatting.comments import BREAK, Scan
from reviewlint.formatting.tokens import Token

_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)
_FLOW_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
_NAME_END = " \t\r\n\x85\u2028\u2029,]}"
_INDICATOR_DIGIT = re.compile(r"^[|>][+-]?[1-9]|^[|>][1-9]")


def _leading(line: str) -> int:
    """Indentation: the spaces before the first other character (a tab is not indentation)."""
    return len(line) - len(line.lstrip(" "))


def _at_least(spaces: int) -> str:
    return f"by at least {spaces} space{'' if spaces == 1 else 's'}; tabs do not count"


def problem(text: str, tokens: list[Token], scanned: Scan) -> tuple[int, int, str] | None:
    """(0-based line, col, description) of the first lenient corner found, or None."""
    if scanned.glued is not None:
        return (*scanned.glued, "a comment must be separated from the text before it by a space")
    lines = BREAK.split(text)
    blocks: list[int] = []
    flow_level = 0
    flow_indent = -1
    last_line = -1
    for token in tokens:
        kind = token.kind
        indent = blocks[-1] if blocks else -1
        if flow_level and token.line > last_line and token.index > 0:
            spaces = _leading(lines[token.line])
            if spaces <= flow_indent:
                return (token.line, token.col, "a line inside a flow collection must be indented past the "
                        f"block it belongs to ({_at_least(flow_indent + 1)})")
        if token.end_line > token.line and kind is yaml.ScalarToken and token.style not in ("|", ">"):
            for number in range(token.line + 1, token.end_line + 1):
                line = lines[number]
                if not line.strip(" \t"):
                    continue
                limit = flow_indent if flow_level else indent
                spaces = _leading(line)
                if spaces <= limit:
                    return (number, spaces, "a continuation line of a multi-line scalar must be indented past "
                            f"the block it belongs to ({_at_least(limit + 1)})")
        if token.style in ("|", ">"):
            found = _block_scalar_problem(text, lines, token, indent)
            if found:
                return found
        if kind in (yaml.AnchorToken, yaml.AliasToken) and token.end_index < len(text) \
                and text[token.end_index] not in _NAME_END:
            return (token.line, token.col, f"the character {text[token.end_index]!r} cannot follow an anchor or "
                    "alias name here (libyaml ends the name before it)")
        if kind is yaml.KeyToken and flow_level and token.end_index > token.index \
                and token.end_index < len(text) and text[token.end_index] not in " \t\r\n":
            return (token.line, token.col, "`?` directly followed by text inside a flow collection is part of a "
                    "plain key in YAML 1.2, but libyaml reads it as an explicit key")
        if kind in _OPEN:
            blocks.append(token.col)
        elif kind is yaml.BlockEndToken and blocks:
            blocks.pop()
        elif kind in _FLOW_OPEN:
            if flow_level == 0:
                flow_indent = indent
            flow_level += 1
        elif kind in _FLOW_CLOSE:
            flow_level = max(0, flow_level - 1)
        if token.end_index > token.index:
            last_line = token.end_line if token.end_col > 0 or token.end_line == token.line else token.end_line - 1
    return None


def _block_scalar_problem(text: str, lines: list[str], token: Token, indent: int) -> tuple[int, int, str] | None:
    header = lines[token.line][token.col:]
    if token.end_index >= len(text) and text and text[-1] not in "\r\n\x85\u2028\u2029" \
            and lines[-1] and not lines[-1].strip(" "):
        return (len(lines) - 1, 0, "a block scalar ends the file with a line of spaces and no line break")
    if _INDICATOR_DIGIT.match(header):
        return None  # explicit indentation: nothing is detected from the lines
    widest = 0
    for number in range(token.line + 1, len(lines)):
        line = lines[number]
        if not line.strip(" "):
            widest = max(widest, len(line))
            continue
        spaces = _leading(line)
        if spaces > indent and widest > spaces:
            return (number, 0, f"a leading blank line of this block scalar holds {widest} spaces, more than the "
                    f"{spaces} of its first line")
        return None
    return None
