"""Prose hygiene (RL6xx): positions inside plain, quoted, literal and folded scalars; fixes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewlint.diagnostics import Edit, FixSafety
from rulekit import diagnostics, findings, overlay

CODES = {f"RL60{n}" for n in range(1, 8)}


def body(*lines: str) -> str:
    """The body list's lines (each given without its 4-space indent) start on line 18."""
    return overlay("review:\n  headline: Quiet Harbour\n  body:\n" + "".join(f"    {line}\n" for line in lines)
                   + "  recommendation:\n    verdict: worth-watching")


FAILING = [
    # trailing white space: at the end of a quoted text, inside literal and folded blocks
    (body('- "A tense story.  "'),
     [("RL601", 18, 22, "trailing white space at the end of the text")]),
    (body("- |-", "  One line.  ", "  Two."),
     [("RL601", 19, 16, "trailing white space at the end of a line")]),
    (body("- >-", "  One line.\t", "  Two."),
     [("RL601", 19, 16, "trailing white space at the end of a line")]),
    (body('- "One.   \\nTwo."'),
     [("RL601", 18, 12, "trailing white space at the end of a line")]),
    (body("- |+", "  One.", "", "", "- Two."),
     [("RL601", 20, 5, "blank lines at the end of the text")]),
    # invisible spaces: a plain scalar, an escape in a double-quoted one, a literal block
    (body("- A tense,\u00a0bloody story."),
     [("RL602", 18, 15, "no-break space (U+00A0) in the text; use a plain space")]),
    (body('- "A tense,\\u00a0bloody story."'),
     [("RL602", 18, 16, "no-break space (U+00A0) in the text; use a plain space")]),
    (body("- |-", "  First.", "  \u200b\u200bSecond."),
     [("RL602", 20, 7, "2 invisible characters (zero width space (U+200B)) in the text; remove it")]),
    (overlay("film:\n  title: Quiet\u202fHarbour\n  year: 2011"),
     [("RL602", 3, 15, "narrow no-break space (U+202F) in the text; use a plain space")]),
    # mixed quotes: the minority style is reported
    (body("- It’s grief, and it doesn't look away.", "- Na Ri’s fury carries it."),
     [("RL603", 18, 31, "straight quote ' in a document that uses curly quotes; use ’")]),
    (body("- It's grief, and it doesn't look away.", "- “Quiet,” she says."),
     [("RL603", 19, 7, "curly quote “ in a document that uses straight quotes; use \""),
      ("RL603", 19, 14, "curly quote ” in a document that uses straight quotes; use \"")]),
    # doubled words, across a folded line break too
    (body("- The film gives the the villain all the lines."),
     [("RL604", 18, 26, "'the' repeats the word before it")]),
    (body("- >-", "  It is a film of of", "  grief."),
     [("RL604", 19, 23, "'of' repeats the word before it")]),
    # placeholders
    (overlay("review:\n  synopsis:\n    text: TBD\n  body: [Quiet.]"),
     [("RL605", 17, 11, "the text is only a placeholder ('TBD'); write the text")]),
    (body("- Lorem ipsum dolor sit amet."),
     [("RL605", 18, 7, "placeholder 'Lorem ipsum' left in the text")]),
    (body('- "A film about [TODO: check the name] and grief."'),
     [("RL605", 18, 21, "placeholder '[TODO: check the name]' left in the text")]),
    (overlay("film:\n  title: <Title>\n  year: 2011"),
     [("RL605", 3, 10, "the text is only a placeholder ('<Title>'); write the text")]),
    (body('- "   "'),
     [("RL605", 18, 8, "the text is empty (only white space)")]),
    # misspellings, case kept
    (body("- Few actors could potray that much grief."),
     [("RL606", 18, 24, "'potray' is a misspelling of 'portray'")]),
    (body("- >-", "  Definately the best", "  cinematograpy of the year."),
     [("RL606", 19, 7, "'Definately' is a misspelling of 'Definitely'"),
      ("RL606", 20, 7, "'cinematograpy' is a misspelling of 'cinematography'")]),
    # quoted dialogue
    (overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: '“It’s me, your sister.”'"),
     [("RL607", 18, 15, "the quote is wrapped in its own quotation marks (“...”); renderers add them")]),
]


@pytest.mark.parametrize(("text", "expected"), FAILING)
def test_failing(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(text, CODES) == expected


PASSING = [
    body("- |-", "  One line.", "  Two."),
    body("- A tense,\u3000bloody story."),  # ideographic space belongs to CJK text
    body("- 👩\u200d🚀 and क्\u200dष"),  # zero-width joiners are part of the characters
    body("- It’s grief, and it doesn’t look away.", "- “Quiet,” she says."),
    body("- It's grief, and it doesn't look away.", '- "Quiet," she says.'),
    body("- He is 5'10\" tall and it’s fine."),  # primes after digits are not quotes
    body("- She had had enough; that that was true, bye bye."),
    body("- Duran Duran play the wedding."),
    body("- The release date is still to be announced."),
    overlay("film:\n  title: Potray\n  year: 2011\nreview:\n  body: [Potray is the hero's name.]"),
    overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: It’s me, your sister."),
    overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: '“Go,” he says. “Now.”'"),
]


@pytest.mark.parametrize("text", PASSING)
def test_passing(text: str) -> None:
    assert findings(text, CODES) == []


def only_fix(text: str, code: str) -> tuple[str, FixSafety, tuple[Edit, ...]]:
    found = [d for d in diagnostics(text) if d.code == code]
    assert found and all(d.fix is not None for d in found)
    fix = found[0].fix
    assert fix is not None
    return fix.description, fix.safety, fix.edits


def test_trailing_whitespace_fix_in_a_folded_block() -> None:
    assert only_fix(body("- >-", "  One line.  ", "  Two."), "RL601") == (
        "remove trailing white space", FixSafety.SAFE, (Edit(("review", "body", 0), "One line. Two."),))


def test_blank_lines_at_the_end_are_removed_keeping_one_line_break() -> None:
    assert only_fix(body("- |+", "  One.  ", "", "", "- Two."), "RL601") == (
        "remove trailing white space", FixSafety.SAFE, (Edit(("review", "body", 0), "One.\n"),))


def test_invisible_space_fix() -> None:
    assert only_fix(body("- A\u00a0tense,\u200bstory."), "RL602") == (
        "replace invisible and unusual spaces with plain spaces", FixSafety.SAFE,
        (Edit(("review", "body", 0), "A tense,story."),))


def test_mixed_quotes_fix_places_opening_and_closing_quotes() -> None:
    text = body("- It’s grief.", "- She said 'no' and \"meant it\" -- it's 1990's '90s.", "- Na Ri’s fury.",
                "- It’s loud.", "- It’s late.", "- It’s over.", "- It’s done.", "- It’s dark.")
    assert only_fix(text, "RL603") == (
        "use curly quotes throughout this text", FixSafety.SAFE,
        (Edit(("review", "body", 1), "She said ‘no’ and “meant it” -- it’s 1990's ’90s."),))


def test_misspelling_fix_corrects_every_listed_word_of_the_text() -> None:
    description, safety, edits = only_fix(body("- POTRAY it, definately."), "RL606")
    assert (description, safety) == ("replace 'POTRAY' with 'PORTRAY' (and the other misspellings of this text)",
                                     FixSafety.UNSAFE)
    assert edits == (Edit(("review", "body", 0), "PORTRAY it, definitely."),)


def test_doubled_word_and_quoted_dialogue_fixes() -> None:
    assert only_fix(body("- It gives the the villain."), "RL604") == (
        "remove the repeated 'the'", FixSafety.UNSAFE, (Edit(("review", "body", 0), "It gives the villain."),))
    text = overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: '“It’s me.”'")
    assert only_fix(text, "RL607") == ("remove the quote's own quotation marks", FixSafety.SAFE,
                                       (Edit(("review", "memorable_dialogue", 0, "quote"), "It’s me."),))


def test_one_doubled_word_fix_per_text_removes_every_repeat() -> None:
    """A copy of the text per finding once took 21 GB for a 1.6 MB "the the the ..."."""
    found = [d for d in diagnostics(body("- It gives the the villain a a plan, and and more.")) if d.code == "RL604"]
    assert [(d.line, d.col) for d in found] == [(18, 20), (18, 34), (18, 46)]
    assert found[0].fix is found[1].fix is found[2].fix
    assert found[0].fix is not None and found[0].fix.description == "remove the repeated 'a', 'and', 'the'"
    assert found[0].fix.edits == (Edit(("review", "body", 0), "It gives the villain a plan, and more."),)


def test_an_empty_string_is_left_to_the_schema() -> None:
    assert findings(body('- ""'), CODES | {"RL107"}) == [("RL107", 18, 7, "item 1 of `body` must not be empty")]


def test_invisible_spaces_in_a_warning_note_and_a_dialogue_speaker() -> None:
    """Both were skipped, and the no-break space of a note survived check --fix."""
    text = overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: Stay.\n"
                   "      speaker: \"Na\\u00a0Ri\"\ncontent_warnings:\n  - id: violence\n    note: \"one\\u00a0fight\"")
    assert findings(text, CODES) == [
        ("RL602", 19, 19, "no-break space (U+00A0) in the text; use a plain space"),
        ("RL602", 22, 15, "no-break space (U+00A0) in the text; use a plain space")]
    assert only_fix(text.replace('speaker: "Na\\u00a0Ri"', "speaker: Na Ri"), "RL602")[2] == (
        Edit(("content_warnings", 0, "note"), "one fight"),)


# --- RL608 unknown-word: the dictionary rule, precise on film reviews --------------------------

SPELLING = {"RL606", "RL608"}

UNKNOWN_FAILING = [
    (body("- Her performence holds the film together."),
     [("RL608", 18, 11, "'performence' is not in the English dictionary; did you mean 'performance'?")]),
    # two edits away, and the frequent word wins over a rare one an edit away
    (body("- It couldent end otherwise."),
     [("RL608", 18, 10, "'couldent' is not in the English dictionary; did you mean \"couldn't\"?")]),
    # a missing apostrophe, a dropped letter, a silent e kept before -ing
    (body("- The score isnt confuseing at all."),
     [("RL608", 18, 17, "'isnt' is not in the English dictionary; did you mean \"isn't\"?"),
      ("RL608", 18, 22, "'confuseing' is not in the English dictionary; did you mean 'confusing'?")]),
    # a sentence-initial capital is checked (case kept in the suggestion); a line start counts
    (body("- >-", "  Absolutly nothing happens in the last act."),
     [("RL608", 19, 7, "'Absolutly' is not in the English dictionary; did you mean 'Absolutely'?")]),
    # rule-built forms one slip from a listed word: "-ic" + "ly", a compound
    (body("- It is basicly a powerfull mess."),
     [("RL608", 18, 13, "'basicly' is not in the English dictionary; did you mean 'basically', 'basic' or 'basics'?"),
      ("RL608", 18, 23, "'powerfull' is not in the English dictionary; did you mean 'powerful' or 'powerfully'?")]),
    # a three-letter slip only when two letters are swapped in a common word
    (body("- It is teh best film of the year."),
     [("RL608", 18, 13, "'teh' is not in the English dictionary; did you mean 'the'?")]),
    # with RL606's curated word beside it: each rule reports its own
    (body("- They potray a beleivable hero."),
     [("RL606", 18, 12, "'potray' is a misspelling of 'portray'"),
      ("RL608", 18, 21, "'beleivable' is not in the English dictionary; did you mean 'believable'?")]),
]


@pytest.mark.parametrize(("text", "expected"), UNKNOWN_FAILING)
def test_unknown_words_are_reported_with_suggestions(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert findings(text, SPELLING) == expected


UNKNOWN_PASSING = [
    # the document's own names: title, cast, characters, crew, author
    overlay("film:\n  title: Quiet Harbour\n  year: 2011\n  directors: [Marta Ribeiro]\n  cast:\n"
            "    - name: Ana Okafor\n      character: Tamsin\nreview:\n  body: [okafor and tamsin, ribeiro's best.]"),
    # names in mid-sentence, acronyms, CamelCase, names at a sentence start seen mid-sentence elsewhere
    body("- We follow Brannagh across town. Brannagh never stops. The VFX and the DiCaprio cameo help."),
    # British spellings, inflections, prefixes, compounds, contractions, possessives, film words
    body("- The colour and the theatre realise a favourite, dreamt-up defence of travelling."),
    body("- A rewatchable, overlong neo-noir whodunnit; the worldbuilding isn't the directors' strength."),
    body("- Y'all shouldn't've missed the sci-fi rom-com's showrunner, a cinephile's runtime."),
    # non-English words in quotes and emphasis; letters outside English; stretched words
    body("- The film's \"joie de vivre\" is *sprezzatura* in the _wabi-sabi_ sense.",
         "- Amélie and the naïve café are sooo good."),
    # URLs, handles, e-mail addresses, numbers
    body("- More at https://example.org/reviewz, @filmcritik or kritik@example.org, in 1950s 4K."),
    # a word the writer uses three times is a name or a term
    body("- The zorbulan bites. A zorbulan sings. Every zorbulan dies."),
    # no English word is close: a loanword or a name
    body("- The kumbhalgarh fort looks great."),
    # a short word that is no swap of a common one
    body("- The film von Trier made, und nothing else."),
]


@pytest.mark.parametrize("text", UNKNOWN_PASSING)
def test_words_a_review_legitimately_holds_pass(text: str) -> None:
    assert findings(text, SPELLING) == []


def test_the_project_vocabulary_and_ignore_words_are_accepted() -> None:
    from reviewlint.config import Settings
    from reviewlint.vocabulary import parse_vocabulary

    text = body("- The performence is a snarkle, as Kinoplexx would say.")
    assert [f[3].split(";")[0] for f in findings(text, SPELLING)] == [
        "'performence' is not in the English dictionary", "'snarkle' is not in the English dictionary"]
    vocabulary = parse_vocabulary({"accept": ["Snarkle"], "ignore": ["the performence"]})
    assert findings(text, SPELLING, Settings(vocabulary=vocabulary)) == []
    ignoring = Settings(rule_options=(("unknown-word", (("ignore-words", ("Performence", "SNARKLE")),)),))
    assert findings(text, SPELLING, ignoring) == []


def test_unknown_word_has_no_fix() -> None:
    found = [d for d in diagnostics(body("- Her performence holds.")) if d.code == "RL608"]
    assert [d.fix for d in found] == [None]


def test_ignored_phrases_are_flagged_by_no_prose_rule() -> None:
    from reviewlint.config import Settings
    from reviewlint.vocabulary import parse_vocabulary

    text = body("- The film ‘Don't Look Up’ is TBD, Potray, the the end, and a snarkle.")
    assert [f[0] for f in findings(text, CODES | SPELLING)] == ["RL603", "RL605", "RL606", "RL604", "RL608"]
    vocabulary = parse_vocabulary({"ignore": ["‘Don't Look Up’", "is TBD", "Potray", "the the end", "a snarkle"]})
    assert findings(text, CODES | SPELLING, Settings(vocabulary=vocabulary)) == []


def test_the_review_tags_are_its_own_terms() -> None:
    text = overlay("review:\n  body: [A fine snarkle of a film.]\ntags: [snarkle, festival-darling]")
    assert findings(text, SPELLING) == []
    assert [f[3] for f in findings(text.replace("[snarkle, festival-darling]", "[festival-darling]"), SPELLING)] == [
        "'snarkle' is not in the English dictionary; did you mean 'sparkle'?"]


def test_a_text_of_thousands_of_unknown_words_costs_a_bounded_number_of_lookups() -> None:
    from reviewlint.rules import prose

    base = "performance"
    slips = [base[:at] + letter + base[at:] for at in range(2, 11) for letter in "bcdfghjkqxz"]  # 99 distinct
    slips += [base[:at] + "w" + base[at:] for at in range(2, 11)] + ["perfxrmance", "perfqrmance"]
    found = findings(body("- " + " ".join(slips) + "."), SPELLING)
    assert len(set(slips)) == 108 and len(found) == prose._MAX_SUGGESTION_LOOKUPS == 100


def test_only_english_reviews_are_checked_against_the_english_dictionary() -> None:
    english = body("- Her performence holds.")
    assert [f[0] for f in findings(english, SPELLING)] == ["RL608"]
    assert [f[0] for f in findings(english.replace("language: en", "language: en-GB"), SPELLING)] == ["RL608"]
    french = english.replace("language: en", "language: fr").replace("Her performence holds.", "Une performence rare.")
    assert findings(french, SPELLING) == []


def test_memorable_dialogue_is_quoted_as_spoken_and_not_spell_checked() -> None:
    text = overlay("review:\n  body: [Quiet.]\n  memorable_dialogue:\n    - quote: Ain't nobody gonna performe tonite.")
    assert findings(text, SPELLING) == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=120))
def test_unknown_word_never_fails_on_any_text(text: str) -> None:
    import json

    found = diagnostics(body("- " + json.dumps(text)))
    assert not [d for d in found if d.code == "RL999"]


def test_doubled_words_past_the_cap_are_counted_as_before() -> None:
    """Past the findings listed for one text (100) the repeats are counted, not built (a 1.9 MB
    paragraph of 243,000 repeats); the findings, their fix and the summary stay what they were."""
    scenes = [f"  Scene {n}: the the harbour, so so quiet, a a plan, Duran Duran." for n in range(60)]
    found = [d for d in diagnostics(body("- |-", *scenes, '- "And and one more."')) if d.code == "RL604"]
    listed = []
    for n in range(60):
        shift = len(str(n)) - 1
        listed += [(19 + n, 20 + shift, 23 + shift, "'the' repeats the word before it"),
                   (19 + n, 48 + shift, 49 + shift, "'a' repeats the word before it")]
    summary = "20 more doubled-word findings in this value are not listed one by one (the first 100 are)"
    assert [(d.line, d.col, d.end_col, d.message) for d in found] == [
        *listed[:100], (69, 21, 24, summary), (79, 12, 15, "'and' repeats the word before it")]
    assert [d.json_path for d in found] == [("review", "body", 0)] * 101 + [("review", "body", 1)]
    fix = found[0].fix
    assert fix is not None and all(d.fix is fix for d in found[:100]) and found[100].fix is None
    assert fix.description == "remove the repeated 'a', 'the'" and fix.safety is FixSafety.UNSAFE
    assert fix.edits == (Edit(("review", "body", 0), "\n".join(
        f"Scene {n}: the harbour, so so quiet, a plan, Duran Duran." for n in range(60))),)
    assert found[101].fix is not None and found[101].fix.edits == (Edit(("review", "body", 1), "And one more."),)


def test_doubled_words_past_the_cap_are_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewlint.rules._context import MAX_FINDINGS_PER_VALUE, Context

    built: list[str] = []
    make = Context._make

    def counting(self: Context, message: str, *args: object, **kwargs: object) -> object:
        built.append(message)
        return make(self, message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Context, "_make", counting)
    found = [d for d in diagnostics(body(f'- "{"the the " * 2000}"')) if d.code == "RL604"]
    assert len(found) == MAX_FINDINGS_PER_VALUE + 1
    assert found[-1].message == ("1900 more doubled-word findings in this value are not listed one by one "
                                 "(the first 100 are)")
    assert built.count("'the' repeats the word before it") == MAX_FINDINGS_PER_VALUE + 1


@pytest.mark.parametrize(("code", "item", "name"), [
    ("RL601", '- |-\n' + "".join("      a line  \n" for _ in range(1200)) + "      end", "trailing-whitespace"),
    ("RL602", '- "' + "a\u00a0" * 1200 + '"', "invisible-space"),
    ("RL603", '- "' + "it's it\u2019s " * 1200 + "it's\"", "mixed-quotes"),
    ("RL605", '- "' + "TBD " * 1200 + '"', "placeholder-text"),
    ("RL606", '- "' + "potray " * 1200 + '"', "misspelling"),
])
def test_prose_findings_past_the_cap_are_counted_not_built(monkeypatch: pytest.MonkeyPatch, code: str, item: str,
                                                           name: str) -> None:
    from reviewlint.rules._context import Context

    built: list[str] = []
    make = Context._make

    def counting(self: Context, message: str, *args: object, **kwargs: object) -> object:
        if self.rule is not None and self.rule.code == code:
            built.append(message)
        return make(self, message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Context, "_make", counting)
    found = [d for d in diagnostics(body(item)) if d.code == code]
    assert len(found) == 101
    assert found[-1].message == f"1100 more {name} findings in this value are not listed one by one (the first 100 are)"
    assert found[-1].fix is None
    assert (found[0].fix is None) == (code == "RL605")  # placeholders have no fix
    assert len(built) == 101
