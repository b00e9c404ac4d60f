"""Configuration: discovery, validation with did-you-mean, per-rule options, CLI overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewlint.config import (
    ConfigError,
    Settings,
    apply_overrides,
    parse_per_file_ignore,
    parse_rule_option,
    parse_table,
    settings_for_path,
)
from reviewlint.diagnostics import Severity

ROOT = Path("/project")


def error_of(table: dict[str, object]) -> str:
    with pytest.raises(ConfigError) as raised:
        parse_table(table, "pyproject.toml", ROOT)
    return str(raised.value)


def test_a_full_table_parses() -> None:
    settings = parse_table({
        "select": ["ALL"], "ignore": ["RL405", "misspelling"], "extend-select": ["RL6"],
        "per-file-ignores": {"imports/**": ["RL509"]}, "fail-level": "warning",
        "rules": {"implausible-runtime": {"max-minutes": 900}, "RL606": {"ignore-words": ["potray"]},
                  "unknown-genre": {"severity": "warning"}},
    }, "pyproject.toml", ROOT)
    assert settings.select == ("ALL",) and settings.ignore == ("RL405", "misspelling")
    assert settings.fail_level is Severity.WARNING
    assert settings.options_for("implausible-runtime") == {"max-minutes": 900}
    assert settings.options_for("misspelling") == {"ignore-words": ("potray",)}  # codes become names
    assert settings.options_for("unknown-genre") == {"severity": "warning"}
    hash(settings)  # settings key caches, so they must stay hashable


@pytest.mark.parametrize(("table", "message"), [
    ({"selct": ["RL6"]}, "pyproject.toml: unknown key `selct`; did you mean `select`?"),
    ({"select": ["RL6006"]}, "pyproject.toml: `select`: unknown rule or code `RL6006`; did you mean `RL606`?"),
    ({"ignore": ["mispelling"]}, "pyproject.toml: `ignore`: unknown rule or code `mispelling`; did you mean "
                                 "`misspelling`?"),
    ({"ignore": ["XY1"]}, "pyproject.toml: `ignore`: unknown rule or code `XY1`"),
    ({"per-file-ignores": {"a/*": ["RL9990"]}}, "pyproject.toml: `per-file-ignores` for 'a/*': unknown rule or code "
                                                "`RL9990`; did you mean `RL999`?"),
    ({"fail-level": "warn"}, "pyproject.toml: `fail-level`: unknown severity 'warn'; expected one of: error, "
                             "warning, info"),
    ({"rules": {"misspeling": {}}}, "pyproject.toml: `rules.misspeling`: unknown rule; did you mean `misspelling`?"),
    ({"rules": {"RL001": {}}}, "pyproject.toml: `rules.RL001`: RL001 is reported by the load stage and has no "
                               "options"),
    ({"rules": {"misspelling": {"ignore-word": ["x"]}}},
     "pyproject.toml: `rules.misspelling`: unknown option `ignore-word`; did you mean `ignore-words`? (options of "
     "misspelling: `ignore-words`, `severity`)"),
    ({"rules": {"misspelling": {"ignore-words": "potray"}}},
     "pyproject.toml: `rules.misspelling.ignore-words` must be a list of strings, got 'potray'"),
    ({"rules": {"implausible-runtime": {"max-minutes": True}}},
     "pyproject.toml: `rules.implausible-runtime.max-minutes` must be an integer, got True"),
    ({"rules": {"implausible-runtime": {"max-minutes": 0}}},
     "pyproject.toml: `rules.implausible-runtime`: `max-minutes` must be at least 1"),
    ({"rules": {"mixed-quotes": {"style": "smart"}}},
     "pyproject.toml: `rules.mixed-quotes`: `style` must be auto, straight or curly; got 'smart'"),
    ({"rules": {"invisible-space": {"allow": ["nbsp"]}}},
     "pyproject.toml: `rules.invisible-space`: `allow` items are code points written U+00A0; got 'nbsp'"),
    ({"rules": {"undeclared-content-warning": {"ignore": ["grief"]}}},
     "pyproject.toml: `rules.undeclared-content-warning`: `ignore` lists 'grief', which is not a content-warning "
     "slug"),
    ({"rules": {"unknown-genre": {"severity": "loud"}}},
     "pyproject.toml: `rules.unknown-genre.severity`: unknown severity 'loud'; expected one of: error, warning, info"),
    ({"rules": ["misspelling"]}, "pyproject.toml: `rules` must be a table of rule name = {options}"),
])
def test_bad_config_names_the_file_and_the_key(table: dict[str, object], message: str) -> None:
    assert error_of(table) == message


def test_the_nearest_config_file_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.reviewlint]\nignore = ["RL509"]\n', encoding="utf-8")
    nested = tmp_path / "reviews" / "2024"
    nested.mkdir(parents=True)
    (tmp_path / "reviews" / ".reviewlint.yaml").write_text("ignore: [RL606]\nrules:\n  doubled-word:\n"
                                                           "    allow: [very]\n", encoding="utf-8")
    settings = settings_for_path(str(nested))
    assert settings.ignore == ("RL606",)
    assert settings.options_for("doubled-word") == {"allow": ("very",)}
    assert settings_for_path(str(tmp_path)).ignore == ("RL509",)


def test_a_bad_yaml_config_is_reported_with_its_path(tmp_path: Path) -> None:
    (tmp_path / ".reviewlint.yaml").write_text("rules:\n  misspelling:\n    ignore_words: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        settings_for_path(str(tmp_path))
    assert str(raised.value).endswith(".reviewlint.yaml: `rules.misspelling`: unknown option `ignore_words`; did "
                                      "you mean `ignore-words`? (options of misspelling: `ignore-words`, `severity`)")


def test_cli_overrides_win_over_the_file() -> None:
    base = parse_table({"select": ["RL6"], "ignore": ["RL604"], "rules": {"doubled-word": {"allow": ["very"]},
                        "misspelling": {"ignore-words": ["potray"]}}}, "pyproject.toml", ROOT)
    settings = apply_overrides(base, {
        "select": ("RL2",), "ignore": ("RL205",), "fail_level": "info",
        "per_file_ignores": (("imports/*", ("RL509",)),),
        "rule_options": (("doubled-word", "allow", ["so"]), ("RL502", "max-minutes", 900)),
    })
    assert settings.select == ("RL2",)  # select replaces
    assert settings.ignore == ("RL604", "RL205")  # ignore adds
    assert settings.fail_level is Severity.INFO
    assert settings.per_file_ignores == (("imports/*", ("RL509",)),)
    assert settings.options_for("doubled-word") == {"allow": ("so",)}
    assert settings.options_for("misspelling") == {"ignore-words": ("potray",)}
    assert settings.options_for("implausible-runtime") == {"max-minutes": 900}


def test_cli_flag_parsers() -> None:
    assert parse_per_file_ignore("imports/**/*.yaml:RL509, RL6") == ("imports/**/*.yaml", ("RL509", "RL6"))
    assert parse_rule_option("implausible-runtime.max-minutes=900") == ("implausible-runtime", "max-minutes", 900)
    assert parse_rule_option('misspelling.ignore-words=["potray"]') == ("misspelling", "ignore-words", ["potray"])
    assert parse_rule_option("mixed-quotes.style=curly") == ("mixed-quotes", "style", "curly")
    for bad, parser in (("imports", parse_per_file_ignore), ("x:", parse_per_file_ignore),
                        ("max-minutes=9", parse_rule_option), ("a.b", parse_rule_option)):
        with pytest.raises(ConfigError):
            parser(bad)  # type: ignore[operator]
    with pytest.raises(ConfigError) as raised:
        apply_overrides(Settings(), {"rule_options": (("misspelling", "words", []),)})
    assert str(raised.value).startswith("--rule-option: `rules.misspelling`: unknown option `words`")


def test_per_file_ignores_apply_by_glob() -> None:
    settings = parse_table({"per-file-ignores": {"imports/**": ["RL509"], "*.draft.yaml": ["RL6"]}},
                           "pyproject.toml", ROOT)
    assert settings.for_file("/project/imports/2024/a.yaml").ignore == ("RL509",)
    assert settings.for_file("/project/reviews/b.draft.yaml").ignore == ("RL6",)
    assert settings.for_file("/project/reviews/c.yaml").ignore == ()


# --- untrusted input: a config can hold anything ------------------------------------------------


@pytest.mark.parametrize(("pattern", "reason"), [
    ("!", "Invalid git pattern: '!'"),
    ("foo\\", "Invalid git pattern: 'foo\\\\'"),
    ("[z-a]", "bad character range z-a"),
])
def test_an_invalid_exclude_pattern_is_a_config_error_naming_it(pattern: str, reason: str) -> None:
    assert error_of({"exclude": ["drafts/", pattern]}) == \
        f"pyproject.toml: `exclude`: invalid pattern {pattern!r}: {reason}"
    assert error_of({"per-file-ignores": {pattern: ["RL6"]}}) == \
        f"pyproject.toml: `per-file-ignores`: invalid pattern {pattern!r}: {reason}"
    with pytest.raises(ConfigError) as raised:
        apply_overrides(Settings(), {"per_file_ignores": ((pattern, ("RL6",)),)})
    assert str(raised.value) == f"--per-file-ignores: invalid pattern {pattern!r}: {reason}"


def test_a_pyproject_whose_tool_is_not_a_table_is_a_config_error(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        settings_for_path(str(tmp_path))
    assert str(raised.value) == "pyproject.toml: `tool` must be a table ([tool.reviewlint]), got 5"


def _yaml_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".reviewlint.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        settings_for_path(str(tmp_path))
    return str(raised.value)


def test_a_huge_integer_in_a_yaml_config_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    message = _yaml_config_error(tmp_path, monkeypatch, "max-file-size: " + "9" * 4300 + "\n")
    assert message == ".reviewlint.yaml:1:16: invalid YAML: integer with 4300 digits is too large (at most 1000)"


def test_an_alias_bomb_in_a_yaml_config_is_refused_before_it_expands(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    bomb = "\n".join(levels) + "\nfail-level: [" + ", ".join(["*a8"] * 9) + "]\n"
    message = _yaml_config_error(tmp_path, monkeypatch, bomb)
    assert message == (".reviewlint.yaml:2:10: invalid YAML: alias *a0 is not allowed in a config (it repeats the "
                       "value anchored on line 1); write the value out")


def test_a_yaml_config_too_large_to_be_one_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    message = _yaml_config_error(tmp_path, monkeypatch, "exclude:\n" + "  - drafts/\n" * 200_000)
    assert message == ".reviewlint.yaml: the config is over 1048576 bytes; a config is a few lines of settings"


def test_a_long_bad_value_is_cut_short_in_the_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    message = _yaml_config_error(tmp_path, monkeypatch, "fail-level: [" + ", ".join(["warning"] * 5000) + "]\n")
    assert message.startswith(".reviewlint.yaml: `fail-level`: expected error, warning or info, got ['warning', ")
    assert message.endswith("...") and len(message) < 200


def test_a_max_file_size_past_the_limit_is_a_config_error() -> None:
    assert error_of({"max-file-size": 99999999999999999999999}) == (
        "pyproject.toml: `max-file-size` must be a number of bytes from 1 to 1073741824, got "
        "99999999999999999999999")


def test_a_long_key_or_option_value_is_cut_short_in_the_message() -> None:
    long_key = "x" * 100_000
    assert error_of({long_key: 1}) == f"pyproject.toml: unknown key `{'x' * 57}...`"
    message = error_of({"rules": {"misspelling": {"severity": ["warning"] * 20_000}}})
    assert message == ("pyproject.toml: `rules.misspelling.severity` must be a string, got "
                       "['warning', 'warning', 'warning', 'warning', 'warning', '...")


def test_selection_is_resolved_once_into_a_table_of_codes() -> None:
    settings = Settings(select=("RL1", "misspelling"), ignore=("RL102",), rule_options=(
        ("misspelling", (("severity", "error"),)),))
    table = settings.table
    assert table is Settings(select=("RL1", "misspelling"), ignore=("RL102",), rule_options=(
        ("misspelling", (("severity", "error"),)),)).table  # one resolution per distinct selection
    assert "RL101" in table.enabled and "RL102" not in table.enabled and "RL606" in table.enabled
    assert "RL601" not in table.enabled and settings.is_enabled("RL103") and not settings.is_enabled("RL201")
    assert [(step.rule.code, step.severity) for step in table.steps] == [("RL606", Severity.ERROR)]
    assert table.severities == {"RL606": Severity.ERROR}


@pytest.mark.parametrize("depth", [150, 900, 5000])
def test_a_deeply_nested_yaml_config_is_a_config_error_not_a_recursion_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, depth: int) -> None:
    message = _yaml_config_error(tmp_path, monkeypatch, "select: " + "[" * depth + "]" * depth + "\n")
    assert message.startswith(".reviewlint.yaml:1:")
    assert "invalid YAML" in message and len(message) < 300


def test_deeply_nested_toml_is_a_config_error_not_a_recursion_error(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.reviewlint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n",
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        settings_for_path(str(tmp_path))
    assert str(raised.value) == "pyproject.toml: invalid TOML: values nested too deeply for a config"
    with pytest.raises(ConfigError) as raised:
        parse_rule_option("misspelling.ignore-words=" + "[" * 5000 + "]" * 5000)
    assert str(raised.value) == "--rule-option misspelling.ignore-words: the value is nested too deeply"
