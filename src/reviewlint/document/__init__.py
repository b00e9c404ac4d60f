"""bytes -> Document: decoded text, a YAML tree with positions, and load diagnostics.

Split by job: `model` (Document, Node, the one path lookup and position mapping),
`decoding` (bytes -> text), `compose` (text -> tree), `positions` (libyaml's marks to an
editor's lines), `loading` (bytes or a stream, size limit first). Importers use the names
re-exported here.
"""

from __future__ import annotations

from reviewlint.codes import (
    ALIAS_USED,
    BAD_NUMBER,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    EMPTY_DOCUMENT,
    ENCODING_ERROR,
    FILE_TOO_LARGE,
    LOAD_RULE_NAMES,
    MERGE_KEY,
    MULTIPLE_DOCUMENTS,
    NOT_A_MAPPING,
    READ_ERROR,
    SYNTAX_ERROR,
    UNSUPPORTED_TAG,
)
from reviewlint.document.compose import MAX_ALIAS_REPORTS, MAX_EXPANDED_NODES, load_text, show_tag
from reviewlint.document.decoding import decode
from reviewlint.document.loading import DEFAULT_MAX_BYTES, load_bytes, load_stream, too_large
from reviewlint.document.model import (
    Document,
    JsonPath,
    Node,
    child,
    describe_value,
    entry,
    iter_nodes,
    type_name,
)
from reviewlint.document.positions import editor_positions
from reviewlint.lines import editor_lines

__all__ = [
    "ALIAS_USED", "BAD_NUMBER", "COMPLEX_KEY", "DEFAULT_MAX_BYTES", "DUPLICATE_KEY", "EMPTY_DOCUMENT",
    "ENCODING_ERROR", "FILE_TOO_LARGE", "LOAD_RULE_NAMES", "MAX_ALIAS_REPORTS", "MAX_EXPANDED_NODES", "MERGE_KEY",
    "MULTIPLE_DOCUMENTS", "NOT_A_MAPPING", "READ_ERROR", "SYNTAX_ERROR", "UNSUPPORTED_TAG", "Document", "JsonPath",
    "Node", "child", "decode", "describe_value", "editor_lines", "editor_positions", "entry", "iter_nodes",
    "load_bytes", "load_stream", "load_text", "show_tag", "too_large", "type_name",
]
