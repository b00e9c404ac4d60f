"""`check --fix` and `check --diff`: apply the findings' fixes with the canonical layout.

One way through each file, reading it once: open it (locked against other runs that
rewrite it), read, check, then in rounds (a fix can make another finding fixable, and two
fixes that touch the same value must not be applied together) apply every applicable fix
whose edits overlap no other fix of the round, format, verify that the new text loads to
the data the fixes declare, and re-check in memory. Then write the file once, atomically
and only if it still holds the bytes that were read (or print a diff). The findings
reported are those of the text now in the file, from memory: nothing is read again.

Nothing here prints: messages for the terminal come back in the FixOutcome.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from reviewlint import suppress
from reviewlint.codes import LOAD_RULE_NAMES, NOT_FORMATTABLE, diagnostic, internal_error
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.document import Document, load_bytes, load_text, too_large
from reviewlint.lint import check_document, read_error, unreadable
from reviewlint.results import CheckResult, FileResult
from reviewlint.settings import Settings
from reviewlint.words import plural as _plural

MAX_ROUNDS = 10

SettingsFor = Callable[[str], Settings]


@dataclass(slots=True)
class FixOutcome:
    would_change: bool = False  # some file would change (or did)
    errors: bool = False  # some file could not be fixed or written
    files_changed: int = 0  # files rewritten (with diff_only: that would be)
    fixes_applied: int = 0  # in the files counted above
    # For the terminal's standard error, in order: what was fixed, warnings and errors.
    messages: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)  # with diff_only: one unified diff per changed file

    def summary(self, *, diff_only: bool) -> str | None:
        """`3 problems fixed, 2 files rewritten.` (None when no file changed)."""
        if not self.files_changed:
            return None
        if diff_only:
            return (f"{_plural(self.fixes_applied, 'problem')} would be fixed, "
                    f"{_plural(self.files_changed, 'file')} would be rewritten.")
        return f"{_plural(self.fixes_applied, 'problem')} fixed, {_plural(self.files_changed, 'file')} rewritten."


@dataclass(slots=True)
class FileFix:
    """What fixing one document produced, in memory."""

    text: str
    applied: int = 0
    skipped: list[str] = field(default_factory=list)  # fixes whose edits did not fit the document
    # The findings of `text` (checked in memory), when fix_document got that far.
    result: FileResult | None = None


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


def fix_document(document: Document, fixes: list[Fix], settings: Settings, *, unsafe: bool,
                 checked: FileResult | None = None) -> FileFix:
    """Apply `fixes` (and those they make possible) with the canonical layout, in memory.
    `checked` is the check of `document` when the caller has it already.

    The result carries the findings of the final text. Raises FormatRefused,
    VerifyFailed as format_document does.
    """
    from reviewlint.formatting import EditError, format_document
    from reviewlint.formatting.edits import apply_to_data
    from reviewlint.formatting.verify import same_data

    current, result = document, checked
    applied = 0
    skipped: list[str] = []
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
        if formatted.text == current.text:
            break
        previous, current = current, load_text(formatted.text, document.path)
        result = check_document(current, settings)
        if not edits or same_data(formatted.data, previous.data):
            break
        fixes = applicable(result.diagnostics, unsafe)
        if not fixes:
            break
    if result is None:
        result = check_document(current, settings)
    return FileFix(current.text, applied, skipped, result)


def _has_load_error(result: FileResult) -> bool:
    return any(d.code in LOAD_RULE_NAMES and d.severity is Severity.ERROR for d in result.diagnostics)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


@dataclass(slots=True)
class FileFixed:
    """What `check --fix` did to one file: its findings now, and what to tell the user."""

    result: FileResult
    changed: bool = False  # written (with diff_only: would be)
    applied: int = 0
    failed: bool = False  # could not be fixed or written: exit 2
    messages: list[str] = field(default_factory=list)
    diff: str | None = None


def _not_fixed(result: FileResult, settings: Settings, message: str) -> None:
    """RL014 on the file: it was left as it is, and why (a hook must not pass it silently)."""
    found = diagnostic(NOT_FORMATTABLE, message, result.path, 1, 1)
    if suppress.is_selected(found, settings):
        result.diagnostics.append(found)


def fix_file(path: str, settings: Settings, *, unsafe: bool = False, diff_only: bool = False) -> FileFixed:
    """Check and fix one file, reading it once and writing it at most once."""
    from reviewlint.formatting.write import NotRegularFile, locked, read_snapshot

    try:
        with locked(path) as handle:
            size = os.fstat(handle).st_size
            if size > settings.max_file_size:
                return FileFixed(_checked(too_large(path, size, settings.max_file_size), settings))
            snapshot = read_snapshot(handle, settings.max_file_size + 1, path)
            return _fix_snapshot(path, snapshot.data, snapshot.identity, settings, unsafe=unsafe,
                                 diff_only=diff_only)
    except NotRegularFile as error:
        return FileFixed(FileResult(path, [unreadable(path, error.strerror or "not a regular file")]))
    except OSError as error:
        return FileFixed(FileResult(path, [read_error(path, error)]))


def _text_only(document: Document) -> Document:
    """The document's text for the report's excerpts, without its tree."""
    return Document(path=document.path, text=document.text, root=None, data=None)


def _checked(document: Document, settings: Settings) -> FileResult:
    result = check_document(document, settings)
    result.document = _text_only(document)
    return result


def _fix_snapshot(path: str, raw: bytes, identity: tuple[int, int, int, int, int], settings: Settings, *,
                  unsafe: bool, diff_only: bool) -> FileFixed:
    from reviewlint.formatting import FormatRefused, VerifyFailed, over_limit
    from reviewlint.formatting.write import write_atomic

    document = load_bytes(raw, path, max_bytes=settings.max_file_size)
    try:
        before = check_document(document, settings)
    except Exception as error:  # never a traceback for one file; the others go on
        return FileFixed(FileResult(path, [internal_error(path, "reviewlint", error)], internal_error=True))
    before.document = _text_only(document)
    if not document.loaded or before.internal_error or _has_load_error(before):
        return FileFixed(before)  # never touch a file that did not load, or whose check did not finish
    try:
        fixed = fix_document(document, applicable(before.diagnostics, unsafe), settings, unsafe=unsafe,
                             checked=before)
    except FormatRefused as refused:
        # What is left is the formatter's own refusal. It is a finding of this file (RL014,
        # an error): a fix hook must not pass a file it left unformatted.
        if suppress.is_selected(refused.diagnostic, settings):
            before.diagnostics.append(refused.diagnostic)
        return FileFixed(before)
    except VerifyFailed as error:
        message = f"{error}; the file was left unchanged"
        before.diagnostics.append(internal_error(path, "the fixer", RuntimeError(message)))
        before.internal_error = True
        return FileFixed(before, failed=True, messages=[f"reviewlint: error: {path}: {message}"])
    messages = [f"reviewlint: warning: {path}: fix not applied ({reason})" for reason in fixed.skipped]
    new_bytes = fixed.text.encode("utf-8")
    if new_bytes == raw:
        return FileFixed(before, messages=messages)
    too_big = over_limit(path, new_bytes, settings.max_file_size)
    if too_big is not None:
        if suppress.is_selected(too_big, settings):
            before.diagnostics.append(too_big)
        return FileFixed(before, messages=messages)
    if diff_only:
        return FileFixed(before, changed=True, applied=fixed.applied, messages=messages,
                         diff=unified_diff(path, document.text, fixed.text))
    try:
        write_atomic(path, new_bytes, expected=identity)
    except OSError as error:
        from reviewlint.formatting.write import ChangedOnDisk

        reason = error.strerror or str(error)
        if isinstance(error, ChangedOnDisk):
            _not_fixed(before, settings, f"not fixed: {reason}")
            messages.append(f"reviewlint: warning: {path}: not fixed: {reason}")
            return FileFixed(before, messages=messages)
        _not_fixed(before, settings, f"not fixed: cannot write the file: {reason}; it was left unchanged")
        messages.append(f"reviewlint: error: {path}: cannot write the fixed file: {reason}; "
                        "the file was left unchanged")
        return FileFixed(before, failed=True, messages=messages)
    assert fixed.result is not None
    after = fixed.result
    after.fixes_applied = fixed.applied
    # The report quotes the new text from memory (its excerpts), never from a second read;
    # the text only, as for every file: a run over thousands must not hold every tree.
    after.document = Document(path=path, text=fixed.text, root=None, data=None)
    messages.append(f"Fixed {_plural(fixed.applied, 'problem')} in {path}" if fixed.applied else f"Reformatted {path}")
    return FileFixed(after, changed=True, applied=fixed.applied, messages=messages)


def _fix_one(path: str, settings_for: SettingsFor, unsafe: bool, diff_only: bool) -> FileFixed:
    try:
        return fix_file(path, settings_for(path), unsafe=unsafe, diff_only=diff_only)
    except Exception as error:  # never a traceback for one file; the others go on
        return FileFixed(FileResult(path, [internal_error(path, "the fixer", error)], internal_error=True),
                         failed=True)


# Set in each worker process by _init_worker: the pool sends only file paths.
_worker_state: tuple[SettingsFor, bool, bool] | None = None


def _init_worker(settings_for: SettingsFor, unsafe: bool, diff_only: bool) -> None:
    global _worker_state
    _worker_state = (settings_for, unsafe, diff_only)


def _fix_in_worker(path: str) -> FileFixed:
    assert _worker_state is not None
    return _fix_one(path, *_worker_state)


def _fix_all(files: list[str], settings_for: SettingsFor, *, unsafe: bool, diff_only: bool,
             jobs: int | None) -> Iterator[FileFixed]:
    """Each file fixed, in the files' order; over a process pool when there are many (a
    file is locked while it is fixed, so the workers never race on one)."""
    from reviewlint.engine import PARALLEL_MIN_FILES, default_jobs

    workers = jobs or default_jobs()
    done = 0
    if workers > 1 and len(files) >= PARALLEL_MIN_FILES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                     initializer=_init_worker, initargs=(settings_for, unsafe, diff_only)) as pool:
                for fixed in pool.map(_fix_in_worker, files, chunksize=max(1, min(16, len(files) // (workers * 8)))):
                    done += 1
                    yield fixed
        except BrokenProcessPool:
            pass  # a worker died (killed, out of memory): the rest are fixed here; a file it wrote is unchanged now
    for path in files[done:]:
        yield _fix_one(path, settings_for, unsafe, diff_only)


def fix_paths(paths: Iterable[str], *, settings_for: SettingsFor, exclude: Iterable[str] = (),
              force_exclude: bool = False, unsafe: bool = False, diff_only: bool = False,
              jobs: int | None = None) -> tuple[CheckResult, FixOutcome]:
    """`check --fix` (or `--diff`) over every review under `paths`: each file read once,
    fixed in memory, written once; the result holds the findings of what is now on disk.
    `jobs` worker processes (None: one per core) share the files when there are many."""
    from reviewlint.engine import discover_with_config

    found = discover_with_config(paths, settings_for, exclude=exclude, force_exclude=force_exclude)
    result = CheckResult(missing=found.missing, skipped=found.skipped, warnings=found.warnings)
    result.files.extend(FileResult(path=folder.path, diagnostics=[unreadable(folder.path, folder.reason, prefix="")])
                        for folder in found.unreadable)
    outcome = FixOutcome()
    for done in _fix_all(found.files, settings_for, unsafe=unsafe, diff_only=diff_only, jobs=jobs):
        _count(outcome, done)
        result.files.append(done.result)
    summary = outcome.summary(diff_only=diff_only)
    if summary:
        outcome.messages.append(summary)
    return result, outcome


def _count(outcome: FixOutcome, done: FileFixed) -> None:
    outcome.messages.extend(done.messages)
    outcome.errors = outcome.errors or done.failed
    if done.changed:
        outcome.would_change = True
        outcome.files_changed += 1
        outcome.fixes_applied += done.applied
    if done.diff:
        outcome.diffs.append(done.diff)


__all__ = ["FileFix", "FileFixed", "FixOutcome", "applicable", "choose", "fix_document", "fix_file", "fix_paths",
           "unified_diff"]
