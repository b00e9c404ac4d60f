"""Placing the sections a post was read into: logline, synopsis, body, memorable scene and
dialogue, recommendation, ending and content warnings, each line recorded in the ledger."""

from __future__ import annotations

import re
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.blog_base import ReaderBase
from reviewlint.migrate.blog_model import (
    Paragraph,
    Section,
    SourceLine,
    join_paragraphs,
    lines_of,
    paragraph_text,
)
from reviewlint.migrate.content_warnings import read_sections
from reviewlint.migrate.patterns import (
    dialogue_entry,
)
from reviewlint.migrate.ratings import parse_rating
from reviewlint.migrate.result import Level
from reviewlint.migrate.vocabmap import ending_of, map_warnings, verdict_of

# "7/10 — worth a look.": a score opening a verdict, then its words.
LEADING_SCORE = re.compile(r"^(?P<score>\d+(?:[.,]\d+)?\s*(?:/|out\s+of)\s*\d+)\s*[—–:.-]\s*(?P<rest>\S.*)$",
                           re.IGNORECASE)


class AssemblingReader(ReaderBase):
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
        for line in lines_of(paragraphs):
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
        for line in lines_of(paragraphs):
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
        for line in lines_of(paragraphs):
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
            for line in lines_of(paragraphs):
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
        for line in lines_of(paragraphs):
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
        # A short list term by term, prose through the prose detector; one note per section.
        read = [section for section in sections if section.paragraphs]
        found = read_sections([join_paragraphs(section.paragraphs) for section in read])
        for entry in guide_entries:
            if entry not in found.entries:
                found.entries.append(entry)
        for index, level, message in found.notes:
            self.result.add(level, message, read[index].paragraphs[0][0].number)
        if found.entries or found.stated_none:
            self.draft["content_warnings"] = found.entries
            self._record("content_warnings", all_paragraphs[0][0], "warnings section")
        self.draft["content_warnings_source"] = text
        self._record("content_warnings_source", all_paragraphs[0][0], "warnings section, as written")
        where = "content_warnings, content_warnings_source" if found.entries else "content_warnings_source"
        for line in lines_of(all_paragraphs):
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
        self._preserve([section.heading, *lines_of(section.paragraphs)], text,
                       f"a section reviewlint has no field for ('{heading.rstrip(':').strip()}')")
