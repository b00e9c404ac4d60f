"""Credit lists -> names: "A, B and C", "A | B", "A & B", one per line, "A as Character"."""

from __future__ import annotations

import re
from typing import Any

_SEPARATORS = re.compile(r"\s*(?:[,;|•·\n]|\s/\s|\s&\s|\band\b)\s*", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\s*(?:&|\band\b)\s*", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\([^()]*\)")
_MASK = re.compile(r"\x00(\d+)\x00")
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


def _name_part(entry: str) -> str:
    """The person in "Name as Character" or "Name (Character)"."""
    for pattern in (_AS_CHARACTER, _IN_PARENS):
        match = pattern.match(entry)
        if match:
            return match["name"]
    return entry


def _reads_as_a_name(entry: str) -> bool:
    if len(entry) > MAX_NAME_LENGTH or len(entry.split()) > MAX_NAME_WORDS or entry.endswith((":", "?", "!")):
        return False
    if entry.count("(") != entry.count(")"):
        return False
    # A name's first letter is not lower case ("a cast of real nomads", "the Russo brothers").
    # Scripts without case pass; the rare lower-case stage name is kept verbatim instead.
    first = next((char for char in _name_part(entry) if char.isalpha()), "")
    return bool(first) and not first.islower()


def looks_like_credit(text: str) -> bool:
    """A short, capitalised run of words with no sentence ending: a credit line even when
    its names cannot be told apart ("Joel and Ethan Coen"), not a sentence of prose."""
    text = text.strip()
    first = next((char for char in text if char.isalpha()), "")
    return (bool(first) and not first.islower() and len(text.split()) <= MAX_NAME_WORDS
            and not text.endswith((".", "!", "?", ":")))


def split_names(text: str) -> list[str] | None:
    """The names in a credit list, or None if some part does not look like a name
    (too long, a sentence, ambiguous), in which case the caller keeps the text verbatim."""
    text = text.strip()
    last_word = text.rsplit(None, 1)[-1] if text else ""
    if text.endswith(".") and len(last_word) > 4 and last_word.lower() not in _ETC:
        text = text[:-1]  # the full stop ending a sentence-style list, not an initial or "Jr."
    # Separators inside parentheses belong to a character: "Edward Norton (The Narrator, unnamed)".
    kept: list[str] = []

    def mask(match: re.Match[str]) -> str:
        kept.append(match[0])
        return f"\x00{len(kept) - 1}\x00"

    masked = _PARENTHESISED.sub(mask, text)
    pieces = re.split(f"({_SEPARATORS.pattern})", masked, flags=re.IGNORECASE)
    names: list[str] = []
    previous_joined_by_and = False
    full_name_before_last = False  # some entry before the last one is a full name
    for index in range(0, len(pieces), 2):
        part = _MASK.sub(lambda match: kept[int(match[1])], strip_list_marker(pieces[index]).strip())
        separator = pieces[index + 1] if index + 1 < len(pieces) else ""
        if not part or part.lower() in _ETC:
            continue
        if part.lower() in _SUFFIXES and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        if not _reads_as_a_name(part):
            return None
        # "Joel and Ethan Coen": one given name joined to a full name may share its surname;
        # "Joel" alone would be a person the post never named, so keep the line verbatim.
        # In a longer list ("A B, C D, E & F G") the conjunction only closes the list.
        listed = len(names) >= 2 and full_name_before_last
        if previous_joined_by_and and len(names[-1].split()) == 1 and len(part.split()) > 1 and not listed:
            return None
        previous_joined_by_and = bool(_CONJUNCTION.fullmatch(separator))
        if names and len(names[-1].split()) > 1:
            full_name_before_last = True
        names.append(part)
    return names or None


_ROLE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]{1,60})\)$")


def without_roles(names: list[str]) -> tuple[list[str], list[str]]:
    """"Junya Ikegami (Screenplay)" -> "Junya Ikegami": for crew, a parenthesis names a role,
    which has no field; the roles are returned so the caller can keep them."""
    plain: list[str] = []
    roles: list[str] = []
    for name in names:
        match = _ROLE.match(name)
        if match:
            plain.append(match["name"].strip())
            roles.append(match["role"].strip())
        else:
            plain.append(name)
    return plain, roles


def cast_entry(name: str, parentheses_are_characters: bool = True) -> str | dict[str, Any]:
    """"Seo Min-ji as Na Ri" -> {name, character}; "Seo Min-ji (Na Ri)" too when the
    list's parentheses are characters; else the name as written."""
    patterns = (_AS_CHARACTER, _IN_PARENS) if parentheses_are_characters else (_AS_CHARACTER,)
    for pattern in patterns:
        match = pattern.match(name)
        if match:
            return {"name": match["name"].strip(), "character": match["character"].strip()}
    return name


# What a parenthesis after an actor says when it is not a character.
_NOT_CHARACTERS = frozenset({"voice", "voices", "cameo", "uncredited", "archive footage", "singing voice", "narration",
                             "credit only", "scenes deleted", "also director", "also writer", "debut"})


def cast_entries(names: list[str]) -> tuple[list[str | dict[str, Any]], list[str]]:
    """A cast list's entries. "Actor (Character)" is read as a character only in a consistent
    list (every entry, two or more, has one) or after "as"; a lone "(voice)" or "(cameo)" is
    not a character: the name is kept and the parenthesis returned for the caller to keep."""
    parenthesised = [match["character"].strip().lower() for name in names if (match := _IN_PARENS.match(name))]
    consistent = len(parenthesised) >= 2 and not any(content in _NOT_CHARACTERS for content in parenthesised)
    entries: list[str | dict[str, Any]] = []
    kept: list[str] = []
    for name in names:
        if not consistent and not _AS_CHARACTER.match(name) and (match := _IN_PARENS.match(name)):
            entries.append(match["name"].strip())
            kept.append(match["character"].strip())
            continue
        entries.append(cast_entry(name, consistent))
    return entries, kept


def unique(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
