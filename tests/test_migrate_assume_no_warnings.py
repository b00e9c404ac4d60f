"""migrate --assume-no-warnings never writes "checked, none" over prose that suggests a warning.

The posts here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from conftest import invoke
from reviewlint import MigrateOptions, migrate_text
from reviewlint.migrate.result import Level

HEADER = "Review: Paper Lanterns (2019)\nDirector: Ana Ruiz\n\n"
QUIET = HEADER + "Review:\n\nA gentle film about a lantern maker and her apprentice. It glows.\n"
LOUD = HEADER + ("Review:\n\nA gentle film, until the apprentice starts using heroin and her brother is stabbed "
                 "in the market.\n")
OPTIONS = MigrateOptions(author="Ines Lago", language="en", assume_no_warnings=True)


def test_quiet_prose_gets_checked_none() -> None:
    [result] = migrate_text(QUIET, filename="post.txt", options=OPTIONS)
    assert result.data is not None and result.data["content_warnings"] == []


def test_prose_that_suggests_warnings_is_reported_not_marked_none() -> None:
    [result] = migrate_text(LOUD, filename="post.txt", options=OPTIONS)
    assert result.data is not None and "content_warnings" not in result.data
    messages = [issue.message for issue in result.issues if issue.level is Level.WARNING]
    assert ("--assume-no-warnings: did not write `content_warnings: []`, because the prose suggests drugs ('heroin'), "
            "violence ('stabbed'); declare the warnings that apply") in messages


def test_negated_prose_still_gets_checked_none() -> None:
    text = HEADER + "Review:\n\nThere is no violence, no gore and not a single cigarette. It glows.\n"
    [result] = migrate_text(text, filename="post.txt", options=OPTIONS)
    assert result.data is not None and result.data["content_warnings"] == []


def test_the_cli_reports_the_post(tmp_path: Path) -> None:
    source = tmp_path / "post.txt"
    source.write_text(LOUD, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("migrate", str(source), "-o", str(out), "--author", "Ines Lago", "--assume-no-warnings",
                    catch_exceptions=False)
    assert "did not write `content_warnings: []`" in result.output
    written = (out / "post.yaml").read_text(encoding="utf-8")
    assert "content_warnings: []" not in written
