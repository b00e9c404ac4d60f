"""`reviewlint schema --write`: a copy of the schema in the repository, and the links to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli
from reviewlint.formatting import format_text, schema_comment_line
from reviewlint.schema import current_version, schema_text
from reviewlint.schemalink import modeline_target, relative_link


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def schema(*args: str) -> tuple[int, str, str]:
    outcome = CliRunner().invoke(cli, ["schema", *args])
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_write_puts_the_installed_schema_in_the_repository(in_tmp: Path) -> None:
    code, out, err = schema("--write", "schemas/")
    assert (code, out) == (0, "")
    copy = in_tmp / "schemas" / "film-review.schema.json"
    assert copy.read_text(encoding="utf-8") == schema_text()
    assert err.splitlines() == [
        f"Wrote schemas/film-review.schema.json (film-review schema {current_version()})",
        "To have `new` and `format` link reviews to it, set `schema-path: schemas/film-review.schema.json` in "
        "your reviewlint config (relative to the config's folder)."]
    # The $id stays the stable identifier of the version; the copy is what editors read.
    assert json.loads(copy.read_text(encoding="utf-8"))["$id"].endswith(f"/film-review/{current_version()}.json")
    (in_tmp / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    assert schema("--write", "schemas/film-review.schema.json")[2] == (
        f"Up to date: schemas/film-review.schema.json (film-review schema {current_version()})\n")


def test_write_an_older_version_and_refuse_unknown_ones(in_tmp: Path) -> None:
    assert schema("--write", "old.json", "--version", "1.0")[0] == 0
    assert (in_tmp / "old.json").read_text(encoding="utf-8") == schema_text("1.0")
    code, _, err = schema("--write", "x.json", "--version", "9.9")
    assert code == 2 and "no published schema version '9.9'" in err
    assert not (in_tmp / "x.json").exists()
    code, _, err = schema("--write", "x.json", "--print")
    assert code == 2 and "--write writes a copy; it does not combine with --path, --print or --list" in err


def test_an_unwritable_place_is_an_error(in_tmp: Path) -> None:
    (in_tmp / "file").write_text("", encoding="utf-8")
    code, _, err = schema("--write", "file/schema.json")
    assert code == 2
    assert err.startswith("reviewlint: error: cannot write file/schema.json: ")


@pytest.mark.parametrize(("document", "expected"), [
    ("reviews/2001/amelie.yaml", "../../schemas/film-review.schema.json"),
    ("reviews/amelie.yaml", "../schemas/film-review.schema.json"),
    ("amelie.yaml", "./schemas/film-review.schema.json"),
    ("schemas/amelie.yaml", "./film-review.schema.json"),
])
def test_modelines_are_relative_to_the_document(in_tmp: Path, document: str, expected: str) -> None:
    assert modeline_target(document) is None  # nothing configured: no link at all
    (in_tmp / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    assert modeline_target(document) == expected
    assert relative_link(in_tmp / "schemas" / "film-review.schema.json", str(in_tmp / document)) == expected
    assert schema_comment_line(current_version(), document) == f"# yaml-language-server: $schema={expected}"


def test_the_config_in_a_subfolder_is_relative_to_its_own_folder(in_tmp: Path) -> None:
    (in_tmp / "site" / "reviews").mkdir(parents=True)
    (in_tmp / "site" / ".reviewlint.yaml").write_text("schema-path: ../shared/film.schema.json\n", encoding="utf-8")
    assert modeline_target("site/reviews/a.yaml") == "../../shared/film.schema.json"
    assert modeline_target("elsewhere.yaml") is None


def test_format_adds_replaces_and_keeps_the_modeline(in_tmp: Path) -> None:
    text = 'schema_version: "1.1"\n'
    old = "# yaml-language-server: $schema=https://reviewlint.dev/schema/film-review/1.0.json\n"
    # With no copy configured a modeline already there is an author's comment: kept, none added.
    assert format_text(text, "a.yaml", schema_comment=True) == text
    assert format_text(old + text, "a.yaml", schema_comment=True) == old + text
    (in_tmp / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    linked = "# yaml-language-server: $schema=./schemas/film-review.schema.json\n"
    assert format_text(text, "a.yaml", schema_comment=True) == linked + text
    assert format_text(old + text, "a.yaml", schema_comment=True) == linked + text  # the unserved link replaced
    assert format_text(old + text, "a.yaml") == old + text  # only when asked to


@pytest.mark.parametrize("value", ["3", "schemas/", "''"])
def test_schema_path_must_name_a_json_file(in_tmp: Path, value: str) -> None:
    (in_tmp / ".reviewlint.yaml").write_text(f"schema-path: {value}\n", encoding="utf-8")
    outcome = CliRunner().invoke(cli, ["check", "--no-cache", "."])
    assert outcome.exit_code == 2
    assert "`schema-path` must be the path of a schema copy ending in .json" in outcome.stderr
