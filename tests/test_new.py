"""`reviewlint new`: a skeleton the schema accepts and the linter keeps nagging about."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke
from reviewlint.cli import cli
from reviewlint.document import load_text
from reviewlint.schema import check_schema, load_schema
from reviewlint.skeleton import skeleton_text, slug

SCHEMA_ID = load_schema("1.1")["$id"]
AMELIE = """\
schema_version: "1.1"
film:
  title: "Amélie: the fabulous destiny"
  year: 2001
  directors:
    - "TODO: director"
review:
  headline: "TODO: headline"
  body:
    - "TODO: write the review, one paragraph per list item"
content_warnings: []
content_warnings_source: "TODO: fill content_warnings, or delete this line if none"
author:
  name: "TODO: your name"
language: en
"""


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(*args: str) -> tuple[int, str, str]:
    outcome = invoke("new", *args)
    return outcome.exit_code, outcome.stdout, outcome.stderr


def check(*args: str) -> tuple[int, str]:
    outcome = invoke("check", "--no-cache", "--isolated", "--output-format", "concise", *args)
    return outcome.exit_code, outcome.stdout


def test_writes_title_year_slug_with_no_editor_comment_by_default(in_tmp: Path) -> None:
    # No schema copy configured: no modeline (the schema's $id is not served anywhere).
    assert new("Amélie: the fabulous destiny", "--year", "2001") == (
        0, "", "Wrote amelie-the-fabulous-destiny-2001.yaml\n")
    assert (in_tmp / "amelie-the-fabulous-destiny-2001.yaml").read_bytes() == AMELIE.encode("utf-8")


def test_skeleton_passes_the_schema(in_tmp: Path) -> None:
    new("Amélie: the fabulous destiny", "--year", "2001")
    assert check("--select", "RL0,RL1", "amelie-the-fabulous-destiny-2001.yaml") == (
        0, "No problems found (1 file checked)\n")


def test_check_flags_every_placeholder_until_it_is_filled_in(in_tmp: Path) -> None:
    new("Amélie", "--year", "2001")
    code, output = check("amelie-2001.yaml")
    assert code == 1
    findings = [line.split(": ", 1) for line in output.splitlines() if line.startswith("amelie-2001.yaml:")]
    placeholders = {int(where.split(":")[1]) for where, rest in findings if rest.startswith("RL605 ")}
    todo_lines = {number for number, line in enumerate(AMELIE.splitlines(), 1) if "TODO:" in line}
    assert todo_lines == {6, 8, 10, 12, 14}
    assert placeholders == todo_lines  # RL605 placeholder-text, an error, on each one


def test_an_unedited_skeleton_does_not_declare_no_content_warnings(in_tmp: Path) -> None:
    # `content_warnings: []` means "checked, none": the TODO beside it keeps check failing.
    new("Amélie", "--year", "2001")
    code, output = check("--select", "RL605", "amelie-2001.yaml")
    assert code == 1
    assert "amelie-2001.yaml:12:27: RL605 placeholder 'TODO' left in the text\n" in output
    target = in_tmp / "amelie-2001.yaml"
    decided = target.read_text(encoding="utf-8").replace(
        'content_warnings_source: "TODO: fill content_warnings, or delete this line if none"\n', "")
    target.write_text(decided, encoding="utf-8")
    code, output = check("--select", "RL605", "amelie-2001.yaml")
    assert [line.split(":")[1] for line in output.splitlines() if line.startswith("amelie-2001.yaml:")] == [
        "6", "8", "10", "13"]


def test_skeleton_is_already_in_the_canonical_layout(in_tmp: Path) -> None:
    new("Amélie", "--year", "2001")
    outcome = CliRunner().invoke(cli, ["format", "--check", "--isolated", "amelie-2001.yaml"])
    assert outcome.exit_code == 0, outcome.output


def test_refuses_to_overwrite_without_force(in_tmp: Path) -> None:
    target = in_tmp / "amelie-2001.yaml"
    target.write_text("mine\n", encoding="utf-8")
    assert new("Amélie", "--year", "2001") == (
        2, "", "reviewlint: error: amelie-2001.yaml already exists (use --force to overwrite it)\n")
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert new("Amélie", "--year", "2001", "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith('schema_version: "1.1"\n')


def test_output_to_stdout_and_to_a_path(in_tmp: Path) -> None:
    code, out, err = new("Amélie: the fabulous destiny", "--year", "2001", "-o", "-")
    assert (code, out, err) == (0, AMELIE, "")
    assert list(in_tmp.iterdir()) == []
    (in_tmp / "reviews").mkdir()
    assert new("Amélie", "--year", "2001", "--output", "reviews/mine.yaml")[0] == 0
    assert (in_tmp / "reviews" / "mine.yaml").is_file()


def test_a_missing_output_folder_is_made(in_tmp: Path) -> None:
    """The README's own `new ... -o reviews/harbour-lights.yaml`, in a project with no reviews/ yet."""
    output = "reviews/2004/harbour-lights.yaml"
    assert new("Harbour Lights", "--year", "2004", "--author", "Ines Lago", "-o", output) == (
        0, "", f"Wrote {output}\n")
    assert "title: Harbour Lights\n" in (in_tmp / output).read_text(encoding="utf-8")


def test_schema_comment_options(in_tmp: Path) -> None:
    _, plain, _ = new("Amélie", "--year", "2001", "-o", "-", "--no-schema-comment")
    assert plain.startswith('schema_version: "1.1"\n')
    _, local, _ = new("Amélie", "--year", "2001", "-o", "-", "--schema-url", "../schema/film-review/1.0.json")
    assert local.startswith('# yaml-language-server: $schema=../schema/film-review/1.0.json\nschema_version: "1.1"\n')


def test_the_modeline_links_to_the_configured_schema_copy(in_tmp: Path) -> None:
    (in_tmp / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    assert new("Amélie: the fabulous destiny", "--year", "2001", "-o", "reviews/2001/amelie.yaml")[0] == 0
    written = (in_tmp / "reviews" / "2001" / "amelie.yaml").read_text(encoding="utf-8")
    assert written == "# yaml-language-server: $schema=../../schemas/film-review.schema.json\n" + AMELIE
    _, here, _ = new("Amélie", "--year", "2001", "-o", "-")
    assert here.startswith("# yaml-language-server: $schema=./schemas/film-review.schema.json\n")
    _, plain, _ = new("Amélie: the fabulous destiny", "--year", "2001", "-o", "-", "--no-schema-comment")
    assert plain == AMELIE
    assert SCHEMA_ID not in written + here


def test_a_broken_config_is_an_error_not_a_traceback(in_tmp: Path) -> None:
    (in_tmp / ".reviewlint.yaml").write_text("schema-path: 3\n", encoding="utf-8")
    code, _out, err = new("Amélie", "--year", "2001")
    assert code == 2
    assert err.startswith("reviewlint: error: .reviewlint.yaml: `schema-path` must be the path of a schema copy")


def test_a_fixed_file_keeps_its_editor_comment(in_tmp: Path) -> None:
    new("Amélie", "--year", "2001", "--schema-url", "../schema/film-review/1.0.json")
    target = in_tmp / "amelie-2001.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("  year: 2001\n", "  year:     2001\n"),
                      encoding="utf-8")
    CliRunner().invoke(cli, ["check", "--fix", "--no-cache", "--isolated", str(target)])
    fixed = target.read_text(encoding="utf-8")
    assert "  year: 2001\n" in fixed  # rewritten into the canonical layout...
    assert fixed.startswith("# yaml-language-server: $schema=../schema/film-review/1.0.json\n")  # ...comment kept


def test_author_and_language(in_tmp: Path) -> None:
    _, text, _ = new("Amélie", "--year", "2001", "-o", "-", "--author", "Ines Lago", "--language", "pt-BR")
    data = load_text(text).data
    assert data["author"] == {"name": "Ines Lago"}
    assert data["language"] == "pt-BR"


@pytest.mark.parametrize(("args", "message"), [
    (["   ", "--year", "2001"], "Invalid value for 'TITLE': the title is empty"),
    (["a\nb", "--year", "2001"], "Invalid value for 'TITLE': the title must be one line"),
    (["x" * 301, "--year", "2001"], "Invalid value for 'TITLE': the title is 301 characters long; the schema "
                                    "allows 300"),
    (["Amélie", "--year", "1700"], "Invalid value for '--year': 1700 is not in the range 1888<=x<=2100."),
    (["Amélie", "--year", "2001", "--language", "English"], "Invalid value for '--language': 'English' is not a "
                                                            "BCP 47 language tag (en, en-GB, ko...)"),
])
def test_bad_arguments_are_usage_errors(in_tmp: Path, args: list[str], message: str) -> None:
    code, _out, err = new(*args)
    assert code == 2
    assert err.splitlines()[-1] == "reviewlint: error: " + message.replace("Invalid", "invalid", 1)
    assert list(in_tmp.iterdir()) == []


def test_year_is_required(in_tmp: Path) -> None:
    code, _, err = new("Amélie")
    assert code == 2
    assert "reviewlint: error: missing option '--year'" in err


@pytest.mark.parametrize(("title", "year", "expected"), [
    ("Amélie", 2001, "amelie-2001"),
    ("기생충", 2019, "기생충-2019"),
    ("Mad Max: Fury Road", 2015, "mad-max-fury-road-2015"),
    ("?!", 2000, "review-2000"),
    ("  Dr. Strangelove__or   How I Learned  ", 1964, "dr-strangelove-or-how-i-learned-1964"),
])
def test_slug(title: str, year: int, expected: str) -> None:
    assert slug(title, year) == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\n" not in t and "\r" not in t),
       year=st.integers(1888, 2100))
def test_any_one_line_title_round_trips_and_passes_the_schema(title: str, year: int) -> None:
    text = skeleton_text(title.strip(), year)
    document = load_text(text)
    assert document.diagnostics == []
    assert document.data["film"] == {"title": title.strip(), "year": year, "directors": ["TODO: director"]}
    assert [d.code for d in check_schema(document)] == []
