"""Credits stated in running prose: "Directed by Ana Ruiz.", "Starring A, B and C",
"written and directed by X", "(voiced by X)", "with the voices of A and B".

Only these phrases, followed by capitalised names, count: "starring in a sequel" or
"directed by a first-timer" name no one. The reader uses them for a field no label filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARTICLES = r"(?:de|da|del|della|di|du|la|le|van|von|der|den|ten|ter|bin|al|el|y)"
# A capitalised word, or an initial ("S."); a full stop after a longer word ends the sentence.
_WORD = r"[A-ZÀ-ÖØ-Þ](?:\.|[\w'’\-]*)"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|{_PARTICLES}(?=\s+[A-ZÀ-ÖØ-Þ]))){{0,4}}"
_NAMES = rf"(?P<names>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*)"

_PHRASES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    # The phrase in any case, the names capitalised: (?i:...) scopes the case-blindness.
    (("directors", "writers"), re.compile(
        rf"\b(?i:written\s+and\s+directed|written\s*&\s*directed)\s+(?i:by):?\s+{_NAMES}")),
    (("directors",), re.compile(rf"(?<![Ww]ritten and )(?<![Ww]ritten & )\b(?i:directed\s+by):?\s+{_NAMES}")),
    # "screenplay by" only: "written by" in running text signs a post as often as it credits a film.
    (("writers",), re.compile(rf"\b(?i:screenplay)\s+(?i:by):?\s+{_NAMES}")),
    (("cast",), re.compile(rf"\b(?i:starring|voiced\s+by|with\s+the\s+voices?\s+of|co-starring)\s+{_NAMES}")),
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


@dataclass(frozen=True, slots=True)
class ProseCredit:
    fields: tuple[str, ...]
    names: tuple[str, ...]
    phrase: str


@lru_cache(maxsize=2048)
def prose_credits(text: str) -> tuple[ProseCredit, ...]:
    """The credits a sentence states, in text order (cached: the reader reads each line twice)."""
    if "by" not in text.lower() and "star" not in text.lower() and "voice" not in text.lower():
        return ()
    found: list[tuple[int, ProseCredit]] = []
    for fields, pattern in _PHRASES:
        for match in pattern.finditer(text):
            names = [name.strip() for name in _SPLIT.split(match["names"]) if name.strip()]
            names = [name for name in names if len(name.split()) >= 2 or fields == ("cast",)]
            if names:
                found.append((match.start(), ProseCredit(fields, tuple(names), match[0])))
    return tuple(credit for _, credit in sorted(found, key=lambda item: item[0]))
