"""One registry shape for every pluggable output (report formats, export formats):
a name maps to `module:attribute`, imported only when that name is used, so a run
pays only for the output it asked for."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any


class LazyRegistry(Mapping[str, str]):
    """name -> "package.module:attribute"; `load(name)` imports and returns the attribute."""

    def __init__(self, kind: str, entries: dict[str, str]) -> None:
        self.kind = kind
        self._entries = dict(entries)

    def __getitem__(self, name: str) -> str:
        return self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def module_of(self, name: str) -> str:
        return self._entries[name].partition(":")[0]

    def installed(self) -> list[str]:
        """The names whose module can be imported (all of them, once the package is complete)."""
        from importlib.util import find_spec

        return [name for name in self._entries if find_spec(self.module_of(name)) is not None]

    def load(self, name: str) -> Any:
        if name not in self._entries:
            raise KeyError(f"unknown {self.kind} {name!r}; known: {', '.join(self._entries)}")
        module, _, attribute = self._entries[name].partition(":")
        return getattr(importlib.import_module(module), attribute)
