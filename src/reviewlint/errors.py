"""Errors that end a run before any file is checked (the CLI exits 2 with the message)."""

from __future__ import annotations


class ConfigError(Exception):
    """A problem in a config file or in CLI settings; the CLI exits 2 with this message."""
