"""The prose rules on real review sentences (../shared/prose-eval, read in place, never copied).

Floors sit a little below the figures measured when these rules were written (README:
"Prose rules: how well they read real reviews"), so that a change that reads real prose
worse fails here. The benchmark script prints the full table.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "prose_eval.py"


@cache
def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("prose_eval", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(shared_dir: Path):  # type: ignore[no-untyped-def]
    evaluation = shared_dir / "prose-eval"
    if not (evaluation / "content-warnings.jsonl").is_file():
        pytest.skip(f"no prose evaluation set at {evaluation}")
    return load_benchmark().measure(evaluation)


def test_content_warnings_precision_and_recall(result) -> None:  # type: ignore[no-untyped-def]
    assert result.overall.precision >= 0.89
    assert result.overall.recall >= 0.85


def test_idioms_and_negations_stay_quiet(result) -> None:  # type: ignore[no-untyped-def]
    assert result.figurative_share <= 0.07


def test_endings_precision_and_recall(result) -> None:  # type: ignore[no-untyped-def]
    assert result.endings.precision >= 0.95
    assert result.endings.recall >= 0.72


def test_eval_labels_map_onto_the_vocabulary() -> None:
    from reviewlint import vocab

    module = load_benchmark()
    assert module.LABEL_TO_SLUG["death"] in vocab.content_warnings()
    assert module.LABEL_TO_SLUG["eating-disorder"] is None
    assert "eating-disorder" not in vocab.content_warnings()


def test_a_sentence_is_checked_as_the_only_paragraph_of_a_review() -> None:
    module = load_benchmark()
    assert module.flagged_slugs("He smokes constantly.") == {"smoking"}
    assert module.flagged_slugs("A quiet film about a lighthouse.") == set()
    assert module.flags_ending("In the end she sells the house.") is True
    assert module.flags_ending("The ending is satisfying.") is False
