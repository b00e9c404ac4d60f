"""`sarif`: one SARIF 2.1.0 log for the whole run, for GitHub code scanning and other viewers.

`tool.driver.rules` is built from the rule registry's docs (the same text `reviewlint rule
CODE` prints), so a viewer can explain every finding. Levels map error -> error, warning ->
warning, info -> note. Regions are 1-based and counted in Unicode code points, as the
loader counts columns; `columnKind` says so. Artifact URIs are relative to the repository
root (see `report.github.workspace_relative`) and name it as `%SRCROOT%`, whose absolute
URI `originalUriBaseIds` gives, so a viewer places them wherever the run started. Each
result carries `partialFingerprints` (see `report.identity`) so an upload through the API
recognises an alert it has seen, even after lines moved. `fullDescription` is plain text
under 1,024 characters (GitHub shows it at the top of each alert); the Markdown doc goes
to `help`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, TextIO
from urllib.parse import quote

from reviewlint._version import __version__
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.links import PROJECT_URL, rule_docs_url
from reviewlint.report.github import workspace_relative, workspace_root
from reviewlint.report.identity import FINGERPRINT_KEY, fingerprints

if TYPE_CHECKING:
    from pathlib import Path

    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
# SARIF caps a message string at no length, but GitHub truncates fullDescription at 1,024.
DESCRIPTION_LIMIT = 1000
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|`)")


class RuleDoc(Protocol):
    """What SARIF needs from a registered rule (see `reviewlint.rules`)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Any: ...  # a Severity, or its label
    @property
    def summary(self) -> str: ...
    @property
    def doc(self) -> str: ...


def rule_catalogue() -> list[RuleDoc]:
    """Every registered rule, in code order."""
    from reviewlint import rules

    catalogue: list[RuleDoc] = sorted(rules.all_rules(), key=lambda rule: rule.code)
    return catalogue


def _level(severity: Any) -> str:
    if isinstance(severity, Severity):
        return LEVELS[severity]
    return LEVELS[Severity.parse(str(getattr(severity, "value", severity)))]


def plain_text(markdown: str) -> str:
    """Markdown as the plain text a viewer shows: links by their words, no emphasis or code
    marks, one space between words."""
    text = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", markdown))
    return " ".join(text.split())


def section(doc: str, title: str) -> str:
    """The body of one `## title` section of a rule doc, or ""."""
    match = re.search(rf"^#+\s*{re.escape(title)}\s*$(.*?)(?=^#+\s|\Z)", doc, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else ""


def full_description(summary: str, doc: str) -> str:
    """The summary and the doc's *What it does*, as plain text under DESCRIPTION_LIMIT."""
    text = plain_text(summary)
    what = plain_text(section(doc, "What it does"))
    if what and what not in text:
        text = f"{text} {what}".strip()
    if len(text) > DESCRIPTION_LIMIT:
        text = text[:DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return text


def rule_descriptor(rule: RuleDoc) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule.code, "name": rule.name}
    summary = rule.summary.strip()
    doc = rule.doc.strip()
    if summary:
        descriptor["shortDescription"] = {"text": plain_text(summary)}
    if summary or doc:
        descriptor["fullDescription"] = {"text": full_description(summary, doc)}
    if doc:
        descriptor["help"] = {"text": doc, "markdown": doc}
    descriptor["helpUri"] = rule_docs_url(quote(rule.name or rule.code))
    descriptor["defaultConfiguration"] = {"level": _level(rule.severity)}
    if getattr(rule, "default_enabled", True) is False:
        descriptor["defaultConfiguration"]["enabled"] = False  # opt-in rules, as `--select` turns them on
    return descriptor


def _unregistered_descriptor(diagnostic: Diagnostic) -> dict[str, Any]:
    """A finding whose code the registry does not know (an internal error, say) still
    gets a descriptor, so its ruleIndex points somewhere."""
    descriptor: dict[str, Any] = {"id": diagnostic.code}
    if diagnostic.rule:
        descriptor["name"] = diagnostic.rule
        descriptor["helpUri"] = rule_docs_url(quote(diagnostic.rule))
    descriptor["defaultConfiguration"] = {"level": LEVELS[diagnostic.severity]}
    return descriptor


def artifact_uri(path: str, root: Path | None = None) -> str:
    """A relative URI reference for a path inside the repository, a file: URI outside it."""
    # The name's bytes, percent-encoded: a file name that is not UTF-8 (surrogate escapes in
    # Python) still gets the URI of the very file.
    relative = os.fsencode(workspace_relative(path, root))
    if relative.startswith(b"/"):
        return "file://" + quote(relative)
    return quote(relative)


def artifact_location(path: str, root: Path | None = None) -> dict[str, str]:
    uri = artifact_uri(path, root)
    return {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": SRCROOT}


def root_uri(root: Path | None = None) -> str:
    """The absolute file: URI of the repository root, ending in `/` as SARIF requires."""
    absolute = os.fsencode(os.path.abspath(root or workspace_root()))
    return "file://" + quote(absolute.rstrip(b"/") + b"/")


def region(diagnostic: Diagnostic) -> dict[str, int]:
    found = {"startLine": max(diagnostic.line, 1), "startColumn": max(diagnostic.col, 1)}
    end_line, end_col = diagnostic.end_line, diagnostic.end_col
    if end_line is not None and end_col is not None and (end_line, end_col) > (found["startLine"],
                                                                               found["startColumn"]):
        found["endLine"] = end_line
        found["endColumn"] = max(end_col, 1)
    return found


def build_log(result: CheckResult, catalogue: Iterable[RuleDoc], root: Path | None = None) -> dict[str, Any]:
    descriptors = [rule_descriptor(rule) for rule in catalogue]
    index = {descriptor["id"]: number for number, descriptor in enumerate(descriptors)}
    results = []
    paths = [workspace_relative(diagnostic.path, root) for diagnostic in result.diagnostics]
    marks = fingerprints(zip(result.diagnostics, paths, strict=True))
    for diagnostic, mark in zip(result.diagnostics, marks, strict=True):
        if diagnostic.code not in index:
            index[diagnostic.code] = len(descriptors)
            descriptors.append(_unregistered_descriptor(diagnostic))
        results.append({
            "ruleId": diagnostic.code,
            "ruleIndex": index[diagnostic.code],
            "level": LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(diagnostic.path, root),
                "region": region(diagnostic),
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: mark},
        })
    invocation: dict[str, Any] = {"executionSuccessful": not (result.internal_error or result.missing)}
    if result.missing:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": f"{path}: no such file or directory"}} for path in result.missing
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reviewlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": PROJECT_URL,
                "rules": descriptors,
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": root_uri(root)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    log = build_log(result, rule_catalogue(), workspace_root())
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
