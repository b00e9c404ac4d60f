"""Content warnings (RL3xx): exact findings, negation and traps, fixes."""

from __future__ import annotations

import pytest

from reviewlint.diagnostics import Edit, FixSafety
from rulekit import diagnostics, findings, overlay

CODES = {"RL301", "RL302", "RL303", "RL104"}


def body(text: str, warnings: str = "[]") -> str:
    """A review whose single body paragraph is `text` (line 18, from column 7)."""
    return overlay(f"review:\n  headline: Quiet Harbour\n  body:\n    - {text}\n  recommendation:\n"
                   f"    verdict: worth-watching\ncontent_warnings: {warnings}")


FAILING = [
    (overlay("content_warnings: [violence, strong language]"),
     [("RL301", 21, 30, "content warning 'strong language' is not a vocabulary slug; its slug is 'profanity'")]),
    (overlay("content_warnings:\n  - id: Sexual Violence\n    severity: mild"),
     [("RL301", 22, 9, "content warning 'Sexual Violence' is not a vocabulary slug; its slug is 'sexual-violence'")]),
    (overlay("content_warnings: [violence, alcohol, violence]"),
     [("RL302", 21, 39, "content warning 'violence' is declared twice (first as item 1)")]),
    (body("Her brother overdosed the year before."),
     [("RL303", 18, 19, "'overdosed' suggests the content warning 'drugs', which `content_warnings` does not "
                        "declare")]),
    (body("The film is about a suicide, and about what it leaves behind.", "[violence]"),
     [("RL303", 18, 27, "'suicide' suggests the content warning 'suicide', which `content_warnings` does not "
                        "declare")]),
    # One finding per warning, at its first cue.
    (body("He drinks beer, then more beer, and ends the night drunk."),
     [("RL303", 18, 17, "'beer' suggests the content warning 'alcohol', which `content_warnings` does not "
                        "declare")]),
    # Cues spanning a line break in a folded block.
    (overlay("review:\n  body:\n    - >-\n      Nobody expected that she took her\n      own life.\n"
             "  recommendation:\n    verdict: worth-watching"),
     [("RL303", 18, 32, "'took her own life' suggests the content warning 'suicide', which `content_warnings` "
                        "does not declare")]),
]


@pytest.mark.parametrize(("text", "expected"), FAILING)
def test_failing(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(text, CODES) == expected


PASSING = [
    # negation within four words before the cue
    body("There is no gore and not a single murder."),
    body("A thriller without any real violence, free of cocaine."),
    # traps
    body("A suicide mission with a smoking gun and a killer performance."),
    body("Shooting schedule aside, the cutting-edge effects hold up; naked ambition drives him."),
    # declared, as slug or as {id}
    body("Her brother overdosed.", "[drugs]"),
    body("Her brother overdosed.", "[{id: drugs, severity: mild}]"),
    # the ignore option is tested through the config; the language gate here
    overlay("review:\n  body: [Ella se suicida al final.]\nlanguage: es"),
    # content_warnings_source and notes are not prose
    overlay("content_warnings: []\ncontent_warnings_source: Contains suicide and cocaine."),
]


@pytest.mark.parametrize("text", PASSING)
def test_passing(text: str) -> None:
    assert findings(text, CODES) == []


def test_unknown_warning_without_a_synonym_stays_the_schemas_finding() -> None:
    assert findings(overlay("content_warnings: [sexual-violance]"), CODES) == [
        ("RL104", 21, 20, "unknown content warning 'sexual-violance'; did you mean 'sexual-violence'?")]


def test_synonym_replaces_the_schemas_generic_finding() -> None:
    text = overlay("content_warnings: [harmful substances]")
    found = diagnostics(text)
    assert [(d.code, d.json_path) for d in found] == [("RL301", ("content_warnings", 0))]
    fix = found[0].fix
    assert fix is not None and fix.safety is FixSafety.UNSAFE
    assert fix.edits == (Edit(("content_warnings", 0), "drugs"),)


def test_synonym_fix_is_safe_when_only_case_and_spacing_differ() -> None:
    [found] = diagnostics(overlay("content_warnings: [Flashing Lights]"))
    assert found.fix is not None and found.fix.safety is FixSafety.SAFE
    assert found.fix.edits == (Edit(("content_warnings", 0), "flashing-lights"),)


def test_synonym_of_a_declared_slug_is_removed() -> None:
    [found] = diagnostics(overlay("content_warnings: [profanity, swearing]"))
    assert found.fix is not None and found.fix.edits == (Edit(("content_warnings", 1), delete=True),)
    assert found.fix.description == "remove 'swearing': 'profanity' is already declared"


def test_duplicate_with_its_own_severity_is_an_unsafe_removal() -> None:
    found = diagnostics(overlay("content_warnings:\n  - violence\n  - id: violence\n    severity: severe"))
    assert [(d.code, d.line, d.col) for d in found] == [("RL302", 23, 9)]
    fix = found[0].fix
    assert fix is not None and fix.safety is FixSafety.UNSAFE
    assert fix.edits == (Edit(("content_warnings", 1), delete=True),)


def test_undeclared_fix_appends_the_slug() -> None:
    [found] = diagnostics(body("Her brother overdosed.", "[violence]"))
    assert found.fix is not None and found.fix.safety is FixSafety.UNSAFE
    assert found.fix.edits == (Edit(("content_warnings", 1), "drugs"),)


def test_dialogue_counts_as_prose() -> None:
    text = overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: Put down the cocaine, Ray.")
    assert findings(text, CODES) == [
        ("RL303", 18, 27, "'cocaine' suggests the content warning 'drugs', which `content_warnings` does not "
                          "declare")]
