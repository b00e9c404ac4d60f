"""The content-warning cue lexicon (data/cues.json), compiled once into a word index.

A cue is a phrase of words. Each word matches its inflections (see inflect.py) unless
written `=word`; `*` matches any one word; `a|b` either word. `@guard` after a cue names
the context rule (figurative.py) that must agree the use is literal.

Words of the text are matched by their possible lemmas (`inflect.lemmas`), so loading the
lexicon expands nothing. The words that may start a match (for the cheap "may this text hold
a cue?" test) are listed in data/triggers.txt, generated from the cues with
`python -m reviewlint.prose.lexicon` (a test checks that the list is current).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from reviewlint.prose.inflect import forms, lemmas
from reviewlint.prose.prefilter import TRIGGERS, cue_words

DATA = Path(__file__).parent / "data"


class Slot(NamedTuple):
    """A word of a cue: the exact words it accepts, and the lemmas whose inflections it accepts."""

    exact: frozenset[str]
    lemmas: frozenset[str]

    def accepts(self, key: str) -> bool:
        return key in self.exact or (bool(self.lemmas) and not self.lemmas.isdisjoint(lemmas(key)))

    def words(self) -> frozenset[str]:
        return self.exact | self.lemmas

    def forms(self) -> frozenset[str]:
        """Every word this slot accepts."""
        found = set(self.exact)
        for lemma in self.lemmas:
            found |= forms(lemma)
        return frozenset(found)


class Cue(NamedTuple):
    slug: str
    phrase: str
    slots: tuple[Slot | None, ...]  # None: any one word
    guard: str | None = None


def _slot(word: str) -> Slot | None:
    if word == "*":
        return None
    parts = word.split("|")
    return Slot(frozenset(p[1:] for p in parts if p.startswith("=")),
                frozenset(p for p in parts if not p.startswith("=")))


def parse_cue(slug: str, text: str) -> Cue | None:
    """A cue from its written form; None when it has no words."""
    phrase, _, guard = text.partition("@")
    words = phrase.lower().replace("-", " ").replace("’", "'").split()
    if not words or words[0] == "*":
        return None
    return Cue(slug, " ".join(words), tuple(_slot(word) for word in words), guard.strip() or None)


class PhraseTable:
    """Cues indexed by the words and lemmas of their first word. A cue is parsed only when a
    text holds its first word: most never are in a run, and loading stays cheap."""

    def __init__(self, written: Iterable[tuple[str, str]]) -> None:
        self._raw: dict[str, list[tuple[str, str]]] = {}
        for slug, text in written:
            first = text.lower().replace("-", " ").replace("’", "'").split(None, 1)[:1]
            for word in first[0].split("|") if first else ():
                self._raw.setdefault(word.lstrip("="), []).append((slug, text))
        self._parsed: dict[str, list[Cue]] = {}

    def _cues(self, word: str) -> list[Cue]:
        found = self._parsed.get(word)
        if found is None:
            found = [cue for slug, text in self._raw.get(word, ()) if (cue := parse_cue(slug, text)) is not None]
            self._parsed[word] = found
        return found

    def starting(self, key: str) -> list[Cue]:
        """The cues whose first word may be `key` (checked again by the caller)."""
        found: list[Cue] = []
        for lemma in lemmas(key):
            if lemma in self._raw:
                found.extend(self._cues(lemma))
        return found

    def __bool__(self) -> bool:
        return bool(self._raw)


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


# Words too common to say that a sentence may hold a cue (the prefilter picks another word
# of the cue when it can).
COMMON = frozenset("""a an and the of in on at to for with by from as or but not no be is are was were it its
this that these those he she they him her them his their one two some any all out up down off over into about
because turn turns middle second life scene scenes content use uses used have has had make makes made take takes
took find finds found lose loses lost end ends put get gets got go goes back while time part shot like just issues
support supporting cut cuts hit hits run runs set left way ways man men woman women day night face hand hands
crime
""".split())


def _rarest(cue: Cue) -> frozenset[str]:
    """The forms of the cue's least common word: a text without any of them cannot hold the cue."""
    slots = [slot for slot in cue.slots if slot is not None]
    best = max(slots, key=lambda slot: (not (slot.words() & COMMON), min(len(word) for word in slot.words())))
    return best.forms()


def trigger_words(data: dict[str, Any], extra: Sequence[tuple[str, tuple[str, ...]]] = ()) -> set[str]:
    """Words without any of which a sentence holds no cue, heading or counted swear word."""
    cues = [parse_cue(slug, text) for slug, texts in [*data["cues"].items(), *extra] for text in texts]
    triggers = {form for cue in cues if cue is not None for form in _rarest(cue) if form.isascii() and form.isalnum()}
    triggers |= {word for heading in data["headings"] for word in heading.split() if word not in COMMON}
    listed = ("swear_words", "abuse_words", "animal_harm_verbs", "animals")
    triggers |= {word.lower() for name in listed for word in data["sets"][name]
                 if " " not in word and word not in COMMON}
    return triggers


def _read() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return data


def _build(data: dict[str, Any], extra: Sequence[tuple[str, tuple[str, ...]]]) -> Lexicon:
    cues = [(slug, text) for slug, texts in [*data["cues"].items(), *extra] for text in texts]
    traps = [(slug, text) for slug, texts in data["traps"].items() for text in texts]
    single = [n for n in data["negators"] if " " not in n]
    sets = {name: frozenset(word.lower() for word in words) for name, words in data["sets"].items()}
    triggers = set(cue_words())
    if extra:
        extra_words = trigger_words({"cues": {}, "headings": {}, "sets": {name: [] for name in data["sets"]}}, extra)
        triggers |= {word.encode() for word in extra_words}
    return Lexicon(
        cues=PhraseTable(cues), traps=PhraseTable(traps),
        negators=frozenset(single), negator_phrases=tuple(tuple(n.split()) for n in data["negators"] if " " in n),
        not_negating=tuple(tuple(p.split()) for p in data["not_negating"]),
        clause_breaks=frozenset(data["clause_breaks"]),
        headings={key: tuple(value) for key, value in data["headings"].items()},
        heading_none=frozenset(data["heading_none"]), sets=sets,
        trigger_words=frozenset(triggers))


@cache
def _data() -> dict[str, Any]:
    return _read()


@cache
def lexicon(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    """The lexicon, with a site's extra cues (slug, phrases) added."""
    return _build(_data(), extra)


def write_triggers() -> None:
    """Regenerate data/triggers.txt from data/cues.json."""
    TRIGGERS.write_text("\n".join(sorted(trigger_words(_read()))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_triggers()
