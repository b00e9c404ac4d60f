"""Content warnings from a post's warnings section, and where such a section ends.

A short list of terms ("violence, strong language, brief nudity") maps term by term onto the
vocabulary; a section written as prose ("The rating comes mostly from fights, with some
blood ...") is read by the prose detector (`reviewlint.prose.cues`), which knows sentences,
negation and parents'-guide headings. Either way the wording stays verbatim in
`content_warnings_source`, and each section gives at most one note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reviewlint.migrate.result import Level
from reviewlint.migrate.vocabmap import map_warnings, warning_items

# A list item longer than this is a phrase of prose, not a term ("brief strong language" is 3).
TERM_WORDS = 6
# A list longer than this is a paragraph.
LIST_WORDS = 40
# A heading is a short line: "Worldview Talking Points", "What Parents Should Know".
HEADING_WORDS = 8
HEADING_CHARS = 60
# No warnings section is this long; beyond it a hostile post would only cost time.
PROSE_READ_CHARS = 64_000
# The prose detector reads a section in pieces of at most this many characters.
CHUNK_CHARS = 4000
# A line this long is a paragraph written on one line, never a hard-wrapped continuation.
ONE_LINE_PARAGRAPH = 100

_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", ")")
_HEADING_PUNCTUATION = re.compile(r"[.!?,;]\s|[.!?,;]$")
_ABSENCE = re.compile(r"^(?:no|none|not|without|zero)\b", re.IGNORECASE)
_CATEGORY_SPLIT = re.compile(r"\s*(?:[/&,+]|\band\b)\s*", re.IGNORECASE)
_CATEGORY_HEAD = re.compile(r"^\s*[*_]{0,3}(?P<head>[A-Za-z][A-Za-z &/,+\-]{1,60}?)[*_]{0,3}\s*(?:[:\-–—]|\d|$)")

Entry = str | dict[str, Any]


@dataclass(slots=True)
class SectionWarnings:
    """What the warnings sections of a post say: the vocabulary's entries, whether the post
    states there are none, and one note per section."""

    entries: list[Entry] = field(default_factory=list)
    stated_none: bool = False
    # (the index of the section it is about, its level, its text)
    notes: list[tuple[int, Level, str]] = field(default_factory=list)


def is_term_list(text: str) -> bool:
    """"Contains violence, nudity and strong language." or one term a line; not sentences."""
    if len(text) > LIST_WORDS * 30:
        return False  # far too long for a list of terms (and cheap on a huge section)
    items = [item for line in text.splitlines() for item in warning_items(line)]
    if not items or any(":" in item for item in items):
        return False  # "Violence: a man is shot" is a parents'-guide entry: prose with a heading
    words = [len(item.split()) for item in items]
    return max(words) <= TERM_WORDS and sum(words) <= LIST_WORDS


def _slug(entry: Entry) -> str:
    return entry if isinstance(entry, str) else str(entry["id"])


def _add(entries: list[Entry], entry: Entry) -> None:
    if _slug(entry) not in {_slug(existing) for existing in entries}:
        entries.append(entry)


def _quoted(phrases: list[str]) -> str:
    quoted = [f"'{phrase}'" for phrase in phrases]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _from_list(text: str, found: SectionWarnings) -> tuple[Level, str] | None:
    from reviewlint.prose.cues import suggested_warnings

    terms = "; ".join(line.strip() for line in text.splitlines() if line.strip())
    if map_warnings(terms).stated_none:
        found.stated_none = True
        return None
    read: list[Entry] = []
    unknown: list[str] = []
    for item in warning_items(terms):  # in the order written
        mapped = map_warnings(item)
        for entry in mapped.entries:
            _add(read, entry)
        for phrase in mapped.unmapped:
            # "suicidal thoughts" is no synonym, but the prose detector knows what it suggests.
            slugs = suggested_warnings(phrase)
            for slug in slugs:
                _add(read, slug)
            if not slugs and not _ABSENCE.match(phrase):
                unknown.append(phrase)  # "no nudity" says what is not there: nothing to map
    for entry in read:
        _add(found.entries, entry)
    if not unknown:
        return None
    see = "(see `reviewlint vocab content-warnings`)"
    if not read and len(unknown) == 1:
        return Level.WARNING, (f"content warning '{unknown[0]}' is not in the vocabulary; it stays in "
                               f"content_warnings_source only {see}")
    if not read:
        return Level.WARNING, (f"nothing in this list of content warnings is in the vocabulary "
                               f"({_quoted(unknown)}); the wording stays in content_warnings_source only {see}")
    verbs = "is not in the vocabulary and stays" if len(unknown) == 1 else "are not in the vocabulary and stay"
    return Level.WARNING, (f"content warnings read from this list: {', '.join(_slug(e) for e in read)}; "
                           f"{_quoted(unknown)} {verbs} in content_warnings_source only {see}")


def _chunks(text: str) -> list[str]:
    """The text in pieces of at most CHUNK_CHARS, cut after a sentence or clause where one
    ends: the detector reads sentences, and a huge run-on "sentence" would cost it dearly."""
    chunks: list[str] = []
    while len(text) > CHUNK_CHARS:
        window = text[:CHUNK_CHARS]
        cut = max(window.rfind(mark) for mark in (". ", "\n", "; ", ", "))
        cut = cut + 1 if cut > 0 else CHUNK_CHARS
        chunks.append(text[:cut])
        text = text[cut:]
    chunks.append(text)
    return chunks


def _from_prose(text: str, found: SectionWarnings) -> tuple[Level, str]:
    from reviewlint import vocab
    from reviewlint.prose.cues import find

    known = vocab.content_warnings()
    first: dict[str, str] = {}
    for chunk in _chunks(with_headings_joined(text[:PROSE_READ_CHARS])):
        for finding in find(chunk):
            if finding.slug in known:
                first.setdefault(finding.slug, finding.words)
    for slug in first:
        _add(found.entries, slug)
    part = f" (its first {PROSE_READ_CHARS:,} characters)" if len(text) > PROSE_READ_CHARS else ""
    if not first:
        return Level.WARNING, (f"nothing in this warnings section{part} maps onto the content-warning vocabulary; "
                               "its wording stays in content_warnings_source only (see `reviewlint vocab "
                               "content-warnings`)")
    read = ", ".join(f"{slug} ({' '.join(words.split())!r})" for slug, words in first.items())
    return Level.INFO, (f"content warnings read from the prose of this warnings section{part}: {read}; its "
                        "wording is kept in content_warnings_source")


def suggests_warnings(text: str) -> bool:
    """Whether the prose detector finds any warning of the vocabulary in `text`."""
    from reviewlint.prose.cues import suggested_warnings

    return bool(suggested_warnings(text))


def read_sections(texts: list[str]) -> SectionWarnings:
    """The warnings of each section's text, in order, with at most one note per section (a
    list whose terms are all in the vocabulary needs none)."""
    found = SectionWarnings()
    for index, text in enumerate(texts):
        # "Language" over "None." is a category with its text, not a list of two terms.
        listed = is_term_list(text) and with_headings_joined(text) == text
        note = _from_list(text, found) if listed else _from_prose(text, found)
        if note is not None:
            found.notes.append((index, *note))
    return found


# --- where a warnings section ends -------------------------------------------------------------

def is_category_heading(text: str) -> bool:
    """"Language: mild", "Sex/Nudity - brief", "VIOLENCE" alone: a parents'-guide category,
    which belongs inside the warnings section."""
    from reviewlint.prose.lexicon import lexicon

    match = _CATEGORY_HEAD.match(text)
    if match is None:
        return False
    headings = lexicon().headings
    head = " ".join(match["head"].lower().replace("-", " ").split())
    if head in headings:
        return True
    parts = [part for part in _CATEGORY_SPLIT.split(head) if part]
    return bool(parts) and all(part in headings for part in parts)


def is_category_line(text: str) -> bool:
    """A parents'-guide category standing as a heading of its own ("Violence & Scariness",
    "Sex, Romance & Nudity"), its text below it."""
    from reviewlint import vocab

    text = text.strip()
    if not text[:1].isupper() or ":" in text or not is_category_heading(text):
        return False
    if vocab.genres().get(text.lower()) is not None:
        return False  # "Horror" alone is a genre line
    return not _HEADING_PUNCTUATION.search(text.replace(",", "")) and len(text.split()) <= HEADING_WORDS


def with_headings_joined(text: str) -> str:
    """"Language" over "A few mild words." -> "Language: A few mild words.", so the prose
    detector reads the category with its text (and "Language" over "None." as none)."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = next((at for at in range(index + 1, len(lines)) if lines[at].strip()), None)
        if following is not None and is_category_line(line) and not is_category_line(lines[following]):
            out.append(f"{line.strip()}: {lines[following].strip()}")
            index = following + 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence punctuation that starts with a capital (or a dash or a
    number): "Worldview Talking Points", "–Why Watch It-"."""
    text = text.strip().strip("*_#").strip()
    if not text or len(text) > HEADING_CHARS or len(text.split()) > HEADING_WORDS:
        return False
    if _HEADING_PUNCTUATION.search(text) or text.endswith(":"):
        return False
    first = text.lstrip("-–—•·>([ ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def is_one_line_paragraph(text: str) -> bool:
    """A paragraph written on one line (a post without blank lines), not a wrapped line."""
    return len(text.strip()) >= ONE_LINE_PARAGRAPH and len(text.split()) >= 15


__all__ = ["SectionWarnings", "ends_sentence", "is_category_heading", "is_category_line", "is_one_line_paragraph",
           "is_term_list", "looks_like_heading", "read_sections", "suggests_warnings", "with_headings_joined"]
