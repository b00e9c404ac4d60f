"""Credit lists -> names: "A, B and C", "A | B", "A & B", one per line, "A as Character"."""

from __future__ import annotations

import re
from typing import Any

_SEPARATORS = re.compile(r"\s*(?:[,;|•·\n]|\s/\s|\s&\s|\band\b)\s*", re.IGNORECASE)
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_AS_CHARACTER = re.compile(r"^(?P<name>.+?)\s+as\s+(?P<character>.+)$")
_IN_PARENS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<character>[^()]+)\)$")
# Trailing words that say "the list goes on"; they carry no name.
_ETC = {"etc", "etc.", "et al", "et al.", "and more", "…", "..."}

MAX_NAME_LENGTH = 200
MAX_NAME_WORDS = 8


def strip_list_marker(line: str) -> str:
    return _LIST_MARKER.sub("", line, count=1)


def split_names(text: str) -> list[str] | None:
    """The names in a credit list, or None if some part does not look like a name
    (too long, a sentence), in which case the caller keeps the text verbatim."""
    text = text.strip()
    last_word = text.rsplit(None, 1)[-1] if text else ""
    if text.endswith(".") and len(last_word) > 4 and last_word.lower() not in _ETC:
        text = text[:-1]  # the full stop ending a sentence-style list, not an initial or "Jr."
    names: list[str] = []
    for raw in _SEPARATORS.split(text):
        part = strip_list_marker(raw).strip()
        if not part or part.lower() in _ETC:
            continue
        if part.lower() in _SUFFIXES and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        if len(part) > MAX_NAME_LENGTH or len(part.split()) > MAX_NAME_WORDS or part.endswith((":", "?", "!")):
            return None
        names.append(part)
    return names or None


def cast_entry(name: str) -> str | dict[str, Any]:
    """"Jeon Jong-seo as Ok Ju" or "Jeon Jong-seo (Ok Ju)" -> {name, character}; else the name."""
    for pattern in (_AS_CHARACTER, _IN_PARENS):
        match = pattern.match(name)
        if match:
            return {"name": match["name"].strip(), "character": match["character"].strip()}
    return name


def unique(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
