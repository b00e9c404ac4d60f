"""`checkstyle`: Checkstyle XML, which Jenkins (Warnings NG), reviewdog (`-f=checkstyle`),
SonarQube importers and many code-review bots read.

    <checkstyle version="4.3"><file name="reviews/a.yaml">
      <error line="4" column="9" severity="error" message="..." source="reviewlint.RL103"/>
    </file></checkstyle>

Every checked file gets a <file> element (a clean one is empty, so consumers can tell it
was checked); a path that does not exist gets one error without a line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Severity
from reviewlint.report.github import workspace_relative, workspace_root
from reviewlint.report.text import printable
from reviewlint.report.xml_document import write_xml

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult

VERSION = "4.3"
SEVERITIES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def build_tree(result: CheckResult) -> ET.Element:
    root = ET.Element("checkstyle", {"version": VERSION})
    base = workspace_root()
    for file in result.files:
        element = ET.SubElement(root, "file", {"name": printable(workspace_relative(file.path, base))})
        for diagnostic in file.diagnostics:
            ET.SubElement(element, "error", {
                "line": str(diagnostic.line),
                "column": str(diagnostic.col),
                "severity": SEVERITIES[diagnostic.severity],
                "message": printable(f"{diagnostic.message} ({diagnostic.rule})" if diagnostic.rule
                                     else diagnostic.message),
                "source": f"reviewlint.{diagnostic.code}",
            })
    for missing in result.missing:
        element = ET.SubElement(root, "file", {"name": printable(workspace_relative(missing, base))})
        ET.SubElement(element, "error", {"severity": "error", "message": "no such file or directory",
                                         "source": "reviewlint.missing"})
    return root


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    write_xml(build_tree(result), stream)
