"""libyaml's token stream as small records, read once for comments and strictness checks."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True, slots=True)
class Token:
    kind: type[yaml.Token]
    line: int
    col: int
    index: int
    end_line: int
    end_col: int
    end_index: int
    style: str | None = None  # scalars: None (plain), "'", '"', "|" or ">"


def read_tokens(text: str) -> list[Token]:
    """Every token of `text`, which must be YAML that libyaml scans without error."""
    found: list[Token] = []
    loader = yaml.CSafeLoader(text)
    try:
        while True:
            token = loader.get_token()
            if token is None:  # only after StreamEnd, which ends the loop first
                return found
            start, end = token.start_mark, token.end_mark
            if start is None or end is None:  # libyaml always sets marks; the stubs allow None
                raise ValueError("token without a position")
            style = token.style if isinstance(token, yaml.ScalarToken) else None
            found.append(Token(type(token), start.line, start.column, start.index, end.line, end.column,
                               end.index, style))
            if isinstance(token, yaml.StreamEndToken):
                return found
    finally:
        loader.dispose()
