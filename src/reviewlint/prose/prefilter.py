"""The cheap first question of the prose rules: may this text hold a cue at all?

Kept apart from the lexicons so that answering it costs one small file read: a review
(or a sentence) with none of these words is never parsed. The sets are of lower-case ASCII
words as bytes, to intersect with `ascii_words` or a document's word set directly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TRIGGERS = Path(__file__).parent / "data" / "triggers.txt"


@cache
def cue_words() -> frozenset[bytes]:
    """Words without any of which a sentence holds no content-warning cue, heading or
    counted swear word (data/triggers.txt, generated from data/cues.json)."""
    return frozenset(line.strip().encode() for line in TRIGGERS.read_text(encoding="utf-8").splitlines()
                     if line.strip())


# Words without which no sentence is read as telling the ending: every form in
# data/endings.json needs one of them.
ENDING_WORDS = frozenset(word.encode() for word in """
end ends ended ending endings final finally last eventually ultimately finale climax denouement resolution closure
twist turns turned revealed reveals reveal exposed unmasked dream dreams fantasy hallucination delusion simulation
along dies died killed murdered stabbed poisoned dead survive survives survived doom demise death deaths odds doomed
stops cuts sacrifice sacrifices sacrificing sacrificed throws threw learn learns learned discover discovers
discovered realize realizes realized realise realises realised alone happily sunset distance responsible behind
actually secretly personality personalities figment prevails triumphs conquers wins changed forever alive return
killer murderer culprit villain mastermind traitor stalker mole together reunite reconcile wind winds better
conclude concludes concluded closes closed culminates culminated finishes finished wraps away wakes woke existed thief
""".split())

# Ending words too common to read a sentence for on their own: each counts only beside one of
# its partners ("he doesn't make it out", "in the closing minutes", "the credits roll on"), so
# sentences with them alone stay as cheap as before. Not in ENDING_WORDS: a review holding
# only these is not read at all.
_NEGATED_WORDS = frozenset({b"doesn", b"didn", b"don", b"won", b"not", b"never", b"nobody", b"none"})
_FRAME_NOUNS = frozenset(word.encode() for word in """
minutes minute moments moment scene scenes shot shots sequence image frame frames seconds act reel line chapter
""".split())
PARTNERED_ENDING_WORDS: dict[bytes, frozenset[bytes]] = {
    b"make": _NEGATED_WORDS, b"makes": _NEGATED_WORDS, b"closing": _FRAME_NOUNS,
    b"credits": frozenset({b"roll", b"rolls", b"rolled", b"rolling"}),
}
# What the ending forms' gates are built from (endings.Forms).
GATE_WORDS = ENDING_WORDS | PARTNERED_ENDING_WORDS.keys()


def may_tell_ending(words: set[bytes]) -> bool:
    """Whether a sentence with these words may tell the ending (the cheap question first)."""
    if not ENDING_WORDS.isdisjoint(words):
        return True
    return any(word in words and not partners.isdisjoint(words) for word, partners in PARTNERED_ENDING_WORDS.items())
