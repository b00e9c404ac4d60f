"""The blog reader's units: a source line (with its heading level), paragraphs and the
sections that hold them, and the small functions that join them into text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


def identity(item: Any) -> Any:
    """A hashable stand-in for a list item (a name, or a cast entry with its character)."""
    return tuple(sorted(item.items())) if isinstance(item, dict) else item


def paragraph_text(paragraph: Paragraph) -> str:
    return "\n".join(line.text.strip() for line in paragraph)


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(paragraph_text(paragraph) for paragraph in paragraphs)


def lines_of(paragraphs: list[Paragraph]) -> list[SourceLine]:
    return [line for paragraph in paragraphs for line in paragraph]
