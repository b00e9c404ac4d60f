"""Ratings as bloggers write them -> `{value, min, max, step, original}`.

A scale is taken only from the text: "7/10", "3.5/5", "4 out of 5 stars", "***1/2 out of
****", "****/5", "65/100", "79%", "★★★★☆" (empty stars state the maximum), "Good (5/8)",
"Three and a half stars out of four". Where one of the vocabulary's presets fits the
stated scale it is used, so the rating rules recognise it; a letter grade ("B+") uses the
letter-grade preset, whose letters are the scale.

Where the text states no scale ("Grade: 6", "8*", "★★★½", "3 cats", "$$ and a 1/2") the
rating keeps its value and the text as written (`original`) and has no `max`: four stars
may be out of four or of five, and a 6 out of 10 or of 100. A scale is never guessed.
A unit after the rating ("4 out of 5 boots", "8.5/10 Turtles") stays in `original`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewlint import vocab

Number = int | float

FILLED_STARS = "★⭐✪✭✮*"
EMPTY_STARS = "☆✩"
HALF_MARKS = ("½", "1/2", "⯪", "⯨")
# Symbols repeated to make a score: "$$$", "🍅🍅🍅", "♥♥♥♥".
SYMBOL_UNITS = "$€£♥❤💀🍅🍿🎬🌟✓✔"

_NUMBER = r"\d+(?:[.,]\d+)?"
# A unit after the score: one or two words ("boots", "Turtles", "stars", "popcorn buckets").
_UNIT = r"(?:\s+(?P<unit>[^\W\d_][\w'’-]{0,20}(?:\s+[^\W\d_][\w'’-]{0,20})?))?"
_OUT_OF = re.compile(
    rf"^(?P<value>{_NUMBER})\s*(?:stars?\s+|points?\s+)?(?:/|out\s+of|of)\s*(?P<max>\d+){_UNIT}\s*[.!]?$",
    re.IGNORECASE)
_NUMBER_AND_HALF = re.compile(
    r"(?<![\d.])(?P<whole>\d{1,2})\s*(?:½|1/2|and\s+a\s+half)(?=\s*(?:stars?\b|out\b|/|of\b|$))", re.IGNORECASE)
_SCORE_THEN_STARS = re.compile(rf"^(?P<score>{_NUMBER}\s*(?:/|out\s+of)\s*\d+)\s+[★☆⭐✩½\s]+$", re.IGNORECASE)
_PERCENT = re.compile(rf"^(?P<value>{_NUMBER})\s*%$")
_BARE = re.compile(rf"^(?P<value>{_NUMBER}){_UNIT}\s*[.!]?$")
_NUMBER_STAR = re.compile(rf"^(?P<value>{_NUMBER})\s*[*★⭐]$")
_STARS = re.compile(f"(?P<filled>[{re.escape(FILLED_STARS)}]*)(?P<half>{'|'.join(map(re.escape, HALF_MARKS))})?"
                    f"(?P<empty>[{re.escape(EMPTY_STARS)}]*)")
_STARS_OVER = re.compile(rf"^(?P<stars>[{re.escape(FILLED_STARS)}]+\s*(?:½|1/2)?)\s*(?:/|out\s+of)\s*"
                         rf"(?:(?P<max>\d+)|(?P<max_stars>[{re.escape(FILLED_STARS)}]+))(?:\s+stars?)?\s*[.!]?$",
                         re.IGNORECASE)
_SYMBOLS = re.compile(rf"^(?P<symbols>([{re.escape(SYMBOL_UNITS)}])\2*)\s*(?P<half>(?:and\s+a\s+)?(?:½|1/2|half))?"
                      r"\s*[.!]?$", re.IGNORECASE)
_GRADE = re.compile(r"^(?P<grade>[A-DF][+\-−]?)\s*[.!]?$")
_WORD_THEN_SCORE = re.compile(r"^(?P<word>[^\W\d_][\w'’ -]{0,24}?)\s*[(\[](?P<score>[^()\[\]]{1,30})[)\]]\s*[.!]?$")

# Units that only restate what a score is; any other unit stays in `original`.
_PLAIN_UNITS = frozenset({"star", "stars", "point", "points", "pts"})
_PARENTHESISED_SCALE = re.compile(r"\s*\(\s*(?P<scale>(?:out\s+of|/)\s*\d+)\s*\)\s*$", re.IGNORECASE)
_WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_WORDS = "|".join(_WORD_NUMBERS)
_IN_WORDS = re.compile(
    rf"^(?P<value>{_WORDS})(?P<half>\s+and\s+a\s+half)?\s+(?:stars?|points?)?\s*(?:out\s+of\s+(?P<max>{_WORDS}|\d+))?"
    r"(?:\s+stars?)?\s*[.!]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rating:
    value: Number
    # None: the text states no scale, and none is assumed.
    max: Number | None
    min: Number | None = None
    step: Number | None = None
    original: str | None = None

    @property
    def scale_stated(self) -> bool:
        return self.max is not None

    def as_data(self) -> dict[str, Number | str]:
        data: dict[str, Number | str] = {"value": self.value}
        if self.max is not None:
            assert self.min is not None and self.step is not None
            data.update({"min": self.min, "max": self.max, "step": self.step})
        if self.original is not None:
            data["original"] = self.original
        return data


def number(text: str) -> Number:
    """'7' -> 7, '3.5' -> 3.5, '3,5' -> 3.5 (a decimal comma)."""
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _tidy(value: float) -> Number:
    return int(value) if float(value).is_integer() else value


def _decimals(text: str) -> int:
    text = text.replace(",", ".")
    return len(text.split(".", 1)[1]) if "." in text else 0


def _preset(name: str) -> tuple[Number, Number, Number]:
    for scale in vocab.rating_scales():
        if scale["name"] == name:
            return _tidy(scale["min"]), _tidy(scale["max"]), _tidy(scale["step"])
    raise KeyError(name)  # the vocabulary lost a preset this module relies on


def _on_step(value: float, low: float, step: float) -> bool:
    steps = (value - low) / step
    return abs(steps - round(steps)) < 1e-9


def scale_for(value: Number, maximum: int, decimals: int) -> tuple[Number, Number, Number] | None:
    """(min, max, step) of the scale that `value` out of `maximum` lies on, or None when the
    value cannot be on any scale with that maximum."""
    if value < 0 or value > maximum or maximum <= 0:
        return None
    candidates: dict[int, list[str]] = {
        10: ["ten-point", "ten-point-zero", "ten-point-half", "ten-point-decimal"],
        5: ["five-point", "five-star-half", "five-star-half-zero"],
        4: ["four-star-half"],
        100: ["hundred-point"],
    }
    for name in candidates.get(maximum, []):
        low, high, step = _preset(name)
        if low <= value <= high and _on_step(float(value), float(low), float(step)):
            return low, high, step
    # A scale outside the presets ("7/8") or a finer value ("72.5/100"): 0 to max, with the
    # step the value's own precision needs.
    fine: Number = 1
    if decimals:
        fine = 0.5 if _on_step(float(value), 0.0, 0.5) else _tidy(round(10.0 ** -decimals, decimals))
    return 0, maximum, fine


def _stated(value: Number, maximum: int, decimals: int, original: str | None) -> Rating | None:
    scale = scale_for(value, maximum, decimals)
    if scale is None:
        return None
    low, high, step = scale
    return Rating(value, high, low, step, original)


def _unstated(value: Number, original: str) -> Rating:
    return Rating(value, None, original=original)


def _star_count(text: str) -> float | None:
    compact = text.replace(" ", "")
    match = _STARS.fullmatch(compact)
    if match is None or not compact or match["empty"]:
        return None
    return len(match["filled"]) + (0.5 if match["half"] else 0)


def _stars(text: str) -> Rating | None:
    """"★★★½", "★★★☆☆", "★★½☆", "***": filled stars, an optional half, empty stars. Only
    empty stars state the maximum."""
    compact = text.replace(" ", "")
    match = _STARS.fullmatch(compact)
    if match is None or not compact:
        return None
    filled, half, empty = len(match["filled"]), 1 if match["half"] else 0, len(match["empty"])
    value = filled + 0.5 * half
    if value == 0 or filled + half + empty > 10:
        return None
    if not empty:
        return _unstated(_tidy(value), text.strip())
    maximum = filled + half + empty
    if maximum == 5:
        low, high, step = _preset("five-star-half")
    elif maximum == 4:
        low, high, step = _preset("four-star-half")
    else:
        low, high, step = 0, maximum, 0.5
    return Rating(_tidy(value), high, low, step, original=text.strip())


def _grade(text: str) -> Rating | None:
    match = _GRADE.match(text)
    if match is None:
        return None
    grade = match["grade"].replace("−", "-")
    grades = vocab.letter_grades()
    if grade not in grades:
        return None
    low, high, step = _preset("letter-grade")
    return Rating(grades.index(grade), high, low, step, original=text.strip().rstrip(".!"))


def _word_number(text: str) -> int | None:
    lowered = text.lower()
    return _WORD_NUMBERS.get(lowered, int(lowered) if lowered.isdigit() else None)


def _with_original(rating: Rating | None, original: str) -> Rating | None:
    if rating is None:
        return None
    return Rating(rating.value, rating.max, rating.min, rating.step, original)


def parse_rating(text: str) -> Rating | None:
    """The rating written in `text` (the whole text must be the rating), or None."""
    whole = _PARENTHESISED_SCALE.sub(r" \g<scale>", text.strip())  # "4 (out of 5)" -> "4 out of 5"
    if match := _NUMBER_STAR.match(whole):  # "8*": the asterisk is part of the rating
        return _unstated(number(match["value"]), whole)
    stripped = whole.strip("*_").strip() if not set(whole) <= set("*½ ") and not _STARS_OVER.match(whole) else whole
    if not stripped or len(stripped) > 48:
        return None
    halves = _NUMBER_AND_HALF.sub(lambda found: f"{found['whole']}.5", stripped)  # "3½ stars", "3 1/2 out of 4"
    if halves != stripped:
        rating = parse_rating(halves)
        return _with_original(rating, stripped) if rating is not None else None
    if match := _SCORE_THEN_STARS.match(stripped):  # "4.5/5 ★★★★½": the stars repeat the score
        stripped = match["score"]
    if match := _OUT_OF.match(stripped):
        plain = match["unit"] is None or match["unit"].lower() in _PLAIN_UNITS
        return _stated(number(match["value"]), int(match["max"]), _decimals(match["value"]),
                       None if plain else stripped)
    if match := _PERCENT.match(stripped):
        return _stated(number(match["value"]), 100, _decimals(match["value"]), None)
    if match := _STARS_OVER.match(stripped):
        value = _star_count(match["stars"])
        maximum = int(match["max"]) if match["max"] else len(match["max_stars"])
        if value is None or value == 0:
            return None
        return _stated(_tidy(value), maximum, 1 if value % 1 else 0, stripped)
    if match := _IN_WORDS.match(stripped):
        value = _word_number(match["value"])
        if value is None or (value == 0 and not match["half"]):
            return None
        total: Number = _tidy(value + (0.5 if match["half"] else 0))
        if match["max"]:
            top = _word_number(match["max"])
            return _stated(total, top, 1 if match["half"] else 0, stripped) if top else None
        return _unstated(total, stripped) if "star" in stripped.lower() or "point" in stripped.lower() else None
    if match := _NUMBER_STAR.match(stripped):
        return _unstated(number(match["value"]), stripped)
    if match := _BARE.match(stripped):
        value = number(match["value"])
        if match["unit"] is None and not (0 <= float(value) <= 1000):
            return None
        return _unstated(value, stripped.rstrip(".!").strip())
    if match := _SYMBOLS.match(stripped):
        count = len(match["symbols"]) + (0.5 if match["half"] else 0)
        return _unstated(_tidy(count), stripped)
    if match := _WORD_THEN_SCORE.match(stripped):
        inner = parse_rating(match["score"])
        if inner is not None and inner.scale_stated:
            return _with_original(inner, stripped)
        return None
    grade = _grade(stripped)
    if grade is not None:
        return grade
    return _stars(stripped)


# A rating inside a sentence: "I would give the film a total rating of 1.5/5!", "I give it
# 8/10", "my score: 7 out of 10". Only the stated-scale forms count inside prose.
_IN_SENTENCE = re.compile(
    rf"\b(?:rat(?:e|ed|ing)|scor(?:e|ed|ing)|give|giving|gave|grade|verdict|award)\b[^.!?\n]{{0,50}}?"
    rf"(?P<rating>(?<![\d.,]){_NUMBER}\s*(?:/|out\s+of)\s*\d+(?:\s+stars?)?)(?![\d/])", re.IGNORECASE)


# Other people's scores: aggregators and audiences, never the reviewer's own rating.
AGGREGATORS = re.compile(r"\b(?:imdb|rotten\s*tomato(?:es|s)?|tomatometer|metacritic|metascore|letterboxd|tmdb|"
                         r"audiences?|critics|users?|viewers|average|consensus|box\s+office|budget)\b", re.IGNORECASE)


_ANY_SCORE = re.compile(rf"{_NUMBER}\s*(?:/|out\s+of)\s*\d+", re.IGNORECASE)


def rating_in_sentence(text: str) -> tuple[Rating, str] | None:
    """(rating, the words that state it) for a score stated inside a sentence, else None."""
    if AGGREGATORS.search(text) or len(_ANY_SCORE.findall(text)) > 1:
        return None  # "IMDb rates it 7.5/10"; "4 out of 5 for me, my partner gives it 2/5": not one score
    matches = list(_IN_SENTENCE.finditer(text))
    if len(matches) != 1:
        return None  # two scores in one sentence ("the music 9/10, the plot 4/10"): not one rating
    written = matches[0]["rating"]
    rating = parse_rating(written)
    if rating is None or not rating.scale_stated:
        return None
    return rating, written


_USUAL_MAXIMA = frozenset({4, 5, 10, 20, 100})


def standalone_rating(text: str) -> Rating | None:
    """A line that is nothing but a rating in a form that cannot be anything else: a stated
    scale ("4 / 5", "4 out of 5 boots", "Good (5/8)"), stars ("★★★½", "***1/2") or repeated
    symbols ("$$ and a 1/2"). A bare number or letter on its own line is not enough."""
    stripped = text.strip().strip("_").strip()
    if len(stripped) > 48:
        return None
    rating = parse_rating(stripped)
    if rating is None:
        return None
    if (rating.scale_stated and rating.original is None) or _OUT_OF.match(stripped.strip("*").strip()):
        # "1/2" or "3/8" alone may count parts or steps; a score's usual maxima, or a unit, say it is one.
        return rating if rating.max in _USUAL_MAXIMA or rating.original else None
    in_words = _IN_WORDS.match(stripped)
    if _WORD_THEN_SCORE.match(stripped) or _SYMBOLS.match(stripped) or _STARS_OVER.match(stripped) or (
            in_words and in_words["max"]):
        return rating
    compact = stripped.replace(" ", "")
    if _STARS.fullmatch(compact):
        # "***" alone is also a section break; it needs a half or real star glyphs to be a score.
        return rating if any(mark in stripped for mark in "★⭐✪✭✮☆✩½") else None
    return None
