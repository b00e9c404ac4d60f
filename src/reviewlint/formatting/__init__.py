"""Canonical layout, fixes on the layout tree, verify-then-write.

`emit_canonical(data)` writes plain data in the canonical layout (for `migrate` and
`new`); `format_text` and `format_document` format existing text with its comments and
apply fix edits; `write` holds the atomic file write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reviewlint.formatting.emit import emit
from reviewlint.formatting.keyorder import schema_version_for, sort_keys
from reviewlint.formatting.model import Collection, Root, from_data
from reviewlint.formatting.schemacomment import SCHEMA_COMMENT_PREFIX as SCHEMA_COMMENT_PREFIX  # re-exported
from reviewlint.formatting.schemacomment import schema_comment_line
from reviewlint.formatting.verify import first_difference, same_data


class CanonicalEmitError(ValueError):
    """The canonical text would not load back to the data it was made from."""


def emit_canonical(data: Mapping[str, Any], *, schema_comment: bool = False, path: str | None = None) -> str:
    """`data` (plain dicts, lists and scalars) as canonical YAML text.

    Keys follow the schema's order; the text is checked to load back (with the check
    path's loader) to exactly `data`, else CanonicalEmitError is raised. `path`, where the
    text will be written, places the schema modeline relative to it.
    """
    from reviewlint.document import load_text

    plain = dict(data)
    value = from_data(plain)
    version = schema_version_for(plain)
    if isinstance(value, Collection):
        sort_keys(value, version)
    text = emit(Root(value), first_line=schema_comment_line(version, path) if schema_comment else None)
    loaded = load_text(text).data
    if not same_data(loaded, plain):
        where = first_difference(loaded, plain)
        shown = "/".join(str(step) for step in where) if where else "(root)"
        raise CanonicalEmitError(f"canonical YAML would not load back to the same data at {shown}")
    return text


from reviewlint.formatting.edits import EditError  # noqa: E402
from reviewlint.formatting.layout import (  # noqa: E402
    FormatRefused,
    Formatted,
    VerifyFailed,
    format_document,
    format_text,
    over_limit,
    refusal,
)
from reviewlint.formatting.write import write_atomic  # noqa: E402

__all__ = [
    "CanonicalEmitError",
    "EditError",
    "FormatRefused",
    "Formatted",
    "VerifyFailed",
    "emit_canonical",
    "format_document",
    "format_text",
    "over_limit",
    "refusal",
    "schema_comment_line",
    "write_atomic",
]
