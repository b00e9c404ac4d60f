"""The last step every reader shares: a draft mapping -> the canonical review.

Puts keys in the schema's canonical order (the order the formatter uses, read from the
schema's `properties`), names the schema version the package ships as current, applies the
batch options the user stated (author, language, "no warnings means none"), records
provenance under `source`, and warns about each required fact the source did not state,
since the migrator never invents one. A post that never names its film is still converted:
the title is left out with a note, and `reviewlint check` reports it missing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reviewlint._version import __version__
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult

NOT_A_REVIEW = "no film title or year found: not a review?"


def schema_version() -> str:
    """The version migrated reviews are written in: the newest schema the package ships."""
    from reviewlint.schema import current_version

    return current_version()


@cache
def _rating_schema(version: str) -> dict[str, Any]:
    from reviewlint.schema import load_schema

    rating = load_schema(version).get("properties", {}).get("rating", {})
    return rating if isinstance(rating, dict) else {}


def unstated_scale_allowed() -> bool:
    """Whether the current schema holds a rating whose scale the source does not state
    (`value` and `original` without `max`, schema 1.1 on)."""
    return "max" not in _rating_schema(schema_version()).get("required", ["max"])


def _order_of(version: str, path: tuple[str, ...]) -> dict[str, int]:
    from reviewlint.formatting.keyorder import _order  # the formatter's own reading of the schema

    return _order(version, path)


def ordered(value: Any, version: str, path: tuple[str, ...] = ()) -> Any:
    """`value` with every mapping's keys in the schema's order (unknown keys after, as they came)."""
    if isinstance(value, dict):
        order = _order_of(version, path)
        keys = sorted(value, key=lambda key: order.get(key, len(order)))
        return {key: ordered(value[key], version, (*path, key)) for key in keys}
    if isinstance(value, list):
        return [ordered(item, version, path) for item in value]
    return value


def finish(draft: dict[str, Any], result: MigrationResult, options: MigrateOptions, *,
           source: dict[str, Any]) -> dict[str, Any]:
    version = schema_version()
    data: dict[str, Any] = {"schema_version": version, **draft}
    if "author" not in data and options.author:
        data["author"] = {"name": options.author}
        result.add(Level.INFO, f"author '{options.author}' taken from --author (the source names none)")
    if "language" not in data and options.language:
        data["language"] = options.language
    if "content_warnings" not in data and options.assume_no_warnings:
        from reviewlint.prose.cues import describe, review_suggestions

        # "Checked, none" is never written over prose that describes something to warn about.
        suggested = review_suggestions(data)
        if suggested:
            result.add(Level.WARNING, f"--assume-no-warnings: did not write `content_warnings: []`, because the prose "
                       f"suggests {describe(suggested)}; declare the warnings that apply")
        else:
            data["content_warnings"] = []
            result.add(Level.INFO, "the source states no content warnings; wrote [] because of --assume-no-warnings")
    _warn_missing(data, result)
    data["source"] = {**source, "migrated_by": f"reviewlint {__version__}"}
    finished: dict[str, Any] = ordered(data, version)
    return finished


def refuse_as_not_a_review(result: MigrationResult) -> None:
    """Nothing will be written, so notes about how lines were placed (and where values came
    from) would only distract."""
    result.issues[:] = [issue for issue in result.issues if issue.level is Level.ERROR]
    result.provenance.clear()
    result.add(Level.ERROR, NOT_A_REVIEW)


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
