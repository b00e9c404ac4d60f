"""`reviewlint export`: reviews as schema.org JSON-LD or as Markdown pages."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from reviewlint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from reviewlint.commands import INPUT_PATH
from reviewlint.export import FORMATS

SUFFIXES = {"jsonld": ".jsonld", "markdown": ".md"}


def json_text(value: Any) -> str:
    # "</" written as "<\/" (the same JSON string): the output is meant to be pasted into
    # a <script type="application/ld+json"> element, which "</script>" in a review would end.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("</", "<\\/") + "\n"


def combined(output_format: str, values: list[Any]) -> str:
    """What one output (stdout or --output) holds: a JSON array of every review's document,
    even of one (a script reads one shape; a page's ld+json script takes an array too), or
    Markdown pages separated by a rule. --output-dir writes one object per file."""
    if output_format == "jsonld":
        return json_text(values)
    return "\n---\n\n".join(values)


def warn(message: str) -> None:
    click.echo(f"reviewlint: warning: {message}", err=True)


def _snippet_warnings(path: str, document: dict[str, Any]) -> None:
    from reviewlint.export.jsonld import missing_properties

    required, recommended = missing_properties(document)
    if required:
        warn(f"{path}: the JSON-LD has no {', '.join(required)}, which Google requires for a review snippet")
    if recommended:
        warn(f"{path}: the JSON-LD has no {', '.join(recommended)}, which Google recommends for a review snippet")


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
    from reviewlint.engine import SettingsLookup, discover_with_config
    from reviewlint.export import exporter, load_review

    if output and output_dir:
        raise click.UsageError("use --output or --output-dir, not both")
    lookup = SettingsLookup()
    found = discover_with_config(paths, lookup)
    for missing in found.missing:
        click.echo(f"reviewlint: error: {missing}: no such file or directory", err=True)
    if found.missing:
        sys.exit(EXIT_ERROR)
    if not found.files:
        click.echo("reviewlint: error: no YAML files (*.yaml, *.yml) found under the given paths", err=True)
        sys.exit(EXIT_ERROR)
    targets = _targets(found.files, output_dir, output_format) if output_dir else {}

    convert = exporter(output_format)
    exported: list[Any] = []
    skipped = 0
    for path in found.files:
        loaded = load_review(path, lookup(path))
        if loaded.data is None:
            skipped += 1
            for problem in loaded.problems:
                click.echo(f"reviewlint: error: {problem.concise()}", err=True)
            click.echo(f"reviewlint: error: {path}: not exported (fix the errors above first)", err=True)
            continue
        value = convert(loaded.data)
        if output_format == "jsonld":
            _snippet_warnings(path, value)
        if output_dir:
            os.makedirs(output_dir, exist_ok=True)
            _write(targets[path], json_text(value) if output_format == "jsonld" else value)
            click.echo(f"Wrote {targets[path]}", err=True)
        else:
            exported.append(value)

    if exported:
        text = combined(output_format, exported)
        if output and output != "-":
            _write(output, text)
        else:
            click.echo(text, nl=False)
    sys.exit(EXIT_FINDINGS if skipped else EXIT_CLEAN)
