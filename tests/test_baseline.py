"""Baselines: record today's findings, report only new ones, across line moves and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint import baseline
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.engine import CheckResult, FileResult


def finding(path: str, line: int, code: str = "RL102", message: str = "unknown key `ratting`",
            json_path: tuple[str | int, ...] = ("ratting",)) -> Diagnostic:
    return Diagnostic(code, message, path, line, 1, Severity.ERROR, "unknown-key", json_path=json_path)


def result_of(*files: tuple[str, list[Diagnostic]]) -> CheckResult:
    return CheckResult(files=[FileResult(path, diagnostics) for path, diagnostics in files])


def test_recorded_findings_are_hidden_even_after_lines_move(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    duplicate = finding("reviews/a.yaml", 8, "RL002", "duplicate key `year` (first defined on line 6)", ())
    today = result_of(("reviews/a.yaml", [duplicate, finding("reviews/a.yaml", 12)]), ("reviews/b.yaml", []))
    assert baseline.write(today, "baseline.json") == 2

    moved = finding("reviews/a.yaml", 9, "RL002", "duplicate key `year` (first defined on line 7)", ())
    new = finding("reviews/a.yaml", 20, "RL104", "unknown content warning 'gore'", ("content_warnings", 0))
    tomorrow = result_of(("reviews/a.yaml", [moved, finding("reviews/a.yaml", 13), new]), ("reviews/b.yaml", []))
    applied = baseline.apply(tomorrow, "baseline.json")
    assert applied.result.diagnostics == [new]
    assert (applied.hidden, applied.gone) == (2, 0)
    assert baseline.summary(applied, "baseline.json") == "2 findings in the baseline baseline.json not shown"


def test_a_second_identical_finding_is_new(tmp_path: Path) -> None:
    path = str(tmp_path / "a.yaml")
    baseline.write(result_of((path, [finding(path, 3)])), str(tmp_path / "b.json"))
    applied = baseline.apply(result_of((path, [finding(path, 3), finding(path, 9)])), str(tmp_path / "b.json"))
    assert [d.line for d in applied.result.diagnostics] == [9]


def test_fixed_findings_are_counted_so_the_baseline_can_shrink(tmp_path: Path) -> None:
    path = str(tmp_path / "a.yaml")
    baseline.write(result_of((path, [finding(path, 3)])), str(tmp_path / "b.json"))
    applied = baseline.apply(result_of((path, [])), str(tmp_path / "b.json"))
    assert (applied.hidden, applied.gone) == (0, 1)
    assert baseline.summary(applied, "b.json") == (
        "1 baselined finding is fixed: run --write-baseline b.json to shrink it")


def test_paths_are_relative_to_the_baseline_so_any_working_folder_works(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo" / "reviews").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "repo")
    baseline.write(result_of(("reviews/a.yaml", [finding("reviews/a.yaml", 3)])), "baseline.json")
    data = json.loads((tmp_path / "repo" / "baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["reviews/a.yaml"]
    assert data["files"]["reviews/a.yaml"][0]["at"] == "$.ratting"
    monkeypatch.chdir(tmp_path / "repo" / "reviews")
    applied = baseline.apply(result_of(("a.yaml", [finding("a.yaml", 3)])), "../baseline.json")
    assert applied.result.diagnostics == []


def test_internal_errors_are_never_baselined(tmp_path: Path) -> None:
    path = str(tmp_path / "a.yaml")
    crash = Diagnostic("RL999", "internal error", path, 1, 1, Severity.ERROR, "internal-error")
    assert baseline.write(result_of((path, [crash])), str(tmp_path / "b.json")) == 0
    assert baseline.apply(result_of((path, [crash])), str(tmp_path / "b.json")).result.diagnostics == [crash]


@pytest.mark.parametrize(("content", "message"), [
    (None, "baseline {p} does not exist; create it with --write-baseline {p}"),
    ("{", "baseline {p} is not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 "
          "(char 1)"),
    ('{"files": {}}', "{p} is not a reviewlint baseline (version 1); create one with --write-baseline"),
])
def test_a_bad_baseline_is_a_clear_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError) as caught:
        baseline.apply(result_of(), str(path))
    assert str(caught.value) == message.format(p=path)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a.yaml", "sub/b.yaml"]), st.sampled_from(["RL102", "RL002", "RL801"]),
                          st.sampled_from(["x", "y"]), st.integers(1, 300)), max_size=25),
       st.integers(0, 40))
def test_a_baseline_hides_exactly_what_it_recorded_wherever_lines_move(
        tmp_path: Path, findings: list[tuple[str, str, str, int]], shift: int) -> None:
    def result(offset: int) -> CheckResult:
        by_file: dict[str, list[Diagnostic]] = {"a.yaml": [], "sub/b.yaml": []}
        for path, code, key, line in findings:
            full = str(tmp_path / path)
            by_file[path].append(Diagnostic(code, f"`{key}` (first defined on line {line + offset})", full,
                                            line + offset, 1, json_path=(key,)))
        return CheckResult(files=[FileResult(str(tmp_path / p), d) for p, d in by_file.items()])

    baseline_path = str(tmp_path / "baseline.json")
    baseline.write(result(0), baseline_path)
    applied = baseline.apply(result(shift), baseline_path)
    assert applied.result.diagnostics == []
    assert applied.hidden == len(findings)
