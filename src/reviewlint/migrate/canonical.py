"""The last step every reader shares: a draft mapping -> the canonical review.

Puts keys in the schema's canonical order, applies the batch options the user stated
(author, language, "no warnings means none"), records provenance under `source`, and
warns about each required fact the source did not state, since the migrator never
invents one. A source in which neither a film title nor a year can be found is not
taken for a review at all: it fails rather than become an empty shell of one.
"""

from __future__ import annotations

from typing import Any

from reviewlint import __version__
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult

SCHEMA_VERSION = "1.0"
NOT_A_REVIEW = "no film title or year found: not a review?"

TOP_ORDER = ("schema_version", "film", "rating", "external_ratings", "review", "content_warnings",
             "content_warnings_source", "ending", "spoilers", "author", "language", "published", "updated",
             "watched", "tags", "notes", "source")
FILM_ORDER = ("title", "original_title", "year", "runtime_minutes", "genres", "countries", "original_language",
              "directors", "writers", "cast", "ids", "certification")
REVIEW_ORDER = ("headline", "tagline", "logline", "synopsis", "body", "memorable_scene", "memorable_dialogue",
                "recommendation")
SOURCE_ORDER = ("format", "file", "url", "title_line", "migrated_by", "dropped")


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    result = {key: mapping[key] for key in order if key in mapping}
    result.update({key: value for key, value in mapping.items() if key not in result})
    return result


def finish(draft: dict[str, Any], result: MigrationResult, options: MigrateOptions, *,
           source: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **draft}
    if "author" not in data and options.author:
        data["author"] = {"name": options.author}
        result.add(Level.INFO, f"author '{options.author}' taken from --author (the source names none)")
    if "language" not in data and options.language:
        data["language"] = options.language
    if "content_warnings" not in data and options.assume_no_warnings:
        data["content_warnings"] = []
        result.add(Level.INFO, "the source states no content warnings; wrote [] because of --assume-no-warnings")
    film = data.get("film")
    if not isinstance(film, dict) or ("title" not in film and "year" not in film):
        # Nothing will be written, so notes about how lines were placed would only distract.
        result.issues[:] = [issue for issue in result.issues if issue.level is Level.ERROR]
        result.add(Level.ERROR, NOT_A_REVIEW)
    else:
        _warn_missing(data, result)
    data["source"] = _ordered({**source, "migrated_by": f"reviewlint {__version__}"}, SOURCE_ORDER)
    if isinstance(data.get("film"), dict):
        data["film"] = _ordered(data["film"], FILM_ORDER)
    if isinstance(data.get("review"), dict):
        data["review"] = _ordered(data["review"], REVIEW_ORDER)
    return _ordered(data, TOP_ORDER)


def _warn_missing(data: dict[str, Any], result: MigrationResult) -> None:
    film = data.get("film", {})
    review = data.get("review", {})
    missing = []
    if "title" not in film:
        missing.append("film.title")
    if "year" not in film:
        missing.append("film.year")
    if not review.get("body"):
        missing.append("review.body")
    if "author" not in data:
        missing.append("author.name (pass --author NAME if you wrote them all)")
    if "content_warnings" not in data:
        missing.append("content_warnings (add them, or pass --assume-no-warnings if your reviews always "
                       "named every warning)")
    for key in missing:
        result.add(Level.WARNING, f"the source does not state {key}; it is left out, and `reviewlint check` "
                   "reports it as missing until you add it")
