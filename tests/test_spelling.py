"""The English dictionary behind RL608: word forms, suggestions, the compiled cache, tokens."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewlint import spelling


@pytest.mark.parametrize("word", [
    "the", "colour", "favourite", "realise", "organisation", "analysed", "centre", "theatre", "lacklustre",
    "defence", "offences", "mould", "sceptical", "travelled", "modelling", "catalogue", "programme", "paediatric",
    "dreamt", "learnt", "stopped", "happily", "rewatch", "rewatchable", "overlong", "whodunnit", "worldbuilding",
    "cliche", "naive", "filmmakers", "noir", "runtime", "gonna", "kinda", "snark", "meds",
])
def test_english_words_and_their_forms_are_known(word: str) -> None:
    assert spelling.is_word(word)


@pytest.mark.parametrize("word", [
    "performence", "confuseing", "stoped", "begining", "basicly", "powerfull", "surprisingy", "suspence",
    "isnt", "teh", "recieve", "seperate", "wierd", "alot",
])
def test_misspellings_are_not_words(word: str) -> None:
    assert not spelling.is_word(word)


@pytest.mark.parametrize("word", ["didn't", "Didn’t", "Kubrick's", "directors'", "y'all", "can't", "I'd", "we've"])
def test_contractions_and_possessives(word: str) -> None:
    assert spelling.is_english(word.strip("'"))


@pytest.mark.parametrize(("word", "expected"), [
    ("performence", (1, ("performance",))),
    ("couldent", (2, ("couldn't",))),  # two edits away
    ("beleivable", (1, ("believable",))),
    ("zyuganof", (0, ())),  # the only near word is rare (a name in the subtitles): not a slip
    ("zzzxqv", (0, ())),
])
def test_nearest_words(word: str, expected: tuple[int, tuple[str, ...]]) -> None:
    edits, words = spelling.nearest(word)
    assert (edits, words[:len(expected[1])]) == expected


def test_a_short_word_is_only_a_swap_of_a_common_one() -> None:
    assert spelling.swapped("teh") == (1, ("the",))
    assert spelling.swapped("wie") == (0, ())
    assert spelling.swapped("tno") == (0, ())  # "ton" is a word, but not common enough to bet on


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("kitten", "sitting", 3), ("abcd", "acbd", 1), ("couldent", "couldn't", 2), ("", "ab", 2), ("same", "same", 0),
])
def test_distance(first: str, second: str, expected: int) -> None:
    assert spelling.distance(first, second, limit=3) == expected


def _reference(first: str, second: str) -> int:
    """Plain optimal-string-alignment distance, for the property test."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(second) + 1)] for i in range(len(first) + 1)]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = first[i - 1] != second[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@given(st.text(alphabet="abcd", max_size=7), st.text(alphabet="abcd", max_size=7))
def test_distance_agrees_with_the_plain_algorithm_up_to_its_limit(first: str, second: str) -> None:
    assert spelling.distance(first, second, limit=2) == min(_reference(first, second), 3)


def test_words_skip_urls_handles_numbers_and_split_compounds() -> None:
    text = "See https://x.org/a-b, @critic, me@x.org, 1950s, 4K; a sci-fi rom-com's 'em."
    assert [word for _, _, word in spelling.words(text)] == ["See", "a", "sci", "fi", "rom", "com's", "em"]
    assert all(text[start:end] == word for start, end, word in spelling.words(text))


def test_the_compiled_dictionary_answers_as_the_list_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {"the": 9, "thesis": 3, "tea": 5, "a": 1, "zürich": 2}
    blob = spelling.compile_dictionary(counts)
    compiled = spelling.Dictionary(blob)
    in_memory = spelling.Dictionary(counts=counts)
    for word in [*counts, "then", "z", ""]:
        assert compiled.count(word) == in_memory.count(word) == counts.get(word, 0)
    assert compiled.bucket("thesaurus") == in_memory.bucket("thesaurus") == {"the": 9, "thesis": 3}
    path = tmp_path / "en.dict"
    path.write_bytes(blob)
    read = spelling._read_compiled(path)
    assert read is not None and read.count("tea") == 5
    path.write_bytes(b"something else" + marshal.dumps({}))
    assert spelling._read_compiled(path) is None  # a foreign file is rebuilt, never trusted
    path.write_bytes(blob[:-3])
    assert spelling._read_compiled(path) is None  # so is a cut-off one


def test_the_dictionary_is_compiled_once_into_the_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    spelling.dictionary.cache_clear()
    try:
        first = spelling.dictionary()
        files = list((tmp_path / "reviewlint").glob("en-*.dict"))
        assert len(files) == 1 and first.count("the") > 0
        spelling.dictionary.cache_clear()
        second = spelling.dictionary()  # now read from the file, prefix by prefix
        assert second.count("the") == first.count("the") and "performence" not in second
    finally:
        spelling.dictionary.cache_clear()


def test_an_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    spelling.dictionary.cache_clear()
    try:
        assert spelling.dictionary().count("the") > 0
    finally:
        spelling.dictionary.cache_clear()


def test_unknown_pieces_are_remembered_as_known_once_checked() -> None:
    assert spelling.unknown_pieces({b"the", b"didn", b"t", b"performence", b"1950s"}) == {b"performence"}
    assert b"didn" in spelling._KNOWN_PIECES and b"performence" not in spelling._KNOWN_PIECES


def test_only_so_many_new_pieces_are_looked_at_the_first_in_sorted_order() -> None:
    pieces = {f"zq{letter}xv".encode() for letter in "abcdefghij"}
    assert spelling.unknown_pieces(pieces, limit=3) == {b"zqaxv", b"zqbxv", b"zqcxv"}
    assert spelling.unknown_pieces({b"x" * (spelling.LONGEST_WORD + 1)}) == set()


@given(st.text(max_size=200))
def test_words_are_slices_of_the_text_without_decimal_digits(text: str) -> None:
    previous_end = 0
    for start, end, word in spelling.words(text):
        assert text[start:end] == word and word and not any(char.isdecimal() for char in word)
        assert start >= previous_end
        previous_end = end


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
def test_any_word_gets_an_answer(word: str) -> None:
    spelling.is_english(word) if word else None
    lowered = spelling.normal_form(word)
    edits, near = spelling.nearest(lowered[:20]) if lowered else (0, ())
    assert edits in (0, 1, 2) and len(near) <= 3 and (edits == 0) == (not near)
