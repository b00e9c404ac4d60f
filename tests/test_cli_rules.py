"""`reviewlint rules`, `rule` and `vocab`, the README rule table, and configuration,
selection, suppression and exit codes through `reviewlint check` (click's CliRunner)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from conftest import invoke
from reviewlint.rules import all_rules
from rulekit import overlay

REPO = Path(__file__).resolve().parents[1]
MISSPELT = overlay("review:\n  body:\n    - Few could potray it.\n  recommendation: {verdict: worth-watching}")
# line 17 col 17: RL606 (warning)


def run(*args: str) -> Result:
    return invoke(*args)


def check(*args: str) -> Result:
    return run("check", "--no-cache", "--output-format", "concise", *args)


# --- rules, rule, vocab -------------------------------------------------------------------------

def test_rules_lists_every_code() -> None:
    result = run("rules")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["Code", "Name", "Family", "Severity", "Fix", "Summary"]
    assert len(lines) == len(all_rules()) + 1
    [row] = [line for line in lines if line.startswith("RL606 ")]
    assert row.split(None, 5) == ["RL606", "misspelling", "prose", "warning", "unsafe",
                                  'A word from the list of common misspellings ("potray").']
    [row] = [line for line in lines if line.startswith("RL001 ")]
    assert row.split(None, 5)[:5] == ["RL001", "syntax-error", "load", "error", "-"]
    [row] = [line for line in lines if line.startswith("RL302 ")]
    assert row.split(None, 5) == ["RL302", "duplicate-content-warning", "content-warnings", "warning",
                                  "safe/unsafe", "The same content warning is declared twice."]


def test_rules_as_json_and_filtered() -> None:
    data = json.loads(run("rules", "--output-format", "json").output)
    assert [entry["code"] for entry in data] == [r.code for r in all_rules()]
    [runtime] = [entry for entry in data if entry["code"] == "RL502"]
    assert runtime == {
        "code": "RL502", "name": "implausible-runtime", "family": "metadata", "severity": "warning", "fix": "none",
        "fix_unsafe_when": None, "default_enabled": True, "summary": "The runtime is unusually long.",
        "options": {"max-minutes": {"type": "integer", "default": 600,
                                    "description": "Longest runtime, in minutes, accepted without comment."}},
    }
    prose = run("rules", "--family", "prose", "--fixable").output.splitlines()[1:]
    assert [line.split()[0] for line in prose] == ["RL601", "RL602", "RL603", "RL604", "RL606", "RL607"]
    bad = run("rules", "--family", "prosa")
    assert bad.exit_code == 2 and "unknown family 'prosa'; did you mean `prose`?" in bad.output


def test_rule_explains_by_code_or_name() -> None:
    by_code = run("rule", "RL606")
    assert by_code.exit_code == 0
    assert by_code.output.startswith("# RL606 misspelling\n\nSeverity: warning. Fix: unsafe. Family: prose.\n\n"
                                     'A word from the list of common misspellings ("potray").\n\n## What it does\n')
    assert "## Options\n\n- `ignore-words` (list of strings, default `[]`)" in by_code.output
    assert run("rule", "misspelling").output == by_code.output
    assert run("rule", "rl606").output == by_code.output
    assert run("rule", "RL002").output.startswith("# RL002 duplicate-key\n")
    unknown = run("rule", "mispelling")
    assert unknown.exit_code == 2 and "no rule 'mispelling'; did you mean `misspelling`?" in unknown.output
    assert run("rule").exit_code == 2
    everything = run("rule", "--all").output
    assert all(f"# {entry.code} {entry.name}\n" in everything for entry in all_rules())
    data = json.loads(run("rule", "RL999", "--output-format", "json").output)
    assert data["name"] == "internal-error" and data["doc"].startswith("## What it does")


def test_a_rule_whose_fix_is_sometimes_unsafe_says_when() -> None:
    doc = run("rule", "RL302").output
    assert doc.startswith("# RL302 duplicate-content-warning\n\nSeverity: warning. Fix: safe; unsafe when the two "
                          "entries give different severities or notes. Family: content-warnings.\n")
    assert "unsafe when the two\nentries give different severities or notes" in doc  # the ## Fix section
    data = json.loads(run("rule", "RL302", "--output-format", "json").output)
    assert (data["fix"], data["fix_unsafe_when"]) == ("safe", "the two entries give different severities or notes")
    assert run("rule", "RL210").output.startswith(
        "# RL210 verdict-synonym\n\nSeverity: error. Fix: safe; unsafe when the text is a synonym rather than a "
        "spelling of the verdict. Family: ratings.\n")
    # Every rule whose findings can carry either safety says so.
    varying = [r.code for r in all_rules() if r.fix_unsafe_when]
    assert varying == ["RL210", "RL301", "RL302", "RL505", "RL506", "RL507"]


def test_vocab_name_typo_gets_a_did_you_mean_and_a_short_usage() -> None:
    typo = run("vocab", "content-warning")
    assert typo.exit_code == 2
    usage, _try, _blank, error = typo.output.splitlines()
    assert usage.endswith(" vocab [OPTIONS] NAME")  # not the whole list of names
    assert error == (
        "reviewlint: error: invalid value for 'NAME': unknown vocabulary 'content-warning'; did you mean "
        "`content-warnings`? (one of: content-warnings, ending-types, verdicts, spoiler-levels, genres, scales, "
        "rating-sources, countries, languages)")
    assert run("vocab", "--help").output.splitlines()[0].endswith(" vocab [OPTIONS] NAME")


def test_vocab_lists_each_vocabulary() -> None:
    lines = run("vocab", "content-warnings").output.splitlines()
    assert len(lines) == 22
    assert lines[5] == ("profanity            Profanity (also: profanity, strong language, bad language, coarse "
                        "language, foul language, crude language, language, swearing, cursing)")
    assert run("vocab", "ending-types").output.splitlines()[0] == \
        "happy                The story resolves well for its protagonists."
    assert "ten-point            1-10 step 1  Whole points, one to ten." in run("vocab", "scales").output
    assert "Worth watching (also: worth watching, worth to watch" in run("vocab", "verdicts").output
    assert "One-Person Army Action" in run("vocab", "genres").output.splitlines()
    data = json.loads(run("vocab", "rating-sources", "--output-format", "json").output)
    assert data[0] == {"id": "imdb", "label": "IMDb", "min": 1.0, "max": 10.0, "decimals": 1}
    assert run("vocab", "warnings").exit_code == 2


def test_the_readme_rule_table_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("update_readme_rules", REPO / "scripts" / "update_readme_rules.py")
    assert spec is not None and spec.loader is not None
    script: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert script.updated(readme) == readme, "run python scripts/update_readme_rules.py"
    for entry in all_rules():
        assert f"| {entry.code} | `{entry.name}` |" in readme


# --- check: selection, configuration, suppression, exit codes --------------------------------------

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "a.yaml").write_text(MISSPELT, encoding="utf-8")
    return tmp_path


def test_warnings_exit_0_unless_the_fail_level_says_otherwise(project: Path) -> None:
    result = check("reviews")
    assert (result.exit_code, result.output.splitlines()[0]) == (
        0, "reviews/a.yaml:17:17: RL606 'potray' is a misspelling of 'portray'")
    assert check("--fail-level", "warning", "reviews").exit_code == 1
    assert check("--fail-level", "warning", "--exit-zero", "reviews").exit_code == 0


def test_select_ignore_and_extend_select_flags(project: Path) -> None:
    (project / "reviews" / "b.yaml").write_text(overlay("rating: {value: 12, max: 10}"), encoding="utf-8")
    assert "RL201" in check("reviews").output
    ignored = check("--ignore", "RL201,misspelling", "reviews")
    assert (ignored.exit_code, ignored.output) == (0, "No problems found (2 files checked)\n")
    selected = check("--select", "RL6", "reviews")
    assert selected.exit_code == 0 and selected.output.splitlines() == [
        "reviews/a.yaml:17:17: RL606 'potray' is a misspelling of 'portray'",
        "1 problem in 1 file (2 files checked): 1 warning",
        "No fixes available with --fix (1 hidden fix can be enabled with the --unsafe-fixes option)"]
    extended = check("--select", "RL6", "--extend-select", "rating-out-of-range", "reviews")
    assert extended.exit_code == 1 and "reviews/b.yaml:10:17: RL201 rating 12 is above the scale maximum 10" in \
        extended.output.splitlines()
    unknown = check("--select", "RL6006", "reviews")
    assert unknown.exit_code == 2 and "unknown rule or code `RL6006`; did you mean `RL606`?" in unknown.output


def test_statistics(project: Path) -> None:
    (project / "reviews" / "b.yaml").write_text(MISSPELT, encoding="utf-8")
    lines = check("--statistics", "reviews").output.splitlines()
    assert "2  RL606  [ ]  misspelling" in lines  # its fix is unsafe: plain --fix does not apply it
    nbsp = MISSPELT.replace("Few could potray it.", '"Few could\\u00a0portray it."')
    (project / "reviews" / "c.yaml").write_text(nbsp, encoding="utf-8")
    assert "1  RL602  [*]  invisible-space" in check("--statistics", "reviews").output.splitlines()


def test_config_file_selection_options_and_per_file_ignores(project: Path) -> None:
    (project / "reviews" / "b.yaml").write_text(overlay("film:\n  title: Quiet Harbour\n  year: 2011\n"
                                                        "  runtime_minutes: 700"), encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.reviewlint]\nfail-level = "warning"\n\n[tool.reviewlint.per-file-ignores]\n"reviews/a.yaml" = '
        '["misspelling"]\n\n[tool.reviewlint.rules.implausible-runtime]\nmax-minutes = 650\n', encoding="utf-8")
    result = check("reviews")
    assert result.exit_code == 1
    assert result.output.splitlines()[:-1] == [
        "reviews/b.yaml:5:20: RL502 runtime 700 minutes is unusually long (over 650); check it is in minutes"]
    # flags win over the file
    assert check("--rule-option", "implausible-runtime.max-minutes=800", "reviews").exit_code == 0
    assert check("--fail-level", "error", "reviews").exit_code == 0
    also = check("--per-file-ignores", "reviews/b.yaml:RL502", "reviews")
    assert (also.exit_code, also.output) == (0, "No problems found (2 files checked)\n")


def test_a_bad_config_is_a_usage_error_naming_file_and_key(project: Path) -> None:
    (project / ".reviewlint.yaml").write_text("rules:\n  implausible-runtime:\n    max-minute: 900\n",
                                              encoding="utf-8")
    result = check("reviews")
    assert result.exit_code == 2
    assert result.output == ("reviewlint: error: .reviewlint.yaml: `rules.implausible-runtime`: unknown option "
                             "`max-minute`; did you mean `max-minutes`? (options of implausible-runtime: "
                             "`max-minutes`, `severity`)\n")
    flag = check("--isolated", "--rule-option", "misspelling.words=[]", "reviews")
    assert flag.exit_code == 2 and "--rule-option: `rules.misspelling`: unknown option `words`" in flag.output


def test_inline_suppression_and_unused_suppression(project: Path) -> None:
    suppressed = MISSPELT.replace("- Few could potray it.", "- Few could potray it.  # reviewlint: disable=RL606")
    (project / "reviews" / "a.yaml").write_text(suppressed, encoding="utf-8")
    assert check("--fail-level", "warning", "reviews").exit_code == 0
    stale = suppressed.replace("potray", "portray")
    (project / "reviews" / "a.yaml").write_text(stale, encoding="utf-8")
    result = check("--fail-level", "warning", "reviews")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == \
        "reviews/a.yaml:17:52: RL801 suppression of `RL606` suppresses nothing on this line; remove it"


def test_unused_trailing_suppression_on_a_block_key_says_how_to_cover_the_block(project: Path) -> None:
    text = overlay("review:  # reviewlint: disable=RL604\n  headline: Quiet Harbour\n  body:\n"
                   "    - A patient film about a lighthouse keeper.\n  recommendation:\n    verdict: worth-watching\n")
    (project / "reviews" / "a.yaml").write_text(text, encoding="utf-8")
    result = check("--fail-level", "warning", "reviews")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "reviews/a.yaml:15:32: RL801 suppression of `RL604` suppresses nothing on this line; to cover the whole "
        "block, put the comment on its own line above the key")


def test_the_examples_stay_clean() -> None:
    result = run("check", "--no-cache", "--fail-level", "info", str(REPO / "examples"))
    assert (result.exit_code, result.output.splitlines()[-1]) == (0, "No problems found (3 files checked)")
