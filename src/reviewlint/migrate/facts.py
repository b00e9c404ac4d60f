"""One labelled fact ("Director: X", "My Rate: 7/10") -> the updates it makes to the review.

Pure functions: each handler reads a value and says what it would set, or why it cannot.
The reader decides whether to apply the updates, so a line that only looks like a label
("Rated R for strong violence" in the middle of a paragraph) can still be read as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reviewlint import vocab
from reviewlint.migrate.dates import parse_date
from reviewlint.migrate.people import cast_entries, split_names, without_roles
from reviewlint.migrate.ratings import Rating, number, parse_rating, rating_in_sentence
from reviewlint.migrate.runtime import parse_runtime
from reviewlint.migrate.vocabmap import country_codes, language_code, split_genres

Path = tuple[str, ...]

SET = "set"          # one value; a different second value is a conflict
EXTEND = "extend"    # a list; later values are added, duplicates skipped
APPEND = "append"    # a list of objects keyed by `source` (external ratings)


@dataclass(frozen=True, slots=True)
class Update:
    path: Path
    value: Any
    mode: str = SET


@dataclass(slots=True)
class Outcome:
    updates: list[Update] = field(default_factory=list)
    # Why (part of) the value could not be mapped; the caller keeps the text verbatim.
    problem: str | None = None
    # Readings the user should know about ("'8.5' read as out of 10").
    infos: list[str] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        return [".".join(update.path) for update in self.updates]


def _fail(problem: str) -> Outcome:
    return Outcome(problem=problem)


_WORD = re.compile(r"[^\W\d_]{3,}")
_GENRE_SEPARATORS = re.compile(r"\s*(?:[,/&]|\band\b)\s*")
YEAR = re.compile(r"^(?P<year>\d{4})\.?$")
TITLE_WITH_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>(?:18|19|20)\d{2})\)$")
IMDB_ID = re.compile(r"^(?:https?://(?:www\.|m\.)?imdb\.com/title/)?(?P<id>tt\d{7,})/?(?:\?.*)?$")
CERTIFICATE = re.compile(r"^(?:[A-Z]{1,3}(?:-?\d{1,2}\+?|\+)?|\d{1,2}[A+]?|TV-[A-Z0-9]{1,4}|MA15\+|Not Rated|Unrated)$")
NAME_LIKE = re.compile(r"^[^\d,;:!?()\[\]{}<>@/\\|]{1,100}$")
URL = re.compile(r"^https?://\S+$")


def year_value(text: str) -> int | None:
    match = YEAR.match(text.strip())
    if match and 1888 <= int(match["year"]) <= 2100:
        return int(match["year"])
    return None


def single_line(text: str, limit: int = 300) -> bool:
    return bool(text.strip()) and "\n" not in text and len(text.strip()) <= limit


def _title(value: str, key: str) -> Outcome:
    if not single_line(value):
        return _fail("a title must be one line of at most 300 characters")
    dated = TITLE_WITH_YEAR.match(value.strip())
    if key == "title" and dated is not None:  # "Title: Heat (1995)"
        return Outcome([Update(("film", key), dated["title"]), Update(("film", "year"), int(dated["year"]))])
    return Outcome([Update(("film", key), value.strip())])


def _year(value: str) -> Outcome:
    year = year_value(value)
    if year is None:
        return _fail(f"'{value}' is not a year between 1888 and 2100")
    return Outcome([Update(("film", "year"), year)])


_YEAR_IN = re.compile(r"(?<!\d)(?P<year>(?:18[89]\d|19\d\d|20\d\d))(?!\d)")


def _release(value: str) -> Outcome:
    """"Release Date: February 13th, 2009", "Released: November 2019": the film's year; the
    date itself has no field, so the line is kept too."""
    years = {int(found["year"]) for found in _YEAR_IN.finditer(value)}
    if len(years) != 1 or not single_line(value, 120):
        return _fail(f"'{value.strip()}' states no single release year")
    return Outcome([Update(("film", "year"), years.pop())],
                   problem=f"the release date '{value.strip()}' has no field of its own (its year is film.year)")


def _writer_director(value: str) -> Outcome:
    names = split_names(value)
    if names is None:
        return _fail("this does not read as a list of names")
    return Outcome([Update(("film", "directors"), names, EXTEND), Update(("film", "writers"), names, EXTEND)])


def _cast(value: str) -> Outcome:
    """"Stars: 5 / 5" is a score, not a cast list."""
    rating = parse_rating(value)
    if rating is not None and rating.scale_stated and not _WORD.search(value):
        outcome = rating_outcome(rating, value)
        outcome.infos.append(f"'{value.strip()}' is a score, not names: mapped to rating")
        return outcome
    return _people(value, "cast")


def _runtime(value: str) -> Outcome:
    parsed = parse_runtime(value)
    if parsed is None:
        return _fail(f"'{value}' is not a running time reviewlint can read (write '1h 32m' or '92 min')")
    minutes, inferred = parsed
    infos = [f"runtime '{value}' has no unit; read as {minutes} minutes"] if inferred else []
    return Outcome([Update(("film", "runtime_minutes"), minutes)], infos=infos)


def _genres(value: str) -> Outcome:
    genres = split_genres(value)
    if not genres or any(len(genre) > 100 for genre in genres):
        return _fail("no genre names found")
    return Outcome([Update(("film", "genres"), genres, EXTEND)])


def _countries(value: str) -> Outcome:
    codes, unknown = country_codes(value)
    problem = None
    if unknown:
        problem = "unknown country " + ", ".join(f"'{name}'" for name in unknown)
    return Outcome([Update(("film", "countries"), codes, EXTEND)] if codes else [], problem=problem)


def _language(value: str) -> Outcome:
    code = language_code(value)
    if code is None:
        return _fail(f"'{value}' is not one language reviewlint knows (film.original_language holds one)")
    return Outcome([Update(("film", "original_language"), code)])


def _people(value: str, key: str) -> Outcome:
    names = split_names(value)
    if names is None:
        return _fail("this does not read as a list of names")
    if key != "cast":
        names, roles = without_roles(names)
        problem = f"the roles in parentheses ({', '.join(roles)}) have no field of their own" if roles else None
        return Outcome([Update(("film", key), names, EXTEND)], problem=problem)
    entries, kept = cast_entries(names)
    problem = (f"the parentheses ({', '.join(kept)}) are not read as characters: the list does not say so"
               if kept else None)
    return Outcome([Update(("film", key), entries, EXTEND)], problem=problem)


def _external(value: str, source: str) -> Outcome:
    text = value.strip()
    imdb = IMDB_ID.match(text)
    if source == "imdb" and imdb:
        return Outcome([Update(("film", "ids", "imdb"), imdb["id"])])
    scale = vocab.external_rating_sources()[source]
    match = re.match(r"^(?P<value>\d+(?:[.,]\d+)?)\s*(?:(?:/|out of)\s*(?P<max>\d+)|(?P<pct>%))?$", text)
    if match is None:
        return _fail(f"'{value}' is not a {scale['label']} score")
    rating = number(match["value"])
    maximum: float | None = float(match["max"]) if match["max"] else (100 if match["pct"] else scale["max"])
    if maximum is None or rating > maximum or (scale["min"] is not None and rating < scale["min"]):
        return _fail(f"'{value}' is outside the {scale['label']} scale")
    entry = {"source": source, "value": rating, "max": int(maximum) if float(maximum).is_integer() else maximum}
    return Outcome([Update(("external_ratings",), entry, APPEND)])


CERTIFICATE_REASON = re.compile(
    r"^(?P<cert>\S{1,12}?)(?:\s*[(\[](?P<paren>[^()\[\]]{2,200})[)\]]|\s+for\s+(?P<words>.{2,200}))$")


def certificate(value: str) -> str | None:
    text = value.strip().rstrip(".")
    return text if len(text) <= 12 and CERTIFICATE.match(text) else None


def certificate_with_reason(value: str) -> tuple[str, str] | None:
    """"R (graphic violence)", "PG-13 for sci-fi action" -> (certificate, reason)."""
    match = CERTIFICATE_REASON.match(value.strip().rstrip("."))
    if match is None or certificate(match["cert"]) is None or match["cert"].isdigit():
        return None
    return match["cert"], (match["paren"] or match["words"]).strip()


def _certificate_outcome(cert: str, reason: str | None, written: str) -> Outcome:
    info = f"'{written.strip()}' is an age certificate, not a score: mapped to film.certification"
    problem = f"the certificate's reason ('{reason}') has no field of its own" if reason else None
    return Outcome([Update(("film", "certification"), {"value": cert})], problem=problem, infos=[info])


def rating_outcome(rating: Rating, written: str) -> Outcome:
    """The update for a rating read from `written`; one whose scale the text does not state is
    kept with its value and wording where the schema holds that, else kept verbatim."""
    if rating.scale_stated:
        return Outcome([Update(("rating",), rating.as_data())])
    from reviewlint.migrate.canonical import unstated_scale_allowed

    if not unstated_scale_allowed():
        return _fail(f"'{written.strip()}' does not say its scale (out of 5? 10? 100?); write it as '4/5' or '4/10'")
    return Outcome([Update(("rating",), rating.as_data())],
                   infos=[f"rating '{written.strip()}' states no scale; kept as written with its value "
                          f"{rating.value} and no maximum"])


def _rating(value: str) -> Outcome:
    rating = parse_rating(value)
    if rating is not None:
        return rating_outcome(rating, value)
    cert = certificate(value)
    if cert is not None and not cert.isdigit():
        return _certificate_outcome(cert, None, value)
    with_reason = certificate_with_reason(value)
    if with_reason is not None:
        return _certificate_outcome(*with_reason, value)
    found = rating_in_sentence(value)
    if found is not None:
        return rating_outcome(found[0], found[1])
    return _fail(f"'{value.strip()}' is not a rating reviewlint can read")


def _certification(value: str) -> Outcome:
    cert = certificate(value)
    if cert is not None:
        return Outcome([Update(("film", "certification"), {"value": cert})])
    with_reason = certificate_with_reason(value)
    if with_reason is None:
        return _fail(f"'{value.strip()}' is not an age certificate")
    cert, reason = with_reason
    return Outcome([Update(("film", "certification"), {"value": cert})],
                   problem=f"the certificate's reason ('{reason}') has no field of its own")


def author_name(value: str) -> str | None:
    text = value.strip()
    if NAME_LIKE.match(text) and len(text.split()) <= 6 and not text.endswith("."):
        return text
    return None


BYLINE_TAIL = re.compile(r"^(?P<name>.+?)\s+(?:at|on)\s+(?P<when>.*\d.*)$")


def _author(value: str) -> Outcome:
    name = author_name(value)
    if name is not None:
        return Outcome([Update(("author", "name"), name)])
    # Blog footers: "Posted by Ciara at 9:15 PM", "by Ciara on March 4, 2024".
    byline = BYLINE_TAIL.match(value.strip())
    if byline is None or author_name(byline["name"]) is None:
        return _fail("this does not read as a name")
    updates = [Update(("author", "name"), author_name(byline["name"]))]
    date = parse_date(byline["when"])
    if date is not None:
        updates.append(Update(("published",), date))
        return Outcome(updates)
    return Outcome(updates, problem=f"'{byline['when']}' (when it was posted) has no field of its own")


def _date(value: str, path: Path) -> Outcome:
    date = parse_date(value)
    if date is None:
        return _fail(f"'{value.strip()}' is not an unambiguous date (write 2024-03-04 or March 4, 2024)")
    return Outcome([Update(path, date)])


def _tags(value: str) -> Outcome:
    tags = [tag.strip() for tag in re.split(r"\s*[,;|#]\s*", value) if tag.strip()]
    if not tags:
        return _fail("no tags found")
    return Outcome([Update(("tags",), tags, EXTEND)])


def _tagline(value: str) -> Outcome:
    if not single_line(value, 200):
        return _fail("a tagline must be one line of at most 200 characters")
    return Outcome([Update(("review", "tagline"), value.strip())])


SPOILER_LEVELS = {"none": "none", "no": "none", "spoiler-free": "none", "spoiler free": "none", "free": "none",
                  "minor": "minor", "mild": "minor", "light": "minor", "some": "minor", "major": "major",
                  "yes": "major", "heavy": "major", "full": "major"}


def _spoilers(value: str) -> Outcome:
    level = SPOILER_LEVELS.get(value.strip().strip(".!").lower())
    if level is None:
        return _fail(f"'{value.strip()}' is not a spoiler level (none, minor, major)")
    return Outcome([Update(("spoilers",), level)])


def _url(value: str) -> Outcome:
    if not URL.match(value.strip()):
        return _fail("not a web address")
    return Outcome([Update(("source", "url"), value.strip())])


def _imdb_id(value: str) -> Outcome:
    match = IMDB_ID.match(value.strip())
    if match is None:
        return _fail("not an IMDb title id (tt followed by 7 or more digits)")
    return Outcome([Update(("film", "ids", "imdb"), match["id"])])


HANDLERS: dict[str, Callable[[str], Outcome]] = {
    "title": lambda value: _title(value, "title"),
    "original_title": lambda value: _title(value, "original_title"),
    "year": _year,
    "release": _release,
    "runtime": _runtime,
    "genres": _genres,
    "countries": _countries,
    "language": _language,
    "directors": lambda value: _people(value, "directors"),
    "writers": lambda value: _people(value, "writers"),
    "cast": _cast,
    "writer_director": _writer_director,
    "external:imdb": lambda value: _external(value, "imdb"),
    "external:metacritic": lambda value: _external(value, "metacritic"),
    "external:rotten-tomatoes": lambda value: _external(value, "rotten-tomatoes"),
    "external:letterboxd": lambda value: _external(value, "letterboxd"),
    "external:tmdb": lambda value: _external(value, "tmdb"),
    "rating": _rating,
    "certification": _certification,
    "author": _author,
    "published": lambda value: _date(value, ("published",)),
    "watched": lambda value: _date(value, ("watched", "date")),
    "tags": _tags,
    "tagline": _tagline,
    "spoilers": _spoilers,
    "url": _url,
    "imdb_id": _imdb_id,
}

# Facts whose value may continue over the following lines ("Cast:" then one name a line).
LIST_FACTS = frozenset({"genres", "countries", "directors", "writers", "cast", "tags", "writer_director"})


def read_fact(key: str, value: str) -> Outcome:
    if not value.strip():
        return _fail("the label has no value")
    return HANDLERS[key](value)


def typed_value_ok(key: str, value: str) -> bool:
    """Whether a colon-less typed fact ("Runtime 92 min") has a value of the right form."""
    outcome = read_fact(key, value)
    # A release date is read for its year; the date itself is kept too, which is not a misreading.
    return bool(outcome.updates) and (outcome.problem is None or key == "release")


def _known_genres(value: str) -> list[str] | None:
    """"Romance, Fantasy": every part a genre the vocabulary knows, else None."""
    parts = [part.strip() for part in _GENRE_SEPARATORS.split(value.strip().rstrip(".")) if part.strip()]
    known = vocab.genres()
    if not parts or any(fold_key(part) not in known for part in parts):
        return None
    return split_genres(", ".join(parts))


def fold_key(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


_COUNTRY_YEAR = re.compile(r"^(?P<country>[^\W\d_][^\d]{1,40}?)[\s,]+(?P<year>\d{4})$")


def classify_unlabelled(text: str) -> Outcome | None:
    """A part of a details line with no label: "2023", "1h 32m", "7/10", "PG-13", "Japan",
    "Canada 2020", "Romance, Fantasy"."""
    value = text.strip()
    if year_value(value) is not None:
        return _year(value)
    runtime = parse_runtime(value)
    if runtime is not None and not runtime[1]:
        return _runtime(value)
    rating = parse_rating(value)
    if rating is not None and rating.scale_stated and not rating.original:
        return _rating(value)
    cert = certificate(value)
    if cert is not None and not cert.isdigit() and len(cert) >= 2:
        return Outcome([Update(("film", "certification"), {"value": cert})])
    codes, unknown = country_codes(value)
    if codes and not unknown:
        return Outcome([Update(("film", "countries"), codes, EXTEND)])
    genres = _known_genres(value)
    if genres:
        return Outcome([Update(("film", "genres"), genres, EXTEND)])
    paired = _COUNTRY_YEAR.match(value)
    if paired and year_value(paired["year"]) is not None:
        codes, unknown = country_codes(paired["country"])
        if codes and not unknown:
            return Outcome([Update(("film", "countries"), codes, EXTEND), *_year(paired["year"]).updates])
    return None


# Separators of a details line other than "|": " / ", " * ", " • ", " · ", " - ", " – ".
_DETAIL_SEPARATORS = re.compile(r"\s+[/*•·–—-]\s+|\s*[•·]\s*")
_DETAIL_TOKEN = (r"(?:(?:18|19|20)\d\d|\d{1,2}\s*h(?:rs?|ours?)?\.?\s*\d{1,2}\s*m(?:in(?:utes?)?)?\.?"
                 r"|\d{2,3}\s*min(?:utes?|s)?\.?|(?:G|PG|PG-13|R|NC-17|TV-MA|TV-14|M18|R18\+?|MA15\+))")
_GLUED_DETAILS = re.compile(rf"^(?P<details>{_DETAIL_TOKEN}(?:\s*[*|•·/]\s*{_DETAIL_TOKEN})+)\s+(?P<rest>\S.*)$")


def details_parts(text: str) -> list[tuple[str, Outcome | None]] | None:
    """"2017 / 90m - Japan", "Romance, Fantasy - Animation", "Canada 2020": a line made of
    unlabelled facts, each part read (None for the one part, at most, that is not one)."""
    value = text.strip()
    if len(value) > 120 or ":" in value or len(value.split()) > 10:
        return None  # a details line is a handful of short facts, not a sentence
    parts = [part.strip() for part in _DETAIL_SEPARATORS.split(value) if part.strip()]
    readings = [(part, classify_unlabelled(part)) for part in parts]
    found = [outcome for _, outcome in readings if outcome is not None]
    unread = len(readings) - len(found)
    if any(outcome is None and len(part.split()) > 5 for part, outcome in readings):
        return None  # a sentence, not a detail
    years = [u for outcome in found for u in outcome.updates if u.path == ("film", "year")]
    kinds = {update.path for outcome in found for update in outcome.updates}
    if len(years) > 1 or (len(kinds) < 2 and len(found) < 2) or unread > (1 if len(found) >= 2 else 0):
        return None
    return readings


def glued_details(text: str) -> tuple[list[tuple[str, Outcome | None]], str] | None:
    """"2010 * PG-13 * 1h 41m When I saw ...": details glued to the first sentence."""
    match = _GLUED_DETAILS.match(text.strip())
    if match is None:
        return None
    parts = details_parts(match["details"].replace("|", " * "))
    if parts is None or any(outcome is None for _, outcome in parts):
        return None
    return parts, match["rest"]
