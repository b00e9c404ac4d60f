"""Project vocabularies: the `vocabulary` config table, validated, and how rules see it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import valid_review_text
from reviewlint.cache import settings_fingerprint
from reviewlint.cli import cli
from reviewlint.config import ConfigError, Settings, parse_table, settings_for_path
from reviewlint.document import load_text
from reviewlint.rules._context import Context
from reviewlint.vocabulary import EMPTY, Cues, Vocabulary, VocabularyError, parse_vocabulary

ROOT = Path("/project")


def test_a_full_table_parses() -> None:
    vocabulary = parse_vocabulary({"accept": ["Ghibli", "mumble core"], "ignore": ["Kill   Bill", "Lorem Ipsum"],
                                   "cues": {"gore": ["splatter fest"], "smoking": "chain-smokes"}})
    assert vocabulary.accept == {"ghibli", "mumble", "core"}  # case-folded words
    assert vocabulary.ignore == ("Kill Bill", "Lorem Ipsum")  # white space normalised
    assert dict(vocabulary.cues) == {"gore": ("splatter fest",), "smoking": ("chain-smokes",)}
    assert list(vocabulary.cues) == ["gore", "smoking"]
    hash(vocabulary)


def test_the_table_reaches_settings_from_pyproject_and_yaml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.reviewlint.vocabulary]\naccept = ["Ghibli"]\n'
                                             '[tool.reviewlint.vocabulary.cues]\ngore = ["splatter fest"]\n')
    yaml_dir = tmp_path / "yaml"
    yaml_dir.mkdir()
    (yaml_dir / ".reviewlint.yaml").write_text("vocabulary:\n  ignore: [Kill Bill]\n")
    from_toml = settings_for_path(str(tmp_path)).vocabulary
    from_yaml = settings_for_path(str(yaml_dir)).vocabulary
    assert from_toml == Vocabulary(accept=frozenset({"ghibli"}), cues=Cues({"gore": ["splatter fest"]}))
    assert from_yaml == Vocabulary(ignore=("Kill Bill",))
    assert Settings().vocabulary is EMPTY and not EMPTY


@pytest.mark.parametrize(("table", "message"), [
    ({"acept": ["x"]}, "pyproject.toml: `vocabulary`: unknown key `acept`; did you mean `accept`?"),
    ({"ignored": ["x"]}, "pyproject.toml: `vocabulary`: unknown key `ignored`; did you mean `ignore`?"),
    ({"accept": 3}, "pyproject.toml: `vocabulary.accept` must be a list of strings, got 3"),
    ({"ignore": ["ok", ""]}, "pyproject.toml: `vocabulary.ignore`: empty entry ''"),
    ({"cues": ["gore"]}, "pyproject.toml: `vocabulary.cues` must be a table of content-warning slug = [phrases], "
                         "got ['gore']"),
    ({"cues": {"violance": ["x"]}}, "pyproject.toml: `vocabulary.cues`: unknown content warning `violance`; "
                                    "did you mean `violence`?"),
    ({"cues": {"gore": [1]}}, "pyproject.toml: `vocabulary.cues.gore` must be a list of strings, got [1]"),
])
def test_bad_tables_are_config_errors_naming_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_table({"vocabulary": table}, "pyproject.toml", ROOT)
    assert str(raised.value) == message


def test_a_vocabulary_that_is_not_a_table() -> None:
    with pytest.raises(VocabularyError, match=r"^`vocabulary` must be a table with keys accept, ignore, cues, got"):
        parse_vocabulary(["Ghibli"])


def test_a_bad_vocabulary_exits_2_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reviewlint.yaml").write_text("vocabulary:\n  cues:\n    sexual-violance: [x]\n")
    (tmp_path / "review.yaml").write_text(valid_review_text())
    result = CliRunner().invoke(cli, ["check", "--no-cache", "review.yaml"])
    assert result.exit_code == 2
    assert ("unknown content warning `sexual-violance`; did you mean `sexual-violence`?" in
            result.output + (result.stderr if result.stderr_bytes is not None else ""))


def test_rules_see_the_settings_vocabulary() -> None:
    vocabulary = parse_vocabulary({"accept": ["Ghibli"]})
    seen: list[Vocabulary] = []
    from reviewlint.rules import _core
    from reviewlint.runner import run_rules

    def spy(context: Context, options: dict[str, object]) -> list[object]:
        seen.append(context.vocabulary)
        return []

    entry = _core.Rule(code="RL6", name="spy", severity=_core.Severity.INFO, fix=_core.FixSafety.NONE, summary="",
                       doc="", family="prose", check=spy)
    assert Context(load_text(valid_review_text(), "r.yaml")).vocabulary is EMPTY
    from unittest import mock
    with mock.patch("reviewlint.runner._plan", return_value=((entry, {}, None),)):
        run_rules(load_text(valid_review_text(), "r.yaml"), Settings(vocabulary=vocabulary))
    assert seen == [vocabulary]


def test_ignored_phrases_match_whole_words_in_any_case_across_line_breaks() -> None:
    vocabulary = parse_vocabulary({"ignore": ["Kill Bill", "Bill"]})
    text = "Kill\nbill, then BILL again, but not Billy or skill bill."
    assert vocabulary.ignored_spans(text) == [(0, 9), (16, 20), (51, 55)]
    assert vocabulary.is_ignored(text, 5, 9) and not vocabulary.is_ignored(text, 36, 41)
    assert EMPTY.ignored_spans(text) == [] and EMPTY.ignore_pattern is None


def test_accepts_ignores_case_and_possessives() -> None:
    vocabulary = parse_vocabulary({"accept": ["Ghibli"]})
    assert vocabulary.accepts("GHIBLI") and vocabulary.accepts("Ghibli’s") and vocabulary.accepts("ghibli's")
    assert not vocabulary.accepts("Ghiblis") and not EMPTY.accepts("ghibli")


def test_the_cache_fingerprint_is_the_same_in_every_process() -> None:
    """Accepted words are a set; its order changes with the string hash seed, so the
    fingerprint must not depend on it (or the result cache would never hit)."""
    code = ("from reviewlint.config import Settings; from reviewlint.cache import settings_fingerprint; "
            "from reviewlint.vocabulary import parse_vocabulary; "
            "print(settings_fingerprint(Settings(root=__import__('pathlib').Path('/p'), "
            "vocabulary=parse_vocabulary({'accept': [chr(97 + i) * 3 for i in range(20)], "
            "'cues': {'gore': ['b'], 'drugs': ['a']}}))))")
    prints = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(prints) == 1
    plain = settings_fingerprint(Settings(root=Path("/p")))
    assert plain not in prints


@given(st.lists(st.from_regex(r"[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,2}", fullmatch=True), min_size=1, max_size=4),
       st.text(alphabet=" .,;\n", min_size=1, max_size=3))
def test_every_ignored_phrase_is_found_between_separators(phrases: list[str], gap: str) -> None:
    vocabulary = parse_vocabulary({"ignore": phrases})
    text = gap.join(phrase.upper() for phrase in phrases)
    spans = vocabulary.ignored_spans(text)
    covered = {index for start, end in spans for index in range(start, end)}
    assert all(char.isspace() or char in ".,;" or index in covered for index, char in enumerate(text))


def test_overlapping_ignored_phrases_are_all_covered() -> None:
    vocabulary = parse_vocabulary({"ignore": ["AA", "A A", "AA A"]})
    assert vocabulary.ignored_spans("AA A A AA A") == [(0, 6), (7, 11)]
    assert vocabulary.ignored_spans("x AA y A A") == [(2, 4), (7, 10)]
