"""`reviewlint schema`: print the schema, or where the installed file lives."""

from __future__ import annotations

import click

from reviewlint import schema


@click.command("schema")
@click.option("--version", "version", metavar="X.Y", help="Print this published version instead of the newest.")
@click.option("--path", "show_path", is_flag=True, help="Print the installed schema file's path.")
@click.option("--print", "show_print", is_flag=True, help="Print the schema (the default).")
@click.option("--list", "show_list", is_flag=True, help="List the published versions, oldest first.")
def schema_command(version: str | None, show_path: bool, show_print: bool, show_list: bool) -> None:
    """Print the film-review JSON Schema (newest version unless --version is given)."""
    if sum((show_path, show_print, show_list)) > 1:
        raise click.UsageError("--path, --print and --list each print something different: give one")
    versions = schema.available_versions()
    if show_list:
        for known in versions:
            click.echo(known)
        return
    if version is not None and version not in versions:
        raise click.BadParameter(f"no published schema version {version!r} (known: {', '.join(versions)})",
                                 param_hint="--version")
    if show_path:
        click.echo(str(schema.schema_path(version)))
        return
    click.echo(schema.schema_text(version), nl=False)
