"""The editor's schema comment (`# yaml-language-server: $schema=...`), in a module of its
own so that the layout code below formatting/__init__ can use it without importing it."""

from __future__ import annotations

SCHEMA_COMMENT_PREFIX = "# yaml-language-server: $schema="


def schema_comment_line(version: str | None, path: str | None = None) -> str | None:
    """`# yaml-language-server: $schema=<the schema copy, relative to path>` for editors, or
    None when no copy is configured (`schema-path`): the schema's `$id` is an identifier,
    not an address that serves it, so it is never written as a link (reviewlint.schemalink)."""
    if version is None or path is None:
        return None
    from reviewlint.schemalink import modeline_target

    target = modeline_target(path)
    return SCHEMA_COMMENT_PREFIX + target if target else None
