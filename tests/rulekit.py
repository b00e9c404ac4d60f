"""Helpers for the rule tests: a clean base review, snippet overlays and compact findings.

A rule example shows only the keys that matter. `overlay(snippet)` puts each top-level
block of the snippet in place of the base review's block with the same key (or appends
it), keeping the snippet's text exactly, so typography and scalar styles survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conftest import valid_review_text
from reviewlint.config import Settings
from reviewlint.diagnostics import Diagnostic
from reviewlint.engine import check_text

# The shared base review (conftest.py) with a one-paragraph body, so that the rule tests'
# line numbers stay put. Clean under the schema and every rule (test_rules_docs.py proves it).
_SECOND_PARAGRAPH = "    - The final shot holds on the lamp for a full minute, and it earns every second.\n"
assert _SECOND_PARAGRAPH in valid_review_text()
BASE = valid_review_text().replace(_SECOND_PARAGRAPH, "", 1)

_TOP_KEY_RE = re.compile(r"^([^\s#][^:]*):", re.MULTILINE)


def blocks(text: str) -> list[tuple[str, str]]:
    """(top-level key, its block of lines) in order; leading comments join the next block."""
    result: list[tuple[str, str]] = []
    pending: list[str] = []
    for line in text.splitlines(keepends=True):
        match = _TOP_KEY_RE.match(line)
        if match:
            result.append((match.group(1).strip(), "".join(pending) + line))
            pending = []
        elif result and not line.lstrip().startswith("#") and line.strip():
            key, block = result[-1]
            result[-1] = (key, block + "".join(pending) + line)
            pending = []
        else:
            pending.append(line)
    if pending and result:
        key, block = result[-1]
        result[-1] = (key, block + "".join(pending))
    return result


def overlay(snippet: str, base: str = BASE) -> str:
    replacements = blocks(snippet if snippet.endswith("\n") else snippet + "\n")
    chosen = dict(replacements)
    out: list[str] = []
    used: set[str] = set()
    for key, block in blocks(base):
        if key in chosen and key not in used:
            out.append(chosen[key])
            used.add(key)
        elif key not in chosen:
            out.append(block)
    out.extend(block for key, block in replacements if key not in used)
    return "".join(out)


def findings(text: str, codes: Iterable[str] | None = None, settings: Settings | None = None,
             path: str = "review.yaml") -> list[tuple[str, int, int, str]]:
    """(code, line, col, message) of each finding, optionally only those with `codes`."""
    wanted = set(codes) if codes is not None else None
    return [compact(d) for d in check_text(text, path, settings) if wanted is None or d.code in wanted]


def diagnostics(text: str, settings: Settings | None = None, path: str = "review.yaml") -> list[Diagnostic]:
    return check_text(text, path, settings)


def compact(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return diagnostic.code, diagnostic.line, diagnostic.col, diagnostic.message
