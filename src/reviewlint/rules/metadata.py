"""Film metadata (RL5xx): plausible years, runtimes, dates and ids; real country and
language codes; no duplicate people; known genres."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from reviewlint import vocab
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.rules._context import Context
from reviewlint.rules._core import Options, rule

FAMILY = "metadata"

SCHEMA_FIRST_YEAR, SCHEMA_LAST_YEAR = 1888, 2100
SCHEMA_MAX_RUNTIME = 1000
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_PLACEHOLDER_IMDB_RE = re.compile(r"^tt0+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Codes people write for a language that are not ISO 639-1: country codes used for the
# language spoken there, and codes ISO withdrew.
LANGUAGE_MISTAKES = {
    "jp": "ja", "cn": "zh", "gr": "el", "dk": "da", "cz": "cs", "ua": "uk", "vn": "vi", "iw": "he", "in": "id",
    "ji": "yi", "jw": "jv", "mo": "ro",
}
# ISO 639-2/3 codes of languages that have a two-letter code (which takes precedence).
LANGUAGE_LONG_CODES = {
    "eng": "en", "kor": "ko", "jpn": "ja", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es",
    "zho": "zh", "chi": "zh", "ita": "it", "rus": "ru", "por": "pt", "hin": "hi", "ara": "ar", "swe": "sv",
    "dan": "da", "nor": "no", "fin": "fi", "nld": "nl", "dut": "nl", "pol": "pl", "tur": "tr", "ell": "el",
    "gre": "el", "heb": "he", "tha": "th", "vie": "vi", "ind": "id", "per": "fa", "fas": "fa", "ces": "cs",
    "cze": "cs", "hun": "hu", "ukr": "uk", "ron": "ro", "rum": "ro",
}


# Names that stand for more than one country: the code is a guess, so the fix is unsafe
# and the message names each country ("Korea" may be KR or KP).
AMBIGUOUS_COUNTRY_NAMES = {
    "korea": ("KR", "KP"), "congo": ("CG", "CD"), "the congo": ("CG", "CD"), "virgin islands": ("VG", "VI"),
}
_OUT_OF_PLACE = re.compile(r"This (\w+) subtag, '([^']*)', is out of place")
_SUBTAG_KINDS = {"territory": "region"}


def _fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("’", "'").casefold().split())


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _validate_positive(name: str) -> Any:
    def check(options: Options) -> str | None:
        return f"`{name}` must be at least 1" if options.get(name, 1) < 1 else None
    return check


@rule("RL501", "implausible-year", severity=Severity.ERROR, family=FAMILY,
      options={"max-years-ahead": (int, 1, "How many years after the current one a film's year may be.")},
      summary="The film's year lies in the future.")
def implausible_year(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a `film.year` later than next year. (Years before 1888, the year of the
    oldest surviving film, are already rejected by the schema, RL106.)

    ## Why
    A review is written after a screening; a year in the future is a typo (2203 for
    2023) or the year of a different release.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2099
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None.
    """
    year = _integer(context.get("film", "year"))
    if year is None or not SCHEMA_FIRST_YEAR <= year <= SCHEMA_LAST_YEAR:
        return
    latest = datetime.date.today().year + options["max-years-ahead"]
    if year > latest:
        yield context.report(f"year {year} is in the future; the latest plausible year is {latest}",
                             ("film", "year"))


@rule("RL502", "implausible-runtime", severity=Severity.WARNING, family=FAMILY,
      options={"max-minutes": (int, 600, "Longest runtime, in minutes, accepted without comment.")},
      validate_options=_validate_positive("max-minutes"),
      summary="The runtime is unusually long.")
def implausible_runtime(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a `film.runtime_minutes` above `max-minutes` (10 hours by default). The schema
    already rejects runtimes under 1 or over 1000 minutes.

    ## Why
    A feature film runs one to four hours; 920 minutes is usually seconds or "1h 32m"
    read wrongly. Long experimental films exist, hence an adjustable bound.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      runtime_minutes: 920
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      runtime_minutes: 92
    ```

    ## Fix
    None.
    """
    runtime = _integer(context.get("film", "runtime_minutes"))
    bound = options["max-minutes"]
    if runtime is not None and bound < runtime <= SCHEMA_MAX_RUNTIME:
        yield context.report(f"runtime {runtime} minutes is unusually long (over {bound}); check it is in minutes",
                             ("film", "runtime_minutes"))


@rule("RL503", "placeholder-imdb-id", severity=Severity.ERROR, family=FAMILY,
      summary="The IMDb id is a placeholder such as tt0000000.")
def placeholder_imdb_id(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports an IMDb title id made only of zeros (`tt0000000`). The form itself (`tt` and
    7 or more digits) is checked by the schema (RL105).

    ## Why
    Templates ship with a zero id; left in place it links every review to a page that
    does not exist, and looks valid to every pattern check.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      ids: {imdb: tt0000000}
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      ids: {imdb: tt28302496}
    ```

    ## Fix
    None: look the id up.
    """
    imdb = context.get("film", "ids", "imdb")
    if isinstance(imdb, str) and _PLACEHOLDER_IMDB_RE.match(imdb):
        yield context.report(f"IMDb id {imdb!r} is a placeholder, not a real title; use the film's id from its "
                             "IMDb address", ("film", "ids", "imdb"))


@cache
def _country_names() -> dict[str, str]:
    names = {_fold(name): code for code, name in vocab.countries().items()}
    names.update({_fold(alias): code for alias, code in vocab.country_aliases().items()})
    return names


def _country_verdict(value: str, extra: tuple[str, ...]) -> tuple[str, str | None, FixSafety] | None:
    """(message, replacement code, fix safety) for a country value that is not a known code."""
    codes = vocab.countries()
    if value in codes or value in extra:
        return None
    if _COUNTRY_RE.match(value):
        alias = vocab.country_aliases().get(value.lower())
        if alias is not None and alias != value:
            return (f"{value!r} is not an ISO 3166-1 alpha-2 code; the code for {codes[alias]} is '{alias}'", alias,
                    FixSafety.SAFE)
        return f"{value!r} is not an assigned ISO 3166-1 alpha-2 country code", None, FixSafety.NONE
    if value.upper() in codes or value.upper() in extra:
        return f"country codes are written in capitals: '{value.upper()}'", value.upper(), FixSafety.SAFE
    folded = _fold(value)
    named = _country_names().get(folded.removeprefix("the "))
    choices = AMBIGUOUS_COUNTRY_NAMES.get(folded)
    if named is not None and choices is not None:
        listed = " or ".join(f"{_country_name(code)} ('{code}')" for code in choices)
        return f"{value!r} may mean {listed}; write the code of the one meant", named, FixSafety.UNSAFE
    if named is not None:
        return f"{value!r} is a country name; its ISO 3166-1 alpha-2 code is '{named}'", named, FixSafety.SAFE
    return None  # the schema says what form a code has


@rule("RL504", "unknown-country", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.SAFE,
      supersedes=("RL105",),
      options={"extra-codes": (list, ("SU", "YU", "CS", "DD"),
                               "Codes accepted besides the assigned ones (by default the withdrawn codes of the "
                               "Soviet Union, Yugoslavia, Czechoslovakia and East Germany, for films of their "
                               "era).")},
      summary="A country is not a real ISO 3166-1 alpha-2 code.")
def unknown_country(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks each `film.countries` item is an assigned ISO 3166-1 alpha-2 code, not just
    two capital letters: `UK` is not one (the United Kingdom is `GB`), `XK` is not
    assigned. Names ("South Korea") and lower-case codes ("kr") are recognised and
    replace the schema's generic format message (RL105).

    ## Why
    Country codes are joined with other data (TMDB's `origin_country`, schema.org's
    `countryOfOrigin`); a code that is not assigned joins with nothing.

    ## Example
    ```yaml
    film:
      title: Paddington 2
      year: 2017
      countries: [UK, FR]
    ```
    Use instead:
    ```yaml
    film:
      title: Paddington 2
      year: 2017
      countries: [GB, FR]
    ```

    ## Fix
    Replaces a name, an alias or a lower-case code with the code (safe: the mapping is
    exact); removes it when that code is already listed. Unknown codes have no fix.
    """
    countries = context.get("film", "countries")
    if not isinstance(countries, list):
        return
    extra = tuple(options["extra-codes"])
    for index, value in enumerate(countries):
        if not isinstance(value, str):
            continue
        verdict = _country_verdict(value, extra)
        if verdict is None:
            continue
        message, code, safety = verdict
        path = ("film", "countries", index)
        fix = None
        if code is not None:
            if code in countries:
                fix = Fix(f"remove {value!r}: '{code}' is already listed", safety, (Edit(path, delete=True),))
            else:
                fix = Fix(f"replace {value!r} with '{code}'", safety, (Edit(path, code),))
        yield context.report(message, path, fix=fix)


@cache
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in vocab.languages().items():
        names.setdefault(_fold(name), code)
        names.setdefault(_fold(name.split(" (", 1)[0]), code)
    return names


def _language_verdict(value: str) -> tuple[str, str | None, FixSafety] | None:
    """(message, replacement, fix safety) for a language code that is not a known one."""
    two, three = vocab.languages(), vocab.languages_639_3()
    if value in two or value in three:
        return None
    if _LANGUAGE_RE.match(value):
        meant = LANGUAGE_MISTAKES.get(value) or LANGUAGE_LONG_CODES.get(value)
        if meant is not None and meant in two:
            why = "ISO 639 gives it the two-letter code" if len(value) == 3 else "did you mean"
            return (f"{value!r} is not an ISO 639-1 language code; {why} '{meant}' ({two[meant]})"
                    + ("?" if why == "did you mean" else ""), meant, FixSafety.UNSAFE)
        kind = "ISO 639-1" if len(value) == 2 else "ISO 639-3 code of a language without a two-letter"
        return f"{value!r} is not an {kind} code", None, FixSafety.NONE
    if value.lower() in two or value.lower() in three:
        return f"language codes are written in lower case: '{value.lower()}'", value.lower(), FixSafety.SAFE
    named = _language_names().get(_fold(value))
    if named is not None:
        return f"{value!r} is a language name; its ISO 639-1 code is '{named}'", named, FixSafety.SAFE
    return None


@rule("RL505", "unknown-language", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.SAFE,
      supersedes=("RL105",), fix_unsafe_when="the suggested code is a guess (a country or withdrawn code)",
      summary="A language is not a real ISO 639 code.")
def unknown_language(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks `film.original_language` is an ISO 639-1 code (or an ISO 639-3 code for a
    language without a two-letter one), and that the review's `language` tag starts with
    one and is a valid BCP 47 tag as a whole (`en-GB-GB` is not: a region comes once).
    Country codes used as languages (`jp`, `cn`), withdrawn codes (`iw`) and three-letter
    codes of languages that have a two-letter one (`kor`) get a did-you-mean; names
    ("Korean") replace the schema's format message (RL105).

    ## Why
    Language codes drive subtitles, search and schema.org's `inLanguage`; `jp` is not
    Japanese to any of them.

    ## Example
    ```yaml
    film:
      title: Drive My Car
      year: 2021
      original_language: jp
    ```
    Use instead:
    ```yaml
    film:
      title: Drive My Car
      year: 2021
      original_language: ja
    ```

    ## Fix
    A language name or a code in capitals becomes the code (safe). A country or
    withdrawn code becomes the suggested code (unsafe: it is a guess).
    """
    original = context.get("film", "original_language")
    if isinstance(original, str):
        verdict = _language_verdict(original)
        if verdict is not None:
            yield _language_finding(context, ("film", "original_language"), original, verdict, original)
    tag = context.get("language")
    if isinstance(tag, str) and tag:
        primary, _, rest = tag.partition("-")
        verdict = _language_verdict(primary)
        if verdict is not None:
            yield _language_finding(context, ("language",), primary, verdict, tag, rest)
        else:
            problem = _tag_problem(tag)
            if problem is not None:
                yield context.report(f"language tag {tag!r} is not a valid BCP 47 tag: {problem}", ("language",))


def _country_name(code: str) -> str:
    """A country's everyday English name ("South Korea", not "Korea, Republic of"), from
    CLDR through langcodes when its data is installed, else the ISO name."""
    try:
        import langcodes

        name = str(langcodes.Language.get(f"und-{code}").territory_name("en"))
    except (ImportError, ValueError, LookupError):
        name = code
    return vocab.countries().get(code, code) if name == code else name


def _tag_problem(tag: str) -> str | None:
    """What is wrong with a whole BCP 47 tag whose primary subtag is fine, or None.

    langcodes (MIT) parses the tag as RFC 5646 lays it out and knows the IANA registry's
    variants; the region must also be an assigned ISO 3166-1 code (or a UN M.49 number)."""
    rest = tag.split("-")[1:]
    if not rest or (len(rest) == 1 and len(rest[0]) == 2 and rest[0].upper() in vocab.countries()):
        # `en` and `pt-BR`, nearly every review's tag, need no parser: langcodes costs ~20 ms
        # to import, more than checking the whole review.
        return None
    import langcodes
    from langcodes.tag_parser import LanguageTagError, parse_tag

    untyped_parse: Any = parse_tag  # langcodes' parser has no type hints
    try:
        parts: list[tuple[str, str]] = untyped_parse(tag)
    except LanguageTagError as error:
        misplaced = _OUT_OF_PLACE.match(str(error))
        if misplaced:
            kind = _SUBTAG_KINDS.get(misplaced.group(1), misplaced.group(1))
            subtag = next((part for part in tag.split("-")[1:] if part.lower() == misplaced.group(2)), misplaced[2])
            return f"the {kind} subtag '{subtag}' is out of place (each kind of subtag comes once, in order)"
        reason = str(error).rstrip(".")
        return reason[:1].lower() + reason[1:]
    for kind, value in parts:
        if kind == "territory" and not value.isdigit() and value.upper() not in vocab.countries():
            return f"the region subtag '{value}' is not an assigned ISO 3166-1 alpha-2 code"
    seen: set[str] = set()
    for kind, value in parts:
        if kind in ("variant", "extension"):
            key = value.lower() if kind == "variant" else value[:1].lower()
            if key in seen:
                return f"the {kind} subtag '{value}' appears twice"
            seen.add(key)
    # The primary subtag was vetted against the vocabulary (which knows ISO 639-3 codes newer
    # than langcodes' registry snapshot): ask langcodes about the rest only.
    if rest and not langcodes.tag_is_valid("-".join(["und", *rest])):
        variants = [value for kind, value in parts if kind == "variant"]
        if variants:
            return f"the variant subtag '{variants[0]}' is not in the IANA language subtag registry"
        return "a subtag is not in the IANA language subtag registry"
    return None


def _language_finding(context: Context, path: tuple[str, ...], shown: str,
                      verdict: tuple[str, str | None, FixSafety], whole: str, rest: str = "") -> Diagnostic:
    message, code, safety = verdict
    fix = None
    if code is not None:
        replacement = f"{code}-{rest}" if rest else code
        fix = Fix(f"replace {whole!r} with {replacement!r}", safety, (Edit(path, replacement),))
    return context.report(message, path, fix=fix)


def _person(item: Any) -> tuple[str, str | None] | None:
    if isinstance(item, str):
        return _fold(item), None
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        character = item.get("character")
        return _fold(item["name"]), _fold(character) if isinstance(character, str) else None
    return None


def _display(item: Any) -> str:
    return str(item["name"] if isinstance(item, dict) else item)


@rule("RL506", "duplicate-person", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.SAFE,
      fix_unsafe_when="the later entry names a character the first lacks",
      summary="A person is listed twice in the cast or in one crew list.")
def duplicate_person(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a name that appears twice in `film.directors`, `film.writers` or `film.cast`
    (ignoring case and spacing). In the cast, one actor playing two different named
    characters is not a duplicate.

    ## Why
    Duplicates come from merging sources; they double-count people in credits and
    exports. (A director who also wrote the film belongs in both lists, and is not
    reported.)

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      cast: [Seo Min-ji, Kang Tae-woo, Seo Min-ji]
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      cast: [Seo Min-ji, Kang Tae-woo]
    ```

    ## Fix
    Removes the later entry: safe when it adds nothing to the first, unsafe when it
    carries a character the first lacks.
    """
    for key in ("directors", "writers", "cast"):
        people = context.get("film", key)
        if not isinstance(people, list):
            continue
        # Earlier entries by name, in order: a search of every earlier entry was quadratic.
        seen: dict[str, list[tuple[int, str | None]]] = {}
        for index, item in enumerate(people):
            person = _person(item)
            if person is None:
                continue
            name, character = person
            same_name = seen.setdefault(name, [])
            earlier = next((i for i, c in same_name if c == character or c is None or character is None), None)
            if earlier is None:
                same_name.append((index, character))
                continue
            adds_nothing = item == people[earlier] or isinstance(item, str) or character is None
            fix = Fix(f"remove the second {_display(item)!r} from `{key}`",
                      FixSafety.SAFE if adds_nothing else FixSafety.UNSAFE, (Edit(("film", key, index), delete=True),))
            yield context.report(f"{_display(item)!r} is listed twice in `{key}` (first as item {earlier + 1})",
                                 ("film", key, index), fix=fix)


@rule("RL507", "unknown-genre", severity=Severity.INFO, family=FAMILY, fix=FixSafety.SAFE,
      fix_unsafe_when="the genre is a near miss rather than another case of a known one",
      options={"extra-genres": (list, (), "House genres accepted besides the known lists.")},
      summary="A genre is not in the IMDb, TMDB or sub-genre lists.")
def unknown_genre(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Compares each `film.genres` item with the known lists (IMDb's 28 genres, TMDB's 19
    and a list of common sub-genres such as "One-Person Army Action"), ignoring case. A
    genre in another case is reported with the known spelling; a near miss with a
    did-you-mean; anything else as unknown. Genres are free text in the schema, so these
    are notes, never errors.

    ## Why
    Genre facets group reviews; "Thriler" and "thriller" each make a facet of one.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      genres: [Action, Thriler]
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
      genres: [Action, Thriller]
    ```

    ## Fix
    Replaces the genre with the known spelling: safe when only case differs, unsafe for a
    near miss. Removes it when that spelling is already listed.
    """
    genres = context.get("film", "genres")
    if not isinstance(genres, list):
        return
    known = vocab.genres()
    extra = {g.casefold() for g in options["extra-genres"]}
    for index, genre in enumerate(genres):
        if not isinstance(genre, str):
            continue
        path = ("film", "genres", index)
        canonical = known.get(genre.casefold().strip())
        if canonical == genre or genre.casefold().strip() in extra:
            continue
        if canonical is not None:
            message = f"genre {genre!r} is spelled {canonical!r} in the known lists"
            safety = FixSafety.SAFE
        else:
            import difflib

            close = difflib.get_close_matches(genre.casefold(), list(known), n=1, cutoff=0.8)
            if not close:
                yield context.report(f"genre {genre!r} is not in the IMDb, TMDB or sub-genre lists (add it to "
                                     "`extra-genres` if it is a house genre)", path)
                continue
            canonical = known[close[0]]
            message = f"unknown genre {genre!r}; did you mean {canonical!r}?"
            safety = FixSafety.UNSAFE
        if canonical in genres:
            fix = Fix(f"remove {genre!r}: {canonical!r} is already listed", safety, (Edit(path, delete=True),))
        else:
            fix = Fix(f"replace {genre!r} with {canonical!r}", safety, (Edit(path, canonical),))
        yield context.report(message, path, fix=fix)


def _date(value: Any) -> datetime.date | None:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@rule("RL508", "implausible-date", severity=Severity.WARNING, family=FAMILY,
      summary="The review's dates are in the future or out of order.")
def implausible_date(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks the review's dates against each other and the calendar: `published` is not in
    the future, `updated` is not before `published`, `watched.date` is not after
    `published`, and the review is not published more than a year before the film's
    year (festival screenings come before release, but not by years).

    ## Why
    Dates order reviews in feeds and archives; a date in the wrong century or order puts
    a review where nobody looks for it.

    ## Example
    ```yaml
    published: "2024-03-09"
    updated: "2023-03-09"
    ```
    Use instead:
    ```yaml
    published: "2024-03-09"
    updated: "2024-03-19"
    ```

    ## Fix
    None.
    """
    published = _date(context.get("published"))
    updated = _date(context.get("updated"))
    watched = _date(context.get("watched", "date"))
    today = datetime.date.today()
    if published is not None and published > today:
        yield context.report(f"published date {published.isoformat()} is in the future", ("published",))
    if published is not None and updated is not None and updated < published:
        yield context.report(f"updated date {updated.isoformat()} is before the published date "
                             f"{published.isoformat()}", ("updated",))
    if published is not None and watched is not None and watched > published:
        yield context.report(f"watched on {watched.isoformat()}, after the review was published on "
                             f"{published.isoformat()}", ("watched", "date"))
    year = _integer(context.get("film", "year"))
    if published is not None and year is not None and published.year < year - 1:
        yield context.report(f"published in {published.year}, more than a year before the film's year {year}",
                             ("published",))


@rule("RL509", "missing-published-date", severity=Severity.WARNING, family=FAMILY,
      summary="The review has no publication date.")
def missing_published_date(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a review without `published` (or with `published: null`).

    ## Why
    Feeds, archives and schema.org's `datePublished` need it, and a review's judgement
    reads differently ten years on. Imports from plain text rarely carry one, which is
    why the schema allows its absence and this rule asks for it.

    ## Example
    ```yaml
    published: null
    ```
    Use instead:
    ```yaml
    published: "2024-03-09"
    ```

    ## Fix
    None.
    """
    if context.data.get("published") is None:
        yield context.report("the review has no `published` date; add it as YYYY-MM-DD", ("published",))


@rule("RL510", "redundant-original-title", severity=Severity.INFO, family=FAMILY, fix=FixSafety.SAFE,
      summary="`original_title` repeats `title`.")
def redundant_original_title(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports `film.original_title` when it is the same as `film.title`.

    ## Why
    `original_title` is for a title in another language or script (기생충 for
    Parasite); a copy of `title` adds nothing and makes exports print the title twice.

    ## Example
    ```yaml
    film:
      title: Harbour Lights
      original_title: Harbour Lights
      year: 2023
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    Removes `original_title` (safe: it repeats `title`).
    """
    title, original = context.get("film", "title"), context.get("film", "original_title")
    if isinstance(title, str) and isinstance(original, str) and title.strip() == original.strip():
        fix = Fix("remove `original_title`, which repeats `title`", FixSafety.SAFE,
                  (Edit(("film", "original_title"), delete=True),))
        yield context.report("`original_title` is the same as `title`; omit it", ("film", "original_title"), fix=fix)
