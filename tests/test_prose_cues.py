"""reviewlint.prose.cues: content warnings read from sentences, one test per form.

Every sentence here is written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewlint.prose.cues import find, suggested_warnings
from reviewlint.prose.inflect import forms
from reviewlint.prose.tokens import sentences, tokenize


def slugs(text: str) -> set[str]:
    return {finding.slug for finding in find(text)}


# The vocabulary's words, synonyms and their inflections.
INFLECTIONS = [
    ("Some violence, obviously.", {"violence"}),
    ("The courier is stabbed twice in a stairwell.", {"violence"}),
    ("There is drug use throughout.", {"drugs"}),
    ("He uses drugs to get through the night shifts.", {"drugs"}),
    ("Heavy drinking at every family dinner.", {"alcohol"}),
    ("Her uncle smokes constantly.", {"smoking"}),
    ("Lots of sex, most of it awkward.", {"sexual-content"}),
    ("The sheriff's deputy murders a witness.", {"violence"}),
    ("A girl is kidnapped from a fairground.", {"kidnapping"}),
    ("Two prisoners are tortured for information.", {"torture"}),
    ("The hero's mother dies in the first reel.", {"death-grief"}),
    ("Several scenes use strobing lights.", {"flashing-lights"}),
    ("A long surgery scene shows the incision.", {"medical"}),
    ("She overdosed on pills her sister sold.", {"drugs"}),
]

# Negation scope: the cue is denied in its clause.
NEGATIONS = [
    "There is no violence at all.",
    "Not a drop of blood is spilled.",
    "No sex or nudity in this one.",
    "A thriller without any gore or jump scares.",
    "The film is free of profanity.",
    "Blood is never shown on screen.",
    "Nobody smokes, and nobody drinks.",
]

# Parents'-guide headings: severity words and "None".
HEADINGS = [
    ("Nudity: None", set()),
    ("Alcohol/Drugs: none.", set()),
    ("Sex/Nudity: mild", {"sexual-content", "nudity"}),
    ("Profanity: playground insults", {"profanity"}),
    ("Violence/Scariness: a sword duel and a scary cave", {"violence", "frightening"}),
    ("Sex/Nudity: a couple kiss at a dance.", set()),
]

# Figurative use, praise, titles, camerawork and the reviewer's own swearing stay quiet.
FIGURATIVE = [
    "The lead absolutely kills it in the second half.",
    "A creepy little gem of a comedy.",
    "A script drunk on its own cleverness.",
    "The plot needles at you for days.",
    "The cinematography is gorgeous: every frame is beautifully shot.",
    "The film is shot on grainy 16mm stock.",
    "It was one of the best damn films of the year.",
    "She steals every scene in Suicide Squad.",
    "The band plays 'Bloody Valentine' at the wedding.",
    "A killer performance from the whole cast.",
    "Her naked ambition drives the plot.",
    "I'm dying to see what the director does next.",
    "The dialogue is to die for.",
    "It looks like a crime scene in there, which is to say the kitchen is a mess.",
    "This bloody good thriller flies by.",
]

# Quoted or censored swearing is the film's language.
SWEARING = [
    ('He shouts "shit" at the referee.', {"profanity"}),
    ("Language includes s--t and f**k.", {"profanity"}),
    ("Frequent strong language.", {"profanity"}),
]

# Who is harmed decides the warning.
HARMED = [
    ("The family dog is shot by a neighbour.", {"animal-harm"}),
    ("A horse dies in the blizzard.", {"animal-harm"}),
    ("He beats his wife when he drinks.", {"domestic-abuse", "violence", "alcohol"}),
    ("The boy's abusive stepfather locks him in a shed.", {"child-abuse"}),
    ("The cat is not hurt, but the barn burns down.", set()),
]


@pytest.mark.parametrize(("text", "expected"), INFLECTIONS + HEADINGS + SWEARING + HARMED)
def test_forms(text: str, expected: set[str]) -> None:
    assert slugs(text) == expected


@pytest.mark.parametrize("text", NEGATIONS + FIGURATIVE)
def test_quiet(text: str) -> None:
    assert slugs(text) == set()


def test_negation_stops_at_a_contrast() -> None:
    assert slugs("No blood is shown, but the fight is brutal and violent.") == {"violence"}
    assert slugs("Some nudity, but nothing sexual.") == {"nudity"}


def test_affirming_negations_do_not_deny() -> None:
    assert slugs("The film doesn't shy away from violence.") == {"violence"}
    assert slugs("Not only gore but also torture.") == {"gore", "torture"}


def test_near_death_is_not_a_death() -> None:
    assert slugs("She almost dies in the river.") == set()


def test_a_finding_names_the_words_that_triggered_it() -> None:
    text = "Quiet at first. Later, the courier is stabbed twice."
    [finding] = find(text)
    assert (finding.slug, finding.words) == ("violence", "stabbed")
    assert text[finding.start:finding.end] == "stabbed"


def test_suggested_warnings_are_vocabulary_slugs_in_order() -> None:
    assert suggested_warnings("He drinks. Then he smokes. Then he drinks again.") == ["alcohol", "smoking"]
    assert suggested_warnings("A gentle film about a lighthouse.") == []


def test_ignored_spans_are_not_read() -> None:
    text = "Kill Bill references abound."
    assert find(text, ignored=[(0, 9)]) == []


def test_inflections() -> None:
    assert {"stabbed", "stabbing", "stabs"} <= forms("stab")
    assert {"died", "dying", "dies"} <= forms("die")
    assert {"smokes", "smoked", "smoking"} <= forms("smoke")
    assert {"kidnapped", "kidnapping"} <= forms("kidnap")
    assert {"drank", "drunk", "drinking"} <= forms("drink")


def test_sentences_and_tokens() -> None:
    text = "He's gone... or is he? Yes. Self-harm is shown."
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["He's gone... or is he?", "Yes.", "Self-harm is shown."]
    assert [t.key for t in tokenize("The dog’s self-harm")] == ["the", "dog", "self", "harm"]


@given(st.text(max_size=300))
def test_any_text_gives_findings_inside_it(text: str) -> None:
    for finding in find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.words


@pytest.mark.parametrize(("text", "expected"), [
    ("Language: strong", {"profanity"}),
    ("The score is a killer score.", set()),
    ("She is a beaten wife who finally leaves.", {"domestic-abuse", "violence"}),
    ("The dog's death is hard to watch.", {"animal-harm"}),
])
def test_the_rule_doc_examples_hold(text: str, expected: set[str]) -> None:
    assert slugs(text) == expected


def test_triggers_file_is_generated_from_the_cues() -> None:
    """data/triggers.txt is regenerated with `python -m reviewlint.prose.lexicon`."""
    from reviewlint.prose import lexicon
    from reviewlint.prose.prefilter import TRIGGERS

    listed = TRIGGERS.read_text(encoding="utf-8").split()
    assert listed == sorted(lexicon.trigger_words(lexicon._read()))


def test_every_form_of_a_cue_word_leads_back_to_it() -> None:
    from reviewlint.prose.inflect import lemmas
    from reviewlint.prose.lexicon import _read

    data = _read()
    words = {word for texts in data["cues"].values() for text in texts
             for part in text.partition("@")[0].replace("-", " ").lower().split() for word in part.split("|")
             if not word.startswith("=") and word != "*" and len(word) > 2}
    assert [(word, form) for word in words for form in forms(word) if word not in lemmas(form)] == []


@pytest.mark.parametrize("text", ["Suicide Squad is a mess.", "He is haunted by his past.",
                                  "The Bloodshed Trilogy Box Set", "A powder keg of a family dinner.",
                                  "A blood-red sky over the harbour.",
                                  "Her performance is murder on the heartstrings."])
def test_titles_and_figures_at_the_start_or_inside_stay_quiet(text: str) -> None:
    assert slugs(text) == set()
