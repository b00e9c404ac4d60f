"""`migrate --output-format json`: the whole batch as one JSON document, for scripts.

One entry per review (a file holding several reviews has one entry per review, each
naming its `part`), with its status, output, ledger counts, issues, provenance (where each
value came from), what was not placed and why, and the findings `reviewlint check` has
on the output. Paths that are not valid UTF-8 are written with backslash escapes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from reviewlint.migrate.accounting import Fate
from reviewlint.migrate.result import Status

if TYPE_CHECKING:
    from reviewlint.migrate.batch import BatchReport, BatchSettings, FileOutcome

FORMAT_VERSION = 1


def _path(path: object) -> str:
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _entry(outcome: FileOutcome) -> dict[str, Any]:
    result = outcome.result
    accounting = result.accounting
    line_map = result.line_map or {}

    def source_line(number: int) -> int:
        return line_map.get(number, number) if accounting.unit == "text line" else number

    return {
        "input": _path(outcome.input.path),
        "part": result.part,
        "format": result.format,
        "status": result.status.value,
        "skipped": result.skipped,
        "output": _path(outcome.output) if outcome.output is not None else None,
        "action": outcome.action,
        "encoding": result.encoding,
        "ledger": {"unit": accounting.unit, **accounting.counts()},
        "issues": [{"level": issue.level.value, "line": issue.line, "message": issue.message}
                   for issue in result.issues],
        "provenance": [{"field": entry.field, "line": entry.line, "text": entry.text, "form": entry.form}
                       for entry in result.provenance],
        "not_placed": [{"line": source_line(record.line), "fate": record.fate.value, "where": record.where or None,
                        "text": record.text, "reason": record.reason}
                       for record in accounting.records if record.fate is not Fate.MAPPED],
        "unaccounted": [{"line": source_line(number), "text": accounting.lines[number - 1]}
                        for number in accounting.unaccounted()],
        "check": [{"code": d.code, "line": d.line, "col": d.col, "severity": d.severity.label, "message": d.message}
                  for d in outcome.check],
    }


def write_json(report: BatchReport, settings: BatchSettings, stream: TextIO) -> None:
    tally = report.tally()
    document = {
        "version": FORMAT_VERSION,
        "dry_run": settings.dry_run,
        "summary": {
            "converted": tally[Status.CONVERTED], "with_notes": tally[Status.WARNINGS],
            "failed": tally[Status.FAILED] + len(report.missing), "skipped": tally[Status.SKIPPED],
            "written": sum(1 for outcome in report.outcomes if outcome.action in ("written", "replaced")),
        },
        "missing": [_path(name) for name in report.missing],
        "reviews": [_entry(outcome) for outcome in report.outcomes],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
