"""Report formats: exact output on a fixed input, and the contracts CI systems rely on.

The fixed input is a hand-built CheckResult over tests/fixtures/report/reviews/alien.yaml,
so the expected files do not move when rules are added; the CLI tests run the real
pipeline on the same file with `--select RL0,RL1` (loader and schema only).
"""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from reviewlint import __version__
from reviewlint.cli import cli
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.engine import CheckResult, FileResult
from reviewlint.report import FORMATS, ReportOptions, github, gitlab, renderer, sarif

FIXTURES = Path(__file__).parent / "fixtures" / "report"
EXPECTED = FIXTURES / "expected"
SARIF_SCHEMA = Path(__file__).parent / "vendor" / "sarif-schema-2.1.0.json"
ALIEN = "reviews/alien.yaml"
CLEAN = "reviews/clean.yaml"
VERSION_MARK = "<version>"
ROOT_MARK = "file:///<root>/"
# The rule docs are files in the repository (docs/rules/<name>.md), not pages on a site it does not serve.
RULE_DOCS = "https://github.com/reviewlint/reviewlint/blob/main/docs/rules/"
# The characters RFC 3986 allows in a URI reference (anything else must be %-encoded).
URI_REFERENCE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


@dataclass(frozen=True)
class StubRule:
    """A registry entry as `reviewlint.rules.all_rules()` yields it."""

    code: str
    name: str
    severity: Severity
    fix: FixSafety
    summary: str
    doc: str


STUB_RULES = [
    StubRule("RL103", "wrong-type", Severity.ERROR, FixSafety.NONE, "A value has the wrong type.",
             "## What it does\nChecks each value's type.\n\n## Why\nTools read `year` as a number."),
    StubRule("RL201", "rating-out-of-range", Severity.ERROR, FixSafety.UNSAFE, "The rating is off its scale.",
             "## What it does\nCompares the rating with its scale.\n\n## Fix\nUnsafe: clamps the value."),
    StubRule("RL402", "headline-repeats-title", Severity.WARNING, FixSafety.NONE,
             "The headline repeats the film's title.", "## What it does\nCompares the headline with the title."),
    StubRule("RL501", "short-paragraph", Severity.INFO, FixSafety.NONE, "A paragraph is one short sentence.",
             "## What it does\nCounts the sentences of each paragraph."),
    StubRule("RL601", "unused-rule", Severity.WARNING, FixSafety.SAFE, "A rule with no finding here.",
             "## What it does\nNothing in this input."),
]


def fixed_result() -> CheckResult:
    clamp = Fix("set the rating to the scale maximum 10", FixSafety.UNSAFE, (Edit(("rating", "value"), 10),))
    alien = [
        Diagnostic("RL103", "`year` must be an integer, got 'nineteen79'", ALIEN, 4, 9, Severity.ERROR,
                   "wrong-type", 4, 19, json_path=("film", "year")),
        Diagnostic("RL201", "rating 11 is above the scale maximum 10", ALIEN, 7, 10, Severity.ERROR,
                   "rating-out-of-range", 7, 12, fix=clamp, json_path=("rating", "value")),
        Diagnostic("RL402", "headline \"Alien: 100% dread, in space\" repeats the title, word for word",
                   ALIEN, 10, 13, Severity.WARNING, "headline-repeats-title", 10, 42,
                   json_path=("review", "headline")),
        Diagnostic("RL501", "paragraph 1 is a single short sentence", ALIEN, 12, 7, Severity.INFO,
                   "short-paragraph", 14, 23, json_path=("review", "body", 0)),
    ]
    return CheckResult(files=[FileResult(path=ALIEN, diagnostics=alien), FileResult(path=CLEAN)])


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(FIXTURES)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    monkeypatch.setattr(sarif, "rule_catalogue", lambda: list(STUB_RULES))
    return FIXTURES


def rendered(name: str, result: CheckResult | None = None) -> str:
    stream = io.StringIO()
    renderer(name)(result or fixed_result(), stream, ReportOptions(color=False))
    # The SARIF root is the absolute working folder, which differs from checkout to checkout.
    return (stream.getvalue().replace(f'"{__version__}"', f'"{VERSION_MARK}"')
            .replace(f'"{sarif.root_uri(Path.cwd())}"', f'"{ROOT_MARK}"'))


EXPECTED_FILES = {
    "text": "alien.text",
    "concise": "alien.concise",
    "json": "alien.json",
    "github": "alien.github",
    "sarif": "alien.sarif.json",
    "junit": "alien.junit.xml",
    "gitlab": "alien.gitlab.json",
    "rdjson": "alien.rdjson.json",
    "checkstyle": "alien.checkstyle.xml",
}


def test_every_format_has_an_expected_output() -> None:
    assert set(EXPECTED_FILES) == set(FORMATS)


@pytest.mark.parametrize("name", sorted(EXPECTED_FILES))
def test_exact_output_on_the_fixed_input(in_fixtures: Path, name: str) -> None:
    expected = (EXPECTED / EXPECTED_FILES[name]).read_text(encoding="utf-8")
    assert rendered(name) == expected


# --- github -------------------------------------------------------------------------------

def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert github.escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert github.escape_property("100%\r\nnext: a, b") == "100%25%0D%0Anext%3A a%2C b"


def test_github_annotation_escapes_path_properties_and_message(tmp_path: Path) -> None:
    diagnostic = Diagnostic("RL104", "bad value:\n100% wrong, see docs", str(tmp_path / "a:b, c.yaml"), 3, 5,
                            Severity.ERROR, "invalid-value", 3, 8)
    assert github.annotation(diagnostic, tmp_path) == (
        "::error title=reviewlint (RL104),file=a%3Ab%2C c.yaml,line=3,col=5,endLine=3,endColumn=8"
        "::a:b, c.yaml:3:5: RL104 bad value:%0A100%25 wrong, see docs"
    )


def test_github_multiline_span_has_no_columns(tmp_path: Path) -> None:
    diagnostic = Diagnostic("RL501", "long", str(tmp_path / "r.yaml"), 12, 7, Severity.INFO, "x", 14, 23)
    assert github.annotation(diagnostic, tmp_path) == (
        "::notice title=reviewlint (RL501),file=r.yaml,line=12,endLine=14::r.yaml:12:7: RL501 long")


def test_github_point_without_an_end(tmp_path: Path) -> None:
    diagnostic = Diagnostic("RL001", "syntax", str(tmp_path / "r.yaml"), 2, 1, Severity.WARNING)
    assert github.annotation(diagnostic, tmp_path) == (
        "::warning title=reviewlint (RL001),file=r.yaml,line=2,col=1::r.yaml:2:1: RL001 syntax")


def test_github_paths_are_relative_to_the_workspace_without_dot_slash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reviews").mkdir()
    monkeypatch.chdir(tmp_path / "reviews")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert github.workspace_relative("./a.yaml") == "reviews/a.yaml"
    assert github.workspace_relative(str(tmp_path / "reviews" / "b.yaml")) == "reviews/b.yaml"
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert github.workspace_relative("./a.yaml") == "a.yaml"
    outside = tmp_path.parent / "elsewhere.yaml"
    assert github.workspace_relative(str(outside)) == outside.as_posix()


def test_github_control_characters_cannot_reach_the_log(tmp_path: Path) -> None:
    diagnostic = Diagnostic("RL102", "unknown key `a\x1b[31mb`", str(tmp_path / "r.yaml"), 1, 1, Severity.ERROR)
    line = github.annotation(diagnostic, tmp_path)
    assert "\x1b" not in line
    assert line.endswith("RL102 unknown key `a\\x1b[31mb`")


# --- gitlab -------------------------------------------------------------------------------

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_issues_carry_what_gitlab_code_quality_requires(in_fixtures: Path) -> None:
    """The fields GitLab's Code Quality docs list as required, with their allowed values."""
    report = json.loads(rendered("gitlab"))
    assert isinstance(report, list) and len(report) == 4
    for entry in report:
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert entry["severity"] in GITLAB_SEVERITIES
        assert entry["description"].startswith(entry["check_name"] + " ")
        assert re.fullmatch(r"[0-9a-f]{32}", entry["fingerprint"])
        assert entry["location"]["path"] == ALIEN
        assert entry["location"]["positions"]["begin"]["line"] >= 1
    assert [entry["severity"] for entry in report] == ["major", "major", "minor", "info"]
    assert len({entry["fingerprint"] for entry in report}) == 4


def test_gitlab_fingerprints_ignore_the_line_and_never_collide(tmp_path: Path) -> None:
    def finding(line: int, path: str = "r.yaml") -> Diagnostic:
        return Diagnostic("RL606", "'potray' is a misspelling of 'portray'", str(tmp_path / path), line, 5,
                          Severity.WARNING, "misspelling", line, 11, json_path=("review", "body", 0))

    moved = gitlab.issues(CheckResult(files=[FileResult("r.yaml", [finding(12)])]), tmp_path)
    before = gitlab.issues(CheckResult(files=[FileResult("r.yaml", [finding(9)])]), tmp_path)
    assert moved[0]["fingerprint"] == before[0]["fingerprint"]  # an edit above it does not make it new
    assert moved[0]["location"]["positions"] == {"begin": {"line": 12, "column": 5}, "end": {"line": 12, "column": 11}}
    twice = gitlab.issues(CheckResult(files=[FileResult("r.yaml", [finding(9), finding(9)])]), tmp_path)
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]  # GitLab would show only one
    other = gitlab.issues(CheckResult(files=[FileResult("s.yaml", [finding(9, "s.yaml")])]), tmp_path)
    assert other[0]["fingerprint"] != before[0]["fingerprint"]


def test_gitlab_paths_are_relative_to_the_project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reviews").mkdir()
    monkeypatch.chdir(tmp_path / "reviews")
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    result = CheckResult(files=[FileResult("a.yaml", [Diagnostic("RL001", "syntax", "./a.yaml", 2, 1)])])
    [entry] = gitlab.issues(result)
    assert entry["location"] == {"path": "reviews/a.yaml", "positions": {"begin": {"line": 2, "column": 1}}}


# --- sarif --------------------------------------------------------------------------------

def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid_sarif(log: dict[str, Any]) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    # What the schema cannot say: indexes point at the rule with the same id, regions are
    # 1-based, and every rule's help lives at a stable, absolute address.
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("./")
        # jsonschema checks "uri-reference" only with an optional package: check it here.
        assert URI_REFERENCE.fullmatch(uri), uri
    assert run["tool"]["driver"]["informationUri"].startswith("https://")
    for rule in rules:
        if "name" in rule:
            assert rule["helpUri"] == f"{RULE_DOCS}{rule['name']}.md"
            assert URI_REFERENCE.fullmatch(rule["helpUri"])


def test_vendored_sarif_schema_is_the_official_one() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_vendored_schema_rejects_a_broken_log() -> None:
    """The validation below would be worthless if this schema accepted anything."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "reviewlint"}},
                                            "results": [{"message": {"text": "x"}, "level": "info"}]}]}
    assert any(error.validator == "enum" for error in sarif_validator().iter_errors(broken))


def test_sarif_on_the_fixed_input_is_valid_and_maps_levels(in_fixtures: Path) -> None:
    log = json.loads(rendered("sarif"))
    assert_valid_sarif(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "note"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["RL103", "RL201", "RL402", "RL501", "RL601"]
    multi = run["results"][3]["locations"][0]["physicalLocation"]["region"]
    assert multi == {"startLine": 12, "startColumn": 7, "endLine": 14, "endColumn": 23}


def test_sarif_rules_come_from_the_rule_docs() -> None:
    descriptor = sarif.rule_descriptor(STUB_RULES[1])
    assert descriptor == {
        "id": "RL201",
        "name": "rating-out-of-range",
        "shortDescription": {"text": "The rating is off its scale."},
        "fullDescription": {"text": "The rating is off its scale. Compares the rating with its scale."},
        "help": {"text": STUB_RULES[1].doc, "markdown": STUB_RULES[1].doc},
        "helpUri": f"{RULE_DOCS}rating-out-of-range.md",
        "defaultConfiguration": {"level": "error"},
    }


@dataclass(frozen=True)
class OptInRule(StubRule):
    default_enabled: bool = False


def test_sarif_marks_opt_in_rules_as_disabled_by_default() -> None:
    opt_in = OptInRule("RL650", "strict-quotes", Severity.INFO, FixSafety.SAFE, "Quotes are typographic.", "")
    assert sarif.rule_descriptor(opt_in) == {
        "id": "RL650", "name": "strict-quotes", "shortDescription": {"text": "Quotes are typographic."},
        "fullDescription": {"text": "Quotes are typographic."},
        "helpUri": f"{RULE_DOCS}strict-quotes.md",
        "defaultConfiguration": {"level": "note", "enabled": False}}


def test_sarif_finding_without_a_registered_rule_still_has_a_descriptor(tmp_path: Path) -> None:
    internal = Diagnostic("RL999", "internal error in schema validation: KeyError (please report this)",
                          str(tmp_path / "r.yaml"), 1, 1, Severity.ERROR, "internal-error")
    log = sarif.build_log(CheckResult(files=[FileResult(path=internal.path, diagnostics=[internal],
                                                        internal_error=True)]), STUB_RULES[:1], tmp_path)
    assert_valid_sarif(log)
    assert log["runs"][0]["tool"]["driver"]["rules"][1] == {
        "id": "RL999", "name": "internal-error", "helpUri": f"{RULE_DOCS}internal-error.md",
        "defaultConfiguration": {"level": "error"}}
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]


def test_sarif_reports_missing_paths_as_failed_execution(tmp_path: Path) -> None:
    log = sarif.build_log(CheckResult(missing=["nope.yaml"]), [], tmp_path)
    assert_valid_sarif(log)
    assert log["runs"][0]["invocations"] == [{
        "executionSuccessful": False,
        "toolExecutionNotifications": [{"level": "error", "message": {"text": "nope.yaml: no such file or directory"}}],
    }]
    assert log["runs"][0]["results"] == []


def test_sarif_uris_are_relative_references_or_file_uris(tmp_path: Path) -> None:
    assert sarif.artifact_uri(str(tmp_path / "my reviews" / "été.yaml"), tmp_path) == "my%20reviews/%C3%A9t%C3%A9.yaml"
    outside = tmp_path.parent / "x.yaml"
    assert sarif.artifact_uri(str(outside), tmp_path) == "file://" + outside.as_posix()


def test_sarif_from_the_cli_with_the_real_rule_registry_validates(in_fixtures: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real registry, not the stub
    monkeypatch.chdir(FIXTURES)
    outcome = CliRunner().invoke(cli, ["check", "--no-cache", "--isolated", "--output-format", "sarif",
                                       "reviews/"])
    assert outcome.exit_code == 1, outcome.output
    log = json.loads(outcome.stdout)
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    year = next(r for r in results if r["ruleId"] == "RL103")
    assert year["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "reviews/alien.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 9, "endLine": 4, "endColumn": 19},
    }
    assert log["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": FIXTURES.resolve().as_uri() + "/"}}
    assert all(len(r["partialFingerprints"]["reviewlint/v1"]) == 32 for r in results)
    from reviewlint import rules

    registered = {rule.code: rule for rule in rules.all_rules()}
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert {d["id"] for d in descriptors} >= set(registered)
    for descriptor in descriptors:
        if descriptor["id"] in registered:
            # GitHub shows fullDescription as plain text at the top of an alert, cut at 1,024.
            full = descriptor["fullDescription"]["text"]
            assert full.startswith(registered[descriptor["id"]].summary.strip().replace("`", ""))
            assert len(full) < 1024 and "## " not in full and "\n" not in full
            assert descriptor["help"]["markdown"] == registered[descriptor["id"]].doc.strip()


# --- junit --------------------------------------------------------------------------------

def test_junit_is_well_formed_and_counts(in_fixtures: Path) -> None:
    root = ET.fromstring(rendered("junit").encode("utf-8"))
    # Only the two errors fail; the warning and the note pass with the finding in system-out.
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("errors")) == ("testsuites", "5", "2", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [ALIEN, CLEAN]
    assert [c.get("name") for c in suites[0].findall("testcase")] == [
        "RL103 wrong-type $.film.year", "RL201 rating-out-of-range $.rating.value",
        "RL402 headline-repeats-title $.review.headline", "RL501 short-paragraph $.review.body[0]"]
    assert [f.get("type") for f in suites[0].iter("failure")] == ["error", "error"]
    assert [o.text for o in suites[0].iter("system-out")] == [
        'warning: reviews/alien.yaml:10:13: RL402 headline "Alien: 100% dread, in space" repeats the title, '
        "word for word (headline-repeats-title)",
        "info: reviews/alien.yaml:12:7: RL501 paragraph 1 is a single short sentence (short-paragraph)"]
    assert suites[1].find("testcase/failure") is None


def test_junit_stays_well_formed_with_control_characters_in_messages(tmp_path: Path) -> None:
    nasty = Diagnostic("RL102", "unknown key `\x00\x1b\ufffe` & <b>", "r.yaml", 1, 1, Severity.ERROR, "unknown-key")
    stream = io.StringIO()
    renderer("junit")(CheckResult(files=[FileResult(path="r.yaml", diagnostics=[nasty])], missing=["gone.yaml"]),
                      stream, ReportOptions())
    root = ET.fromstring(stream.getvalue().encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "RL102 unknown key `\\x00\\x1b\\ufffe` & <b>"
    assert root.get("errors") == "1"
    assert root.find("testsuite[@name='gone.yaml']/testcase/error") is not None


# --- the CLI: --output-file and GITHUB_ACTIONS --------------------------------------------

CHECK = ["check", "--no-cache", "--isolated", "--select", "RL0,RL1"]


FIRST_CODE = {
    "sarif": lambda log: log["runs"][0]["results"][0]["ruleId"],
    "gitlab": lambda issues: issues[0]["check_name"],
}


@pytest.mark.parametrize("name", sorted(FIRST_CODE))
def test_output_file_gets_the_report_and_the_terminal_the_summary(in_fixtures: Path, tmp_path: Path,
                                                                  name: str) -> None:
    report = tmp_path / f"reviewlint.{name}.json"
    outcome = CliRunner().invoke(cli, [*CHECK, "--output-format", name, "--output-file", str(report), "reviews/"])
    assert outcome.exit_code == 1
    assert outcome.stdout == f"1 problem in 1 file (2 files checked)\nReport written to {report}\n"
    assert FIRST_CODE[name](json.loads(report.read_text(encoding="utf-8"))) == "RL103"


def test_github_actions_adds_annotations_to_the_text_output(in_fixtures: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    annotation = ("::error title=reviewlint (RL103),file=reviews/alien.yaml,line=4,col=9,endLine=4,endColumn=19"
                  "::reviews/alien.yaml:4:9: RL103 `year` must be an integer, got 'nineteen79'\n")
    plain = CliRunner().invoke(cli, [*CHECK, "reviews/"])
    assert "::error" not in plain.stdout
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(FIXTURES))
    annotated = CliRunner().invoke(cli, [*CHECK, "reviews/"])
    assert annotated.exit_code == 1
    assert annotated.stdout == plain.stdout + annotation


def test_github_format_from_the_cli_is_annotations_only(in_fixtures: Path) -> None:
    outcome = CliRunner().invoke(cli, [*CHECK, "--output-format", "github", "reviews/"])
    assert outcome.exit_code == 1
    assert outcome.stdout == ("::error title=reviewlint (RL103),file=reviews/alien.yaml,line=4,col=9,endLine=4,"
                              "endColumn=19::reviews/alien.yaml:4:9: RL103 `year` must be an integer, "
                              "got 'nineteen79'\n")


def test_junit_from_the_cli_is_well_formed(in_fixtures: Path) -> None:
    outcome = CliRunner().invoke(cli, [*CHECK, "--output-format", "junit", "reviews/"])
    root = ET.fromstring(outcome.stdout.encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("2", "1")


def test_gitlab_from_the_cli_locates_findings_and_is_an_empty_list_when_clean(in_fixtures: Path) -> None:
    outcome = CliRunner().invoke(cli, [*CHECK, "--output-format", "gitlab", "reviews/"])
    [entry] = json.loads(outcome.stdout)
    assert entry["description"] == "RL103 `year` must be an integer, got 'nineteen79'"
    assert entry["location"] == {"path": "reviews/alien.yaml",
                                 "positions": {"begin": {"line": 4, "column": 9}, "end": {"line": 4, "column": 19}}}
    clean = CliRunner().invoke(cli, [*CHECK, "--output-format", "gitlab", "reviews/clean.yaml"])
    assert (clean.exit_code, clean.stdout) == (0, "[]\n")  # GitLab wants an empty list, not nothing


# --- file names that are not UTF-8 -----------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("sarif", "bad%FFname.yaml"), ("json", "bad\\udcffname.yaml"), ("gitlab", "bad\\udcffname.yaml"),
    ("concise", "bad\\udcffname.yaml:1:1: RL101"),
])
def test_a_file_name_that_is_not_utf8_gives_valid_reports(tmp_path: Path, name: str, expected: str) -> None:
    """Such a name crashed the SARIF report (UnicodeEncodeError, exit 2), and json and gitlab
    wrote its raw byte, which is not UTF-8. A real process: the streams are the point."""
    import subprocess
    import sys

    try:
        (tmp_path / os.fsdecode(b"bad\xffname.yaml")).write_text('schema_version: "1.0"\n', encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    completed = subprocess.run(
        [sys.executable, "-c", "from reviewlint.cli import main; main()", "check", "--isolated", "--no-cache",
         "--select", "RL1", "--output-format", name, "."],
        cwd=tmp_path, capture_output=True, timeout=60, check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert completed.returncode == 1, completed.stderr
    text = completed.stdout.decode("utf-8")  # raises if it is not UTF-8
    assert expected in text
    if name != "concise":
        json.loads(text)


# --- rdjson and checkstyle ----------------------------------------------------------------

def test_rdjson_columns_are_utf8_bytes_as_reviewdog_counts_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    from reviewlint.report import rdjson

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    (tmp_path / "k.yaml").write_text("title: 기생충 x\n", encoding="utf-8")
    column = "title: 기생충 x".index("x") + 1  # 12 code points in, 18 bytes in
    finding = Diagnostic("RL107", "bad", "k.yaml", 1, column, Severity.WARNING, "r", 1, column + 1)
    built = rdjson.build(CheckResult(files=[FileResult("k.yaml", [finding])], missing=["gone.yaml"]))
    first = built["diagnostics"][0]
    assert first["location"]["range"] == {"start": {"line": 1, "column": 18}, "end": {"line": 1, "column": 19}}
    assert first["severity"] == "WARNING"
    assert built["diagnostics"][1] == {"message": "no such file or directory", "location": {"path": "gone.yaml"},
                                       "severity": "ERROR"}
    assert rdjson.byte_column("ab", 5) == 5  # past the end of the line: counted on


def test_checkstyle_parses_and_lists_clean_and_missing_files(in_fixtures: Path) -> None:
    result = fixed_result()
    result.missing = ["gone.yaml"]
    root = ET.fromstring(rendered("checkstyle", result).encode("utf-8"))
    assert [f.get("name") for f in root.iter("file")] == [ALIEN, CLEAN, "gone.yaml"]
    assert [(e.get("line"), e.get("severity"), e.get("source")) for e in root.iter("error")] == [
        ("4", "error", "reviewlint.RL103"), ("7", "error", "reviewlint.RL201"), ("10", "warning", "reviewlint.RL402"),
        ("12", "info", "reviewlint.RL501"), (None, "error", "reviewlint.missing")]
