"""Robustness of the prose rules: forms people write in reviews, beyond the unit cases.

Every sentence here is written for these tests (invented films and names; none comes from an
evaluation set). Each group is a form and its close neighbours, so a rule that fits one
phrasing but not its variants fails here.
"""

from __future__ import annotations

import pytest

from reviewlint.prose import endings
from reviewlint.prose.cues import find


def slugs(text: str) -> set[str]:
    return {finding.slug for finding in find(text)}


# Sentences that say what happens at the end: reported.
TELLS_ENDING = [
    "The final shot shows Marta alone on the pier, waving at nobody.",
    "The last shot is of the lighthouse going dark.",
    "In the last scene, Oskar burns the letters.",
    "In the closing minutes, the brothers reconcile over a card game.",
    "During the closing minutes the ferry sinks with the mayor aboard.",
    "The neighbour is revealed to be the arsonist.",
    "The kindly landlord is eventually revealed as the blackmailer.",
    "Priya and Tomas end up together.",
    "Lena and the baker end up married.",
    "He doesn't make it out of the mine.",
    "The credits roll on Ivo sitting by his brother's grave.",
    "It all ends with a wedding on the rooftop.",
    "It all ends in a shootout at the harbour.",
    "By the finale, the detective has lost her badge and her brother.",
    "The film closes on the two sisters driving north.",
    "The movie ends as Rafael boards the train.",
    "At the very end, the dog comes home.",
    "In the end, Hugo chooses the orchestra over his marriage.",
    "The story concludes with the farm sold to the developers.",
    "By the end of the film, the mayor is in prison.",
    "In the final scene, Dara walks into the sea.",
    "The last image is of Jonas asleep on the bus.",
    "The film's final moments show Kai burying the radio.",
    "Both brothers die in the climax.",
    "In the last ten minutes, the town floods.",
    "None of them make it out alive.",
    "It all ends with the two of them on the ferry.",
    "The closing moments find the widow laughing at the grave.",
]

# Sentences that mention the ending, or use ending words for something else: quiet.
MENTIONS_ONLY = [
    "The ending is satisfying.",
    "I won't spoil the final shot, but it is gorgeous.",
    "The final shot is beautifully framed.",
    "The last scene drags on far too long.",
    "It ends up being a pleasant surprise.",
    "In the end, it's a film about patience.",
    "The credits roll far too early.",
    "The closing minutes are the weakest part of the film.",
    "The twist is easy to guess.",
    "Stay for the credits.",
    "The film ends as it began, with rain on a window.",
    "The movie ends as a shapeless mess.",
    "The script doesn't make it clear who the narrator is.",
    "The credits roll on a hopeful note.",
    "The closing credits list over two hundred dancers.",
    "Everyone makes it look easy.",
    "The final scene shows just how good an actor she is.",
    "In the closing minutes I checked my watch twice.",
]

# Praise, idiom, titles, camerawork and style in warning words: quiet.
FIGURATIVE = [
    "Okafor absolutely slays as the disgraced chef.",
    "The supporting cast murders every scene they are in.",
    "The soundtrack is to die for.",
    "A killer soundtrack carries the slow middle stretch.",
    "The film was shot on 35mm in the Scottish highlands.",
    "Every frame is gorgeously shot.",
    "Honestly, it's a bloody good time.",
    "The final act is a riot.",
    "The director's new film, 'Knife Season', opens this Friday.",
    "Her debut, MURDER AT THE MILL, played at festivals last year.",
    "The editing has a hazy, drugged-out rhythm.",
    "The jokes land like a punch to the gut.",
    "The dialogue is intoxicating.",
    "The trailer gave me a heart attack.",
    "I was dying of laughter.",
    "The comedy is drop-dead funny.",
    "The sets are to die for.",
]

# Negations with the forms guides use: quiet.
NEGATED = [
    "Barely any blood is shown.",
    "The film is free of gore.",
    "Nothing graphic is shown.",
    "No sex or nudity.",
    "There is no nudity and no swearing.",
    "Not a single swear word in the whole film.",
    "Violence: none.",
    "Nobody is hurt in the fire.",
]

# Plain content, written in the same forms as the quiet ones above: still flagged.
CONTENT = [
    ("A man is shot in the head at close range.", {"violence"}),
    ("The soldiers torture a prisoner for hours.", {"torture"}),
    ("Her father drinks himself into a stupor every night.", {"alcohol"}),
    ("There is some graphic gore in the autopsy scene.", {"gore"}),
    ("The teenagers snort cocaine at a party.", {"drugs"}),
    ("WARNING: THE BROTHER IS MURDERED IN THE LAST TEN MINUTES OF THE FILM.", {"violence"}),
    ("The gang murders a shopkeeper in the first scene.", {"violence"}),
    ("The drugged-out teenagers crash the car.", {"drugs"}),
]


@pytest.mark.parametrize("sentence", TELLS_ENDING)
def test_a_sentence_that_tells_the_ending_is_found(sentence: str) -> None:
    assert endings.cue(sentence) is not None


@pytest.mark.parametrize("sentence", MENTIONS_ONLY)
def test_a_sentence_that_only_mentions_the_ending_is_quiet(sentence: str) -> None:
    assert endings.cue(sentence) is None


@pytest.mark.parametrize("sentence", FIGURATIVE)
def test_figurative_use_of_warning_words_is_quiet(sentence: str) -> None:
    assert slugs(sentence) == set()


@pytest.mark.parametrize("sentence", NEGATED)
def test_denied_content_is_quiet(sentence: str) -> None:
    assert slugs(sentence) == set()


@pytest.mark.parametrize(("sentence", "expected"), CONTENT)
def test_content_in_the_same_forms_is_found(sentence: str, expected: set[str]) -> None:
    assert expected <= slugs(sentence)
