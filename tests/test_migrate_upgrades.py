"""Schema upgrades: the chain mechanism, tested with synthetic steps, and the published
1.0 -> 1.1 step."""

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


STEP_1_1 = ("1.1 only adds optional keys (source.id, source.part, new source formats, a rating whose scale the "
            "source does not state); nothing else changes")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrades, "STEPS", {"1.0": upgrades.STEPS["1.0"]})
    upgrades.register(UpgradeStep("0.8", "0.9", "draft flag removed", _drop_draft))
    upgrades.register(UpgradeStep("0.9", "1.0", "reviewer renamed to author", _rename_reviewer))


def test_the_published_steps() -> None:
    assert list(upgrades.STEPS) == ["1.0"]
    assert [(step.source, step.target) for step in plan("1.0")] == [("1.0", "1.1")]
    assert plan("1.1") == []


def test_current_version_is_left_exactly_as_it_is() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    [result] = migrate_text(text, filename="parasite.yaml")
    assert result.status is Status.CONVERTED
    assert result.rendered == text
    assert [issue.message for issue in result.issues] == ["already on schema_version 1.1; nothing to upgrade"]


@pytest.mark.parametrize("example", sorted(EXAMPLE.parent.glob("*.yaml")), ids=lambda path: path.name)
def test_1_0_to_1_1_changes_only_the_declared_version(example: Path) -> None:
    text = example.read_text(encoding="utf-8").replace('schema_version: "1.1"', 'schema_version: "1.0"', 1)
    assert 'schema_version: "1.0"' in text
    upgraded = upgrade_text(text)
    assert (upgraded.source_version, upgraded.target_version) == ("1.0", "1.1")
    assert upgraded.text == text.replace('schema_version: "1.0"', 'schema_version: "1.1"', 1)
    [result] = migrate_text(text, filename=example.name)
    assert [issue.message for issue in result.issues] == [f"upgraded schema_version 1.0 -> 1.1: {STEP_1_1}"]
    assert [d.concise() for d in check_text(upgraded.text) if d.severity is Severity.ERROR] == []


def test_1_1_accepts_a_rating_without_a_scale_and_1_0_does_not() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('schema_version: "1.1"', 'schema_version: "1.0"', 1)
    start = text.index("rating:")
    end = text.index("\n", text.index("step:", start))
    unscaled = text[:start] + "rating:\n  value: 3\n  original: 3 cats" + text[end:]
    errors_1_0 = [d.message for d in check_text(unscaled) if d.severity is Severity.ERROR]
    assert errors_1_0 == ["missing required key `max` in `rating`"]
    upgraded = upgrade_text(unscaled).text
    assert [d.message for d in check_text(upgraded) if d.severity is Severity.ERROR] == []
    without_original = upgraded.replace("  original: 3 cats\n", "")
    assert [d.message for d in check_text(without_original) if d.severity is Severity.ERROR] == [
        "missing required key `max` in `rating`"]


@pytest.mark.usefixtures("steps")
def test_a_chain_upgrades_step_by_step_and_keeps_comments() -> None:
    upgraded = upgrade_text(OLD.replace('"0.9"', '"0.8"'))
    assert [step.target for step in upgraded.steps] == ["0.9", "1.0", "1.1"]
    # ruamel.yaml keeps a comment in its column, so the shorter key leaves more space.
    assert upgraded.text == """\
# My review of a quiet film.
schema_version: "1.1"
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
        f"upgraded schema_version 0.9 -> 1.0 -> 1.1: reviewer renamed to author; {STEP_1_1}"]


@pytest.mark.parametrize(("version", "message"), [
    ("2.0", "schema_version '2.0' is newer than this reviewlint knows (newest: 1.1); upgrade reviewlint to read "
            "this file"),
    ("1.2", "schema_version '1.2' is newer than this reviewlint knows (newest: 1.1); upgrade reviewlint to read "
            "this file"),
    ("0.5", "reviewlint has no upgrade from schema_version '0.5' (it upgrades 1.0 to 1.1)"),
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
    upgrades.register(UpgradeStep("0.9", "1.2", "", _drop_draft))
    with pytest.raises(UpgradeError, match=r"leads to 1\.2, past 1\.1"):
        plan("0.9")
