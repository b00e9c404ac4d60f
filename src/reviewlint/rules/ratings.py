"""Ratings (RL2xx): the reviewer's rating on its scale, external ratings in their source's
range, and the recommendation in agreement with both."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from reviewlint import vocab
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.rules._context import Context
from reviewlint.rules._core import Options, rule

FAMILY = "ratings"
EPSILON = 1e-9

_FRACTION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:/|out of|of)\s*(\d+(?:\.\d+)?)\s*$", re.IGNORECASE)
_STARS_RE = re.compile(r"^\s*(★*)(½?)\s*$")


def number(value: Any) -> float | None:
    """`value` as a float when it is a real number (booleans are not)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def show(value: float) -> str:
    """7.0 -> '7', 6.4 -> '6.4', 0.30000000000000004 -> '0.3'."""
    return f"{value:.10g}"


def _scale(context: Context) -> tuple[float, float, float, float] | None:
    """(value, min, max, step) of the rating, defaults filled in, when all are numbers."""
    rating = context.get("rating")
    if not isinstance(rating, dict):
        return None
    value = number(rating.get("value"))
    low = number(rating.get("min", 1))
    high = number(rating.get("max"))
    step = number(rating.get("step", 1))
    if value is None or low is None or high is None or step is None or step <= 0:
        return None
    return value, low, high, step


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=EPSILON)


@rule("RL201", "rating-out-of-range", severity=Severity.ERROR, family=FAMILY,
      summary="The rating lies outside its declared scale.")
def rating_out_of_range(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that `rating.value` lies between the scale's `min` (default 1) and `max`.

    ## Why
    A 12 on a scale of 10 is a typo or a value copied from another scale; every
    consumer that normalises ratings would compute nonsense from it. JSON Schema cannot
    compare two fields, so this check lives here.

    ## Example
    ```yaml
    rating: {value: 12, min: 1, max: 10, step: 1}
    ```
    Use instead:
    ```yaml
    rating: {value: 8, min: 1, max: 10, step: 1}
    ```

    ## Fix
    None: only the reviewer knows the intended rating.
    """
    scale = _scale(context)
    if scale is None:
        return
    value, low, high, _step = scale
    if low >= high:
        return
    if value < low - EPSILON:
        yield context.report(f"rating {show(value)} is below the scale minimum {show(low)}", ("rating", "value"))
    elif value > high + EPSILON:
        yield context.report(f"rating {show(value)} is above the scale maximum {show(high)}", ("rating", "value"))


@rule("RL202", "rating-off-step", severity=Severity.ERROR, family=FAMILY,
      summary="The rating is not a whole number of steps from the scale minimum.")
def rating_off_step(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that `(value - min) / step` is a whole number: on a 1-10 scale in whole points
    7 is allowed and 7.5 is not; on a five-star scale in halves 3.5 is allowed and 3.3
    is not.

    ## Why
    A value between steps cannot be displayed as stars or compared with other reviews on
    the same scale; it usually means the scale was declared wrongly.

    ## Example
    ```yaml
    rating: {value: 3.3, min: 0.5, max: 5, step: 0.5}
    ```
    Use instead:
    ```yaml
    rating: {value: 3.5, min: 0.5, max: 5, step: 0.5}
    ```

    ## Fix
    None: rounding would change the rating.
    """
    scale = _scale(context)
    if scale is None:
        return
    value, low, high, step = scale
    if low >= high or value < low - EPSILON or value > high + EPSILON:
        return  # rating-out-of-range speaks for values off the scale
    steps = (value - low) / step
    if abs(steps - round(steps)) <= 1e-6:
        return
    below = low + math.floor(steps) * step
    above = below + step
    yield context.report(f"rating {show(value)} is not on the scale's step of {show(step)}; the nearest allowed "
                         f"values are {show(below)} and {show(above)}", ("rating", "value"))


def _scale_words(low: float, high: float, step: float) -> str:
    return f"{show(low)}-{show(high)} in steps of {show(step)}"


@rule("RL203", "unsupported-rating-scale", severity=Severity.ERROR, family=FAMILY,
      summary="The rating's scale is not one reviewlint supports.")
def unsupported_rating_scale(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that the rating's `min`, `max` and `step` form one of the supported scales:
    five stars in halves (0.5-5 or 0-5), five whole stars (1-5), four stars in halves
    (0-4), ten points (1-10 or 0-10, in whole points, halves or tenths), a hundred points
    (0-100) and letter grades (0-12, F to A+). `reviewlint vocab scales` lists them.

    ## Why
    Ratings are compared and exported across reviews; an ad hoc scale such as 1-7 cannot
    be mapped onto stars or schema.org's `bestRating` consistently.

    ## Example
    ```yaml
    rating: {value: 5, min: 1, max: 7, step: 1}
    ```
    Use instead:
    ```yaml
    rating: {value: 7, min: 1, max: 10, step: 1}
    ```

    ## Fix
    None: converting between scales is the reviewer's judgement.
    """
    scale = _scale(context)
    if scale is None:
        return
    _value, low, high, step = scale
    if low >= high:
        yield context.report(f"rating scale minimum {show(low)} is not below its maximum {show(high)}",
                             ("rating",), key=True)
        return
    scales = vocab.rating_scales()
    if any(_same(low, s["min"]) and _same(high, s["max"]) and _same(step, s["step"]) for s in scales):
        return
    alike = [s for s in scales if _same(high, s["max"])]
    if alike:
        listed = "; ".join(f"{_scale_words(s['min'], s['max'], s['step'])} ({s['name']})" for s in alike)
        hint = f"; supported scales up to {show(high)}: {listed}"
    else:
        hint = " (see `reviewlint vocab scales` for the supported scales)"
    yield context.report(f"rating scale {_scale_words(low, high, step)} is not supported{hint}", ("rating",),
                         key=True)


def _decimals(value: float) -> int:
    text = repr(value)
    if "e" in text or "E" in text:
        return 0 if value == int(value) else 10
    return len(text.split(".", 1)[1].rstrip("0")) if "." in text else 0


def _range_words(low: float, high: float, decimals: int | None) -> str:
    places = min(decimals or 0, 1)
    return f"{low:.{places}f}-{high:.{places}f}"


def _external_items(context: Context) -> Iterator[tuple[int, dict[str, Any], vocab.ExternalSource, float]]:
    items = context.get("external_ratings")
    if not isinstance(items, list):
        return
    sources = vocab.external_rating_sources()
    for number_, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            continue
        source = sources.get(item["source"])
        value = number(item.get("value"))
        if source is None or value is None:
            continue
        yield number_, item, source, value


@rule("RL204", "external-rating-out-of-range", severity=Severity.ERROR, family=FAMILY,
      summary="An external rating lies outside its source's range, or declares a different range.")
def external_rating_out_of_range(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks each `external_ratings` item against its source's range: IMDb 1.0-10.0,
    Metacritic 0-100, Letterboxd 0.5-5, Rotten Tomatoes 0-100, Trakt 1-10, TMDB 0-10,
    Metacritic user score 0-10. A declared `min` or `max` must match the source's. For
    `source: other`, the value must lie within the declared `min` and `max`.

    ## Why
    An IMDb score of 63 is a Metacritic score filed under the wrong source, or a lost
    decimal point; either way readers are told something false.

    ## Example
    ```yaml
    external_ratings:
      - {source: imdb, value: 63, max: 10}
    ```
    Use instead:
    ```yaml
    external_ratings:
      - {source: imdb, value: 6.3, max: 10}
    ```

    ## Fix
    None.
    """
    for index, item, source, value in _external_items(context):
        path = ("external_ratings", index)
        low, high = source["min"], source["max"]
        if low is None or high is None:
            declared_low, declared_high = number(item.get("min")), number(item.get("max"))
            if declared_low is not None and declared_high is not None and not (
                    declared_low - EPSILON <= value <= declared_high + EPSILON):
                yield context.report(f"rating {show(value)} is outside its declared range "
                                     f"{show(declared_low)}-{show(declared_high)}", (*path, "value"))
            continue
        words = _range_words(low, high, source["decimals"])
        for bound, expected in (("min", low), ("max", high)):
            declared = number(item.get(bound))
            if declared is not None and not _same(declared, expected):
                yield context.report(f"`{bound}` {show(declared)} does not match {source['label']}'s range {words}",
                                     (*path, bound))
        if not low - EPSILON <= value <= high + EPSILON:
            yield context.report(f"{source['label']} rating {show(value)} is outside {source['label']}'s range "
                                 f"{words}", (*path, "value"))


@rule("RL205", "external-rating-precision", severity=Severity.WARNING, family=FAMILY,
      summary="An external rating has more decimals than its source publishes.")
def external_rating_precision(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that an external rating has no more decimals than its source publishes: IMDb
    and Metacritic user scores have one, Metacritic and Rotten Tomatoes none.

    ## Why
    IMDb never shows 6.35; a value like that was computed or mistyped, not copied from
    the source, and cannot be checked against it.

    ## Example
    ```yaml
    external_ratings:
      - {source: imdb, value: 6.35}
    ```
    Use instead:
    ```yaml
    external_ratings:
      - {source: imdb, value: 6.3}
    ```

    ## Fix
    None: look the value up again.
    """
    for index, _item, source, value in _external_items(context):
        allowed = source["decimals"]
        if allowed is None:
            continue
        found = _decimals(value)
        if found > allowed:
            places = "no decimals" if allowed == 0 else f"at most {allowed} decimal{'s' if allowed > 1 else ''}"
            yield context.report(f"{source['label']} ratings have {places}; {show(value)} has {found}",
                                 ("external_ratings", index, "value"))


def _normalised(context: Context) -> tuple[float, float, float, float] | None:
    scale = _scale(context)
    if scale is None:
        return None
    value, low, high, _step = scale
    if low >= high or not low - EPSILON <= value <= high + EPSILON:
        return None
    return (value - low) / (high - low), value, low, high


@rule("RL206", "verdict-contradicts-rating", severity=Severity.WARNING, family=FAMILY,
      summary="The recommendation's verdict disagrees with the rating.")
def verdict_contradicts_rating(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Compares `review.recommendation.verdict` with the rating, normalised to its scale: a
    `must-watch` needs at least 60% of the scale (6.4 of 1-10), `worth-watching` at least
    40%, and a `skip` at most 60%.

    ## Why
    "Must watch" over a 2/10 confuses readers and every aggregate built from the
    reviews; one of the two was usually edited and the other forgotten.

    ## Example
    ```yaml
    rating: {value: 2, min: 1, max: 10, step: 1}
    review:
      body: [A joyless slog.]
      recommendation: {verdict: must-watch}
    ```
    Use instead:
    ```yaml
    rating: {value: 2, min: 1, max: 10, step: 1}
    review:
      body: [A joyless slog.]
      recommendation: {verdict: skip}
    ```

    ## Fix
    None: only the reviewer knows which of the two is right.
    """
    verdict = context.get("review", "recommendation", "verdict")
    known = vocab.verdicts()
    if not isinstance(verdict, str) or verdict not in known:
        return
    normalised = _normalised(context)
    if normalised is None:
        return
    share, value, low, high = normalised
    entry = known[verdict]
    lowest, highest = entry.get("min_normalised"), entry.get("max_normalised")
    rating = f"{show(value)} of {show(high)}"
    path = ("review", "recommendation", "verdict")
    if isinstance(lowest, (int, float)) and share < lowest - EPSILON:
        bound = low + lowest * (high - low)
        yield context.report(f"verdict '{verdict}' disagrees with the rating {rating}: a '{verdict}' rating is at "
                             f"least {show(round(bound, 6))}", path)
    elif isinstance(highest, (int, float)) and share > highest + EPSILON:
        bound = low + highest * (high - low)
        yield context.report(f"verdict '{verdict}' disagrees with the rating {rating}: a '{verdict}' rating is at "
                             f"most {show(round(bound, 6))}", path)


def fold(text: str) -> str:
    """Lower case, straight apostrophes, no closing punctuation, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").lower()
    return " ".join(text.strip().rstrip(".!").split())


@cache
def _verdict_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for slug, entry in vocab.verdicts().items():
        for phrase in [slug, str(entry.get("label", slug)), *entry.get("synonyms", [])]:
            table.setdefault(fold(phrase), slug)
    return table


@rule("RL207", "verdict-contradicts-text", severity=Severity.WARNING, family=FAMILY,
      summary="The recommendation text reads as a different verdict.")
def verdict_contradicts_text(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that `review.recommendation.text`, when it is one of the set phrases of a
    verdict ("Must see", "Worth to watch", "Skip it", ...), names the same verdict as
    `verdict`.

    ## Why
    The text is shown to readers and the verdict drives filters; when they disagree,
    half of the audience gets the wrong advice.

    ## Example
    ```yaml
    review:
      body: [A warm, funny film that never talks down to its audience.]
      recommendation: {verdict: worth-watching, text: Skip it}
    ```
    Use instead:
    ```yaml
    review:
      body: [A warm, funny film that never talks down to its audience.]
      recommendation: {verdict: worth-watching, text: Worth a watch}
    ```

    ## Fix
    None.
    """
    verdict = context.get("review", "recommendation", "verdict")
    text = context.get("review", "recommendation", "text")
    if not isinstance(verdict, str) or not isinstance(text, str) or verdict not in vocab.verdicts():
        return
    meant = _verdict_synonyms().get(fold(text))
    if meant is not None and meant != verdict:
        yield context.report(f"recommendation text {text.strip()!r} reads as '{meant}', but the verdict is "
                             f"'{verdict}'", ("review", "recommendation", "text"))


def spelling(text: str) -> str:
    """`text` folded, with hyphens and underscores read as spaces ("Must_Watch" is
    "must watch")."""
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


@cache
def _verdict_spellings() -> dict[str, str]:
    """Spelling of each verdict's slug, label and synonyms -> slug."""
    table: dict[str, str] = {}
    for phrase, slug in _verdict_synonyms().items():
        table.setdefault(spelling(phrase), slug)
    return table


@rule("RL210", "verdict-synonym", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.SAFE,
      fix_unsafe_when="the text is a synonym rather than a spelling of the verdict",
      supersedes=("RL104",), summary="The verdict is written as free text instead of its vocabulary slug.")
def verdict_synonym(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a `review.recommendation.verdict` written as another spelling of a verdict
    ("Must Watch", "must_watch") or as one of its synonyms ("must-see", "skip it"; see
    `reviewlint vocab verdicts`) instead of its slug, and names the slug. It replaces
    the schema's generic "must be one of" (RL104) for that value.

    ## Why
    The verdict drives filters and badges, which match the four slugs exactly.

    ## Example
    ```yaml
    review:
      body: [A warm, funny film that never talks down to its audience.]
      recommendation: {verdict: must-see}
    ```
    Use instead:
    ```yaml
    review:
      body: [A warm, funny film that never talks down to its audience.]
      recommendation: {verdict: must-watch}
    ```

    ## Fix
    Replaces the text with the slug: safe when only case, spacing, hyphens or
    underscores differ ("Must Watch"); unsafe for a synonym, which is a reading of the
    reviewer's words.
    """
    verdict = context.get("review", "recommendation", "verdict")
    if not isinstance(verdict, str) or verdict in vocab.verdicts():
        return
    slug = _verdict_spellings().get(spelling(verdict))
    if slug is None:
        return
    exact = spelling(verdict) == spelling(slug)
    path = ("review", "recommendation", "verdict")
    fix = Fix(f"replace {verdict!r} with '{slug}'", FixSafety.SAFE if exact else FixSafety.UNSAFE,
              (Edit(path, slug),))
    yield context.report(f"verdict {verdict!r} is not a verdict slug; its slug is '{slug}'", path, fix=fix)


@rule("RL208", "missing-rating", severity=Severity.WARNING, family=FAMILY,
      summary="The review gives no rating.")
def missing_rating(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a review without a `rating` (unless a misspelt key such as `ratting:` is
    there, which the schema reports as unknown).

    ## Why
    The schema allows a review without a rating (some imports have none), but a
    published review is expected to give one: it is what readers scan for first and
    what schema.org's `reviewRating` exports.

    ## Example
    ```yaml
    rating: null
    ```
    Use instead:
    ```yaml
    rating: {value: 7, min: 1, max: 10, step: 1}
    ```

    ## Fix
    None.
    """
    if "rating" not in context.data:
        import difflib

        if difflib.get_close_matches("rating", [str(key) for key in context.data], n=1, cutoff=0.8):
            return  # a misspelt `rating:` key: the schema's unknown-key finding names it
        yield context.report("the review gives no rating; add `rating` with its scale, such as "
                             "`rating: {value: 7, min: 1, max: 10, step: 1}`", ("rating",))
    elif context.data["rating"] is None:
        yield context.report("the rating is empty; give `rating` a value and its scale, such as "
                             "`rating: {value: 7, min: 1, max: 10, step: 1}`", ("rating",))


def _original_value(original: str, low: float, high: float, step: float) -> float | None:
    """The rating an `original` text states, on this scale, when it can be read."""
    fraction = _FRACTION_RE.match(original)
    if fraction:
        stated, out_of = float(fraction.group(1)), float(fraction.group(2))
        return stated if _same(out_of, high) else None
    grades = vocab.letter_grades()
    if original.strip() in grades and _same(low, 0) and _same(high, len(grades) - 1) and _same(step, 1):
        return float(grades.index(original.strip()))
    stars = _STARS_RE.match(original)
    if stars and (stars.group(1) or stars.group(2)) and _same(high, 5):
        return len(stars.group(1)) + (0.5 if stars.group(2) else 0.0)
    return None


@rule("RL209", "rating-original-mismatch", severity=Severity.WARNING, family=FAMILY,
      summary="The rating as originally written disagrees with its value.")
def rating_original_mismatch(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reads `rating.original` when it is a fraction on the same scale ("7/10"), a letter
    grade on the letter-grade scale ("B+") or stars on a five-star scale ("★★★½"), and
    checks it states the same rating as `value`.

    ## Why
    `original` keeps what the reviewer wrote; when the number was edited later and the
    original was not, the two tell different stories.

    ## Example
    ```yaml
    rating: {value: 8, min: 1, max: 10, step: 1, original: 7/10}
    ```
    Use instead:
    ```yaml
    rating: {value: 7, min: 1, max: 10, step: 1, original: 7/10}
    ```

    ## Fix
    None.
    """
    scale = _scale(context)
    original = context.get("rating", "original")
    if scale is None or not isinstance(original, str):
        return
    value, low, high, step = scale
    stated = _original_value(original, low, high, step)
    if stated is not None and not _same(stated, value):
        yield context.report(f"`original` {original.strip()!r} says {show(stated)}, but `value` is {show(value)}",
                             ("rating", "original"))


def _scale_for(value: float, out_of: float) -> dict[str, Any] | None:
    """The supported scale a written rating ("8/10", "3.5/5") most likely sits on: the
    coarsest step that reaches the value, then the highest minimum (1-10 before 0-10)."""
    fitting = [scale for scale in vocab.rating_scales()
               if _same(scale["max"], out_of) and scale["min"] <= value <= scale["max"]
               and _same(round((value - scale["min"]) / scale["step"]) * scale["step"], value - scale["min"])]
    if not fitting:
        return None
    best = min(fitting, key=lambda scale: (-scale["step"], -scale["min"]))
    return {"value": _plain_number(value), "min": _plain_number(best["min"]), "max": _plain_number(best["max"]),
            "step": _plain_number(best["step"])}


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in mapping.items()) + "}"


@rule("RL211", "rating-as-text", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.UNSAFE,
      supersedes=("RL103",), summary="The rating is written as text or a bare number instead of a mapping.")
def rating_as_text(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Finds a `rating` written the way people write one in prose ("8/10", "3.5 out of 5",
    "★★★½") or as a bare number, and shows the mapping it should be, with its scale.
    Replaces the schema's type message (RL103).

    ## Why
    A rating means nothing without its scale: 8 of 10 and 8 of 100 are different verdicts.
    The mapping names the scale, so tools can compare and convert ratings.

    ## Example
    ```yaml
    rating: 8/10
    ```
    Use instead:
    ```yaml
    rating: {value: 8, min: 1, max: 10, step: 1}
    ```

    ## Fix
    Unsafe: writes the mapping for a fraction or stars, with the scale's minimum and step
    taken from the closest supported scale (a guess: 8/10 may be on 0-10). A bare number
    has no fix: its scale is unknown.
    """
    given = context.data.get("rating")
    if isinstance(given, bool) or not isinstance(given, (str, int, float)):
        return
    written = given.strip() if isinstance(given, str) else given
    mapping: dict[str, Any] | None = None
    if isinstance(written, str):
        fraction = _FRACTION_RE.match(written)
        stars = _STARS_RE.match(written)
        if fraction:
            mapping = _scale_for(float(fraction.group(1)), float(fraction.group(2)))
        elif stars and (stars.group(1) or stars.group(2)):
            mapping = _scale_for(len(stars.group(1)) + (0.5 if stars.group(2) else 0.0), 5.0)
        elif _to_float(written) is None:
            return  # words, not a rating: the schema's type message says what is wrong
    shown = f"{written!r}" if isinstance(written, str) else show(float(written))
    amount = _to_float(written)
    if mapping is not None:
        yield context.report(f"rating {shown} is written as text; a rating is a mapping with its scale: "
                             f"`rating: {_flow(mapping)}`", ("rating",),
                             fix=Fix(f"write the rating as {_flow(mapping)}", FixSafety.UNSAFE,
                                     (Edit(("rating",), mapping),)))
        return
    if amount is None or not math.isfinite(amount):
        return
    yield context.report(f"rating {shown} has no scale; a rating is a mapping with its scale, such as "
                         f"`rating: {{value: {show(amount)}, min: 1, max: 10, step: 1}}` for a rating out of 10",
                         ("rating",))


def _to_float(text: Any) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None
