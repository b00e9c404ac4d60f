"""`reviewlint format`: rewrite reviews into the canonical layout."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

import click

from reviewlint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from reviewlint.commands import INPUT_PATH, stdin_settings
from reviewlint.config import ConfigError
from reviewlint.diagnostics import Diagnostic


@dataclass(slots=True)
class FormatReport:
    """What `format_paths` did, for the CLI and for programs calling it."""

    changed: list[str] = field(default_factory=list)  # reformatted (or would be, with check/diff)
    unchanged: list[str] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)  # files left alone, and why
    errors: list[str] = field(default_factory=list)  # internal errors and write failures
    missing: list[str] = field(default_factory=list)


def format_paths(paths: tuple[str, ...], *, settings_for: Any, exclude: tuple[str, ...] = (),
                 force_exclude: bool = False, write: bool = True, diff: TextIO | None = None,
                 schema_comment: bool | None = None) -> FormatReport:
    """Format every review under `paths`. Files that do not load are never written;
    files whose bytes would not change are not touched."""
    from reviewlint.document import Document, load_bytes
    from reviewlint.engine import discover_with_config, read_file
    from reviewlint.fixing import unified_diff
    from reviewlint.formatting import FormatRefused, VerifyFailed, format_document, write_atomic

    report = FormatReport()
    found = discover_with_config(paths, settings_for, exclude=exclude, force_exclude=force_exclude)
    report.missing = list(found.missing)
    for path in found.files:
        settings = settings_for(path)
        raw = read_file(path, settings)
        document = raw if isinstance(raw, Document) else load_bytes(raw, path, max_bytes=settings.max_file_size)
        wanted = settings.schema_comment if schema_comment is None else schema_comment
        try:
            text = format_document(document, schema_comment=wanted).text
        except FormatRefused as refused:
            report.refused.append(refused.diagnostic)
            continue
        except VerifyFailed as error:
            report.errors.append(f"{path}: internal error: {error}; the file was left unchanged (please report this)")
            continue
        new_bytes = text.encode("utf-8")
        if not isinstance(raw, bytes) or new_bytes == raw:
            report.unchanged.append(path)
            continue
        report.changed.append(path)
        if diff is not None:
            diff.write(unified_diff(path, document.text, text))
        if write:
            try:
                write_atomic(path, new_bytes)
            except OSError as error:
                report.changed.remove(path)
                report.errors.append(f"{path}: cannot write: {error.strerror or error}; the file was left unchanged")
    return report


def format_stdin(settings_for: Any, stdin_filename: str | None, *, check: bool, diff: bool,
                 schema_comment: bool | None) -> int:
    """`format -`: the review on standard input, formatted, on standard output (for an
    editor's format-on-save). Nothing is printed to standard output when the text cannot
    be formatted, so an editor keeps its buffer; the exit code says why."""

    from reviewlint.document import load_stream
    from reviewlint.fixing import unified_diff
    from reviewlint.formatting import FormatRefused, VerifyFailed, format_document

    name, settings = stdin_settings(settings_for, stdin_filename)
    raw, document = load_stream(sys.stdin.buffer, name, max_bytes=settings.max_file_size)
    wanted = settings.schema_comment if schema_comment is None else schema_comment
    try:
        text = format_document(document, schema_comment=wanted).text
    except FormatRefused as refused:
        click.echo(f"reviewlint: error: {refused.diagnostic.concise()}", err=True)
        return EXIT_ERROR
    except VerifyFailed as error:
        click.echo(f"reviewlint: error: {name}: internal error: {error} (please report this)", err=True)
        return EXIT_ERROR
    changed = text.encode("utf-8") != raw
    if diff:
        sys.stdout.write(unified_diff(name, document.text, text))
    elif check:
        if changed:
            click.echo(f"Would reformat: {name}")
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if (check or diff) and changed else EXIT_CLEAN


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


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
@click.option("--max-file-size", type=click.IntRange(min=1), help="Largest file to read, in bytes.")
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
    from reviewlint.engine import SettingsLookup

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
    if report.refused or report.errors or report.missing:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if (check or diff) and report.changed else EXIT_CLEAN)


__all__ = ["FormatReport", "format_command", "format_paths", "format_stdin"]
