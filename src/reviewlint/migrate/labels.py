"""The labels blog posts use, and the matcher that finds them at the start of a line.

Two kinds: *fact* labels carry a value on the same line ("Director: X", "My Rate: 7/10");
*section* labels head the paragraphs that follow ("Synopsis:", "Review", "Verdict").
Labels match in any case, with Markdown emphasis or a list bullet around them, and with a
colon. Without a colon a label is accepted only where it cannot be prose: a section label
alone on its line, a phrase label ("Directed by X", "Starring X", "Rated R"), or a typed
fact whose value parses ("Runtime 92 min", "Rating 7/10"), or a label set apart by capitals or
emphasis whose value parses ("DIRECTOR Robert Eggers", "**Director** Bong Joon Ho").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

FACT_LABELS: dict[str, tuple[str, ...]] = {
    # English first, then German, French, Spanish, Italian, Portuguese, Dutch and Indonesian.
    "title": ("title", "film", "movie", "film title", "movie title", "titel", "filmtitel", "titre", "título",
              "titolo", "judul", "judul film"),
    "original_title": ("original title", "original name", "originaltitel", "titre original", "título original",
                       "titolo originale", "oorspronkelijke titel", "judul asli"),
    "year": ("year", "release year", "year of release", "production year", "jahr", "erscheinungsjahr",
             "produktionsjahr", "année", "año", "anno", "ano", "jaar", "tahun", "tahun rilis"),
    "release": ("released", "release date", "release", "premiere", "premiered", "opening date", "in cinemas",
                "theatrical release", "us release", "uk release", "kinostart", "erscheinungsdatum", "sortie",
                "date de sortie", "estreno", "fecha de estreno", "uscita", "data di uscita", "lançamento",
                "estreia", "data de lançamento", "releasedatum", "première", "tanggal rilis", "rilis"),
    "runtime": ("runtime", "run time", "running time", "duration", "length", "laufzeit", "länge", "dauer",
                "spieldauer", "durée", "duración", "durata", "duração", "speelduur", "speeltijd", "duur",
                "durasi"),
    "genres": ("genre", "genres", "genre(s)", "género", "géneros", "genere", "generi", "gênero", "gêneros",
               "jenis film"),
    "countries": ("country", "countries", "country of origin", "country(ies)", "countries of origin", "land",
                  "produktionsland", "herkunftsland", "pays", "país", "países", "paese", "nazione", "negara"),
    "language": ("language", "original language", "sprache", "langue", "idioma", "lingua", "língua", "taal",
                 "bahasa"),
    "directors": ("director", "directors", "director(s)", "directed by", "direction", "dir.", "dir", "regie",
                  "regisseur", "regisseurin", "réalisation", "réalisateur", "réalisatrice", "réalisé par",
                  "dirección", "dirigida por", "dirigido por", "directora", "regia", "regista", "diretto da",
                  "direção", "realizador", "realização", "sutradara", "disutradarai oleh"),
    "writers": ("writer", "writers", "writer(s)", "written by", "screenplay", "screenplay by", "screenwriter",
                "screenwriters", "writing credits", "script", "drehbuch", "buch", "scénario", "scénariste",
                "guion", "guión", "guionista", "sceneggiatura", "sceneggiatore", "roteiro", "argumento",
                "scenario", "scenarist", "penulis", "penulis skenario", "skenario", "naskah"),
    "writer_director": ("written and directed by", "written & directed by", "writer/director", "writer-director",
                        "director/writer", "director-writer", "writer and director", "director and writer",
                        "scénario et réalisation", "buch und regie", "drehbuch und regie", "guion y dirección"),
    "cast": ("cast", "starring", "stars", "actors", "main cast", "cast members", "lead cast", "with", "featuring",
             "voice cast", "voices", "darsteller", "besetzung", "mit", "avec", "distribution", "interprètes",
             "reparto", "elenco", "intérpretes", "protagonistas", "interpreti", "con", "met", "rolverdeling",
             "spelers", "pemain", "pemeran", "dibintangi"),
    "external:imdb": ("imdb", "imdb rating", "imdb score"),
    "external:metacritic": ("metacritic", "metascore", "metacritic score"),
    "external:rotten-tomatoes": ("rotten tomatoes", "tomatometer", "rotten tomatoes score"),
    "external:letterboxd": ("letterboxd", "letterboxd rating", "letterboxd average"),
    "external:tmdb": ("tmdb", "tmdb rating", "tmdb score"),
    "rating": ("rating", "my rating", "my rate", "my score", "score", "grade", "my grade", "rate", "our rating",
               "our score", "personal rating", "final score", "final rating", "overall rating",
               "overall score", "final grade", "grading", "overall grade", "bewertung", "wertung", "note",
               "meine wertung", "notation", "ma note", "calificación", "puntuación", "nota", "valutazione", "voto",
               "avaliação", "cijfer", "beoordeling", "waardering", "nilai", "skor", "penilaian"),
    "certification": ("certificate", "certification", "rated", "age rating", "classification", "mpaa",
                      "mpaa rating", "mpa rating", "content rating", "parental rating", "fsk", "altersfreigabe",
                      "freigabe", "clasificación", "classificação", "classificazione", "kijkwijzer",
                      "klasifikasi"),
    "author": ("author", "reviewer", "reviewed by", "review by", "by", "posted by", "review written by"),
    "published": ("date", "published", "posted", "posted on", "published on", "review date", "date published"),
    "watched": ("watched", "watched on", "date watched", "seen on", "viewed on"),
    "tags": ("tags", "labels", "tagged", "categories", "category"),
    "tagline": ("tagline", "subtitle"),
    "spoilers": ("spoilers", "spoiler level", "spoiler"),
    "url": ("url", "link", "permalink", "original post"),
    "imdb_id": ("imdb id",),
}

SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "logline": ("logline", "log line", "premise"),
    "synopsis": ("synopsis", "plot", "summary", "story", "plot summary", "storyline", "the plot", "the story",
                 "plot synopsis"),
    "body": ("review", "my review", "the review", "my thoughts", "thoughts", "analysis", "opinion",
             "impressions", "critique", "discussion", "movie review", "film review", "our review", "full review",
             "my take", "our take", "reaction", "kritik", "critique du film", "reseña", "crítica", "recensione",
             "resenha", "recensie", "ulasan"),
    "memorable_scene": ("memorable scene", "memorable scenes", "favorite scene", "favourite scene",
                        "best scene", "standout scene", "key scene"),
    "memorable_dialogue": ("memorable dialogue", "memorable dialog", "memorable quote", "memorable quotes",
                           "favorite quote", "favourite quote", "best line", "best quote", "quote", "quotes",
                           "memorable line", "memorable lines", "favorite line", "favourite line",
                           "best dialogue"),
    "ending": ("ending", "the ending", "ending type"),
    "recommendation": ("recommendation", "recommendations", "verdict", "final verdict", "the verdict", "overall",
                       "final thoughts", "conclusion", "bottom line", "the bottom line", "should you watch it",
                       "worth watching"),
    "warnings": ("warning", "warnings", "content warning", "content warnings", "trigger warning",
                 "trigger warnings", "cw", "tw", "content advisory", "advisory", "parental guide",
                 "parents guide", "parents' guide", "parents’ guide", "parent's guide", "parent’s guide",
                 "parent guide", "parental advisory", "parental guidance", "content note", "content notes",
                 "content guide", "content concerns", "content", "objectionable content", "audience warning",
                 "audience advisory", "viewer discretion", "viewer warning", "content issues", "content info",
                 "inhaltswarnung", "avertissement", "advertencia", "avviso", "aviso", "peringatan"),
    "notes": ("notes", "note"),
}

# Labels that read as a phrase, so no colon is needed: "Directed by X", "Starring X".
PHRASE_LABELS = frozenset({"directed by", "written by", "screenplay by", "starring", "rated", "reviewed by",
                           "review by", "posted by", "review written by", "written and directed by",
                           "written & directed by", "réalisé par", "dirigida por", "dirigido por", "diretto da",
                           "disutradarai oleh", "dibintangi", "featuring", "dir.", "with"})
# Facts whose value has a form we can check, so "Runtime 92 min" needs no colon.
TYPED_FACTS = frozenset({"year", "runtime", "rating", "release", "external:imdb", "external:metacritic",
                         "external:rotten-tomatoes", "external:letterboxd", "external:tmdb"})

_SPOILER_MARK = r"(?:\s*[(\[]\s*(?P<spoiler>(?:contains\s+|major\s+|minor\s+|possible\s+)?spoilers?[^)\]]{0,20})[)\]])?"


@dataclass(frozen=True, slots=True)
class Label:
    key: str            # "directors", "synopsis", "external:imdb"
    kind: str           # "fact" or "section"
    written: str        # the label as written ("Directed by")
    value: str          # the text after the label and its colon
    colon: bool
    spoiler: bool = False


def _alternation(labels: dict[str, tuple[str, ...]]) -> str:
    spellings = sorted({spelling for group in labels.values() for spelling in group}, key=len, reverse=True)
    return "|".join(re.escape(spelling).replace(r"\ ", r"\s+") for spelling in spellings)


@cache
def _lookup() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for kind, labels in (("section", SECTION_LABELS), ("fact", FACT_LABELS)):
        for key, spellings in labels.items():
            for spelling in spellings:
                table.setdefault(spelling, (key, kind))
    return table


@cache
def _line_pattern() -> re.Pattern[str]:
    labels = _alternation({**FACT_LABELS, **SECTION_LABELS})
    return re.compile(
        r"^\s*(?:[-+•]\s+|\*\s+(?=\S))?"          # a list bullet
        r"(?P<open>\*{1,3}|_{1,3})?"                # Markdown emphasis around the label
        rf"(?P<label>{labels})"
        rf"{_SPOILER_MARK}"
        r"(?P<close>\*{1,3}|_{1,3})?"
        # A colon, or a spaced dash standing for one ("Director – Ana Ruiz").
        r"(?:(?P<colon>\s*[:：](?:\*{1,3}|_{1,3})?|\s+[-–—]\s)|(?=\s)|$)"
        r"\s*(?P<value>.*)$",
        re.IGNORECASE | re.DOTALL)


@cache
def _inner_pattern() -> re.Pattern[str]:
    # A second fact label later on the same line: "Genre: Drama My Score: 7/10".
    return re.compile(rf"(?<=\s)(?:\*{{1,3}}|_{{1,3}})?(?P<label>{_alternation(FACT_LABELS)})"
                      r"(?:\*{1,3}|_{1,3})?\s*[:：](?:\*{1,3}|_{1,3})?(?=\s|$)", re.IGNORECASE)


def _canonical(written: str) -> str:
    return " ".join(written.lower().split())


def match_label(text: str, *, typed_ok: Callable[[str, str], bool] | None = None) -> Label | None:
    """The label at the start of `text`, if the line is a label line.

    `typed_ok(key, value)` decides whether a colon-less typed fact's value parses; without
    it, colon-less typed facts are not accepted."""
    match = _line_pattern().match(text)
    if match is None:
        return None
    written = match["label"]
    key, kind = _lookup()[_canonical(written)]
    value = match["value"].strip()
    if value.startswith(("*", "_")) and match["open"]:
        value = value.lstrip("*_").strip()  # "**Director** : X" leaves the closing marks behind
    colon = match["colon"] is not None
    if colon and match["colon"].strip() in "-–—" and not value[:1].isalpha():
        return None  # "Movie - ****/5": a dash before a score is not a label's colon
    spoiler = match["spoiler"] is not None
    if not colon:
        if kind == "section":
            if value:
                return None  # "Story of my life..." is prose, not a heading
        elif _canonical(written) not in PHRASE_LABELS:
            # Capitals or emphasis set a label apart from prose ("DIRECTOR Robert Eggers",
            # "**Director** Bong Joon Ho") unless the whole line shouts ("STARS WARS IS GREAT").
            set_apart = (written.isupper() and len(written) > 2 and not value.isupper()) or bool(
                match["open"] and match["close"])
            if not (set_apart or key in TYPED_FACTS) or not value or typed_ok is None or not typed_ok(key, value):
                return None
        elif not value:
            return None
    return Label(key=key, kind=kind, written=written, value=value, colon=colon, spoiler=spoiler)


def split_shared(label: Label) -> list[Label]:
    """"Genre: Drama My Score: 7/10" -> [Genre: Drama, My Score: 7/10]."""
    if label.kind != "fact" or not label.value:
        return [label]
    parts: list[Label] = []
    current = label
    while True:
        inner = next((found for found in _inner_pattern().finditer(current.value)
                      # "Title: Pokémon the Movie: I Choose You!": a line never states one fact twice,
                      # so a label of the same kind is part of the value.
                      if _lookup()[_canonical(found["label"])][0] != current.key), None)
        if inner is None or inner.start() == 0:
            parts.append(current)
            return parts
        head = current.value[:inner.start()].strip()
        tail = current.value[inner.end():].strip()
        written = inner["label"]
        key, _ = _lookup()[_canonical(written)]
        parts.append(Label(current.key, current.kind, current.written, head, current.colon, current.spoiler))
        current = Label(key, "fact", written, tail, True)


_UNKNOWN_LABEL = re.compile(
    r"^\s*(?:[-+*•]\s+)?[*_]{0,3}(?P<key>[A-Z][\w'’()&/.\- ]{0,38}?)[*_]{0,3}\s*:[*_]{0,3}(?P<rest>\s.*|$)", re.DOTALL)


def looks_like_unknown_label(text: str) -> bool:
    """"Composer: Hans Zimmer", "Cinematography:": a short capitalised key and a colon."""
    match = _UNKNOWN_LABEL.match(text)
    return match is not None and len(match["key"].split()) <= 5 and not match["rest"].startswith("//")
