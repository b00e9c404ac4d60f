"""What the command line does, as calls that return values: checking standard input,
formatting paths or a stream, exporting, and the exit decision.

The CLI's commands parse options, call these and print; a program (a test, an editor,
a Spark or Dask job mapping over many reviews) calls them directly and gets the same
results. Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from reviewlint.diagnostics import Diagnostic

if TYPE_CHECKING:  # imported where used: `reviewlint --version` needs only the exit codes
    from reviewlint.results import CheckResult
    from reviewlint.settings import Settings

# Exit codes, as ruff: 0 clean, 1 findings, 2 usage, config or internal error.
EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

SettingsFor = Callable[[str], "Settings"]


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour output: "always", "never", or "auto" (a terminal, unless NO_COLOR)."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def stdin_settings(settings_for: SettingsFor, stdin_filename: str | None) -> tuple[str, Settings]:
    """The name standard input is reported under, and the settings of the config that
    governs it (that of `stdin_filename`, else of the working folder)."""
    name = stdin_filename or "-"
    return name, settings_for(os.path.abspath(name) if stdin_filename else os.path.join(os.getcwd(), "_"))


def check_stream(stream: BinaryIO, settings_for: SettingsFor, stdin_filename: str | None = None) -> CheckResult:
    """Check one review read from a stream (an editor pipes its buffer in). The result
    keeps the document, so reports quote the text read rather than a file on disk."""
    from reviewlint.document import load_stream
    from reviewlint.lint import check_document
    from reviewlint.results import CheckResult

    name, settings = stdin_settings(settings_for, stdin_filename)
    _, document = load_stream(stream, name, max_bytes=settings.max_file_size)
    file_result = check_document(document, settings)
    file_result.document = document
    return CheckResult(files=[file_result])


def exit_code(result: CheckResult, settings_for: SettingsFor, *, exit_zero: bool = False, fix_failed: bool = False,
              diff_only: bool = False, would_change: bool = False) -> int:
    """`check`'s exit code: 2 for an internal error, a missing path or a fix that failed;
    0 with `exit_zero`; 1 for a diff that would change something, or a finding at or
    above the fail level of the config that governs its file; else 0."""
    if result.internal_error or result.missing or fix_failed:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if diff_only and would_change:
        return EXIT_FINDINGS
    failing = any(d.severity >= settings_for(f.path).fail_level for f in result.files for d in f.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def same_file_as(target: str, candidates: Iterable[str]) -> str | None:
    """The first of `candidates` that is the file `target` (by device and inode, so links
    and other spellings of the path count), or None. A target that does not exist yet is
    no candidate's file."""
    try:
        wanted = os.stat(target)
    except OSError:
        return None
    for candidate in candidates:
        try:
            found = os.stat(candidate)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return candidate
    return None


@dataclass(slots=True)
class FormatReport:
    """What `format_paths` did, for the CLI and for programs calling it."""

    changed: list[str] = field(default_factory=list)  # reformatted (or would be, with check/diff)
    unchanged: list[str] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)  # files left alone, and why
    errors: list[str] = field(default_factory=list)  # internal errors and write failures
    missing: list[str] = field(default_factory=list)

    def exit_code(self, *, check: bool = False) -> int:
        """2 when a file could not be formatted or written; with `check` (or a diff), 1
        when a file would change; else 0."""
        if self.refused or self.errors or self.missing:
            return EXIT_ERROR
        return EXIT_FINDINGS if check and self.changed else EXIT_CLEAN


def format_paths(paths: Iterable[str], *, settings_for: SettingsFor, exclude: Iterable[str] = (),
                 force_exclude: bool = False, write: bool = True, diff: TextIO | None = None,
                 schema_comment: bool | None = None) -> FormatReport:
    """Format every review under `paths`. Files that do not load are never written;
    files whose bytes would not change are not touched. With `diff`, a unified diff of
    each change is written to it."""
    from reviewlint.document import Document, load_bytes
    from reviewlint.engine import discover_with_config, read_file, unreadable
    from reviewlint.fixing import unified_diff
    from reviewlint.formatting import FormatRefused, VerifyFailed, format_document, over_limit, write_atomic

    report = FormatReport()
    found = discover_with_config(paths, settings_for, exclude=exclude, force_exclude=force_exclude)
    report.missing = list(found.missing)
    report.refused.extend(unreadable(folder.path, folder.reason, prefix="") for folder in found.unreadable)
    for path in found.files:
        settings = settings_for(path)
        raw = read_file(path, settings)
        document = raw if isinstance(raw, Document) else load_bytes(raw, path, max_bytes=settings.max_file_size)
        wanted = settings.schema_comment if schema_comment is None else schema_comment
        try:
            text = format_document(document, schema_comment=wanted).text
        except FormatRefused as refused:
            report.refused.append(refused.diagnostic)
            continue
        except VerifyFailed as error:
            report.errors.append(f"{path}: internal error: {error}; the file was left unchanged (please report this)")
            continue
        new_bytes = text.encode("utf-8")
        if not isinstance(raw, bytes) or new_bytes == raw:
            report.unchanged.append(path)
            continue
        if (too_big := over_limit(path, new_bytes, settings.max_file_size)) is not None:
            report.refused.append(too_big)
            continue
        report.changed.append(path)
        if diff is not None:
            diff.write(unified_diff(path, document.text, text))
        if write:
            try:
                write_atomic(path, new_bytes, expected=raw)  # only over the bytes formatted
            except OSError as error:
                report.changed.remove(path)
                report.errors.append(f"{path}: cannot write: {error.strerror or error}; the file was left unchanged")
    return report


@dataclass(frozen=True, slots=True)
class FormattedStream:
    """One review formatted from a stream: its name, the text before and after (None when
    it could not be formatted), and why not."""

    name: str
    original: str
    text: str | None
    changed: bool
    refused: Diagnostic | None = None
    error: str | None = None

    def diff(self) -> str:
        from reviewlint.fixing import unified_diff

        return unified_diff(self.name, self.original, self.text) if self.text is not None else ""


def format_stream(stream: BinaryIO, settings_for: SettingsFor, stdin_filename: str | None = None, *,
                  schema_comment: bool | None = None) -> FormattedStream:
    """Format the review on a stream (an editor's format-on-save), without writing."""
    from reviewlint.document import load_stream
    from reviewlint.formatting import FormatRefused, VerifyFailed, format_document

    name, settings = stdin_settings(settings_for, stdin_filename)
    raw, document = load_stream(stream, name, max_bytes=settings.max_file_size)
    wanted = settings.schema_comment if schema_comment is None else schema_comment
    try:
        text = format_document(document, schema_comment=wanted).text
    except FormatRefused as refused:
        return FormattedStream(name, document.text, None, False, refused=refused.diagnostic)
    except VerifyFailed as error:
        return FormattedStream(name, document.text, None, False,
                               error=f"{name}: internal error: {error} (please report this)")
    return FormattedStream(name, document.text, text, text.encode("utf-8") != raw)


def json_text(value: Any) -> str:
    """JSON-LD as written to a file or a page: indented, and "</" written as "<\\/" (the same
    JSON string), since it is pasted into a <script type="application/ld+json"> element,
    which "</script>" in a review would end."""
    import json

    return json.dumps(value, indent=2, ensure_ascii=False).replace("</", "<\\/") + "\n"


def combined(output_format: str, values: list[Any]) -> str:
    """What one output holds: a JSON array of every review's document, even of one (a script
    reads one shape; a page's ld+json script takes an array too), or Markdown pages separated
    by a rule."""
    if output_format == "jsonld":
        return json_text(values)
    return "\n---\n\n".join(values)


@dataclass(slots=True)
class ExportedFile:
    """One review in an export format, or why it was not exported."""

    path: str
    value: Any = None  # a JSON-LD object or a Markdown page; None when not exported
    problems: list[Diagnostic] = field(default_factory=list)  # the errors that kept it out
    warnings: list[str] = field(default_factory=list)  # a JSON-LD missing what Google needs for a snippet


@dataclass(slots=True)
class ExportReport:
    """What `export_paths` made, file by file in the files' order."""

    files: list[ExportedFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def exported(self) -> list[ExportedFile]:
        return [item for item in self.files if item.value is not None]

    def exit_code(self) -> int:
        """2 for a missing path; 1 when a review was not exported; else 0."""
        if self.missing:
            return EXIT_ERROR
        return EXIT_FINDINGS if len(self.exported) < len(self.files) else EXIT_CLEAN


def export_paths(paths: Iterable[str], *, settings_for: SettingsFor, output_format: str = "jsonld") -> ExportReport:
    """Every review under `paths` in an export format. Only a review that loads and passes
    the schema is exported; an unreadable folder is a problem (RL012), never passed over."""
    from reviewlint.engine import discover_with_config, unreadable
    from reviewlint.export import exporter, load_review

    found = discover_with_config(paths, settings_for)
    report = ExportReport(missing=list(found.missing))
    report.files.extend(ExportedFile(folder.path, problems=[unreadable(folder.path, folder.reason, prefix="")])
                        for folder in found.unreadable)
    convert = exporter(output_format)
    for path in found.files:
        loaded = load_review(path, settings_for(path))
        if loaded.data is None:
            report.files.append(ExportedFile(path, problems=loaded.problems))
            continue
        item = ExportedFile(path, convert(loaded.data))
        if output_format == "jsonld":
            from reviewlint.export.jsonld import missing_properties

            required, recommended = missing_properties(item.value)
            if required:
                item.warnings.append(f"{path}: the JSON-LD has no {', '.join(required)}, which Google requires "
                                     "for a review snippet")
            if recommended:
                item.warnings.append(f"{path}: the JSON-LD has no {', '.join(recommended)}, which Google "
                                     "recommends for a review snippet")
        report.files.append(item)
    return report
