"""Blog posts in the styles real blogs use: the legacy examples and each variation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewlint.migrate import Fate, Level, MigrateOptions, MigrationResult, Status, migrate_file, migrate_text

LEGACY = Path(__file__).parents[1] / "examples" / "legacy"


def convert(text: str, name: str = "post.txt", options: MigrateOptions | None = None) -> MigrationResult:
    results = migrate_text(text, filename=name, options=options)
    assert len(results) == 1
    result = results[0]
    assert result.accounting.unaccounted() == []
    return result


def data_of(text: str, name: str = "post.txt") -> dict[str, Any]:
    result = convert(text, name)
    assert result.data is not None
    return result.data


def messages(result: MigrationResult, level: Level = Level.WARNING) -> list[str]:
    return [issue.describe() for issue in result.issues if issue.level is level]


# --- the examples in examples/legacy ---------------------------------------------------------

def test_example_in_the_seed_format() -> None:
    result = migrate_file(LEGACY / "spirited-away.txt")[0]
    assert result.status is Status.CONVERTED
    assert result.issues == []
    data = result.data
    assert data is not None
    assert data["film"] == {
        "title": "Spirited Away", "year": 2001, "runtime_minutes": 125, "genres": ["Animation", "Adventure", "Fantasy"],
        "countries": ["JP"], "directors": ["Hayao Miyazaki"], "writers": ["Hayao Miyazaki"],
        "cast": ["Rumi Hiiragi", "Miyu Irino", "Mari Natsuki"]}
    assert data["rating"] == {"value": 9, "min": 1, "max": 10, "step": 1}
    assert data["external_ratings"] == [{"source": "imdb", "value": 8.6, "max": 10}]
    assert data["review"]["tagline"] == "A Bathhouse at the Edge of Growing Up"
    assert data["review"]["logline"].startswith("A sulky ten-year-old wanders into a world of spirits")
    assert len(data["review"]["body"]) == 3
    assert data["review"]["memorable_dialogue"] == [{"quote": "Once you've met someone you never really forget them."}]
    assert data["content_warnings"] == ["frightening", "death-grief", "alcohol"]
    assert data["ending"] == {"type": "bittersweet", "spoiler": True}
    assert data["review"]["recommendation"] == {"verdict": "must-watch", "text": "Must Watch"}
    assert data["author"] == {"name": "Noor Hadi"}
    assert data["source"]["dropped"] == ["Post a Comment", "2 Comments"]


def test_example_plain_text_with_crlf_and_loose_labels() -> None:
    result = migrate_file(LEGACY / "whiplash.txt")[0]
    data = result.data
    assert data is not None
    assert b"\r\n" in (LEGACY / "whiplash.txt").read_bytes()
    assert data["film"] == {
        "title": "WHIPLASH", "year": 2014, "runtime_minutes": 107, "genres": ["Drama", "Music"], "countries": ["US"],
        "original_language": "en", "directors": ["Damien Chazelle"],
        "cast": ["Miles Teller", "J.K. Simmons", "Melissa Benoist"]}
    assert data["rating"] == {"value": 4, "min": 1, "max": 5, "step": 1}
    assert data["review"]["headline"] == "WHIPLASH (2014)"
    assert data["review"]["body"][2] == ("Cinematography:\nSharon Meir lights the rehearsal room in tobacco yellow, "
                                         "and the concert hall at the end in cold black.")
    assert data["content_warnings"] == ["profanity"]
    assert data["content_warnings_source"] == "Verbal abuse, bullying, a car crash, and strong language."
    assert data["ending"] == {"type": "ambiguous", "spoiler": True}
    assert data["review"]["recommendation"] == {"verdict": "worth-watching", "text": "Worth a watch."}
    assert data["author"] == {"name": "Priya Raman"}
    assert data["source"]["dropped"] == ["Loading..."]
    # One note for the list (issue 11), not one per term.
    assert messages(result) == [
        "line 26: content warnings read from this list: profanity; 'Verbal abuse', 'bullying' and 'a car crash' are "
        "not in the vocabulary and stay in content_warnings_source only (see `reviewlint vocab content-warnings`)"]


def test_example_markdown_with_front_matter() -> None:
    result = migrate_file(LEGACY / "arrival.md")[0]
    data = result.data
    assert data is not None
    assert result.format == "blog-markdown"
    assert data["review"]["headline"] == "Arrival (2016) review: learning to read the future"
    assert data["review"]["tagline"] == "learning to read the future"
    assert data["film"]["title"] == "Arrival" and data["film"]["year"] == 2016
    assert data["film"]["writers"] == ["Eric Heisserer"]
    assert data["film"]["certification"] == {"value": "PG-13"}
    # Stars with no empty ones state no maximum: none is guessed (issue 11).
    assert data["rating"] == {"value": 4.5, "original": "★★★★½"}
    assert data["published"] == "2017-01-08"
    assert data["author"] == {"name": "Tomasz Wren"}
    assert data["tags"] == ["sci-fi", "language"]
    assert data["review"]["synopsis"]["text"].endswith("to find out *why* they came, one word at a time.")
    assert data["content_warnings"] == ["profanity", "violence"]
    assert data["ending"] == {"type": "twist", "spoiler": True, "description": (
        "The flashes we took for memories of a lost daughter are memories of a daughter still to come.")}
    assert data["review"]["recommendation"] == {"verdict": "must-watch", "text": "Highly recommended."}
    assert data["notes"] == ["**Composer:** Jóhann Jóhannsson"]
    # `layout` is the site generator's setting, not a fact: dropped and listed.
    # The separator is listed too (issue 11: nothing vanishes unseen).
    assert data["source"]["dropped"] == ["layout: post", "---", "Share this:", "Like this:"]
    assert messages(result) == [
        "line 16: kept under notes: '**Composer:** Jóhann Jóhannsson' (no field for the label 'Composer')"]


def test_example_saved_html_page() -> None:
    result = migrate_file(LEGACY / "grand-budapest.html")[0]
    data = result.data
    assert data is not None
    assert data["film"] == {
        "title": "The Grand Budapest Hotel", "year": 2014, "runtime_minutes": 99, "genres": ["Comedy", "Crime"],
        "countries": ["US", "DE"], "directors": ["Wes Anderson"], "writers": ["Wes Anderson"],
        "cast": ["Ralph Fiennes", "Tony Revolori", "Saoirse Ronan"]}
    assert data["rating"] == {"value": 10, "min": 0, "max": 12, "step": 1, "original": "A-"}
    assert data["review"]["memorable_dialogue"] == [{"quote": (
        "You see, there are still faint glimmers of civilization left in this barbaric slaughterhouse that was "
        "once known as humanity."), "speaker": "M. Gustave"}]
    assert data["review"]["body"][1].endswith("while the world turns ugly around him.")  # HTML whitespace collapsed
    assert data["author"] == {"name": "Ines Albrecht"}
    assert data["published"] == "2014-04-02"
    assert data["source"]["url"] == "https://reelnotes.example.org/2014/04/grand-budapest-hotel.html"
    # Page chrome never reaches the review; where it is dropped it is listed (issue 11 item 5).
    text = str({key: value for key, value in data.items() if key != "source"})
    for chrome in ("Reel Notes", "Popular posts", "dataLayer", "font-family", "Archive", "not text"):
        assert chrome not in text


# --- variations ------------------------------------------------------------------------------

HEADER = "Review: Paper Lanterns (2019)\n\n"


@pytest.mark.parametrize("line", ["Director: Ana Ruiz", "DIRECTOR: Ana Ruiz", "director: Ana Ruiz",
                                  "Directed by Ana Ruiz", "Directed by: Ana Ruiz", "Director(s): Ana Ruiz",
                                  "**Director:** Ana Ruiz", "- Director: Ana Ruiz"])
def test_director_label_variants(line: str) -> None:
    data = data_of(HEADER + line + "\n\nReview:\n\nIt glows.\n")
    assert data["film"]["directors"] == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "Cast: Ana Ruiz, Ben Ode and Cy Lam",
    "Starring: Ana Ruiz, Ben Ode, and Cy Lam",
    "Stars: Ana Ruiz | Ben Ode | Cy Lam",
    "Starring Ana Ruiz & Ben Ode & Cy Lam",
    "Cast:\nAna Ruiz\nBen Ode\nCy Lam",
    "Cast:\n- Ana Ruiz\n- Ben Ode\n- Cy Lam",
])
def test_cast_separators(text: str) -> None:
    data = data_of(HEADER + text + "\n\nReview:\n\nIt glows.\n")
    assert data["film"]["cast"] == ["Ana Ruiz", "Ben Ode", "Cy Lam"]


@pytest.mark.parametrize(("label", "section"), [
    ("Synopsis:", "synopsis"), ("Plot", "synopsis"), ("SUMMARY:", "synopsis"), ("summary", "synopsis"),
    ("Memorable scene:", "memorable_scene"), ("Favourite Scene", "memorable_scene"),
])
def test_section_synonyms(label: str, section: str) -> None:
    data = data_of(HEADER + f"{label}\n\nA lantern floats away.\n\nReview:\n\nIt glows.\n")
    assert data["review"][section] == {"text": "A lantern floats away."}


@pytest.mark.parametrize("label", ["Verdict:", "Overall:", "Final thoughts:", "Recommendation", "VERDICT"])
def test_recommendation_synonyms(label: str) -> None:
    data = data_of(HEADER + f"Review:\n\nIt glows.\n\n{label}\n\nWorth a watch\n")
    assert data["review"]["recommendation"] == {"verdict": "worth-watching", "text": "Worth a watch"}
    assert data["review"]["body"] == ["It glows."]


@pytest.mark.parametrize(("line", "rating"), [
    ("Rating: 7/10", {"value": 7, "min": 1, "max": 10, "step": 1}),
    ("My Rating: 3.5/5", {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}),
    # No scale stated: the value and the wording are kept, no maximum is guessed (issue 11).
    ("My Score: 8.5", {"value": 8.5, "original": "8.5"}),
    ("Score: ★★★½", {"value": 3.5, "original": "★★★½"}),
    ("Rating: ***", {"value": 3, "original": "***"}),
    ("Score: ★★★★☆", {"value": 4, "min": 0.5, "max": 5, "step": 0.5, "original": "★★★★☆"}),
    ("Grade: 6", {"value": 6, "original": "6"}),
    ("Our score: 37.", {"value": 37, "original": "37"}),
    ("Rating: 3 cats", {"value": 3, "original": "3 cats"}),
    ("Rating: 8.5/10 Turtles", {"value": 8.5, "min": 0, "max": 10, "step": 0.5, "original": "8.5/10 Turtles"}),
    ("Rating: 4 out of 5 boots", {"value": 4, "min": 1, "max": 5, "step": 1, "original": "4 out of 5 boots"}),
    ("RATING: ***1/2 out of ****", {"value": 3.5, "min": 0, "max": 4, "step": 0.5, "original": "***1/2 out of ****"}),
    ("Rating: Three and a half stars out of four",
     {"value": 3.5, "min": 0, "max": 4, "step": 0.5, "original": "Three and a half stars out of four"}),
    ("Rating: Fair (4/8)", {"value": 4, "min": 0, "max": 8, "step": 1, "original": "Fair (4/8)"}),
    ("Score: 79%", {"value": 79, "min": 0, "max": 100, "step": 1}),
    ("rating: 4 out of 5", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("Grade: B+", {"value": 9, "min": 0, "max": 12, "step": 1, "original": "B+"}),
    ("Score: 65/100", {"value": 65, "min": 0, "max": 100, "step": 1}),
    ("Rating 7/10", {"value": 7, "min": 1, "max": 10, "step": 1}),
])
def test_rating_forms(line: str, rating: dict[str, Any]) -> None:
    data = data_of(HEADER + line + "\n\nReview:\n\nIt glows.\n")
    assert data["rating"] == rating


@pytest.mark.parametrize(("line", "minutes"), [("Runtime: 92 min", 92), ("Running time: 1 hr 32 min", 92),
                                               ("Length: 1:32", 92), ("Duration: 1h 32m", 92), ("Runtime 92 min", 92)])
def test_runtime_forms(line: str, minutes: int) -> None:
    assert data_of(HEADER + line + "\n\nReview:\n\nIt glows.\n")["film"]["runtime_minutes"] == minutes


def test_labels_sharing_a_line_without_pipes() -> None:
    data = data_of(HEADER + "Genre: Drama My Score: 7/10\nYear: 2019   Runtime: 1:41\n\nReview:\n\nIt glows.\n")
    assert data["film"]["genres"] == ["Drama"]
    assert data["film"]["runtime_minutes"] == 101
    assert data["rating"] == {"value": 7, "min": 1, "max": 10, "step": 1}


def test_a_certificate_is_not_a_score() -> None:
    result = convert(HEADER + "Rating: M18\n\nReview:\n\nIt glows.\n")
    assert result.data is not None
    assert "rating" not in result.data
    assert result.data["film"]["certification"] == {"value": "M18"}
    assert messages(result, Level.INFO) == ["line 3: 'M18' is an age certificate, not a score: mapped to "
                                            "film.certification"]


def test_a_rating_without_a_scale_is_kept_not_guessed() -> None:
    result = convert(HEADER + "Rating: 4\n\nReview:\n\nIt glows.\n")
    assert result.data is not None
    assert result.data["rating"] == {"value": 4, "original": "4"}
    assert "notes" not in result.data
    assert "line 3: rating '4' states no scale; kept as written with its value 4 and no maximum" in messages(
        result, Level.INFO)


def test_unknown_labels_and_sections_are_kept_under_notes() -> None:
    text = (HEADER + "Composer: Nils Frahm\nDirector: Ana Ruiz\n\nReview:\n\nIt glows.\n\nVerdict:\n\nSkip it.\n\n"
            "Trivia:\n\nShot in eleven days.\n\nThe lanterns were real.\n")
    result = convert(text)
    assert result.data is not None
    assert result.data["notes"] == ["Composer: Nils Frahm",
                                    "Trivia:\n\nShot in eleven days.\n\nThe lanterns were real."]
    assert result.data["review"]["recommendation"] == {"verdict": "skip", "text": "Skip it."}
    assert messages(result)[:2] == [
        "line 3: kept under notes: 'Composer: Nils Frahm' (no field for the label 'Composer')",
        "line 14: kept under notes: 'Trivia:\\n\\nShot in eleven days.\\n\\nThe lanterns were real.' (a section "
        "reviewlint has no field for ('Trivia'))"]
    preserved = result.accounting.by_fate(Fate.PRESERVED)
    assert [(record.line, record.where) for record in preserved] == [(3, "notes[0]"), (14, "notes[1]"),
                                                                      (16, "notes[1]"), (18, "notes[1]")]


def test_a_conflicting_fact_keeps_the_first_and_the_second_verbatim() -> None:
    result = convert(HEADER + "Year: 2020\n\nReview:\n\nIt glows.\n")
    assert result.data is not None
    assert result.data["film"]["year"] == 2019
    assert result.data["notes"] == ["Year: 2020"]
    assert messages(result)[0] == ("line 3: kept under notes: 'Year: 2020' (film.year is already 2019 (line 1); the "
                                   "first value is kept)")


def test_unknown_country_is_reported_and_the_known_one_mapped() -> None:
    result = convert(HEADER + "Country: France, Narnia\n\nReview:\n\nIt glows.\n")
    assert result.data is not None
    assert result.data["film"]["countries"] == ["FR"]
    assert result.data["notes"] == ["Country: France, Narnia"]
    assert {record.fate for record in result.accounting.records if record.line == 3} == {Fate.MAPPED, Fate.PRESERVED}


def test_facts_not_stated_are_left_out_and_reported() -> None:
    result = convert("Year: 2019\n\nJust some thoughts.\n\nI liked the colours.\n")
    assert result.status is Status.WARNINGS
    assert result.data is not None
    assert result.data["film"] == {"year": 2019}
    assert result.data["review"] == {"body": ["Just some thoughts.", "I liked the colours."]}
    assert [m.split(";")[0] for m in messages(result)] == [
        "the source does not state film.title",
        "the source does not state author.name (pass --author NAME if you wrote them all)",
        "the source does not state content_warnings (add them, or pass --assume-no-warnings if your reviews always "
        "named every warning)"]


@pytest.mark.parametrize("text", ["hello world, some random words\n",
                                  "Just some thoughts.\n\nI liked the colours.\n"])
def test_a_few_words_with_no_film_fact_are_not_a_review(text: str) -> None:
    result = convert(text)
    assert result.status is Status.FAILED
    assert [(issue.level, issue.message) for issue in result.issues] == [
        (Level.ERROR, "no film title or year found: not a review?")]


def test_options_state_what_the_source_does_not() -> None:
    options = MigrateOptions(author="Ana Ruiz", language="en-GB", assume_no_warnings=True)
    data = convert(HEADER + "Review:\n\nIt glows.\n", options=options).data
    assert data is not None
    assert data["author"] == {"name": "Ana Ruiz"}
    assert data["language"] == "en-GB"
    assert data["content_warnings"] == []


def test_unlabelled_intro_paragraphs_are_the_body_without_a_review_section() -> None:
    data = data_of(HEADER + "First thought.\n\nSecond thought.\n\nVerdict: Must see\n")
    assert data["review"]["body"] == ["First thought.", "Second thought."]
    assert "logline" not in data["review"]


def test_recommendation_without_a_verdict_closes_the_body() -> None:
    result = convert(HEADER + "Review:\n\nIt glows.\n\nFinal thoughts:\n\nI keep thinking about the river.\n")
    assert result.data is not None
    assert result.data["review"]["body"] == ["It glows.", "I keep thinking about the river."]
    assert "recommendation" not in result.data["review"]


def test_ending_with_a_description_and_spoiler_marks() -> None:
    data = data_of(HEADER + "Plot (spoilers):\n\nThe lantern burns.\n\nReview:\n\nIt glows.\n\n"
                   "Ending:\n\nSad ending. The lantern maker never sees the sea.\n")
    assert data["review"]["synopsis"] == {"text": "The lantern burns.", "spoiler": True}
    assert data["ending"] == {"type": "sad", "spoiler": True, "description": "The lantern maker never sees the sea."}


def test_an_ending_told_without_a_type_reaches_the_ending_as_a_spoiler() -> None:
    # Issue 11 item 6: the ending a section tells reaches `ending`, marked as a spoiler; the
    # text names no kind of ending, so the type is the schema's "other" and an info says so.
    result = convert(HEADER + "Review:\n\nIt glows.\n\nEnding:\n\nThe lantern maker never sees the sea.\n")
    assert result.data is not None
    assert result.data["ending"] == {"type": "other", "spoiler": True,
                                     "description": "The lantern maker never sees the sea."}
    assert result.data["spoilers"] == "major"
    assert "notes" not in result.data


def test_dialogue_with_and_without_speakers() -> None:
    data = data_of(HEADER + "Review:\n\nIt glows.\n\nMemorable quotes:\n\n“Light it.” — Mara\n"
                   'Tomas: "Not yet."\n\nWe were never here.\n')
    assert data["review"]["memorable_dialogue"] == [{"quote": "Light it.", "speaker": "Mara"},
                                                    {"quote": "Not yet.", "speaker": "Tomas"},
                                                    {"quote": "We were never here."}]


def test_spoiler_notice_lines() -> None:
    assert data_of(HEADER + "Spoiler alert!\n\nReview:\n\nIt glows.\n")["spoilers"] == "major"
    assert data_of(HEADER + "No spoilers.\n\nReview:\n\nIt glows.\n")["spoilers"] == "none"
    assert data_of(HEADER + "Review:\n\nIt glows.\n")["spoilers"] == "unknown"


def test_boilerplate_is_dropped_and_listed_but_prose_about_comments_is_not() -> None:
    result = convert(HEADER + "Review:\n\nIt glows.\n\nI read every comment you leave.\n\nShare this:\n\nTweet\n\n"
                     "Newer Post\n\nOlder Post\n\nHome\n\nSubscribe to: Post Comments (Atom)\n\n14 comments\n")
    assert result.data is not None
    assert result.data["review"]["body"] == ["It glows.", "I read every comment you leave."]
    assert result.data["source"]["dropped"] == ["Share this:", "Tweet", "Newer Post", "Older Post", "Home",
                                                "Subscribe to: Post Comments (Atom)", "14 comments"]


def test_a_labelled_aside_inside_the_review_takes_one_paragraph() -> None:
    data = data_of(HEADER + "Review:\n\nIt glows.\n\nNote: I saw it twice.\n\nThe second time it glowed more.\n\n"
                   "Verdict: Must see\n\nThanks for reading!\n")
    assert data["notes"] == ["I saw it twice."]
    assert data["review"]["body"] == ["It glows.", "The second time it glowed more.", "Thanks for reading!"]
    assert data["review"]["recommendation"] == {"verdict": "must-watch", "text": "Must see"}


def test_prose_that_starts_like_a_label_stays_prose() -> None:
    data = data_of(HEADER + "Review:\n\nScore: the music carries every scene.\n\nRated R for a reason, and it earns "
                   "it.\n\nDirected by a first-timer, it shows.\n")
    assert data["review"]["body"] == ["Score: the music carries every scene.",
                                      "Rated R for a reason, and it earns it.", "Directed by a first-timer, it shows."]
    assert "rating" not in data and "certification" not in data.get("film", {})


def test_nbsp_lines_are_spacing_and_nbsp_inside_text_is_kept() -> None:
    data = data_of(HEADER + "Review:\n\u00a0\nIt\u00a0glows.\n\u00a0 \n")
    assert data["review"]["body"] == ["It\u00a0glows."]


def test_author_forms() -> None:
    assert data_of(HEADER + "Review:\n\nIt glows.\n\n(Ana Ruiz)\n")["author"] == {"name": "Ana Ruiz"}
    assert data_of(HEADER + "Review:\n\nIt glows.\n\n— Ana Ruiz\n")["author"] == {"name": "Ana Ruiz"}
    assert data_of(HEADER + "Reviewed by: Ana Ruiz\n\nReview:\n\nIt glows.\n")["author"] == {"name": "Ana Ruiz"}
    posted = data_of(HEADER + "Review:\n\nIt glows.\n\nPosted by Ana Ruiz on March 4, 2024\n")
    assert posted["author"] == {"name": "Ana Ruiz"} and posted["published"] == "2024-03-04"
    # A parenthesised aside is not a name.
    assert data_of(HEADER + "Review:\n\nIt glows.\n\n(more soon)\n")["review"]["body"] == ["It glows.", "(more soon)"]


def test_external_ratings_and_ids() -> None:
    data = data_of(HEADER + "IMDb: 7.1 | Metacritic: 72 | Rotten Tomatoes: 88%\nIMDb ID: tt1234567\n\n"
                   "Review:\n\nIt glows.\n")
    assert data["external_ratings"] == [{"source": "imdb", "value": 7.1, "max": 10},
                                        {"source": "metacritic", "value": 72, "max": 100},
                                        {"source": "rotten-tomatoes", "value": 88, "max": 100}]
    assert data["film"]["ids"] == {"imdb": "tt1234567"}


# --- found by a new user's audit: nothing invented, nothing misfiled --------------------------

def test_a_sentence_that_starts_with_starring_stays_prose_and_names_its_cast() -> None:
    # The sentence stays in the body; the capitalised name it credits is read (issue 11: prose
    # credits), the lower-case "a cast of real nomads" names no one.
    data = data_of("Nomadland (2020)\nRating: 8/10\n\nStarring Frances McDormand and a cast of real nomads, this is "
                   "a road movie without a destination.\n\nIt drifts, on purpose.\n")
    assert data["film"]["cast"] == ["Frances McDormand"]
    assert data["review"]["body"] == ["Starring Frances McDormand and a cast of real nomads, this is a road movie "
                                      "without a destination.", "It drifts, on purpose."]


def test_a_credit_whose_names_cannot_be_told_apart_is_kept_under_notes() -> None:
    result = convert("Fargo (1996)\n\nDirected by Joel and Ethan Coen\nRating: 8/10\n")
    assert result.data is not None
    assert "directors" not in result.data["film"]  # no director called "Joel"
    assert result.data["notes"] == ["Directed by Joel and Ethan Coen"]
    assert "line 3: kept under notes: 'Directed by Joel and Ethan Coen' (this does not read as a list of names)" \
        in messages(result)


def test_characters_keep_their_commas() -> None:
    data = data_of("Fight Club (1999)\n\nCast: Brad Pitt (Tyler Durden), Edward Norton (The Narrator, unnamed), "
                   "Helena Bonham Carter\n")
    assert data["film"]["cast"] == [{"name": "Brad Pitt", "character": "Tyler Durden"},
                                    {"name": "Edward Norton", "character": "The Narrator, unnamed"},
                                    "Helena Bonham Carter"]


@pytest.mark.parametrize(("first_line", "title", "year"), [
    ("Title: The Lighthouse (2019)", "The Lighthouse", 2019),
    ("Movie: Heat (1995)", "Heat", 1995),
    ("Film-Noir (2019)", "Film-Noir", 2019),
])
def test_a_title_label_on_the_title_line_is_not_part_of_the_title(first_line: str, title: str, year: int) -> None:
    film = data_of(f"{first_line}\n\nRating: 7/10\n")["film"]
    assert (film["title"], film["year"]) == (title, year)


def test_a_title_fact_with_a_year_gives_both() -> None:
    film = data_of("My weekend watch\n\nTitle: Heat (1995)\nRating: 9/10\n")["film"]
    assert (film["title"], film["year"]) == ("Heat", 1995)


def test_a_title_is_not_cut_at_a_label_of_its_own_kind() -> None:
    film = data_of("Title: Pokémon the Movie: I Choose You!\nYear: 2017\nRating: 6/10\n")["film"]
    assert (film["title"], film["year"]) == ("Pokémon the Movie: I Choose You!", 2017)


def test_labels_set_apart_by_capitals_or_emphasis_need_no_colon() -> None:
    film = data_of("The Witch (2015)\n\nDIRECTOR Robert Eggers\nGENRE Horror\n**Writer** Robert Eggers\n"
                   "STARS WARS IS GREAT\n")["film"]
    assert film["directors"] == ["Robert Eggers"]
    assert film["genres"] == ["Horror"]
    assert film["writers"] == ["Robert Eggers"]
    assert "cast" not in film  # a line in capitals throughout is not a label
