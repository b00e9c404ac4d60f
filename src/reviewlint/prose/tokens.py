"""Sentences and words of a text, with their character offsets (findings point at them)."""

from __future__ import annotations

import re
from typing import NamedTuple

# A sentence ends at . ! or ? (with closing quotes or brackets) before white space, or at a
# line break; an ellipsis ("..." or "…") does not end it. "Dr. No" style abbreviations split
# too: harmless for what is read here.
_SENTENCE_END_RE = re.compile(r"(?<=[!?]|(?<!\.\.)\.)[\"'”’)\]]*(?:\s+|$)|\n+")
# Words (letters and digits, with inner apostrophes: "doesn't", "dog's") and the marks that
# break a clause or open a quotation.
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.,;:!?()\[\]\"“”‘’—–/&…]|(?<![^\W_])'|'(?![^\W_])|\s-+\s")
_QUOTE_RE = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|‘[^’\n]{1,300}’|(?<![^\W_])'[^'\n]{1,300}'(?![^\W_])")

CLAUSE_MARKS = frozenset(".;:!?()[]—–…")

# Lower-case ASCII letters and digits stay; every other byte separates words (bytes.translate
# runs at C speed: the cheap "may this sentence hold a cue?" test).
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def ascii_words(text: str) -> set[bytes]:
    """The lower-cased ASCII words of `text`, as a set of bytes."""
    return set(text.lower().encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split())


class Token(NamedTuple):
    """A word or clause mark (a named tuple: sentences make thousands of them)."""

    text: str  # as written
    key: str  # lower case, curly apostrophe straightened, possessive 's dropped
    start: int
    end: int
    quoted: bool  # inside quotation marks

    @property
    def is_word(self) -> bool:
        return self.key[:1].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.start()
        if text[start:end].strip():
            closing = match.end() - match.start() if text[end:match.end()].strip() else 0
            spans.append(_strip(text, start, end + closing))
        start = match.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each quotation in text[start:end], quotation marks included."""
    stop = len(text) if end is None else end
    return [match.span() for match in _QUOTE_RE.finditer(text, start, stop)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and clause marks of text[start:end]. Hyphenated words come as their parts
    ("self-harm" -> self, harm); a dash between spaces is a clause mark."""
    stop = len(text) if end is None else end
    quotes = quote_spans(text, start, stop) if any(q in text[start:stop] for q in "\"“‘'") else []
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text, start, stop):
        raw = match.group(0)
        begin, end = match.span()
        if raw[0] in " \t\n-":
            raw = "—"
        key = raw.lower()
        if "'" in key or "’" in key:
            key = key.replace("’", "'")
            if key.endswith("'s") and len(key) > 2:
                key = key[:-2]
        inside = bool(quotes) and any(q_start < begin and end < q_end for q_start, q_end in quotes)
        tokens.append(Token(raw, key, begin, end, inside))
    return tokens
