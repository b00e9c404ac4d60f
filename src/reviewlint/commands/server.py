"""`reviewlint server`: the language server, for editors (LSP over standard input/output)."""

from __future__ import annotations

import sys

import click

from reviewlint.cli import EXIT_ERROR


@click.command("server")
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input and output (the default and only way; "
              "accepted because editors pass it).")
def server_command(stdio: bool) -> None:
    """Run the reviewlint language server over standard input and output.

    Diagnostics with every rule, quick fixes, "fix all", suppressions, formatting,
    hover and completion, with the config that governs each file.
    """
    try:
        from reviewlint.server.app import main
    except ModuleNotFoundError as error:  # pygls is a dependency, but an installation may lack it
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        click.echo(f"reviewlint: error: the language server needs pygls and lsprotocol ({error}); install them "
                   "with `pip install pygls`", err=True)
        sys.exit(EXIT_ERROR)
    main()
