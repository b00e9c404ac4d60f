"""Content warnings (RL3xx): exact findings, negation and traps, fixes."""

from __future__ import annotations

import pytest

from reviewlint.diagnostics import Diagnostic, Edit, FixSafety
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
     [("RL303", 18, 10, "'drinks' suggests the content warning 'alcohol', which `content_warnings` does not "
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


def fixed(text: str, *, unsafe: bool) -> str:
    """`text` after `check --fix` (with `--unsafe-fixes` when `unsafe`), in memory."""
    from reviewlint.config import Settings
    from reviewlint.document import load_text
    from reviewlint.engine import check_document
    from reviewlint.fixing import applicable, fix_document

    document = load_text(text, "review.yaml")
    settings = Settings()
    fixes = applicable(check_document(document, settings).diagnostics, unsafe)
    return fix_document(document, fixes, settings, unsafe=unsafe).text


def warnings_block(text: str) -> str:
    """The `content_warnings:` block of a fixed review, up to the next top-level key."""
    start = text.index("content_warnings:")
    end = text.index("\nspoilers:", start)
    return text[start:end + 1]


def test_bare_duplicate_before_a_detailed_entry_is_removed_safely() -> None:
    found = diagnostics(overlay("content_warnings:\n  - violence\n  - id: violence\n    severity: severe"))
    assert [(d.code, d.line, d.col) for d in found] == [("RL302", 23, 9)]
    fix = found[0].fix
    assert fix is not None and fix.safety is FixSafety.SAFE
    assert fix.description == "remove the first 'violence', which says less than the second"
    assert fix.edits == (Edit(("content_warnings", 0), delete=True),)


def test_duplicates_with_different_severities_are_an_unsafe_removal() -> None:
    found = diagnostics(overlay("content_warnings:\n  - {id: violence, severity: mild}\n"
                                "  - {id: violence, severity: severe}"))
    assert findings_of(found) == [
        ("RL302", 23, 10, "content warning 'violence' is declared twice (first as item 1)")]
    fix = found[0].fix
    assert fix is not None and fix.safety is FixSafety.UNSAFE
    assert fix.description == "remove the second 'violence' and its different details"
    text = overlay("content_warnings:\n  - {id: violence, severity: mild}\n  - {id: violence, severity: severe}")
    # --fix leaves the choice to the author (only the layout is made canonical).
    assert warnings_block(fixed(text, unsafe=False)) == (
        "content_warnings:\n  - id: violence\n    severity: mild\n  - id: violence\n    severity: severe\n")


def test_duplicates_with_details_that_do_not_clash_are_merged_safely() -> None:
    text = overlay("content_warnings:\n  - {id: violence, severity: mild}\n  - {id: violence, note: one scene}")
    [found] = diagnostics(text)
    assert found.fix is not None and found.fix.safety is FixSafety.SAFE
    merged = {"id": "violence", "severity": "mild", "note": "one scene"}
    assert found.fix.edits == (Edit(("content_warnings", 0), merged), Edit(("content_warnings", 1), delete=True))
    assert warnings_block(fixed(text, unsafe=False)) == (
        "content_warnings:\n  - id: violence\n    severity: mild\n    note: one scene\n")


def test_unsafe_fix_keeps_the_entry_that_says_the_most() -> None:
    # The new-user report: `severity: high` vanished under --unsafe-fixes.
    text = overlay("content_warnings: [Violence, strong language, {id: swearing, severity: high}]")
    assert findings(text, CODES) == [
        ("RL301", 21, 20, "content warning 'Violence' is not a vocabulary slug; its slug is 'violence'"),
        ("RL301", 21, 30, "content warning 'strong language' is not a vocabulary slug; its slug is 'profanity'"),
        ("RL301", 21, 52, "content warning 'swearing' is not a vocabulary slug; its slug is 'profanity'"),
        ("RL104", 21, 72, "`severity` must be one of none, mild, moderate, severe; got 'high'")]
    result = fixed(text, unsafe=True)
    assert warnings_block(result) == (
        "content_warnings:\n  - violence\n  - id: profanity\n    severity: high\n")
    # The invalid severity is kept, and the schema still says so.
    assert [(code, message) for code, _line, _col, message in findings(result, CODES)] == [
        ("RL104", "`severity` must be one of none, mild, moderate, severe; got 'high'")]
    # Without --unsafe-fixes only the spelling fix is applied.
    assert warnings_block(fixed(text, unsafe=False)) == (
        "content_warnings:\n  - violence\n  - strong language\n  - id: swearing\n    severity: high\n")


def test_synonym_with_details_beside_its_bare_slug_keeps_the_details() -> None:
    text = overlay("content_warnings: [profanity, {id: swearing, severity: mild, note: constant}]")
    [found] = diagnostics(text)
    assert found.fix is not None and found.fix.edits == (Edit(("content_warnings", 1, "id"), "profanity"),)
    assert warnings_block(fixed(text, unsafe=True)) == (
        "content_warnings:\n  - id: profanity\n    severity: mild\n    note: constant\n")


@pytest.mark.parametrize("written", ["death_grief", "Death_Grief", "death grief", "DEATH-GRIEF", "Death-Grief"])
def test_case_underscore_and_space_variants_of_a_slug_are_a_safe_spelling_fix(written: str) -> None:
    text = overlay(f"content_warnings: [{written}]")
    [found] = diagnostics(text)
    assert (found.code, found.line, found.col) == ("RL301", 21, 20)
    assert found.message == f"content warning {written!r} is not a vocabulary slug; its slug is 'death-grief'"
    assert found.fix is not None and found.fix.safety is FixSafety.SAFE
    assert found.fix.edits == (Edit(("content_warnings", 0), "death-grief"),)
    assert warnings_block(fixed(text, unsafe=False)) == "content_warnings:\n  - death-grief\n"


def findings_of(found: list[Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.col, d.message) for d in found]


def test_undeclared_fix_appends_the_slug() -> None:
    [found] = diagnostics(body("Her brother overdosed.", "[violence]"))
    assert found.fix is not None and found.fix.safety is FixSafety.UNSAFE
    assert found.fix.edits == (Edit(("content_warnings", 1), "drugs"),)


def test_dialogue_counts_as_prose() -> None:
    text = overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: Put down the cocaine, Ray.")
    assert findings(text, CODES) == [
        ("RL303", 18, 27, "'cocaine' suggests the content warning 'drugs', which `content_warnings` does not "
                          "declare")]


def test_a_site_vocabulary_adds_cues_and_ignores_phrases() -> None:
    from reviewlint import check_text
    from reviewlint.config import Settings
    from reviewlint.vocabulary import parse_vocabulary

    text = body("Buckets of red corn syrup. Its kills are inventive.")
    plain = [d.message for d in check_text(text, settings=Settings()) if d.code == "RL303"]
    assert plain == ["'kills' suggests the content warning 'violence', which `content_warnings` does not declare"]
    vocabulary = parse_vocabulary({"cues": {"gore": ["red corn syrup"]}, "ignore": ["kills are inventive"]})
    found = [d.message for d in check_text(text, settings=Settings(vocabulary=vocabulary)) if d.code == "RL303"]
    assert found == ["'red corn syrup' suggests the content warning 'gore', which `content_warnings` does not declare"]
