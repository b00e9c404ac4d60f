"""Running the enabled rules over one document, with the selection the settings resolved."""

from __future__ import annotations

from dataclasses import replace

from reviewlint import schema
from reviewlint.codes import internal_error
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document
from reviewlint.rules._core import Rule
from reviewlint.settings import RuleStep, Settings


def _plan(settings: Settings) -> tuple[RuleStep, ...]:
    """The rules to run under `settings`, each with its options (defaults filled in)."""
    return settings.table.steps


def _supported(document: Document) -> bool:
    """False for a document on a schema these rules were not written for (RL109 says so)."""
    declared = document.data.get("schema_version") if isinstance(document.data, dict) else None
    if not isinstance(declared, str):
        return True
    version, _problem, _severity = schema.pick_version(declared)
    return version is not None or not declared.replace(".", "").isdigit()


def run_rules(document: Document, settings: Settings) -> tuple[list[Diagnostic], bool]:
    """(diagnostics, whether a rule failed internally). A rule that raises costs the file
    one RL999 diagnostic; the other rules still run."""
    from reviewlint.rules._context import Context, limit_per_value

    if not document.loaded or not _supported(document):
        return [], False
    context = Context(document, settings.vocabulary)
    found: list[Diagnostic] = []
    failures: list[tuple[Rule, Exception]] = []
    for entry, options, severity in _plan(settings):
        context.rule = entry
        assert entry.check is not None
        try:
            produced = limit_per_value(list(entry.check(context, options)))
        except Exception as error:  # a bug in one rule must not hide the others' findings
            failures.append((entry, error))
            continue
        if severity is not None:
            produced = [replace(d, severity=severity) for d in produced]
        found.extend(produced)
    if failures:
        first, problem = failures[0]
        where = f"rule {first.name}"
        if len(failures) > 1:
            where += f" (and {', '.join(other.name for other, _ in failures[1:])})"
        found.append(internal_error(document.path, where, problem))
    return found, bool(failures)
