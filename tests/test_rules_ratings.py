"""Ratings (RL2xx): exact code, message and line:col for failing and passing cases."""

from __future__ import annotations

import pytest

from reviewlint.diagnostics import Edit, FixSafety
from rulekit import diagnostics, findings, overlay

CODES = {f"RL20{n}" for n in range(1, 10)}

# Line 10 of the base review is `rating:`; a one-line rating snippet stays on line 10.
FAILING = [
    ("rating: {value: 12, min: 1, max: 10, step: 1}",
     [("RL201", 10, 17, "rating 12 is above the scale maximum 10")]),
    ("rating: {value: 0, min: 1, max: 10, step: 1}",
     [("RL201", 10, 17, "rating 0 is below the scale minimum 1")]),
    ("rating: {value: 7.5, min: 1, max: 10, step: 1}",
     [("RL202", 10, 17, "rating 7.5 is not on the scale's step of 1; the nearest allowed values are 7 and 8")]),
    ("rating: {value: 3.3, min: 0.5, max: 5, step: 0.5}",
     [("RL202", 10, 17, "rating 3.3 is not on the scale's step of 0.5; the nearest allowed values are 3 and 3.5")]),
    ("rating: {value: 5, min: 1, max: 7, step: 1}",
     [("RL203", 10, 1, "rating scale 1-7 in steps of 1 is not supported (see `reviewlint vocab scales` for the "
                       "supported scales)")]),
    ("rating: {value: 5, min: 1, max: 10, step: 0.5}",
     [("RL203", 10, 1, "rating scale 1-10 in steps of 0.5 is not supported; supported scales up to 10: 1-10 in "
                       "steps of 1 (ten-point); 0-10 in steps of 1 (ten-point-zero); 0-10 in steps of 0.5 "
                       "(ten-point-half); 0-10 in steps of 0.1 (ten-point-decimal)")]),
    ("rating: {value: 5, min: 10, max: 1}",
     [("RL203", 10, 1, "rating scale minimum 10 is not below its maximum 1")]),
    ("external_ratings:\n  - {source: imdb, value: 63, max: 10}",
     [("RL204", 28, 27, "IMDb rating 63 is outside IMDb's range 1.0-10.0")]),
    ("external_ratings:\n  - {source: imdb, value: 6.3, max: 5}",
     [("RL204", 28, 37, "`max` 5 does not match IMDb's range 1.0-10.0")]),
    ("external_ratings:\n  - {source: metacritic, value: 101}",
     [("RL204", 28, 33, "Metacritic Metascore rating 101 is outside Metacritic Metascore's range 0-100")]),
    ("external_ratings:\n  - {source: other, value: 11, min: 1, max: 5}",
     [("RL204", 28, 28, "rating 11 is outside its declared range 1-5")]),
    ("external_ratings:\n  - {source: imdb, value: 6.35}",
     [("RL205", 28, 27, "IMDb ratings have at most 1 decimal; 6.35 has 2")]),
    ("external_ratings:\n  - {source: rotten-tomatoes, value: 91.5}",
     [("RL205", 28, 38, "Rotten Tomatoes Tomatometer ratings have no decimals; 91.5 has 1")]),
    ("rating: {value: 2, min: 1, max: 10, step: 1}\n"
     "review:\n  body: [A joyless slog.]\n  recommendation: {verdict: must-watch}",
     [("RL206", 13, 29, "verdict 'must-watch' disagrees with the rating 2 of 10: a 'must-watch' rating is at least "
                        "6.4")]),
    ("rating: {value: 9, min: 1, max: 10, step: 1}\n"
     "review:\n  body: [Wonderful.]\n  recommendation: {verdict: skip}",
     [("RL206", 13, 29, "verdict 'skip' disagrees with the rating 9 of 10: a 'skip' rating is at most 6.4")]),
    ("review:\n  body: [Lovely.]\n  recommendation: {verdict: worth-watching, text: Must see!}",
     [("RL207", 17, 51, "recommendation text 'Must see!' reads as 'must-watch', but the verdict is "
                        "'worth-watching'")]),
    ("rating: null",
     [("RL208", 10, 9, "the rating is empty; give `rating` a value and its scale, such as "
                       "`rating: {value: 7, min: 1, max: 10, step: 1}`")]),
    ("rating: {value: 8, min: 1, max: 10, step: 1, original: 7/10}",
     [("RL209", 10, 56, "`original` '7/10' says 7, but `value` is 8")]),
    ("rating: {value: 8, min: 0, max: 12, step: 1, original: B+}",
     [("RL209", 10, 56, "`original` 'B+' says 9, but `value` is 8")]),
    ("rating: {value: 4, min: 0.5, max: 5, step: 0.5, original: ★★★½}",
     [("RL209", 10, 59, "`original` '★★★½' says 3.5, but `value` is 4")]),
]

PASSING = [
    "rating: {value: 7, min: 1, max: 10, step: 1}",
    "rating: {value: 3.5, min: 0.5, max: 5, step: 0.5}",
    "rating: {value: 5, min: 0.5, max: 5, step: 0.5}",
    "rating: {value: 7.3, min: 0, max: 10, step: 0.1}",
    "rating: {value: 100, min: 0, max: 100, step: 1}",
    "rating: {value: 9, min: 0, max: 12, step: 1, original: B+}",
    "rating: {value: 3.5, min: 0.5, max: 5, step: 0.5, original: ★★★½}",
    "rating: {value: 7, max: 10, original: 7/10}",
    "external_ratings:\n  - {source: imdb, value: 6.3, max: 10}\n  - {source: metacritic, value: 61}",
    "external_ratings:\n  - {source: letterboxd, value: 3.25, max: 5}",
    "rating: {value: 2, min: 1, max: 10, step: 1}\nreview:\n  body: [Dull.]\n  recommendation: {verdict: skip}",
    "review:\n  body: [Fine.]\n  recommendation: {verdict: worth-watching, text: Worth to Watch}",
    # A wrong type is the schema's business, not a rule's.
    "rating: {value: seven, max: 10}",
]


@pytest.mark.parametrize(("snippet", "expected"), FAILING)
def test_failing(snippet: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(overlay(snippet), CODES) == expected


@pytest.mark.parametrize("snippet", PASSING)
def test_passing(snippet: str) -> None:
    assert findings(overlay(snippet), CODES) == []


def test_missing_rating_is_reported_at_the_top_of_the_review() -> None:
    text = overlay("").replace("rating:\n  value: 8\n  min: 1\n  max: 10\n  step: 1\n", "")
    assert findings(text, CODES) == [
        ("RL208", 1, 1, "the review gives no rating; add `rating` with its scale, such as "
                        "`rating: {value: 7, min: 1, max: 10, step: 1}`")]


def test_a_misspelt_rating_key_is_left_to_the_schema() -> None:
    text = overlay("").replace("rating:\n  value: 8", "ratting:\n  value: 8")
    assert findings(text, CODES | {"RL102"}) == [("RL102", 10, 1, "unknown key `ratting`; did you mean `rating`?")]


def with_verdict(verdict: str) -> str:
    """The base review with `verdict: <verdict>` (line 20, value from column 14)."""
    return overlay('review:\n  headline: "Quiet Harbour: a lighthouse and the town that forgets it"\n  body:\n'
                   "    - A patient film about a lighthouse keeper and the town that slowly forgets him.\n"
                   f"  recommendation:\n    verdict: {verdict}")


@pytest.mark.parametrize(("written", "slug", "safety"), [
    ("must-see", "must-watch", FixSafety.UNSAFE),
    ("Must Watch", "must-watch", FixSafety.SAFE),
    ("must_watch", "must-watch", FixSafety.SAFE),
    ("Worth Watching", "worth-watching", FixSafety.SAFE),
    ("skip it", "skip", FixSafety.UNSAFE),
    ("Skip It!", "skip", FixSafety.UNSAFE),
])
def test_verdict_written_as_a_synonym_or_spelling_gets_its_slug(written: str, slug: str, safety: FixSafety) -> None:
    [found] = diagnostics(with_verdict(written))
    assert (found.code, found.line, found.col, found.message) == (
        "RL210", 20, 14, f"verdict {written!r} is not a verdict slug; its slug is '{slug}'")
    assert found.fix is not None and found.fix.safety is safety
    assert found.fix.edits == (Edit(("review", "recommendation", "verdict"), slug),)
    assert found.fix.description == f"replace {written!r} with '{slug}'"


def test_unknown_verdict_stays_the_schemas_finding() -> None:
    assert findings(with_verdict("brilliant"), {"RL104", "RL210"}) == [
        ("RL104", 20, 14, "`verdict` must be one of must-watch, worth-watching, mixed, skip; got 'brilliant'")]


def test_ending_type_phrase_is_left_to_the_schema() -> None:
    # There is no ending-type rule: the schema's message lists the accepted types.
    text = overlay("ending:\n  type: twist ending")
    assert [(d.code, d.message) for d in diagnostics(text) if d.json_path[:1] == ("ending",)] == [
        ("RL104", "`type` must be one of happy, sad, bittersweet, tragic, open, ambiguous, twist, cliffhanger, other; "
                  "got 'twist ending'")]


@pytest.mark.parametrize(("written", "message", "mapping"), [
    ("8/10", "rating '8/10' is written as text; a rating is a mapping with its scale: "
             "`rating: {value: 8, min: 1, max: 10, step: 1}`", {"value": 8, "min": 1, "max": 10, "step": 1}),
    ("7.5 out of 10", "rating '7.5 out of 10' is written as text; a rating is a mapping with its scale: "
                      "`rating: {value: 7.5, min: 0, max: 10, step: 0.5}`",
     {"value": 7.5, "min": 0, "max": 10, "step": 0.5}),
    ("4/5", "rating '4/5' is written as text; a rating is a mapping with its scale: "
            "`rating: {value: 4, min: 1, max: 5, step: 1}`", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("★★★½", "rating '★★★½' is written as text; a rating is a mapping with its scale: "
             "`rating: {value: 3.5, min: 0.5, max: 5, step: 0.5}`", {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}),
])
def test_rating_written_as_text_shows_the_mapping_that_validates(written: str, message: str,
                                                                 mapping: dict[str, float]) -> None:
    text = overlay(f"rating: {written}")
    # One finding, replacing the schema's type message (which suggested `value: 8/10`, itself invalid).
    assert [f for f in findings(text) if f[1] == 10] == [("RL211", 10, 9, message)]
    [found] = [d for d in diagnostics(text) if d.code == "RL211"]
    assert found.fix is not None
    assert (found.fix.safety, found.fix.edits) == (FixSafety.UNSAFE, (Edit(("rating",), mapping),))
    # The suggested mapping is itself clean.
    flow = "{" + ", ".join(f"{key}: {value}" for key, value in mapping.items()) + "}"
    assert [f for f in findings(overlay(f"rating: {flow}")) if f[0].startswith("RL2") or f[0] == "RL103"] == []


def test_a_bare_number_rating_gets_an_example_but_no_fix() -> None:
    text = overlay("rating: 8")
    assert [f for f in findings(text) if f[1] == 10] == [
        ("RL211", 10, 9, "rating 8 has no scale; a rating is a mapping with its scale, such as "
                         "`rating: {value: 8, min: 1, max: 10, step: 1}` for a rating out of 10")]
    assert [d.fix for d in diagnostics(text) if d.code == "RL211"] == [None]
