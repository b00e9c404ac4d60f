"""Ratings as bloggers write them -> `{value, min, max, step, original}`.

"7/10", "3.5/5", "4 out of 5", "65/100", "80%", "★★★½", "★★★☆☆", "***", "B+" and a bare
"8.5" all name a value and, explicitly or by a strong convention, a scale. The scale is
taken from the vocabulary's presets (`vocab/terms.json`) where one fits, so that the
rating rules recognise it. Where the scale is a convention rather than written out
(stars are out of five, a bare 8.5 is out of ten) the result says so, and the migrator
reports it. A bare number that fits several common scales ("4": of 5 or of 10?) is not a
rating we can read; the caller keeps the text verbatim instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewlint import vocab

Number = int | float

FILLED_STARS = "★⭐✪✭✮*"
EMPTY_STARS = "☆✩"
HALF_MARKS = ("½", "1/2", "⯪", "⯨")

_NUMBER = r"\d+(?:[.,]\d+)?"
_OUT_OF = re.compile(
    rf"^(?P<value>{_NUMBER})\s*(?:/|out\s+of|of)\s*(?P<max>\d+)(?:\s*(?:stars?|points?|pts))?\s*[.!]?$",
    re.IGNORECASE)
_PERCENT = re.compile(rf"^(?P<value>{_NUMBER})\s*%$")
_BARE = re.compile(rf"^(?P<value>{_NUMBER})\s*[.!]?$")
_STARS_WORD = re.compile(rf"^(?P<value>{_NUMBER})\s*stars?\s*[.!]?$", re.IGNORECASE)
_STARS = re.compile(f"(?P<filled>[{re.escape(FILLED_STARS)}]*)(?P<half>{'|'.join(map(re.escape, HALF_MARKS))})?"
                    f"(?P<empty>[{re.escape(EMPTY_STARS)}]*)")
_GRADE = re.compile(r"^(?P<grade>[A-DF][+\-−]?)\s*[.!]?$")


@dataclass(frozen=True, slots=True)
class Rating:
    value: Number
    min: Number
    max: Number
    step: Number
    original: str | None = None
    # True when the scale is a convention, not written in the text ("8.5", "★★★½").
    scale_inferred: bool = False

    def as_data(self) -> dict[str, Number | str]:
        data: dict[str, Number | str] = {"value": self.value, "min": self.min, "max": self.max, "step": self.step}
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


def _stars(text: str) -> Rating | None:
    """"★★★½", "★★★☆☆", "★★½☆", "***": filled stars, an optional half, empty stars."""
    compact = text.replace(" ", "")
    match = _STARS.fullmatch(compact)
    if match is None or not compact:
        return None
    filled, half, empty = len(match["filled"]), 1 if match["half"] else 0, len(match["empty"])
    value = filled + 0.5 * half
    maximum = filled + half + empty if empty else 5
    if value == 0 or value > maximum or maximum > 10:
        return None
    if maximum == 5:
        low, high, step = _preset("five-star-half")
    elif maximum == 4:
        low, high, step = _preset("four-star-half")
    else:
        low, high, step = 0, maximum, 0.5
    return Rating(_tidy(value), low, high, step, original=text.strip(), scale_inferred=not empty)


def parse_rating(text: str) -> Rating | None:
    """The rating written in `text` (the whole text must be the rating), or None."""
    stripped = text.strip().strip("*_").strip() if not set(text.strip()) <= set("*½ ") else text.strip()
    if not stripped or len(stripped) > 40:
        return None
    match = _OUT_OF.match(stripped)
    if match:
        value = number(match["value"])
        maximum = int(match["max"])
        scale = scale_for(value, maximum, _decimals(match["value"]))
        if scale is None:
            return None
        return Rating(value, *scale)
    match = _PERCENT.match(stripped)
    if match:
        value = number(match["value"])
        scale = scale_for(value, 100, _decimals(match["value"]))
        return Rating(value, *scale) if scale else None
    match = _STARS_WORD.match(stripped)
    if match:
        value = number(match["value"])
        scale = scale_for(value, 5, _decimals(match["value"]))
        if scale is None or value == 0:
            return None
        return Rating(value, *scale, original=stripped, scale_inferred=True)
    match = _BARE.match(stripped)
    if match:
        value = number(match["value"])
        # Only where one common scale fits: above 5 and up to 10 can only be "out of 10".
        if 5 < value <= 10:
            scale = scale_for(value, 10, _decimals(match["value"]))
            return Rating(value, *scale, scale_inferred=True) if scale else None
        return None
    match = _GRADE.match(stripped)
    if match:
        grade = match["grade"].replace("−", "-")
        grades = vocab.letter_grades()
        if grade in grades:
            low, high, step = _preset("letter-grade")
            return Rating(grades.index(grade), low, high, step, original=stripped)
        return None
    return _stars(stripped)


def is_ambiguous_number(text: str) -> bool:
    """A bare number that could be a rating on more than one scale ("4", "15", "85")."""
    return bool(_BARE.match(text.strip())) and parse_rating(text) is None
