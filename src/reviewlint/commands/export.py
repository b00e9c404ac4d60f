"""`reviewlint export`: reviews as schema.org JSON-LD or as Markdown pages."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from reviewlint.api import EXIT_ERROR, combined, export_paths, json_text
from reviewlint.commands import INPUT_PATH
from reviewlint.export import FORMATS

__all__ = ["combined", "export_command", "json_text"]

SUFFIXES = {"jsonld": ".jsonld", "markdown": ".md"}


def _write(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        click.echo(f"reviewlint: error: cannot write {path}: {error.strerror}", err=True)
        sys.exit(EXIT_ERROR)


def _targets(files: list[str], output_dir: str, output_format: str) -> dict[str, str]:
    """input -> output path in --output-dir; two inputs must not share an output."""
    targets: dict[str, str] = {}
    taken: dict[str, str] = {}
    for path in files:
        target = os.path.join(output_dir, Path(path).stem + SUFFIXES[output_format])
        if target in taken:
            raise click.UsageError(f"{taken[target]} and {path} would both be written to {target}; "
                                   "export them separately")
        taken[target] = path
        targets[path] = target
    return targets


@click.command("export")
@click.argument("paths", nargs=-1, required=True, type=INPUT_PATH)
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="jsonld", show_default=True,
              help="jsonld: schema.org Review of a Movie; markdown: a readable page.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, allow_dash=True, path_type=str),
              help="Write everything to this file (JSON-LD: always a JSON array, even of one review; "
                   "Markdown: pages one after another). Default: standard output.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=str),
              help="Write one file per review into this folder (NAME.jsonld or NAME.md).")
def export_command(paths: tuple[str, ...], output_format: str, output: str | None, output_dir: str | None) -> None:
    """Export reviews for publishing.

    PATHS are review files or folders. Spoiler sections and third-party ratings are never
    exported as JSON-LD; Markdown hides spoilers in <details> blocks. A file that fails to
    load or breaks the schema is skipped with its errors (exit 1).
    """
    from reviewlint.config import SettingsLookup

    if output and output_dir:
        raise click.UsageError("use --output or --output-dir, not both")
    report = export_paths(paths, settings_for=SettingsLookup(), output_format=output_format)
    for missing in report.missing:
        click.echo(f"reviewlint: error: {missing}: no such file or directory", err=True)
    if report.missing:
        sys.exit(EXIT_ERROR)
    if not report.files:
        click.echo("reviewlint: error: no YAML files (*.yaml, *.yml) found under the given paths", err=True)
        sys.exit(EXIT_ERROR)
    reviews = [item.path for item in report.files if not os.path.isdir(item.path)]  # not an unreadable folder
    targets = _targets(reviews, output_dir, output_format) if output_dir else {}
    for item in report.files:
        if item.value is None:
            for problem in item.problems:
                click.echo(f"reviewlint: error: {problem.concise()}", err=True)
            click.echo(f"reviewlint: error: {item.path}: not exported (fix the errors above first)", err=True)
            continue
        for warning in item.warnings:
            click.echo(f"reviewlint: warning: {warning}", err=True)
        if output_dir:
            os.makedirs(output_dir, exist_ok=True)
            _write(targets[item.path], json_text(item.value) if output_format == "jsonld" else item.value)
            click.echo(f"Wrote {targets[item.path]}", err=True)
    values = [item.value for item in report.exported]
    if values and not output_dir:
        text = combined(output_format, values)
        if output and output != "-":
            _write(output, text)
        else:
            click.echo(text, nl=False)
    sys.exit(report.exit_code())
