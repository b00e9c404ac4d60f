"""The top of a post and its film card: headline, title lines, bylines and dates, lines
of unlabelled details, a rating on a line of its own. A title read from a plain headline
is confirmed only when the post names it again or the headline stands over the credits."""

from __future__ import annotations

import itertools
import re

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import Fate, is_blank
from reviewlint.migrate.blog_base import ReaderBase, is_names_block
from reviewlint.migrate.blog_model import (
    Section,
    SourceLine,
)
from reviewlint.migrate.chrome import (
    author_bio,
    author_box,
    headline_byline,
    possessive_review,
    read_byline,
)
from reviewlint.migrate.dates import is_date_without_year, parse_date
from reviewlint.migrate.labels import looks_like_unknown_label, match_label
from reviewlint.migrate.ratings import AGGREGATORS, parse_rating, standalone_rating
from reviewlint.migrate.result import Level
from reviewlint.migrate.titles import TitleReading, quoted_title_in, read_title_line, reads_as_prose

# Words of blog categories and site names ("Featured Films Movie Reviews"), never a title card.
GENERIC_WORDS = frozenset({"review", "reviews", "movies", "films", "featured", "entertainment", "category",
                           "categories", "blog", "news", "home", "archive", "archives", "posts"})


# "Awesome-o-meter: 4.8/10", "Overall A-": a short label, then a score.
SCORE_LINE = re.compile(r"^(?P<label>[^\W\d_][\w'’ .\-]{0,30}?)\s*(?::|\s[-–—]\s|\s)\s*(?P<value>\S.{0,40})$")


PLAIN_SCORE = re.compile(r"[\d.,]+\s*(?:/|out of)\s*\d+.*")


# "Part 2/3", "Episode 5/10": counters, not scores.
NOT_SCORES = re.compile(r"(?:part|chapter|episode|ep|season|page|day|week|vol|volume|issue|step|round|disc|"
                        r"no|number|#)\.?", re.IGNORECASE)


# "Salt Road: A Ferry Into the Dark", "Salt Road – a tidal drama": a title, then a tagline.
# A score and a few words around it: "10/10 would watch again.", "A solid 7/10."
_SCORE = r"(?P<score>\d+(?:[.,]\d+)?\s*(?:/|out\s+of)\s*\d+)"
SCORE_ANYWHERE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:/|out\s+of)\s*\d+", re.IGNORECASE)
SCORE_FIRST = re.compile(rf"^{_SCORE}(?![\d/])[\s,.!:;—–-]+(?P<words>[^\W\d].*)$", re.IGNORECASE)
SCORE_LAST = re.compile(rf"^(?P<words>[^\W\d][^/]*?)[\s:—–-]+{_SCORE}\s*[.!]*$", re.IGNORECASE)
HEADLINE_SPLIT = re.compile(r"^(?P<title>[^:–—|]{1,80}?)\s*(?::|\s[–—-]\s|\s\|\s)\s*(?P<tagline>\S.*)$")


class HeaderReader(ReaderBase):
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
        if label is not None and label.kind == "section" and not label.value:
            return False  # "Plot Summary" heads a section
        if is_date_without_year(text):
            return False
        glued = headline_byline(text)
        head = glued.head if glued is not None and glued.head else text
        reading = read_title_line(head)
        if reading is None or not reading.strong:
            reading = quoted_title_in(head) or reading
        if reading is None and line.heading != 1:
            return False
        if reading is not None and not reading.strong and line.heading != 1:
            if self._opens_names_block(index):
                # "Robert Wiene" over more bare names: credits whose labels were lost, not a headline.
                self.names_block = True
                return False
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

    def _opens_names_block(self, index: int) -> bool:
        block = [self.lines[index]]
        for line in self.lines[index + 1:index + 6]:
            if is_blank(line.text):
                if len(block) > 1:
                    break
                continue
            block.append(line)
        return is_names_block(block[:3]) or (len(block) == 2 and is_names_block(block))

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
            self._glued_score(line)
            return False
        self._end_paragraph()
        self._apply(facts.rating_outcome(rating, text), line, text, "a rating on a line of its own")
        return True

    def _glued_score(self, line: SourceLine) -> None:
        """"10/10 would watch again.", "A solid 7/10.": a score glued to a short verdict. The
        line stays in the review's text; the score is the rating."""
        text = line.text.strip()
        if len(text.split()) > 10 or len(SCORE_ANYWHERE.findall(text)) != 1 or AGGREGATORS.search(text):
            return
        match = SCORE_FIRST.match(text) or SCORE_LAST.match(text)
        if match is None or NOT_SCORES.fullmatch(match["words"].strip(" ,.:;!-–—").split(" ")[-1] or "-"):
            return
        rating = parse_rating(match["score"])
        if rating is None or not rating.scale_stated:
            return
        self._apply_quietly(facts.rating_outcome(rating, match["score"]), line, "a score glued to a verdict")

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
            self._title_under_headline()
            return
        self.draft.setdefault("film", {})["title"] = title
        self.accounting.mapped(headline.number, "film.title", headline.text.strip())
        self._record("film.title", headline, f"headline: {why}")
        if tagline and "tagline" not in self.draft.get("review", {}) and len(tagline) <= 200:
            self.draft.setdefault("review", {})["tagline"] = tagline
            self._record("review.tagline", headline, "headline after the title")
        self.result.add(Level.INFO, f"title '{title}' taken from the headline: {why}", headline.number)

    def _title_under_headline(self) -> None:
        """"Harbour Notes" (a blog's name) over "Salt Road" standing alone: the short line under
        an unconfirmed headline is the title when the post names it again."""
        for paragraph in self.intro.paragraphs[:2]:
            if len(paragraph) != 1 or len(paragraph[0].text.split()) > 10:
                continue
            line = paragraph[0]
            reading = read_title_line(line.text.strip())
            if reading is None or reading.year is not None:
                continue
            why = self._named_again(reading.title, line)
            if not why:
                continue
            self.intro.paragraphs.remove(paragraph)
            self.draft.setdefault("film", {})["title"] = reading.title
            self.accounting.mapped(line.number, "film.title", line.text.strip())
            self._record("film.title", line, f"a title line under the headline: {why}")
            self.result.add(Level.INFO, f"title '{reading.title}' taken from line {line.number}, under the "
                            f"headline: {why}", line.number)
            return

    def _named_again(self, title: str, headline: SourceLine) -> str:
        """Where the post names `title` again, written the same way (any case for a title in
        capitals), as a reason; "" when it does not. Dropped chrome ("© 2024 Site Name") is
        not the post naming anything."""
        pattern = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.IGNORECASE if title.isupper() else 0)
        dropped = {record.line for record in self.accounting.by_fate(Fate.DROPPED)}
        again = next((line for line in self.lines if line.number != headline.number and line.text.strip() != title
                      and line.number not in dropped and pattern.search(line.text)), None)
        return f"the post names it again on line {again.number}" if again is not None else ""
