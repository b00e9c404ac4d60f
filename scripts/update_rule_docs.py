#!/usr/bin/env python3
"""Write docs/rules/<name>.md, one page per rule, and docs/rules/README.md, their index.

Usage: python scripts/update_rule_docs.py [--check]

Each page is the text `reviewlint rule CODE` prints (code, name, default severity, fix kind,
family, summary and the doc's sections), so the links the reports give (the terminal
hyperlink, SARIF's helpUri, rdjson's code url: `reviewlint.links.RULE_DOCS_URL_TEMPLATE`)
open a page in the repository. With --check nothing is written and the exit code is 1 when
a page is missing, stale or left over from a removed rule (tests/test_rule_docs_files.py
runs the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"
INDEX = "README.md"
FIX_WORDS = {"safe": "safe", "unsafe": "unsafe", "none": "", "safe or unsafe": "safe or unsafe"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_index() -> str:
    from reviewlint.rules import all_rules

    lines = [
        "# Rules",
        "",
        "One page per rule, the same text `reviewlint rule CODE` prints. Written by",
        "`python scripts/update_rule_docs.py`; do not edit by hand.",
        "",
        "| Code | Name | Severity | Fix | What it checks |",
        "|------|------|----------|-----|----------------|",
    ]
    for entry in all_rules():
        lines.append(f"| {entry.code} | [`{entry.name}`]({entry.name}.md) | {entry.severity.label} "
                     f"| {FIX_WORDS[entry.fix_label]} | {_cell(entry.summary)} |")
    return "\n".join(lines) + "\n"


def wanted_files() -> dict[str, str]:
    """File name under docs/rules/ -> its text."""
    from reviewlint.commands.rules import explain
    from reviewlint.rules import all_rules

    files = {f"{entry.name}.md": explain(entry) for entry in all_rules()}
    files[INDEX] = render_index()
    return files


def differences(folder: Path = DOCS) -> list[str]:
    """What is missing, stale or left over in `folder`, one line each (empty: up to date)."""
    wanted = wanted_files()
    found = {path.name for path in folder.glob("*.md")} if folder.is_dir() else set()
    problems = [f"{name}: missing" for name in sorted(set(wanted) - found)]
    problems += [f"{name}: stale" for name in sorted(set(wanted) & found)
                 if (folder / name).read_text(encoding="utf-8") != wanted[name]]
    problems += [f"{name}: no such rule" for name in sorted(found - set(wanted))]
    return problems


def write(folder: Path = DOCS) -> list[str]:
    """Bring `folder` up to date; the names of the files written or removed."""
    wanted = wanted_files()
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for path in folder.glob("*.md"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path.name)
    return changed


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = differences()
        for problem in problems:
            print(f"docs/rules/{problem}", file=sys.stderr)
        if problems:
            print("docs/rules is out of date; run python scripts/update_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    for name in write():
        print(f"docs/rules/{name} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
