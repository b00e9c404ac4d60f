"""reviewlint Diagnostics as LSP diagnostics."""

from __future__ import annotations

from lsprotocol import types

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.server.positions import LineIndex
from reviewlint.server.ruledocs import RuleLinks

SOURCE = "reviewlint"
# The kind of the "fix all" code action (a sub-kind of source.fixAll, as ruff's).
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.reviewlint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def to_lsp(diagnostic: Diagnostic, index: LineIndex, links: RuleLinks) -> types.Diagnostic:
    link = links.link(diagnostic.code, diagnostic.rule) if diagnostic.rule else None
    return types.Diagnostic(
        range=index.range_of(diagnostic),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data={"rule": diagnostic.rule, "fix": diagnostic.fix.safety.value if diagnostic.fix else None},
    )


def overlaps(first: types.Range, second: types.Range) -> bool:
    """Whether two ranges share a position (touching counts: a cursor at a range's end)."""
    start = max((first.start.line, first.start.character), (second.start.line, second.start.character))
    end = min((first.end.line, first.end.character), (second.end.line, second.end.character))
    return start <= end
