"""One module per CLI subcommand, each exposing `<name>_command`."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from reviewlint.api import EXIT_ERROR, stdin_settings


class InputPath(click.Path):
    """A file or folder to read, taken as given.

    click's Path stats every value and fails the whole run on one it cannot read; the
    commands report missing and unreadable paths themselves, one diagnostic each, and go on
    with the rest. It also saves two system calls per path when a hook names 10,000 files.
    Subclassing Path keeps the shell's file-name completion."""

    def __init__(self) -> None:
        super().__init__(path_type=str)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return os.fsdecode(value) if isinstance(value, bytes) else os.fspath(value)


INPUT_PATH = InputPath()


def refuse_mixed_stdin(paths: tuple[str, ...]) -> None:
    """`-` (standard input) is the only path or not one at all, checked before anything runs.

    ruff reads standard input only when `-` is the only path, and otherwise looks for a file
    named `-`; here `check - reviews/` checked the folder, then failed on `-`. A file that
    really is named `-` is still reachable as `./-`."""
    if "-" in paths and len(paths) > 1:
        click.echo("reviewlint: error: `-` (standard input) cannot be combined with other paths: give `-` alone, "
                   "or name a file called `-` as `./-`", err=True)
        sys.exit(EXIT_ERROR)


__all__ = ["INPUT_PATH", "InputPath", "refuse_mixed_stdin", "stdin_settings"]
