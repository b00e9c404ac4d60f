"""Addresses the project serves, in one place: its repository, and each rule's doc in it.

The rule docs are files in the repository (docs/rules/<name>.md, written by
scripts/update_rule_docs.py from the text `reviewlint rule CODE` prints), so every link a
report gives (a terminal hyperlink, SARIF's helpUri, rdjson's code url) opens a page that
exists. The schema's `$id` is an identifier, not a link, and lives in `schemagen`.
"""

from __future__ import annotations

PROJECT_URL = "https://github.com/reviewlint/reviewlint"
RULE_DOCS_URL_TEMPLATE = PROJECT_URL + "/blob/main/docs/rules/{name}.md"


def rule_docs_url(name: str) -> str:
    """The web address of the doc of the rule named `name` (`trailing-whitespace`)."""
    return RULE_DOCS_URL_TEMPLATE.format(name=name)
