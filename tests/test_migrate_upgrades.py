"""Schema upgrades: the chain mechanism, tested with synthetic steps (schema 1.0 is the
only published version, so no real step exists yet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewlint.diagnostics import Severity
from reviewlint.engine import check_text
from reviewlint.migrate import Status, migrate_text, upgrades
from reviewlint.migrate.upgrades import UpgradeError, UpgradeStep, plan, remove_key, rename_key, upgrade_text

EXAMPLE = Path(__file__).parents[1] / "examples" / "parasite.yaml"

OLD = """\
# My review of a quiet film.
schema_version: "0.9"
film:
  title: Paper Lanterns  # working title
  year: 2019
reviewer:   # who wrote it
  name: Ana Ruiz
review:
  body:
    - It glows.
draft: true  # never published
content_warnings: []
"""


def _rename_reviewer(document: Any) -> None:
    rename_key(document, "reviewer", "author")


def _drop_draft(document: Any) -> None:
    remove_key(document, "draft")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrades, "STEPS", {})
    upgrades.register(UpgradeStep("0.8", "0.9", "draft flag removed", _drop_draft))
    upgrades.register(UpgradeStep("0.9", "1.0", "reviewer renamed to author", _rename_reviewer))


def test_no_steps_are_registered_while_1_0_is_the_only_schema() -> None:
    assert upgrades.STEPS == {}
    assert plan("1.0") == []


def test_current_version_is_left_exactly_as_it_is() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    [result] = migrate_text(text, filename="parasite.yaml")
    assert result.status is Status.CONVERTED
    assert result.rendered == text
    assert [issue.message for issue in result.issues] == ["already on schema_version 1.0; nothing to upgrade"]


@pytest.mark.usefixtures("steps")
def test_a_chain_upgrades_step_by_step_and_keeps_comments() -> None:
    upgraded = upgrade_text(OLD.replace('"0.9"', '"0.8"'))
    assert [step.target for step in upgraded.steps] == ["0.9", "1.0"]
    # ruamel.yaml keeps a comment in its column, so the shorter key leaves more space.
    assert upgraded.text == """\
# My review of a quiet film.
schema_version: "1.0"
film:
  title: Paper Lanterns  # working title
  year: 2019
author:     # who wrote it
  name: Ana Ruiz
review:
  body:
    - It glows.
content_warnings: []
"""
    assert [d.concise() for d in check_text(upgraded.text) if d.severity is Severity.ERROR] == []


@pytest.mark.usefixtures("steps")
def test_upgrade_result_reports_the_route() -> None:
    [result] = migrate_text(OLD, filename="old.yaml")
    assert result.status is Status.CONVERTED
    assert result.data is not None and result.data["author"] == {"name": "Ana Ruiz"}
    assert [issue.message for issue in result.issues] == [
        "upgraded schema_version 0.9 -> 1.0: reviewer renamed to author"]


@pytest.mark.parametrize(("version", "message"), [
    ("2.0", "schema_version '2.0' is newer than this reviewlint knows (newest: 1.0); upgrade reviewlint to read "
            "this file"),
    ("1.1", "schema_version '1.1' is newer than this reviewlint knows (newest: 1.0); upgrade reviewlint to read "
            "this file"),
    ("0.5", "reviewlint has no upgrade from schema_version '0.5' (1.0 is the only version it has)"),
    ("one", "schema_version 'one' is not of the form MAJOR.MINOR, such as '1.0'"),
])
def test_refusals(version: str, message: str) -> None:
    [result] = migrate_text(f'schema_version: "{version}"\nfilm: {{title: X, year: 2000}}\n', filename="r.yaml")
    assert result.status is Status.FAILED
    assert [issue.message for issue in result.issues] == [message]


@pytest.mark.parametrize(("text", "message"), [
    ("film: {title: X}\n", "no schema_version key: not a reviewlint review (reviews name their version, e.g. "
                           'schema_version: "1.0")'),
    ("schema_version: 1.0\n", 'schema_version must be a quoted string such as "1.0", got 1.0'),
    ("a: [\n", "cannot read the YAML: 2:1: "),
])
def test_unreadable_documents(text: str, message: str) -> None:
    [result] = migrate_text(text, filename="r.yaml")
    assert result.status is Status.FAILED
    assert result.issues[0].message.startswith(message)


def test_register_refuses_backward_and_duplicate_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrades, "STEPS", {})
    with pytest.raises(ValueError, match="must move forward"):
        upgrades.register(UpgradeStep("1.0", "0.9", "", _drop_draft))
    upgrades.register(UpgradeStep("0.9", "1.0", "", _drop_draft))
    with pytest.raises(ValueError, match="already registered"):
        upgrades.register(UpgradeStep("0.9", "1.0", "", _drop_draft))


def test_a_step_past_the_target_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrades, "STEPS", {})
    upgrades.register(UpgradeStep("0.9", "1.1", "", _drop_draft))
    with pytest.raises(UpgradeError, match=r"leads to 1\.1, past 1\.0"):
        plan("0.9")
