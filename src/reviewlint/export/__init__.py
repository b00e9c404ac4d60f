"""Publishing: reviews as schema.org JSON-LD (`jsonld`) or as a Markdown page (`markdown`).

Only a review that loads and passes the schema is exported: an exporter works on
trustworthy data and never guesses around a broken file. Style findings (the rules) do
not block an export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.registry import LazyRegistry

if TYPE_CHECKING:
    from reviewlint.settings import Settings

# The same registry shape as the report formats: name -> the module's converter.
FORMATS = LazyRegistry("export format", {
    "jsonld": "reviewlint.export.jsonld:to_jsonld",
    "markdown": "reviewlint.export.markdown:to_markdown",
})


@dataclass(slots=True)
class Loaded:
    path: str
    data: dict[str, Any] | None
    problems: list[Diagnostic] = field(default_factory=list)  # errors that block the export


def load_review(path: str, settings: Settings | None = None) -> Loaded:
    """Read, parse and schema-check one file."""
    from reviewlint import schema
    from reviewlint.lint import load_file
    from reviewlint.settings import default_settings

    document = load_file(path, settings or default_settings())
    problems = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    if document.loaded and not problems:
        problems = [d for d in schema.check_schema(document) if d.severity is Severity.ERROR]
    data = document.data if document.loaded and not problems else None
    return Loaded(path=path, data=data, problems=problems)


def exporter(name: str) -> Callable[[dict[str, Any]], Any]:
    """The function that turns a review's data into the format's value."""
    convert: Callable[[dict[str, Any]], Any] = FORMATS.load(name)
    return convert


__all__ = ["FORMATS", "Loaded", "exporter", "load_review"]
