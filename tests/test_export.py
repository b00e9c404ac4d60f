"""`reviewlint export`: schema.org JSON-LD and Markdown.

The JSON-LD is checked against the review-snippet properties film-review-domain.md
(section 1) lists from Google's guidelines: required author, itemReviewed (a Movie with a
name), reviewRating.ratingValue; recommended datePublished, bestRating, worstRating. And
nothing that spoils the film, nor a third-party rating, may appear in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, invoke, valid_review_text
from reviewlint.document import load_text
from reviewlint.export.jsonld import iso_duration, missing_properties, to_jsonld
from reviewlint.export.markdown import to_markdown

FULL_REVIEW = """\
schema_version: "1.0"
film:
  title: The Lighthouse Keeper
  original_title: O Faroleiro
  year: 2011
  runtime_minutes: 92
  genres: [Drama, Mystery]
  countries: [PT, BR]
  original_language: pt
  directors: [Marta Ribeiro]
  writers: [Marta Ribeiro, João Vidal]
  cast:
    - Rui Santos
    - name: Ana Brito
      character: The Keeper's Daughter
  ids:
    imdb: tt1234567
    tmdb: 4242
  certification:
    system: CNCE
    value: M/12
external_ratings:
  - source: imdb
    value: 6.3
    max: 10
rating:
  value: 7
  min: 1
  max: 10
  step: 1
review:
  headline: "The Lighthouse Keeper: a lamp against the dark"
  tagline: A lamp against the dark
  logline: A keeper refuses to leave his lighthouse when the town votes to automate it.
  synopsis:
    text: SYNOPSIS-SECRET the keeper's brother returns.
    spoiler: true
  body:
    - Quiet, patient and <em>beautifully</em> shot.
    - The last act turns on a letter >!INLINE-SECRET from the brother!< and earns it.
  memorable_scene:
    text: SCENE-SECRET the lamp goes out.
    spoiler: true
  memorable_dialogue:
    - quote: DIALOGUE-SECRET You kept it burning.
      speaker: Ana
      spoiler: true
    - quote: The sea does not vote.
      speaker: Rui
  recommendation:
    verdict: worth-watching
    text: Worth the trip
content_warnings:
  - death-grief
  - id: flashing-lights
    severity: mild
ending:
  type: cliffhanger
  spoiler: true
  description: ENDING-SECRET the boat never arrives.
spoilers: minor
author:
  name: Ines Lago
  url: https://example.org/ines
language: en
published: "2024-03-09"
updated: "2024-04-01"
source:
  format: blog-html
  url: https://example.org/reviews/lighthouse-keeper
"""
SECRETS = ("SYNOPSIS-SECRET", "INLINE-SECRET", "SCENE-SECRET", "DIALOGUE-SECRET", "ENDING-SECRET", "cliffhanger",
           "6.3", "imdb\"", "external")

EXPECTED_JSONLD: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "Review",
    "name": "The Lighthouse Keeper: a lamp against the dark",
    "headline": "The Lighthouse Keeper: a lamp against the dark",
    "alternativeHeadline": "A lamp against the dark",
    "reviewBody": "Quiet, patient and <em>beautifully</em> shot.\n\n"
                  "The last act turns on a letter [spoiler removed] and earns it.",
    "reviewRating": {"@type": "Rating", "ratingValue": 7, "worstRating": 1, "bestRating": 10,
                     "ratingExplanation": "Worth the trip"},
    "author": {"@type": "Person", "name": "Ines Lago", "url": "https://example.org/ines"},
    "datePublished": "2024-03-09",
    "dateModified": "2024-04-01",
    "inLanguage": "en",
    "url": "https://example.org/reviews/lighthouse-keeper",
    "itemReviewed": {
        "@type": "Movie",
        "name": "The Lighthouse Keeper",
        "alternateName": "O Faroleiro",
        "datePublished": "2011",
        "duration": "PT1H32M",
        "genre": ["Drama", "Mystery"],
        "countryOfOrigin": [{"@type": "Country", "name": "Portugal", "identifier": "PT"},
                            {"@type": "Country", "name": "Brazil", "identifier": "BR"}],
        "director": [{"@type": "Person", "name": "Marta Ribeiro"}],
        "creator": [{"@type": "Person", "name": "Marta Ribeiro"}, {"@type": "Person", "name": "João Vidal"}],
        "actor": [{"@type": "Person", "name": "Rui Santos"}, {"@type": "Person", "name": "Ana Brito"}],
        "sameAs": ["https://www.imdb.com/title/tt1234567/", "https://www.themoviedb.org/movie/4242"],
        "contentRating": "CNCE M/12",
        "abstract": "A keeper refuses to leave his lighthouse when the town votes to automate it.",
        "accessibilityHazard": ["flashing"],
    },
}

# Google's review snippet for a Movie, as a schema: the required properties are required,
# the recommended ones too (reviewlint always emits them when the review has them).
PERSON = {"type": "object", "required": ["@type", "name"],
          "properties": {"@type": {"enum": ["Person", "Organization"]},
                         "name": {"type": "string", "minLength": 1, "maxLength": 99}}}
REVIEW_SNIPPET = {
    "type": "object",
    "required": ["@context", "@type", "author", "itemReviewed", "reviewRating", "datePublished"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "Review"},
        "author": PERSON,
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "name"],
            "properties": {
                "@type": {"const": "Movie"},
                "name": {"type": "string", "minLength": 1},
                "duration": {"type": "string", "pattern": r"^PT(\d+H)?(\d+M)?$"},
                "director": {"type": "array", "items": PERSON},
                "actor": {"type": "array", "items": PERSON},
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "ratingValue", "bestRating", "worstRating"],
            "properties": {"@type": {"const": "Rating"}, "ratingValue": {"type": "number"},
                           "bestRating": {"type": "number"}, "worstRating": {"type": "number"}},
        },
    },
    "not": {"anyOf": [{"required": ["aggregateRating"]}, {"required": ["externalRatings"]}]},
}


def jsonld_of(text: str) -> dict[str, Any]:
    document = load_text(text)
    assert document.loaded
    return to_jsonld(document.data)


def assert_review_snippet(value: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(REVIEW_SNIPPET).validate(value)
    assert missing_properties(value) == ([], [])
    best, worst = value["reviewRating"]["bestRating"], value["reviewRating"]["worstRating"]
    assert worst <= value["reviewRating"]["ratingValue"] <= best


def test_full_review_maps_exactly() -> None:
    assert jsonld_of(FULL_REVIEW) == EXPECTED_JSONLD


def test_full_review_is_a_valid_review_snippet() -> None:
    assert_review_snippet(jsonld_of(FULL_REVIEW))


def test_snippet_schema_catches_a_missing_rating() -> None:
    """The structural check above must be able to fail."""
    value = jsonld_of(valid_review_text().replace("rating:\n  value: 8\n  min: 1\n  max: 10\n  step: 1\n", ""))
    assert "reviewRating" not in value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(REVIEW_SNIPPET).validate(value)
    assert missing_properties(value) == (["reviewRating", "reviewRating.ratingValue"],
                                         ["reviewRating.bestRating", "reviewRating.worstRating"])


def test_no_spoiler_and_no_third_party_rating_is_exported() -> None:
    exported = json.dumps(jsonld_of(FULL_REVIEW))
    for secret in SECRETS:
        assert secret not in exported


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_exports_a_valid_review_snippet(example: str) -> None:
    value = jsonld_of((EXAMPLES / example).read_text(encoding="utf-8"))
    assert_review_snippet(value)
    assert value["itemReviewed"]["name"]


def test_rating_scale_defaults_to_one_when_min_is_omitted() -> None:
    value = jsonld_of(valid_review_text().replace("  min: 1\n", ""))
    assert value["reviewRating"] == {"@type": "Rating", "ratingValue": 8, "worstRating": 1, "bestRating": 10}


def test_unclosed_inline_spoiler_hides_the_rest_of_the_paragraph() -> None:
    data = {"review": {"body": ["It ends well. >!The dog lives, and the", "Next paragraph."]}}
    assert to_jsonld(data)["reviewBody"] == "It ends well. [spoiler removed]\n\nNext paragraph."


@pytest.mark.parametrize(("minutes", "duration"), [(92, "PT1H32M"), (45, "PT45M"), (120, "PT2H"), (60, "PT1H"),
                                                   (1, "PT1M"), (1000, "PT16H40M")])
def test_iso_duration(minutes: int, duration: str) -> None:
    assert iso_duration(minutes) == duration


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.text(max_size=40), secret=st.text(min_size=1, max_size=40).filter(lambda s: "!<" not in s),
       after=st.text(max_size=40))
def test_inline_spoilers_never_leak(before: str, secret: str, after: str) -> None:
    marked = "SECRET" + secret + "SECRET"
    data = {"schema_version": "1.0", "film": {"title": "T", "year": 2000},
            "review": {"body": [before + ">!" + marked + "!<" + after]}, "content_warnings": [],
            "author": {"name": "A"}}
    value = to_jsonld(data)
    assert marked not in value["reviewBody"]
    assert "[spoiler removed]" in value["reviewBody"]
    assert json.loads(json.dumps(value)) == value
    assert marked not in to_markdown(data).split("<details>")[0]


# --- Markdown -----------------------------------------------------------------------------

EXPECTED_MARKDOWN = """\
# The Lighthouse Keeper: a lamp against the dark

*A lamp against the dark*

**The Lighthouse Keeper** (O Faroleiro, 2011) · directed by Marta Ribeiro · 1h 32m · Drama, Mystery · PT, BR\\
Written by Marta Ribeiro, João Vidal\\
Starring Rui Santos, Ana Brito (The Keeper's Daughter)

**Rating:** 7 / 10 (scale 1–10)\\
**Verdict:** worth-watching — Worth the trip\\
**Spoilers:** minor (hidden below until you open them)\\
**Elsewhere:** IMDb 6.3/10\\
**By** [Ines Lago](https://example.org/ines), published 2024-03-09, updated 2024-04-01

> A keeper refuses to leave his lighthouse when the town votes to automate it.

## Content warnings

death-grief, flashing-lights (mild)

## Synopsis

<details>
<summary>Synopsis (spoilers)</summary>

SYNOPSIS-SECRET the keeper's brother returns.

</details>

## Review

Quiet, patient and &lt;em&gt;beautifully&lt;/em&gt; shot.

The last act turns on a letter [spoiler] and earns it.

<details>
<summary>Show this paragraph with its spoilers</summary>

The last act turns on a letter INLINE-SECRET from the brother and earns it.

</details>

## Memorable scene

<details>
<summary>Memorable scene (spoilers)</summary>

SCENE-SECRET the lamp goes out.

</details>

## Memorable dialogue

> “The sea does not vote.” — Rui

<details>
<summary>Lines that give away the plot</summary>

> “DIALOGUE-SECRET You kept it burning.” — Ana

</details>

## Ending

<details>
<summary>How it ends (spoilers)</summary>

**Ending:** cliffhanger

ENDING-SECRET the boat never arrives.

</details>
"""


def test_markdown_page_exactly() -> None:
    document = load_text(FULL_REVIEW)
    assert to_markdown(document.data) == EXPECTED_MARKDOWN


def test_markdown_keeps_every_spoiler_inside_details() -> None:
    page = to_markdown(load_text(FULL_REVIEW).data)
    outside = "".join(part.split("</details>")[-1] for part in page.split("<details>"))
    for secret in SECRETS[:6]:
        assert secret not in outside
        assert secret in page


def test_markdown_shows_a_section_not_marked_as_spoiler() -> None:
    text = FULL_REVIEW.replace("    text: SYNOPSIS-SECRET the keeper's brother returns.\n    spoiler: true\n",
                               "    text: A keeper and a storm.\n    spoiler: false\n")
    page = to_markdown(load_text(text).data)
    assert "## Synopsis\n\nA keeper and a storm.\n\n## Review" in page


# --- the command --------------------------------------------------------------------------

def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(*args: str) -> Any:
    return invoke("export", *args)


def test_one_file_prints_an_array_of_one(tmp_path: Path) -> None:
    # One shape whatever the number of reviews: a script never has to test for it.
    outcome = run(write(tmp_path, "full.yaml", FULL_REVIEW))
    assert outcome.exit_code == 0, outcome.output
    assert json.loads(outcome.stdout) == [EXPECTED_JSONLD]
    assert outcome.stderr == ""


def test_several_files_print_an_array_in_order(tmp_path: Path) -> None:
    first = write(tmp_path, "b.yaml", FULL_REVIEW)
    second = write(tmp_path, "a.yaml", valid_review_text())
    outcome = run(first, second)
    assert outcome.exit_code == 0, outcome.output
    names = [item["itemReviewed"]["name"] for item in json.loads(outcome.stdout)]
    assert names == ["The Lighthouse Keeper", "Quiet Harbour"]


def test_output_file_and_output_dir(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    write(source, "full.yaml", FULL_REVIEW)
    write(source, "quiet.yaml", valid_review_text())
    bundle = tmp_path / "all.jsonld"
    outcome = run("-o", str(bundle), str(source))
    assert (outcome.exit_code, outcome.stdout) == (0, "")
    assert len(json.loads(bundle.read_text(encoding="utf-8"))) == 2

    pages = tmp_path / "pages"
    outcome = run("--format", "markdown", "--output-dir", str(pages), str(source))
    assert outcome.exit_code == 0, outcome.output
    assert sorted(p.name for p in pages.iterdir()) == ["full.md", "quiet.md"]
    assert (pages / "full.md").read_text(encoding="utf-8") == EXPECTED_MARKDOWN


def test_output_dir_refuses_two_inputs_with_one_name(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    one = write(tmp_path / "x", "same.yaml", FULL_REVIEW)
    two = write(tmp_path / "y", "same.yaml", FULL_REVIEW)
    outcome = run("--output-dir", str(tmp_path / "out"), one, two)
    assert outcome.exit_code == 2
    assert "would both be written to" in outcome.stderr
    assert not (tmp_path / "out").exists()


def test_invalid_file_is_skipped_with_its_errors(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", valid_review_text().replace("  year: 2011\n", "  year: twenty\n"))
    good = write(tmp_path, "good.yaml", valid_review_text())
    outcome = run(bad, good)
    assert outcome.exit_code == 1
    assert json.loads(outcome.stdout)[0]["itemReviewed"]["name"] == "Quiet Harbour"
    assert outcome.stderr == (f"reviewlint: error: {bad}:4:9: RL103 `year` must be an integer, got 'twenty'\n"
                              f"reviewlint: error: {bad}: not exported (fix the errors above first)\n")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    outcome = run(str(tmp_path / "nope.yaml"))
    assert outcome.exit_code == 2
    assert outcome.stderr == f"reviewlint: error: {tmp_path / 'nope.yaml'}: no such file or directory\n"


def test_review_without_rating_or_date_warns_about_the_snippet(tmp_path: Path) -> None:
    text = valid_review_text().replace("rating:\n  value: 8\n  min: 1\n  max: 10\n  step: 1\n", "")
    path = write(tmp_path, "r.yaml", text.replace('published: "2024-03-09"\n', ""))
    outcome = run(path)
    assert outcome.exit_code == 0
    assert outcome.stderr == (
        f"reviewlint: warning: {path}: the JSON-LD has no reviewRating, reviewRating.ratingValue, which Google "
        "requires for a review snippet\n"
        f"reviewlint: warning: {path}: the JSON-LD has no datePublished, reviewRating.bestRating, "
        "reviewRating.worstRating, which Google recommends for a review snippet\n")


def test_script_end_tag_cannot_break_out_of_a_script_element(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", valid_review_text().replace(
        "    - A patient film", "    - </script><script>alert(1)</script> A patient film"))
    outcome = run(path)
    assert outcome.exit_code == 0, outcome.output
    assert "</script" not in outcome.stdout
    assert json.loads(outcome.stdout)[0]["reviewBody"].startswith("</script><script>alert(1)</script> A patient")


def test_countries_are_named_from_cldr_and_korea_is_told_apart() -> None:
    pytest.importorskip("language_data", reason="CLDR names come with language-data (langcodes[data])")
    from reviewlint.export.jsonld import country

    assert country("KR") == {"@type": "Country", "name": "South Korea", "identifier": "KR"}
    assert country("KP") == {"@type": "Country", "name": "North Korea", "identifier": "KP"}


def test_author_may_be_an_organization() -> None:
    from reviewlint.export.jsonld import author

    assert author({"name": "Harbour Film Quarterly", "type": "organization", "url": "https://example.org"}) == {
        "@type": "Organization", "name": "Harbour Film Quarterly", "url": "https://example.org"}
    assert author({"name": "Ines Lago"}) == {"@type": "Person", "name": "Ines Lago"}


def test_without_cldr_data_a_country_keeps_its_iso_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import langcodes

    from reviewlint.export.jsonld import country

    def no_data(*args: object) -> str:
        raise ImportError("language_data")

    monkeypatch.setattr(langcodes.Language, "territory_name", no_data)
    assert country("KR") == {"@type": "Country", "name": "Korea, Republic of", "identifier": "KR"}
