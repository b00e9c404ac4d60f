#!/usr/bin/env python3
"""Regenerate the rule table in README.md from the rules' own docs.

Usage: python scripts/update_readme_rules.py [--check]

Only the region between `<!-- rules-table:start -->` and `<!-- rules-table:end -->` is
rewritten. With --check nothing is written and the exit code is 1 when the table is out
of date (tests/test_cli_rules.py runs the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

START = "<!-- rules-table:start -->"
END = "<!-- rules-table:end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


def render_table() -> str:
    from reviewlint.rules import all_rules

    lines = [
        "| Code | Name | Severity | Fix | What it checks |",
        "|------|------|----------|-----|----------------|",
    ]
    for entry in all_rules():
        fix = {"safe": "safe", "unsafe": "unsafe", "none": "", "safe or unsafe": "safe or unsafe"}[entry.fix_label]
        summary = entry.summary.replace("|", "\\|")
        lines.append(f"| {entry.code} | `{entry.name}` | {entry.severity.label} | {fix} | {summary} |")
    return "\n".join(lines)


def updated(text: str) -> str:
    """`text` with the rule table region replaced by the current table."""
    head, start, rest = text.partition(START)
    _old, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md lacks the {START} ... {END} markers")
    return f"{head}{START}\n{render_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = updated(current)
    if "--check" in argv:
        if current != wanted:
            print("README.md rule table is out of date; run python scripts/update_readme_rules.py", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        README.write_text(wanted, encoding="utf-8")
        print("README.md rule table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
