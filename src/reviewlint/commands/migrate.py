"""`reviewlint migrate`: convert legacy reviews into canonical YAML, losing nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click

from reviewlint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from reviewlint.commands import INPUT_PATH

# Below this many files a progress bar is more noise than help.
PROGRESS_MIN_FILES = 20


def fail(message: str) -> None:
    click.echo(f"reviewlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command("migrate")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--output", "-o", "output_dir", type=click.Path(file_okay=False, path_type=str),
              help="Folder to write one YAML review per converted review into (created if missing).")
@click.option("--in-place", is_flag=True, help="Upgrade YAML reviews on an older schema_version in place.")
@click.option("--dry-run", is_flag=True, help="Convert and report, but write nothing.")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option("--author", metavar="NAME", help="Author of reviews whose source names none (e.g. Letterboxd).")
@click.option("--language", metavar="TAG", help="The reviews' language, a BCP 47 tag such as en or en-GB.")
@click.option("--assume-no-warnings", is_flag=True,
              help="Write `content_warnings: []` (checked, none) for reviews whose source states no warnings.")
@click.option("--include-unreviewed", is_flag=True,
              help="Letterboxd: also write a review for each rated film without review text.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also show where each value came from (line and form), what was not placed and why, and how "
                   "values were read.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="The report's format: text for people, json (the whole batch, one document) for scripts.")
def migrate_command(paths: tuple[str, ...], output_dir: str | None, in_place: bool, dry_run: bool, force: bool,
                    author: str | None, language: str | None, assume_no_warnings: bool, include_unreviewed: bool,
                    verbose: bool, output_format: str) -> None:
    """Convert legacy reviews into canonical YAML reviews.

    PATHS are files or folders. Folders are searched for blog posts (.txt, .md with
    YAML, TOML or JSON front matter, saved .html pages), WordPress and Blogger exports
    (.xml, .atom: one review per published post), Letterboxd export CSV files and YAML
    reviews on an older schema version. Without -o, a single input file holding one
    review is printed to standard output; with --dry-run, -o is optional and nothing is
    printed or written. The output folder may not lie inside an input folder.

    Every line of every input is accounted for: mapped to a field, kept verbatim under
    `notes`, or dropped as known boilerplate (listed under `source.dropped`); the report
    lists what could not be placed. Exit codes: 0 all converted (notes allowed, and
    outputs that already existed are left alone without --force), 1 a file failed,
    2 usage error.
    """
    import re

    from reviewlint.migrate.batch import BatchSettings, discover, run
    from reviewlint.migrate.options import MigrateOptions
    from reviewlint.migrate.report import print_report
    from reviewlint.migrate.result import Status

    if not paths:
        fail("name the legacy files or folders to migrate (for example: reviewlint migrate old/ -o reviews/)")
    if in_place and output_dir:
        fail("--in-place and --output exclude each other: upgrade in place, or write copies to a folder")
    if language is not None and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", language):
        fail(f"--language {language!r} is not a BCP 47 tag such as 'en' or 'en-GB'")
    if author is not None and not 1 <= len(author.strip()) <= 100:
        fail("--author must be 1 to 100 characters")
    output = Path(output_dir) if output_dir else None
    if output is not None and output.exists() and not output.is_dir():
        fail(f"--output {output_dir} exists and is not a folder")
    if output is not None:
        inside = next((name for name in paths if Path(name).is_dir() and _contains(name, output_dir or "")), None)
        if inside is not None:
            fail(f"--output {output_dir} is inside the input folder {inside}: its reviews would be read as input "
                 "on the next run (and are skipped on this one); write to a folder outside the input")
    files, missing = discover(list(paths), exclude=output)
    # Without -o one review is printed; a dry run writes nothing, so it needs no folder.
    to_stdout = output is None and not in_place and not dry_run
    if to_stdout and missing:
        fail(f"{missing[0]}: no such file or folder")
    if to_stdout and (len(files) != 1 or any(Path(p).is_dir() for p in paths)):
        fail("several inputs need a folder to write to: add -o FOLDER (or name a single file to print it)")
    options = MigrateOptions(author=author.strip() if author else None, language=language,
                             assume_no_warnings=assume_no_warnings, include_unreviewed=include_unreviewed)
    settings = BatchSettings(output_dir=output, in_place=in_place, dry_run=dry_run, force=force, options=options)
    stream: TextIO = sys.stderr if to_stdout else sys.stdout
    if _show_progress(len(files)):
        with click.progressbar(length=len(files), label="Migrating", file=sys.stderr) as bar:
            report = run(files, settings, progress=lambda _: bar.update(1))
    else:
        report = run(files, settings)
    report.missing = missing
    if to_stdout:
        reviews = sum(1 for outcome in report.outcomes if outcome.status is not Status.SKIPPED)
        if reviews > 1:  # several YAML documents on stdout would not be one review file
            fail(f"{files[0].path} holds {reviews} reviews: add -o FOLDER")
        texts = [outcome.text for outcome in report.outcomes if outcome.text is not None]
        click.echo("---\n".join(texts), nl=False)
    if output_format == "json":
        from reviewlint.migrate.jsonreport import write_json

        write_json(report, settings, stream)
    else:
        print_report(report, settings, stream, verbose=verbose, summary=not to_stdout or len(report.outcomes) > 1)
    sys.exit(EXIT_FINDINGS if report.failed else EXIT_CLEAN)


def _contains(folder: str, path: str) -> bool:
    """Whether `path` is `folder` or lies below it (links resolved, the path need not exist)."""
    import os

    outer, inner = os.path.realpath(folder), os.path.realpath(path)
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def _show_progress(files: int) -> bool:
    """A bar only for a person watching a long batch: never into a pipe, a file or a CI log."""
    import os

    if files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return False
    return not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
