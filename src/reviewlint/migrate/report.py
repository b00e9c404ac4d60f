"""The account a batch gives the user: one line per review, the problems under it, and a
summary table (converted cleanly, converted with notes, failed, skipped).

What the conversion has to tell the user about a review are "notes" (`note:` lines);
"warnings" is kept for what `reviewlint check` finds in the output, so that one line
never uses the word for two different things.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Severity
from reviewlint.migrate.accounting import BOILERPLATE, Fate
from reviewlint.migrate.result import Level, MigrationResult, Status
from reviewlint.words import plural as _plural

if TYPE_CHECKING:
    from reviewlint.migrate.batch import BatchReport, BatchSettings, FileOutcome

# How each level of a conversion issue is labelled in the report.
LEVEL_LABELS = {Level.INFO: "info", Level.WARNING: "note", Level.ERROR: "error"}

ACTIONS = {
    "written": "written", "replaced": "replaced", "would write": "would be written (dry run)",
    "exists": "NOT written: the file exists (use --force to replace it)", "printed": "printed",
    "unchanged": "unchanged",
}


def shown_path(path: object) -> str:
    """A path as a report shows it: bytes that are not UTF-8 as \\xNN, never a crash."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _ledger(outcome: FileOutcome) -> str:
    counts = outcome.result.accounting.counts()
    unit = outcome.result.accounting.unit
    parts = [f"{_plural(counts['mapped'], unit)} mapped"]
    if counts["preserved"]:
        parts.append(f"{counts['preserved']} kept under notes")
    if counts["dropped"]:
        parts.append(f"{counts['dropped']} dropped as boilerplate or layout")
    if counts["unaccounted"]:
        parts.append(f"{counts['unaccounted']} UNACCOUNTED")
    return ", ".join(parts)


def _check_summary(outcome: FileOutcome) -> str:
    if outcome.text is None:
        return ""
    by_level = {severity: sum(1 for d in outcome.check if d.severity is severity) for severity in Severity}
    return (f"check: {_plural(by_level[Severity.ERROR], 'error')}, {_plural(by_level[Severity.WARNING], 'warning')}"
            + (f", {by_level[Severity.INFO]} info" if by_level[Severity.INFO] else ""))


def describe(outcome: FileOutcome, verbose: bool) -> list[str]:
    result = outcome.result
    name = shown_path(outcome.input.path) + (f" ({result.part})" if result.part else "")
    target = f" -> {shown_path(outcome.output)}" if outcome.output is not None and outcome.action != "printed" else ""
    status = result.status
    if status is Status.FAILED:
        head = f"{name}: failed"
    elif status is Status.SKIPPED:
        head = f"{name}: skipped: {result.skipped}"
    else:
        notes = sum(1 for issue in result.issues if issue.level is Level.WARNING)
        converted = f"converted with {_plural(notes, 'note')}" if notes else "converted"
        details = [converted, _ledger(outcome), _check_summary(outcome)]
        if outcome.action and outcome.action != "printed":
            details.append(ACTIONS[outcome.action])
        if result.encoding != "utf-8":
            details.append(f"read as {result.encoding}")
        head = f"{name}{target}: " + "; ".join(part for part in details if part)
    lines = [head]
    unit = result.accounting.unit
    infos = 0
    for issue in result.issues:
        if issue.level is Level.INFO and not verbose:
            infos += 1
            continue
        lines.append(f"  {LEVEL_LABELS[issue.level]}: {issue.describe(unit)}")
    written = status not in (Status.FAILED, Status.SKIPPED)
    for number in result.accounting.unaccounted()[:MAX_LISTED] if written else []:
        text = result.accounting.lines[number - 1].strip()
        lines.append(f"  error: {_where(result, number)}{_shown(text)} was not placed anywhere (please report this)")
    if verbose and written:
        lines.extend(f"  from: {entry.describe()}" for entry in result.provenance)
        lines.extend(_not_placed(result))
    if infos:
        lines.append(f"  ({_plural(infos, 'detail')} on how values were read: --verbose shows them)")
    return lines


# The most lines of one kind listed for one review; the rest are counted.
MAX_LISTED = 50


def _shown(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 3].rstrip() + "...")


def _where(result: MigrationResult, number: int) -> str:
    """"line 12 " for a file's line; extracted text lines are shown at their source line."""
    unit = result.accounting.unit
    if unit == "text line" and result.line_map and number in result.line_map:
        return f"line {result.line_map[number]} "
    return f"{unit} {number} "


def _not_placed(result: MigrationResult) -> list[str]:
    """What did not reach a field of its own, and why: kept under notes, or dropped."""
    shown: list[str] = []
    records = [record for record in result.accounting.records if record.fate is not Fate.MAPPED]
    for record in records[:MAX_LISTED]:
        if record.fate is Fate.PRESERVED:
            why = f"kept under {record.where}" + (f": {record.reason}" if record.reason else "")
        else:
            why = "dropped as " + ("boilerplate, listed under source.dropped" if record.reason == BOILERPLATE
                                   else record.reason or "layout")
        shown.append(f"  not placed: {_where(result, record.line)}{_shown(record.text)} ({why})")
    if len(records) > MAX_LISTED:
        shown.append(f"  not placed: ... and {len(records) - MAX_LISTED} more")
    return shown


def print_report(report: BatchReport, settings: BatchSettings, stream: TextIO, *, verbose: bool,
                 summary: bool) -> None:
    for missing in report.missing:
        print(f"{shown_path(missing)}: failed: no such file or folder", file=stream)
    for outcome in report.outcomes:
        for line in describe(outcome, verbose):
            print(line, file=stream)
    if not summary:
        return
    tally = report.tally()
    # Both first rows are written conversions; "converted 1, with notes 5" read as five failures.
    rows = [("converted cleanly", tally[Status.CONVERTED]), ("converted with notes", tally[Status.WARNINGS]),
            ("failed", tally[Status.FAILED] + len(report.missing)), ("skipped", tally[Status.SKIPPED])]
    total = sum(count for _, count in rows)
    width = max(len(label) for label, _ in rows) + 2
    print("", file=stream)
    print("Summary", file=stream)
    for label, count in [*rows, ("total", total)]:
        print(f"  {label.ljust(width)}{count:>5}", file=stream)
    written = sum(1 for outcome in report.outcomes if outcome.action in ("written", "replaced"))
    if settings.dry_run:
        print("Dry run: nothing was written.", file=stream)
    elif settings.output_dir is not None or settings.in_place:
        where = f" to {shown_path(settings.output_dir)}" if settings.output_dir is not None else " in place"
        print(f"Wrote {_plural(written, 'file')}{where}.", file=stream)
    if report.existing:
        print(_existing_line(report.existing, settings.dry_run), file=stream)


def _existing_line(count: int, dry_run: bool) -> str:
    one = count == 1
    if dry_run:
        verbs = "already exists and would be" if one else "already exist and would be"
    else:
        verbs = "already existed and was" if one else "already existed and were"
    return f"{_plural(count, 'output')} {verbs} left alone (use --force to replace {'it' if one else 'them'})."
