"""`junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One <testsuite> per checked file. A clean file is one passing <testcase>; a file with
findings has one <testcase> per finding, named by its code, rule and JSON path (see
`report.identity.case_names`), never by its position, so a test keeps its identity when
lines move. Errors are <failure>s; warnings and info notes pass with the finding in
<system-out>, so a warnings-only run shows no failing test (as the default --fail-level
passes it). The output is valid against the common `junit-10.xsd`: positions live in the
text, not in `file`/`line` attributes of <testcase>, which that schema rejects.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.identity import case_names
from reviewlint.report.text import printable
from reviewlint.report.xml_document import write_xml

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult, FileResult

CLEAN_CASE = "reviewlint"


def _text(value: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: show them as escapes."""
    return printable(value)


def _case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": _text(path), "name": _text(name)})


def _finding(case: ET.Element, diagnostic: Diagnostic) -> None:
    """An error as a <failure>; a warning or note as the passing test's <system-out>."""
    rule = f" ({diagnostic.rule})" if diagnostic.rule else ""
    detail = _text(f"{diagnostic.concise()}{rule}")
    if diagnostic.severity is Severity.ERROR:
        failure = ET.SubElement(case, "failure", {
            "type": diagnostic.severity.label,
            "message": _text(f"{diagnostic.code} {diagnostic.message}"),
        })
        failure.text = detail
    else:
        ET.SubElement(case, "system-out").text = f"{diagnostic.severity.label}: {detail}"


def _suite(file: FileResult) -> ET.Element:
    errors = sum(1 for diagnostic in file.diagnostics if diagnostic.severity is Severity.ERROR)
    suite = ET.Element("testsuite", {
        "name": _text(file.path),
        "tests": str(max(len(file.diagnostics), 1)),
        "failures": str(errors),
        "errors": "0",
        "skipped": "0",
        "file": _text(file.path),
    })
    if not file.diagnostics:
        _case(suite, file.path, CLEAN_CASE)
    for diagnostic, name in zip(file.diagnostics, case_names(file.diagnostics), strict=True):
        _finding(_case(suite, file.path, name), diagnostic)
    return suite


def _missing_suite(path: str) -> ET.Element:
    """A path named on the command line that does not exist: an error, not a failure."""
    suite = ET.Element("testsuite", {"name": _text(path), "tests": "1", "failures": "0", "errors": "1",
                                     "skipped": "0"})
    ET.SubElement(_case(suite, path, CLEAN_CASE), "error", {"type": "missing", "message": "no such file or directory"})
    return suite


def build_tree(result: CheckResult) -> ET.Element:
    suites = [_suite(file) for file in result.files] + [_missing_suite(path) for path in result.missing]
    root = ET.Element("testsuites", {
        "name": "reviewlint",
        "tests": str(sum(int(suite.get("tests", "0")) for suite in suites)),
        "failures": str(sum(int(suite.get("failures", "0")) for suite in suites)),
        "errors": str(sum(int(suite.get("errors", "0")) for suite in suites)),
    })
    root.extend(suites)
    return root


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    write_xml(build_tree(result), stream)
