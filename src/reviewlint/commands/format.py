"""`reviewlint format`: rewrite reviews into the canonical layout."""

from __future__ import annotations

import sys
from typing import Any

import click

from reviewlint.api import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FormatReport, format_paths, format_stream
from reviewlint.commands import INPUT_PATH, refuse_mixed_stdin
from reviewlint.errors import ConfigError
from reviewlint.settings import MAX_FILE_SIZE_LIMIT
from reviewlint.words import plural


def format_stdin(settings_for: Any, stdin_filename: str | None, *, check: bool, diff: bool,
                 schema_comment: bool | None) -> int:
    """`format -`: the review on standard input, formatted, on standard output (for an
    editor's format-on-save). Nothing is printed to standard output when the text cannot
    be formatted, so an editor keeps its buffer; the exit code says why."""
    outcome = format_stream(sys.stdin.buffer, settings_for, stdin_filename, schema_comment=schema_comment)
    if outcome.refused is not None:
        click.echo(f"reviewlint: error: {outcome.refused.concise()}", err=True)
        return EXIT_ERROR
    if outcome.error is not None or outcome.text is None:
        click.echo(f"reviewlint: error: {outcome.error}", err=True)
        return EXIT_ERROR
    if diff:
        sys.stdout.write(outcome.diff())
    elif check:
        if outcome.changed:
            click.echo(f"Would reformat: {outcome.name}")
    else:
        sys.stdout.write(outcome.text)
    return EXIT_FINDINGS if (check or diff) and outcome.changed else EXIT_CLEAN


def _files(count: int) -> str:
    return plural(count, "file")


@click.command("format")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff of the changes (exit 1 if any).")
@click.option("--schema-comment/--no-schema-comment", default=None,
              help="Put `# yaml-language-server: $schema=...` on the first line [default: config "
                   "`schema-comment`, else off].")
@click.option("--exclude", multiple=True, help="Glob patterns (gitignore syntax) of paths to skip.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Use this config file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--max-file-size", type=click.IntRange(1, MAX_FILE_SIZE_LIMIT), help="Largest file to read, in bytes.")
@click.option("--stdin-filename", metavar="PATH",
              help="With `-` as the path: the file name standard input stands for (its config applies).")
def format_command(paths: tuple[str, ...], check: bool, diff: bool, schema_comment: bool | None,
                   exclude: tuple[str, ...], force_exclude: bool, config_file: str | None, isolated: bool,
                   max_file_size: int | None, stdin_filename: str | None) -> None:
    """Rewrite reviews into the canonical layout, keeping every comment.

    Files that do not load (syntax errors, duplicate keys, bad encoding...) are left
    untouched and reported. `-` formats standard input to standard output (for editors).
    Exit codes: 0 done, 1 with --check/--diff when files would change, 2 when a file
    could not be formatted or written.
    """
    from reviewlint.config import SettingsLookup

    refuse_mixed_stdin(paths)
    if stdin_filename is not None and paths != ("-",):
        raise click.UsageError("--stdin-filename goes with `-` as the only path")
    try:
        # As check: the flag wins over the config (the RL011 message names both).
        lookup = SettingsLookup({"max_file_size": max_file_size}, config_file=config_file, isolated=isolated)
        if paths == ("-",):
            sys.exit(format_stdin(lookup, stdin_filename, check=check, diff=diff, schema_comment=schema_comment))
        report = format_paths(paths or (".",), settings_for=lookup, exclude=exclude, force_exclude=force_exclude,
                              write=not (check or diff), diff=sys.stdout if diff else None,
                              schema_comment=schema_comment)
    except ConfigError as error:
        click.echo(f"reviewlint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    for missing in report.missing:
        click.echo(f"reviewlint: error: {missing}: no such file or directory", err=True)
    for diagnostic in report.refused:
        click.echo(f"reviewlint: error: {diagnostic.concise()}", err=True)
    for message in report.errors:
        click.echo(f"reviewlint: error: {message}", err=True)
    if check:
        for path in report.changed:
            click.echo(f"Would reformat: {path}")
    changed, unchanged = _files(len(report.changed)), _files(len(report.unchanged))
    if check or diff:
        summary = f"{changed} would be reformatted, {unchanged} already formatted"
    else:
        summary = f"{changed} reformatted, {unchanged} left unchanged"
    if report.refused or report.errors:
        summary += f", {_files(len(report.refused) + len(report.errors))} not formatted"
    click.echo(summary, err=bool(diff))
    sys.exit(report.exit_code(check=check or diff))


__all__ = ["FormatReport", "format_command", "format_paths", "format_stdin"]
