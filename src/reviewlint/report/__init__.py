"""Reporters: one small module per output format, each a function over a CheckResult.

Reporters never re-parse files and never decide exit codes; they only render.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from reviewlint.engine import CheckResult


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    unsafe_fixes: bool = False  # --unsafe-fixes was given: unsafe fixes count as fixable, no hint to add it
    quiet: bool = False  # -q: only the summary (and the fix footer), no findings


Renderer = Callable[["CheckResult", TextIO, ReportOptions], None]

# name -> module holding a `render` function; imported only when chosen (start-up time).
FORMATS: dict[str, str] = {
    "text": "reviewlint.report.text",
    "concise": "reviewlint.report.concise",
    "json": "reviewlint.report.json_format",
    "github": "reviewlint.report.github",
    "sarif": "reviewlint.report.sarif",
    "junit": "reviewlint.report.junit",
    "gitlab": "reviewlint.report.gitlab",
    "rdjson": "reviewlint.report.rdjson",
    "checkstyle": "reviewlint.report.checkstyle",
}


def available() -> list[str]:
    """Formats whose module is installed (all of them, once the package is complete)."""
    from importlib.util import find_spec

    return [name for name, module in FORMATS.items() if find_spec(module) is not None]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render
