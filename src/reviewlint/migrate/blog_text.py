"""Blog posts as text -> canonical review. The seed's format, and the variations real blogs
have; the Markdown and HTML readers turn their input into the same lines and use this.

How a post is read, top to bottom:

- The first line is the headline when it reads as a title ("Film Review: Ballerina (2023) –
  When Loss Leads to Revenge", a Markdown `#` heading, or a short line standing alone).
  `review.headline` keeps the whole line as published; the film's title and year and the
  tagline after the dash are read from it as well, and `source.title_line` keeps it too.
- Fact lines carry labelled values: "Director: X | Writer: Y", "My Rate: 7/10",
  "Genre: Drama My Score: 7/10", "Ballerina | 2023 | 1h 32m".
- Section labels ("Synopsis:", "Review", "Verdict", "Memorable Dialogue:") head the
  paragraphs that follow, until the next label.
- Unlabelled paragraphs before the first section: a single one is the logline when the
  post has a review section (the seed's layout); otherwise they open `review.body`.
- "(Aluna)" or "— Aluna" standing alone is the author; comment widgets and share buttons
  are dropped as boilerplate and listed under `source.dropped`.
- Anything else is kept verbatim under `notes` and reported, never dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import BOILERPLATE, LAYOUT, Accounting, is_blank
from reviewlint.migrate.canonical import finish, refuse_as_not_a_review
from reviewlint.migrate.chrome import (
    author_bio,
    author_box,
    headline_byline,
    is_chrome,
    possessive_review,
    read_byline,
)
from reviewlint.migrate.credits import prose_credits
from reviewlint.migrate.dates import parse_date
from reviewlint.migrate.labels import Label, looks_like_unknown_label, match_label, split_shared
from reviewlint.migrate.multi import MAX_REVIEWS, FilmStart, many_films, review_starts
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.patterns import (
    CAPITALISED_NAME,
    LAYOUT_LINE,
    PARENTHESISED_NAME,
    QUOTE_PAIRS,
    SIGNATURE,
    SPOILER_NOTICE,
    dialogue_entry,
    is_boilerplate,
)
from reviewlint.migrate.people import looks_like_credit
from reviewlint.migrate.ratings import AGGREGATORS, parse_rating, rating_in_sentence, standalone_rating
from reviewlint.migrate.result import Level, MigrationResult
from reviewlint.migrate.titles import TitleReading, quoted_title_in, read_title_line, reads_as_prose
from reviewlint.migrate.vocabmap import ending_of, map_warnings, verdict_of

# "Ouija is a 2014 horror movie about...": the year (and genre) a sentence states of the film.
PROSE_YEAR = re.compile(r"^(?:[\w'’:,.\- ]{0,60}\s)?(?:is|was)\s+an?\s+(?P<year>(?:18[89]\d|19\d\d|20\d\d))\s+"
                        r"(?P<genre>(?:[\w-]+\s+){0,2}?)(?:film|movie|feature|documentary|picture)\b")
# "Salt Road (2019) is a quiet film": the title and its year opening the review's first sentence.
OPENING_TITLE = re.compile(r"^[*_“\"‘']*(?P<title>[A-Z0-9][^()\n]{0,80}?)[*_”\"’']*\s+"
                           r"\((?P<year>(?:18[89]\d|19\d\d|20\d\d))\)"
                           r"\s*(?:,|is\b|was\b|isn['’]t\b|wasn['’]t\b|marks\b|tells\b|follows\b|opens\b|has\b)")
# "... Directed by X. [1:28]": a running time in brackets closing a paragraph.
PROSE_RUNTIME = re.compile(r"\[(?P<hours>\d):(?P<minutes>[0-5]\d)\]$")
# Words of blog categories and site names ("Featured Films Movie Reviews"), never a title card.
GENERIC_WORDS = frozenset({"review", "reviews", "movies", "films", "featured", "entertainment", "category",
                           "categories", "blog", "news", "home", "archive", "archives", "posts"})
# "SPOILERS: The party ends with...", "Spoiler alert - she was ...": the ending, told.
SPOILER_LINE = re.compile(r"^[*_(\[]*(?:major\s+)?spoilers?(?:\s+alert|\s+ahead|\s+warning)?[!*_)\]]*\s*[:\-–—]\s*"
                          r"(?P<text>\S.{8,})$", re.IGNORECASE)
INLINE_SPOILER = re.compile(r"[(\[]\s*(?:(?P<none>no|spoiler[- ]free|without)\s+)?spoilers?(?:\s+alert|\s+ahead|"
                            r"\s+warning)?\s*!?\s*[)\]]|\bspoiler alert\b", re.IGNORECASE)
# Parental-guide breakdowns: a category in capitals, an optional score, then its text.
GUIDE_CATEGORY = re.compile(
    r"^(?P<category>(?:SEX|NUDITY|VIOLENCE|GORE|PROFANITY|LANGUAGE|SUBSTANCE(?:\s+USE)?|ALCOHOL|DRUGS|SMOKING|"
    r"FRIGHTENING(?:\s+SCENES)?|SEXUAL\s+CONTENT)(?:\s*/\s*(?:SEX|NUDITY|VIOLENCE|GORE|PROFANITY|LANGUAGE|"
    r"ALCOHOL|DRUGS|SMOKING|SMOKING|SUBSTANCE\s+USE))*)\s*(?P<score>\d{1,2})?\s*[-–—:]\s+\S")
# "Awesome-o-meter: 4.8/10", "Overall A-": a short label, then a score.
SCORE_LINE = re.compile(r"^(?P<label>[^\W\d_][\w'’ .\-]{0,30}?)\s*(?::|\s[-–—]\s|\s)\s*(?P<value>\S.{0,40})$")
PLAIN_SCORE = re.compile(r"[\d.,]+\s*(?:/|out of)\s*\d+.*")
# "7/10 — worth a look.": a score opening a verdict, then its words.
LEADING_SCORE = re.compile(r"^(?P<score>\d+(?:[.,]\d+)?\s*(?:/|out\s+of)\s*\d+)\s*[—–:.-]\s*(?P<rest>\S.*)$",
                           re.IGNORECASE)
# "Salt Road: A Ferry Into the Dark", "Salt Road – a tidal drama": a title, then a tagline.
HEADLINE_SPLIT = re.compile(r"^(?P<title>[^:–—|]{1,80}?)\s*(?::|\s[–—-]\s|\s\|\s)\s*(?P<tagline>\S.*)$")
# "Part 2/3", "Episode 5/10": counters, not scores.
NOT_SCORES = re.compile(r"(?:part|chapter|episode|ep|season|page|day|week|vol|volume|issue|step|round|disc|"
                        r"no|number|#)\.?", re.IGNORECASE)
# A run of words in capitals inside prose ("THE MAN FROM NOWHERE"), and the capitals that are
# acronyms rather than titles.
CAPITALS = re.compile(r"(?<![\w'’])[A-Z][A-Z0-9'’&.\-]*(?:\s+[A-Z0-9][A-Z0-9'’&.\-]*){0,7}(?![\w'’])")
ACRONYMS = frozenset({"DVD", "HD", "USA", "UK", "TV", "CGI", "FBI", "CIA", "NYC", "BBC", "HBO", "IMDB", "IMDb",
                      "MPAA", "OMG", "LOL", "WTF", "NOT", "THE", "AND", "VERY", "REALLY", "SPOILER", "SPOILERS",
                      "BLU-RAY", "BLURAY", "VHS", "DVDS", "NETFLIX", "AMAZON", "HULU", "DISNEY", "MARVEL", "DC",
                      "OK", "OKAY", "YES", "NO", "NEVER", "ALWAYS", "MUST", "SEE", "WATCH", "BEST", "WORST"})
PEOPLE_KEYS = frozenset({"directors", "writers", "cast", "writer_director"})


@dataclass(frozen=True, slots=True)
class SourceLine:
    number: int
    text: str
    # Heading level from Markdown or HTML markup; 0 for a plain line.
    heading: int = 0


Paragraph = list[SourceLine]


@dataclass(slots=True)
class Section:
    key: str
    heading: SourceLine | None = None
    spoiler: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)
    # For "Note: ..." inside the review's prose: the section the reader returns to after
    # this one paragraph, so one labelled aside does not swallow the rest of the review.
    resume: Section | None = None
    # A parental-guide category ("VIOLENCE/GORE 4 - ..."): (category, score or None).
    guide: tuple[str, int | None] | None = None


def _is_english_word(word: str) -> bool:
    from reviewlint.spelling import is_word  # the spelling rule's dictionary, loaded only here

    return is_word(word)


def _identity(item: Any) -> Any:
    """A hashable stand-in for a list item (a name, or a cast entry with its character)."""
    return tuple(sorted(item.items())) if isinstance(item, dict) else item


def paragraph_text(paragraph: Paragraph) -> str:
    return "\n".join(line.text.strip() for line in paragraph)


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(paragraph_text(paragraph) for paragraph in paragraphs)


def _lines_of(paragraphs: list[Paragraph]) -> list[SourceLine]:
    return [line for paragraph in paragraphs for line in paragraph]


class BlogReader:
    """One pass over the lines collects facts and sections; `assemble` then places the
    sections' paragraphs into the review. Every line gets an accounting record."""

    def __init__(self, lines: list[SourceLine], result: MigrationResult, notes: list[str] | None = None) -> None:
        self.lines = lines
        self.result = result
        self.accounting = result.accounting
        self.draft: dict[str, Any] = {}
        self.notes: list[str] = list(notes or [])
        self.dropped: list[str] = []
        self.title_line: str | None = None
        self.intro = Section("intro")
        self.sections: list[Section] = []
        self.current = self.intro
        self.paragraph: Paragraph = []
        self.block_has_fact = False
        self.pending: tuple[Label, SourceLine] | None = None
        self.pending_items: list[SourceLine] = []
        self.seen_content = False
        # A plain headline that may be the title: taken only if the post names it again.
        self.title_candidate: tuple[str, SourceLine] | None = None
        self.facts_seen = False
        self.recorded: set[tuple[str, int]] = set()
        self.ambiguous_crew: set[str] = set()
        # Where each set value came from, to explain a conflict.
        self.origin: dict[tuple[str, ...], int] = {}

    # --- the pass over the lines ------------------------------------------------------------

    def read(self) -> None:
        for index, line in enumerate(self.lines):
            if is_blank(line.text):
                self._end_paragraph()
                if self.pending and self.pending_items:
                    self._close_pending()
                self.block_has_fact = False
                continue
            self._line(index, line)
        self._end_paragraph()
        if self.pending:
            self._close_pending()

    def _alone(self, index: int) -> bool:
        """True when the line is a block of its own: blank (or nothing) above and below."""
        before = index == 0 or is_blank(self.lines[index - 1].text)
        after = index + 1 >= len(self.lines) or is_blank(self.lines[index + 1].text)
        return before and after

    def _line(self, index: int, line: SourceLine) -> None:
        text = line.text.strip()
        if self.pending and self._take_pending(line):
            return
        if LAYOUT_LINE.match(text) and not line.heading:
            self._end_paragraph()
            self.accounting.dropped(line.number, text, LAYOUT)
            # Listed too: "***" may have been a rating to its author; nothing vanishes unseen.
            self.dropped.append(text)
            return
        if is_boilerplate(text) or is_chrome(text):
            self._end_paragraph()
            self.accounting.dropped(line.number, text, BOILERPLATE)
            self.dropped.append(text)
            return
        self.seen_content = True
        if self._header_open() and self._header_line(index, line):
            return
        if self._title_again(index, line):
            return
        if self._spoiler_notice(line):
            return
        if self._guide_line(line):
            return
        if self._byline(index, line):
            return
        if self._rating_line(line):
            return
        if self._details_line(line):
            return
        in_header = self.current is self.intro or self.block_has_fact
        label = match_label(text, typed_ok=facts.typed_value_ok if in_header else None)
        if label is not None and label.kind == "section":
            self._end_paragraph()
            self._start_section(label, line)
            return
        if "|" in text and self._pipe_line(line, in_header):
            return
        if label is not None and label.kind == "fact" and self._fact_line(label, line, in_header):
            return
        if line.heading or (text.endswith(":") and looks_like_unknown_label(text) and self._alone(index)):
            self._end_paragraph()
            self._start_unknown_section(line)
            return
        if self._author_line(index, line):
            return
        if self._labelled_score(line):
            return
        if self.current is self.intro and looks_like_unknown_label(text) and not text.endswith(":"):
            self._end_paragraph()
            self._preserve([line], text, f"no field for the label '{text.split(':', 1)[0].strip(' *_-')}'")
            return
        self.paragraph.append(line)

    # --- headline ------------------------------------------------------------------------------

    def _header_open(self) -> bool:
        """Still above the post's first paragraph of prose: headline, dates and bylines live
        here (a short line above them, a site's tagline, does not close it)."""
        if self.sections:
            return False
        # At most two lines are needed: a full list made this quadratic on long posts.
        above = list(itertools.islice(itertools.chain(itertools.chain.from_iterable(self.intro.paragraphs),
                                                     self.paragraph), 2))
        return not above or (len(above) == 1 and self.title_line is None and len(above[0].text.split()) <= 15)

    def _header_line(self, index: int, line: SourceLine) -> bool:
        text = line.text.strip()
        date = parse_date(text)
        if date is not None:
            if "published" in self.draft:
                return False
            self._apply(facts.Outcome([facts.Update(("published",), date)]), line, text, "a date above the post")
            return True
        if self._byline(index, line):
            return True
        if self.title_line is None and not self.facts_seen and standalone_rating(text) is None:
            return self._headline(index, line)
        return False

    def _headline(self, index: int, line: SourceLine) -> bool:
        text = line.text.strip()
        label = match_label(text)
        if len(text) > 300 or self._is_fact_label(text) or (label is not None and label.key == "title" and label.colon):
            return False  # "Title: X" is the title's label, not a headline
        glued = headline_byline(text)
        head = glued.head if glued is not None and glued.head else text
        reading = read_title_line(head)
        if reading is None or not reading.strong:
            reading = quoted_title_in(head) or reading
        if reading is None and line.heading != 1:
            return False
        if reading is not None and not reading.strong and line.heading != 1:
            over_credits = index + 1 < len(self.lines) and self._is_fact_label(self.lines[index + 1].text.strip())
            standalone = (self._alone(index) or over_credits) and len(text) <= 150 and not text.endswith(
                (".", "!", "?", ":", "”", '"'))
            if not standalone or "|" in text:
                return False
        self._end_paragraph()
        self.title_line = text
        updates = [facts.Update(("review", "headline"), text)]
        self._record("review.headline", line, "headline")
        if glued is not None:
            updates += self._byline_updates(glued.name, glued.date, line)
            if glued.rest:
                self.notes.append(glued.rest)
                self.accounting.preserved(line.number, f"notes[{len(self.notes) - 1}]", glued.rest,
                                          "text after the headline's byline")
        self._apply(facts.Outcome(updates), line, text, "headline")
        if reading is not None and reading.strong:
            self._take_title(reading, line)
        elif reading is not None:
            self.title_candidate = (reading.title, line)
        return True

    def _take_title(self, reading: TitleReading, line: SourceLine) -> None:
        """Apply what a title line states: title, year, original title, director, rating..."""
        text = line.text.strip()
        updates = [facts.Update(("film", "title"), reading.title)]
        if reading.year is not None:
            updates.append(facts.Update(("film", "year"), reading.year))
        if reading.original_title:
            updates.append(facts.Update(("film", "original_title"), reading.original_title))
        if reading.director:
            outcome = facts.read_fact("directors", reading.director)
            updates.extend(outcome.updates)
        if reading.certificate:
            updates.append(facts.Update(("film", "certification"), {"value": reading.certificate}))
        if reading.tagline and len(reading.tagline) <= 200:
            updates.append(facts.Update(("review", "tagline"), reading.tagline))
        outcome = facts.Outcome(updates)
        if reading.rating is not None and reading.rating_text:
            rating = facts.rating_outcome(reading.rating, reading.rating_text)
            outcome.updates.extend(rating.updates)
            outcome.infos.extend(rating.infos)
        self._apply(outcome, line, text, f"title line: {reading.form}")
        if self.title_candidate is not None and self.title_candidate[0] != reading.title:
            self.result.add(Level.INFO, f"title '{reading.title}' taken from line {line.number} ({reading.form}); "
                            f"the headline '{self.title_candidate[0]}' on line {self.title_candidate[1].number} "
                            "states no title form", line.number)
        self.title_candidate = None

    def _title_again(self, index: int, line: SourceLine) -> bool:
        """A title line of its own further down: the title repeated (with its year), or the
        title of a post whose headline did not state it."""
        if self.paragraph or len(line.text) > 200:
            return False
        if not self._alone(index) and not (
                index + 1 < len(self.lines) and self._is_fact_label(self.lines[index + 1].text.strip())):
            return False
        text = line.text.strip()
        reading = read_title_line(text) if not self._is_fact_label(text) else None
        if reading is None or not reading.strong:
            return False
        film = self.draft.get("film", {})
        known = film.get("title")
        if known is None and reading.year is not None:
            self._take_title(reading, line)
            return True
        if known is not None and known.casefold() == reading.title.casefold():
            updates = [] if reading.year is None or "year" in film else [facts.Update(("film", "year"), reading.year)]
            self.accounting.mapped(line.number, "film.title (repeated)", text)
            if updates:
                self._apply(facts.Outcome(updates), line, text)
                self._record("film.year", line, f"title line: {reading.form}")
            return True
        return False

    def _byline_updates(self, name: str | None, date: str | None, line: SourceLine) -> list[facts.Update]:
        updates = []
        if name and facts.author_name(name) and "name" not in self.draft.get("author", {}):
            updates.append(facts.Update(("author", "name"), name))
            self._record("author.name", line, "byline")
        if date and "published" not in self.draft:
            updates.append(facts.Update(("published",), date))
            self._record("published", line, "byline")
        return updates

    def _byline(self, index: int, line: SourceLine) -> bool:
        """"Posted on DATE by NAME", "by NAME on DATE", "NAME'S REVIEW: ...", "About NAME"."""
        text = line.text.strip()
        byline = read_byline(text)
        if byline is not None:
            self._end_paragraph()
            updates = self._byline_updates(byline.name, byline.date, line)
            outcome = facts.Outcome(updates)
            if byline.date is None and byline.date_text:
                outcome.problem = f"'{byline.date_text}' is not an unambiguous date"
            self._apply(outcome, line, text)
            return True
        review = possessive_review(text)
        if review is not None and review.name:
            self._end_paragraph()
            updates = self._byline_updates(review.name, None, line)
            if updates:
                self._apply(facts.Outcome(updates), line, text)
            self.current = Section("body", line)
            self.sections.append(self.current)
            self.block_has_fact = False
            if review.rest:
                self.paragraph.append(SourceLine(line.number, review.rest, 0))
            elif not updates:
                self.accounting.mapped(line.number, "section heading (body)", text)
            return True
        boxed = (author_box(text) if not self.paragraph else None) or author_bio(text)
        if boxed is not None and not self._header_open() and "name" not in self.draft.get("author", {}):
            self._end_paragraph()
            self._apply(facts.Outcome(self._byline_updates(boxed, None, line)), line, text)
            return True
        return False

    def _details_line(self, line: SourceLine) -> bool:
        """"2017 / 90m - Japan", "Canada 2020", "History | War | Thriller" (unlabelled facts), or
        "2010 * PG-13 * 1h 41m When I saw..." (details glued to the first sentence)."""
        text = line.text.strip()
        parts = facts.details_parts(text) if "|" not in text and len(text) <= 120 else None
        rest: str | None = None
        if parts is None and self._header_open():
            glued = facts.glued_details(text)
            if glued is not None:
                parts, rest = glued
        if parts is None:
            return False
        self._end_paragraph()
        self.block_has_fact = rest is None
        for raw, outcome in parts:
            if outcome is None:
                self._preserve([line], raw, "a part of a details line with no label reviewlint knows")
            else:
                self._apply(outcome, line, raw, "details line")
        if rest is not None:
            self.paragraph.append(SourceLine(line.number, rest, 0))
        return True

    def _rating_line(self, line: SourceLine) -> bool:
        """A line that is nothing but a rating ("4 out of 5 boots", "★★★½", "2 / 10")."""
        if "rating" in self.draft:
            return False
        text = line.text.strip()
        rating = standalone_rating(text)
        if rating is None:
            return False
        self._end_paragraph()
        self._apply(facts.rating_outcome(rating, text), line, text, "a rating on a line of its own")
        return True

    def _labelled_score(self, line: SourceLine) -> bool:
        """"Awesome-o-metre: 4.8/10", "Overall A-": a label reviewlint does not know whose value is
        a rating with a stated scale (or a letter grade after a verdict word) is the rating."""
        if "rating" in self.draft:
            return False
        text = line.text.strip()
        match = SCORE_LINE.match(text)
        if match is None:
            return False
        value = match["value"].strip()
        rating = parse_rating(value)
        if rating is None or not rating.scale_stated or AGGREGATORS.search(match["label"]) or \
                NOT_SCORES.fullmatch(match["label"].strip()):
            return False
        plain_number = PLAIN_SCORE.fullmatch(value) is not None or "%" in value
        verdict_word = match["label"].strip().lower() in {"overall", "verdict", "final verdict", "total", "final"}
        if not (plain_number or verdict_word or rating.original):
            return False
        self._end_paragraph()
        self._apply(facts.rating_outcome(rating, value), line, text,
                    f"a score under the label '{match['label'].strip()}'")
        return True

    @staticmethod
    def _is_fact_label(text: str) -> bool:
        """"Director: X", "Release Date: ...": a labelled fact, never a title line ("Film: X" is one)."""
        label = match_label(text, typed_ok=facts.typed_value_ok)
        if label is not None:
            return label.kind == "fact" and label.key != "title"
        reading = read_title_line(text)
        if reading is not None and reading.strong:
            return False
        return looks_like_unknown_label(text) and read_title_line(text.split(":", 1)[1]) is None

    def _ends_block(self, index: int) -> bool:
        return index + 1 >= len(self.lines) or is_blank(self.lines[index + 1].text)

    def _record(self, field: str, line: SourceLine, form: str) -> None:
        """Where a value came from, for `migrate -v`; the first, most specific form wins."""
        if (field, line.number) in self.recorded:
            return
        self.recorded.add((field, line.number))
        self.result.record_source(field, line.number, line.text.strip(), form)

    # --- facts ---------------------------------------------------------------------------------

    def _fact_line(self, label: Label, line: SourceLine, in_header: bool) -> bool:
        parts = split_shared(label)
        outcomes = [facts.read_fact(part.key, part.value) for part in parts]
        if not label.colon and not outcomes[0].updates and not (
                in_header and label.key in PEOPLE_KEYS and looks_like_credit(label.value)):
            return False  # a sentence that starts like a label; an unreadable credit goes to notes
        if not label.colon and not in_header and not (
                label.key == "author" and CAPITALISED_NAME.match(str(outcomes[0].updates[0].value))):
            return False  # "Directed by Bong, the film..." inside a paragraph is prose
        if not in_header and not any(outcome.updates for outcome in outcomes):
            return False  # prose that starts like a label: "Score: the music carries it"
        if not label.value:  # "Cast:" alone: the values follow on the next lines
            self._end_paragraph()
            self.pending, self.pending_items = (label, line), []
            self.block_has_fact = True
            return True
        self._end_paragraph()
        self.block_has_fact = True
        raw_parts = self._raw_segments(line.text.strip(), parts)
        for part, outcome, raw in zip(parts, outcomes, raw_parts, strict=True):
            self._apply(outcome, line, raw, f"label '{part.written}'")
        return True

    @staticmethod
    def _raw_segments(text: str, parts: list[Label]) -> list[str]:
        """The verbatim text of each label segment of a line, for notes and reports."""
        if len(parts) == 1:
            return [text]
        segments: list[str] = []
        rest = text
        for later in parts[1:]:
            cut = rest.find(later.written, len(rest) - len(later.written) - len(later.value) - 12)
            if cut <= 0:
                cut = rest.rfind(later.written)
            segments.append(rest[:cut].strip())
            rest = rest[cut:]
        segments.append(rest.strip())
        return segments

    def _pipe_line(self, line: SourceLine, in_header: bool) -> bool:
        """"Ballerina | 2023 | 1h 32m" or "Genre: X | Country: Y": each part is a fact."""
        parts = [part.strip() for part in re.split(r"\s*\|\s*", line.text.strip())]
        if len(parts) < 2 or not all(parts):
            return False
        readings: list[tuple[str, facts.Outcome | None]] = []
        labelled = classified = 0
        list_key: str | None = None  # "Stars: A | B | C": B and C continue the list
        for part in parts:
            label = match_label(part, typed_ok=facts.typed_value_ok)
            if label is not None and label.kind == "fact" and label.value:
                pieces = split_shared(label)
                for piece, raw in zip(pieces, self._raw_segments(part, pieces), strict=True):
                    readings.append((raw, facts.read_fact(piece.key, piece.value)))
                list_key = pieces[-1].key if pieces[-1].key in facts.LIST_FACTS else None
                labelled += 1
                continue
            outcome = facts.classify_unlabelled(part)
            if outcome is None and list_key is not None:
                outcome = facts.read_fact(list_key, part)
            else:
                list_key = None
            classified += outcome is not None
            readings.append((part, outcome))
        if labelled == 0 and (classified == 0 or not in_header):
            return False
        if labelled == 0 and self.current is not self.intro:
            return False
        self._end_paragraph()
        self.block_has_fact = True
        for position, (raw, outcome) in enumerate(readings):
            if outcome is None and position == 0 and labelled == 0:
                outcome = facts.read_fact("title", raw)  # "Ballerina | 2023 | 1h 32m": the title leads
            if outcome is None:
                self._preserve([line], raw, "a part of a details line with no label reviewlint knows")
                continue
            self._apply(outcome, line, raw, "details line")
        return True

    def _take_pending(self, line: SourceLine) -> bool:
        """Value lines after a label that stands alone ("Cast:" then one name a line)."""
        assert self.pending is not None
        label, label_line = self.pending
        text = line.text.strip()
        if line.heading or match_label(text) is not None or is_boilerplate(text):
            self._close_pending()
            return False
        if label.key in facts.LIST_FACTS:
            self.pending_items.append(line)
            return True
        outcome = facts.read_fact(label.key, text)
        if not outcome.updates:
            self._close_pending()
            return False
        self.pending = None
        self.accounting.mapped(label_line.number, ", ".join(outcome.fields), label_line.text.strip())
        self._apply(outcome, line, text, f"under the label '{label.written}'")
        return True

    def _close_pending(self) -> None:
        assert self.pending is not None
        label, label_line = self.pending
        items, self.pending, self.pending_items = self.pending_items, None, []
        if not items:
            self._preserve([label_line], label_line.text.strip(), f"the label '{label.written}' has no value")
            return
        fields: list[str] = []
        for item in items:
            value = re.sub(r"^\s*(?:[-*+•]|\d+[.)])\s+", "", item.text.strip())
            outcome = facts.read_fact(label.key, value)
            fields.extend(field for field in outcome.fields if field not in fields)
            self._apply(outcome, item, item.text.strip(), f"under the label '{label.written}'")
        self.accounting.mapped(label_line.number, ", ".join(fields) or label.key, label_line.text.strip())

    def _apply(self, outcome: facts.Outcome, line: SourceLine, raw: str, form: str = "line") -> None:
        if any(update.path[0] == "film" for update in outcome.updates):
            self.facts_seen = True
        applied: list[str] = []
        conflicts: list[str] = []
        for update in outcome.updates:
            problem = self._update(update, line.number)
            if problem:
                conflicts.append(problem)
            else:
                applied.append(".".join(update.path))
        for info in outcome.infos:
            self.result.add(Level.INFO, info, line.number)
        if applied:
            self.accounting.mapped(line.number, ", ".join(applied), raw)
            for path in applied:
                self._record(path, line, form)
        problem = "; ".join(filter(None, [outcome.problem, *conflicts]))
        if problem or not applied:
            self._preserve([line], raw, problem or "nothing in it could be mapped")

    def _update(self, update: facts.Update, line: int) -> str | None:
        """Apply one update to the draft; a message if it conflicts with what is there."""
        parent: dict[str, Any] = self.draft
        for key in update.path[:-1]:
            parent = parent.setdefault(key, {})
        key = update.path[-1]
        if update.mode == facts.EXTEND:
            existing = parent.setdefault(key, [])
            seen = {_identity(item) for item in existing}
            for item in update.value:
                if _identity(item) not in seen:  # a set: long credit lists stay linear
                    seen.add(_identity(item))
                    existing.append(item)
            return None
        if update.mode == facts.APPEND:
            entries = parent.setdefault(key, [])
            same = [entry for entry in entries if entry["source"] == update.value["source"]]
            if same and same[0] != update.value:
                return f"a second {update.value['source']} rating that differs from the first"
            if not same:
                entries.append(update.value)
            return None
        if key in parent and parent[key] != update.value:
            where = self.origin.get(update.path)
            return (f"{'.'.join(update.path)} is already {parent[key]!r}"
                    + (f" (line {where})" if where else "") + "; the first value is kept")
        parent[key] = update.value
        self.origin.setdefault(update.path, line)
        return None

    def _preserve(self, lines: list[SourceLine], text: str, reason: str) -> None:
        index = len(self.notes)
        self.notes.append(text)
        for line in lines:
            # One line may be kept only in part (one segment of "A | B"): record that part.
            kept = text if len(lines) == 1 else line.text.strip()
            self.accounting.preserved(line.number, f"notes[{index}]", kept, reason)
        shown = text if len(text) <= 80 else text[:77] + "..."
        self.result.add(Level.WARNING, f"kept under notes: {shown!r} ({reason})", lines[0].number if lines else None)

    # --- sections and paragraphs ---------------------------------------------------------------

    def _start_section(self, label: Label, line: SourceLine) -> None:
        aside = bool(label.value) and self.current.key == "body" and not line.heading
        self.current = Section(label.key, line, spoiler=label.spoiler, resume=self.current if aside else None)
        self.sections.append(self.current)
        self.block_has_fact = False
        if label.value:
            # "Verdict: Worth a watch." carries its first paragraph on the label's line.
            self.paragraph.append(SourceLine(line.number, label.value, 0))
        else:
            self.accounting.mapped(line.number, f"section heading ({label.key})", line.text.strip())

    def _start_unknown_section(self, line: SourceLine) -> None:
        if self.current.key == "body":
            # A sub-heading inside the review ("Cinematography:") is part of the review's
            # prose: it stays in the body, in reading order.
            self.paragraph.append(line)
            self.result.add(Level.INFO, f"the heading '{line.text.strip().rstrip(':')}' has no field of its own; "
                            "it stays in review.body with its text", line.number)
            return
        self.current = Section("unknown", line)
        self.sections.append(self.current)
        self.block_has_fact = False

    def _end_paragraph(self) -> None:
        if not self.paragraph:
            return
        paragraph, self.paragraph = self.paragraph, []
        if self.current is self.intro and self.block_has_fact:
            for line in paragraph:
                self._preserve([line], line.text.strip(), "an unlabelled line among the film's details")
            return
        if self.current is self.intro and len(paragraph) == 1 and parse_date(paragraph[0].text):
            self._preserve(paragraph, paragraph[0].text.strip(), "a date with no label (published? released?)")
            return
        self.current.paragraphs.append(paragraph)
        if self.current.resume is not None:
            self.current = self.current.resume

    def _spoiler_notice(self, line: SourceLine) -> bool:
        key = line.text.strip().strip("*_!.:()[] ").lower()
        level = SPOILER_NOTICE.get(key)
        if level is None:
            return self._spoiler_line(line)
        self._end_paragraph()
        self._apply(facts.Outcome([facts.Update(("spoilers",), level)]), line, line.text.strip(), "spoiler notice")
        return True

    def _spoiler_line(self, line: SourceLine) -> bool:
        """"SPOILERS: The party ends with ...": the text after the label tells the ending; the
        lines of its block that follow continue it."""
        match = SPOILER_LINE.match(line.text.strip())
        if match is None or facts.SPOILER_LEVELS.get(match["text"].strip(" .!").lower()):
            return False
        self._end_paragraph()
        # One labelled paragraph: the review goes on after it.
        self.current = Section("ending", line, spoiler=True, resume=self.current)
        self.sections.append(self.current)
        self.block_has_fact = False
        self.paragraph.append(SourceLine(line.number, match["text"].strip(), 0))
        return True

    def _guide_line(self, line: SourceLine) -> bool:
        """"SEX/NUDITY 1 - A man and ...": a parental guide's category, its score and its text."""
        match = GUIDE_CATEGORY.match(line.text.strip())
        if match is None:
            return False
        self._end_paragraph()
        score = int(match["score"]) if match["score"] else None
        self.current = Section("warnings", line, guide=(match["category"], score))
        self.sections.append(self.current)
        self.block_has_fact = False
        self.paragraph.append(line)
        return True

    def _mark_spoilers(self, level: str) -> None:
        if self.draft.get("spoilers", "unknown") == "unknown":
            self.draft["spoilers"] = level

    def _inline_spoiler_notices(self) -> None:
        """"(SPOILER ALERT!)" or "(no spoilers)" inside a paragraph states the spoiler level."""
        if "spoilers" in self.draft:
            return
        for paragraph in self._prose_paragraphs():
            for line in paragraph:
                match = INLINE_SPOILER.search(line.text)
                if match is not None:
                    level = "none" if match["none"] else "major"
                    self.draft["spoilers"] = level
                    self.accounting.mapped(line.number, "spoilers", line.text.strip())
                    self._record("spoilers", line, "a spoiler notice in the text")
                    return

    def _author_line(self, index: int, line: SourceLine) -> bool:
        if not self._alone(index) or (self.current is self.intro and not self.sections and not self.intro.paragraphs):
            return False
        text = line.text.strip()
        match = PARENTHESISED_NAME.match(text) or SIGNATURE.match(text)
        if match is None:
            return False
        name = facts.author_name(match["name"])
        if name is None or not CAPITALISED_NAME.match(name) or self._after_quotation():
            return False  # "- Name" under a quotation credits the quotation, not the review
        self._end_paragraph()
        self._apply(facts.Outcome([facts.Update(("author", "name"), name)]), line, text, "signature")
        return True

    def _after_quotation(self) -> bool:
        previous = self.paragraph or (self.current.paragraphs[-1] if self.current.paragraphs else [])
        first = previous[0].text.strip() if previous else ""
        return bool(first) and (first[0] in QUOTE_PAIRS or first.startswith(">"))

    def _prose_paragraphs(self) -> list[Paragraph]:
        sections = [self.intro, *self.sections]
        return [paragraph for section in sections if section.key not in ("notes", "unknown")
                for paragraph in section.paragraphs]

    def _crew_named_twice(self, paragraphs: list[Paragraph]) -> set[str]:
        """Directors or writers credited to different people in different sentences ("directed
        by X" of this film, "directed by Y" of another): which is this film's is not read."""
        named: dict[str, set[tuple[str, ...]]] = {}
        for line in (line for paragraph in paragraphs for line in paragraph):
            for credit in prose_credits(line.text):
                for field_name in credit.fields:
                    named.setdefault(field_name, set()).add(tuple(credit.names))
        ambiguous = {field_name for field_name, names in named.items() if field_name != "cast" and len(names) > 1}
        for field_name in sorted(ambiguous):
            self.result.add(Level.INFO, f"the text credits {field_name} to different people in different sentences; "
                            "none is taken (add them by hand)")
        return ambiguous

    def facts_from_prose(self) -> None:
        """Facts the running text states in fixed phrases, for fields no label filled:
        "Directed by X.", "starring A and B", "(voiced by X)", "is a 2014 horror movie", a
        score inside a sentence ("I'd give it 7/10"), a running time "[1:28]" closing a paragraph."""
        film = self.draft.get("film", {})
        labelled = set(film)
        paragraphs = self._prose_paragraphs()
        self.ambiguous_crew = self._crew_named_twice(paragraphs)
        for position, paragraph in enumerate(paragraphs):
            for line in paragraph:
                self._prose_line(line, labelled, opening=position == 0)
        if "rating" not in self.draft:
            found = [(line, hit) for paragraph in paragraphs for line in paragraph
                     if (hit := rating_in_sentence(line.text)) is not None]
            if len(found) == 1:
                line, (rating, written) = found[0]
                outcome = facts.rating_outcome(rating, written)
                self._apply_quietly(outcome, line, "rating (stated in a sentence)")

    def _prose_line(self, line: SourceLine, labelled: set[str], *, opening: bool) -> None:
        text = line.text
        for credit in prose_credits(text):
            fields = [field_name for field_name in credit.fields if field_name not in labelled
                      and field_name not in self.ambiguous_crew]
            if not fields:
                continue
            values: list[Any] = list(credit.names)
            updates = [facts.Update(("film", name), values, facts.EXTEND) for name in fields]
            self._apply_quietly(facts.Outcome(updates), line, f"film.{'/'.join(fields)} (stated in a sentence)")
            self.result.add(Level.INFO, f"{' and '.join(fields)} read from the sentence '{credit.phrase}'",
                            line.number)
        film = self.draft.get("film", {})
        if opening and ("year" not in film or "title" not in film):
            self._opening_title(line, film)
        film = self.draft.get("film", {})
        if opening and "year" not in film:
            match = PROSE_YEAR.search(text)
            if match is not None:
                updates = [facts.Update(("film", "year"), int(match["year"]))]
                genre = facts.classify_unlabelled(match["genre"].strip()) if match["genre"] else None
                if genre is not None and "genres" not in labelled:
                    updates += [update for update in genre.updates if update.path == ("film", "genres")]
                self._apply_quietly(facts.Outcome(updates), line, "film.year (stated in a sentence)")
        runtime = PROSE_RUNTIME.search(text.rstrip())
        if runtime is not None and "runtime_minutes" not in film:
            minutes = int(runtime["hours"]) * 60 + int(runtime["minutes"])
            self._apply_quietly(facts.Outcome([facts.Update(("film", "runtime_minutes"), minutes)]), line,
                                "film.runtime_minutes (a running time closing the paragraph)")

    def _opening_title(self, line: SourceLine, film: dict[str, Any]) -> None:
        """"Salt Road (2019) is a quiet film...": a sentence that opens the review with the
        title and its year. It gives the year of the title already read, or the title itself
        when the post has none."""
        match = OPENING_TITLE.match(line.text.strip())
        if match is None:
            return
        reading = read_title_line(f"{match['title']} ({match['year']})")
        if reading is None or reading.year is None:
            return
        known = film.get("title")
        if known is not None and known.casefold() != reading.title.casefold():
            return  # another film named at the start of a sentence
        updates = [] if known is not None else [facts.Update(("film", "title"), reading.title)]
        if "year" not in film:
            updates.append(facts.Update(("film", "year"), reading.year))
        if updates:
            self._apply_quietly(facts.Outcome(updates), line, "the title and year opening the review")

    def _apply_quietly(self, outcome: facts.Outcome, line: SourceLine, form: str) -> None:
        """Apply facts read from a line that stays where it is (in the review's prose)."""
        for update in outcome.updates:
            if self._update(update, line.number) is None:
                self.accounting.mapped(line.number, ".".join(update.path), line.text.strip())
                self._record(".".join(update.path), line, form)
        for info in outcome.infos:
            self.result.add(Level.INFO, info, line.number)

    def confirm_headline_title(self) -> None:
        """A plain headline ("88 Minutes") is the film's title when the post names it again,
        written the same way, in its text, or stands over the film's credits; otherwise it
        stays the headline only. "Title: a tagline" is tried for its title part too."""
        if self.title_candidate is None or "title" in self.draft.get("film", {}):
            return
        title, headline = self.title_candidate
        tagline: str | None = None
        why = self._named_again(title, headline)
        lead = HEADLINE_SPLIT.match(title)
        if not why and lead is not None and not reads_as_prose(lead["title"]):
            why = self._named_again(lead["title"], headline)
            if why:
                title, tagline = lead["title"].strip(), lead["tagline"].strip()
        following = next((line for line in self.lines if line.number > headline.number and not is_blank(line.text)),
                         None)
        generic = {word.lower() for word in re.findall(r"\w+", title)} & GENERIC_WORDS
        if not why and following is not None and not generic and any(
                record.line == following.number and record.where.startswith("film.")
                for record in self.accounting.records):
            why = f"it stands over the film's credits (line {following.number})"
        if not why:
            self.result.add(Level.INFO, f"the headline '{title}' is not taken as the film's title: the post does "
                            "not name it again", headline.number)
            return
        self.draft.setdefault("film", {})["title"] = title
        self.accounting.mapped(headline.number, "film.title", headline.text.strip())
        self._record("film.title", headline, f"headline: {why}")
        if tagline and "tagline" not in self.draft.get("review", {}) and len(tagline) <= 200:
            self.draft.setdefault("review", {})["tagline"] = tagline
            self._record("review.tagline", headline, "headline after the title")
        self.result.add(Level.INFO, f"title '{title}' taken from the headline: {why}", headline.number)

    def title_in_capitals(self) -> None:
        """Reviews that set the film's title in capitals in their prose ("THE MAN FROM NOWHERE
        has the best fight scenes") and state it nowhere else: the capitalised name the text
        repeats most, three times at least and twice as often as any other, is the title."""
        if "title" in self.draft.get("film", {}):
            return
        counts: dict[str, int] = {}
        first: dict[str, SourceLine] = {}
        for line in (line for paragraph in self._prose_paragraphs() for line in paragraph):
            for match in CAPITALS.finditer(line.text):
                name = " ".join(match[0].split())
                letters = sum(char.isalpha() for char in name)
                if letters < 4 or name in ACRONYMS or line.text[match.end():match.end() + 1] == ":":
                    continue
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, line)
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return
        title, times = ranked[0]
        if " " not in title and _is_english_word(title.lower()):
            return  # "AMAZING" three times is emphasis, not a film's name
        line = first[title]
        self.draft.setdefault("film", {})["title"] = title
        self.accounting.mapped(line.number, "film.title", line.text.strip())
        self._record("film.title", line, f"a name in capitals the text repeats ({times} times)")
        self.result.add(Level.INFO, f"title '{title}' taken from the text: the post names it in capitals {times} "
                        "times and states no title otherwise", line.number)

    def _named_again(self, title: str, headline: SourceLine) -> str:
        """Where the post names `title` again, written the same way (any case for a title in
        capitals), as a reason; "" when it does not."""
        pattern = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.IGNORECASE if title.isupper() else 0)
        again = next((line for line in self.lines if line.number != headline.number and line.text.strip() != title
                      and pattern.search(line.text)), None)
        return f"the post names it again on line {again.number}" if again is not None else ""

    # --- placing the sections ------------------------------------------------------------------

    def assemble(self) -> dict[str, Any]:
        review: dict[str, Any] = self.draft.setdefault("review", {})
        grouped: dict[str, list[Section]] = {}
        for section in self.sections:
            grouped.setdefault(section.key, []).append(section)
        body: list[Paragraph] = []
        intro = self.intro.paragraphs
        has_review_section = "body" in grouped
        if intro:
            if has_review_section and len(intro) == 1 and "logline" not in grouped:
                self._map_text(("review", "logline"), intro, review, "logline")
            else:
                body.extend(intro)
                if has_review_section:
                    self.result.add(Level.INFO, f"{len(intro)} unlabelled paragraphs before the first section "
                                    "open review.body", intro[0][0].number)
        for section in grouped.get("body", []):
            body.extend(section.paragraphs)
        if "logline" in grouped:
            self._map_text(("review", "logline"), [p for s in grouped["logline"] for p in s.paragraphs], review,
                           "logline")
        for key in ("synopsis", "memorable_scene"):
            if key in grouped:
                self._map_text_section(key, grouped[key], review)
        if "memorable_dialogue" in grouped:
            self._dialogue(grouped["memorable_dialogue"], review)
        if "recommendation" in grouped:
            body.extend(self._recommendation(grouped["recommendation"], review))
        if "ending" in grouped:
            self._ending(grouped["ending"])
        if "warnings" in grouped:
            self._warnings(grouped["warnings"])
        for section in grouped.get("notes", []):
            for paragraph in section.paragraphs:
                self._preserve(paragraph, paragraph_text(paragraph), "under a Notes heading")
        for section in grouped.get("unknown", []):
            self._unknown(section)
        if body:
            self._record("review.body", body[0][0], "the review's paragraphs")
            review["body"] = [paragraph_text(paragraph) for paragraph in body]
            for number, paragraph in enumerate(body):
                for line in paragraph:
                    self.accounting.mapped(line.number, f"review.body[{number}]", line.text.strip())
        if not review:
            del self.draft["review"]
        return self.draft

    def _map_text(self, path: tuple[str, ...], paragraphs: list[Paragraph], target: dict[str, Any],
                  key: str) -> None:
        if not paragraphs:
            return
        target[key] = join_paragraphs(paragraphs)
        self._record(".".join(path), paragraphs[0][0], "section")
        for line in _lines_of(paragraphs):
            self.accounting.mapped(line.number, ".".join(path), line.text.strip())

    def _map_text_section(self, key: str, sections: list[Section], review: dict[str, Any]) -> None:
        paragraphs = [paragraph for section in sections for paragraph in section.paragraphs]
        if not paragraphs:
            return
        entry: dict[str, Any] = {"text": join_paragraphs(paragraphs)}
        if any(section.spoiler for section in sections):
            entry["spoiler"] = True
        review[key] = entry
        self._record(f"review.{key}", paragraphs[0][0], "section")
        for line in _lines_of(paragraphs):
            self.accounting.mapped(line.number, f"review.{key}.text", line.text.strip())

    def _dialogue(self, sections: list[Section], review: dict[str, Any]) -> None:
        entries: list[dict[str, Any]] = []
        spoiler = any(section.spoiler for section in sections)
        for paragraph in (p for section in sections for p in section.paragraphs):
            per_line = [dialogue_entry(line.text) for line in paragraph]
            if len(paragraph) > 1 and all(per_line):
                pairs = list(zip(paragraph, per_line, strict=True))
            else:
                whole = dialogue_entry(paragraph_text(paragraph)) or {"quote": paragraph_text(paragraph)}
                pairs = [(line, whole) for line in paragraph]
            for line, entry in pairs:
                assert entry is not None
                if spoiler:
                    entry["spoiler"] = True
                if not entries or entries[-1] is not entry:
                    entries.append(entry)
                self.accounting.mapped(line.number, f"review.memorable_dialogue[{len(entries) - 1}]",
                                       line.text.strip())
        if entries:
            review["memorable_dialogue"] = entries

    def _recommendation(self, sections: list[Section], review: dict[str, Any]) -> list[Paragraph]:
        """Places the verdict; returns paragraphs that have no verdict, for the body."""
        paragraphs: list[Paragraph] = []
        for paragraph in (p for section in sections for p in section.paragraphs):
            rating = parse_rating(paragraph_text(paragraph)) if len(paragraph) == 1 else None
            if rating is not None and rating.scale_stated:
                self._apply(facts.read_fact("rating", paragraph[0].text), paragraph[0], paragraph[0].text.strip(),
                            "a score under the verdict")
                continue
            lead = LEADING_SCORE.match(paragraph[0].text.strip())
            score = parse_rating(lead["score"]) if lead is not None and "rating" not in self.draft else None
            if lead is not None and score is not None and score.scale_stated:
                # "7/10 — worth a look.": the score, then the verdict's words.
                self._apply_quietly(facts.rating_outcome(score, lead["score"]), paragraph[0],
                                    "a score opening the verdict")
                paragraph = [SourceLine(paragraph[0].number, lead["rest"], 0), *paragraph[1:]]
            paragraphs.append(paragraph)
        if not paragraphs:
            return []
        text = join_paragraphs(paragraphs)
        verdict = verdict_of(paragraph_text(paragraphs[0])) or verdict_of(text)
        if verdict is None:
            self.result.add(Level.INFO, "the recommendation names no verdict from the vocabulary (must-watch, "
                            "worth-watching, mixed, skip); its text closes review.body", paragraphs[0][0].number)
            return paragraphs
        review["recommendation"] = {"verdict": verdict, "text": text}
        for line in _lines_of(paragraphs):
            self.accounting.mapped(line.number, "review.recommendation", line.text.strip())
        return []

    def _ending(self, sections: list[Section]) -> None:
        paragraphs = [p for section in sections for p in section.paragraphs]
        if not paragraphs:
            return
        first = paragraph_text(paragraphs[0])
        head, _, rest = first.partition("\n")
        sentence = re.split(r"(?<=[.!?])\s+", head, maxsplit=1)
        found = ending_of(head) or ending_of(sentence[0])
        if found is None:
            # The section tells the ending without naming its kind: the description is the
            # text, the type the schema's "other" (the text names none of the kinds).
            self.draft["ending"] = {"type": "other", "spoiler": True, "description": join_paragraphs(paragraphs)}
            self._mark_spoilers("major")
            for line in _lines_of(paragraphs):
                self.accounting.mapped(line.number, "ending.description", line.text.strip())
            self.result.add(Level.INFO, "the ending is told but not named (happy, sad, open...): ending.type is "
                            "'other', the text is ending.description, marked as a spoiler", paragraphs[0][0].number)
            return
        kind, twist = found
        description_parts = []
        if ending_of(head) is None and len(sentence) > 1:
            description_parts.append(sentence[1])
        if rest:
            description_parts.append(rest)
        description = "\n".join(description_parts)
        if len(paragraphs) > 1:
            description = "\n\n".join(filter(None, [description, join_paragraphs(paragraphs[1:])]))
        ending: dict[str, Any] = {"type": kind}
        if twist:
            ending["twist"] = True
        ending["spoiler"] = True
        if description:
            ending["description"] = description
        self.draft["ending"] = ending
        for line in _lines_of(paragraphs):
            self.accounting.mapped(line.number, "ending", line.text.strip())

    def _warnings(self, sections: list[Section]) -> None:
        guides = [section for section in sections if section.guide is not None]
        sections = [section for section in sections if section.guide is None]
        paragraphs = [p for section in sections for p in section.paragraphs]
        guide_entries = self._guide_entries(guides)
        if not paragraphs and not guides:
            return
        all_paragraphs = [p for section in [*sections, *guides] for p in section.paragraphs]
        text = join_paragraphs(all_paragraphs)
        found = map_warnings(join_paragraphs(paragraphs)) if paragraphs else map_warnings("")
        if not paragraphs:
            found.stated_none = False
        for entry in guide_entries:
            if entry not in found.entries:
                found.entries.append(entry)
        for phrase in found.unmapped:
            self.result.add(Level.WARNING, f"content warning '{phrase}' is not in the vocabulary; it stays in "
                            "content_warnings_source only (see `reviewlint vocab content-warnings`)",
                            paragraphs[0][0].number)
        if found.entries or found.stated_none:
            self.draft["content_warnings"] = found.entries
        self.draft["content_warnings_source"] = text
        where = "content_warnings, content_warnings_source" if found.entries else "content_warnings_source"
        for line in _lines_of(all_paragraphs):
            self.accounting.mapped(line.number, where, line.text.strip())

    def _guide_entries(self, guides: list[Section]) -> list[str | dict[str, Any]]:
        """"SEX/NUDITY 1 - ...", "VIOLENCE/GORE 4 - ...": each category onto the vocabulary
        (a score of 0 states there is none); the wording stays in content_warnings_source."""
        entries: list[str | dict[str, Any]] = []
        for section in guides:
            assert section.guide is not None and section.heading is not None
            category, score = section.guide
            if score == 0:
                continue
            found = map_warnings(category.replace("/", ", "))
            for entry in found.entries:
                if entry not in entries:
                    entries.append(entry)
            if not found.entries:
                self.result.add(Level.WARNING, f"the parental-guide category '{category}' is not in the vocabulary; "
                                "its text stays in content_warnings_source", section.heading.number)
        return entries

    def _unknown(self, section: Section) -> None:
        assert section.heading is not None
        heading = section.heading.text.strip()
        text = "\n\n".join([heading, *(paragraph_text(p) for p in section.paragraphs)])
        self._preserve([section.heading, *_lines_of(section.paragraphs)], text,
                       f"a section reviewlint has no field for ('{heading.rstrip(':').strip()}')")


def _starts(lines: list[SourceLine]) -> list[FilmStart]:
    return review_starts([line.text for line in lines], [line.heading for line in lines], facts.typed_value_ok)


def _not_one_review(lines: list[SourceLine], result: MigrationResult, found: list[int]) -> bool:
    """Refuse a page about many films, with the reason and where the films are named."""
    if not found:
        return False
    where = ", ".join(str(lines[index].number) for index in found[:10]) + (" ..." if len(found) > 10 else "")
    result.add(Level.ERROR, f"a page about {len(found)} films (a list or an index), not one review: they are named "
               f"on lines {where}")
    return True


def read_post(lines: list[SourceLine], result: MigrationResult, options: MigrateOptions, *,
              source: dict[str, Any], extra: dict[str, Any] | None = None,
              notes: list[str] | None = None) -> list[MigrationResult]:
    """Read one post, which may hold several reviews (a double feature, a round-up with
    each film's own title and credits): one result per film, each with its own ledger in
    which the other films' lines are listed as belonging to their review."""
    listed = many_films([line.text for line in lines])
    starts = _starts(lines) if not listed else []
    if not starts or len(starts) > MAX_REVIEWS:  # too many to be a round-up: read_lines refuses it
        _read_lines(lines, result, options, source=source, extra=extra, notes=notes, listed=listed)
        return [result]
    bounds = [0, *(start.index for start in starts[1:]), len(lines)]
    results: list[MigrationResult] = []
    for part, (begin, end) in enumerate(itertools.pairwise(bounds), start=1):
        label = f"review {part} of {len(starts)}"
        piece = MigrationResult(source=result.source, format=result.format, data=None, part=label,
                                accounting=Accounting(result.accounting.lines, result.accounting.unit,
                                                      result.accounting.first_line),
                                encoding=result.encoding, line_map=result.line_map)
        for other, (other_begin, other_end) in enumerate(itertools.pairwise(bounds), start=1):
            if other != part:
                for line in lines[other_begin:other_end]:
                    if not is_blank(line.text):
                        piece.accounting.mapped(line.number, f"review {other} of {len(starts)} (this file's "
                                                "other review)", line.text.strip())
        for record in result.accounting.records:  # what the caller already placed (front matter)
            piece.accounting.records.append(record)
        _read_lines(lines[begin:end], piece, options, source={**source, "part": label},
                    extra=extra if part == 1 else None, notes=list(notes or []) if part == 1 else None, listed=[])
        piece.add(Level.INFO, f"this file holds {len(starts)} reviews; this is the one of "
                  f"'{starts[part - 1].title}' (lines {lines[begin].number}-{lines[end - 1].number})")
        results.append(piece)
    return results


def read_lines(lines: list[SourceLine], result: MigrationResult, options: MigrateOptions, *,
               source: dict[str, Any], extra: dict[str, Any] | None = None, notes: list[str] | None = None) -> None:
    """Read blog lines into `result.data`. `extra` holds facts the caller found outside the
    text (HTML meta tags, Markdown front matter), and `notes` what it already kept
    verbatim; the text's own statements win over `extra`. A post that holds several
    reviews is refused here with where each starts (`read_post` splits it instead)."""
    _read_lines(lines, result, options, source=source, extra=extra, notes=notes,
                listed=many_films([line.text for line in lines]))


def _read_lines(lines: list[SourceLine], result: MigrationResult, options: MigrateOptions, *,
                source: dict[str, Any], extra: dict[str, Any] | None, notes: list[str] | None,
                listed: list[int]) -> None:
    if _not_one_review(lines, result, listed):
        _account_all(lines, result, "not converted: a page about many films")
        refuse_quietly(result)
        return
    starts = _starts(lines) if "part" not in source else []
    if starts:
        where = " and ".join(f"line {lines[start.index].number} ('{start.title}')" for start in starts)
        result.add(Level.ERROR, f"holds {len(starts)} reviews; they start on {where}. Convert each part as a file "
                   "of its own")
        _account_all(lines, result, f"not converted: one of {len(starts)} reviews in this file")
        refuse_quietly(result)
        return
    reader = BlogReader(lines, result, notes)
    reader.read()
    reader.confirm_headline_title()
    reader.facts_from_prose()
    reader.title_in_capitals()
    reader._inline_spoiler_notices()
    draft = reader.assemble()
    for key, value in (extra or {}).items():
        if isinstance(value, dict) and isinstance(draft.get(key), dict):
            for inner, inner_value in value.items():
                draft[key].setdefault(inner, inner_value)
        else:
            draft.setdefault(key, value)
    url = draft.pop("source", {}).get("url")
    draft.setdefault("spoilers", "unknown")
    if reader.notes:
        draft["notes"] = reader.notes
    provenance = dict(source)
    if url:
        provenance.setdefault("url", url)
    if reader.title_line:
        provenance["title_line"] = reader.title_line
    if reader.dropped:
        provenance["dropped"] = reader.dropped
    result.data = finish(draft, result, options, source=provenance)
    if _too_little_to_be_a_review(draft, lines):
        refuse_as_not_a_review(result)
    missing = result.accounting.unaccounted()
    if missing:  # a bug of ours, never silence: say so loudly rather than lose text
        result.add(Level.ERROR, f"internal: lines {missing[:10]} were not accounted for (please report this)")


def refuse_quietly(result: MigrationResult) -> None:
    """A refused post reports its reason alone."""
    result.provenance.clear()


def _account_all(lines: list[SourceLine], result: MigrationResult, reason: str) -> None:
    for line in lines:
        if not is_blank(line.text):
            result.accounting.preserved(line.number, "(the source)", line.text.strip(), reason)


# A post that names no film fact at all is still a review when it has a review's length; a
# few words with no fact ("hello world") are not one.
MIN_REVIEW_WORDS = 20
FILM_FACTS = ("title", "year", "directors", "writers", "cast", "runtime_minutes", "genres")


def _too_little_to_be_a_review(draft: dict[str, Any], lines: list[SourceLine]) -> bool:
    film = draft.get("film") or {}
    if any(key in film for key in FILM_FACTS) or "rating" in draft:
        return False
    return sum(len(line.text.split()) for line in lines) < MIN_REVIEW_WORDS


def blog_lines(lines: list[str], first: int = 1) -> list[SourceLine]:
    return [SourceLine(first + index, text) for index, text in enumerate(lines)]
