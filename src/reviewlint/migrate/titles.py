"""A headline or title line -> the film's title, year and what else the line states.

The forms real posts use: `Title (2003)`, `TITLE (2003) ★★★★`, `Title [2003] [PG]`,
`Title, 2003`, `Title (2003) dir. Name`, `Title Dir: Name (2003)`, `Title (Original Title), 2006`,
`Review: Title`, `Festival 2021 Review: Title`, `Title Review`, `Title: Korean Film Review`,
`Title – Review`, `DVD: Title`, `Film: Title`, `Title parents guide`, `‘Title’`, `Title (PG-13)`,
and a quoted title inside a headline (`Sneak Preview “Title”`). A year that belongs to the
prefix ("Sundance 2011 Review: ...") is the festival's, not the film's.

`strong` readings carry a mark that this is a film title (a year, a review prefix or
suffix, quotation marks); a plain line is only a candidate that the reader confirms. A
sentence, a line of many lower-case words, or a line that ends like one is never a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewlint.migrate.ratings import Rating, parse_rating

YEAR = r"(?:18[89]\d|19\d\d|20\d\d)"
_CERT = r"(?:G|PG|PG-13|R|NC-17|NR|U|UA|A|12A?|15|18|M|MA15\+|R18\+?|M18|NC16|TV-(?:Y7?|G|PG|14|MA)|Not Rated|Unrated)"

_YEAR_ONLY = re.compile(YEAR)
_NUMBER_ONLY = re.compile(r"\d+")
_BRACKETED_YEAR = re.compile(rf"[(\[]{YEAR}[)\]]")
_CERT_ONLY = re.compile(_CERT)
_LIST_NUMBER = re.compile(r"^(?:#\s*)?\d{1,3}[.)]\s+")
_HEADING_MARKS = re.compile(r"^#{1,6}\s+")
_EMPHASIS_PAIR = re.compile(r"(\*{1,3}|_{1,3})(?P<inner>[^*_]+?)\1")
_REVIEW_PREFIX = re.compile(
    r"^(?P<lead>[^:|–—]{0,40}?\b)?(?:(?:film|movie|dvd|blu-?ray|4k|book|tv|series)\s+)?"
    # "Review", and the word in the languages film blogs are written in.
    r"(?:review(?:ed)?|reseña|resena|crítica|critica|kritik|filmkritik|rezension|critique|recensione|resenha|"
    r"recensie|ulasan|resensi)\s*[:\-–—|]\s*"
    r"(?P<rest>.+)$", re.IGNORECASE)
_FORMAT_PREFIX = re.compile(r"^(?:dvd|blu-?ray|4k(?:\s+uhd)?|vhs|uhd|streaming|netflix|in\s+cinemas?|now\s+showing)"
                            r"\s*[:\-–—|]\s*(?P<rest>.+)$", re.IGNORECASE)
_LABEL_PREFIX = re.compile(r"^(?:film|movie|title|film\s+title|movie\s+title)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
_FESTIVAL_PREFIX = re.compile(
    rf"^(?P<lead>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){{0,4}}\s+{YEAR})\s*[:\-–—|]\s*(?P<rest>.+)$")
_REVIEW_SUFFIX = re.compile(
    r"^(?P<rest>.+?)\s*(?:[:\-–—|]\s*)?(?:(?:[A-Z][\w-]*\s+){0,2}(?:film|movie)\s+|(?:a\s+)?)?review(?:ed)?[.!]?$",
    re.IGNORECASE)
_GUIDE_SUFFIX = re.compile(r"^(?P<rest>.+?)\s*(?:[:\-–—|]\s*)?(?:parents?['’]?\s*guide|parental\s+guide)$",
                           re.IGNORECASE)
_PAREN_REVIEW = re.compile(r"^(?P<rest>.+?)\s*[(\[][^()\[\]]*\breview\b[^()\[\]]*[)\]]\s*$", re.IGNORECASE)

_WITH_YEAR = (
    # Title (Original Title), 2006
    ("title (original), year", re.compile(rf"^(?P<title>[^()]+?)\s*\((?P<original>[^()]+)\),\s*(?P<year>{YEAR})$")),
    # Title Dir: Name (2018), with an original title in another script between
    ("title dir. name (year)", re.compile(
        rf"^(?P<title>.+?)\s+(?:dir\.|dir:|directed\s+by)\s*(?P<director>[^()]+?)\s*\((?P<year>{YEAR})\)(?P<rest>.*)$",
        re.IGNORECASE)),
    ("title (year)", re.compile(rf"^(?P<title>.+?)\s*\((?P<year>{YEAR})\)(?P<rest>.*)$")),
    ("title (year, director)", re.compile(
        rf"^(?P<title>.+?)\s*\((?P<year>{YEAR}),\s*(?:dir\.\s*|directed\s+by\s+)?(?P<director>[^()\d]+)\)$")),
    ("title [year]", re.compile(rf"^(?P<title>.+?)\s*\[(?P<year>{YEAR})\](?P<rest>.*)$")),
    ("title, year", re.compile(rf"^(?P<title>[^,]+?),\s*(?P<year>{YEAR})$")),
)
_WITH_CERT = re.compile(rf"^(?P<title>.+?)\s*[(\[](?P<cert>{_CERT})[)\]]$")
_QUOTED_WHOLE = re.compile(r"^[\"“‘'«„](?P<title>[^\"“”‘’«»„]{1,120})[\"”’'»“]$")
_QUOTED_INSIDE = re.compile(r"[\"“‘«„](?P<title>[^\"“”‘’«»„]{1,80})[\"”’»“]")
_DIRECTOR_TAIL = re.compile(r"^(?:dir\.|dir:|directed\s+by)\s*(?P<director>[^()\[\]]+)$", re.IGNORECASE)
_REVIEW_TAIL = re.compile(r"^(?:(?:film|movie)\s+)?review\b\s*(?:[:\-–—|]\s*(?P<tagline>.+))?$", re.IGNORECASE)
_TAGLINE_TAIL = re.compile(r"^(?:[–—:|]|\s-|-\s)\s*(?P<tagline>.+)$")
# "May 12th, 2018": a date, not "Title, 2018".
_ENDS_WITH_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
                            r"(?:st|nd|rd|th)?$", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# Words that stay lower case inside titles; any other lower-case word counts towards "prose".
_SMALL_WORDS = frozenset("""a an the and or nor but of in on at to for from by with as vs vs. via into onto
    upon over per de del la le les du des da do di von van der den het el y e et und och i""".split())
_VERBS = frozenset("""is are was were be been has have had will would can could should shoots shows makes
    gets does did i'm it's we you they he she this that my our your""".split())


@dataclass(frozen=True, slots=True)
class TitleReading:
    title: str
    form: str
    strong: bool
    year: int | None = None
    original_title: str | None = None
    tagline: str | None = None
    director: str | None = None
    certificate: str | None = None
    rating: Rating | None = None
    rating_text: str | None = None
    # What the line says after the title that no field takes (kept by the headline).
    rest: str | None = None


def reads_as_prose(text: str) -> bool:
    """A sentence rather than a name: ends like one, is long, or has lower-case verbs/words."""
    stripped = text.strip()
    if not stripped or stripped.endswith((".", "?", ",", ";", ":")) or len(stripped) > 120:
        return True
    words = stripped.split()
    if len(words) > 12:
        return True
    lowered = [word for word in words if word[:1].islower()]
    if any(word.lower().strip(",.!?") in _VERBS for word in words[1:]):
        return True
    return len([word for word in lowered if word.lower() not in _SMALL_WORDS]) >= 2


def _clean(text: str) -> str:
    """Markdown heading marks and emphasis pairs go ("**Moonlight** (2016)" -> "Moonlight (2016)")."""
    text = _LIST_NUMBER.sub("", _HEADING_MARKS.sub("", text.strip()))  # "1. Title (2019)" in a round-up
    return _EMPHASIS_PAIR.sub(lambda match: match["inner"], text).strip()


def _tidy_title(text: str) -> str:
    title = text.strip().strip(" -–—:|*_")
    quoted = _QUOTED_WHOLE.match(title)
    return quoted["title"].strip() if quoted else title.strip("\"“”")


def _split_original(title: str) -> tuple[str, str | None]:
    """"The Blood of Wolves 孤狼の血" -> ("The Blood of Wolves", "孤狼の血")."""
    match = _CJK.search(title)
    if match is None or match.start() == 0:
        return title, None
    head, tail = title[:match.start()].strip(), title[match.start():].strip()
    return (head, tail) if head and not _CJK.search(head) else (title, None)


def _read_rest(rest: str) -> dict[str, object] | None:
    """What follows `Title (2003)`: a rating, a certificate, `dir. Name`, a tagline, or nothing."""
    text = rest.strip()
    if not text:
        return {}
    if match := _DIRECTOR_TAIL.match(text):
        return {"director": match["director"].strip()}
    if match := _REVIEW_TAIL.match(text):
        return {"tagline": match["tagline"].strip()} if match["tagline"] else {}
    if tagline := _TAGLINE_TAIL.match(text):
        return {"tagline": tagline["tagline"].strip()}
    tokens = text.replace("[", " ").replace("]", " ").split()
    found: dict[str, object] = {}
    leftover: list[str] = []
    for token in tokens:
        if "certificate" not in found and _CERT_ONLY.fullmatch(token):
            found["certificate"] = token
            continue
        rating = parse_rating(token) if "rating" not in found else None
        if rating is not None and (rating.scale_stated or not token.replace(".", "").isdigit()):
            found["rating"], found["rating_text"] = rating, token
            continue
        leftover.append(token)
    if not leftover:
        return found
    found["rest"] = " ".join(leftover)
    return found


def _with_year(text: str, form_prefix: str) -> TitleReading | None:
    for form, pattern in _WITH_YEAR:
        match = pattern.match(text)
        if match is None:
            continue
        title = _tidy_title(match["title"])
        # A year alone is a title only in brackets before its own year: "1917 (2019)".
        year_alone = _YEAR_ONLY.fullmatch(title) is not None and (form != "title (year)" or title == match["year"])
        if not title or reads_as_prose(title) or year_alone or _ENDS_WITH_DAY.search(title):
            return None
        groups = match.groupdict()
        extra = _read_rest(groups.get("rest") or "")
        if extra is None:
            return None
        title, original = _split_original(title)
        return TitleReading(
            title=title, form=form_prefix + form, strong=True, year=int(match["year"]),
            original_title=groups.get("original") or original,
            director=(groups.get("director") or "").strip() or extra.get("director"),  # type: ignore[arg-type]
            tagline=extra.get("tagline"), certificate=extra.get("certificate"),  # type: ignore[arg-type]
            rating=extra.get("rating"), rating_text=extra.get("rating_text"),  # type: ignore[arg-type]
            rest=extra.get("rest"))  # type: ignore[arg-type]
    return None


def _bare(text: str, form: str, strong: bool) -> TitleReading | None:
    if match := _WITH_CERT.match(text):
        title = _tidy_title(match["title"])
        if title and not reads_as_prose(title):
            return TitleReading(title=title, form=form + "title (certificate)", strong=True,
                                certificate=match["cert"])
        return None
    quoted = _QUOTED_WHOLE.match(text)
    if quoted:
        title = quoted["title"].strip()
        return TitleReading(title=title, form=form + "quoted title", strong=True) if not reads_as_prose(title) else None
    title = _tidy_title(text)
    if not title or reads_as_prose(title) or _NUMBER_ONLY.fullmatch(title):
        return None
    return TitleReading(title=title, form=form.rstrip(", ") or "headline", strong=strong)


@lru_cache(maxsize=4096)
def read_title_line(line: str) -> TitleReading | None:
    """The title that `line` states, or None when it does not read as a title line. Pure,
    so cached: the reader asks about the same line from several places."""
    text = _clean(line)
    if not text or len(text) > 200:
        return None
    return _read(text, strip_prefixes=True) or _read(text, strip_prefixes=False)


_FESTIVAL_WORDS = re.compile(
    r"\b(?:festival|fest|sundance|tiff|cannes|berlinale|venice|sxsw|nyff|lff|fantasia|tribeca|fantastic|"
    r"sitges|busan|rotterdam|locarno|telluride|premiere|screening|preview|sneak|dvd|blu-?ray|4k|vhs|\d{4})\b",
    re.IGNORECASE)


def _title_before_review(text: str) -> TitleReading | None:
    """"Oldboy Review: A Hammer and a Hallway": the title leads and the words after the
    colon are the tagline; a lead that names a festival or a year is a prefix instead."""
    match = _REVIEW_PREFIX.match(text)
    if match is None or not match["lead"] or not match["lead"].strip() or _FESTIVAL_WORDS.search(match["lead"]):
        return None
    lead = match["lead"].strip()
    reading = _with_year(lead, "title before 'review', ") or _bare(lead, "title before 'review', ", True)
    if reading is None or reading.tagline or len(match["rest"].strip()) > 200:
        return reading
    return TitleReading(title=reading.title, form=reading.form, strong=True, year=reading.year,
                        original_title=reading.original_title, director=reading.director,
                        certificate=reading.certificate, rating=reading.rating, rating_text=reading.rating_text,
                        tagline=match["rest"].strip())


def _read(text: str, *, strip_prefixes: bool) -> TitleReading | None:
    prefix = ""
    strong = False
    if strip_prefixes and (leading := _title_before_review(text)) is not None:
        return leading
    for pattern, name in ((_REVIEW_PREFIX, "review prefix"), (_FORMAT_PREFIX, "format prefix"),
                          (_LABEL_PREFIX, "label"), (_FESTIVAL_PREFIX, "festival prefix")):
        match = pattern.match(text) if strip_prefixes else None
        if match and match["rest"].strip():
            text, prefix, strong = match["rest"].strip(), f"{prefix}{name}, ", True
    for pattern, name in ((_PAREN_REVIEW, "review suffix"), (_REVIEW_SUFFIX, "review suffix"),
                          (_GUIDE_SUFFIX, "guide suffix")):
        match = pattern.match(text) if strip_prefixes else None
        if match and match["rest"].strip():
            text, prefix, strong = match["rest"].strip(), f"{prefix}{name}, ", True
            break
    dated = _with_year(text, prefix)
    if dated is not None:
        return dated
    if _BRACKETED_YEAR.search(text):
        return None  # a year in brackets inside a sentence: not a title line
    return _bare(text, prefix, strong)


def quoted_title_in(line: str) -> TitleReading | None:
    """`Festival Sneak Preview “Title”`: one quoted, title-like phrase at the end of a headline."""
    text = _clean(line)
    found = list(_QUOTED_INSIDE.finditer(text))
    if len(found) != 1 or found[0].end() < len(text.rstrip(" .!")) or found[0].start() == 0:
        return None
    title = found[0]["title"].strip()
    if reads_as_prose(title) or not title[:1].isupper():
        return None
    return TitleReading(title=title, form="quoted title in the headline", strong=True)
