"""Facts the running text states in fixed phrases, read after the pass over the lines for
fields no label filled: prose credits, "is a 2014 horror movie", a score in a sentence, a
title opening the first sentence or set in capitals, inline spoiler notices."""

from __future__ import annotations

import re
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.blog_base import ReaderBase
from reviewlint.migrate.blog_model import (
    Paragraph,
    SourceLine,
)
from reviewlint.migrate.credits import prose_credits
from reviewlint.migrate.ratings import rating_in_sentence
from reviewlint.migrate.result import Level
from reviewlint.migrate.titles import read_title_line

# "Ouija is a 2014 horror movie about...": the year (and genre) a sentence states of the film.
PROSE_YEAR = re.compile(r"^(?:[\w'’:,.\- ]{0,60}\s)?(?:is|was)\s+an?\s+(?P<year>(?:18[89]\d|19\d\d|20\d\d))\s+"
                        r"(?P<genre>(?:[\w-]+\s+){0,2}?)(?:film|movie|feature|documentary|picture)\b")


# "Salt Road (2019) is a quiet film": the title and its year opening the review's first sentence.
OPENING_TITLE = re.compile(r"^[*_“\"‘']*(?P<title>[A-Z0-9][^()\n]{0,80}?)[*_”\"’']*\s+"
                           r"\((?P<year>(?:18[89]\d|19\d\d|20\d\d))\)"
                           r"\s*(?:,|is\b|was\b|isn['’]t\b|wasn['’]t\b|marks\b|tells\b|follows\b|opens\b|has\b)")


# "... Directed by X. [1:28]": a running time in brackets closing a paragraph.
PROSE_RUNTIME = re.compile(r"\[(?P<hours>\d):(?P<minutes>[0-5]\d)\]$")


INLINE_SPOILER = re.compile(r"[(\[]\s*(?:(?P<none>no|spoiler[- ]free|without)\s+)?spoilers?(?:\s+alert|\s+ahead|"
                            r"\s+warning)?\s*!?\s*[)\]]|\bspoiler alert\b", re.IGNORECASE)


# A run of words in capitals inside prose ("THE MAN FROM NOWHERE"), and the capitals that are
# acronyms rather than titles.
CAPITALS = re.compile(r"(?<![\w'’])[A-Z][A-Z0-9'’&.\-]*(?:\s+[A-Z0-9][A-Z0-9'’&.\-]*){0,7}(?![\w'’])")


ACRONYMS = frozenset({"DVD", "HD", "USA", "UK", "TV", "CGI", "FBI", "CIA", "NYC", "BBC", "HBO", "IMDB", "IMDb",
                      "MPAA", "OMG", "LOL", "WTF", "NOT", "THE", "AND", "VERY", "REALLY", "SPOILER", "SPOILERS",
                      "BLU-RAY", "BLURAY", "VHS", "DVDS", "NETFLIX", "AMAZON", "HULU", "DISNEY", "MARVEL", "DC",
                      "OK", "OKAY", "YES", "NO", "NEVER", "ALWAYS", "MUST", "SEE", "WATCH", "BEST", "WORST"})


def _is_english_word(word: str) -> bool:
    from reviewlint.spelling import is_word  # the spelling rule's dictionary, loaded only here

    return is_word(word)


class ProseReader(ReaderBase):
    def _crew_named_twice(self, paragraphs: list[Paragraph]) -> set[str]:
        """Directors or writers credited to different people in different sentences ("directed
        by X" of this film, "directed by Y" of another): which is this film's is not read."""
        named: dict[str, set[tuple[str, ...]]] = {}
        for line in (line for paragraph in paragraphs for line in paragraph):
            for credit in prose_credits(line.text):
                for field_name in credit.fields:
                    named.setdefault(field_name, set()).add(tuple(credit.names))
        ambiguous = {field_name for field_name, names in named.items() if field_name != "cast" and len(names) > 1}
        for field_name in sorted(ambiguous):
            self.result.add(Level.INFO, f"the text credits {field_name} to different people in different sentences; "
                            "none is taken (add them by hand)")
        return ambiguous

    def facts_from_prose(self) -> None:
        """Facts the running text states in fixed phrases, for fields no label filled:
        "Directed by X.", "starring A and B", "(voiced by X)", "is a 2014 horror movie", a
        score inside a sentence ("I'd give it 7/10"), a running time "[1:28]" closing a paragraph."""
        film = self.draft.get("film", {})
        labelled = set(film)
        paragraphs = self._prose_paragraphs()
        self.ambiguous_crew = self._crew_named_twice(paragraphs)
        for position, paragraph in enumerate(paragraphs):
            for line in paragraph:
                self._prose_line(line, labelled, opening=position == 0)
        if "rating" not in self.draft:
            found = [(line, hit) for paragraph in paragraphs for line in paragraph
                     if (hit := rating_in_sentence(line.text)) is not None]
            if len(found) == 1:
                line, (rating, written) = found[0]
                outcome = facts.rating_outcome(rating, written)
                self._apply_quietly(outcome, line, "rating (stated in a sentence)")

    def _prose_line(self, line: SourceLine, labelled: set[str], *, opening: bool) -> None:
        text = line.text
        for credit in prose_credits(text):
            fields = [field_name for field_name in credit.fields if field_name not in labelled
                      and field_name not in self.ambiguous_crew]
            if not fields:
                continue
            values: list[Any] = list(credit.names)
            updates = [facts.Update(("film", name), values, facts.EXTEND) for name in fields]
            self._apply_quietly(facts.Outcome(updates), line, f"film.{'/'.join(fields)} (stated in a sentence)")
            self.result.add(Level.INFO, f"{' and '.join(fields)} read from the sentence '{credit.phrase}'",
                            line.number)
        film = self.draft.get("film", {})
        if opening and ("year" not in film or "title" not in film):
            self._opening_title(line, film)
        film = self.draft.get("film", {})
        if opening and "year" not in film:
            match = PROSE_YEAR.search(text)
            if match is not None:
                updates = [facts.Update(("film", "year"), int(match["year"]))]
                genre = facts.classify_unlabelled(match["genre"].strip()) if match["genre"] else None
                if genre is not None and "genres" not in labelled:
                    updates += [update for update in genre.updates if update.path == ("film", "genres")]
                self._apply_quietly(facts.Outcome(updates), line, "film.year (stated in a sentence)")
        runtime = PROSE_RUNTIME.search(text.rstrip())
        if runtime is not None and "runtime_minutes" not in film:
            minutes = int(runtime["hours"]) * 60 + int(runtime["minutes"])
            self._apply_quietly(facts.Outcome([facts.Update(("film", "runtime_minutes"), minutes)]), line,
                                "film.runtime_minutes (a running time closing the paragraph)")

    def _opening_title(self, line: SourceLine, film: dict[str, Any]) -> None:
        """"Salt Road (2019) is a quiet film...": a sentence that opens the review with the
        title and its year. It gives the year of the title already read, or the title itself
        when the post has none."""
        match = OPENING_TITLE.match(line.text.strip())
        if match is None:
            return
        reading = read_title_line(f"{match['title']} ({match['year']})")
        if reading is None or reading.year is None:
            return
        known = film.get("title")
        if known is not None and known.casefold() != reading.title.casefold():
            return  # another film named at the start of a sentence
        updates = [] if known is not None else [facts.Update(("film", "title"), reading.title)]
        if "year" not in film:
            updates.append(facts.Update(("film", "year"), reading.year))
        if updates:
            self._apply_quietly(facts.Outcome(updates), line, "the title and year opening the review")

    def inline_spoiler_notices(self) -> None:
        """"(SPOILER ALERT!)" or "(no spoilers)" inside a paragraph states the spoiler level."""
        if "spoilers" in self.draft:
            return
        for paragraph in self._prose_paragraphs():
            for line in paragraph:
                match = INLINE_SPOILER.search(line.text)
                if match is not None:
                    level = "none" if match["none"] else "major"
                    self.draft["spoilers"] = level
                    self.accounting.mapped(line.number, "spoilers", line.text.strip())
                    self._record("spoilers", line, "a spoiler notice in the text")
                    return

    def title_in_capitals(self) -> None:
        """Reviews that set the film's title in capitals in their prose ("THE MAN FROM NOWHERE
        has the best fight scenes") and state it nowhere else: the capitalised name the text
        repeats most, three times at least and twice as often as any other, is the title."""
        if "title" in self.draft.get("film", {}):
            return
        counts: dict[str, int] = {}
        first: dict[str, SourceLine] = {}
        for line in (line for paragraph in self._prose_paragraphs() for line in paragraph):
            for match in CAPITALS.finditer(line.text):
                name = " ".join(match[0].split())
                letters = sum(char.isalpha() for char in name)
                if letters < 4 or name in ACRONYMS or line.text[match.end():match.end() + 1] == ":":
                    continue
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, line)
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return
        title, times = ranked[0]
        if " " not in title and _is_english_word(title.lower()):
            return  # "AMAZING" three times is emphasis, not a film's name
        line = first[title]
        self.draft.setdefault("film", {})["title"] = title
        self.accounting.mapped(line.number, "film.title", line.text.strip())
        self._record("film.title", line, f"a name in capitals the text repeats ({times} times)")
        self.result.add(Level.INFO, f"title '{title}' taken from the text: the post names it in capitals {times} "
                        "times and states no title otherwise", line.number)
