"""Load problems are beyond selection: a file whose data cannot be trusted (a duplicate key,
an alias, a Python tag, an empty file) is reported whatever `--select`/`--ignore` say,
or `--select RL6` would call it clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli

EXAMPLES = Path(__file__).parent.parent / "examples" / "invalid"


@pytest.mark.parametrize(("name", "code"), [
    ("tag.yaml", "RL008"), ("duplicate-key.yaml", "RL002"), ("alias.yaml", "RL007"), ("empty.yaml", "RL004"),
    ("merge-key.yaml", "RL010"), ("syntax-error.yaml", "RL001"),
])
@pytest.mark.parametrize("selection", [["--select", "RL6"], ["--ignore", "RL0"]])
def test_load_problems_ignore_the_selection(name: str, code: str, selection: list[str]) -> None:
    outcome = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--output-format", "concise", *selection,
                                       str(EXAMPLES / name)])
    assert outcome.exit_code == 1, outcome.output
    assert f": {code} " in outcome.stdout
    assert "No problems found" not in outcome.stdout
