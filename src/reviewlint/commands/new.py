"""`reviewlint new`: a skeleton review that the schema accepts and the linter nags about.

The skeleton is valid (so an editor's schema validation is quiet from the first second),
and every field the author still has to write holds a `TODO: ...` placeholder, which the
placeholder rule reports until it is replaced. It is written in the canonical layout, so
`reviewlint format --check` passes on it as it is.
"""

from __future__ import annotations

import os
import re
import sys

import click

from reviewlint.cli import EXIT_ERROR
from reviewlint.errors import ConfigError
from reviewlint.skeleton import MAX_YEAR, MIN_YEAR, skeleton, skeleton_text, slug

__all__ = ["new_command", "skeleton", "skeleton_text", "slug"]


def _check_title(ctx: click.Context, param: click.Parameter, value: str) -> str:
    title = value.strip()
    if not title:
        raise click.BadParameter("the title is empty")
    if "\n" in title or "\r" in title:
        raise click.BadParameter("the title must be one line")
    if len(title) > 300:
        raise click.BadParameter(f"the title is {len(title)} characters long; the schema allows 300")
    return title


def _check_language(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
        raise click.BadParameter(f"{value!r} is not a BCP 47 language tag (en, en-GB, ko...)")
    return value


@click.command("new")
@click.argument("title", callback=_check_title)
@click.option("--year", required=True, type=click.IntRange(MIN_YEAR, MAX_YEAR), help="The film's release year.")
@click.option("--author", help="Your name, as the review's author [default: a placeholder].")
@click.option("--language", default="en", show_default=True, callback=_check_language,
              help="The review's language (BCP 47).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=str),
              help="Where to write it; '-' for standard output [default: TITLE-YEAR.yaml].")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--schema-comment/--no-schema-comment", default=True, show_default=True,
              help="Start the file with the `# yaml-language-server: $schema=` line editors read, when the "
                   "config names a schema copy (`schema-path`) or --schema-url is given.")
@click.option("--schema-url", metavar="URL",
              help="The schema the editor comment names, as given [default: the config's `schema-path` copy, "
                   "relative to the new file; none without one].")
def new_command(title: str, year: int, author: str | None, language: str, output: str | None, force: bool,
                schema_comment: bool, schema_url: str | None) -> None:
    """Write a skeleton review of the film TITLE to fill in.

    The file passes the schema; `reviewlint check` reports its TODO placeholders until
    they are replaced. That includes the content warnings: list them (slugs from
    `reviewlint vocab content-warnings`), or delete the `content_warnings_source` TODO
    line to declare that there are none.
    """
    path = output or slug(title, year) + ".yaml"
    # On standard output the text is for a file in the working folder (`new ... -o - > x.yaml`).
    where = os.path.join(os.getcwd(), slug(title, year) + ".yaml") if output == "-" else path
    try:
        text = skeleton_text(title, year, author=author, language=language, schema_comment=schema_comment,
                             schema_url=schema_url, path=where)
    except ConfigError as error:
        click.echo(f"reviewlint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        # As migrate -o and export --output-dir: a missing folder is made, not an error.
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        # "x" mode: the existence check and the creation are one step, so nothing is clobbered.
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        click.echo(f"reviewlint: error: {path} already exists (use --force to overwrite it)", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as error:
        click.echo(f"reviewlint: error: cannot write {path}: {error.strerror}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"Wrote {os.path.normpath(path)}", err=True)
