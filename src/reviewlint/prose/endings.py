"""Which sentences tell how the film ends.

A sentence tells the ending when it states a twist's content ("it turns out he was dead
all along", "it was all a dream"), names the kind of ending ("a happy ending", "no
resolution"), or places an outcome at the end ("in the end she chooses him", "by the end,
he dies", "the film ends with ..."). It only mentions the ending when it judges it ("the
ending is satisfying"), promises not to spoil it, or talks about the film's start or
middle ("ends up being", "the opening scene"). The forms are in data/endings.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reviewlint.prose.tokens import sentences

DATA = Path(__file__).parent / "data"
# Frames that only say "at last"; a start-of-film word outweighs them.
_WEAK_FRAME_RE = re.compile(r"\b(?:finally|eventually|ultimately|at last)\b")
_LEFT_FEELING_RE = re.compile(r"(?:left|leaves?|leaving) (?:me|you|us|viewers|audiences|the audience)\b")


@dataclass(frozen=True)
class EndingForms:
    frames: re.Pattern[str]
    outcomes: re.Pattern[str]
    reveals: re.Pattern[str]
    kinds: re.Pattern[str]
    generic: re.Pattern[str]
    mentions: re.Pattern[str]
    other_part: re.Pattern[str]
    first_person: re.Pattern[str]
    evaluation: re.Pattern[str]
    judged: re.Pattern[str]
    premise: re.Pattern[str]
    position: re.Pattern[str]


@cache
def forms() -> EndingForms:
    data = json.loads((DATA / "endings.json").read_text(encoding="utf-8"))

    def compiled(name: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{pattern})" for pattern in data[name]))

    return EndingForms(*(compiled(name) for name in (
        "frames", "outcomes", "reveals", "kinds", "generic", "mentions", "other_part", "first_person", "evaluation",
        "judged", "premise", "position")))


@dataclass(frozen=True, slots=True)
class EndingSentence:
    """A sentence that tells the ending: its span and the words that show it."""

    start: int
    end: int
    words: str


def normalise(sentence: str) -> str:
    """Lower case, straight apostrophes, one space between words: same length as the input
    is not kept, so spans are taken from the original sentence by search."""
    return " ".join(sentence.replace("’", "'").replace("‘", "'").lower().split())


def cue(sentence: str) -> str | None:
    """The words of `sentence` that tell the ending, or None when it does not."""
    text = normalise(sentence)
    found = forms()
    reveal = found.reveals.search(text)
    if reveal is not None:
        strong_end = found.frames.search(_WEAK_FRAME_RE.sub("", text))
        placed_early = found.position.search(text) or found.other_part.search(reveal.group(0))
        if placed_early and strong_end is None and not _is_twist(reveal.group(0)):
            return None
        if _is_death(reveal.group(0)) and found.premise.search(text) and strong_end is None:
            return None  # "When her husband is killed, she ...": the premise, not the end
        return reveal.group(0)
    if found.mentions.search(text):
        return None
    kind = found.kinds.search(text)
    if kind is not None and found.generic.search(text) is None:
        return kind.group(0)
    frame = found.frames.search(text)
    if frame is None:
        return None
    outcome = found.outcomes.search(text)
    if outcome is None:
        return None
    proper_frame = found.frames.search(_WEAK_FRAME_RE.sub("", text))
    if found.other_part.search(text) and proper_frame is None:
        return None
    evaluated = found.evaluation.search(text[:frame.start()] + text[frame.end():])
    if evaluated and (found.first_person.search(text) or proper_frame is None or found.judged.search(text)):
        return None
    if _LEFT_FEELING_RE.match(text, outcome.start()):
        return None  # "the ending left me cold": a feeling, not an event
    return frame.group(0) if frame.start() < outcome.start() else outcome.group(0)


def _is_death(words: str) -> bool:
    return any(marker in words for marker in ("dies", "died", "killed", "murdered", "survive", "shot dead",
                                             "stabbed", "poisoned"))


def _is_twist(words: str) -> bool:
    return any(marker in words for marker in ("all along", "dream", "revealed", "exposed", "twist", "turns out",
                                             "turned out", "actually", "really", "secretly"))


def find(text: str, extra: re.Pattern[str] | None = None) -> list[EndingSentence]:
    """The sentences of `text` that tell the ending, in order. `extra`: a site's own phrases
    that mark a sentence as telling it."""
    found: list[EndingSentence] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        words = cue(sentence)
        if words is None and extra is not None:
            match = extra.search(sentence)
            words = match.group(0) if match is not None else None
        if words is not None:
            found.append(EndingSentence(start, end, words))
    return found
