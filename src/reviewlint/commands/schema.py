"""`reviewlint schema`: print the schema, say where the installed file lives, or write a
copy into the repository for editors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from reviewlint import schema
from reviewlint.cli import EXIT_ERROR


def write_copy(target: str, version: str | None) -> None:
    from reviewlint.schemalink import SCHEMA_PATH_KEY, configured_copy, write_copy

    path = Path(target)
    if path.is_dir() or target.endswith(("/", os.sep)):
        path = path / "film-review.schema.json"
    try:
        changed = write_copy(path, version)
    except OSError as error:
        click.echo(f"reviewlint: error: cannot write {path}: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)
    shown = os.path.normpath(path)
    click.echo(f"{'Wrote' if changed else 'Up to date:'} {shown} (film-review schema "
               f"{version or schema.current_version()})", err=True)
    try:
        named = configured_copy(str(path.parent))
    except Exception:  # a broken config is `check`'s to report; the copy is written
        named = None
    if named is None or os.path.abspath(named) != os.path.abspath(path):
        click.echo(f"To have `new` and `format` link reviews to it, set `{SCHEMA_PATH_KEY}: {path.as_posix()}` in "
                   "your reviewlint config (relative to the config's folder).", err=True)


@click.command("schema")
@click.option("--version", "version", metavar="X.Y", help="Print this published version instead of the newest.")
@click.option("--path", "show_path", is_flag=True, help="Print the installed schema file's path.")
@click.option("--print", "show_print", is_flag=True, help="Print the schema (the default).")
@click.option("--list", "show_list", is_flag=True, help="List the published versions, oldest first.")
@click.option("--write", "write_path", metavar="PATH",
              help="Write a copy of the schema to PATH (a file, or a folder to hold film-review.schema.json), "
                   "for editors to read from the repository: it works offline and on every machine.")
def schema_command(version: str | None, show_path: bool, show_print: bool, show_list: bool,
                   write_path: str | None) -> None:
    """Print the film-review JSON Schema (newest version unless --version is given), or
    write a copy into your repository for editors (--write)."""
    if sum((show_path, show_print, show_list)) > 1:
        raise click.UsageError("--path, --print and --list each print something different: give one")
    if write_path is not None and (show_path or show_print or show_list):
        raise click.UsageError("--write writes a copy; it does not combine with --path, --print or --list")
    versions = schema.available_versions()
    if show_list:
        for known in versions:
            click.echo(known)
        return
    if version is not None and version not in versions:
        raise click.BadParameter(f"no published schema version {version!r} (known: {', '.join(versions)})",
                                 param_hint="--version")
    if write_path is not None:
        write_copy(write_path, version)
        return
    if show_path:
        click.echo(str(schema.schema_path(version)))
        return
    click.echo(schema.schema_text(version), nl=False)
