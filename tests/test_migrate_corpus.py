"""Migrate on the real legacy posts of ../shared/legacy-corpus: floors that regressions break.

The measure is the one `benchmarks/migrate_corpus.py` prints (see its docstring for how facts
are compared). The corpus is third-party text read in place; without it these tests skip.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "migrate_corpus.py"

# The share of expected facts that must land in their own field (the level reached, less a
# small margin for harmless changes in tie-breaking).
FLOOR_PERCENT = 89.5


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("migrate_corpus_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measure(shared_dir: Path) -> Any:
    if not (shared_dir / "legacy-corpus").is_dir():
        pytest.skip(f"no legacy-corpus under {shared_dir}")
    return _benchmark().measure_corpus(shared_dir)


def test_no_post_that_holds_a_review_is_refused(measure: Any) -> None:
    assert [(post.name, post.refused) for post in measure.posts if post.refused] == []


def test_nothing_is_invented(measure: Any) -> None:
    assert [(post.name, post.invented) for post in measure.posts if post.invented] == []


def test_every_line_is_accounted_for(measure: Any) -> None:
    assert measure.unaccounted == 0


def test_every_output_passes_check_without_load_or_schema_errors(measure: Any) -> None:
    assert [(post.name, post.check_errors) for post in measure.posts if post.check_errors] == []


def test_expected_facts_land_in_their_own_field(measure: Any) -> None:
    total = measure.total
    assert total.percent() >= FLOOR_PERCENT, measure.table()


def test_every_csv_sample_row_is_found_by_its_row_number(measure: Any) -> None:
    """Each sample row of the Letterboxd exports, looked up through its result's part ("row N")."""
    assert {name: (tally.found, tally.expected) for name, tally in measure.csv.items()} == {
        "title": (13, 13), "year": (13, 13), "rating": (15, 15), "left out (nothing to convert)": (2, 2)}
