"""A site's own vocabulary, as Vale has: accepted terms, ignored phrases, content-warning cues.

Read from the `vocabulary` table of a config file (`[tool.reviewlint.vocabulary]` in
pyproject.toml, `vocabulary:` in .reviewlint.yaml):

    accept = ["Ghibli", "mumblecore"]          # words the spelling rules accept
    ignore = ["Kill Bill", "Lorem Ipsum"]       # phrases no prose rule flags
    [cues]
    gore = ["practical effects splatter"]       # more phrases suggesting a warning

This module is a leaf: it knows the content-warning slugs (from `reviewlint.vocab`) and
nothing of config files, so config.py turns a VocabularyError into its ConfigError.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reviewlint.words import did_you_mean

KEYS = ("accept", "ignore", "cues")


class VocabularyError(ValueError):
    """A bad `vocabulary` table; the message names the key, without the file."""


class Words(frozenset[str]):
    """A frozenset whose repr is sorted: Settings are fingerprinted by repr for the result
    cache, and a plain frozenset of strings prints in a different order in every process."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Words([" + ", ".join(repr(word) for word in sorted(self)) + "])"


class Cues(Mapping[str, tuple[str, ...]]):
    """Slug -> phrases, immutable and hashable (Settings key caches), in slug order."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: dict[str, tuple[str, ...]] = {slug: tuple(phrases) for slug, phrases in sorted(pairs)}

    def __getitem__(self, slug: str) -> tuple[str, ...]:
        return self._items[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other.items())

    def __repr__(self) -> str:
        return f"Cues({self._items!r})"


@dataclass(frozen=True)
class Vocabulary:
    """A site's terms. `accept` holds case-folded words; `ignore` the phrases as written."""

    accept: frozenset[str] = field(default_factory=Words)
    ignore: tuple[str, ...] = ()
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=Cues)

    def __bool__(self) -> bool:
        return bool(self.accept or self.ignore or self.cues)

    def accepts(self, word: str) -> bool:
        """Whether the site accepts `word` (ignoring case, and a possessive 's)."""
        if not self.accept:
            return False
        folded = word.casefold()
        return folded in self.accept or folded.removesuffix("'s").removesuffix("’s") in self.accept

    @cached_property
    def ignore_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every ignored phrase: whole words, any case, any run of white
        space between words. None when there are none."""
        return phrase_pattern(self.ignore)

    def ignored_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the text the ignored phrases cover, in order: every occurrence
        of every phrase, overlapping ones merged ("AA A" and "A A" both count in
        "AA A A")."""
        pattern = self.ignore_pattern
        if pattern is None:
            return []
        merged: list[tuple[int, int]] = []
        # At each position the longest phrase that starts there (a lookahead, so that
        # occurrences may overlap); a shorter one starting there lies inside it.
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def is_ignored(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside an ignored phrase."""
        return any(begin <= start and end <= stop for begin, stop in self.ignored_spans(text))


EMPTY = Vocabulary()


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive alternation of phrases (longest first), white space
    between words matching any run of white space, as a lookahead whose group 1 is the
    phrase: it matches at every place a phrase starts, overlapping ones included."""
    bodies = sorted({r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases if phrase.strip()},
                    key=lambda body: (-len(body), body))
    if not bodies:
        return None
    return re.compile(r"(?<!\w)(?=((?:" + "|".join(bodies) + r"))(?!\w))", re.IGNORECASE)


def _suggest(word: str, known: Iterable[str]) -> str:
    return did_you_mean(word, known)


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    """A list of non-empty strings (a single string counts as a list of one)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise VocabularyError(f"{where} must be a list of strings, got {value!r}")
    for item in items:
        if not item.strip():
            raise VocabularyError(f"{where}: empty entry {item!r}")
    return tuple(" ".join(item.split()) for item in items)


def parse_vocabulary(table: Any, where: str = "`vocabulary`") -> Vocabulary:
    """Validate a raw `vocabulary` table. Unknown keys and unknown content-warning slugs are
    errors with a did-you-mean; wrong types are errors naming the key."""
    from reviewlint import vocab

    if not isinstance(table, dict):
        raise VocabularyError(f"{where} must be a table with keys {', '.join(KEYS)}, got {table!r}")
    accept: frozenset[str] = Words()
    ignore: tuple[str, ...] = ()
    cues = Cues()
    for key, value in table.items():
        if key not in KEYS:
            raise VocabularyError(f"{where}: unknown key `{key}`{_suggest(str(key), KEYS)}")
        inner = f"`vocabulary.{key}`"
        if key == "accept":
            accept = Words(word.casefold() for phrase in _phrases(value, inner) for word in phrase.split())
        elif key == "ignore":
            ignore = _phrases(value, inner)
        else:
            if not isinstance(value, dict):
                raise VocabularyError(f"{inner} must be a table of content-warning slug = [phrases], got {value!r}")
            slugs = vocab.content_warnings()
            for slug in value:
                if slug not in slugs:
                    raise VocabularyError(f"{inner}: unknown content warning `{slug}`{_suggest(str(slug), slugs)}")
            cues = Cues((slug, _phrases(phrases, f"`vocabulary.cues.{slug}`")) for slug, phrases in value.items())
    return Vocabulary(accept=accept, ignore=ignore, cues=cues)
