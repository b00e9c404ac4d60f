"""`reviewlint vocab NAME`: print a controlled vocabulary (the values the schema and the
rules accept), as text or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from reviewlint import vocab


def _show(value: float) -> str:
    return f"{value:.10g}"


def _content_warnings() -> list[dict[str, Any]]:
    return [{"id": slug, "label": entry["label"], "synonyms": entry["synonyms"]}
            for slug, entry in vocab.content_warnings().items()]


def _ending_types() -> list[dict[str, Any]]:
    return [{"id": slug, "description": text} for slug, text in vocab.ending_types().items()]


def _verdicts() -> list[dict[str, Any]]:
    return [{"id": slug, "label": entry.get("label", slug), "synonyms": entry.get("synonyms", [])}
            for slug, entry in vocab.verdicts().items()]


def _spoiler_levels() -> list[dict[str, Any]]:
    return [{"id": slug, "description": text} for slug, text in vocab.spoiler_levels().items()]


def _genres() -> list[dict[str, Any]]:
    return [{"id": name} for name in sorted(set(vocab.genres().values()), key=str.casefold)]


def _scales() -> list[dict[str, Any]]:
    return [{"id": s["name"], "min": s["min"], "max": s["max"], "step": s["step"], "description": s["description"]}
            for s in vocab.rating_scales()]


def _rating_sources() -> list[dict[str, Any]]:
    return [{"id": slug, "label": s["label"], "min": s["min"], "max": s["max"], "decimals": s["decimals"]}
            for slug, s in vocab.external_rating_sources().items()]


def _countries() -> list[dict[str, Any]]:
    return [{"id": code, "name": name} for code, name in vocab.countries().items()]


def _languages() -> list[dict[str, Any]]:
    return [{"id": code, "name": name} for code, name in vocab.languages().items()]


VOCABULARIES: dict[str, tuple[str, Callable[[], list[dict[str, Any]]]]] = {
    "content-warnings": ("content_warnings items", _content_warnings),
    "ending-types": ("ending.type", _ending_types),
    "verdicts": ("review.recommendation.verdict", _verdicts),
    "spoiler-levels": ("spoilers", _spoiler_levels),
    "genres": ("film.genres (known names; others are allowed)", _genres),
    "scales": ("rating min/max/step", _scales),
    "rating-sources": ("external_ratings[].source", _rating_sources),
    "countries": ("film.countries", _countries),
    "languages": ("film.original_language (ISO 639-1)", _languages),
}


class VocabularyName(click.Choice):  # type: ignore[type-arg]
    """A vocabulary's name; a typo gets a did-you-mean instead of the whole list."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value not in self.choices:
            from reviewlint.rules import suggest

            names = [str(choice) for choice in self.choices]
            self.fail(f"unknown vocabulary {value!r}{suggest(str(value), names)} (one of: {', '.join(names)})",
                      param, ctx)
        return value


def text_line(item: dict[str, Any]) -> str:
    if "step" in item:
        detail = f"{_show(item['min'])}-{_show(item['max'])} step {_show(item['step'])}  {item['description']}"
    elif "decimals" in item:
        scale = "" if item["min"] is None else f"  {_show(item['min'])}-{_show(item['max'])}"
        detail = f"{item['label']}{scale}"
    elif "synonyms" in item:
        detail = item["label"] + (f" (also: {', '.join(item['synonyms'])})" if item["synonyms"] else "")
    else:
        detail = item.get("description") or item.get("name") or ""
    return f"{item['id']:<20} {detail}".rstrip()


@click.command("vocab")
@click.argument("name", metavar="NAME", type=VocabularyName(list(VOCABULARIES)))
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the vocabulary.")
def vocab_command(name: str, output_format: str) -> None:
    """List a controlled vocabulary: the values a field accepts.

    NAME is one of: content-warnings, ending-types, verdicts, spoiler-levels, genres,
    scales, rating-sources, countries, languages.
    """
    _field, load = VOCABULARIES[name]
    items = load()
    if output_format == "json":
        json.dump(items, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for item in items:
        click.echo(text_line(item))
