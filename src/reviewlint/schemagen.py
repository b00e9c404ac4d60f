"""Build the canonical film-review JSON Schema from the vocabularies.

`python -m reviewlint.schemagen OUT.json` writes the schema for the current version
(`--version 1.0 OUT.json` an older one). Published files under `schema/film-review/` are
immutable: a test proves every version's file equals this module's output for that
version, and pins their hashes. A MINOR version only adds optional keys or relaxes a
constraint; `_since(version, "1.1")` marks each such addition where it is made.

Only keywords that mean the same in draft-07 and 2020-12 are used (editors' YAML
language server reads draft-07). `description` never sits beside a `$ref` (draft-07
ignores `$ref` siblings); where a referenced definition needs its own description it
is wrapped in `allOf`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from reviewlint import vocab

CURRENT_VERSION = "1.1"
VERSIONS = ("1.0", "1.1")
ID_BASE = "https://reviewlint.dev/schema/film-review/"

Schema = dict[str, Any]

# Schema 1.0 is published and frozen: these are the source formats it names. Formats added
# to the vocabulary since then appear from the version that added them on.
SOURCE_FORMATS_1_0 = ("blog-text", "blog-markdown", "blog-html", "letterboxd-csv", "reviewlint-yaml", "manual")

# Schema 1.0 is published with the example values it shipped with (taken from a real post);
# its bytes never change, so they stay here for it alone. Later versions show an invented review.
EXAMPLES_1_0: dict[str, Any] = {
    "title": "Ballerina", "original_title": "발레리나", "year": 2023,
    "genres": ["One-Person Army Action", "Action", "Thriller"], "directors": ["Lee Chung-hyun"],
    "cast": ["Jeon Jong-seo", {"name": "Kim Ji-hoon", "character": "Choi Pro"}],
    "headline": "Film Review: Ballerina (2023) – When Loss Leads to Revenge", "tagline": "When Loss Leads to Revenge",
    "recommendation": "Worth to Watch", "author": "Aluna",
}
EXAMPLES: dict[str, Any] = {
    "title": "Harbour Lights", "original_title": "항구의 불빛", "year": 2004,
    "genres": ["Slow-Burn Mystery", "Mystery", "Drama"], "directors": ["Han Do-yun"],
    "cast": ["Seo Min-ji", {"name": "Kang Tae-woo", "character": "Jang Boss"}],
    "headline": "Film Review: Harbour Lights (2004) – When the Lamp Goes Out", "tagline": "When the Lamp Goes Out",
    "recommendation": "Worth the Trip", "author": "Ines Lago",
}


def _since(version: str, first: str) -> bool:
    """True when `version` has what was added in `first`."""
    return tuple(map(int, version.split("."))) >= tuple(map(int, first.split(".")))


def _string(description: str, **extra: Any) -> Schema:
    return {"type": "string", "description": description, **extra}


def _ref(name: str, description: str) -> Schema:
    return {"description": description, "allOf": [{"$ref": f"#/$defs/{name}"}]}


def _object(description: str, properties: dict[str, Schema], required: list[str] | None = None,
            extensions: bool = False, **extra: Any) -> Schema:
    schema: Schema = {"type": "object", "description": description}
    if required:
        schema["required"] = required
    schema["properties"] = properties
    if extensions:
        schema["patternProperties"] = {
            "^x-": {"description": "Extension field: anything a collection needs that the schema does not model."}
        }
    schema["additionalProperties"] = False
    schema.update(extra)
    return schema


def _string_list(description: str, item: Schema, **extra: Any) -> Schema:
    return {"type": "array", "description": description, "items": item, **extra}


def _prose_section(description: str, spoiler_default: bool) -> Schema:
    return _object(
        description,
        {
            "text": _string("The section's text. Paragraphs are separated by a blank line.", minLength=1),
            "spoiler": {
                "type": "boolean",
                "description": "True when the section reveals plot details a reader may not want to know.",
                "default": spoiler_default,
            },
        },
        required=["text"],
    )


def _defs() -> Schema:
    warnings = vocab.content_warnings()
    return {
        "contentWarningSlug": {
            "type": "string",
            "description": "A content-warning slug from the reviewlint vocabulary.",
            "enum": list(warnings),
        },
        "date": {
            "type": "string",
            "description": "A calendar date, ISO 8601 (YYYY-MM-DD).",
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "examples": ["2024-05-17"],
        },
        "personName": {
            "type": "string",
            "description": "A person's name as credited.",
            "minLength": 1,
            "maxLength": 200,
        },
    }


def _rating(version: str) -> Schema:
    scales = vocab.rating_scales()
    unknown_scale = _since(version, "1.1")
    description = ("The reviewer's own rating: a value on a declared scale. The rating rules check the value lies "
                   "on the scale and on its step; JSON Schema alone cannot compare two fields.")
    max_description = "The scale's highest value."
    if unknown_scale:
        description += (" When the source states no scale (\"Grade: 6\", \"3 cats\"), `max` is left out and "
                        "`original` keeps the rating as written: a scale is never guessed.")
        max_description += " Required unless `original` keeps a rating whose scale the source does not state."
    rating = _object(
        description,
        {
            "value": {"type": "number", "description": "The rating given.", "examples": [7, 3.5]},
            "min": {"type": "number", "description": "The scale's lowest value.", "default": 1},
            "max": {"type": "number", "description": max_description, "examples": [10, 5]},
            "step": {"type": "number", "description": "The smallest increment of the scale.", "exclusiveMinimum": 0,
                     "default": 1},
            "original": _string("The rating as the reviewer wrote it, when it was not a number (\"B+\", \"★★★½\").",
                                minLength=1),
        },
        required=["value"] if unknown_scale else ["value", "max"],
        examples=[{"value": 7, "min": 1, "max": 10, "step": 1}, {"value": 3, "original": "3 cats"}]
        if unknown_scale else [{"value": 7, "min": 1, "max": 10, "step": 1}],
    )
    if unknown_scale:
        # draft-07 has if/then too: without `original`, the scale must be stated.
        rating["if"] = {"not": {"required": ["original"]}}
        rating["then"] = {"required": ["max"]}
    rating["$comment"] = "Supported scales: " + "; ".join(
        f"{s['name']} {s['min']}-{s['max']} step {s['step']}" for s in scales)
    return rating


def _source(version: str) -> Schema:
    formats = list(vocab.source_formats())
    if not _since(version, "1.1"):
        formats = [name for name in formats if name in SOURCE_FORMATS_1_0]
    properties: dict[str, Schema] = {
        "format": _string("The original format.", enum=formats),
        "file": _string("The original file's name.", minLength=1),
        "url": _string("The original post's address.", pattern=r"^https?://"),
        "title_line": _string("The original title line, verbatim.", minLength=1),
        "migrated_by": _string("The tool and version that converted it.", minLength=1,
                               examples=["reviewlint 0.1.0"]),
        "dropped": _string_list("Lines dropped as known boilerplate (blog widgets, comment counters).",
                                {"type": "string"}),
    }
    if _since(version, "1.1"):
        properties["id"] = _string("The post's own identifier in its source (a WordPress post id, an Atom entry "
                                   "id, a Letterboxd URI).", minLength=1, examples=["tag:blogger.com,1999:post-42"])
        properties["part"] = _string("Which part of the source this review is, when one source holds several "
                                     "(a row of a CSV, a post of an export, a film of a double feature).",
                                     minLength=1, examples=["row 3", "post 12"])
    return _object("Where this document came from, when it was converted from another format.", properties,
                   required=["format"])


def build_schema(version: str = CURRENT_VERSION) -> Schema:
    """The schema for `version` (default CURRENT_VERSION), as a plain dict ready to be dumped as JSON."""
    if version not in VERSIONS:
        raise ValueError(f"no schema version {version!r} (known: {', '.join(VERSIONS)})")
    example = EXAMPLES if _since(version, "1.1") else EXAMPLES_1_0
    film = _object(
        "The film under review.",
        {
            "title": _string("The film's title as the review uses it.", minLength=1, maxLength=300,
                             pattern=r"^[^\n]*$", examples=[example["title"]]),
            "original_title": _string("The title in the film's original language, if it differs.",
                                      minLength=1, maxLength=300, pattern=r"^[^\n]*$",
                                      examples=[example["original_title"]]),
            "year": {"type": "integer", "description": "Year of first release.", "minimum": 1888,
                     "maximum": 2100, "examples": [example["year"]]},
            "runtime_minutes": {"type": "integer", "description": "Running time in whole minutes (\"1h 32m\" is 92).",
                                "minimum": 1, "maximum": 1000, "examples": [92]},
            "genres": _string_list(
                "Genres and sub-genres, most specific first. Free text; the unknown-genre rule compares them "
                "with the IMDb, TMDB and IMDb-interest lists.",
                {"type": "string", "minLength": 1, "maxLength": 100},
                uniqueItems=True, examples=[example["genres"]]),
            "countries": _string_list(
                "Countries of origin as ISO 3166-1 alpha-2 codes.",
                {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code."},
                uniqueItems=True, examples=[["KR"]]),
            "original_language": _string("The film's original language, ISO 639-1 (or ISO 639-3 where no two-letter "
                                         "code exists).", pattern="^[a-z]{2,3}$", examples=["ko"]),
            "directors": _string_list("Directors, as credited.", {"$ref": "#/$defs/personName"},
                                      examples=[example["directors"]]),
            "writers": _string_list("Writers, as credited.", {"$ref": "#/$defs/personName"}),
            "cast": _string_list(
                "Cast in billing order: a name, or a name with the character played.",
                {"oneOf": [
                    {"$ref": "#/$defs/personName"},
                    _object("A cast member with the character they play.", {
                        "name": _ref("personName", "The actor's name."),
                        "character": _string("The character's name.", minLength=1, maxLength=200),
                    }, required=["name"]),
                ]},
                examples=[example["cast"]]),
            "ids": _object("Identifiers of the film in public databases.", {
                "imdb": _string("IMDb title id: tt followed by 7 or more digits.", pattern=r"^tt\d{7,}$",
                                examples=["tt21097732"]),
                "tmdb": {"type": "integer", "description": "TMDB movie id.", "minimum": 1},
                "letterboxd": _string("Letterboxd film URL or boxd.it short link.", pattern=r"^https://",
                                      examples=["https://boxd.it/abc1"]),
            }),
            "certification": _object("An official age certificate (not a content warning).", {
                "system": _string("Who issued it: MPA, BBFC, KMRB, IMDA...", minLength=1, examples=["MPA"]),
                "value": _string("The certificate as issued.", minLength=1, examples=["R", "M18"]),
            }, required=["value"]),
        },
        required=["title", "year"],
        extensions=True,
    )
    external_ratings = _string_list(
        "Ratings from other sources (IMDb, Metacritic...). Kept for the reader; never exported as the review's "
        "own rating.",
        _object("One third-party rating.", {
            "source": _string("Where the rating comes from.", enum=list(vocab.external_rating_sources())),
            "value": {"type": "number", "description": "The rating as published by the source."},
            "min": {"type": "number", "description": "The source scale's lowest value, when not the source's default."},
            "max": {"type": "number", "description": "The source scale's highest value.", "examples": [10]},
            "votes": {"type": "integer", "description": "Number of votes behind an average, if known.", "minimum": 0},
            "as_of": _ref("date", "When the value was read; third-party ratings change over time."),
        }, required=["source", "value"]),
    )
    rating = _rating(version)
    dialogue = _object("A line of dialogue the reviewer remembers.", {
        "quote": _string("The line, without surrounding quotation marks.", minLength=1),
        "speaker": _string("Who says it (character or actor).", minLength=1),
        "spoiler": {"type": "boolean", "description": "True when the line gives away a plot point.", "default": False},
    }, required=["quote"])
    verdicts = vocab.verdicts()
    review = _object(
        "The review itself: the reviewer's prose, section by section.",
        {
            "headline": _string("The post's headline as published.", minLength=1, maxLength=300,
                                examples=[example["headline"]]),
            "tagline": _string("The review's tagline or subtitle.", minLength=1, maxLength=200,
                               examples=[example["tagline"]]),
            "logline": _string("A one-paragraph summary of the premise.", minLength=1),
            "synopsis": _prose_section("Plot summary.", spoiler_default=False),
            "body": _string_list(
                "The review's paragraphs, in order. Inline spoilers may be marked >!like this!<.",
                {"type": "string", "minLength": 1}, minItems=1),
            "memorable_scene": _prose_section("A scene the reviewer singles out.", spoiler_default=False),
            "memorable_dialogue": _string_list("Lines of dialogue the reviewer singles out.", dialogue),
            "recommendation": _object("The reviewer's bottom line.", {
                "verdict": _string("The recommendation, from a fixed scale: " + ", ".join(verdicts) + ".",
                                   enum=list(verdicts)),
                "text": _string("The recommendation as the reviewer worded it.", minLength=1,
                                examples=[example["recommendation"]]),
            }, required=["verdict"]),
        },
        required=["body"],
        extensions=True,
    )
    warning_object = _object("A content warning with its severity and a note.", {
        "id": _ref("contentWarningSlug", "The warning's slug."),
        "severity": _string("How strong the content is.", enum=["none", "mild", "moderate", "severe"]),
        "note": _string("Free-text detail.", minLength=1),
    }, required=["id"])
    ending = _object("How the film ends. Even the type is an emotional spoiler, so renderers hide it by default.", {
        "type": _string("The kind of ending: " + ", ".join(vocab.ending_types()) + ".",
                        enum=list(vocab.ending_types())),
        "twist": {"type": "boolean", "description": "The ending also carries a twist (for combinations such as a "
                  "happy ending with a twist).", "default": False},
        "spoiler": {"type": "boolean", "description": "Whether the ending is marked as a spoiler. Defaults to true.",
                    "default": True},
        "description": _string("What happens at the end. Always a spoiler.", minLength=1),
    }, required=["type"])
    source = _source(version)
    properties: dict[str, Schema] = {
        "schema_version": _string(
            "The version of this schema the document follows, MAJOR.MINOR. A newer MINOR only adds optional "
            "fields; a new MAJOR needs `reviewlint migrate`.",
            pattern=r"^1\.[0-9]+$", examples=[version]),
        "film": film,
        "rating": rating,
        "external_ratings": external_ratings,
        "review": review,
        "content_warnings": _string_list(
            "Content warnings from the vocabulary. Required: an empty list means \"checked, none\".",
            {"oneOf": [{"$ref": "#/$defs/contentWarningSlug"}, warning_object]},
            examples=[["violence", {"id": "profanity", "severity": "moderate"}], []]),
        "content_warnings_source": _string("The original warning sentence, verbatim, when the list was derived "
                                           "from free text.", minLength=1),
        "ending": ending,
        "spoilers": _string("How much the review as a whole gives away: " + ", ".join(vocab.spoiler_levels()) + ".",
                            enum=list(vocab.spoiler_levels())),
        "author": _object("Who wrote the review.", {
            "name": _string("The author's name or pen name.", minLength=1, maxLength=100, examples=[example["author"]]),
            "url": _string("The author's page.", pattern=r"^https?://"),
        }, required=["name"]),
        "language": _string("The review's language as a BCP 47 tag.", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
                            examples=["en", "en-GB", "id"]),
        "published": _ref("date", "When the review was first published."),
        "updated": _ref("date", "When the review was last revised."),
        "watched": _object("When the reviewer watched the film.", {
            "date": _ref("date", "The viewing date."),
            "rewatch": {"type": "boolean", "description": "True for a repeat viewing."},
        }),
        "tags": _string_list("Free-form tags.", {"type": "string", "minLength": 1}, uniqueItems=True),
        "notes": _string_list("Text kept verbatim from a converted source that has no other home.",
                              {"type": "string"}),
        "source": source,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{ID_BASE}{version}.json",
        "title": "Film review",
        "description": f"A film review as data, reviewlint schema version {version}.",
        "type": "object",
        "required": ["schema_version", "film", "review", "content_warnings", "author"],
        "properties": properties,
        "patternProperties": {"^x-": {"description": "Extension field, ignored by reviewlint."}},
        "additionalProperties": False,
        "$defs": _defs(),
    }


def render(schema: Schema) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    version = CURRENT_VERSION
    if args[:1] == ["--version"] and len(args) >= 2:
        version, args = args[1], args[2:]
    text = render(build_schema(version))
    if args:
        with open(args[0], "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
