"""A batch: find the legacy files, convert each, render, check, write, and account for it.

One bad file never stops the batch: every failure becomes a result with a message. The
rendered YAML of each review is run through `reviewlint check` before it is written, so
the report says at once which converted reviews still need a hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reviewlint.codes import MISSING_KEY
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.output import OutputExists, UnsafePath, output_path, write_file
from reviewlint.migrate.readers import SUFFIXES, YAML, migrate_file
from reviewlint.migrate.result import Level, MigrationResult, Status


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    # Folders between the folder named on the command line and the file, mirrored under -o.
    relative_dir: tuple[str, ...] = ()


@dataclass(slots=True)
class FileOutcome:
    input: InputFile
    result: MigrationResult
    output: Path | None = None
    # written, replaced, would write, exists, printed, unchanged, or None (nothing to write)
    action: str | None = None
    text: str | None = None
    check: list[Diagnostic] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return self.result.status


@dataclass(slots=True)
class BatchReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def existing(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == "exists")

    def tally(self) -> dict[Status, int]:
        """Reviews by how the batch ended for them: a review whose output already existed
        and was left alone counts as skipped, whatever its conversion status."""
        counts = dict.fromkeys(Status, 0)
        for outcome in self.outcomes:
            counts[Status.SKIPPED if outcome.action == "exists" else outcome.status] += 1
        return counts

    @property
    def failed(self) -> bool:
        return self.count(Status.FAILED) > 0 or bool(self.missing)


def discover(paths: list[str], exclude: Path | None = None) -> tuple[list[InputFile], list[str]]:
    """Files named directly are always read; folders are searched for legacy suffixes,
    skipping hidden entries, symbolic links and the output folder itself."""
    files: list[InputFile] = []
    missing: list[str] = []
    skip = os.path.realpath(exclude) if exclude is not None else None
    for name in paths:
        path = Path(name)
        if path.is_file():
            files.append(InputFile(path))
        elif path.is_dir():
            files.extend(_walk(path, skip))
        else:
            missing.append(name)
    seen: set[str] = set()
    unique: list[InputFile] = []
    for item in files:
        key = os.path.realpath(item.path)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, missing


def _walk(root: Path, skip: str | None) -> Iterator[InputFile]:
    for folder, dirs, names in os.walk(root, followlinks=False):
        if skip is not None and os.path.realpath(folder) == skip:
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and (skip is None or os.path.realpath(os.path.join(folder, d)) != skip))
        relative = Path(folder).relative_to(root).parts
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith(".") or path.is_symlink() or path.suffix.lower() not in SUFFIXES:
                continue
            yield InputFile(path, tuple(relative))


def render(result: MigrationResult, output: Path | None = None) -> str | None:
    """The YAML text for a result; None (with an error added) if it cannot be rendered.
    `output`, the file it will be written to, places the schema modeline relative to the
    configured schema copy (`schema-path`); printed text, with no place, gets none."""
    if result.rendered is not None:
        return result.rendered
    if result.data is None:
        return None
    from reviewlint.formatting import CanonicalEmitError, emit_canonical

    try:
        return emit_canonical(result.data, schema_comment=True, path=None if output is None else str(output))
    except CanonicalEmitError as error:
        result.add(Level.ERROR, f"internal: {error} (please report this)")
        return None


def _check(outcome: FileOutcome, shown_path: str) -> None:
    from reviewlint.engine import check_text

    assert outcome.text is not None
    outcome.check = check_text(outcome.text, shown_path)
    # Missing required keys were already reported as facts the source does not state.
    errors = [d for d in outcome.check if d.severity is Severity.ERROR and d.code != MISSING_KEY]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        outcome.result.add(Level.WARNING, f"`reviewlint check` finds {'an error' if len(errors) == 1 else 'errors'} "
                           f"in the output: {first.line}:{first.col} {first.code} {first.message}{more}")


@dataclass(frozen=True, slots=True)
class BatchSettings:
    output_dir: Path | None = None
    in_place: bool = False
    dry_run: bool = False
    force: bool = False
    options: MigrateOptions = field(default_factory=MigrateOptions)


def run(files: list[InputFile], settings: BatchSettings,
        progress: Callable[[InputFile], None] | None = None) -> BatchReport:
    report = BatchReport()
    taken: set[Path] = set()
    for item in files:
        for result in migrate_file(item.path, options=settings.options):
            report.outcomes.append(_place(item, result, settings, taken))
        if progress is not None:
            progress(item)
    return report


def _place(item: InputFile, result: MigrationResult, settings: BatchSettings, taken: set[Path]) -> FileOutcome:
    outcome = FileOutcome(item, result)
    if result.status in (Status.FAILED, Status.SKIPPED):
        return outcome
    if settings.in_place and result.format != YAML:
        result.add(Level.ERROR, "--in-place upgrades YAML reviews only; convert legacy posts with -o FOLDER")
        return outcome
    if settings.in_place:
        output: Path | None = item.path
    elif settings.output_dir is not None:
        output = output_path(settings.output_dir, item.relative_dir, result.name_hint, taken)
    else:
        output = None
    outcome.text = render(result, output)
    if outcome.text is None:
        if output is not None:
            taken.discard(output)  # nothing is written there: the name stays free, as before
        return outcome
    outcome.output = output
    _check(outcome, str(outcome.output) if outcome.output else result.label)
    if outcome.output is None:
        # A dry run without -o only reports; otherwise the one review goes to stdout.
        outcome.action = None if settings.dry_run else "printed"
        return outcome
    if settings.in_place and outcome.result.rendered is not None and not _changed(item.path, outcome.text):
        outcome.action = "unchanged"
        return outcome
    if settings.dry_run:
        exists = outcome.output.exists() and not settings.in_place
        outcome.action = "exists" if exists and not settings.force else "would write"
        return outcome
    try:
        outcome.action = write_file(outcome.output, outcome.text,
                                    root=None if settings.in_place else settings.output_dir,
                                    force=settings.force or settings.in_place)
    except OutputExists:
        outcome.action = "exists"
    except UnsafePath as error:
        result.add(Level.ERROR, f"not written: {error}")
    except OSError as error:
        result.add(Level.ERROR, f"cannot write {outcome.output}: {error.strerror or error}")
    return outcome


def _changed(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() != text.encode("utf-8")
    except OSError:
        return True
