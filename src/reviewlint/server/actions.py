"""Code actions: each finding's fix, "fix all safe", and "suppress on this line".

Fixes are edits on the data tree (as `check --fix` applies them), written through the
canonical formatter; the editor receives the smallest line-wise edits from the buffer
to the result, never the whole text when a few lines changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from reviewlint.diagnostics import Diagnostic, FixSafety
from reviewlint.document import Document, Node, iter_nodes
from reviewlint.server.analysis import Analysis
from reviewlint.server.convert import FIX_ALL_KIND
from reviewlint.server.edits import text_edits
from reviewlint.server.positions import LineIndex

REASON_PLACEHOLDER = "<reason>"
# Codes no comment can hide: the file did not load or could not be checked, or the
# finding is about suppressions themselves.
UNSUPPRESSIBLE_PREFIXES = ("RL0", "RL8", "RL999")
_LINE_DIRECTIVE = re.compile(r"(#[ \t]*reviewlint[ \t]*:[ \t]*disable[ \t]*=[ \t]*)([^\r\n]*?)([ \t]*(?:--.*)?)$")


@dataclass(frozen=True, slots=True)
class Target:
    uri: str
    version: int | None
    index: LineIndex


def _workspace_edit(target: Target, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=target.version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))])


def fixed_text(analysis: Analysis, diagnostic: Diagnostic) -> str | None:
    """The buffer with this one finding's fix applied, or None when it cannot be."""
    from reviewlint.formatting import EditError, FormatRefused, VerifyFailed, format_document

    if analysis.document is None or diagnostic.fix is None or not diagnostic.fix.edits:
        return None
    try:
        return format_document(analysis.document, edits=diagnostic.fix.edits,
                               schema_comment=analysis.settings.schema_comment).text
    except (EditError, FormatRefused, VerifyFailed):
        return None


def fix_all_text(analysis: Analysis) -> str | None:
    """The buffer with every safe fix applied (as `check --fix`), or None (computed once
    per analysed version)."""
    if analysis.fixed_all is None:
        analysis.fixed_all = _fix_all(analysis) or ""
    return analysis.fixed_all or None


def _fix_all(analysis: Analysis) -> str | None:
    from reviewlint.fixing import applicable, fix_document
    from reviewlint.formatting import FormatRefused, VerifyFailed

    if analysis.document is None:
        return None
    fixes = applicable(analysis.diagnostics, unsafe=False)
    if not fixes:
        return None
    try:
        return fix_document(analysis.document, fixes, analysis.settings, unsafe=False).text
    except (FormatRefused, VerifyFailed):
        return None


def is_canonical(analysis: Analysis) -> bool:
    """Whether the buffer is already in the canonical layout (a fix then changes only what
    it fixes; otherwise it formats the document too, as `check --fix` does)."""
    from reviewlint.formatting import EditError, FormatRefused, VerifyFailed, format_document

    if analysis.canonical is None:
        try:
            analysis.canonical = analysis.document is not None and format_document(
                analysis.document, schema_comment=analysis.settings.schema_comment).text == analysis.text
        except (EditError, FormatRefused, VerifyFailed):
            analysis.canonical = False
    return analysis.canonical


def fix_actions(analysis: Analysis, target: Target, diagnostic: Diagnostic,
                lsp_diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    fix = diagnostic.fix
    if fix is None or fix.safety is FixSafety.NONE:
        return []
    new_text = fixed_text(analysis, diagnostic)
    if new_text is None or new_text == analysis.text:
        return []
    safe = fix.safety is FixSafety.SAFE
    title = f"Fix {diagnostic.code}: {fix.description}" + ("" if safe else " (unsafe: check the result)")
    if not is_canonical(analysis):
        title += " (and format the document)"
    return [types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diagnostic],
                             is_preferred=safe or None,
                             edit=_workspace_edit(target, text_edits(analysis.text, new_text, target.index)))]


def fix_all_action(analysis: Analysis, target: Target, kind: str = FIX_ALL_KIND) -> types.CodeAction | None:
    new_text = fix_all_text(analysis)
    if new_text is None or new_text == analysis.text:
        return None
    return types.CodeAction(title="Fix all safely fixable reviewlint findings", kind=kind,
                            edit=_workspace_edit(target, text_edits(analysis.text, new_text, target.index)))


def _multiline_scalar_entry(document: Document | None, line: int) -> int | None:
    """0-based line of the entry (key or list item) whose multi-line scalar runs through the
    end of 0-based `line`, where a trailing comment would be text; None when there is none."""
    if document is None or document.root is None:
        return None
    for node in iter_nodes(document.root):
        children: list[tuple[int, Node]] = []
        if node.kind == "map":
            children = [(key.line, value) for key, value in node.value]
        elif node.kind == "seq":
            children = [(item.line, item) for item in node.value]
        for start, child in children:
            if child.kind != "scalar":
                continue
            first = child.line + (1 if child.style in ("|", ">") else 0)
            if first <= line < child.end_line:
                return start
    return None


def suppress_action(analysis: Analysis, target: Target, diagnostic: Diagnostic,
                    lsp_diagnostic: types.Diagnostic) -> types.CodeAction | None:
    """`# reviewlint: disable=CODE -- <reason>` at the end of the finding's line (or added
    to the directive already there); above the entry when the line ends inside a
    multi-line text, where a `#` would be part of the text."""
    if diagnostic.code.startswith(UNSUPPRESSIBLE_PREFIXES) or analysis.document is None \
            or not analysis.document.loaded:
        return None
    row = lsp_diagnostic.range.start.line
    lines = target.index.lines
    if row >= len(lines):
        return None
    code = diagnostic.code
    text = lines[row]
    entry_line = _multiline_scalar_entry(analysis.document, row)
    existing = _LINE_DIRECTIVE.search(text) if entry_line is None else None
    if existing is not None:
        codes = existing.group(2).strip()
        start = target.index.to_client(row + 1, existing.start(2) + 1)
        end = target.index.to_client(row + 1, existing.end(2) + 1)
        edit = types.TextEdit(range=types.Range(start=start, end=end), new_text=f"{codes},{code}")
        title = f"Suppress {code} on this line (add it to the comment)"
    elif entry_line is None:
        position = target.index.to_client(row + 1, len(text) + 1)
        trimmed = len(text.rstrip(" \t"))
        start = target.index.to_client(row + 1, trimmed + 1)
        edit = types.TextEdit(range=types.Range(start=start, end=position),
                              new_text=f"  # reviewlint: disable={code} -- {REASON_PLACEHOLDER}")
        title = f"Suppress {code} on this line"
    else:
        head = lines[entry_line]
        indent = head[:len(head) - len(head.lstrip(" "))]
        position = types.Position(line=entry_line, character=0)
        ending = "\r\n" if analysis.text.find("\r\n") >= 0 else "\n"
        edit = types.TextEdit(range=types.Range(start=position, end=position),
                              new_text=f"{indent}# reviewlint: disable={code} -- {REASON_PLACEHOLDER}{ending}")
        title = f"Suppress {code} for this entry (the line is inside a multi-line text)"
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diagnostic],
                            edit=_workspace_edit(target, [edit]))


def formatted_text(analysis: Analysis) -> str:
    """The buffer in the canonical layout (raises FormatRefused or VerifyFailed)."""
    from reviewlint.formatting import format_document

    assert analysis.document is not None
    return format_document(analysis.document, schema_comment=analysis.settings.schema_comment).text


def actions_for(analysis: Analysis, target: Target, at_cursor: list[tuple[Diagnostic, types.Diagnostic]],
                only: list[str]) -> list[types.CodeAction]:
    """The code actions for the findings under the cursor, and fix-all, as `only` allows."""

    def allowed(kind: str) -> bool:
        return not only or any(kind == want or kind.startswith(want + ".") for want in only)

    found: list[types.CodeAction] = []
    if allowed(types.CodeActionKind.QuickFix.value):
        for diagnostic, lsp in at_cursor:
            found.extend(fix_actions(analysis, target, diagnostic, lsp))
            suppress = suppress_action(analysis, target, diagnostic, lsp)
            if suppress is not None:
                found.append(suppress)
    if allowed(FIX_ALL_KIND):
        fix_all = fix_all_action(analysis, target)
        if fix_all is not None:
            found.append(fix_all)
    return found
