"""The Python API the CLI is a thin layer over: check_text, check_bytes, check_paths."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reviewlint
from conftest import invoke, valid_review_text
from reviewlint import CheckResult, Diagnostic, Severity, check_bytes, check_paths, check_text
from reviewlint.config import Settings
from reviewlint.engine import SettingsLookup

VALID = valid_review_text()
BROKEN = VALID.replace("year: 2011", "year: twenty").replace("rating:\n", "ratting:\n")
LOAD_AND_SCHEMA = Settings(select=("RL0", "RL1"))


def test_the_public_names() -> None:
    assert set(reviewlint.__all__) >= {"check_text", "check_bytes", "check_paths", "Diagnostic", "Severity",
                                       "CheckResult", "FileResult", "__version__"}
    assert reviewlint.__version__ == "0.1.0"


def test_check_text_returns_diagnostics_with_every_field() -> None:
    diagnostics = check_text(BROKEN, path="reviews/heat.yaml", settings=LOAD_AND_SCHEMA)
    assert diagnostics == [
        Diagnostic(code="RL103", message="`year` must be an integer, got 'twenty'", path="reviews/heat.yaml",
                   line=4, col=9, severity=Severity.ERROR, rule="wrong-type", end_line=4, end_col=15),
        Diagnostic(code="RL102", message="unknown key `ratting`; did you mean `rating`?", path="reviews/heat.yaml",
                   line=10, col=1, severity=Severity.ERROR, rule="unknown-key", end_line=10, end_col=8),
    ]
    assert [d.json_path for d in diagnostics] == [("film", "year"), ("ratting",)]
    assert diagnostics[0].concise() == "reviews/heat.yaml:4:9: RL103 `year` must be an integer, got 'twenty'"


def test_check_text_on_a_clean_review_is_empty_with_every_rule() -> None:
    assert check_text(VALID) == []


def test_check_text_path_defaults_to_a_placeholder() -> None:
    (diagnostic,) = check_text("- a list\n")
    assert diagnostic.location() == "<string>:1:1"


def test_load_problems_come_back_as_diagnostics_not_exceptions() -> None:
    assert [(d.code, d.line, d.col) for d in check_text("a: [\n")] == [("RL001", 1, 5)]
    assert [(d.code, d.line, d.col) for d in check_bytes(b"\xff\xfea\x00")] == [("RL003", 1, 1)]
    assert [(d.code, d.line, d.col) for d in check_text("")] == [("RL004", 1, 1)]


def test_selection_in_settings_filters_codes() -> None:
    only_types = Settings(select=("RL103",))
    assert [d.code for d in check_text(BROKEN, settings=only_types)] == ["RL103"]
    ignore_unknown = Settings(ignore=("unknown-key",))
    assert "RL102" not in [d.code for d in check_text(BROKEN, settings=ignore_unknown)]


def test_check_bytes_respects_the_size_limit_in_settings() -> None:
    (diagnostic,) = check_bytes(VALID.encode(), "big.yaml", Settings(max_file_size=10))
    assert (diagnostic.code, diagnostic.message) == (
        "RL011", f"file is {len(VALID.encode())} bytes, over the limit of 10 (raise it with --max-file-size or "
                 "`max-file-size` in the config to check it)")


def test_check_paths_returns_results_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BROKEN, encoding="utf-8")
    result = check_paths([str(tmp_path), str(tmp_path / "missing.yaml")],
                         settings_for=SettingsLookup({"select": ("RL0", "RL1")}, isolated=True), jobs=1)
    assert isinstance(result, CheckResult)
    assert [Path(f.path).name for f in result.files] == ["a.yaml", "b.yaml"]
    assert [len(f.diagnostics) for f in result.files] == [0, 2]
    assert result.missing == [str(tmp_path / "missing.yaml")]
    assert result.problem_files() == 1
    assert not result.internal_error
    assert [d.code for d in result.diagnostics] == ["RL103", "RL102"]


def test_the_cli_prints_exactly_what_the_api_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "heat.yaml").write_text(BROKEN + "x-a: &a 1\nx-b: *a\n", encoding="utf-8")
    api = [d.concise() for d in check_text((tmp_path / "heat.yaml").read_text(encoding="utf-8"), "heat.yaml",
                                           LOAD_AND_SCHEMA)]
    cli_run = invoke("check", "--isolated", "--no-cache", "--select", "RL0,RL1",
                     "--output-format", "concise", "heat.yaml")
    assert cli_run.stdout.splitlines()[:-1] == api
    assert len(api) == 3


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)
       | st.text(alphabet="ab:- []{}#&*!|>'\"\n\t,?%\r\ufeffé1.", max_size=60))
def test_text_and_its_utf8_bytes_give_the_same_findings(text: str) -> None:
    """check_text and check_bytes agree, and neither raises, for any text (NUL aside: in
    bytes it marks a binary file, in text it is a control character)."""
    assert check_text(text, "t.yaml") == check_bytes(text.encode("utf-8"), "t.yaml")


# --- what the CLI does, as calls that return values ----------------------------------------------


def test_every_public_name_resolves() -> None:
    assert {"check_stream", "exit_code", "fix_paths", "format_paths", "format_stream", "Settings",
            "SettingsLookup"} <= set(reviewlint.__all__)
    for name in reviewlint.__all__:
        assert getattr(reviewlint, name) is not None


def test_the_exit_decision_is_a_call(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BROKEN, encoding="utf-8")
    lookup = SettingsLookup({"select": ("RL0", "RL1")}, isolated=True)
    result = check_paths([str(tmp_path)], settings_for=lookup, jobs=1)
    assert reviewlint.exit_code(result, lookup) == 1
    assert reviewlint.exit_code(result, lookup, exit_zero=True) == 0
    assert reviewlint.exit_code(result, lookup, fix_failed=True) == 2
    clean = check_paths([str(tmp_path)], settings_for=SettingsLookup({"select": ("RL5",)}, isolated=True), jobs=1)
    assert reviewlint.exit_code(clean, lookup) == 0


def test_standard_input_is_checked_by_a_call_under_the_name_it_stands_for(tmp_path: Path) -> None:
    result = reviewlint.check_stream(io.BytesIO(BROKEN.encode()), SettingsLookup({"select": ("RL1",)}, isolated=True),
                                     "reviews/heat.yaml")
    assert [d.concise() for d in result.diagnostics] == [
        "reviews/heat.yaml:4:9: RL103 `year` must be an integer, got 'twenty'",
        "reviews/heat.yaml:10:1: RL102 unknown key `ratting`; did you mean `rating`?",
    ]
    assert result.files[0].document is not None  # reports quote the text read, not a file


def test_formatting_paths_and_a_stream_are_calls(tmp_path: Path) -> None:
    messy = VALID.replace("  year: 2011\n", "  year:    2011\n")
    (tmp_path / "messy.yaml").write_text(messy, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("film: [\n", encoding="utf-8")
    lookup = SettingsLookup(isolated=True)
    report = reviewlint.format_paths([str(tmp_path)], settings_for=lookup, write=False)
    assert [Path(p).name for p in report.changed] == ["messy.yaml"]
    assert [(Path(d.path).name, d.code) for d in report.refused] == [("broken.yaml", "RL001")]
    assert report.exit_code(check=True) == 2
    assert (tmp_path / "messy.yaml").read_text(encoding="utf-8") == messy  # write=False writes nothing
    formatted = reviewlint.format_stream(io.BytesIO(messy.encode()), lookup, "messy.yaml")
    assert (formatted.name, formatted.changed, formatted.text) == ("messy.yaml", True, reviewlint.format_text(messy))
    assert formatted.diff().startswith("--- messy.yaml")


def test_exporting_is_a_call(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BROKEN, encoding="utf-8")
    report = reviewlint.export_paths([str(tmp_path)], settings_for=SettingsLookup(isolated=True),
                                     output_format="jsonld")
    assert [(Path(item.path).name, item.value is not None) for item in report.files] == [("a.yaml", True),
                                                                                        ("b.yaml", False)]
    assert report.exported[0].value["@type"] == "Review"
    assert [d.code for d in report.files[1].problems] == ["RL103", "RL102"]
    assert report.exit_code() == 1
