"""A finding's identity across edits and runs: what CI systems and baselines compare.

GitLab Code Quality, SARIF `partialFingerprints`, JUnit test names and `--baseline` all
need one answer to "is this the finding I saw last time?". Positions move whenever a line
is added above a finding, so the identity is built from what does not move: the code, the
file (relative to the project root), the value's JSON path and the message with any line
or column number in it normalised away (RL002 says "first defined on line 6", RL007
"anchored on line 11"). Findings that still coincide get a counter, numbered in file
order, which an edit elsewhere in the file does not change.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from reviewlint.diagnostics import Diagnostic

# A position inside a message: "line 6", "lines 3-7", "lines 3 and 7", "column 4", "at 4:9".
_LINE_WORDS = re.compile(r"\b(lines?|columns?|col)\s+\d+(?:\s*(?:-|–|and|to|,)\s*\d+)*", re.IGNORECASE)
_LINE_COL = re.compile(r"\b\d+:\d+\b")
FINGERPRINT_KEY = "reviewlint/v1"


def stable_message(message: str) -> str:
    """The message with line and column numbers replaced by `N`."""
    text = _LINE_WORDS.sub(lambda match: f"{match.group(1)} N", message)
    return _LINE_COL.sub("N:N", text)


def json_path_text(path: tuple[str | int, ...]) -> str:
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def identity(diagnostic: Diagnostic, path: str) -> tuple[str, str, str, str]:
    """(path, code, JSON path, stable message): equal for the same finding before and after
    lines move. `path` is the report's path (relative to the project root)."""
    return (Path(path).as_posix(), diagnostic.code, json_path_text(diagnostic.json_path),
            stable_message(diagnostic.message))


def _hash(parts: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(pairs: Iterable[tuple[Diagnostic, str]]) -> Iterator[str]:
    """One fingerprint per (finding, report path), in order; equal identities are told
    apart by their occurrence number (the first keeps the plain hash)."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for diagnostic, path in pairs:
        key = identity(diagnostic, path)
        occurrence = seen[key]
        seen[key] += 1
        yield _hash((*key, str(occurrence)) if occurrence else key)


def fingerprint(diagnostic: Diagnostic, path: str, occurrence: int = 0) -> str:
    key = identity(diagnostic, path)
    return _hash((*key, str(occurrence)) if occurrence else key)


def case_names(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    """JUnit test names without positions: `RL103 wrong-type $.film.year`, with `#2`, `#3`
    for a repeat (two unused suppressions of one rule in one file, say)."""
    seen: Counter[str] = Counter()
    for diagnostic in diagnostics:
        where = json_path_text(diagnostic.json_path) if diagnostic.json_path else stable_message(diagnostic.message)
        name = " ".join(part for part in (diagnostic.code, diagnostic.rule, where) if part)
        seen[name] += 1
        yield name if seen[name] == 1 else f"{name} #{seen[name]}"


__all__ = ["FINGERPRINT_KEY", "case_names", "fingerprint", "fingerprints", "identity", "stable_message"]
