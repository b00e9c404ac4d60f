"""Controlled vocabularies, read from the JSON files beside this module.

The schema generator and the rules both read from here, so a slug exists in exactly
one place. Each loader is cached: the files are read at most once per process.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypedDict


class WarningEntry(TypedDict):
    label: str
    synonyms: list[str]
    cues: list[str]
    traps: list[str]


class RatingScale(TypedDict):
    name: str
    min: float
    max: float
    step: float
    description: str


class ExternalSource(TypedDict):
    label: str
    min: float | None
    max: float | None
    decimals: int | None


def _read(name: str) -> Any:
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def content_warnings() -> dict[str, WarningEntry]:
    """Slug -> entry, in the vocabulary's own order."""
    data: dict[str, WarningEntry] = _read("content_warnings.json")["warnings"]
    return data


@cache
def negations() -> tuple[str, ...]:
    return tuple(_read("content_warnings.json")["negations"])


@cache
def _terms() -> dict[str, Any]:
    data: dict[str, Any] = _read("terms.json")
    return data


def ending_types() -> dict[str, str]:
    result: dict[str, str] = _terms()["ending_types"]
    return result


def verdicts() -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = _terms()["verdicts"]
    return result


def spoiler_levels() -> dict[str, str]:
    result: dict[str, str] = _terms()["spoiler_levels"]
    return result


def external_rating_sources() -> dict[str, ExternalSource]:
    result: dict[str, ExternalSource] = _terms()["external_rating_sources"]
    return result


def source_formats() -> dict[str, str]:
    result: dict[str, str] = _terms()["source_formats"]
    return result


def rating_scales() -> list[RatingScale]:
    result: list[RatingScale] = _terms()["rating_scales"]
    return result


def letter_grades() -> list[str]:
    result: list[str] = _terms()["letter_grades"]
    return result


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English name."""
    result: dict[str, str] = _read("countries.json")["codes"]
    return result


@cache
def country_aliases() -> dict[str, str]:
    """Lower-case name or alias -> alpha-2 code."""
    result: dict[str, str] = _read("countries.json")["aliases"]
    return result


@cache
def _languages() -> dict[str, Any]:
    data: dict[str, Any] = _read("languages.json")
    return data


def languages() -> dict[str, str]:
    """ISO 639-1 code -> English name."""
    result: dict[str, str] = _languages()["iso639_1"]
    return result


@cache
def languages_639_3() -> frozenset[str]:
    return frozenset(_languages()["iso639_3_only"])


@cache
def genres() -> dict[str, str]:
    """Lower-case genre -> its canonical spelling, from every known list."""
    data = _read("genres.json")
    known: dict[str, str] = {}
    for group in ("imdb", "tmdb", "subgenres"):
        for name in data[group]:
            known.setdefault(name.lower(), name)
    return known


@cache
def misspellings() -> dict[str, str]:
    result: dict[str, str] = _read("misspellings.json")["words"]
    return result
