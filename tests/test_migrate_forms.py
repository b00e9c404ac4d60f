"""The forms real blog posts are written in, each on a post made up for the test.

Every film, name and sentence here is invented: the real posts of ../shared/legacy-corpus
are measured by test_migrate_corpus.py, never copied.
"""

from __future__ import annotations

from typing import Any

import pytest

from reviewlint.migrate import Fate, Level, MigrationResult, Status, migrate_text

BODY = ("\n\nThe harbour scenes breathe, and the quiet middle act earns its long silences before the storm "
        "arrives and the family finally speaks about the winter they lost.\n")


def convert(text: str, name: str = "post.txt") -> MigrationResult:
    results = migrate_text(text, filename=name)
    assert len(results) == 1
    result = results[0]
    assert result.accounting.unaccounted() == []
    return result


def data_of(text: str, name: str = "post.txt") -> dict[str, Any]:
    result = convert(text, name)
    assert result.data is not None, result.issues
    return result.data


def infos(result: MigrationResult) -> list[str]:
    return [issue.describe() for issue in result.issues if issue.level is Level.INFO]


# --- titles and years ------------------------------------------------------------------------

@pytest.mark.parametrize(("headline", "film"), [
    ("Salt Road (2003) dir. Mira Okafor", {"title": "Salt Road", "year": 2003, "directors": ["Mira Okafor"]}),
    ("SALT ROAD (2003) ★★★★", {"title": "SALT ROAD", "year": 2003}),
    ("Salt Road [2003]", {"title": "Salt Road", "year": 2003}),
    ("Salt Road, 2003", {"title": "Salt Road", "year": 2003}),
    ("Review: Salt Road", {"title": "Salt Road"}),
    ("Salt Road Review", {"title": "Salt Road"}),
    ("Salt Road: Korean Film Review", {"title": "Salt Road"}),
    ("Harbour Fest 2019 Review: SALT ROAD", {"title": "SALT ROAD"}),
    ("DVD: Salt Road", {"title": "Salt Road"}),
    ("Salt Road parents guide", {"title": "Salt Road"}),
    ("‘Salt Road’", {"title": "Salt Road"}),
    ("Salt Road (PG-13)", {"title": "Salt Road", "certification": {"value": "PG-13"}}),
    ("Salt Road (El camino de sal), 2006", {"title": "Salt Road", "original_title": "El camino de sal",
                                            "year": 2006}),
    ("Salt Road 塩の道 Dir: Mira Okafor (2018)", {"title": "Salt Road", "original_title": "塩の道", "year": 2018,
                                                 "directors": ["Mira Okafor"]}),
    ("**Salt Road** (2016, Mira Okafor)", {"title": "Salt Road", "year": 2016, "directors": ["Mira Okafor"]}),
    ("Late Screening “Salt Road”", {"title": "Salt Road"}),
])
def test_title_line_forms(headline: str, film: dict[str, Any]) -> None:
    data = data_of(headline + BODY)
    assert data["review"]["headline"] == headline
    assert {key: data["film"][key] for key in film} == film


@pytest.mark.parametrize("line", ["Film: Salt Road", "Title: Salt Road", "Movie: Salt Road"])
def test_a_title_label_gives_the_title_and_is_no_headline(line: str) -> None:
    data = data_of(line + "\nYear: 2019" + BODY)
    assert data["film"]["title"] == "Salt Road" and data["film"]["year"] == 2019
    assert "headline" not in data["review"]


@pytest.mark.parametrize("headline", ["Reseña: Salt Road (2019)", "Kritik: Salt Road (2019)",
                                      "Critique : Salt Road (2019)", "Recensione: Salt Road (2019)",
                                      "Resenha: Salt Road (2019)", "Ulasan: Salt Road (2019)"])
def test_review_prefixes_in_other_languages(headline: str) -> None:
    film = data_of(headline + BODY)["film"]
    assert film == {"title": "Salt Road", "year": 2019}


def test_a_score_opening_the_verdict() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nVerdict: 7/10 — Worth watching.\n")
    assert data["rating"] == {"value": 7, "min": 1, "max": 10, "step": 1}
    assert data["review"]["recommendation"] == {"verdict": "worth-watching", "text": "Worth watching."}


def test_colon_less_credit_abbreviations_in_the_details() -> None:
    film = data_of("Salt Road (2019)\nDrama | 112 min | Norway\nDir. Ana Ruiz\nWith Bo Chen, Eva Sand" + BODY)["film"]
    assert film["directors"] == ["Ana Ruiz"] and film["cast"] == ["Bo Chen", "Eva Sand"]
    assert film["countries"] == ["NO"] and film["runtime_minutes"] == 112


def test_a_rating_and_certificate_on_the_title_line() -> None:
    data = data_of("Salt Road (2016) PG 8*" + BODY)
    assert data["film"] == {"title": "Salt Road", "year": 2016, "certification": {"value": "PG"}}
    assert data["rating"] == {"value": 8, "original": "8*"}


@pytest.mark.parametrize("headline", ["Everything I watched this month, in short.",
                                      "Salt Road shows what a quiet film can do"])
def test_a_sentence_is_never_a_title(headline: str) -> None:
    result = convert(headline + BODY)
    assert result.data is not None
    assert "title" not in result.data.get("film", {})


def test_a_plain_headline_is_the_title_only_when_the_post_names_it_again() -> None:
    named = data_of("Nine Winters\n\nNine Winters is slow, and rightly so." + BODY)
    assert named["film"]["title"] == "Nine Winters"
    result = convert("A Quiet Evening Out" + BODY)
    assert result.data is not None and "title" not in result.data.get("film", {})
    assert "line 1: the headline 'A Quiet Evening Out' is not taken as the film's title: the post does not name it " \
           "again" in infos(result)


def test_a_plain_headline_over_the_credits_is_a_title_card() -> None:
    data = data_of("Nine Winters\nDirected by: Ana Ruiz\n2019 / 104 minutes" + BODY)
    assert data["film"] == {"title": "Nine Winters", "year": 2019, "runtime_minutes": 104,
                            "directors": ["Ana Ruiz"]}


def test_a_later_title_line_gives_the_year_and_says_which_title_was_taken() -> None:
    result = convert("Nine Winters\n\n“A patient film.”\n\nNine Winters (2019)\n\nDirector: Ana Ruiz" + BODY)
    assert result.data is not None
    assert result.data["film"]["title"] == "Nine Winters" and result.data["film"]["year"] == 2019
    records = [r for r in result.accounting.records if r.line == 5]
    assert [r.where for r in records] == ["film.title, film.year"]
    clash = convert("Nine Winters\n\n“A patient film.”\n\nTen Summers (2019)\n\nDirector: Ana Ruiz" + BODY)
    assert clash.data is not None and clash.data["film"]["title"] == "Ten Summers"
    assert ("line 5: title 'Ten Summers' taken from line 5 (title (year)); the headline 'Nine Winters' on line 1 "
            "states no title form") in infos(clash)


def test_a_post_that_never_names_its_film_is_converted_with_a_note() -> None:
    result = convert("I went in knowing nothing and came out unable to stop thinking about the lighthouse, the "
                     "mother who never raises her voice, and the last shot that holds for a full minute.\n\n"
                     "Rating: 7/10\n")
    assert result.status is Status.WARNINGS
    assert result.data is not None
    assert result.data["rating"] == {"value": 7, "min": 1, "max": 10, "step": 1}
    assert any("the source does not state film.title" in issue.message for issue in result.issues)


# --- credits ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Regie: Ana Ruiz", "Réalisation : Ana Ruiz", "Dirección: Ana Ruiz", "Regia: Ana Ruiz", "Direção: Ana Ruiz",
    "Sutradara: Ana Ruiz", "Dir.: Ana Ruiz", "DIRECTED BY Ana Ruiz", "directed by: Ana Ruiz",
])
def test_director_labels_in_any_case_and_language(line: str) -> None:
    assert data_of("Salt Road (2019)\n" + line + BODY)["film"]["directors"] == ["Ana Ruiz"]


@pytest.mark.parametrize(("line", "key"), [
    ("Drehbuch: Bo Chen", "writers"), ("Scénario: Bo Chen", "writers"), ("Guion: Bo Chen", "writers"),
    ("Sceneggiatura: Bo Chen", "writers"), ("Roteiro: Bo Chen", "writers"), ("Penulis: Bo Chen", "writers"),
    ("Darsteller: Bo Chen", "cast"), ("Avec: Bo Chen", "cast"), ("Reparto: Bo Chen", "cast"),
    ("Interpreti: Bo Chen", "cast"), ("Elenco: Bo Chen", "cast"), ("Rolverdeling: Bo Chen", "cast"),
    ("Pemeran: Bo Chen", "cast"), ("Main Cast: Bo Chen", "cast"), ("With: Bo Chen", "cast"),
])
def test_writer_and_cast_labels_in_other_languages(line: str, key: str) -> None:
    assert data_of("Salt Road (2019)\n" + line + BODY)["film"][key] == ["Bo Chen"]


def test_written_and_directed_by_fills_both() -> None:
    film = data_of("Salt Road (2019)\nWritten and Directed by Ana Ruiz" + BODY)["film"]
    assert film["directors"] == ["Ana Ruiz"] and film["writers"] == ["Ana Ruiz"]


def test_several_labels_on_one_line_and_bulleted_values() -> None:
    film = data_of("Salt Road (2019)\nDirector: Ana Ruiz Cast: Bo Chen, Mira Okafor Genre: Drama\n\nStarring:\n"
                   "  • Tomas Lind\n  • Eva Sand" + BODY)["film"]
    assert film["directors"] == ["Ana Ruiz"]
    assert film["cast"] == ["Bo Chen", "Mira Okafor", "Tomas Lind", "Eva Sand"]
    assert film["genres"] == ["Drama"]


def test_credits_in_prose() -> None:
    result = convert("Salt Road (2019)\n\nDirected by Ana Ruiz. Starring Bo Chen, Mira Okafor and Tomas Lind, it "
                     "follows a ferry crew (voiced by Eva Sand) through one long winter.\n")
    assert result.data is not None
    film = result.data["film"]
    assert film["directors"] == ["Ana Ruiz"]
    assert film["cast"] == ["Bo Chen", "Mira Okafor", "Tomas Lind", "Eva Sand"]
    # The sentence stays in the review's text.
    assert result.data["review"]["body"][0].startswith("Directed by Ana Ruiz.")


def test_a_label_beats_prose_and_characters_only_where_the_text_says_so() -> None:
    film = data_of("Salt Road (2019)\nDirector: Ana Ruiz\nCast: Bo Chen as Captain Vey, Mira Okafor\n\n"
                   "A film directed by Other Person would look different.\n")["film"]
    assert film["directors"] == ["Ana Ruiz"]
    assert film["cast"] == [{"name": "Bo Chen", "character": "Captain Vey"}, "Mira Okafor"]


def test_stars_with_a_score_is_a_rating_not_cast() -> None:
    data = data_of("Salt Road (2019)\nStars: 4 / 5" + BODY)
    assert "cast" not in data["film"]
    assert data["rating"] == {"value": 4, "min": 1, "max": 5, "step": 1}


def test_crew_roles_in_parentheses_are_kept_in_notes() -> None:
    data = data_of("Salt Road (2019)\nWriter: Bo Chen (Screenplay), Eva Sand (Original Novel)" + BODY)
    assert data["film"]["writers"] == ["Bo Chen", "Eva Sand"]
    assert data["notes"] == ["Writer: Bo Chen (Screenplay), Eva Sand (Original Novel)"]


# --- details lines -----------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "film"), [
    ("2017 / 90m - Japan", {"year": 2017, "runtime_minutes": 90, "countries": ["JP"]}),
    ("Canada 2020", {"countries": ["CA"], "year": 2020}),
    ("Romance, Fantasy - Animation", {"genres": ["Romance", "Fantasy", "Animation"]}),
    ("History | War | Thriller", {"genres": ["History", "War", "Thriller"]}),
    ("Released: November 2019", {"year": 2019}),
])
def test_unlabelled_details_lines(line: str, film: dict[str, Any]) -> None:
    data = data_of("Salt Road\n" + line + BODY)
    assert {key: data["film"][key] for key in film} == film


def test_details_glued_to_the_first_sentence() -> None:
    data = data_of("2010 * PG-13 * 1h 41m When the ferry stops, the film starts to breathe.\n")
    assert data["film"] == {"year": 2010, "runtime_minutes": 101, "certification": {"value": "PG-13"}}
    assert data["review"]["body"] == ["When the ferry stops, the film starts to breathe."]


def test_a_year_stated_in_the_opening_sentence() -> None:
    film = data_of("Salt Road is a 2014 horror movie about a ferry that never docks.\n\nIt works.\n")["film"]
    assert film == {"year": 2014, "genres": ["Horror"]}


# --- ratings on their own line or in a sentence ------------------------------------------------

@pytest.mark.parametrize(("line", "rating"), [
    ("4 out of 5 boots", {"value": 4, "min": 1, "max": 5, "step": 1, "original": "4 out of 5 boots"}),
    ("2 / 10", {"value": 2, "min": 1, "max": 10, "step": 1}),
    ("Fair (4/8)", {"value": 4, "min": 0, "max": 8, "step": 1, "original": "Fair (4/8)"}),
    ("££ and a 1/2", {"value": 2.5, "original": "££ and a 1/2"}),
    ("Harbour-o-meter: 6.5/10", {"value": 6.5, "min": 0, "max": 10, "step": 0.5}),
    ("Overall B-", {"value": 7, "min": 0, "max": 12, "step": 1, "original": "B-"}),
])
def test_rating_lines(line: str, rating: dict[str, Any]) -> None:
    assert data_of("Salt Road (2019)" + BODY + "\n" + line + "\n")["rating"] == rating


def test_a_rating_in_a_sentence() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nAll in all I would give it 3.5/5 for the ending alone.\n")
    assert data["rating"] == {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}


@pytest.mark.parametrize("line", ["Rating: R", "MPAA Rating: PG-13", "Rated: R (violence, language)"])
def test_certificates_are_never_ratings(line: str) -> None:
    data = data_of("Salt Road (2019)\n" + line + BODY)
    assert "rating" not in data
    assert data["film"]["certification"]["value"] in ("R", "PG-13")


# --- chrome, bylines, dates --------------------------------------------------------------------

def test_chrome_is_dropped_and_listed_and_bylines_are_mapped() -> None:
    text = ("Monday, March 4, 2024\n\nSalt Road (2019)\n\nPosted on February 27, 2024 by Eva Sand\n" + BODY
            + "\nTwitter Facebook\nNewer Post Older Post Home\nLeave a Reply\n")
    result = convert(text)
    data = result.data
    assert data is not None
    assert data["published"] == "2024-03-04"
    assert data["author"] == {"name": "Eva Sand"}
    assert data["source"]["dropped"] == ["Twitter Facebook", "Newer Post Older Post Home", "Leave a Reply"]
    dropped = {record.text for record in result.accounting.by_fate(Fate.DROPPED)}
    assert {"Twitter Facebook", "Newer Post Older Post Home", "Leave a Reply"} <= dropped
    assert "Twitter" not in " ".join(data["review"]["body"])


def test_a_headline_with_its_byline_glued_on() -> None:
    data = data_of("Salt Road Review written by Eva Sand on 10/27/2020 This post has affiliate links." + BODY)
    assert data["film"]["title"] == "Salt Road"
    assert data["author"] == {"name": "Eva Sand"}
    assert data["published"] == "2020-10-27"
    assert data["notes"] == ["This post has affiliate links."]


def test_possessive_review_label_and_quotation_credit() -> None:
    data = data_of("Salt Road (2019)\n\n\"A tide of a film.\"\n\n- Harbour Weekly\n\nEVA'S REVIEW: The ferry scenes "
                   "are the best thing here.\n")
    assert data["author"] == {"name": "EVA"}
    assert "The ferry scenes are the best thing here." in data["review"]["body"]


def test_jekyll_dates_with_time_zone() -> None:
    data = data_of("Salt Road (2019)\nDate: 2023-12-01 20:15:00 +0000" + BODY)
    assert data["published"] == "2023-12-01"


# --- spoilers and warnings ---------------------------------------------------------------------

def test_a_spoilers_line_tells_the_ending() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nSPOILERS: The ferry sinks in the last scene and the captain swims "
                   "home alone.\n\nThe score is lovely throughout.\n")
    assert data["ending"] == {"type": "other", "spoiler": True, "description": (
        "The ferry sinks in the last scene and the captain swims home alone.")}
    assert data["spoilers"] == "major"
    assert data["review"]["body"][-1] == "The score is lovely throughout."


@pytest.mark.parametrize(("sentence", "level"), [("It drifts (spoiler alert!) then sinks.", "major"),
                                                 ("It drifts (no spoilers) and then it sinks.", "none")])
def test_an_inline_spoiler_notice_sets_the_level(sentence: str, level: str) -> None:
    assert data_of("Salt Road (2019)" + BODY + "\n" + sentence + "\n")["spoilers"] == level


@pytest.mark.parametrize("label", ["Content note:", "Audience warning:", "Trigger warnings:"])
def test_warning_labels_map_onto_the_vocabulary_with_the_wording_kept(label: str) -> None:
    data = data_of("Salt Road (2019)" + BODY + f"\n{label} Contains violence, nudity and strong language.\n")
    assert data["content_warnings"] == ["violence", "nudity", "profanity"]
    assert data["content_warnings_source"] == "Contains violence, nudity and strong language."


def test_a_parental_guide_breakdown_maps_its_categories_and_keeps_the_wording() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nSEX/NUDITY 0 - Nothing at all.\nVIOLENCE/GORE 4 - A man is pushed "
                   "off a pier.\n A storm wrecks a boat.\nPROFANITY 2 - Two mild words.\n")
    assert data["content_warnings"] == ["violence", "gore", "profanity"]
    source = data["content_warnings_source"]
    for wording in ("Nothing at all.", "A man is pushed off a pier.", "A storm wrecks a boat.", "Two mild words."):
        assert wording in source


# --- posts that hold several reviews, pages about many films ----------------------------------

DOUBLE_FEATURE = """Double Feature Night

Salt Road (2019)
Director: Ana Ruiz
Rating: 7/10

The harbour scenes breathe, and the middle act earns its silences.

Nine Winters (2021)
Director: Bo Chen
Cast: Eva Sand
Rating: 4/10

A cold film about a cold family, told in long takes.
"""


def _read_post(text: str) -> list[MigrationResult]:
    from reviewlint.migrate.accounting import Accounting
    from reviewlint.migrate.blog_text import blog_lines, read_post
    from reviewlint.migrate.options import MigrateOptions

    lines = text.split("\n")
    result = MigrationResult(source="double.txt", format="blog-text", data=None, accounting=Accounting(lines))
    return read_post(blog_lines(lines), result, MigrateOptions(), source={"format": "blog-text", "file": "double.txt"})


def test_a_double_feature_becomes_one_review_per_film() -> None:
    first, second = _read_post(DOUBLE_FEATURE)
    assert first.data is not None and second.data is not None
    assert first.data["film"] == {"title": "Salt Road", "year": 2019, "directors": ["Ana Ruiz"]}
    assert first.data["rating"]["value"] == 7
    assert second.data["film"] == {"title": "Nine Winters", "year": 2021, "directors": ["Bo Chen"],
                                   "cast": ["Eva Sand"]}
    assert second.data["rating"]["value"] == 4
    assert [first.part, second.part] == ["review 1 of 2", "review 2 of 2"]
    assert first.data["source"]["part"] == "review 1 of 2"
    for result in (first, second):
        assert result.accounting.unaccounted() == []
    assert "Nine Winters" not in str(first.data) and "Salt Road" not in str(second.data)


def test_a_post_with_two_reviews_is_never_one_record() -> None:
    results = migrate_text(DOUBLE_FEATURE, filename="double.txt")
    assert [result.data["film"]["title"] for result in results if result.data] == ["Salt Road", "Nine Winters"]
    assert [result.part for result in results] == ["review 1 of 2", "review 2 of 2"]


def test_the_single_review_reader_refuses_two_reviews_saying_where_each_starts() -> None:
    from reviewlint.migrate.accounting import Accounting
    from reviewlint.migrate.blog_text import blog_lines, read_lines
    from reviewlint.migrate.options import MigrateOptions

    lines = DOUBLE_FEATURE.split("\n")
    result = MigrationResult(source="double.txt", format="blog-text", data=None, accounting=Accounting(lines))
    read_lines(blog_lines(lines), result, MigrateOptions(), source={"format": "blog-text", "file": "double.txt"})
    assert result.status is Status.FAILED
    assert [issue.message for issue in result.issues if issue.level is Level.ERROR] == [
        "holds 2 reviews; they start on line 3 ('Salt Road') and line 9 ('Nine Winters'). Convert each part "
        "as a file of its own"]
    assert result.accounting.unaccounted() == []


def test_a_page_about_many_films_is_refused_with_the_reason() -> None:
    text = "My top films of the decade\n\n" + "".join(
        f"{number}. {title} ({year})\n\nA line about it.\n\n" for number, (title, year) in enumerate(
            [("Salt Road", 2019), ("Nine Winters", 2021), ("Paper Lanterns", 2015), ("The Glass Orchard", 2012)],
            start=1))
    result = migrate_text(text, filename="list.txt")[0]
    assert result.status is Status.FAILED
    assert [issue.message for issue in result.issues if issue.level is Level.ERROR] == [
        "a page about 4 films (a list or an index), not one review: they are named on lines 3, 7, 11, 15"]
    assert result.accounting.unaccounted() == []


def test_a_review_that_names_other_films_is_still_one_review() -> None:
    data = data_of("Salt Road (2019)\nDirector: Ana Ruiz" + BODY + "\nIt recalls Nine Winters (2021) and Paper "
                   "Lanterns (2015), both slower.\n")
    assert data["film"]["title"] == "Salt Road"


def test_a_separator_is_dropped_and_listed() -> None:
    result = convert("Salt Road (2019)" + BODY + "\n***\n\nThe score is lovely throughout.\n")
    assert result.data is not None
    assert result.data["source"]["dropped"] == ["***"]
    assert "rating" not in result.data


@pytest.mark.parametrize(("headline", "title", "tagline"), [
    ("Salt Road Review: A Ferry Into the Dark", "Salt Road", "A Ferry Into the Dark"),
    ("‘Salt Road’ review: a ferry into the dark", "Salt Road", "a ferry into the dark"),
])
def test_the_title_before_review_and_the_tagline_after(headline: str, title: str, tagline: str) -> None:
    data = data_of(headline + BODY)
    assert data["film"]["title"] == title
    assert data["review"]["tagline"] == tagline


def test_a_headline_in_capitals_is_confirmed_by_the_title_in_any_case() -> None:
    assert data_of("SALT ROAD\n\nSalt Road is slow, and rightly so." + BODY)["film"]["title"] == "SALT ROAD"


def test_the_title_and_year_opening_the_first_sentence() -> None:
    data = data_of("Salt Road (2019) is a quiet film about a ferry crew and the winter that breaks them.\n\n"
                   "Rating: 3.5 stars out of 5\n")
    assert data["film"] == {"title": "Salt Road", "year": 2019}
    assert data["rating"] == {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}


def test_a_dash_stands_for_a_labels_colon() -> None:
    film = data_of("Salt Road (2019)\nDirector – Ana Ruiz\nCast - Bo Chen, Eva Sand" + BODY)["film"]
    assert film["directors"] == ["Ana Ruiz"] and film["cast"] == ["Bo Chen", "Eva Sand"]


def test_parentheses_after_actors_are_characters_only_in_a_consistent_list() -> None:
    characters = data_of("Salt Road (2019)\nCast: Bo Chen (Captain Vey), Eva Sand (Mira)" + BODY)["film"]["cast"]
    assert characters == [{"name": "Bo Chen", "character": "Captain Vey"}, {"name": "Eva Sand", "character": "Mira"}]
    result = convert("Salt Road (2019)\nCast: Bo Chen (voice), Eva Sand" + BODY)
    assert result.data is not None
    assert result.data["film"]["cast"] == ["Bo Chen", "Eva Sand"]
    assert result.data["notes"] == ["Cast: Bo Chen (voice), Eva Sand"]


@pytest.mark.parametrize("line", ["Audience Score: 91%", "IMDb rates it 7.5/10, which I find generous."])
def test_aggregator_scores_are_never_the_reviewers_rating(line: str) -> None:
    data = data_of("Salt Road (2019)" + BODY + "\n" + line + "\n")
    assert "rating" not in data


def test_directors_credited_to_different_people_in_prose_are_not_guessed() -> None:
    result = convert("Salt Road (2019)\n\nDirected by Ana Ruiz, it owes a lot to Nine Winters, directed by Bo Chen "
                     "ten years ago, and the debt shows in every harbour shot.\n")
    assert result.data is not None
    assert "directors" not in result.data["film"]
    assert ("the text credits directors to different people in different sentences; none is taken (add them by "
            "hand)") in infos(result)


def test_a_plain_headline_with_a_tagline_after_the_title() -> None:
    result = convert("Salt Road: A Ferry Into the Dark\n\nSalt Road is slow, and rightly so." + BODY)
    assert result.data is not None
    assert result.data["film"]["title"] == "Salt Road"
    assert result.data["review"]["tagline"] == "A Ferry Into the Dark"
    assert "line 1: title 'Salt Road' taken from the headline: the post names it again on line 3" in infos(result)


def test_blogger_footer_chrome() -> None:
    result = convert("Salt Road (2019)" + BODY + "\nPosted by Eva Sand at 10:12 PM\n3 comments:\n"
                     "Email ThisBlogThis!Share to TwitterShare to Facebook\n")
    assert result.data is not None
    assert result.data["author"] == {"name": "Eva Sand"}
    assert result.data["source"]["dropped"] == ["3 comments:", "Email ThisBlogThis!Share to TwitterShare to Facebook"]


@pytest.mark.parametrize("line", ["Part 2/3", "Episode 5/10"])
def test_counters_are_not_scores(line: str) -> None:
    assert "rating" not in data_of("Salt Road (2019)" + BODY + "\n" + line + "\n")


def test_a_title_set_in_capitals_in_the_prose() -> None:
    text = ("SALT ROAD is slow. I loved how SALT ROAD lets the harbour breathe, and by the end SALT ROAD had me.\n\n"
            "It reminded me of NINE WINTERS in places.\n")
    result = convert(text)
    assert result.data is not None and result.data["film"]["title"] == "SALT ROAD"
    shouted = convert("This was AMAZING. The cast is AMAZING and the ending is AMAZING, a film to see twice over.\n")
    assert shouted.data is not None and "title" not in shouted.data.get("film", {})


def test_a_site_name_over_the_title_is_never_the_title() -> None:
    result = convert("The Celluloid Harbour\n\nFriday, May 3, 2024\n\nSalt Road\n\nSalt Road is slow, and the harbour "
                     "scenes breathe." + BODY + "\n© 2024 The Celluloid Harbour\n")
    assert result.data is not None
    assert result.data["film"] == {"title": "Salt Road"}
    assert result.data["review"]["headline"] == "The Celluloid Harbour"
    assert result.data["published"] == "2024-05-03"
    assert result.data["source"]["dropped"] == ["© 2024 The Celluloid Harbour"]


def test_a_warning_on_its_label_line_takes_one_paragraph() -> None:
    data = data_of("Salt Road (2019)\n\nAudience warning: Contains violence and nudity.\n\nFriday 19th October\n\n"
                   "The harbour scenes breathe, and the quiet middle act earns its long silences.\n")
    assert data["content_warnings_source"] == "Contains violence and nudity."
    assert data["content_warnings"] == ["violence", "nudity"]


@pytest.mark.parametrize(("line", "codes"), [("País: Noruega", ["NO"]), ("Land: Norwegen, Frankreich", ["NO", "FR"]),
                                             ("Pays : Norvège", ["NO"]), ("Negara: Jepang", ["JP"]),
                                             ("Paese: Francia e Italia", ["FR", "IT"])])
def test_countries_named_in_the_blogs_language(line: str, codes: list[str]) -> None:
    assert data_of("Salt Road (2019)\n" + line + BODY)["film"]["countries"] == codes


@pytest.mark.parametrize(("line", "value"), [("10/10 would watch again.", 10), ("A solid 7/10.", 7),
                                             ("Worth it: 8/10", 8)])
def test_a_score_glued_to_a_short_verdict(line: str, value: int) -> None:
    data = data_of("Salt Road (2019)" + BODY + "\n" + line + "\n")
    assert data["rating"]["value"] == value and data["rating"]["max"] == 10
    assert line in data["review"]["body"] + data.get("notes", [])  # the words are kept too


def test_two_scores_in_one_sentence_are_not_the_rating() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nI'd say it's a 4 out of 5 for me, though my partner would give it "
                   "2/5 at most.\n")
    assert "rating" not in data


def test_share_buttons_one_per_line_are_chrome() -> None:
    result = convert("Salt Road (2019)" + BODY + "\nShare this:\nTwitter\nFacebook\nLike\n")
    assert result.data is not None
    assert result.data["source"]["dropped"] == ["Share this:", "Twitter", "Facebook", "Like"]
    assert "Twitter" not in str(result.data["review"])


@pytest.mark.parametrize("caption", ["Salt Road Film Poster", "Salt Road Film Image 6", "Photo Credit: Eva Sand",
                                     "*I don't own this photo"])
def test_image_captions_are_dropped_and_listed(caption: str) -> None:
    data = data_of("Salt Road (2019)\n\n" + caption + BODY)
    assert data["source"]["dropped"] == [caption]
    assert caption not in str(data["review"])


def test_names_whose_labels_were_lost_are_kept_not_guessed() -> None:
    result = convert("Ana Ruiz\n\nBo Chen\nEva Sand\n\nPlot Summary\n\nA ferry crew faces one last winter.\n\n"
                     "Review by Tomas Lind\n\nThe harbour scenes breathe.\n\nThe middle act earns its silences.\n")
    assert result.data is not None
    assert "film" not in result.data
    assert result.data["notes"] == ["Ana Ruiz", "Bo Chen\nEva Sand"]
    assert result.data["author"] == {"name": "Tomas Lind"}
    assert result.data["review"]["synopsis"] == {"text": "A ferry crew faces one last winter."}
    assert result.data["review"]["body"] == ["The harbour scenes breathe.", "The middle act earns its silences."]


def test_prose_right_after_the_details_is_the_review_not_notes() -> None:
    data = data_of("Written by Bo Chen\nDirected by Ana Ruiz\nSalt Road is a patient film that lets the harbour "
                   "breathe before the storm.\nThe last act drags a little, but the ending lands.\n")
    assert data["film"] == {"writers": ["Bo Chen"], "directors": ["Ana Ruiz"]}
    assert data["review"]["body"] == ["Salt Road is a patient film that lets the harbour breathe before the storm.\n"
                                      "The last act drags a little, but the ending lands."]
    assert "notes" not in data


def test_labelled_paragraphs_of_commentary_stay_in_the_review() -> None:
    data = data_of("Salt Road (2019)\nDirector: Ana Ruiz\nStory: A ferry crew faces one last winter at sea.\n"
                   "Star turn: Bo Chen is the reason to watch, quiet and certain in every scene he is in.\n"
                   "Behind the scenes: the storm was shot in a tank, and it shows in a good way here.\n")
    assert data["review"]["synopsis"] == {"text": "A ferry crew faces one last winter at sea."}
    assert data["review"]["body"] == [
        "Star turn: Bo Chen is the reason to watch, quiet and certain in every scene he is in.\n"
        "Behind the scenes: the storm was shot in a tank, and it shows in a good way here."]


def test_a_day_and_month_without_a_year_is_no_headline_and_no_date() -> None:
    result = convert("Saturday 30 October\n\nSalt Road is slow, and rightly so." + BODY)
    assert result.data is not None
    assert "headline" not in result.data["review"] and "published" not in result.data
    assert result.data["notes"] == ["Saturday 30 October"]


@pytest.mark.parametrize("label", ["MOVIE REVIEW:", "Film review:", "Our Review", "My take:"])
def test_review_section_labels(label: str) -> None:
    data = data_of("Salt Road (2019)\n\nSynopsis:\nA ferry crew faces one last winter.\n" + label +
                   "\nThe harbour scenes breathe.\n")
    assert data["review"]["synopsis"] == {"text": "A ferry crew faces one last winter."}
    assert data["review"]["body"] == ["The harbour scenes breathe."]


@pytest.mark.parametrize(("headline", "title", "year"), [
    ("1917 (2019)", "1917", 2019),
    ("2001: A Space Odyssey (1968)", "2001: A Space Odyssey", 1968),
    ("Mission: Impossible – Fallout (2018) review", "Mission: Impossible – Fallout", 2018),
])
def test_titles_with_numbers_and_colons(headline: str, title: str, year: int) -> None:
    film = data_of(headline + BODY)["film"]
    assert film == {"title": title, "year": year}


def test_a_list_under_a_label_ends_where_the_prose_begins() -> None:
    data = data_of("Salt Road (2019)\nCast:\nBo Chen\nEva Sand\nThe harbour scenes breathe, and the quiet middle act "
                   "earns its long silences.\n")
    assert data["film"]["cast"] == ["Bo Chen", "Eva Sand"]
    assert data["review"]["body"] == ["The harbour scenes breathe, and the quiet middle act earns its long silences."]


def test_written_by_above_is_the_writer_and_below_the_review_is_the_author() -> None:
    data = data_of("Salt Road (2019)\nWritten by Bo Chen\nDirected by Ana Ruiz" + BODY + "\nWritten by Eva Sand\n")
    assert data["film"]["writers"] == ["Bo Chen"]
    assert data["author"] == {"name": "Eva Sand"}


def test_written_by_in_running_text_is_not_a_credit() -> None:
    data = data_of("Salt Road (2019)" + BODY + "\nThis piece was written by Eva Sand for the harbour paper, "
                   "long before the film opened anywhere.\n")
    assert "writers" not in data["film"]


def test_a_numbered_round_up_with_credits_for_each_film_is_split() -> None:
    text = "Three from the harbour festival\n\n" + "".join(
        f"{number}. {title} ({year})\nDirector: {director}\nRating: {score}/10\n\nA paragraph about it.\n\n"
        for number, (title, year, director, score) in enumerate(
            [("Salt Road", 2019, "Ana Ruiz", 7), ("Nine Winters", 2021, "Bo Chen", 5),
             ("Paper Lanterns", 2015, "Eva Sand", 8)], start=1))
    results = migrate_text(text, filename="roundup.txt")
    assert [(r.data["film"]["title"], r.data["film"]["directors"], r.data["rating"]["value"])
            for r in results if r.data] == [("Salt Road", ["Ana Ruiz"], 7), ("Nine Winters", ["Bo Chen"], 5),
                                             ("Paper Lanterns", ["Eva Sand"], 8)]
