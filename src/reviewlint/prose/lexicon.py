"""The content-warning cue lexicon (data/cues.json), compiled once into a word index.

A cue is a phrase of words. Each word matches its inflections (see inflect.py) unless
written `=word`; `*` matches any one word; `a|b` either word. `@guard` after a cue names
the context rule (figurative.py) that must agree the use is literal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reviewlint.prose.inflect import forms

DATA = Path(__file__).parent / "data"

# A word slot of a cue: the word forms it accepts, or None for any one word.
Slot = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Cue:
    slug: str
    phrase: str
    slots: tuple[Slot, ...]
    guard: str | None = None


def _slot(word: str) -> Slot:
    if word == "*":
        return None
    accepted: set[str] = set()
    for part in word.split("|"):
        accepted |= {part[1:]} if part.startswith("=") else forms(part)
    return frozenset(accepted)


def parse_cue(slug: str, text: str) -> Cue | None:
    """A cue from its written form; None when it has no words."""
    phrase, _, guard = text.partition("@")
    words = phrase.lower().replace("-", " ").replace("’", "'").split()
    if not words or words[0] == "*":
        return None
    return Cue(slug, " ".join(words), tuple(_slot(word) for word in words), guard.strip() or None)


class PhraseTable:
    """Cues indexed by the forms of their first word."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.by_first: dict[str, list[Cue]] = {}
        for cue in cues:
            first = cue.slots[0]
            assert first is not None
            for form in first:
                self.by_first.setdefault(form, []).append(cue)
        self.firsts = frozenset(self.by_first)

    def __bool__(self) -> bool:
        return bool(self.by_first)


@dataclass(frozen=True)
class Lexicon:
    cues: PhraseTable
    traps: PhraseTable
    negators: frozenset[str]
    negator_phrases: tuple[tuple[str, ...], ...]
    not_negating: tuple[tuple[str, ...], ...]
    clause_breaks: frozenset[str]
    headings: Mapping[str, tuple[str, ...]]
    heading_none: frozenset[str]
    sets: Mapping[str, frozenset[str]]
    # ASCII words any cue may start with, for the cheap "may this text hold a cue?" test.
    trigger_words: frozenset[bytes]

    def words(self, name: str) -> frozenset[str]:
        return self.sets[name]


def _rarest(cue: Cue) -> frozenset[str]:
    """The forms of the cue's longest word: a text without any of them cannot hold the cue."""
    slots = [slot for slot in cue.slots if slot is not None]
    return max(slots, key=lambda slot: min(len(form) for form in slot))


def _read() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return data


def _build(data: dict[str, Any], extra: Sequence[tuple[str, tuple[str, ...]]]) -> Lexicon:
    cues = [parse_cue(slug, text) for slug, texts in data["cues"].items() for text in texts]
    cues += [parse_cue(slug, text) for slug, texts in extra for text in texts]
    traps = [parse_cue(slug, text) for slug, texts in data["traps"].items() for text in texts]
    kept = [cue for cue in cues if cue is not None]
    single = [n for n in data["negators"] if " " not in n]
    sets = {name: frozenset(word.lower() for word in words) for name, words in data["sets"].items()}
    triggers = {form.encode() for cue in kept for form in _rarest(cue) if form.isascii() and form.isalnum()}
    # Words that start a parents'-guide heading or a quoted or censored swear word.
    triggers |= {word.encode() for heading in data["headings"] for word in heading.split()}
    triggers |= {word.encode() for name in ("swear_words", "abuse_words") for word in sets[name] if " " not in word}
    return Lexicon(
        cues=PhraseTable(kept), traps=PhraseTable(t for t in traps if t is not None),
        negators=frozenset(single), negator_phrases=tuple(tuple(n.split()) for n in data["negators"] if " " in n),
        not_negating=tuple(tuple(p.split()) for p in data["not_negating"]),
        clause_breaks=frozenset(data["clause_breaks"]),
        headings={key: tuple(value) for key, value in data["headings"].items()},
        heading_none=frozenset(data["heading_none"]), sets=sets, trigger_words=frozenset(triggers))


@cache
def _data() -> dict[str, Any]:
    return _read()


@cache
def lexicon(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    """The lexicon, with a site's extra cues (slug, phrases) added."""
    return _build(_data(), extra)
