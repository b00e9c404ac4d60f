"""Shared fixtures. Kept small: each test module owns its own cases.

`valid_review_text()` is importable (`from conftest import valid_review_text`) for module-level
constants, and is also offered as the `valid_review` fixture; it is the one base review
(tests/rulekit.py derives the rule tests' BASE from it).

`invoke(*args)` is the one way tests run the command line in-process (click's runner),
also offered as the `run_cli` fixture.

`pytest -m "not slow"` leaves out the files listed in SLOW_FILES (subprocesses, builds,
property runs over many inputs): the quick loop while working; CI runs everything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

# A complete, clean review. Line numbers matter to tests that replace one line: keep the
# layout stable (line 4 is `  year: 2011`, line 24 is `author:`).
_VALID_REVIEW = """\
schema_version: "1.1"
film:
  title: Quiet Harbour
  year: 2011
  runtime_minutes: 104
  genres: [Drama]
  countries: [PT]
  original_language: pt
  directors: [Marta Ribeiro]
rating:
  value: 8
  min: 1
  max: 10
  step: 1
review:
  headline: "Quiet Harbour: a lighthouse and the town that forgets it"
  body:
    - A patient film about a lighthouse keeper and the town that slowly forgets him.
    - The final shot holds on the lamp for a full minute, and it earns every second.
  recommendation:
    verdict: worth-watching
content_warnings: []
spoilers: none
author:
  name: Ines Lago
language: en
published: "2024-03-09"
"""


def valid_review_text() -> str:
    """A complete review that passes the schema and every rule."""
    return _VALID_REVIEW


@pytest.fixture
def valid_review() -> str:
    return _VALID_REVIEW


def invoke(*args: str, input: str | bytes | None = None, env: Mapping[str, str | None] | None = None,
           catch_exceptions: bool = True) -> Result:
    """`reviewlint ARGS` run in this process through click's runner; stdout and stderr
    are kept apart (`result.stdout`, `result.stderr`)."""
    from reviewlint.cli import cli

    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=catch_exceptions)


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    return invoke


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """/work/shared beside the repository: third-party material tests may read, never copy."""
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"shared material not found at {shared} (it lives beside the repository, outside it)")
    return shared
