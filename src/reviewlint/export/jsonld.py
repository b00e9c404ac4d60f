"""A review as schema.org JSON-LD: a `Review` whose `itemReviewed` is a `Movie`.

The mapping follows Google's review-snippet guidelines. The review's own rating becomes
`reviewRating` with both ends of the scale (Google assumes 1-5 otherwise). Nothing that
could spoil the film leaves the file: the synopsis, the memorable scene and lines, and the
ending are never exported, and inline `>!spoilers!<` in the body are replaced. Third-party
ratings (IMDb and the like) are never exported either: a review snippet must carry only the
reviewer's own rating.

A country of origin is a schema.org `Country` named in English from the CLDR data that
`langcodes` (with its `language-data` package) keeps, with the ISO 3166 code as its
`identifier`. The author is a `Person`, or an `Organization` when the review says
`author.type: organization` (a magazine's staff review, say).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

CONTEXT = "https://schema.org"
# An opener with no closer hides the rest of the text: a typo must not publish the spoiler.
INLINE_SPOILER = re.compile(r">!(.*?)(?:!<|\Z)", re.DOTALL)
SPOILER_REPLACEMENT = "[spoiler removed]"
# Content warnings are not schema.org data, except the one accessibility hazard it names.
ACCESSIBILITY_HAZARDS = {"flashing-lights": "flashing"}

# Google's review snippet: what it requires and recommends (film-review-domain.md, section 1).
REQUIRED = (("author",), ("author", "name"), ("itemReviewed",), ("itemReviewed", "name"), ("reviewRating",),
            ("reviewRating", "ratingValue"))
RECOMMENDED = (("datePublished",), ("reviewRating", "bestRating"), ("reviewRating", "worstRating"))


def without_spoilers(text: str) -> str:
    return INLINE_SPOILER.sub(SPOILER_REPLACEMENT, text)


def iso_duration(minutes: int) -> str:
    """92 -> "PT1H32M", 45 -> "PT45M", 120 -> "PT2H"."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


AUTHOR_TYPES = {"person": "Person", "organization": "Organization", "organisation": "Organization"}


def person(name: str, url: str | None = None, kind: str = "Person") -> dict[str, Any]:
    found: dict[str, Any] = {"@type": kind, "name": name}
    if url:
        found["url"] = url
    return found


def author(given: Mapping[str, Any]) -> dict[str, Any]:
    """`author` as a Person, or an Organization when its `type` says so."""
    kind = given.get("type")
    return person(given["name"], given.get("url"),
                  AUTHOR_TYPES.get(kind.strip().lower(), "Person") if isinstance(kind, str) else "Person")


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-2 code ("KR" -> "South Korea"), from CLDR
    through langcodes; the project's vocabulary when that data is not installed."""
    try:
        import langcodes

        name = langcodes.Language.get(f"und-{code}").territory_name("en")
    except (ImportError, ValueError, LookupError):
        name = code
    if name == code or not name:
        from reviewlint.vocab import countries

        return countries().get(code.upper(), code)
    return str(name)


def country(code: str) -> dict[str, Any]:
    return {"@type": "Country", "name": country_name(code), "identifier": code}


def _people(values: Any) -> list[dict[str, Any]]:
    people = []
    for value in values if isinstance(values, list) else []:
        if isinstance(value, str):
            people.append(person(value))
        elif isinstance(value, Mapping) and isinstance(value.get("name"), str):
            people.append(person(value["name"]))  # the character is the film's, not the person's
    return people


def _same_as(ids: Mapping[str, Any]) -> list[str]:
    links = []
    if isinstance(ids.get("imdb"), str):
        links.append(f"https://www.imdb.com/title/{ids['imdb']}/")
    if isinstance(ids.get("tmdb"), int):
        links.append(f"https://www.themoviedb.org/movie/{ids['tmdb']}")
    if isinstance(ids.get("letterboxd"), str):
        links.append(ids["letterboxd"])
    return links


def _warning_slugs(warnings: Any) -> list[str]:
    slugs = []
    for warning in warnings if isinstance(warnings, list) else []:
        slug = warning.get("id") if isinstance(warning, Mapping) else warning
        if isinstance(slug, str):
            slugs.append(slug)
    return slugs


def movie(data: Mapping[str, Any]) -> dict[str, Any]:
    film = data.get("film") or {}
    review = data.get("review") or {}
    item: dict[str, Any] = {"@type": "Movie", "name": film.get("title")}
    if film.get("original_title"):
        item["alternateName"] = film["original_title"]
    if film.get("year") is not None:
        item["datePublished"] = str(film["year"])
    if isinstance(film.get("runtime_minutes"), int):
        item["duration"] = iso_duration(film["runtime_minutes"])
    if film.get("genres"):
        item["genre"] = list(film["genres"])
    if film.get("countries"):
        item["countryOfOrigin"] = [country(code) for code in film["countries"] if isinstance(code, str)]
    for key, prop in (("directors", "director"), ("writers", "creator"), ("cast", "actor")):
        people = _people(film.get(key))
        if people:
            item[prop] = people
    same_as = _same_as(film.get("ids") or {})
    if same_as:
        item["sameAs"] = same_as
    certification = film.get("certification")
    if isinstance(certification, Mapping) and certification.get("value"):
        system = certification.get("system")
        item["contentRating"] = f"{system} {certification['value']}" if system else certification["value"]
    if review.get("logline"):
        item["abstract"] = without_spoilers(review["logline"])
    hazards = sorted({ACCESSIBILITY_HAZARDS[slug] for slug in _warning_slugs(data.get("content_warnings"))
                      if slug in ACCESSIBILITY_HAZARDS})
    if hazards:
        item["accessibilityHazard"] = hazards
    return item


def rating(data: Mapping[str, Any]) -> dict[str, Any] | None:
    given = data.get("rating")
    if not isinstance(given, Mapping) or given.get("value") is None or given.get("max") is None:
        return None
    found: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": given["value"],
        "worstRating": given.get("min", 1),
        "bestRating": given["max"],
    }
    recommendation = (data.get("review") or {}).get("recommendation") or {}
    if isinstance(recommendation, Mapping) and recommendation.get("text"):
        found["ratingExplanation"] = recommendation["text"]
    return found


def to_jsonld(data: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-LD object for one schema-valid review document."""
    review = data.get("review") or {}
    document: dict[str, Any] = {"@context": CONTEXT, "@type": "Review"}
    if review.get("headline"):
        document["name"] = review["headline"]
        document["headline"] = review["headline"]
    if review.get("tagline"):
        document["alternativeHeadline"] = review["tagline"]
    body = [without_spoilers(paragraph) for paragraph in review.get("body") or [] if isinstance(paragraph, str)]
    if body:
        document["reviewBody"] = "\n\n".join(body)
    found_rating = rating(data)
    if found_rating is not None:
        document["reviewRating"] = found_rating
    given_author = data.get("author") or {}
    if isinstance(given_author, Mapping) and given_author.get("name"):
        document["author"] = author(given_author)
    for key, prop in (("published", "datePublished"), ("updated", "dateModified"), ("language", "inLanguage")):
        if data.get(key):
            document[prop] = str(data[key])
    source = data.get("source") or {}
    if isinstance(source, Mapping) and source.get("url"):
        document["url"] = source["url"]  # the post the review was published in
    document["itemReviewed"] = movie(data)
    return document


def _get(document: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = document
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def missing_properties(document: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(required, recommended) review-snippet properties the JSON-LD lacks, dotted."""
    required = [".".join(path) for path in REQUIRED if _get(document, path) in (None, "")]
    recommended = [".".join(path) for path in RECOMMENDED if _get(document, path) in (None, "")]
    return required, recommended
