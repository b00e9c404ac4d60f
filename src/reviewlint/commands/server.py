"""`reviewlint server`: the language server, for editors (LSP over standard input/output)."""

from __future__ import annotations

import click


@click.command("server")
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input and output (the default and only way; "
              "accepted because editors pass it).")
def server_command(stdio: bool) -> None:
    """Run the reviewlint language server over standard input and output.

    Diagnostics with every rule, quick fixes, "fix all", suppressions, formatting,
    hover and completion, with the config that governs each file.
    """
    from reviewlint.server import main

    main()
