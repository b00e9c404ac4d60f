"""Spoilers (RL4xx): exact findings for failing and passing cases, and their fixes."""

from __future__ import annotations

import pytest

from reviewlint.diagnostics import Edit, FixSafety
from rulekit import diagnostics, findings, overlay

CODES = {"RL401", "RL402", "RL403", "RL404", "RL405"}

ENDING = "ending:\n  type: tragic\n  description: The birthday party ends in a stabbing in the garden.\n"


def review(body: str, extra: str = "", spoilers: str = "minor") -> str:
    """Body paragraphs start on line 18; `extra` goes after `review`."""
    return overlay(f"review:\n  headline: Quiet Harbour\n  body:\n{body}\n  recommendation:\n"
                   f"    verdict: worth-watching\n{extra}spoilers: {spoilers}\ncontent_warnings: [violence]")


FAILING = [
    (overlay("ending:\n  type: tragic\n  spoiler: false\n  description: It ends in a stabbing.\n"
             "spoilers: major\ncontent_warnings: [violence]"),
     [("RL401", 29, 12, "the ending has a description but is marked `spoiler: false`; a described ending is always "
                        "a spoiler")]),
    (review("    - A caper that turns savage. The birthday party ends in a stabbing in the garden.", ENDING),
     [("RL402", 18, 34, "'The birthday party ends in a stabbing in the garden' repeats the ending's description "
                        "outside spoiler marking (wrap it in >!...!< or mark the section as a spoiler)")]),
    # the match ignores case, punctuation and line breaks, inside a folded block
    (review("    - >-\n      A caper. the birthday party -- ends in a\n      stabbing, in the garden!", ENDING),
     [("RL402", 19, 16, "'the birthday party -- ends in a stabbing, in the garden' repeats the ending's "
                        "description outside spoiler marking (wrap it in >!...!< or mark the section as a "
                        "spoiler)")]),
    (overlay("review:\n  synopsis:\n    text: The birthday party ends in a stabbing in the garden.\n"
             "  body: [Savage.]\n" + ENDING + "spoilers: minor\ncontent_warnings: [violence]"),
     [("RL402", 17, 11, "'The birthday party ends in a stabbing in the garden' repeats the ending's description "
                        "outside spoiler marking (wrap it in >!...!< or mark the section as a spoiler)")]),
    (review('    - "The twist: >!the tutor was never hired."'),
     [("RL403", 18, 19, "spoiler marker '>!' is never closed with '!<'")]),
    (review('    - "The twist: the tutor was never hired!<"'),
     [("RL403", 18, 44, "spoiler marker '!<' closes nothing: there is no '>!' before it")]),
    (review('    - "One >!two >!three!< four"'),
     [("RL403", 18, 12, "spoiler marker '>!' is not closed before the next '>!' (markers do not nest)")]),
    (review("    - A patient film with >!a devastating final reveal!<.", spoilers="none"),
     [("RL404", 18, 27, "the review declares `spoilers: none`, but this text is marked as a spoiler")]),
    (review("    - Quiet.", "  synopsis: {text: Ki-woo is hired., spoiler: true}\n", spoilers="none"),
     [("RL404", 21, 47, "the review declares `spoilers: none`, but the synopsis is marked as a spoiler")]),
    (review("    - Quiet.", ENDING, spoilers="none"),
     [("RL404", 29, 16, "the review declares `spoilers: none`, but the ending is described")]),
    (review("    - Quiet.", "ending: {type: happy, spoiler: true}\n", spoilers="none"),
     [("RL404", 27, 32, "the review declares `spoilers: none`, but the ending is marked as a spoiler")]),
    (review("    - It turns out the tutor was never hired at all."),
     [("RL405", 18, 7, "this sentence seems to tell the ending ('turns out'); if it does, wrap it in >!...!< or mark "
                       "the review `spoilers: major`")]),
    # the type alone is a spoiler: `spoiler: false` is a finding without a description too
    (overlay("ending:\n  type: happy\n  spoiler: false\nspoilers: minor\ncontent_warnings: []"),
     [("RL401", 29, 12, "the ending is marked `spoiler: false`, but its type `happy` tells how the film ends; mark it "
                        "a spoiler")]),
]


@pytest.mark.parametrize(("text", "expected"), FAILING)
def test_failing(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(text, CODES) == expected


PASSING = [
    overlay("ending:\n  type: tragic\n  description: It ends in a stabbing.\nspoilers: major\n"
            "content_warnings: [violence]"),
    review("    - A caper. >!The birthday party ends in a stabbing in the garden.!<", ENDING),
    review("    - A caper that turns savage.", "  memorable_scene:\n    text: The birthday party ends in a stabbing "
           "in the garden.\n    spoiler: true\n" + ENDING),
    # sentences shorter than min-words (5) do not count
    review("    - It ends badly.", "ending:\n  type: sad\n  description: It ends badly.\n"),
    review('    - "Balanced: >!one!< and >!two!<."'),
    review("    - Quiet.", "ending: {type: happy}\n", spoilers="none"),
    review("    - It turns out fine.", spoilers="major"),
    review("    - The twist lands: >!it turns out the tutor was never hired.!<"),
    review("    - Quiet. >!In the end the brothers sell the farm.!<"),
]

# Sentences of each form, written for these tests: (sentence, whether it tells the ending).
ENDING_FORMS = [
    # explicit: the outcome placed at the end
    ("In the end the brothers sell the farm and part ways.", True),
    ("By the end, the old captain dies at sea.", True),
    ("The film ends with the two sisters laughing on a ferry.", True),
    ("In the final scene she burns the letters.", True),
    ("The last shot shows the empty lighthouse.", True),
    # explicit: the twist's content
    ("It turns out the landlord was the thief all along.", True),
    ("The whole voyage was just a fever dream.", True),
    ("The nurse is revealed to be his missing daughter.", True),
    ("He finally confesses to the fire.", True),
    ("And then she wakes up in her own bed.", True),
    ("The brother never existed.", True),
    # implicit: the kind of ending or its outcome without events
    ("Don't expect a happy ending.", True),
    ("It stops without any resolution at all.", True),
    ("They end up together, of course.", True),
    ("The ending is ambiguous.", True),
    ("The villain gets away with it.", True),
    # mention only
    ("The ending is satisfying.", False),
    ("I won't spoil the ending, but it is worth the wait.", False),
    ("I cried at the end.", False),
    ("The climax was predictable.", False),
    ("Stay for the credits.", False),
    ("By the end, the audience is left feeling dazed.", False),
    # another part of the film, or a figure of speech
    ("The film opens with a wedding.", False),
    ("The mother dies in the opening scene.", False),
    ("It ends up being a gentle comedy about neighbours.", False),
    ("The final cut runs two hours.", False),
    ("The final shot holds on the lamp for a full minute, and it earns every second.", False),
]


@pytest.mark.parametrize(("sentence", "tells"), ENDING_FORMS)
def test_ending_forms(sentence: str, tells: bool) -> None:
    found = findings(review(f"    - {sentence}"), {"RL405"})
    assert bool(found) is tells, found


def test_ending_sentence_inside_a_marked_span_or_a_major_review_is_quiet() -> None:
    assert findings(review("    - Quiet. >!By the end, the old captain dies at sea.!<"), {"RL405"}) == []
    assert findings(review("    - By the end, the old captain dies at sea.", spoilers="major"), {"RL405"}) == []


def test_ending_site_cues_add_to_the_reading() -> None:
    from reviewlint.config import Settings

    text = review("    - Mira plants one more tree in the orchard.")
    assert findings(text, {"RL405"}) == []
    settings = Settings(rule_options=(("ending-cue-unmarked", (("cues", ("one more tree",)),)),))
    from reviewlint import check_text

    found = [d for d in check_text(text, settings=settings) if d.code == "RL405"]
    assert [d.message for d in found] == ["this sentence seems to tell the ending ('one more tree'); if it does, wrap "
                                          "it in >!...!< or mark the review `spoilers: major`"]


@pytest.mark.parametrize("text", PASSING)
def test_passing(text: str) -> None:
    assert findings(text, CODES) == []


def test_unmarked_ending_fix_marks_it() -> None:
    text = overlay("ending:\n  type: tragic\n  spoiler: false\n  description: It ends in a stabbing.\n"
                   "spoilers: major\ncontent_warnings: [violence]")
    [found] = [d for d in diagnostics(text) if d.code == "RL401"]
    assert found.fix is not None and found.fix.safety is FixSafety.SAFE
    assert found.fix.edits == (Edit(("ending", "spoiler"), True),)


def test_leak_fix_wraps_the_sentence() -> None:
    text = review("    - A caper that turns savage. The birthday party ends in a stabbing in the garden.", ENDING)
    [found] = [d for d in diagnostics(text) if d.code == "RL402"]
    assert found.fix is not None and found.fix.safety is FixSafety.UNSAFE
    assert found.fix.edits == (Edit(("review", "body", 0), "A caper that turns savage. >!The birthday party ends in "
                                    "a stabbing in the garden!<."),)
    assert (found.end_line, found.end_col) == (18, 85)


def many_sentences(count: int, start: int = 0) -> str:
    return " ".join(f"Scene {n} ends the quiet night outside." for n in range(start, start + count))


def test_one_fix_per_text_wraps_every_repeated_sentence() -> None:
    ending = f"ending:\n  type: tragic\n  description: {many_sentences(3)}\n"
    text = review(f"    - Before. {many_sentences(2)} After.\n    - {many_sentences(1, start=2)}", ending)
    found = [d for d in diagnostics(text) if d.code == "RL402"]
    assert [(d.line, d.col) for d in found] == [(18, 15), (18, 53), (19, 7)]
    first, second, third = (d.fix for d in found)
    assert first is second and first is not third  # shared within a text: no copy per finding
    assert first is not None and first.edits == (Edit(("review", "body", 0), (
        "Before. >!Scene 0 ends the quiet night outside!<. >!Scene 1 ends the quiet night outside!<. After.")),)


def test_a_review_repeating_its_ending_many_times_is_bounded_and_counted() -> None:
    """A hostile review (its ending pasted into the body 300 times) once took minutes and
    gigabytes: each of its sentences was a pattern scanned over every text, and each
    finding carried its own copy of the paragraph. At most 100 ending sentences are
    compared and 10 findings listed; the last one counts the rest."""
    ending = f"ending:\n  type: tragic\n  description: {many_sentences(300)}\n"
    found = [d for d in diagnostics(review(f"    - {many_sentences(300)}", ending)) if d.code == "RL402"]
    assert len(found) == 10
    assert found[-1].message == ("'Scene 9 ends the quiet night outside' repeats the ending's description outside "
                                 "spoiler marking (wrap it in >!...!< or mark the section as a spoiler); 90 more "
                                 "repeated sentences not listed")
    assert len({id(d.fix) for d in found}) == 1


def test_overlapping_repeats_are_wrapped_once() -> None:
    from reviewlint.rules.spoilers import _wrap_spans

    assert _wrap_spans("abcdefgh", [(1, 4), (3, 6), (7, 8)]) == "a>!bcdef!<g>!h!<"
