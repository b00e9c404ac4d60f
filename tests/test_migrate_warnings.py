"""Content warnings read from a blog post's warnings section (issue 11 item 6): where the
section ends, a short list of terms against a section written as prose, and one note per
section at most.

Every film, name and sentence here is invented for the test.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint.migrate import Level, MigrationResult, migrate_text
from reviewlint.migrate.content_warnings import is_term_list, looks_like_heading, read_sections

HEAD = "Lantern Street (2016)\nDirector: Ines Varga\n\n"
SYNOPSIS = ("The Plot\n\nA night-shift nurse inherits her uncle's failing cinema and decides to keep it open "
            "for one last winter, whatever the landlord says.\n\n")
PROSE_WARNING = ("Most of the rating comes from a bar fight with some blood and a death off screen. A couple kiss "
                 "in the back row and the projectionist swears constantly, mostly in anger.")
REVIEW = ("Varga shoots the empty auditorium like a cathedral, and the quiet scenes between the nurse and "
          "the old projectionist are the best thing in the film.")
REVIEW_2 = "The last reel drags, but the ending earns its tears without a single speech about the movies."
SEE = "(see `reviewlint vocab content-warnings`)"


def convert(text: str) -> MigrationResult:
    results = migrate_text(text, filename="post.txt")
    assert len(results) == 1
    result = results[0]
    assert result.accounting.unaccounted() == []
    assert result.data is not None, result.issues
    return result


def warning_notes(result: MigrationResult) -> list[str]:
    return [issue.describe() for issue in result.issues if "content_warnings_source" in issue.message]


def body(data: dict[str, Any]) -> list[str]:
    return list(data["review"]["body"])


# --- a section written as prose --------------------------------------------------------------

@pytest.mark.parametrize("heading", ["Content Issues", "Content note", "Parents' guide", "Parents’ Guide:",
                                     "Content concerns"])
def test_a_prose_section_maps_through_the_prose_detector_and_ends_at_the_next_heading(heading: str) -> None:
    text = HEAD + SYNOPSIS + f"{heading}\n\n{PROSE_WARNING}\n\nWhat Families Can Talk About\n\n{REVIEW}\n\n{REVIEW_2}\n"
    result = convert(text)
    data = result.data
    assert data is not None
    assert data["content_warnings"] == ["violence", "gore", "death-grief", "profanity"]
    assert data["content_warnings_source"] == PROSE_WARNING
    # What follows the section is the review, as if there had been no warnings section.
    assert body(data) == ["What Families Can Talk About", REVIEW, REVIEW_2]
    assert warning_notes(result) == [
        "line 10: content warnings read from the prose of this warnings section: violence ('bar fight'), gore "
        "('blood'), death-grief ('death'), profanity ('swears'); its wording is kept in content_warnings_source"]
    assert [issue.level for issue in result.issues if issue.line == 10] == [Level.INFO]


def test_a_post_without_blank_lines_ends_the_section_at_a_heading_line_too() -> None:
    text = (f"Lantern Street (2016)\nDirector: Ines Varga\nContent Issues\n{PROSE_WARNING}\nOur Two Cents\n"
            f"{REVIEW}\n{REVIEW_2}\n")
    data = convert(text).data
    assert data is not None
    assert data["content_warnings_source"] == PROSE_WARNING
    assert "Our Two Cents" in body(data)[0] and REVIEW in body(data)[0] and REVIEW_2 in body(data)[0]


def test_a_markdown_heading_ends_the_section() -> None:
    text = f"# Lantern Street (2016)\n\n## Content note\n\n{PROSE_WARNING}\n\n## The good\n\n{REVIEW}\n"
    results = migrate_text(text, filename="post.md")
    data = results[0].data
    assert data is not None
    assert data["content_warnings_source"] == PROSE_WARNING
    assert REVIEW not in str(data["content_warnings_source"])


def test_a_label_of_another_kind_ends_the_section_and_is_read_as_usual() -> None:
    text = f"Lantern Street\n\nContent note\n\n{PROSE_WARNING}\nRuntime: 104 minutes\n\n{REVIEW}\n"
    data = convert(text).data
    assert data is not None
    assert data["content_warnings_source"] == PROSE_WARNING
    assert data["film"]["runtime_minutes"] == 104


def test_a_warning_label_in_the_details_goes_back_to_the_details() -> None:
    text = ("Lantern Street (2016)\nDirector: Ines Varga\nWarnings: A father dies early on, and the grief that "
            "follows is the whole film; a small child may have questions.\nRuntime: 104 minutes\n\n" + REVIEW + "\n")
    data = convert(text).data
    assert data is not None
    assert data["film"]["runtime_minutes"] == 104
    assert data["content_warnings"] == ["death-grief"]
    assert data["content_warnings_source"].endswith("may have questions.")
    assert body(data) == [REVIEW]


def test_guide_categories_inside_a_prose_section_stay_in_it() -> None:
    section = "Language: a few mild curses\nSex/Nudity: one kiss\nViolence: a shove in the rain"
    text = HEAD + f"Parents' guide\n\n{section}\n\nWhy It Works\n\n{REVIEW}\n"
    data = convert(text).data
    assert data is not None
    assert data["content_warnings_source"] == section
    assert data["content_warnings"] == ["profanity", "sexual-content", "nudity", "violence"]


def test_a_prose_section_that_names_nothing_in_the_vocabulary_gives_one_warning() -> None:
    quiet = "Nothing here will trouble older children, though the pace may lose the very young ones."
    result = convert(HEAD + f"Content note\n\n{quiet}\n\nWhy It Works\n\n{REVIEW}\n")
    data = result.data
    assert data is not None
    assert "content_warnings" not in data
    assert data["content_warnings_source"] == quiet
    assert warning_notes(result) == [
        "line 6: nothing in this warnings section maps onto the content-warning vocabulary; its wording stays in "
        f"content_warnings_source only {SEE}"]


# --- a short list of terms -------------------------------------------------------------------

def test_a_short_list_is_split_at_commas_and_needs_no_note() -> None:
    result = convert(HEAD + "Content warnings: violence, language, brief nudity\n\n" + REVIEW + "\n")
    data = result.data
    assert data is not None
    assert data["content_warnings"] == ["violence", "profanity", "nudity"]
    assert data["content_warnings_source"] == "violence, language, brief nudity"
    assert warning_notes(result) == []
    assert body(data) == [REVIEW]


def test_one_term_a_line() -> None:
    data = convert(HEAD + "Trigger warnings:\nsuicide\nstrong language\nsmoking\n\n" + REVIEW + "\n").data
    assert data is not None
    assert data["content_warnings"] == ["suicide", "profanity", "smoking"]


def test_terms_the_vocabulary_lacks_give_one_note_for_the_list() -> None:
    result = convert(HEAD + "Content note: Contains bullying, swearing and heavy themes.\n\n" + REVIEW + "\n")
    assert warning_notes(result) == [
        "line 4: content warnings read from this list: profanity; 'bullying' and 'heavy themes' are not in the "
        f"vocabulary and stay in content_warnings_source only {SEE}"]


def test_a_term_the_prose_detector_knows_is_read_even_when_no_synonym_matches() -> None:
    data = convert(HEAD + "Content warning: suicidal thoughts.\n\n" + REVIEW + "\n").data
    assert data is not None
    assert data["content_warnings"] == ["suicide"]


def test_a_short_list_on_its_label_line_is_not_continued_by_the_paragraph_below() -> None:
    text = f"Lantern Street (2016)\n\n\nContent warning: self-harm, drinking.\n{REVIEW} {REVIEW_2}\n"
    data = convert(text).data
    assert data is not None
    assert data["content_warnings"] == ["self-harm", "alcohol"]
    assert data["content_warnings_source"] == "self-harm, drinking."
    assert body(data) == [f"{REVIEW} {REVIEW_2}"]


def test_a_stated_none_is_an_empty_list() -> None:
    data = convert(HEAD + "Content warnings: None.\n\n" + REVIEW + "\n").data
    assert data is not None
    assert data["content_warnings"] == []


def test_a_parental_guide_breakdown_keeps_working_beside_a_prose_section() -> None:
    text = (HEAD + f"Content note\n\n{PROSE_WARNING}\n\nSEX/NUDITY 2 - Two kisses.\nDRUGS 0 - None.\n\n"
            f"Why It Works\n\n{REVIEW}\n")
    result = convert(text)
    data = result.data
    assert data is not None
    assert "sexual-content" in data["content_warnings"] and "drugs" not in data["content_warnings"]
    assert "Two kisses." in data["content_warnings_source"]
    assert body(data) == ["Why It Works", REVIEW]
    assert len(warning_notes(result)) == 1


# --- the pieces --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("violence, language, brief nudity", True), ("Contains graphic violence and nudity.", True),
    ("suicide\nstrong language", True), (PROSE_WARNING, False), ("Violence: a shove in the rain", False),
])
def test_is_term_list(text: str, expected: bool) -> None:
    assert is_term_list(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Worldview Talking Points", True), ("–Why It Works-", True), ("What Parents Should Know", True),
    ("brief nudity", False), ("Mild.", False), ("violence, language", False), ("Quick Summary:", False),
    ("This line is much too long to be a heading of any section in a film review post", False),
])
def test_looks_like_heading(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120), min_size=1,
                max_size=5))
def test_any_section_text_gives_at_most_one_note_per_section(texts: list[str]) -> None:
    found = read_sections(texts)
    indexes = [index for index, _level, _message in found.notes]
    assert len(indexes) == len(set(indexes))
    assert all(0 <= index < len(texts) for index in indexes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("abc ,.;:\n-–AZ"), max_size=200))
def test_any_warnings_text_in_a_post_is_accounted_for(section: str) -> None:
    results = migrate_text(HEAD + "Content note\n\n" + section + "\n\n" + REVIEW + "\n", filename="post.txt")
    for result in results:
        assert result.accounting.unaccounted() == []
        notes = [issue for issue in result.issues if "content_warnings_source" in issue.message]
        assert len(notes) <= 1


# --- around the section ------------------------------------------------------------------------

def test_a_certificate_with_its_reason_above_the_review_is_the_certification() -> None:
    text = (f"DVD: Lantern Street\n\nPG-13 for a bar fight and some language\n\nThe Plot\n\n{REVIEW}\n\n"
            f"Content Issues\n\n{PROSE_WARNING}\n\nWhy It Works\n\n{REVIEW_2}\n")
    result = convert(text)
    data = result.data
    assert data is not None
    assert data["film"]["certification"] == {"value": "PG-13"}
    assert "logline" not in data["review"]
    assert data["notes"] == ["PG-13 for a bar fight and some language"]
    assert body(data) == ["Why It Works", REVIEW_2]


def test_a_content_label_heads_a_christian_site_style_breakdown() -> None:
    breakdown = ("Moral worldview with prayer; 3 obscenities; one brief shove in a corridor; no sex; no nudity; "
                 "some drinking")
    data = convert(HEAD + f"Content:\n{breakdown}\nMore Detail:\n{REVIEW}\n").data
    assert data is not None
    assert data["content_warnings_source"] == breakdown
    # "no sex; no nudity" names what the film does not have.
    assert data["content_warnings"] == ["profanity", "alcohol"]
    assert body(data) == [f"More Detail:\n{REVIEW}"]


def test_a_term_that_states_an_absence_is_not_reported_as_unknown() -> None:
    result = convert(HEAD + "Content warnings: violence, no nudity, heavy themes\n\n" + REVIEW + "\n")
    assert result.data is not None and result.data["content_warnings"] == ["violence"]
    assert warning_notes(result) == [
        "line 4: content warnings read from this list: violence; 'heavy themes' is not in the vocabulary and stays "
        f"in content_warnings_source only {SEE}"]


def test_content_grades_map_their_categories_and_an_a_states_next_to_none() -> None:
    text = HEAD + f"Overall B+\n\n{REVIEW}\n\nViolence C\nSexual Content A\nLanguage B-\n\n{REVIEW_2}\n"
    data = convert(text).data
    assert data is not None
    assert data["content_warnings"] == ["violence", "profanity"]
    for grade in ("Violence C", "Sexual Content A", "Language B-"):
        assert grade in data["content_warnings_source"]
    assert body(data) == [REVIEW, REVIEW_2]


@pytest.mark.parametrize("section", [PROSE_WARNING, "violence, language, brief nudity"])
def test_the_review_going_on_under_no_heading_is_not_taken_for_a_warning(section: str) -> None:
    quiet = "Varga's camera loves the projection booth, and the film is at its best in the long quiet nights there."
    data = convert(HEAD + SYNOPSIS + f"Content note\n\n{section}\n\n{quiet}\n\n{REVIEW_2}\n").data
    assert data is not None
    assert data["content_warnings_source"] == section
    assert body(data) == [quiet, REVIEW_2]


def test_a_second_paragraph_that_names_warnings_stays_in_the_section() -> None:
    more = "Later a man is stabbed in an alley, and the camera lingers on the wound."
    data = convert(HEAD + f"Content note\n\n{PROSE_WARNING}\n\n{more}\n\nWhy It Works\n\n{REVIEW}\n").data
    assert data is not None
    assert data["content_warnings_source"] == f"{PROSE_WARNING}\n\n{more}"
    assert body(data) == ["Why It Works", REVIEW]


def test_a_huge_section_is_read_in_part_and_the_note_says_so() -> None:
    found = read_sections(["The couple talk about the weather; " * 2000 + "then he is stabbed."])
    assert found.entries == []
    assert found.notes == [(0, Level.WARNING, "nothing in this warnings section (its first 64,000 characters) maps "
                            "onto the content-warning vocabulary; its wording stays in content_warnings_source only "
                            f"{SEE}")]
    found = read_sections(["A knife fight, " * 6000])
    assert found.entries == ["violence"] and "(its first 64,000 characters)" in found.notes[0][2]


def test_verbose_shows_where_the_warnings_came_from() -> None:
    result = convert(HEAD + SYNOPSIS + f"Content Issues\n\n{PROSE_WARNING}\n\nWhy It Works\n\n{REVIEW}\n")
    shown = [(record.field, record.line, record.form) for record in result.provenance
             if record.field.startswith("content_warnings")]
    assert shown == [("content_warnings", 10, "warnings section"),
                     ("content_warnings_source", 10, "warnings section, as written")]


GUIDE_BY_HEADINGS = """Lantern Street (2016)
Director: Ines Varga

A night-shift nurse inherits her uncle's failing cinema and keeps it open for one last winter.

Violence & Scariness

A man is shoved into a wall and a bar fight breaks out in the lobby.

Language

None.

Drinking, Drugs & Smoking
The projectionist smokes constantly and drinks alone at night.

Varga shoots the empty auditorium like a cathedral, and the quiet scenes are the best thing in the film.
"""


def test_category_headings_over_their_text_are_a_parents_guide() -> None:
    result = convert(GUIDE_BY_HEADINGS)
    data = result.data
    assert data is not None
    # "Language" over "None." states there is none.
    assert data["content_warnings"] == ["violence", "smoking", "alcohol"]
    assert data["content_warnings_source"].startswith("Violence & Scariness\n\nA man is shoved")
    assert data["content_warnings_source"].endswith("drinks alone at night.")
    assert body(data)[-1].startswith("Varga shoots the empty auditorium")
    assert len(warning_notes(result)) == 1


def test_a_genre_standing_alone_is_no_category_heading() -> None:
    data = convert("Lantern Street (2016)\n\nHorror\n\n" + REVIEW + "\n").data
    assert data is not None
    assert "content_warnings_source" not in data


@pytest.mark.parametrize("text", ["Lantern Street (2016)\nDirector: Ines Varga\nLanguage\nEnglish, French\n\n",
                                  "Lantern Street (2016)\n\nLanguage\n\nEnglish, French\n\n"])
def test_a_language_line_is_no_category_heading(text: str) -> None:
    data = convert(text + REVIEW + "\n").data
    assert data is not None
    assert "content_warnings_source" not in data


def test_one_paragraph_a_line_the_review_after_a_prose_warning_is_the_body() -> None:
    quiet = "Varga's camera loves the projection booth, and the film is at its best in the long quiet nights there."
    text = f"Lantern Street (2016)\nContent note: {PROSE_WARNING}\n{quiet}\n{REVIEW_2}\n"
    data = convert(text).data
    assert data is not None
    assert data["content_warnings_source"] == PROSE_WARNING
    assert body(data) == [f"{quiet}\n{REVIEW_2}"]


def test_a_hard_wrapped_warning_goes_on_over_its_lines() -> None:
    wrapped = ("The film shows a suicide attempt in some detail.\nThe aftermath in hospital is long, with frequent "
               "strong language\nand heavy drinking.")
    data = convert(f"Lantern Street (2016)\n\nContent note: {wrapped}\n\n{REVIEW}\n").data
    assert data is not None
    assert data["content_warnings_source"] == wrapped
