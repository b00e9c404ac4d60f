"""Reporters: one small module per output format, each a function over a CheckResult.

Reporters never re-parse files and never decide exit codes; they only render.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from reviewlint.registry import LazyRegistry

if TYPE_CHECKING:
    from reviewlint.results import CheckResult


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    unsafe_fixes: bool = False  # --unsafe-fixes was given: unsafe fixes count as fixable, no hint to add it
    quiet: bool = False  # -q: only the summary (and the fix footer), no findings


Renderer = Callable[["CheckResult", TextIO, ReportOptions], None]

# name -> the module's `render` function; imported only when chosen (start-up time).
FORMATS = LazyRegistry("output format", {
    "text": "reviewlint.report.text:render",
    "concise": "reviewlint.report.concise:render",
    "json": "reviewlint.report.json_format:render",
    "github": "reviewlint.report.github:render",
    "sarif": "reviewlint.report.sarif:render",
    "junit": "reviewlint.report.junit:render",
    "gitlab": "reviewlint.report.gitlab:render",
    "rdjson": "reviewlint.report.rdjson:render",
    "checkstyle": "reviewlint.report.checkstyle:render",
})


def available() -> list[str]:
    """Formats whose module is installed (all of them, once the package is complete)."""
    return FORMATS.installed()


def renderer(name: str) -> Renderer:
    render: Renderer = FORMATS.load(name)
    return render
