"""A baseline: today's findings recorded, so only new ones are reported (adopting
reviewlint on a repository that already has hundreds of reviews).

    reviewlint check --write-baseline .reviewlint-baseline.json   # record what is there today
    reviewlint check --baseline .reviewlint-baseline.json         # report only what is new

A finding is recognised by its fingerprint (`report.identity`: file, code, JSON path and
message with line numbers normalised away, plus a counter for findings that coincide), so
it stays recognised when lines are added above it. Paths are stored relative to the
baseline file's folder, so the baseline holds whatever folder reviewlint runs from. The
file is sorted JSON, one finding per entry, so a review of the change that grows or
shrinks it reads like any other diff. Internal errors (RL999) are never baselined.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlint.report.identity import fingerprints, json_path_text, stable_message

if TYPE_CHECKING:
    from reviewlint.diagnostics import Diagnostic
    from reviewlint.engine import CheckResult

FORMAT_KEY = "reviewlint-baseline"
FORMAT_VERSION = 1
NEVER_BASELINED = frozenset({"RL999"})


class BaselineError(Exception):
    """The baseline file cannot be read or is not a reviewlint baseline."""


@dataclass(frozen=True, slots=True)
class Applied:
    result: CheckResult
    hidden: int  # findings the baseline holds, left out of the report
    gone: int  # baseline entries of checked files that no longer occur (fixed since)


def _relative(path: str, folder: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), folder)
    return Path(relative).as_posix()


def _marked(result: CheckResult, folder: str) -> list[tuple[str, list[tuple[Diagnostic, str]]]]:
    """Each file's path relative to `folder`, with (finding, fingerprint) pairs."""
    marked = []
    for file in result.files:
        relative = _relative(file.path, folder)
        kept = [d for d in file.diagnostics if d.code not in NEVER_BASELINED]
        marks = fingerprints((diagnostic, relative) for diagnostic in kept)
        marked.append((relative, list(zip(kept, marks, strict=True))))
    return marked


def build(result: CheckResult, baseline_path: str) -> dict[str, Any]:
    folder = os.path.dirname(os.path.abspath(baseline_path))
    files: dict[str, list[dict[str, str]]] = {}
    for relative, pairs in _marked(result, folder):
        if pairs:
            files[relative] = [{"code": d.code, "at": json_path_text(d.json_path), "message": stable_message(d.message),
                                "fingerprint": mark} for d, mark in pairs]
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "about": "Findings recorded by `reviewlint check --write-baseline`; `--baseline` reports only others.",
        "findings": sum(len(entries) for entries in files.values()),
        "files": dict(sorted(files.items())),
    }


def write(result: CheckResult, baseline_path: str) -> int:
    """Record every finding of `result`; the number recorded."""
    data = build(result, baseline_path)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    temporary = f"{baseline_path}.tmp{os.getpid()}"
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, baseline_path)
    except OSError as error:
        raise BaselineError(f"cannot write baseline {baseline_path}: {error.strerror or error}") from None
    count: int = data["findings"]
    return count


def read(baseline_path: str) -> dict[str, set[str]]:
    """path (relative to the baseline's folder) -> fingerprints recorded."""
    try:
        with open(baseline_path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"baseline {baseline_path} does not exist; create it with --write-baseline "
                            f"{baseline_path}") from None
    except OSError as error:
        raise BaselineError(f"cannot read baseline {baseline_path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"baseline {baseline_path} is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("files"), dict):
        raise BaselineError(f"{baseline_path} is not a reviewlint baseline (version {FORMAT_VERSION}); create one "
                            "with --write-baseline")
    recorded: dict[str, set[str]] = {}
    for path, entries in data["files"].items():
        if not isinstance(entries, list):
            raise BaselineError(f"baseline {baseline_path}: the entry for {path!r} is not a list")
        recorded[str(path)] = {str(entry.get("fingerprint")) for entry in entries if isinstance(entry, dict)}
    return recorded


def apply(result: CheckResult, baseline_path: str) -> Applied:
    """`result` without the findings the baseline records."""
    recorded = read(baseline_path)
    folder = os.path.dirname(os.path.abspath(baseline_path))
    files = []
    hidden = gone = 0
    for file, (relative, pairs) in zip(result.files, _marked(result, folder), strict=True):
        known = recorded.get(relative, set())
        if not known:
            files.append(file)
            continue
        dropped = {id(d) for d, mark in pairs if mark in known}
        hidden += len(dropped)
        gone += len(known - {mark for _, mark in pairs})
        files.append(replace(file, diagnostics=[d for d in file.diagnostics if id(d) not in dropped]))
    return Applied(result=replace(result, files=files), hidden=hidden, gone=gone)


def summary(applied: Applied, baseline_path: str) -> str | None:
    """The line the CLI prints under the report, or None when the baseline changed nothing."""
    parts = []
    if applied.hidden:
        parts.append(f"{applied.hidden} {'finding' if applied.hidden == 1 else 'findings'} in the baseline "
                     f"{baseline_path} not shown")
    if applied.gone:
        parts.append(f"{applied.gone} baselined {'finding is' if applied.gone == 1 else 'findings are'} fixed: "
                     f"run --write-baseline {baseline_path} to shrink it")
    return "; ".join(parts) if parts else None


__all__ = ["Applied", "BaselineError", "apply", "build", "read", "summary", "write"]
