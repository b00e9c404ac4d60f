"""A finding keeps its identity when lines move: GitLab fingerprints, SARIF
partialFingerprints and JUnit test names are built from what does not move.

The test runs the real pipeline over every file of examples/invalid/, then again over
copies with one comment line added at the top (every finding one line down), and compares.
JUnit output is checked against the constraints of the common `junit-10.xsd` (the schema
Jenkins' xUnit plugin and most JUnit consumers validate against): which attributes each
element may carry, which it must, and which children it may hold.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult, SettingsLookup, check_paths
from reviewlint.report import ReportOptions, renderer
from reviewlint.report.identity import case_names, fingerprints, stable_message

EXAMPLES = Path(__file__).parent.parent / "examples" / "invalid"
SARIF_SCHEMA = Path(__file__).parent / "vendor" / "sarif-schema-2.1.0.json"

# junit-10.xsd, element by element: (attributes allowed, attributes required, children allowed).
JUNIT_10 = {
    "testsuites": ({"name", "time", "tests", "failures", "errors"}, set(), {"testsuite"}),
    "testsuite": ({"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname",
                   "id", "package", "file", "log", "url"}, {"name", "tests", "failures", "errors"},
                  {"testsuite", "properties", "testcase", "system-out", "system-err"}),
    "testcase": ({"name", "time", "classname", "group"}, {"name"},
                 {"skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure", "flakyError",
                  "system-out", "system-err"}),
    "failure": ({"type", "message"}, set(), set()),
    "error": ({"type", "message"}, set(), set()),
    "skipped": ({"type", "message"}, set(), set()),
    "system-out": (set(), set(), set()),
    "system-err": (set(), set(), set()),
    "properties": (set(), set(), {"property"}),
    "property": ({"name", "value"}, {"name", "value"}, set()),
}


def junit_10_errors(element: ET.Element) -> list[str]:
    allowed, required, children = JUNIT_10[element.tag]
    errors = [f"<{element.tag}> has attribute {name!r}" for name in sorted(set(element.attrib) - allowed)]
    errors += [f"<{element.tag}> lacks attribute {name!r}" for name in sorted(required - set(element.attrib))]
    for child in element:
        if child.tag not in children:
            errors.append(f"<{element.tag}> holds <{child.tag}>")
        elif child.tag in JUNIT_10:
            errors += junit_10_errors(child)
    return errors


def copy_examples(target: Path, moved: bool) -> None:
    target.mkdir()
    for source in sorted(EXAMPLES.glob("*.yaml")):
        data = source.read_bytes()
        (target / source.name).write_bytes(b"# one line added above everything\n" + data if moved else data)


def run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    result = check_paths(["."], settings_for=SettingsLookup(isolated=True), jobs=1)
    result.files.sort(key=lambda file: file.path)
    return result


def report(name: str, result: CheckResult) -> str:
    stream = io.StringIO()
    renderer(name)(result, stream, ReportOptions())
    return stream.getvalue()


def identities(result: CheckResult) -> dict[str, Any]:
    gitlab = [issue["fingerprint"] for issue in json.loads(report("gitlab", result))]
    sarif_log = json.loads(report("sarif", result))
    sarif = [r["partialFingerprints"]["reviewlint/v1"] for r in sarif_log["runs"][0]["results"]]
    junit = ET.fromstring(report("junit", result).encode("utf-8"))
    names = [(case.get("classname"), case.get("name")) for case in junit.iter("testcase")]
    return {"gitlab": gitlab, "sarif": sarif, "junit": names}


@pytest.fixture
def before_and_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[CheckResult, CheckResult]:
    copy_examples(tmp_path / "repo", moved=False)
    before = run(tmp_path / "repo", monkeypatch)
    shutil.rmtree(tmp_path / "repo")
    copy_examples(tmp_path / "repo", moved=True)
    after = run(tmp_path / "repo", monkeypatch)
    return before, after


def test_every_finding_moved_down_by_one_line(before_and_after: tuple[CheckResult, CheckResult]) -> None:
    before, after = before_and_after
    assert len(before.diagnostics) >= 20
    # RL004 (the file holds no review) is a whole-file finding, at 1:1 wherever the comments end.
    assert [(d.code, d.line + (d.code != "RL004")) for d in before.diagnostics] == [
        (d.code, d.line) for d in after.diagnostics]
    # The messages that embed line numbers are among them (the reason for this test).
    moved_messages = {d.code for d, e in zip(before.diagnostics, after.diagnostics, strict=True)
                      if d.message != e.message}
    assert {"RL001", "RL002", "RL007"} <= moved_messages


def test_identities_hold_when_lines_move(before_and_after: tuple[CheckResult, CheckResult]) -> None:
    before, after = before_and_after
    first, second = identities(before), identities(after)
    assert first == second
    assert len(set(first["gitlab"])) == len(first["gitlab"]) == len(before.diagnostics)
    assert first["gitlab"] == first["sarif"]
    assert len(set(first["junit"])) == len(first["junit"])
    assert not [name for _, name in first["junit"] if name and re.search(r"\d+:\d+|line \d", name)]


def test_sarif_of_the_examples_validates(before_and_after: tuple[CheckResult, CheckResult]) -> None:
    validator = jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    log = json.loads(report("sarif", before_and_after[1]))
    assert not [error.message for error in validator.iter_errors(log)]


def test_junit_of_the_examples_is_valid_against_junit_10(before_and_after: tuple[CheckResult, CheckResult]) -> None:
    root = ET.fromstring(report("junit", before_and_after[1]).encode("utf-8"))
    assert junit_10_errors(root) == []
    failures = sum(1 for d in before_and_after[1].diagnostics if d.severity is Severity.ERROR)
    assert root.get("failures") == str(failures)


def test_a_warnings_only_run_reports_no_failures() -> None:
    warnings = [Diagnostic("RL402", "headline repeats the title", "a.yaml", 3, 1, Severity.WARNING,
                           "headline-repeats-title", json_path=("review", "headline")),
                Diagnostic("RL501", "paragraph 1 is a single short sentence", "a.yaml", 9, 3, Severity.INFO,
                           "short-paragraph", json_path=("review", "body", 0))]
    root = ET.fromstring(report("junit", CheckResult(files=[FileResult("a.yaml", warnings)])).encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "0")
    assert root.find(".//failure") is None
    assert [out.text for out in root.iter("system-out")] == [
        "warning: a.yaml:3:1: RL402 headline repeats the title (headline-repeats-title)",
        "info: a.yaml:9:3: RL501 paragraph 1 is a single short sentence (short-paragraph)"]
    assert junit_10_errors(root) == []


def test_junit_of_a_missing_path_is_valid_against_junit_10() -> None:
    root = ET.fromstring(report("junit", CheckResult(missing=["gone.yaml"])).encode("utf-8"))
    assert junit_10_errors(root) == []
    assert root.get("errors") == "1"


@pytest.mark.parametrize(("message", "stable"), [
    ("duplicate key `year` (first defined on line 6)", "duplicate key `year` (first defined on line N)"),
    ("alias *d repeats the value anchored on line 11); write it out", "alias *d repeats the value anchored on line N); "
                                                                      "write it out"),
    ("suppression of `RL201` suppresses nothing on lines 3-7; remove it",
     "suppression of `RL201` suppresses nothing on lines N; remove it"),
    ("in the output: 4:9 RL103 bad", "in the output: N:N RL103 bad"),
    ("rating 11 is above the scale maximum 10", "rating 11 is above the scale maximum 10"),
])
def test_stable_message_drops_positions_only(message: str, stable: str) -> None:
    assert stable_message(message) == stable


def test_findings_that_coincide_get_distinct_counted_identities() -> None:
    twin = Diagnostic("RL801", "suppression of `RL201` suppresses nothing on line 3", "a.yaml", 3, 1,
                      Severity.WARNING, "unused-suppression")
    later = Diagnostic("RL801", "suppression of `RL201` suppresses nothing on line 9", "a.yaml", 9, 1,
                       Severity.WARNING, "unused-suppression")
    marks = list(fingerprints([(twin, "a.yaml"), (later, "a.yaml")]))
    assert len(set(marks)) == 2
    assert list(case_names([twin, later])) == [
        "RL801 unused-suppression suppression of `RL201` suppresses nothing on line N",
        "RL801 unused-suppression suppression of `RL201` suppresses nothing on line N #2"]


@given(st.lists(st.tuples(st.sampled_from(["RL102", "RL801"]), st.sampled_from(["a", "b"]),
                          st.integers(1, 500)), max_size=30))
def test_fingerprints_never_collide_and_ignore_lines(findings: list[tuple[str, str, int]]) -> None:
    diagnostics = [(Diagnostic(code, f"`{key}` on line {line}", "r.yaml", line, 1), "r.yaml")
                   for code, key, line in findings]
    shifted = [(Diagnostic(d.code, d.message.replace(str(d.line), str(d.line + 7)), d.path, d.line + 7, 1), p)
               for d, p in diagnostics]
    marks = list(fingerprints(diagnostics))
    assert len(set(marks)) == len(marks)
    assert marks == list(fingerprints(shifted))


def test_sarif_uris_resolve_to_the_file_from_any_working_folder(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import unquote, urljoin

    from click.testing import CliRunner

    from reviewlint.cli import cli

    (tmp_path / "audit" / "examples").mkdir(parents=True)
    target = tmp_path / "audit" / "examples" / "alias.yaml"
    shutil.copy(EXAMPLES / "alias.yaml", target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    outcome = CliRunner().invoke(cli, ["check", "--no-cache", "--isolated", "--output-format", "sarif",
                                       "audit/examples/alias.yaml"])
    run_log = json.loads(outcome.stdout)["runs"][0]
    location = run_log["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    base = run_log["originalUriBaseIds"][location["uriBaseId"]]["uri"]
    assert unquote(urljoin(base, location["uri"])) == target.resolve().as_uri()


def test_junitparser_reads_a_warnings_only_run_as_passing(tmp_path: Path) -> None:
    from junitparser import JUnitXml

    warning = Diagnostic("RL402", "headline repeats the title", "a.yaml", 3, 1, Severity.WARNING,
                         "headline-repeats-title", json_path=("review", "headline"))
    (tmp_path / "j.xml").write_text(report("junit", CheckResult(files=[FileResult("a.yaml", [warning])])),
                                    encoding="utf-8")
    parsed = JUnitXml.fromfile(str(tmp_path / "j.xml"))
    assert (parsed.tests, parsed.failures, parsed.errors) == (1, 0, 0)
