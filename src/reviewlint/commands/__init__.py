"""One module per CLI subcommand, each exposing `<name>_command`."""

from __future__ import annotations

import os
from typing import Any

import click


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


def stdin_settings(lookup: Any, stdin_filename: str | None) -> tuple[str, Any]:
    """The name standard input is reported under, and the settings of the config that
    governs it (that of --stdin-filename, else of the working folder)."""
    name = stdin_filename or "-"
    return name, lookup(os.path.abspath(name) if stdin_filename else os.path.join(os.getcwd(), "_"))
