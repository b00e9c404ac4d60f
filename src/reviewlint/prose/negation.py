"""Negation scope: is a cue denied by a "no", "not", "without", "free of" in its clause?

The scope of a negator runs forward to the end of its clause ("no sex or nudity", "without
any blood or gore") but not past a clause mark or a contrast ("no blood, but the fight is
brutal"), and at most a few words. "Not only", "no shortage of", "doesn't shy away from"
affirm rather than deny.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reviewlint.prose.lexicon import Lexicon
from reviewlint.prose.tokens import CLAUSE_MARKS, Token

# Words between a negator and the cue it still denies ("not a single drop of blood").
WINDOW = 6
_DENIED_AFTER = frozenset({"shown", "seen", "depicted", "present", "visible", "harmed", "hurt", "injured", "killed",
                           "shown.", "involved", "featured", "included"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "gets", "get", "got"})


def _is_negator(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    key = tokens[index].key
    if key in lexicon.negators or key.endswith("n't"):
        return not _affirms(tokens, index, lexicon)
    for phrase in _phrases_ending_in(lexicon.negator_phrases).get(key, ()):
        size = len(phrase)
        if index + 1 >= size and tuple(t.key for t in tokens[index + 1 - size:index + 1]) == phrase:
            return True
    return False


@cache
def _phrases_ending_in(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Negator phrases by their last word: each word before a cue is tested only against the
    few phrases it could end ("free of", "barely any")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        table.setdefault(phrase[-1], []).append(phrase)
    return {last: tuple(found) for last, found in table.items()}


def _affirms(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """Whether the negator at `index` starts a phrase that affirms ("not only", "n't shy")."""
    key = tokens[index].key
    for phrase in lexicon.not_negating:
        head, rest = phrase[0], phrase[1:]
        if head == "n't":
            if not key.endswith("n't"):
                continue
        elif head != key:
            continue
        following = tuple(t.key for t in tokens[index + 1:index + 1 + len(rest)])
        if following == rest:
            return True
    return False


def negated(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the cue at tokens[start:end] is denied in its clause."""
    words = 0
    window = WINDOW
    index = start - 1
    while index >= 0 and words < window:
        token = tokens[index]
        if token.key in CLAUSE_MARKS:
            # "Nudity: None" is a heading; the value is read by the heading rule.
            break
        if token.is_word:
            if token.key in lexicon.clause_breaks:
                break
            if _is_negator(tokens, index, lexicon):
                return True
            if token.key in ("or", "nor"):
                window = WINDOW + 4  # "no jump scares in this film or gore": the list stays denied
            words += 1
        index -= 1
    return _denied_after(tokens, end)


def _denied_after(tokens: Sequence[Token], end: int) -> bool:
    """ "blood is never shown", "the dog isn't harmed"."""
    following = [t.key for t in tokens[end:end + 4] if t.is_word]
    if following[:3] in (["is", "the", "only"], ["was", "the", "only"], ["are", "the", "only"]):
        # "smoking is the only vice he doesn't have": the clause that follows denies it
        rest = [t.key for t in tokens[end + 3:end + 12] if t.is_word]
        return any(key in ("not", "never", "lacks", "lack") or key.endswith("n't") for key in rest)
    for position, key in enumerate(following[:3]):
        if key in _BE and position + 2 < len(following) + 1:
            rest = following[position + 1:position + 3]
            if len(rest) == 2 and rest[0] in ("not", "never") and rest[1] in _DENIED_AFTER:
                return True
        if (key.endswith("n't") and key[:-3] in ("is", "are", "was", "were", "wasn", "isn", "aren", "weren")) or \
                key in ("isn't", "aren't", "wasn't", "weren't"):
            rest = following[position + 1:position + 2]
            if rest and rest[0] in _DENIED_AFTER:
                return True
    return False
