"""Blog posts as text -> canonical review. The seed's format, and the variations real blogs
have; the Markdown and HTML readers turn their input into the same lines and use this.

How a post is read, top to bottom:

- The first line is the headline when it reads as a title ("Film Review: Harbour Lights (2004) –
  When the Lamp Goes Out", a Markdown `#` heading, or a short line standing alone).
  `review.headline` keeps the whole line as published; the film's title and year and the
  tagline after the dash are read from it as well, and `source.title_line` keeps it too.
- Fact lines carry labelled values: "Director: X | Writer: Y", "My Rate: 7/10",
  "Genre: Drama My Score: 7/10", "Harbour Lights | 2004 | 1h 48m".
- Section labels ("Synopsis:", "Review", "Verdict", "Memorable Dialogue:") head the
  paragraphs that follow, until the next label.
- Unlabelled paragraphs before the first section: a single one is the logline when the
  post has a review section (the seed's layout); otherwise they open `review.body`.
- "(Ines Lago)" or "— Ines Lago" standing alone is the author; comment widgets and share buttons
  are dropped as boilerplate and listed under `source.dropped`.
- Anything else is kept verbatim under `notes` and reported, never dropped.

The reader is put together from parts with one job each: `blog_model` (lines, paragraphs,
sections), `blog_base` (state, applying facts, the ledger), `blog_header` (headline, title
lines, bylines, details lines, ratings on their own line), `blog_prose` (facts stated in
running text) and `blog_assemble` (placing the sections). This module holds the pass over the
lines and the entry points: `read_post` (one result per film of a post) and `read_lines`.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import BOILERPLATE, LAYOUT, Accounting, Fate, is_blank
from reviewlint.migrate.blog_assemble import AssemblingReader
from reviewlint.migrate.blog_header import HeaderReader
from reviewlint.migrate.blog_model import (
    Section,
    SourceLine,
    join_paragraphs,
)
from reviewlint.migrate.blog_prose import ProseReader
from reviewlint.migrate.canonical import finish, refuse_as_not_a_review
from reviewlint.migrate.chrome import (
    is_chrome,
)
from reviewlint.migrate.content_warnings import (
    ends_sentence,
    is_category_heading,
    is_category_line,
    is_one_line_paragraph,
    is_term_list,
    looks_like_heading,
    suggests_warnings,
)
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
    is_boilerplate,
)
from reviewlint.migrate.people import looks_like_credit
from reviewlint.migrate.result import Level, MigrationResult

# "SPOILERS: The party ends with...", "Spoiler alert - she was ...": the ending, told.
SPOILER_LINE = re.compile(r"^[*_(\[]*(?:major\s+)?spoilers?(?:\s+alert|\s+ahead|\s+warning)?[!*_)\]]*\s*[:\-–—]\s*"
                          r"(?P<text>\S.{8,})$", re.IGNORECASE)


# Parental-guide breakdowns: a category in capitals, an optional score, then its text.
GUIDE_CATEGORY = re.compile(
    r"^(?P<category>(?:SEX|NUDITY|VIOLENCE|GORE|PROFANITY|LANGUAGE|SUBSTANCE(?:\s+USE)?|ALCOHOL|DRUGS|SMOKING|"
    r"FRIGHTENING(?:\s+SCENES)?|SEXUAL\s+CONTENT)(?:\s*/\s*(?:SEX|NUDITY|VIOLENCE|GORE|PROFANITY|LANGUAGE|"
    r"ALCOHOL|DRUGS|SMOKING|SMOKING|SUBSTANCE\s+USE))*)\s*(?P<score>\d{1,2})?\s*[-–—:]\s+\S")


# A content grade: "Violence B-", "Sexual Content A+".
GRADED_CATEGORY = re.compile(r"^(?P<category>[A-Za-z][A-Za-z &/]{2,40}?)\s+(?P<grade>[A-F][+-]?)$")


# Bylines that also head the review ("Review by Jigsaw"), so its paragraphs follow.
REVIEW_BYLINES = frozenset({"review by", "reviewed by", "review written by"})
WRITTEN_BY_LINE = re.compile(
    r"^(?:written|words|text|reviewed)\s+by:?\s+(?P<name>[^\W\d_][\w.'’\-]*(?:\s+[\w.'’\-]+){0,3})\.?$", re.IGNORECASE)
ONE_PARAGRAPH_SECTIONS = frozenset({"warnings", "notes"})
PEOPLE_KEYS = frozenset({"directors", "writers", "cast", "writer_director"})


class BlogReader(HeaderReader, ProseReader, AssemblingReader):
    """One pass over the lines collects facts and sections; `assemble` then places the
    sections' paragraphs into the review. Every line gets an accounting record."""

    def __init__(self, lines: list[SourceLine], result: MigrationResult, notes: list[str] | None = None) -> None:
        super().__init__(lines, result, notes)
        # Where the reader was when a warnings section began, and whether a details block
        # was open: the text after the section goes back there.
        self.before_warnings: tuple[Section, bool] | None = None

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

    def _line(self, index: int, line: SourceLine) -> None:
        text = line.text.strip()
        if self.pending and self._take_pending(line):
            return
        if self.current.key == "warnings" and self._warnings_end(index, line):
            self._leave_warnings(line)
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
        if self._guide_line(line) or self._category_heading(index, line):
            return
        if self._byline(index, line):
            return
        if self._rating_line(line):
            return
        if self._details_line(line):
            return
        if self._certificate_line(line):
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
        if looks_like_unknown_label(text) and not text.endswith(":") and _prose_like(text.split(":", 1)[1]) and \
                self.current.key not in ("body", "unknown", "notes"):
            # "Star power: The actor that stood out..." after the details or a labelled synopsis:
            # a paragraph of the review that opens with its own label, kept as written.
            self._end_paragraph()
            self._open_body(line)
            self.paragraph.append(line)
            return
        if self.current is self.intro and looks_like_unknown_label(text) and not text.endswith(":"):
            self._end_paragraph()
            self._preserve([line], text, f"no field for the label '{text.split(':', 1)[0].strip(' *_-')}'")
            return
        if self.block_has_fact and self.current is self.intro and _prose_like(text):
            # Prose straight after the details, with no blank line between: the review begins.
            self._end_paragraph()
            self.block_has_fact = False
        self.paragraph.append(line)

    def _open_body(self, line: SourceLine) -> None:
        if self.current.key != "body":
            self.current = Section("body", line)
            self.sections.append(self.current)
        self.block_has_fact = False

    def _fact_line(self, label: Label, line: SourceLine, in_header: bool) -> bool:
        if (not label.colon and _canonical_label(label.written) == "written by" and not self.block_has_fact
                and (self.intro.paragraphs or self.sections)):
            return False  # below the review, "Written by NAME" signs it (see _author_line)
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
        if label.key == "author" and _canonical_label(label.written) in REVIEW_BYLINES and len(parts) == 1:
            # "Review by Jigsaw" heads the review: the paragraphs after it are its body.
            self.current = Section("body", line)
            self.sections.append(self.current)
            self.block_has_fact = False
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
        """"Harbour Lights | 2004 | 1h 48m" or "Genre: X | Country: Y": each part is a fact."""
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
                outcome = facts.read_fact("title", raw)  # "Harbour Lights | 2004 | 1h 48m": the title leads
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
        if line.heading or match_label(text) is not None or is_boilerplate(text) or (
                self.pending_items and _prose_like(text)):
            self._close_pending()  # the list ends where the review's prose begins, blank line or not
            if _prose_like(text):
                self.block_has_fact = False
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

    def _start_section(self, label: Label, line: SourceLine) -> None:
        # A label with its text on the same line heads one paragraph when it interrupts the
        # review, and always for a warning ("Audience warning: ...") or a note.
        aside = bool(label.value) and not line.heading and (
            self.current.key == "body" or label.key in ONE_PARAGRAPH_SECTIONS)
        if label.key == "warnings" and self.current.key != "warnings":
            self.before_warnings = (self.current, self.block_has_fact)
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
            return self._graded_category(line)
        self._end_paragraph()
        score = int(match["score"]) if match["score"] else None
        if self.current.key != "warnings":
            self.before_warnings = (self.current, self.block_has_fact)
        self.current = Section("warnings", line, guide=(match["category"], score))
        self.sections.append(self.current)
        self.block_has_fact = False
        self.paragraph.append(line)
        return True

    def _graded_category(self, line: SourceLine) -> bool:
        """"Violence B-", "Sexual Content A": a category and its letter grade, where a higher
        grade means milder content (an A states there is next to none). The line is the
        whole entry: the post goes on where it was after the block of grades."""
        match = GRADED_CATEGORY.match(line.text.strip())
        if match is None or not is_category_heading(match["category"]):
            return False
        self._end_paragraph()
        if self.current.key != "warnings":
            self.before_warnings = (self.current, self.block_has_fact)
        none = match["grade"] in ("A", "A+")
        self.current = Section("warnings", line, guide=(match["category"], 0 if none else None), resume=self.current)
        self.sections.append(self.current)
        self.paragraph.append(line)
        return True

    def _category_heading(self, index: int, line: SourceLine) -> bool:
        """"Violence & Scariness" or "Language" as a heading of its own over its text: a
        parents'-guide entry, read with the category by the prose detector."""
        text = line.text.strip()
        if self.current.key == "warnings" or self.paragraph or not is_category_line(text):
            return False
        if self.current is self.intro and self.block_has_fact:
            return False  # among the film's details "Language" is the film's language
        following = next((other for other in self.lines[index + 1:] if not is_blank(other.text)), None)
        if following is None or not (ends_sentence(following.text) or _prose_like(following.text)):
            return False  # its text is a sentence ("None.", "A man is shot."), not "English, French"
        if self.current is not self.intro:
            self.before_warnings = (self.current, False)
        else:
            self.before_warnings = (self.current, self.block_has_fact)
        self.current = Section("warnings", line)
        self.sections.append(self.current)
        self.block_has_fact = False
        self.paragraph.append(line)  # the category is part of the wording
        return True

    def _certificate_line(self, line: SourceLine) -> bool:
        """"PG-13 for sci-fi violence and brief language" standing alone above the review: the
        certificate and its reason, not the review's logline."""
        text = line.text.strip()
        if self.current is not self.intro or self.sections or self.paragraph or not text[:1].isupper():
            return False
        if " for " not in text or facts.certificate_with_reason(text) is None:
            return False
        self._end_paragraph()
        self._apply(facts.read_fact("certification", text), line, text, "a certificate with its reason")
        return True

    def _warnings_end(self, index: int, line: SourceLine) -> bool:
        """A warnings section ends where a heading, a label of another kind, or (after a
        short list of terms) a paragraph on one line begins: that text is not a warning."""
        if not (self.paragraph or self.current.paragraphs):
            return False  # the section's own text has not begun
        text = line.text.strip()
        if GUIDE_CATEGORY.match(text) or is_category_heading(text):
            return False  # "Language: mild", "VIOLENCE": the guide's own categories
        if line.heading:
            return True
        label = match_label(text)
        if label is not None and label.key != "warnings" and (label.colon or label.kind == "section"):
            return True
        if text.endswith(":") and looks_like_unknown_label(text):
            return True  # "Quick Summary:"
        previous = self.lines[index - 1].text if index > 0 else ""
        following = self.lines[index + 1].text if index + 1 < len(self.lines) else ""
        if looks_like_heading(text) and (is_blank(previous) or ends_sentence(previous)) and (
                is_blank(following) or _prose_like(following)):
            return True  # "Worldview Talking Points" over the next part of the post
        # "Content warning: violence, language." and the review's first paragraph on the next
        # line, with no blank line between (a list is never continued by a paragraph).
        # The section's first paragraph says what kind it is (a list, or prose with warnings).
        first = self.current.paragraphs[0] if self.current.paragraphs else self.paragraph
        if self.paragraph:
            return self._next_paragraph_on_one_line(text, join_paragraphs([first]))
        return self.current.guide is None and self._not_a_warning(index, join_paragraphs([first]))

    def _next_paragraph_on_one_line(self, text: str, first: str) -> bool:
        """In a post written one paragraph a line, a line after one that ended a sentence
        starts a paragraph: the review's, after a list of terms, or after prose with warnings
        when it names none itself."""
        if not is_one_line_paragraph(text):
            return False
        if is_term_list(first):
            return True
        previous = self.paragraph[-1].text
        if self.current.guide is not None or not ends_sentence(previous) or not (
                is_one_line_paragraph(previous) or (len(self.paragraph) == 1 and self.current.resume is not None)):
            return False  # a hard-wrapped paragraph goes on
        head = self.paragraph[0].text if not self.current.paragraphs else self.current.paragraphs[0][0].text
        return not suggests_warnings(text) and suggests_warnings(head)

    def _not_a_warning(self, index: int, first: str) -> bool:
        """A paragraph after the section's first that is not like it: prose after a list of
        terms, or prose in which the prose detector finds no warning at all after prose that
        had some (the review going on under no heading of its own)."""
        end = next((at for at in range(index, len(self.lines)) if is_blank(self.lines[at].text)), len(self.lines))
        following = "\n".join(line.text.strip() for line in self.lines[index:end])
        last = self.current.paragraphs[-1] if self.current.paragraphs else []
        if len(last) == 1 and is_category_line(last[0].text):
            return False  # "Language", then its text
        if is_category_line(first.split("\n", 1)[0]):
            return _prose_like(following) and not suggests_warnings(following)
        if is_term_list(first):
            return not is_term_list(following) and _prose_like(following)
        return _prose_like(following) and not suggests_warnings(following) and suggests_warnings(first)

    def _leave_warnings(self, line: SourceLine) -> None:
        """Back to where the reader was before the warnings section: the details block, the
        section a label or heading would have ended anyway, or else the review's body."""
        self._end_paragraph()  # a one-paragraph warning ("Content note: ...") goes back by itself
        before, had_fact = self.before_warnings or (self.intro, False)
        self.before_warnings = None
        if self.current.key != "warnings":
            # "Warnings: ..." on its label line among the details: the details go on.
            self.block_has_fact = had_fact if self.current is self.intro else False
            return
        if before is self.intro or line.heading or match_label(line.text.strip()) is not None:
            self.current = before  # a heading of its own ended the details block
            self.block_has_fact = False
            return
        self._open_body(line)

    def _author_line(self, index: int, line: SourceLine) -> bool:
        if self.current is self.intro and not self.sections and not self.intro.paragraphs:
            return False
        text = line.text.strip()
        if not self._alone(index) and not (self.paragraph == [] and WRITTEN_BY_LINE.match(text)):
            return False
        # Below the review, "Written by Ana Ruiz" signs it: the author, not the film's writer.
        match = PARENTHESISED_NAME.match(text) or SIGNATURE.match(text) or WRITTEN_BY_LINE.match(text)
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


def _prose_like(text: str) -> bool:
    """A sentence or more of running text, not a short detail."""
    words = text.split()
    return len(words) >= 10 or (len(words) >= 6 and text.rstrip().endswith((".", "!", "?", "”", '"')))


def _canonical_label(written: str) -> str:
    return " ".join(written.lower().split())


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
    starts = _starts(lines)
    # A round-up gives every film it names its own credits; a list or an index does not.
    round_up = bool(starts) and len(starts) <= MAX_REVIEWS and len(starts) >= len(listed)
    if not round_up:  # one review, or too many films to be reviews: read_lines reads or refuses it
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
            if part == 1 or record.fate is Fate.DROPPED:
                piece.accounting.records.append(record)
            else:  # its facts and notes went to the first review only
                piece.accounting.mapped(record.line, f"review 1 of {len(starts)} ({record.where})", record.text)
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
    reader.inline_spoiler_notices()
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

__all__ = ["BlogReader", "SourceLine", "blog_lines", "read_lines", "read_post"]
