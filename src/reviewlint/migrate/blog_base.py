"""The blog reader's state and the few operations every part of it shares: applying a
fact's updates to the draft review, keeping text verbatim under `notes`, recording where a
value came from, and closing a paragraph."""

from __future__ import annotations

import re
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import is_blank
from reviewlint.migrate.blog_model import (
    Paragraph,
    Section,
    SourceLine,
    identity,
    paragraph_text,
)
from reviewlint.migrate.dates import is_date_without_year, parse_date
from reviewlint.migrate.labels import Label, match_label
from reviewlint.migrate.result import Level, MigrationResult

_BARE_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|de|da|van|von|der|del|la|le)){1,3}$")


def is_names_block(paragraph: Paragraph, at_least: int = 2) -> bool:
    """Lines (two or more), each nothing but a person-like name ("Conrad Veidt"), no label."""
    return len(paragraph) >= at_least and all(
        _BARE_NAME.match(line.text.strip()) and match_label(line.text.strip()) is None for line in paragraph)


class ReaderBase:
    """State of one pass over a post's lines; the reading steps are mixed in above it."""

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
        # Inside a block of bare names at the top (credits whose labels were lost).
        self.names_block = False
        # A plain headline that may be the title: taken only if the post names it again.
        self.title_candidate: tuple[str, SourceLine] | None = None
        self.facts_seen = False
        self.recorded: set[tuple[str, int]] = set()
        self.ambiguous_crew: set[str] = set()
        # Where each set value came from, to explain a conflict.
        self.origin: dict[tuple[str, ...], int] = {}

    def _alone(self, index: int) -> bool:
        """True when the line is a block of its own: blank (or nothing) above and below."""
        before = index == 0 or is_blank(self.lines[index - 1].text)
        after = index + 1 >= len(self.lines) or is_blank(self.lines[index + 1].text)
        return before and after

    def _ends_block(self, index: int) -> bool:
        return index + 1 >= len(self.lines) or is_blank(self.lines[index + 1].text)

    def _record(self, field: str, line: SourceLine, form: str) -> None:
        """Where a value came from, for `migrate -v`; the first, most specific form wins."""
        if (field, line.number) in self.recorded:
            return
        self.recorded.add((field, line.number))
        self.result.record_source(field, line.number, line.text.strip(), form)

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
            seen = {identity(item) for item in existing}
            for item in update.value:
                if identity(item) not in seen:  # a set: long credit lists stay linear
                    seen.add(identity(item))
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
        if len(paragraph) == 1 and is_date_without_year(paragraph[0].text):
            self._preserve(paragraph, paragraph[0].text.strip(), "a day and month with no year (a screening? "
                           "the day it was posted?)")
            return
        if self.current is self.intro and not self.sections and (
                is_names_block(paragraph) or (self.names_block and is_names_block(paragraph, at_least=1))):
            # Credits whose labels were lost: who directed, wrote or acted is not guessed.
            self._preserve(paragraph, paragraph_text(paragraph), "names without labels (credits whose labels were "
                           "lost?); which are directors, writers or cast is not guessed")
            self.names_block = True
            return
        self.names_block = False
        self.current.paragraphs.append(paragraph)
        if self.current.resume is not None:
            self.current = self.current.resume

    def _apply_quietly(self, outcome: facts.Outcome, line: SourceLine, form: str) -> None:
        """Apply facts read from a line that stays where it is (in the review's prose)."""
        for update in outcome.updates:
            if self._update(update, line.number) is None:
                self.accounting.mapped(line.number, ".".join(update.path), line.text.strip())
                self._record(".".join(update.path), line, form)
        for info in outcome.infos:
            self.result.add(Level.INFO, info, line.number)

    def _mark_spoilers(self, level: str) -> None:
        if self.draft.get("spoilers", "unknown") == "unknown":
            self.draft["spoilers"] = level

    def _prose_paragraphs(self) -> list[Paragraph]:
        sections = [self.intro, *self.sections]
        return [paragraph for section in sections if section.key not in ("notes", "unknown")
                for paragraph in section.paragraphs]
