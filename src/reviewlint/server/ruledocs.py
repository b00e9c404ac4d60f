"""Rule docs for the editor: the Markdown text (hover) and a link an editor can open
(a diagnostic's `codeDescription`).

The project serves no web page per rule, so the default link is a local file: the
rule's doc written once, on first use, under the user's cache folder (an editor opens
`file://` links in a tab). `ruleDocsUrl` in the client's initialization options (a
template with `{code}` and `{name}`) replaces it, for a team that hosts its docs.
"""

from __future__ import annotations

import os
from pathlib import Path

from reviewlint._version import __version__


def doc_markdown(code: str) -> str | None:
    """`# RL601 trailing-whitespace`, the severity and fix line, and the doc's sections."""
    from reviewlint.rules import get_rule

    entry = get_rule(code)
    if entry is None:
        return None
    return (f"### {entry.code} {entry.name}\n\nSeverity: {entry.severity.label}. Fix: {entry.fix_sentence}.\n\n"
            f"{entry.summary}\n\n{entry.doc.strip()}\n")


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reviewlint" / __version__ / "rules"


class RuleLinks:
    """Code -> link, one file write per rule per process at most."""

    def __init__(self, template: str | None = None) -> None:
        self.template = template
        self._links: dict[str, str | None] = {}

    def link(self, code: str, name: str) -> str | None:
        if code in self._links:
            return self._links[code]
        found: str | None
        if self.template:
            found = self.template.replace("{code}", code).replace("{name}", name)
        else:
            found = self._write(code, name)
        self._links[code] = found
        return found

    def _write(self, code: str, name: str) -> str | None:
        text = doc_markdown(code)
        if text is None:
            return None
        path = _cache_folder() / f"{code}-{name}.md"
        try:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, path)
        except OSError:
            return None  # no link rather than a broken one
        return path.as_uri()
