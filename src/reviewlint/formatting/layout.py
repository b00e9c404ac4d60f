"""Format one loaded document: build the layout tree, apply edits, sort keys, emit,
and prove that the new text loads back to the data the edits declare.

Checking alone never imports this module: it is the fix path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reviewlint.codes import NOT_FORMATTABLE, STAGE_CODES
from reviewlint.diagnostics import Diagnostic, Edit, Severity
from reviewlint.document import (
    LOAD_RULE_NAMES,
    NOT_A_MAPPING,
    Document,
    editor_positions,
    iter_nodes,
    load_text,
)
from reviewlint.document import Node as SourceNode
from reviewlint.formatting import keep, strict
from reviewlint.formatting.build import build, depth
from reviewlint.formatting.comments import scan
from reviewlint.formatting.edits import apply_to_data, apply_to_tree
from reviewlint.formatting.emit import emit
from reviewlint.formatting.keyorder import schema_version_for, sort_keys
from reviewlint.formatting.model import Collection, walk_comments
from reviewlint.formatting.scalars import WIDTH
from reviewlint.formatting.tokens import read_tokens
from reviewlint.formatting.verify import first_difference, same_data
from reviewlint.lines import line_col, line_starts

# The formatter's own refusal: nothing else stops it on a document that loaded.
NOT_FORMATTABLE_NAME = STAGE_CODES[NOT_FORMATTABLE].name  # RL014, declared in codes.py
MAX_DEPTH = 100
# A simple (one-line) key may not run past 1024 characters; the canonical layout has
# no other kind, so a longer key cannot be written.
MAX_KEY_LENGTH = 1024


class FormatRefused(Exception):
    """The document cannot be formatted safely; `diagnostic` says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class VerifyFailed(Exception):
    """The formatted text would not load back to the expected data (a bug of ours)."""


@dataclass(frozen=True, slots=True)
class Formatted:
    text: str
    # What the new text loads to: the input data with the edits applied.
    data: object


def refusal(document: Document) -> Diagnostic | None:
    """Why `document` must not be rewritten, or None when it may be."""
    for diagnostic in document.diagnostics:
        if diagnostic.code in LOAD_RULE_NAMES and diagnostic.severity is Severity.ERROR:
            reason = diagnostic.message
            if diagnostic.code == NOT_A_MAPPING:
                reason += " (only a review, a mapping, is formatted)"
            return replace(diagnostic, message=f"not formatted: {reason}", fix=None)
    if not document.loaded or document.root is None:
        return Diagnostic(code=NOT_FORMATTABLE, message="not formatted: the file did not load as a review",
                          path=document.path, line=1, col=1, rule=NOT_FORMATTABLE_NAME)
    longest = longest_key(document.root)
    if longest is not None:
        line, col, length = longest
        return Diagnostic(code=NOT_FORMATTABLE, message=f"not formatted: a key of {length} characters is longer than "
                          f"the {MAX_KEY_LENGTH} that YAML allows a key written on one line", path=document.path,
                          line=line + 1, col=col + 1, rule=NOT_FORMATTABLE_NAME)
    levels = depth(document.root)
    if levels > MAX_DEPTH:
        return Diagnostic(code=NOT_FORMATTABLE, message=f"not formatted: values are nested {levels} levels deep; "
                          f"the formatter handles at most {MAX_DEPTH}", path=document.path, line=1, col=1,
                          rule=NOT_FORMATTABLE_NAME)
    return None


def over_limit(path: str, new_bytes: bytes, limit: int) -> Diagnostic | None:
    """RL014 when the formatted text would be over the size limit that `check` reads
    (escapes and block indentation can make it longer than the original): written, the
    file could no longer be checked."""
    if len(new_bytes) <= limit:
        return None
    return Diagnostic(code=NOT_FORMATTABLE, message=f"not formatted: the formatted text would be {len(new_bytes)} "
                      f"bytes, over the limit of {limit} (max-file-size), and could no longer be checked",
                      path=path, line=1, col=1, rule=NOT_FORMATTABLE_NAME)


def longest_key(root: SourceNode) -> tuple[int, int, int] | None:
    """(line, col, length) of the first key too long to write, or None."""
    from reviewlint.formatting.scalars import inline

    for node in iter_nodes(root):
        if node.kind == "map":
            for key, _value in node.value:
                if len(key.text) > MAX_KEY_LENGTH // 2 and len(inline(key.text)) + 2 > MAX_KEY_LENGTH:
                    return key.line, key.col, len(key.text)
    return None


def format_document(document: Document, *, edits: Sequence[Edit] = (), schema_comment: bool = False,
                    width: int = WIDTH) -> Formatted:
    """The canonical text of `document` with `edits` applied.

    Raises FormatRefused when the document must not be rewritten, EditError when an
    edit does not fit the document, VerifyFailed when the result would not load back
    to the expected data.
    """
    refused = refusal(document)
    if refused is not None:
        raise FormatRefused(editor_positions(document.text, [refused])[0])
    text = document.text[1:] if document.text.startswith("\ufeff") else document.text
    raw = keep.raw_break(text)
    if raw is not None:
        offset, reason = raw
        line, col = line_col(line_starts(text), offset)
        raise _refused(document, text, line - 1, col - 1, reason)
    tokens = read_tokens(text)
    scanned = scan(text, tokens)
    problem = strict.problem(text, tokens, scanned) or keep.directive(text, tokens)
    if problem is None and document.root is not None:
        problem = keep.non_text_key(document.root)
    if problem is not None:
        raise _refused(document, text, *problem)
    expected = apply_to_data(document.data, edits) if edits else document.data
    built = build(document, text, scanned)
    apply_to_tree(built.root, edits)
    kept = sorted([*walk_comments(built.root), *([built.schema_comment] if built.schema_comment else [])])
    if kept != sorted(comment.text for comment in scanned.comments):
        raise VerifyFailed("a comment would be lost")  # a bug of ours: never write then
    version = schema_version_for(expected)
    if isinstance(built.root.value, Collection):
        sort_keys(built.root.value, version)
    first_line = built.schema_comment
    if schema_comment:
        from reviewlint.formatting.schemacomment import schema_comment_line

        first_line = schema_comment_line(version, document.path) or first_line
    output = emit(built.root, first_line=first_line, width=width)
    reloaded = load_text(output, document.path)
    if not same_data(reloaded.data, expected):
        where = first_difference(reloaded.data, expected)
        shown = "/".join(str(step) for step in where) if where else "(root)"
        problems = "; ".join(d.message for d in reloaded.diagnostics if d.severity is Severity.ERROR)
        raise VerifyFailed(f"the formatted text would not load back to the same data (first difference at {shown})"
                           + (f": {problems}" if problems else ""))
    return Formatted(output, expected)


def _refused(document: Document, text: str, line: int, col: int, reason: str) -> FormatRefused:
    """RL014 at a 0-based libyaml position of `text`, reported at the editor's line."""
    found = Diagnostic(code=NOT_FORMATTABLE, message=f"not formatted: {reason}", path=document.path,
                       line=line + 1, col=col + 1, rule=NOT_FORMATTABLE_NAME)
    return FormatRefused(editor_positions(text, [found])[0])


def format_text(text: str, path: str = "<string>", *, edits: Sequence[Edit] = (), schema_comment: bool = False,
                width: int = WIDTH) -> str:
    """Python API: `text` in the canonical layout (see format_document for errors)."""
    return format_document(load_text(text, path), edits=edits, schema_comment=schema_comment, width=width).text
