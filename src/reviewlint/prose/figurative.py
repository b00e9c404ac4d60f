"""Is a cue used literally? Context rules for words that are often figures of speech,
camera talk, titles or the reviewer's own voice.

Each guard takes the sentence's tokens and the cue's span and says whether the use is
literal. The general checks (simile, title) apply to every cue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewlint.prose.lexicon import Lexicon
from reviewlint.prose.tokens import CLAUSE_MARKS, Token

Guard = Callable[[Sequence[Token], int, int, Lexicon], bool]

_BE_GET = frozenset({"is", "are", "was", "were", "be", "been", "being", "gets", "get", "got", "getting", "he", "she",
                     "they", "him", "her"})
_CAMERA_BEFORE = frozenset({
    "best", "well", "beautifully", "gorgeously", "handsomely", "lovingly", "expertly", "nicely", "competently",
    "crisply", "stunningly", "impeccably", "elegantly", "wonderfully", "poorly", "badly", "cheaply", "mostly",
    "entirely", "partly", "first", "long", "wide", "close", "tracking", "opening", "final", "last", "closing", "single",
    "establishing", "a", "the", "this", "that", "every", "each", "overhead", "aerial", "static", "reverse", "master",
    "money", "big", "hot", "mug", "slow", "one", "another", "lingering", "fine", "brilliantly", "skillfully",
    "artfully",
    "handheld", "simply", "cleanly", "lushly", "richly", "vividly", "sharply", "smartly", "shots", "parting", "cheap",
})
_SIMILE = frozenset({"like", "akin", "as if", "as though"})
_SMOKE_VERB_BEFORE = frozenset({
    "to", "not", "also", "i", "you", "he", "she", "they", "we", "people", "characters", "teens", "kids", "adults",
    "never", "often", "constantly", "can", "will", "would", "should", "must", "may", "might", "and", "or", "who",
    "everyone", "everybody", "both", "still", "openly", "heavily", "always",
})
_TOBACCO = frozenset({"cigarette", "cigarettes", "cigar", "cigars", "tobacco", "pipe", "pipes", "a", "cig", "cigs"})
_DRUG_CONTEXT = frozenset({"smoke", "smokes", "smoked", "smoking", "roll", "rolls", "rolled", "rolling", "toke",
                           "sell", "sells", "selling", "deal", "deals", "dealing", "grow", "grows", "growing", "bag",
                           "hit", "pass", "passes", "share", "spark", "light", "lights", "lit", "buy", "buys", "bought",
                           "some", "of"})
_LANGUAGE_AFTER = frozenset({"includes", "include", "including", "used", "throughout", "consists"})
_LANGUAGE_BEFORE = frozenset({
    "strong", "bad", "crude", "coarse", "foul", "salty", "rough", "harsh", "adult", "offensive", "colorful",
    "colourful",
    "vulgar", "some", "brief", "frequent", "infrequent", "mild", "moderate", "occasional", "pervasive", "constant",
    "explicit", "raw", "obscene", "profane", "schoolyard", "rude", "filthy", "dirty", "blue", "choice", "saucy",
    "impolite", "abusive", "crass", "graphic", "scatological", "r", "rated", "pg", "13",
})
_NEAR = frozenset({"almost", "nearly", "narrowly", "near", "verge", "brink", "barely", "practically", "virtually",
                   "half", "close"})


def _word_keys(tokens: Sequence[Token], start: int, step: int, count: int) -> list[str]:
    """Up to `count` word keys from `start` in direction `step`, stopping at a clause mark."""
    keys: list[str] = []
    index = start
    while 0 <= index < len(tokens) and len(keys) < count:
        token = tokens[index]
        if token.key in CLAUSE_MARKS:
            break
        if token.is_word:
            keys.append(token.key)
        index += step
    return keys


def before(tokens: Sequence[Token], start: int, count: int = 3) -> list[str]:
    """The words before tokens[start], nearest first, within the clause."""
    return _word_keys(tokens, start - 1, -1, count)


def after(tokens: Sequence[Token], end: int, count: int = 3) -> list[str]:
    return _word_keys(tokens, end, 1, count)


def _next_is_mark(tokens: Sequence[Token], end: int) -> bool:
    return end >= len(tokens) or not tokens[end].is_word


def _shot(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "he is shot", "shot dead", "shot him" are violence; "well shot", "a shot", "shot on
    35mm", "the film is shot like a documentary" are camerawork (or a try, or a drink)."""
    prior = before(tokens, start, 8)
    following = after(tokens, end, 3)
    if prior and prior[0] in _CAMERA_BEFORE:
        return False
    if following and (following[0] in lexicon.words("camera_after")
                      or " ".join(following[:2]) in lexicon.words("camera_after")):
        return False
    if any(word in lexicon.words("film_subjects") for word in prior):
        return False
    if following and (following[0] in ("him", "her", "them", "me", "us", "himself", "herself", "dead", "down")
                      or following[0] in lexicon.words("shot_after")):
        return True
    return bool(prior) and prior[0] in _BE_GET


_VICTIMS = frozenset({"him", "her", "them", "me", "us", "himself", "herself", "themselves", "someone", "somebody",
                      "people", "dead", "spree", "rampage", "each", "one", "everyone", "anyone", "his", "their"})


def _harm_verb(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """A verb that harms only when it has a victim: "shoots him", "poisons her", "was
    poisoned", "a school shooting"; not "shooting the film", "shoots on location"."""
    if tokens[start].key == "shot":
        return _shot(tokens, start, end, lexicon)
    following = after(tokens, end, 2)
    prior = before(tokens, start, 2)
    if prior and prior[0] in ("school", "mass", "drive", "police", "fatal", "random", "deadly", "by"):
        return True
    if tokens[start].key.endswith("ed") and prior and prior[0] in _BE_GET:
        return True
    return bool(following) and following[0] in _VICTIMS


def _bloody(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "bloody violence", "it gets bloody." are gore; "bloody good", "bloody care" are not."""
    following = after(tokens, end, 1)
    if not following:
        return _next_is_mark(tokens, end) and tokens[end - 1].text.islower()
    return following[0] in lexicon.words("bloody_nouns")


def _death(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Near-death ("almost died", "on the verge of death") is not a death."""
    return not any(word in _NEAR for word in before(tokens, start, 3))


def _naked(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    following = after(tokens, end, 1)
    return not (following and following[0] in lexicon.words("naked_figurative"))


def _drink(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    following = after(tokens, end, 2)
    if not following:
        return True
    return following[0] not in lexicon.words("drink_nonalcohol") and \
        " ".join(following) not in lexicon.words("drink_nonalcohol")


def _drunk(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "drunk on whisky" is drinking; "drunk on its own cleverness", "drunk with power" are not."""
    following = after(tokens, end, 3)
    if following and following[0] in ("on", "with", "off"):
        return any(word in lexicon.words("drunk_literal_after") for word in following[1:])
    return True


def _smoke(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Tobacco: "she smokes", "smoking like a chimney", "cigarette smoke". Not "smokes a joint"
    (drugs) and not smoke from a fire."""
    following = after(tokens, end, 4)
    if any(word in lexicon.words("smoke_drugs") for word in following):
        return False
    key = tokens[start].key
    if key != "smoke":
        return True  # smokes, smoked, smoking: a verb or the habit
    prior = before(tokens, start, 1)
    if prior and (prior[0] in _SMOKE_VERB_BEFORE or prior[0] in _TOBACCO or prior[0].endswith("n't")):
        return True
    return bool(following) and following[0] in _TOBACCO


def _drugslang(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "weed", "pot", "dope", "joint" are drugs only beside smoking, rolling, selling..."""
    return any(word in _DRUG_CONTEXT for word in before(tokens, start, 3))


def _language(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "language" is profanity when qualified ("strong language", "language includes") or
    listed with other content ("violence, language and drug use")."""
    prior = before(tokens, start, 1)
    following = after(tokens, end, 1)
    if prior and prior[0] in _LANGUAGE_BEFORE:
        return True
    if following and following[0] in _LANGUAGE_AFTER:
        return True
    left = tokens[start - 1].key if start > 0 else ""
    right = tokens[end].key if end < len(tokens) else ""
    if following and following[0] in ("of", "is", "are", "was", "were"):
        return False
    return left in (",", "and", "or") or right in (",",) or (right == "and" and bool(following))


def _lightup(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """ "lights up a cigarette", "insists on lighting up." (not "lights up the screen")."""
    following = after(tokens, end, 2)
    return (not following and _next_is_mark(tokens, end)) or (bool(following) and (
        following[0] in _TOBACCO or following[-1] in _TOBACCO))


GUARDS: dict[str, Guard] = {
    "shot": _shot, "harm_verb": _harm_verb, "bloody": _bloody, "death": _death, "naked": _naked, "drink": _drink,
    "drunk": _drunk, "smoke": _smoke, "drugslang": _drugslang, "language": _language, "lightup": _lightup,
}


def simile(tokens: Sequence[Token], start: int) -> bool:
    """ "looks like a crackhead", "smells like an ashtray", "as if drunk": a comparison."""
    prior = before(tokens, start, 4)
    pairs = {f"{prior[i + 1]} {prior[i]}" for i in range(len(prior) - 1)}
    return any(word in _SIMILE for word in prior) or bool(pairs & _SIMILE)


def headline(tokens: Sequence[Token]) -> bool:
    """Whether most words are capitalised (a headline or a title line: capitals say nothing)."""
    words = [t for t in tokens if t.is_word and t.text[:1].isalpha()]
    # A short capitalised line is a title or a heading, where capitals do mark names.
    return len(words) >= 8 and sum(t.capitalised for t in words) * 5 >= len(words) * 3


def titled(tokens: Sequence[Token], start: int, end: int, in_headline: bool) -> bool:
    """Whether the cue is part of a name or title: capitalised inside a sentence ("Suicide
    Squad", "Killers"), or inside a quotation whose words are capitalised ("'Bloody Facetime'")."""
    first = tokens[start]
    if first.quoted:
        quoted = _quotation(tokens, start)
        words = [t for t in quoted if t.is_word and t.text[:1].isalpha()]
        if len(words) >= 2 and sum(t.capitalised for t in words) * 3 >= len(words) * 2:
            return True
    if first.text.isupper() and not in_headline:
        return _capitals_title(tokens, start)
    if in_headline or not first.capitalised or len(first.text) < 2:
        return False
    previous = start - 1
    if previous < 0:
        # At the start of a sentence only a run of capitalised words is a title: "Suicide Squad is..."
        following = tokens[end] if end < len(tokens) else None
        return following is not None and following.is_word and following.capitalised and following.text != "I"
    mark = tokens[previous].key
    return mark not in (":", "“", '"', "(", "—", "–", "/", "‘", "'", "&", "[", "…", ";")


_TITLE_LINKS = frozenset({"of", "the", "at", "in", "on", "a", "an", "to", "for", "from", "with", "by"})


def _capitals_title(tokens: Sequence[Token], index: int) -> bool:
    """A title written in capitals inside a sentence ("her debut, NIGHT OF THE KNIVES,"): a run
    of three or more upper-case words with no mark between, joined by a title's small word (a
    guide's heading such as "SEX/NUDITY" or "VIOLENCE AND GORE" has none)."""
    begin = index
    while begin > 0 and tokens[begin - 1].is_word and tokens[begin - 1].text.isupper():
        begin -= 1
    stop = index
    while stop + 1 < len(tokens) and tokens[stop + 1].is_word and tokens[stop + 1].text.isupper():
        stop += 1
    run = [t.key for t in tokens[begin:stop + 1]]
    # Longer runs are the reviewer shouting ("DON'T WATCH THE DEATH OF THE DOG"), not a title.
    return 3 <= len(run) <= 6 and any(key in _TITLE_LINKS for key in run[1:-1])


def _quotation(tokens: Sequence[Token], index: int) -> list[Token]:
    begin = index
    while begin > 0 and tokens[begin - 1].quoted:
        begin -= 1
    stop = index
    while stop + 1 < len(tokens) and tokens[stop + 1].quoted:
        stop += 1
    return list(tokens[begin:stop + 1])
