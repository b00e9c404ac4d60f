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

# Whole files left out of the quick loop, `pytest -m "not slow"`: real subprocesses and
# builds (pre-commit, the language server), fault injection, fuzzing, and property runs
# over many generated inputs. CI runs them all.
SLOW_FILES = frozenset({
    "test_precommit.py", "test_server.py", "test_fuzz.py", "test_faults.py", "test_format_messy.py",
    "test_speed_paths.py", "test_positions.py", "test_fix_safety.py", "test_migrate_property.py",
    "test_spelling.py", "test_migrate_corpus.py",
})
# Single tests of otherwise quick files: property runs over hundreds of generated inputs, a
# real console-script process, every report format over a hostile file name.
SLOW_TESTS = frozenset({
    "test_rules_runner.py::test_rules_never_raise_on_mistyped_data",
    "test_schema_messages.py::test_mutated_reviews_get_sentences_at_real_positions",
    "test_migrate_safety.py::test_deep_and_broken_html_reads_without_recursion_errors",
    "test_migrate_sources.py::test_any_yaml_front_matter_converts_with_every_line_accounted_for",
    "test_server_units.py::test_any_text_gives_a_place",
    "test_server_units.py::test_edits_turn_one_text_into_the_other",
    "test_vocabulary.py::test_every_ignored_phrase_is_found_between_separators",
    "test_vocabulary.py::test_the_cache_fingerprint_is_the_same_in_every_process",
    "test_report_formats.py::test_a_file_name_that_is_not_utf8_gives_valid_reports",
    "test_cli_check.py::test_the_installed_console_script_runs_as_a_real_process",
    "test_migrate_letterboxd.py::test_plain_review_text_reads_as_the_html_path_would",
    "test_report_identity.py::test_fingerprints_never_collide_and_ignore_lines",
    "test_rules_text.py::test_every_style_maps_every_character",
    "test_format_suite.py::test_every_stream_is_formatted_faithfully_or_left_untouched_with_a_reason",
    "test_prose_cues.py::test_any_text_gives_findings_inside_it",
    "test_document.py::test_any_text_loads_to_positioned_diagnostics_without_raising",
    "test_api.py::test_text_and_its_utf8_bytes_give_the_same_findings",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        name = getattr(item, "originalname", None) or item.name
        if item.path.name in SLOW_FILES or f"{item.path.name}::{name}" in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)

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


def migrate(*args: str) -> Result:
    """`reviewlint migrate ARGS`; an exception is raised, not caught, so a crash fails the test."""
    return invoke("migrate", *args, catch_exceptions=False)


# A plain-text blog post with labelled fields, as the migrate CLI tests write to files.
LEGACY_POST = """Review: Paper Lanterns (2019)

Director: Ana Ruiz
My Score: 7/10

Review:

It glows, and then it goes out.

Warnings: none

(Mara Lind)
"""


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
