"""The `reviewlint` command: a thin click layer over the package's API.

Each subcommand lives in its own module under `reviewlint.commands` and is imported
only when it runs, so `reviewlint check one.yaml` in a pre-commit hook does not pay
for the formatter, the migrators or the report formats it does not use.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from typing import Any

import click

from reviewlint._version import __version__

# Exit codes, as ruff: 0 clean, 1 findings, 2 usage, config or internal error (api.py).
from reviewlint.api import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

__all__ = ["COMMANDS", "EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "cli", "main"]

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("reviewlint.commands.check", "Validate and lint reviews; optionally fix them."),
    "format": ("reviewlint.commands.format", "Rewrite reviews into the canonical layout."),
    "migrate": ("reviewlint.commands.migrate", "Convert legacy reviews into canonical YAML."),
    "rules": ("reviewlint.commands.rules", "List every rule."),
    "rule": ("reviewlint.commands.rules", "Explain one rule."),
    "schema": ("reviewlint.commands.schema", "Print the film-review JSON Schema."),
    "vocab": ("reviewlint.commands.vocab", "List a controlled vocabulary."),
    "new": ("reviewlint.commands.new", "Write a skeleton review to fill in."),
    "export": ("reviewlint.commands.export", "Export reviews as schema.org JSON-LD or Markdown."),
    "server": ("reviewlint.commands.server", "Run the language server for editors (LSP over stdio)."),
    "init": ("reviewlint.commands.init", "Set up a repository: config, schema copy, editor settings."),
}


def _lower_first(message: str) -> str:
    """click's "No such option ..." as the project writes messages: "no such option ..."
    (a code or a name at the start, "RL601" or "NAME", keeps its case)."""
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        return message[0].lower() + message[1:]
    return message


class ProjectStyleError(click.UsageError):
    """A click error printed in the project's one style: click's usage line and hint, then
    `reviewlint: error: ...` (not click's `Error: ...`), exit 2 as every usage error."""

    exit_code = EXIT_ERROR

    def __init__(self, error: click.ClickException) -> None:
        super().__init__(error.format_message(), getattr(error, "ctx", None))

    def show(self, file: Any = None) -> None:
        stream = file if file is not None else sys.stderr
        color = self.ctx.color if self.ctx is not None else None
        if self.ctx is not None:  # as click: the usage line, then how to get help
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"Try '{self.ctx.command_path} {max(self.ctx.help_option_names, key=len)}' for help.\n"
            click.echo(f"{self.ctx.get_usage()}\n{hint}", file=stream, color=color)
        click.echo(f"reviewlint: error: {_lower_first(self.message)}", file=stream, color=color)


# `reviewlint` alone prints the help (click >= 8.2 raises it as an error): the help is the answer.
_KEPT_AS_IS: tuple[type[click.ClickException], ...] = (ProjectStyleError, *(
    getattr(click.exceptions, name) for name in ("NoArgsIsHelpError",) if hasattr(click.exceptions, name)))


def _restyled(error: click.ClickException) -> click.ClickException:
    if isinstance(error, _KEPT_AS_IS):
        return error
    return ProjectStyleError(error)


class LazyGroup(click.Group):
    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:  # the group's own options: `reviewlint --bogus`
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as error:
            raise _restyled(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:  # an unknown command, and every subcommand's parsing and usage errors
            return super().invoke(ctx)
        except click.ClickException as error:
            raise _restyled(error) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if importlib.util.find_spec(COMMANDS[name][0]) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name = COMMANDS[cmd_name][0]
        if importlib.util.find_spec(module_name) is None:
            return None
        module = importlib.import_module(module_name)
        command: click.Command = getattr(module, cmd_name.replace("-", "_") + "_command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="reviewlint")
def cli() -> None:
    """reviewlint: schema validation, linting, formatting and migration for film reviews in YAML.

    Start with `reviewlint check PATH...`. Exit codes: 0 clean, 1 findings,
    2 usage, config or internal error.
    """


def _escape_undecodable(stream: Any) -> None:
    """A file name that is not UTF-8 reaches reports as surrogate escapes: write them as
    `\\udcff`, which is valid text (and a valid JSON escape), never as raw bytes or a crash."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> Any:
    _escape_undecodable(sys.stdout)
    _escape_undecodable(sys.stderr)
    try:
        return cli.main(args=argv, prog_name="reviewlint")
    except KeyboardInterrupt:
        click.echo("reviewlint: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a bare traceback
        if os.environ.get("REVIEWLINT_DEBUG"):
            raise
        click.echo(f"reviewlint: internal error: {type(error).__name__}: {error} "
                   "(set REVIEWLINT_DEBUG=1 for a traceback, and please report it)", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
