"""The rule registry. (Rules arrive with the rule-system work; for now, none.)"""

from __future__ import annotations

from typing import Any

from reviewlint.config import ConfigError, Settings
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document


def validate_selectors(selectors: tuple[str, ...], where: str) -> None:
    for selector in selectors:
        if not selector.strip():
            raise ConfigError(f"{where}: empty rule selector")


def validate_rule_options(table: dict[str, Any], source: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    return tuple((str(name), tuple(sorted(dict(options).items()))) for name, options in table.items())


def run_rules(document: Document, settings: Settings) -> tuple[list[Diagnostic], bool]:
    """(diagnostics, whether a rule failed internally)."""
    return [], False
