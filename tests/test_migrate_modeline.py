"""`reviewlint migrate` writes the schema modeline relative to the configured schema copy
(`schema-path`), as `new` does, and none when no copy is configured or the text is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LEGACY_POST, migrate

MODELINE = "# yaml-language-server: $schema="


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old" / "2019").mkdir(parents=True)
    (tmp_path / "old" / "2019" / "lanterns.txt").write_text(LEGACY_POST, encoding="utf-8")
    return tmp_path


def test_a_migrated_file_links_to_the_configured_schema_copy(project: Path) -> None:
    (project / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    result = migrate("old", "-o", "reviews")
    assert result.exit_code == 0, result.output
    [written] = list((project / "reviews").rglob("*.yaml"))
    assert written.relative_to(project).parent.as_posix() == "reviews/2019"
    first, second = written.read_text(encoding="utf-8").splitlines()[:2]
    assert first == MODELINE + "../../schemas/film-review.schema.json"
    assert second.startswith("schema_version: ")
    assert "reviewlint.dev" not in written.read_text(encoding="utf-8")


def test_the_link_is_relative_to_the_config_that_governs_the_output(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / ".reviewlint.yaml").write_text("schema-path: ../schemas/film-review.schema.json\n",
                                                       encoding="utf-8")
    assert migrate("old", "-o", "site/reviews").exit_code == 0
    [written] = list((project / "site" / "reviews").rglob("*.yaml"))
    assert written.read_text(encoding="utf-8").startswith(MODELINE + "../../../schemas/film-review.schema.json\n")


def test_no_copy_configured_or_printed_text_gets_no_modeline(project: Path) -> None:
    assert migrate("old", "-o", "reviews").exit_code == 0
    [written] = list((project / "reviews").rglob("*.yaml"))
    assert written.read_text(encoding="utf-8").startswith("schema_version: ")
    (project / ".reviewlint.yaml").write_text("schema-path: schemas/film-review.schema.json\n", encoding="utf-8")
    printed = migrate("old/2019/lanterns.txt")
    assert printed.stdout.startswith("schema_version: "), printed.output
