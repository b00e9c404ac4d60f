"""`check --fix` and `check --diff`: apply the findings' fixes with the canonical layout.

For each file that loaded cleanly, in rounds (a fix can make another finding fixable,
and two fixes that touch the same value must not be applied together): apply every
applicable fix whose edits overlap no other fix of the round, format, verify that the
new text loads to the data the fixes declare, re-check in memory. Then write the file
atomically (or print a diff), re-check the written file and replace its result.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from reviewlint import suppress
from reviewlint.config import Settings
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.document import LOAD_RULE_NAMES, Document, load_bytes, load_text
from reviewlint.engine import (
    CheckResult,
    FileResult,
    SettingsLookup,
    check_document,
    check_file,
    internal_error,
    read_file,
)

MAX_ROUNDS = 10


@dataclass(slots=True)
class FixOutcome:
    would_change: bool = False  # some file would change (or did)
    errors: bool = False  # some file could not be fixed or written
    files_changed: int = 0
    fixes_applied: int = 0


@dataclass(slots=True)
class FileFix:
    """What fixing one file produced."""

    text: str
    applied: int = 0
    skipped: list[str] = field(default_factory=list)  # fixes whose edits did not fit the document


def applicable(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Fix]:
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    return [d.fix for d in diagnostics if d.fix is not None and d.fix.safety in allowed and d.fix.edits]


def _overlaps(path: tuple[str | int, ...], other: tuple[str | int, ...]) -> bool:
    shorter = min(len(path), len(other))
    return path[:shorter] == other[:shorter]


def _conflicts(edit: Edit, taken: list[Edit]) -> bool:
    for other in taken:
        if _overlaps(edit.path, other.path):
            return True
        # Deleting an item renumbers its siblings: nothing else may touch that list.
        for deleting, touching in ((edit, other), (other, edit)):
            if deleting.delete and deleting.path and isinstance(deleting.path[-1], int) \
                    and _overlaps(deleting.path[:-1], touching.path):
                return True
    return False


def choose(fixes: list[Fix]) -> list[Fix]:
    """The fixes of one round: in order, each one whose edits touch nothing an earlier
    chosen fix touches (the rest wait for the next round, against the new text)."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for fix in fixes:
        if any(_conflicts(edit, taken) for edit in fix.edits):
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


def fix_document(document: Document, fixes: list[Fix], settings: Settings, *, unsafe: bool) -> FileFix:
    """Apply `fixes` (and those they make possible) with the canonical layout, in memory.

    Raises FormatRefused, VerifyFailed as format_document does.
    """
    from reviewlint.formatting import EditError, format_document
    from reviewlint.formatting.edits import apply_to_data
    from reviewlint.formatting.verify import same_data

    current = document
    applied = 0
    skipped: list[str] = []
    text = current.text
    for _round in range(MAX_ROUNDS):
        chosen = choose(fixes)
        edits: list[Edit] = []
        for fix in chosen:
            try:  # a fix that does not fit this document is skipped, never half-applied
                apply_to_data(current.data, [*edits, *fix.edits])
            except EditError as error:
                skipped.append(f"{fix.description}: {error}")
                continue
            edits.extend(fix.edits)
            applied += 1
        formatted = format_document(current, edits=edits, schema_comment=settings.schema_comment)
        text = formatted.text
        if not edits or same_data(formatted.data, current.data):
            break
        current = load_text(text, document.path)
        fixes = applicable(check_document(current, settings).diagnostics, unsafe)
        if not fixes:
            break
    return FileFix(text, applied, skipped)


def _has_load_error(result: FileResult) -> bool:
    return any(d.code in LOAD_RULE_NAMES and d.severity is Severity.ERROR for d in result.diagnostics)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


def run_fixes(result: CheckResult, lookup: SettingsLookup, *, unsafe: bool, diff_only: bool, out: TextIO,
              err: TextIO) -> FixOutcome:
    """Fix every file of `result` that loaded, in place (or as a diff on `out`)."""
    from reviewlint.formatting import FormatRefused, VerifyFailed, write_atomic

    outcome = FixOutcome()
    for number, file_result in enumerate(result.files):
        if file_result.internal_error or _has_load_error(file_result):
            continue  # never touch a file that did not load, or whose check did not finish
        path = file_result.path
        settings = lookup(path)
        raw = read_file(path, settings)
        if isinstance(raw, Document):
            continue  # unreadable now: the check already reported why
        document = load_bytes(raw, path, max_bytes=settings.max_file_size)
        if not document.loaded:
            continue
        try:
            fixed = fix_document(document, applicable(file_result.diagnostics, unsafe), settings, unsafe=unsafe)
        except FormatRefused as refused:
            # Load errors were skipped above; what is left is the formatter's own refusal. It is
            # a finding of this file (RL014, an error): a fix hook must not pass a file it left
            # unformatted, and CI must see it in every output format.
            if suppress.is_selected(refused.diagnostic, settings):
                file_result.diagnostics.append(refused.diagnostic)
            continue
        except VerifyFailed as error:
            _internal(file_result, path, str(error), err)
            outcome.errors = True
            continue
        for reason in fixed.skipped:
            err.write(f"reviewlint: warning: {path}: fix not applied ({reason})\n")
        new_bytes = fixed.text.encode("utf-8")
        if new_bytes == raw:
            continue
        outcome.would_change = True
        outcome.files_changed += 1
        outcome.fixes_applied += fixed.applied
        if diff_only:
            out.write(unified_diff(path, document.text, fixed.text))
            continue
        try:
            write_atomic(path, new_bytes)
        except OSError as error:
            _internal(file_result, path, f"cannot write the fixed file: {error.strerror or error}", err)
            outcome.errors = True
            continue
        rechecked = check_file(path, settings)
        rechecked.fixes_applied = fixed.applied
        result.files[number] = rechecked
        if fixed.applied:
            err.write(f"Fixed {_plural(fixed.applied, 'problem')} in {path}\n")
        else:
            err.write(f"Reformatted {path}\n")
    if outcome.files_changed:
        if diff_only:
            err.write(f"{_plural(outcome.fixes_applied, 'problem')} would be fixed, "
                      f"{_plural(outcome.files_changed, 'file')} would be rewritten.\n")
        else:
            err.write(f"{_plural(outcome.fixes_applied, 'problem')} fixed, "
                      f"{_plural(outcome.files_changed, 'file')} rewritten.\n")
    return outcome


def _internal(file_result: FileResult, path: str, message: str, err: TextIO) -> None:
    err.write(f"reviewlint: error: {path}: {message}; the file was left unchanged\n")
    diagnostic = internal_error(path, "the fixer", RuntimeError(message + "; the file was left unchanged"))
    file_result.diagnostics.append(diagnostic)
    file_result.internal_error = True


__all__ = ["FixOutcome", "applicable", "choose", "fix_document", "run_fixes", "unified_diff"]
