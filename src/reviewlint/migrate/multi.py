"""Posts that hold more than one review, and pages about many films.

A double feature or a round-up gives each film its own title line (a title with its year,
or a heading) followed, within a few lines, by that film's own credits or rating. Such a
post is split at those lines: one review per film, never one record built from two films.

A page that names many films by title and year without credits for each (a top-10 list,
an archive index) is not a review of any one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reviewlint.migrate.accounting import is_blank
from reviewlint.migrate.labels import match_label
from reviewlint.migrate.ratings import standalone_rating
from reviewlint.migrate.titles import read_title_line

# How far below a film's title line its own credits may start.
CREDITS_WITHIN = 8
# More films with their own credits than a round-up holds: an index or a list, not reviews to split.
MAX_REVIEWS = 12
# Title-and-year lines without credits that make a page a list of films, not a review.
MANY_FILMS = 4
CREDIT_KEYS = frozenset({"directors", "writers", "writer_director", "cast", "runtime", "rating", "year", "release",
                         "genres", "countries"})
_NUMBERED = re.compile(r"^\s*(?:#\s*)?\d{1,3}\s*[.):]\s+")


@dataclass(frozen=True, slots=True)
class FilmStart:
    index: int       # position in the lines given
    title: str


# A title line of a film in a list or a double feature names its year (or is a heading).
_YEARISH = re.compile(r"(?:18[89]\d|19\d\d|20\d\d)")


# "(2019)", "[2019]" or ", 2019" at the end: how a title line states its year.
_TITLE_YEAR_MARK = re.compile(r"[(\[](?:18[89]\d|19\d\d|20\d\d)[)\],]|,\s*(?:18[89]\d|19\d\d|20\d\d)\s*$")


def _film_title(text: str, heading: int) -> str | None:
    if not heading and _YEARISH.search(text) is None:
        return None
    label = match_label(text)
    if label is not None and label.kind == "fact" and label.key != "title":
        return None  # "Release Date: May 12th, 2018" is a fact, not a film's title line
    reading = read_title_line(_NUMBERED.sub("", text))
    if reading is None or not reading.strong or (reading.year is None and not heading):
        return None
    return reading.title


def _has_credits(texts: list[str], typed_ok: Callable[[str, str], bool]) -> bool:
    for text in texts:
        label = match_label(text, typed_ok=typed_ok)
        if label is not None and label.kind == "fact" and label.key in CREDIT_KEYS:
            return True
        if standalone_rating(text) is not None:
            return True
    return False


def review_starts(texts: list[str], headings: list[int], typed_ok: Callable[[str, str], bool]) -> list[FilmStart]:
    """Where each film's own review starts, when the post holds two or more; else []."""
    starts: list[FilmStart] = []
    seen: set[str] = set()
    for index, text in enumerate(texts):
        if is_blank(text) or len(text) > 200:
            continue
        if index > 0 and not is_blank(texts[index - 1]) and not headings[index]:
            continue  # a film's title line starts a block
        title = _film_title(text.strip(), headings[index])
        if title is None or title.casefold() in seen:
            continue
        following = [line.strip() for line in texts[index + 1:index + 1 + CREDITS_WITHIN * 2] if not is_blank(line)]
        following = following[:CREDITS_WITHIN]
        if _has_credits(following, typed_ok):
            seen.add(title.casefold())
            starts.append(FilmStart(index, title))
    return starts if len(starts) >= 2 else []


def _title_with_year(text: str) -> str | None:
    if len(text) > 120 or _TITLE_YEAR_MARK.search(text) is None:
        return None
    label = match_label(text)
    if label is not None and label.kind == "fact" and label.key != "title":
        return None
    reading = read_title_line(_NUMBERED.sub("", text))
    return reading.title if reading is not None and reading.strong and reading.year is not None else None


def many_films(texts: list[str]) -> list[int]:
    """Indices of the title lines of a page about many films (a numbered list of three or
    more, or title-and-year lines making up a large share of the page), else []."""
    titled = {index: title for index, text in enumerate(texts)
              if not is_blank(text) and len(text) <= 200 and (title := _title_with_year(text.strip())) is not None}
    found = list(titled)
    titles = {title.casefold() for title in titled.values()}
    numbered = [index for index in found if _NUMBERED.match(texts[index])]
    content = sum(1 for text in texts if not is_blank(text))
    if len({titled[index].casefold() for index in numbered}) >= 3:
        return numbered
    if len(titles) >= MANY_FILMS and len(found) * 10 >= content * 3:
        return found
    return []
