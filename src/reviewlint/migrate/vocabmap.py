"""Free text -> controlled vocabulary: countries, languages, genres, content warnings,
verdicts and ending types. Every table comes from `reviewlint.vocab`, so the migrator,
the schema and the lint rules agree on what a term means."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from reviewlint import vocab


def fold(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form synonyms are compared in."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


_CODE = re.compile(r"[A-Z]{2}")
_COUNTRY_SEPARATORS = re.compile(r"\s*(?:[,;/|&]|\s-\s)\s*")
_LIST_MARKS = re.compile(r"[,;/|&]|\s(?:and|und|et|y|e|en|dan)\s", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|und|et|y|e|en|dan)\s+", re.IGNORECASE)


# --- countries and languages -----------------------------------------------------------------

@cache
def _country_names() -> dict[str, str]:
    names = {fold(name): code for code, name in vocab.countries().items()}
    names.update({fold(alias): code for alias, code in vocab.country_aliases().items()})
    return names


def country_code(name: str) -> str | None:
    text = name.strip().rstrip(".").strip()
    if _CODE.fullmatch(text) and text in vocab.countries():
        return text
    return _country_names().get(fold(text).removeprefix("the ")) or _country_in_any_language(text)


@lru_cache(maxsize=1024)
def _country_in_any_language(name: str) -> str | None:
    """"Noruega", "Norwegen", "Norvège": a country named in the language a blog is written
    in, through the CLDR names langcodes' language-data holds."""
    if (not name or len(name) > 60 or not all(char.isalpha() or char in " -'’." for char in name)
            or _LIST_MARKS.search(name) or len(name.split()) > 4):
        return None  # one name only: a list is split by the caller first
    import langcodes

    try:
        found = langcodes.find_name("territory", name)
    except (LookupError, ValueError):
        return None
    code = found.territory
    return code if code is not None and code in vocab.countries() else None


def country_codes(text: str) -> tuple[list[str], list[str]]:
    """(codes, names that matched no country). "Bosnia and Herzegovina" is one country;
    "France and Belgium" two: the whole is tried before splitting on "and"."""
    codes: list[str] = []
    unknown: list[str] = []
    whole = country_code(text)
    if whole:
        return [whole], []
    for part in _COUNTRY_SEPARATORS.split(text):
        if not part.strip():
            continue
        code = country_code(part)
        if code:
            codes.append(code)
            continue
        for piece in _AND.split(part):
            code = country_code(piece)
            if code:
                codes.append(code)
            elif piece.strip():
                unknown.append(piece.strip())
    return list(dict.fromkeys(codes)), unknown


@cache
def _language_names() -> dict[str, str]:
    return {fold(name): code for code, name in vocab.languages().items()}


def language_code(name: str) -> str | None:
    text = fold(name.strip().rstrip("."))
    if text in vocab.languages() or text in vocab.languages_639_3():
        return text
    return _language_names().get(text)


# --- genres ----------------------------------------------------------------------------------

def genre_name(text: str) -> str:
    """The vocabulary's spelling of a known genre ("one-person army action" -> "One-Person
    Army Action"); an unknown genre is kept exactly as written."""
    return vocab.genres().get(fold(text), text.strip())


def split_genres(text: str) -> list[str]:
    parts = re.split(r"\s*(?:[/,;|•·]|\s&\s|\band\b)\s*", text.strip().rstrip("."))
    return list(dict.fromkeys(genre_name(part) for part in parts if part.strip()))


# --- content warnings ------------------------------------------------------------------------

_SEVERITY_WORDS = {"mild": "mild", "some": None, "brief": None, "moderate": "moderate", "strong": "severe",
                   "severe": "severe", "graphic": None, "intense": None, "frequent": None, "occasional": None,
                   "heavy": "severe", "extreme": "severe", "references to": None, "scenes of": None}
_LEAD_IN = re.compile(r"^(?:this (?:film|movie) )?(?:contains?|includes?|features?|depicts?|has|with)\s*:?\s+",
                      re.IGNORECASE)
_NONE = {"none", "no warnings", "nothing", "n/a", "none.", "no content warnings", "nothing to warn about"}


@cache
def _warning_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for slug, entry in vocab.content_warnings().items():
        table[fold(slug)] = slug
        table[fold(slug.replace("-", " "))] = slug
        table[fold(entry["label"])] = slug
        for synonym in entry["synonyms"]:
            table.setdefault(fold(synonym), slug)
    return table


@dataclass(slots=True)
class Warnings:
    entries: list[str | dict[str, Any]] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    stated_none: bool = False


def _warning_entry(phrase: str) -> str | dict[str, Any] | None:
    key = fold(phrase).strip(" .;:!")
    table = _warning_synonyms()
    if key in table:
        return table[key]
    for word, severity in _SEVERITY_WORDS.items():
        if key.startswith(word + " ") and key[len(word) + 1:] in table:
            slug = table[key[len(word) + 1:]]
            return {"id": slug, "severity": severity} if severity else slug
    return None


def _slug_of(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else str(entry["id"])


def warning_items(text: str) -> list[str]:
    """"Contains violence, nudity and strong language." -> ["violence", "nudity and strong
    language"]: the lead-in dropped, split at commas, semicolons and bullets."""
    sentence = _LEAD_IN.sub("", " ".join(text.split())).rstrip(" .!")
    pieces = (re.sub(r"^(?:and|&|plus)\s+", "", piece.strip(), flags=re.IGNORECASE)
              for piece in re.split(r"\s*[,;•·]\s*", sentence))
    return [piece for piece in pieces if piece]


def map_warnings(text: str) -> Warnings:
    """"Contains violence, strong language, harmful substances and smoking." -> slugs.
    Phrases the vocabulary does not know are returned in `unmapped`, never dropped."""
    result = Warnings()
    sentence = " ".join(text.split())
    if fold(sentence).strip(" .!") in {item.strip(".") for item in _NONE}:
        result.stated_none = True
        return result
    for piece in warning_items(sentence):
        # "frightening and intense scenes" is one synonym: try the piece whole first.
        whole = _warning_entry(piece)
        parts = [piece] if whole is not None else re.split(
            r"\s*(?:\band\b|\s&\s|/|\bplus\b)\s*", piece, flags=re.IGNORECASE)
        for phrase in (part.strip() for part in parts):
            if not phrase:
                continue
            entry = _warning_entry(phrase)
            if entry is None:
                result.unmapped.append(phrase)
            elif _slug_of(entry) not in {_slug_of(existing) for existing in result.entries}:
                result.entries.append(entry)
    return result


# --- verdicts and endings --------------------------------------------------------------------

@cache
def _verdict_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for slug, entry in vocab.verdicts().items():
        table[fold(slug.replace("-", " "))] = slug
        table[fold(str(entry["label"]))] = slug
        for synonym in entry["synonyms"]:
            table[fold(str(synonym))] = slug
    return table


def verdict_of(text: str) -> str | None:
    """The verdict when the whole text (or its first sentence) is a verdict phrase:
    "Worth to Watch", "Must see!", "Skip it." A verdict word inside a longer sentence is
    not enough ("I wouldn't call it a must see")."""
    table = _verdict_synonyms()
    candidates = [text, re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0]]
    for candidate in candidates:
        key = fold(candidate).strip(" .!?\"'“”")
        if key in table:
            return table[key]
    return None


_ENDING_SYNONYMS = {
    "happy": ["happy", "happy ending", "feel-good", "feel good", "uplifting"],
    "sad": ["sad", "unhappy", "sad ending", "unhappy ending", "downer"],
    "bittersweet": ["bittersweet", "bitter-sweet", "bitter sweet"],
    "tragic": ["tragic", "tragedy"],
    "open": ["open", "open-ended", "open ended", "unresolved"],
    "ambiguous": ["ambiguous"],
    "twist": ["twist", "plot twist", "twist ending"],
    "cliffhanger": ["cliffhanger", "cliff-hanger", "cliff hanger"],
}
_TWIST_SUFFIX = re.compile(r"\s*(?:\+|,)?\s*(?:(?:with|and|plus)\s+)?(?:an?\s+)?(?:plot\s+)?twist$")


def _ending_kind(key: str) -> str | None:
    key = re.sub(r"\s+ending$", "", key).strip()
    for kind, synonyms in _ENDING_SYNONYMS.items():
        if kind in vocab.ending_types() and (key in synonyms or f"{key} ending" in synonyms):
            return kind
    return None


def ending_of(text: str) -> tuple[str, bool] | None:
    """(type, twist) for a one-line ending verdict such as "Happy Ending" or "Bittersweet,
    with a twist"; None for anything longer or unknown."""
    key = fold(text).strip(" .!")
    kind = _ending_kind(key)
    if kind is not None:
        return kind, False
    if _TWIST_SUFFIX.search(key):
        kind = _ending_kind(_TWIST_SUFFIX.sub("", key))
        if kind is not None:
            return kind, kind != "twist"
    return None
