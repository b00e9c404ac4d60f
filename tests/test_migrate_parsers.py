"""The small readers migrate is built from: ratings, runtimes, names, countries, warnings,
verdicts, endings, dates, labels and encodings."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint.migrate.dates import parse_date
from reviewlint.migrate.encoding import BinaryInput, decode_bytes, split_lines
from reviewlint.migrate.labels import match_label, split_shared
from reviewlint.migrate.people import cast_entry, split_names
from reviewlint.migrate.ratings import parse_rating
from reviewlint.migrate.runtime import parse_runtime
from reviewlint.migrate.vocabmap import country_codes, ending_of, language_code, map_warnings, split_genres, verdict_of


@pytest.mark.parametrize(("text", "expected"), [
    ("7/10", {"value": 7, "min": 1, "max": 10, "step": 1}),
    ("7 / 10", {"value": 7, "min": 1, "max": 10, "step": 1}),
    ("0/10", {"value": 0, "min": 0, "max": 10, "step": 1}),
    ("8.5/10", {"value": 8.5, "min": 0, "max": 10, "step": 0.5}),
    ("7.3/10", {"value": 7.3, "min": 0, "max": 10, "step": 0.1}),
    ("3.5/5", {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}),
    ("3,5/5", {"value": 3.5, "min": 0.5, "max": 5, "step": 0.5}),
    ("4/5", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("4 out of 5", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("3 out of 4 stars", {"value": 3, "min": 0, "max": 4, "step": 0.5}),
    ("65/100", {"value": 65, "min": 0, "max": 100, "step": 1}),
    ("72.5/100", {"value": 72.5, "min": 0, "max": 100, "step": 0.5}),
    ("80%", {"value": 80, "min": 0, "max": 100, "step": 1}),
    ("7/8", {"value": 7, "min": 0, "max": 8, "step": 1}),
    ("8.5", {"value": 8.5, "original": "8.5"}),
    ("**7/10**", {"value": 7, "min": 1, "max": 10, "step": 1}),
    ("★★★½", {"value": 3.5, "original": "★★★½"}),
    ("★★★☆☆", {"value": 3, "min": 0.5, "max": 5, "step": 0.5, "original": "★★★☆☆"}),
    ("★★½☆", {"value": 2.5, "min": 0, "max": 4, "step": 0.5, "original": "★★½☆"}),
    ("***", {"value": 3, "original": "***"}),
    ("***½", {"value": 3.5, "original": "***½"}),
    ("3.5 stars", {"value": 3.5, "original": "3.5 stars"}),
    ("4", {"value": 4, "original": "4"}),
    ("8*", {"value": 8, "original": "8*"}),
    ("3 cats", {"value": 3, "original": "3 cats"}),
    ("$$ and a 1/2", {"value": 2.5, "original": "$$ and a 1/2"}),
    ("****/5", {"value": 4, "min": 1, "max": 5, "step": 1, "original": "****/5"}),
    ("4 out of 5 stars", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("Good (5/8)", {"value": 5, "min": 0, "max": 8, "step": 1, "original": "Good (5/8)"}),
    ("4.5/5 ⭐⭐⭐⭐½", {"value": 4.5, "min": 0.5, "max": 5, "step": 0.5}),
    ("4 (out of 5)", {"value": 4, "min": 1, "max": 5, "step": 1}),
    ("3½ stars", {"value": 3.5, "original": "3½ stars"}),
    ("3 1/2 out of 4", {"value": 3.5, "min": 0, "max": 4, "step": 0.5, "original": "3 1/2 out of 4"}),
    ("B+", {"value": 9, "min": 0, "max": 12, "step": 1, "original": "B+"}),
    ("A", {"value": 11, "min": 0, "max": 12, "step": 1, "original": "A"}),
    ("F", {"value": 0, "min": 0, "max": 12, "step": 1, "original": "F"}),
])
def test_ratings_map_to_a_value_and_a_scale(text: str, expected: dict[str, object]) -> None:
    rating = parse_rating(text)
    assert rating is not None
    assert rating.as_data() == expected


@pytest.mark.parametrize(("text", "stated"), [("7/10", True), ("8.5", False), ("★★★½", False), ("★★★☆☆", True),
                                              ("B+", True), ("3.5 stars", False)])
def test_a_scale_is_only_what_the_text_states(text: str, stated: bool) -> None:
    rating = parse_rating(text)
    assert rating is not None and rating.scale_stated is stated


@pytest.mark.parametrize("text", ["12/10", "-1/10", "M18", "PG-13", "R", "E", "great",
                                  "7/10 for the music", "☆★★", ""])
def test_not_a_rating(text: str) -> None:
    assert parse_rating(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("1h 32m", (92, False)), ("1h32m", (92, False)), ("1 hr 32 min", (92, False)), ("1 hour 32 minutes", (92, False)),
    ("1 hour and 32 minutes", (92, False)), ("92 min", (92, False)), ("92 minutes", (92, False)),
    ("92m", (92, False)), ("1:32", (92, False)), ("2 hrs", (120, False)), ("2h", (120, False)),
    ("92", (92, True)), ("1h 32m.", (92, False)),
])
def test_runtimes(text: str, expected: tuple[int, bool]) -> None:
    assert parse_runtime(text) == expected


@pytest.mark.parametrize("text", ["5", "1:75", "ninety", "0 min", "2000 min", "1h 32m 10s"])
def test_not_a_runtime(text: str) -> None:
    assert parse_runtime(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Seo Min-ji, Kang Tae-woo, Yoon Ha-eun", ["Seo Min-ji", "Kang Tae-woo", "Yoon Ha-eun"]),
    ("Amy Adams, Jeremy Renner, and Forest Whitaker.", ["Amy Adams", "Jeremy Renner", "Forest Whitaker"]),
    ("Ralph Fiennes | Tony Revolori | Saoirse Ronan", ["Ralph Fiennes", "Tony Revolori", "Saoirse Ronan"]),
    ("Joel Coen & Ethan Coen", ["Joel Coen", "Ethan Coen"]),
    ("Miles Teller\nJ.K. Simmons\nMelissa Benoist", ["Miles Teller", "J.K. Simmons", "Melissa Benoist"]),
    ("- A One\n- B Two", ["A One", "B Two"]),
    ("Robert Downey, Jr. and Chris Evans", ["Robert Downey, Jr.", "Chris Evans"]),
    ("Ana de Armas, etc.", ["Ana de Armas"]),
])
def test_people_lists(text: str, expected: list[str]) -> None:
    assert split_names(text) == expected


def test_people_lists_refuse_sentences() -> None:
    assert split_names("the one who shouted the loudest at everybody in the whole room last night") is None
    assert split_names("Who directed it?") is None


def test_cast_characters() -> None:
    assert cast_entry("Seo Min-ji as Na Ri") == {"name": "Seo Min-ji", "character": "Na Ri"}
    assert cast_entry("Kang Tae-woo (Jang Boss)") == {"name": "Kang Tae-woo", "character": "Jang Boss"}
    assert cast_entry("Yoon Ha-eun") == "Yoon Ha-eun"


@pytest.mark.parametrize(("text", "codes", "unknown"), [
    ("South Korea", ["KR"], []), ("Korea, Republic of", ["KR"], []), ("UK", ["GB"], []), ("KR", ["KR"], []),
    ("Bosnia and Herzegovina", ["BA"], []), ("France and Belgium", ["FR", "BE"], []),
    ("United States, Germany", ["US", "DE"], []), ("UK / Narnia", ["GB"], ["Narnia"]),
])
def test_countries(text: str, codes: list[str], unknown: list[str]) -> None:
    assert country_codes(text) == (codes, unknown)


def test_languages_and_genres() -> None:
    assert language_code("Korean") == "ko"
    assert language_code("English") == "en"
    assert language_code("Klingon") is None
    assert split_genres("Gun fu/Martial arts/Thriller") == ["Gun Fu", "Martial Arts", "Thriller"]
    assert split_genres("drama, sci-fi and Neo-noir") == ["Drama", "Sci-Fi", "Neo-Noir"]
    assert split_genres("Cosy Heist-Musical") == ["Cosy Heist-Musical"]  # unknown genres are kept as written


def test_warnings_from_the_seed_sentence() -> None:
    found = map_warnings("Contains violence, strong language, harmful substances, sexual violence, suicide, "
                         "alcohol, and smoking.")
    assert found.entries == ["violence", "profanity", "drugs", "sexual-violence", "suicide", "alcohol", "smoking"]
    assert found.unmapped == []
    assert found.stated_none is False


def test_warnings_severity_synonyms_and_unknown_phrases() -> None:
    found = map_warnings("Mild violence, frightening and intense scenes, some drug use and a cute dog.")
    assert found.entries == [{"id": "violence", "severity": "mild"}, "frightening", "drugs"]
    assert found.unmapped == ["a cute dog"]
    assert map_warnings("None.").stated_none is True
    assert map_warnings("None.").entries == []


@pytest.mark.parametrize(("text", "verdict"), [
    ("Worth to Watch", "worth-watching"), ("Must see!", "must-watch"), ("Highly recommended.", "must-watch"),
    ("Skip it.", "skip"), ("Wait for streaming", "mixed"), ("Worth a watch. Bring tissues.", "worth-watching"),
    ("I wouldn't call it a must see", None), ("It was fine", None),
])
def test_verdicts(text: str, verdict: str | None) -> None:
    assert verdict_of(text) == verdict


@pytest.mark.parametrize(("text", "ending"), [
    ("Happy Ending", ("happy", False)), ("Unhappy ending.", ("sad", False)),
    ("Bittersweet, with a twist", ("bittersweet", True)),
    ("Open-ended", ("open", False)), ("Plot twist", ("twist", False)), ("Cliffhanger!", ("cliffhanger", False)),
    ("He dies in the end.", None),
])
def test_endings(text: str, ending: tuple[str, bool] | None) -> None:
    assert ending_of(text) == ending


@pytest.mark.parametrize(("text", "iso"), [
    ("2024-03-04", "2024-03-04"), ("March 4, 2024", "2024-03-04"), ("4 March 2024", "2024-03-04"),
    ("Monday, March 4, 2024", "2024-03-04"), ("Sept 9th, 2021", "2021-09-09"),
    ("2023-05-17T10:00:00+07:00", "2023-05-17"),
    ("04/03/2024", None), ("2024-02-30", None), ("yesterday", None),
])
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(("line", "key", "value", "colon"), [
    ("Director: Do-Yun Han", "directors", "Do-Yun Han", True),
    ("DIRECTOR: X", "directors", "X", True),
    ("director(s): X", "directors", "X", True),
    ("Directed by Bong Joon Ho", "directors", "Bong Joon Ho", False),
    ("**Director:** Bong", "directors", "Bong", True),
    ("**Cast**: A, B", "cast", "A, B", True),
    ("- Starring: A", "cast", "A", True),
    ("Stars: A", "cast", "A", True),
    ("My Rate: 7/10", "rating", "7/10", True),
    ("Runtime 92 min", "runtime", "92 min", False),
    ("Plot:", "synopsis", "", True),
    ("Summary", "synopsis", "", False),
    ("SYNOPSIS", "synopsis", "", False),
    ("Final thoughts:", "recommendation", "", True),
    ("Verdict: Worth a watch.", "recommendation", "Worth a watch.", True),
    ("Ending (spoilers!):", "ending", "", True),
])
def test_labels(line: str, key: str, value: str, colon: bool) -> None:
    label = match_label(line, typed_ok=lambda key, value: True)
    assert label is not None
    assert (label.key, label.value, label.colon) == (key, value, colon)


@pytest.mark.parametrize("line", ["Overall, the film works.", "Story of my life", "Castle: big",
                                  "Plot twist: he is dead", "Cast away your doubts", "Rating 7/10"])
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


def test_two_labels_sharing_a_line() -> None:
    label = match_label("Genre: Drama My Score: 7/10")
    assert label is not None
    assert [(part.key, part.value) for part in split_shared(label)] == [("genres", "Drama"), ("rating", "7/10")]


def test_spoiler_marks_on_section_labels() -> None:
    label = match_label("Ending (spoilers!):")
    assert label is not None and label.spoiler is True


TEXT = "Café “Noir” – naïve\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (with BOM)"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)
    assert decoded.fallback is (encoding == "cp1252")


def test_cp1252_undefined_bytes_are_kept_not_replaced() -> None:
    assert decode_bytes(b"caf\xe9 \x81").text == "café \x81"


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", codecs.BOM_UTF32_LE + "x".encode("utf-32-le"),
                                  codecs.BOM_UTF8 + b"\xff\xfe bad", bytes(range(1, 32)) * 10])
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(data)


def test_line_endings() -> None:
    assert split_lines("a\r\nb\rc\nd\u2028e\x0cf\n") == ["a", "b", "c", "d\u2028e\x0cf"]
    assert split_lines("") == []


@pytest.mark.parametrize("text", [
    "Frances McDormand and a cast of real nomads, this is a road movie without a destination.",
    "the Russo brothers",
    "Joel and Ethan Coen",
    "Kang Tae-woo (Jang Boss",
])
def test_people_lists_refuse_prose_ambiguity_and_broken_brackets(text: str) -> None:
    assert split_names(text) is None


def test_people_lists_keep_separators_inside_parentheses_and_caseless_scripts() -> None:
    assert split_names("Brad Pitt (Tyler Durden), Edward Norton (The Narrator, unnamed)") == [
        "Brad Pitt (Tyler Durden)", "Edward Norton (The Narrator, unnamed)"]
    assert split_names("Zendaya, Tom Holland") == ["Zendaya", "Tom Holland"]
    assert split_names("50 Cent and Eminem") == ["50 Cent", "Eminem"]
    assert split_names("봉준호, 송강호") == ["봉준호", "송강호"]


@pytest.mark.parametrize(("text", "standalone"), [("4 (out of 5)", True), ("2 / 10", True), ("1/2", False),
                                                  ("3/8", False), ("Fair (3/8)", True), ("★★★½", True),
                                                  ("***", False), ("6", False), ("B+", False)])
def test_a_line_that_is_only_a_rating(text: str, standalone: bool) -> None:
    from reviewlint.migrate.ratings import standalone_rating

    assert (standalone_rating(text) is not None) is standalone


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/.,½★☆*$ abcdefghijklmnopqrstuvwxyzABCDEF+-()%")), max_size=30))
def test_a_rating_never_lies_outside_its_stated_scale(text: str) -> None:
    from reviewlint.migrate.ratings import parse_rating as parse
    from reviewlint.migrate.ratings import standalone_rating

    for rating in (parse(text), standalone_rating(text)):
        if rating is not None and rating.max is not None:
            assert rating.min is not None and rating.min <= rating.value <= rating.max
        if rating is not None and rating.max is None:
            assert rating.original  # an unstated scale always keeps the wording


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_title_lines_and_bylines_never_fail_on_any_text(text: str) -> None:
    from reviewlint.migrate.chrome import headline_byline, is_chrome, read_byline
    from reviewlint.migrate.credits import prose_credits
    from reviewlint.migrate.titles import read_title_line

    reading = read_title_line(text)
    if reading is not None:  # a title is always words of the line (less emphasis marks), never made up
        assert reading.title
        plain = text.replace("*", "").replace("_", "")
        assert all(word.replace("*", "").replace("_", "") in plain for word in reading.title.split())
    read_byline(text)
    headline_byline(text)
    is_chrome(text)
    prose_credits(text)
