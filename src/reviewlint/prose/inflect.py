"""The inflections of an English word: enough morphology to match "stabbed", "smokes",
"drinking" and "died" against the cues "stab", "smoke", "drink" and "die". Forms are
generated from the cue's lemma (over-generating is harmless: a non-word never occurs)."""

from __future__ import annotations

from functools import cache

_VOWELS = "aeiou"

# Lemma -> its irregular forms (the regular ones are added as well).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "die": ("dies", "died", "dying"), "lie": ("lies", "lay", "lain", "lying"),
    "beat": ("beats", "beaten", "beating"), "shoot": ("shoots", "shot", "shooting"),
    "drink": ("drinks", "drank", "drunk", "drinking"), "take": ("takes", "took", "taken", "taking"),
    "hang": ("hangs", "hung", "hanged", "hanging"), "slay": ("slays", "slew", "slain", "slaying"),
    "strike": ("strikes", "struck", "striking"), "bleed": ("bleeds", "bled", "bleeding"),
    "fight": ("fights", "fought", "fighting"), "sleep": ("sleeps", "slept", "sleeping"), "cut": ("cuts", "cutting"),
    "slit": ("slits", "slitting"), "hit": ("hits", "hitting"), "get": ("gets", "got", "gotten", "getting"),
    "make": ("makes", "made", "making"), "have": ("has", "had", "having"),
    "be": ("is", "are", "was", "were", "been", "being", "am", "'s", "'re"),
    "throw": ("throws", "threw", "thrown", "throwing"), "eat": ("eats", "ate", "eaten", "eating"),
    "lose": ("loses", "lost", "losing"), "find": ("finds", "found", "finding"),
    "wake": ("wakes", "woke", "woken", "waking"), "sell": ("sells", "sold", "selling"),
    "give": ("gives", "gave", "given", "giving"), "do": ("does", "did", "done", "doing"),
    "hold": ("holds", "held", "holding"), "keep": ("keeps", "kept", "keeping"), "put": ("puts", "putting"),
    "run": ("runs", "ran", "running"), "leave": ("leaves", "left", "leaving"),
    "blow": ("blows", "blew", "blown", "blowing"), "break": ("breaks", "broke", "broken", "breaking"),
    "burn": ("burns", "burned", "burnt", "burning"), "light": ("lights", "lit", "lighted", "lighting"),
    "pay": ("pays", "paid", "paying"), "say": ("says", "said", "saying"), "see": ("sees", "saw", "seen", "seeing"),
    "go": ("goes", "went", "gone", "going"), "come": ("comes", "came", "coming"),
    "end": ("ends", "ended", "ending"), "stab": ("stabs", "stabbed", "stabbing", "stabby"), "child": ("children",),
    "man": ("men",), "woman": ("women",), "wife": ("wives",), "knife": ("knives",), "mouse": ("mice",),
    "sever": ("severs", "severed", "severing"), "abuse": ("abuses", "abused", "abusing"),
}


def _doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing (stab -> stabbed, kidnap -> kidnapped)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


@cache
def forms(lemma: str) -> frozenset[str]:
    """`lemma` and its inflections: plural / third person, past, participles, -ing."""
    found = {lemma, *IRREGULAR.get(lemma, ())}
    if not lemma.isalpha():
        return frozenset(found)
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        found |= {lemma + "es", lemma + "ed", lemma + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        found |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        found |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    else:
        found |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if _doubles(lemma):
            found |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(found)


@cache
def _irregular_lemmas() -> dict[str, frozenset[str]]:
    reverse: dict[str, set[str]] = {}
    for lemma, inflected in IRREGULAR.items():
        for form in inflected:
            reverse.setdefault(form, set()).add(lemma)
    return {form: frozenset(lemmas) for form, lemmas in reverse.items()}


@cache
def lemmas(word: str) -> frozenset[str]:
    """The words `word` may be an inflection of, itself included: the inverse of `forms`
    (every form of a lemma leads back to it; a few non-words come along, harmlessly)."""
    found = {word}
    found |= _irregular_lemmas().get(word, frozenset())
    size = len(word)
    if size > 3 and word.endswith(("ies", "ied")):
        found.add(word[:-3] + "y")
    if size > 2 and word.endswith("es"):
        found |= {word[:-2], word[:-1]}
    if size > 2 and word.endswith("s") and not word.endswith("ss"):
        found.add(word[:-1])
    if size > 3 and word.endswith("ed"):
        stem = word[:-2]
        found |= {stem, word[:-1]}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            found.add(stem[:-1])
    if size > 4 and word.endswith("ing"):
        stem = word[:-3]
        found |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            found.add(stem[:-1])
    return frozenset(found)
