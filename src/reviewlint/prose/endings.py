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

from reviewlint.prose.prefilter import GATE_WORDS, may_tell_ending
from reviewlint.prose.tokens import ascii_words, sentences

DATA = Path(__file__).parent / "data"
# Frames that only say "at last"; a start-of-film word outweighs them.
_WEAK_FRAME_RE = re.compile(r"\b(?:finally|eventually|ultimately|at last)\b")
_LEFT_FEELING_RE = re.compile(r"(?:left|leaves?|leaving) (?:me|you|us|viewers|audiences|the audience)\b"
                              r"|\b(?:i|we|you|audiences?|viewers|the audience) (?:am|is|are|was|were) left\b")




_LITERAL_RE = re.compile(r"[a-z]+")
_WORD_RE = re.compile(r"[a-z0-9']+")


class Forms:
    """One kind of form (frames, reveals...): regular expressions compiled one by one, and only
    when a sentence holds one of the pattern's own words (compiling them all up front costs
    more than checking a file)."""

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = patterns
        self._gates: dict[int, frozenset[bytes]] = {}
        self._compiled: dict[int, re.Pattern[str]] = {}

    def gate(self, index: int) -> frozenset[bytes]:
        """The prefilter words pattern `index` needs one of: it is tried only in sentences
        holding one (a pattern without such a word is always tried)."""
        found = self._gates.get(index)
        if found is None:
            found = self._gates[index] = _gate(self._patterns[index])
        return found

    def search(self, text: str, words: set[bytes] | None = None) -> re.Match[str] | None:
        """The leftmost match in `text` of the patterns worth trying for its `words`."""
        best: re.Match[str] | None = None
        for index, pattern_text in enumerate(self._patterns):
            if words is not None:
                gate = self.gate(index)
                if gate and gate.isdisjoint(words):
                    continue
            pattern = self._compiled.get(index)
            if pattern is None:
                pattern = self._compiled[index] = re.compile(pattern_text)
            match = pattern.search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best


@cache
def _by_prefix() -> dict[bytes, frozenset[bytes]]:
    """Each start (of three letters or more) of a prefilter word -> the words it starts."""
    table: dict[bytes, set[bytes]] = {}
    for word in GATE_WORDS:
        for size in range(3, len(word) + 1):
            table.setdefault(word[:size], set()).add(word)
    return {start: frozenset(words) for start, words in table.items()}


def _gate(pattern: str) -> frozenset[bytes]:
    """The prefilter's words that a pattern's literal words may be (a literal is often a stem
    followed by endings: "end(?:s|ed)?", "realiz")."""
    gate: set[bytes] = set()
    for literal in _LITERAL_RE.findall(re.sub(r"\\[a-zA-Z]", " ", pattern)):
        word = literal.encode()
        # the word itself, words it starts ("realiz": realizes), words that start it ("endings?")
        gate |= {word[:size] for size in range(3, len(word) + 1) if word[:size] in GATE_WORDS}
        gate |= _by_prefix().get(word, frozenset())
    return frozenset(gate)


@dataclass(frozen=True)
class EndingForms:
    frames: Forms
    outcomes: frozenset[str]
    reveals: Forms
    kinds: Forms
    generic: Forms
    mentions: Forms
    other_part: Forms
    first_person: Forms
    evaluation: Forms
    judged: Forms
    premise: Forms
    position: Forms


@cache
def forms() -> EndingForms:
    data = json.loads((DATA / "endings.json").read_text(encoding="utf-8"))
    named = {name: Forms(data[name]) for name in (
        "frames", "reveals", "kinds", "generic", "mentions", "other_part", "first_person", "evaluation", "judged",
        "premise", "position")}
    return EndingForms(outcomes=frozenset(data["outcomes"]), **named)


def outcome(text: str) -> str | None:
    """The first outcome phrase ("dies", "comes back", "gets together") in normalised text."""
    words = _WORD_RE.findall(text)
    phrases = forms().outcomes
    for start in range(len(words)):
        for size in (3, 2, 1):
            phrase = " ".join(words[start:start + size])
            if phrase in phrases:
                return phrase
    return None


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
    words = ascii_words(text)
    found = forms()
    reveal = found.reveals.search(text, words)
    if reveal is not None:
        strong_end = found.frames.search(_WEAK_FRAME_RE.sub("", text))
        placed_early = found.position.search(text) or found.other_part.search(reveal.group(0))
        if placed_early and strong_end is None and not _is_twist(reveal.group(0)):
            return None
        if _is_death(reveal.group(0)) and found.premise.search(text) and strong_end is None:
            return None  # "When her husband is killed, she ...": the premise, not the end
        return reveal.group(0)
    kind = found.kinds.search(text, words)
    frame = found.frames.search(text, words)
    if kind is None and frame is None:
        return None  # most sentences stop here, before the costlier checks
    if found.mentions.search(text):
        return None
    if kind is not None and found.generic.search(text) is None:
        return kind.group(0)
    if frame is None:
        return None
    result = outcome(text)
    if result is None:
        return None
    proper_frame = found.frames.search(_WEAK_FRAME_RE.sub("", text))
    if found.other_part.search(text) and proper_frame is None:
        return None
    evaluated = found.evaluation.search(text[:frame.start()] + text[frame.end():])
    if evaluated and (found.first_person.search(text) or proper_frame is None or found.judged.search(text)):
        return None
    if result in ("left", "leaves", "leave") and _LEFT_FEELING_RE.search(text):
        return None  # "the ending left me cold": a feeling, not an event
    return frame.group(0)


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
        words = cue(sentence) if may_tell_ending(ascii_words(sentence)) else None
        if words is None and extra is not None:
            match = extra.search(sentence)
            words = match.group(0) if match is not None else None
        if words is not None:
            found.append(EndingSentence(start, end, words))
    return found
