"""The formatter refuses (RL014, with the reason) what it cannot keep: NEL, LS and PS where
libyaml and YAML 1.2 disagree, keys YAML 1.2 reads as other than text, directives. Its
refusals are positioned at the editor's lines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import valid_review_text
from reviewlint.cli import cli
from reviewlint.formatting import FormatRefused, format_text

BASE = valid_review_text()
TITLE = "  title: Quiet Harbour"
assert TITLE in BASE


def refused(text: str) -> str:
    with pytest.raises(FormatRefused) as caught:
        format_text(text)
    return caught.value.diagnostic.concise()


def before_schema_version(lines: str) -> str:
    return BASE.replace("schema_version:", lines + "\nschema_version:", 1)


@pytest.mark.parametrize(("text", "expected"), [
    # in a plain value: libyaml folds the break into a space, YAML 1.2 keeps the character
    (BASE.replace(TITLE, "  title: The house on the hill\x85   a review"),
     "3:31: RL014 not formatted: U+0085 (next line, NEL) is a line break to libyaml, which reads reviews, and an "
     "ordinary character to YAML 1.2 and editors: the two read this file differently, so a rewrite could change "
     "it (replace it, or write it as \\N inside double quotes)"),
    # in a comment: to libyaml, what follows the break is a key
    (before_schema_version("# imported\x85x-secret: 1"),
     "1:11: RL014 not formatted: U+0085 (next line, NEL) is a line break to libyaml"),
    (BASE.replace(TITLE, '  title: "x\u2028   y"'),
     "3:12: RL014 not formatted: U+2028 (line separator, LS) is a line break to libyaml"),
    (BASE.replace(TITLE, "  title: x  # a note\u2029  x-y: 2"),
     "3:21: RL014 not formatted: U+2029 (paragraph separator, PS) is a line break to libyaml"),
])
def test_nel_ls_and_ps_written_as_they_are_are_refused(text: str, expected: str) -> None:
    assert refused(text).startswith("<string>:" + expected)


@pytest.mark.parametrize(("key", "what"), [
    ("~", "the key `~` is null"), ("null", "the key `null` is null"), ("true", "the key `true` is a boolean"),
    ("True", "the key `True` is a boolean"), ("0o17", "the key `0o17` is an integer"),
    ("1", "the key `1` is an integer"), ("1.5", "the key `1.5` is a number"), ("!!int 7", "the key `7` is an integer"),
])
def test_keys_that_are_not_text_in_yaml_1_2_are_refused(key: str, what: str) -> None:
    text = before_schema_version(f"{key}: 1")
    shown = key.removeprefix("!!int ")
    assert refused(text) == (f"<string>:1:1: RL014 not formatted: {what} in YAML 1.2, not text, and the "
                             f"canonical layout writes keys as text: quote it (`\"{shown}\":`) if text is meant")


def test_an_empty_explicit_key_is_refused() -> None:
    assert refused(before_schema_version("? \n: 1")).startswith(
        "<string>:1:2: RL014 not formatted: an empty key is null in YAML 1.2, not text")


@pytest.mark.parametrize("key", ['"~"', "'null'", '"1"', "x-1e3", "x-true", "!!str 5"])
def test_keys_that_are_text_are_formatted(key: str) -> None:
    once = format_text(before_schema_version(f"{key}: 1"))
    assert format_text(once) == once


@pytest.mark.parametrize(("directive", "reason"), [
    ("%YAML 1.1", "the directive `%YAML 1.1` asks for another YAML version, in which values read differently "
                  "(`no` is false and `010` is 8 in YAML 1.1); reviewlint reads YAML 1.2, and the canonical "
                  "layout would drop the directive"),
    ("%TAG !e! tag:example.com,2000:", "the directive `%TAG !e! tag:example.com,2000:` would be dropped by the "
                                       "canonical layout"),
])
def test_directives_that_would_be_lost_are_refused(directive: str, reason: str) -> None:
    assert refused(f"{directive}\n---\n{BASE}") == f"<string>:1:1: RL014 not formatted: {reason}"


def test_a_yaml_1_2_directive_is_what_reviewlint_reads_and_may_go() -> None:
    assert format_text(f"%YAML 1.2\n---\n{BASE}") == format_text(BASE)


def test_refusals_after_a_nel_are_at_the_editors_line(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml counts the NEL as a line break; an editor, GitHub and SARIF viewers do not.
    monkeypatch.chdir(str(tmp_path))
    text = BASE.replace(TITLE, "  title: a\x85b").replace("  year: 2011", "  year: [2011")
    with open("a.yaml", "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    line = text[:text.index("[2011")].count("\n") + 1
    done = CliRunner().invoke(cli, ["format", "--isolated", "a.yaml"])
    assert done.exit_code == 2
    assert f"reviewlint: error: a.yaml:{line}:" in done.stderr
    assert "RL001" in done.stderr
