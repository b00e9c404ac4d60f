"""Where editors find the schema: a copy in the repository and the links to it.

The schema's `$id` (https://reviewlint.dev/schema/film-review/<version>.json) is an
identifier: it names one published version, stays fixed, and is what `$ref`s and caches
key on. It is not an address anything is served from, so no file reviewlint writes
points an editor at it. Instead:

- `reviewlint schema --write PATH` puts a copy of the schema in the repository;
- the config's `schema-path` names that copy (relative to the config's folder), and the
  files reviewlint writes (`new`, `format` with `schema-comment`) start with a modeline
  relative to it, `# yaml-language-server: $schema=../schemas/film-review.schema.json`,
  which resolves on every machine and offline;
- with no copy configured, no modeline is written: editor settings that map file
  patterns to the copy (`.vscode/settings.json` `yaml.schemas`, written by `reviewlint
  init`) or a SchemaStore catalog entry with FILE_MATCH do the job without one.
"""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_PATH_KEY = "schema-path"
DEFAULT_COPY = "schemas/film-review.schema.json"
# The file names a SchemaStore catalog entry (and `init`'s editor settings) match.
FILE_MATCH = ("*.review.yaml", "*.review.yml")


def configured_copy(directory: str) -> Path | None:
    """The schema copy named by `schema-path` in the config that governs `directory`.

    Raises ConfigError when that config cannot be read (as every command does)."""
    from reviewlint.config import find_config, parse_table
    from reviewlint.discovery import display_path

    # Read afresh, not through the per-process cache: a lookup made for a file must not fix
    # what a later command in the same process (a test, the server) sees.
    found = find_config.__wrapped__(os.path.abspath(directory))
    if found is None:
        return None
    config_file, table = found
    parse_table(table, display_path(config_file), config_file.parent)  # checked whole, as by every command
    value = table.get(SCHEMA_PATH_KEY)
    if not isinstance(value, str) or not value.strip():
        return None
    return Path(os.path.normpath(config_file.parent / value.strip()))


def relative_link(target: Path, document_path: str) -> str:
    """`target` relative to the folder of `document_path`, with `/` (a modeline is a URI
    reference: yaml-language-server resolves it against the document's location)."""
    folder = os.path.dirname(os.path.abspath(document_path))
    relative = os.path.relpath(os.path.abspath(target), folder).replace(os.sep, "/")
    return relative if relative.startswith("../") else "./" + relative


def modeline_target(document_path: str) -> str | None:
    """What a modeline for the file at `document_path` should name, or None (no copy is
    configured: then no modeline is written)."""
    if document_path == "-" or document_path.startswith("<"):
        return None  # standard input or a string: no place to be relative to
    copy = configured_copy(os.path.dirname(os.path.abspath(document_path)))
    return None if copy is None else relative_link(copy, document_path)


def write_copy(path: Path, version: str | None = None) -> bool:
    """Write the schema (the newest version unless `version`) to `path`, creating its
    folder; atomic, and nothing is written when the copy is already current. Returns
    whether the file changed."""
    from reviewlint.schema import schema_text

    text = schema_text(version)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return True
