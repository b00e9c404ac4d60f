"""Prose hygiene (RL6xx): typography and editing slips inside the review's text.

Every finding points at the offending character inside the scalar (line:col in the
file), whatever the scalar's style; every fix is a new value for the whole string, so
the formatter can apply it on the tree.
"""

from __future__ import annotations

import collections
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TypeVar

from reviewlint import vocab
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.rules import _text
from reviewlint.rules._context import MAX_FINDINGS_PER_VALUE, Context, Field
from reviewlint.rules._core import Options, rule

FAMILY = "prose"

_Found = TypeVar("_Found")
# The runner lists MAX_FINDINGS_PER_VALUE findings of one rule in one value and turns the next
# one into a summary that counts the rest (limit_per_value).
_BUILT_PER_VALUE = MAX_FINDINGS_PER_VALUE + 1


def _up_to_cap(found: Sequence[_Found], report: Callable[[_Found], Diagnostic]) -> Iterator[Diagnostic]:
    """`report(item)` for the items of one value the runner lists and the first it summarises;
    the rest are counted by repeating that last finding, not built (243,000 doubled words in
    a 1.9 MB paragraph cost a Diagnostic, a message and a position each, for 100 listed).
    Findings of one rule in one value may come from several calls (RL605's patterns): each
    builds its first ones, so whichever the runner lists or summarises is built."""
    last: Diagnostic | None = None
    for item in itertools.islice(found, _BUILT_PER_VALUE):
        last = report(item)
        yield last
    if last is not None and len(found) > _BUILT_PER_VALUE:
        yield from itertools.repeat(last, len(found) - _BUILT_PER_VALUE)


# --- trailing whitespace --------------------------------------------------------------------

_TRAILING_VALUE_RE = re.compile(r"[ \t]+(?=\n|\Z)")
_TRAILING_SOURCE_RE = re.compile(r"[ \t]+(?=\r|\n)")


def _may_trail(text: str) -> bool:
    """Cheap test: can this text hold white space at a line end? (In a folded block a
    line's trailing spaces end up mid-value, next to the space of the fold.)"""
    return "\t" in text or " \n" in text or "  " in text or text.endswith(" ")


def _trailing_runs(context: Context, field: Field) -> list[tuple[int, int]]:
    """(start, end) value indices of white space that ends a line of the text.

    In a block scalar the file's line ends are the text's (folded `>` text keeps a
    line's trailing spaces in the middle of the value), so the source is searched; in
    plain and quoted scalars YAML drops white space before a line break, and only the
    value's own line ends count."""
    node, text = field.node, field.text
    if node.style not in ("|", ">"):
        return [m.span() for m in _TRAILING_VALUE_RE.finditer(text)]
    source = context.document.text
    starts = context.line_starts
    begin = _text.offset_of(starts, node.line, node.col)
    end = min(_text.offset_of(starts, node.end_line, node.end_col), len(source))
    header_end = source.find("\n", begin, end)
    region_start = begin if header_end < 0 else header_end + 1
    found = [m.span() for m in _TRAILING_SOURCE_RE.finditer(source, region_start, end)]
    at_end = text.endswith((" ", "\t"))
    if not found and not at_end:
        return []
    offsets = context.offsets(node)
    if offsets is None:
        return []
    where = {offset: index for index, offset in enumerate(offsets)}
    runs: list[tuple[int, int]] = []
    for start, stop in found:
        indices = [where[o] for o in range(start, stop) if o in where]
        if indices:
            runs.append((indices[0], indices[-1] + 1))
    last = _TRAILING_VALUE_RE.search(text, len(text.rstrip(" \t"))) if at_end else None
    if last is not None and not any(s <= last.start() < e for s, e in runs):
        runs.append(last.span())
    return sorted(runs)


@rule("RL601", "trailing-whitespace", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.SAFE,
      summary="A line of text ends with spaces or tabs.")
def trailing_whitespace(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports spaces and tabs at the end of a line of text or at the end of a text, and
    blank lines at the end of a text, in the review's prose, titles and names. In
    literal (`|`) and folded (`>`) blocks the lines are the file's lines; in plain and
    quoted scalars YAML itself drops white space before a line break, so only the
    text's own line ends count there.

    ## Why
    Invisible in editors, trailing white space shows up in diffs, breaks Markdown line
    ends (two trailing spaces mean a hard break) and makes equal texts compare unequal.

    ## Example
    ```yaml
    review:
      body:
        - "A tense, patient revenge story.  "
    ```
    Use instead:
    ```yaml
    review:
      body:
        - "A tense, patient revenge story."
    ```

    ## Fix
    Removes the white space and the blank lines, keeping one final line break when the
    text ended with one (safe).
    """
    for field in context.readable:
        text = field.text
        if not text.strip():
            continue  # an empty text is placeholder-text's finding
        runs = _trailing_runs(context, field) if _may_trail(text) else []
        content_end = len(text.rstrip(" \t\n"))
        blank_tail = text.count("\n", content_end) >= 2
        if not runs and not blank_tail:
            continue
        pieces: list[str] = []
        last = 0
        for start, end in sorted(runs):
            pieces.append(text[last:start])
            last = max(last, end)
        fixed = "".join([*pieces, text[last:]])
        if blank_tail:
            fixed = fixed.rstrip("\n") + "\n"
        fix = Fix("remove trailing white space", FixSafety.SAFE, (Edit(field.path, fixed),))

        def report(run: tuple[int, int], field: Field = field, fix: Fix = fix) -> Diagnostic:
            start, end = run
            where = "the text" if end == len(field.text) else "a line"
            return context.report_in(field, start, end, f"trailing white space at the end of {where}", fix=fix)

        yield from _up_to_cap(runs, report)
        if blank_tail:
            second = text.index("\n", text.index("\n", content_end) + 1)
            yield context.report_in(field, second, len(text), "blank lines at the end of the text", fix=fix)


# --- invisible and unusual spaces ---------------------------------------------------------------

# Characters that look like a space or like nothing. Ideographic space (CJK prose) and the
# zero-width joiners (needed by several scripts and by emoji) are deliberately absent.
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ZERO_WIDTH = "\u180e\u200b\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{_SPACE_LIKE}{_ZERO_WIDTH}]+")
_CODE_POINT_RE = re.compile(r"^U\+[0-9A-Fa-f]{4,6}$")


def _char_name(char: str) -> str:
    return f"{unicodedata.name(char, 'invisible character').lower()} (U+{ord(char):04X})"


def _validate_allow(options: Options) -> str | None:
    for item in options.get("allow", ()):
        if not _CODE_POINT_RE.match(item):
            return f"`allow` items are code points written U+00A0; got {item!r}"
    return None


@rule("RL602", "invisible-space", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.SAFE,
      options={"allow": (list, (), "Code points (written U+202F) to accept, for typographic conventions that "
                                   "need them.")},
      validate_options=_validate_allow,
      summary="Text contains a non-breaking, zero-width or other unusual space.")
def invisible_space(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports non-breaking spaces (U+00A0), other Unicode spaces (en, em, thin, narrow
    no-break, ...), zero-width spaces, word joiners, soft hyphens and stray byte-order
    marks in the review's prose, titles and names. Runs of them are reported once.
    Ideographic spaces and zero-width joiners, which scripts and emoji need, are not.

    ## Why
    They arrive by copy and paste from word processors and web pages, look like
    ordinary spaces (or nothing), and then break searching, word counts, line wrapping
    and duplicate detection.

    ## Example
    ```yaml
    review:
      body:
        - "A tense,\\u00a0patient revenge story."
    ```
    Use instead:
    ```yaml
    review:
      body:
        - "A tense, patient revenge story."
    ```

    ## Fix
    Replaces each space-like character with a plain space and removes the zero-width
    ones (safe).
    """
    if not _INVISIBLE_RE.search(context.prose_lower) and not any(
            _INVISIBLE_RE.search(found.text) for found in [*context.names, *context.annotations]
            if not found.text.isascii()):
        return
    allowed = {chr(int(item[2:], 16)) for item in options["allow"]}
    for field in context.readable:
        text = field.text
        if text.isascii():
            continue
        matches = [m for m in _INVISIBLE_RE.finditer(text) if not set(m.group(0)) <= allowed]
        if not matches:
            continue
        fixed = "".join(char if char in allowed or (char not in _SPACE_LIKE and char not in _ZERO_WIDTH)
                        else (" " if char in _SPACE_LIKE else "") for char in text)
        fix = Fix("replace invisible and unusual spaces with plain spaces", FixSafety.SAFE, (Edit(field.path, fixed),))

        def report(match: re.Match[str], field: Field = field, fix: Fix = fix) -> Diagnostic:
            chars = [c for c in match.group(0) if c not in allowed]
            kinds = sorted({_char_name(c) for c in chars})
            what = kinds[0] if len(chars) == 1 else f"{len(chars)} invisible characters ({', '.join(kinds)})"
            advice = "use a plain space" if any(c in _SPACE_LIKE for c in chars) else "remove it"
            return context.report_in(field, match.start(), match.end(), f"{what} in the text; {advice}", fix=fix)

        yield from _up_to_cap(matches, report)


def _outside_ignored(context: Context, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside a phrase the site's `vocabulary.ignore` names."""
    if not context.vocabulary.ignore:
        return spans
    ignored = context.vocabulary.ignored_spans(text)
    return [(start, end) for start, end in spans if not any(a <= start and end <= b for a, b in ignored)]


# --- quotes -----------------------------------------------------------------------------------

STRAIGHT = "'\""
CURLY = "‘’“”"
_QUOTE_RE = re.compile(r"['\"‘’“”]")
_OPENING_CONTEXT = set(" \t\n([{—–-/") | {""}


_PRIME_RE = re.compile(r"\d['\"]")


def _counts(text: str) -> tuple[int, int]:
    """(straight, curly) quotes; a straight quote after a digit is a prime (5'10"), not a
    quote, and is not counted."""
    straight = text.count("'") + text.count('"')
    if straight:
        straight -= len(_PRIME_RE.findall(text))
    curly = text.count("‘") + text.count("’") + text.count("“") + text.count("”")
    return straight, curly


def to_curly(text: str, index: int) -> str:
    """The curly quote a straight quote at `index` stands for."""
    char = text[index]
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if char == "'":
        if before and (before.isalnum() or before in ".,!?;:)]}…’”"):
            return "’"  # apostrophe or closing quote
        if before in _OPENING_CONTEXT and after.isdigit():
            return "’"  # '90s
        return "‘" if after and not after.isspace() else "’"
    return "“" if before in _OPENING_CONTEXT else "”"


def to_straight(char: str) -> str:
    return "'" if char in "‘’" else '"'


def _validate_style(options: Options) -> str | None:
    style = options.get("style", "auto")
    return None if style in ("auto", "straight", "curly") else f"`style` must be auto, straight or curly; got {style!r}"


@rule("RL603", "mixed-quotes", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.SAFE,
      options={"style": (str, "auto", "Quote style to enforce: auto (the document's majority), straight or curly.")},
      validate_options=_validate_style,
      summary="Straight and curly quotes are mixed in one document.")
def mixed_quotes(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Counts straight (`'` `"`) and curly (`‘’` `“”`) quotes and apostrophes across the
    review's prose and reports each one of the minority style, or of the style other
    than `style` when it is set. Quotes after a digit (5'10") are primes and are left
    alone. With `auto`, a tie counts as straight.

    ## Why
    Mixed quotes are the mark of text pasted together from different editors; they look
    careless in print and defeat searches for a quoted phrase.

    ## Example
    ```yaml
    review:
      body:
        - It’s a film about memory, and it doesn't look away.
        - Na Ri’s fury carries the last act.
    ```
    Use instead:
    ```yaml
    review:
      body:
        - It’s a film about memory, and it doesn’t look away.
        - Na Ri’s fury carries the last act.
    ```

    ## Fix
    Converts the quotes of a text to the document's style (safe): curly to straight
    directly, straight to curly by position (an apostrophe or a closing quote after a
    letter, an opening quote after a space).
    """
    fields = [f for f in context.prose if _QUOTE_RE.search(f.text)]
    if not fields:
        return
    style = options["style"]
    if style == "auto":
        straight = curly = 0
        for field in fields:
            s, c = _counts(field.text)
            straight, curly = straight + s, curly + c
        if not straight or not curly:
            return
        style = "curly" if curly > straight else "straight"
    wrong = STRAIGHT if style == "curly" else CURLY
    kind, other = ("straight", "curly") if style == "curly" else ("curly", "straight")
    for field in fields:
        text = field.text
        positions = [m.start() for m in _QUOTE_RE.finditer(text) if m.group(0) in wrong
                     and not (m.group(0) in STRAIGHT and m.start() > 0 and text[m.start() - 1].isdigit())]
        positions = [start for start, _ in _outside_ignored(context, text, [(p, p + 1) for p in positions])]
        if not positions:
            continue
        chars = list(text)
        for index in positions:
            chars[index] = to_curly(text, index) if style == "curly" else to_straight(text[index])
        fixed = "".join(chars)
        fix = Fix(f"use {style} quotes throughout this text", FixSafety.SAFE, (Edit(field.path, fixed),))

        def report(index: int, field: Field = field, fix: Fix = fix, fixed: str = fixed) -> Diagnostic:
            return context.report_in(field, index, index + 1, f"{kind} quote {field.text[index]} in a document "
                                     f"that uses {other} quotes; use {fixed[index]}", fix=fix)

        yield from _up_to_cap(positions, report)


# --- doubled words ------------------------------------------------------------------------------

_DOUBLED_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+)(\s+)(\1)(?![\w'’-])", re.IGNORECASE)
DEFAULT_DOUBLES = (
    "had", "that", "is", "do", "bye", "so", "no", "ha", "la", "boo", "knock", "chop", "tut", "wink", "yeah", "hush",
    "pom", "dum", "dun", "cha", "very", "really", "blah", "bla", "bang", "boom", "tick", "woof", "hip", "ho", "ta",
    "tsk", "yada", "na", "bam", "ding", "dong", "rah", "go", "now", "never", "well", "there",
)


@rule("RL604", "doubled-word", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.UNSAFE,
      options={"allow": (list, DEFAULT_DOUBLES, "Words that may legitimately follow themselves.")},
      summary="A word is repeated (\"the the\").")
def doubled_word(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a word immediately repeated, ignoring case and line breaks ("the the",
    "a\\na"). Words in `allow` ("had had", "that that", "bye bye") and repeated
    capitalised names ("Duran Duran") are not reported.

    ## Why
    Doubled words survive proofreading because the eye skips the second one; they are
    among the most common slips in published text.

    ## Example
    ```yaml
    review:
      body: [The film gives the the villain all the best lines.]
    ```
    Use instead:
    ```yaml
    review:
      body: [The film gives the villain all the best lines.]
    ```

    ## Fix
    Removes the second word (unsafe: repetition is sometimes deliberate).
    """
    words = context.prose_word_list
    if not any(map(operator.eq, words, itertools.islice(words, 1, None))):
        return
    allowed = {word.casefold() for word in options["allow"]}
    for field in context.prose:
        text = field.text
        doubles = [match for match in _DOUBLED_RE.finditer(text)
                   if not (match.group(1).casefold() in allowed or (match.group(1)[0].isupper()
                                                                    and match.group(3)[0].isupper()))]
        if doubles and context.vocabulary.ignore:
            kept = set(_outside_ignored(context, text, [match.span() for match in doubles]))
            doubles = [match for match in doubles if match.span() in kept]
        if not doubles:
            continue
        # One fix per text removes every repeat: a copy of the text per finding made memory
        # grow with the square of its length (gigabytes for a 130 KB "the the the ...").
        pieces: list[str] = []
        last = 0
        for match in doubles:
            pieces.append(text[last:match.end(1)])
            last = match.end(3)
        fixed = "".join([*pieces, text[last:]])
        repeated = sorted({match.group(3) for match in doubles})
        shown = ", ".join(repr(word) for word in repeated[:3]) + (", ..." if len(repeated) > 3 else "")
        fix = Fix(f"remove the repeated {shown}", FixSafety.UNSAFE, (Edit(field.path, fixed),))

        def report(match: re.Match[str], field: Field = field, fix: Fix = fix) -> Diagnostic:
            return context.report_in(field, match.start(3), match.end(3),
                                     f"{match.group(3)!r} repeats the word before it", fix=fix)

        yield from _up_to_cap(doubles, report)


# --- placeholders -----------------------------------------------------------------------------

_PLACEHOLDER_VALUES = frozenset({
    "tbd", "tba", "todo", "fixme", "xxx", "placeholder", "n/a", "na", "...", "…", "-", "--", "?", "??", "???",
    "lorem ipsum", "coming soon", "to be written", "write here", "text here", "insert text here", "insert text",
})
_PLACEHOLDER_LONGEST = 64
_PLACEHOLDER_HINTS = ("lorem", "tbd", "tba", "todo", "fixme", "xxx")
_PLACEHOLDER_FULL_RE = re.compile(r"^\s*(?:<[^<>\n]{1,60}>|\[[^\[\]\n]{1,60}\])\s*$")
_PLACEHOLDER_INLINE_RE = re.compile(r"(?i:\blorem\s+ipsum\b)|\b(?:TBD|TBA|TODO|FIXME|XXX)\b|"
                                    r"(?i:\[\s*(?:todo|tbd|fixme)\b[^\]\n]*\])")


@rule("RL605", "placeholder-text", severity=Severity.ERROR, family=FAMILY,
      options={"extra-words": (list, (), "More placeholder words or phrases to look for, as whole words, ignoring "
                                         "case.")},
      summary="A text is empty or still holds placeholder text (TBD, lorem ipsum, <Title>).")
def placeholder_text(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a text that is only white space, or only a placeholder ("TBD", "TODO", "...",
    "N/A", "<Title>", "[synopsis]"), and placeholder markers anywhere in a text ("lorem
    ipsum", "TODO", "TBD", "FIXME", "[todo: check]"), in the review's prose, titles and
    names, and in `content_warnings_source` (where `reviewlint new` leaves a TODO until
    the content warnings have been looked at).

    ## Why
    Templates and drafts are filled in section by section; a section still saying "TBD"
    gets published more often than anyone admits.

    ## Example
    ```yaml
    review:
      synopsis:
        text: TBD
      body: [A tense, patient revenge story.]
    ```
    Use instead:
    ```yaml
    review:
      synopsis:
        text: Na Ri looks for the men who wronged her friend.
      body: [A tense, patient revenge story.]
    ```

    ## Fix
    None: the text has to be written.
    """
    extra = _extra_placeholder_re(tuple(options["extra-words"]))
    fields = [*context.readable, *_placeholder_only_fields(context)]
    lowered = context.prose_lower + "\n" + "\n".join(f.text for f in fields[len(context.prose):]).lower()
    inline = extra is not None or any(hint in lowered for hint in _PLACEHOLDER_HINTS)
    for field in fields:
        text = field.text
        stripped = text.strip()
        if not stripped:
            if text:  # "" is the schema's finding (RL107); white space alone passes the schema
                yield context.report_in(field, 0, len(text), "the text is empty (only white space)")
            continue
        if len(stripped) <= _PLACEHOLDER_LONGEST and (
                " ".join(stripped.casefold().rstrip(".!").split()) in _PLACEHOLDER_VALUES
                or _PLACEHOLDER_FULL_RE.match(text)):
            start = len(text) - len(text.lstrip())
            yield context.report_in(field, start, start + len(stripped),
                                    f"the text is only a placeholder ({stripped!r}); write the text")
            continue
        if not inline:
            continue
        for pattern in (_PLACEHOLDER_INLINE_RE, extra):
            if pattern is None:
                continue
            matches = list(pattern.finditer(text))
            kept = set(_outside_ignored(context, text, [match.span() for match in matches]))

            def report(match: re.Match[str], field: Field = field) -> Diagnostic:
                return context.report_in(field, match.start(), match.end(),
                                         f"placeholder {match.group(0)!r} left in the text")

            yield from _up_to_cap([match for match in matches if match.span() in kept], report)


def _placeholder_only_fields(context: Context) -> list[Field]:
    """Texts checked for placeholders only: `content_warnings_source` is a verbatim legacy
    sentence (not the review's prose), but `reviewlint new` leaves a TODO there so that an
    unedited `content_warnings: []` is not taken for "checked, none"."""
    found = context.lookup(("content_warnings_source",))
    if found is None or found[1].kind != "scalar" or not isinstance(found[1].value, str):
        return []
    return [Field(("content_warnings_source",), found[1], found[1].text)]


@cache
def _extra_placeholder_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in words if word.strip())
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE) if body else None


# --- misspellings -------------------------------------------------------------------------------

@cache
def _misspelling_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _text.trie_pattern(list(vocab.misspellings())) + r")(?![\w-])",
                      re.IGNORECASE)


@cache
def _misspelled_words() -> frozenset[bytes]:
    return frozenset(word.lower().encode() for word in vocab.misspellings())


def match_case(correction: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return correction.upper()
    if written[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction


@rule("RL606", "misspelling", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.UNSAFE,
      options={"ignore-words": (list, (), "Words never to report, ignoring case.")},
      summary="A word from the list of common misspellings (\"potray\").")
def misspelling(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports words from a short, high-precision list of common English misspellings
    ("potray", "definately", "cinematograpy"; `src/reviewlint/vocab/misspellings.json`),
    matched as whole words ignoring case. Words that appear in the document's own
    titles, cast and crew never count, nor do words in `ignore-words`, the config's
    `vocabulary.accept` or inside its `vocabulary.ignore` phrases. Every listed word is
    always wrong in English; RL608 checks the other words against a dictionary.

    ## Why
    A misspelling in a published review costs the writer credibility out of all
    proportion to its size.

    ## Example
    ```yaml
    review:
      body: [Few actors could potray that much longing without a word.]
    ```
    Use instead:
    ```yaml
    review:
      body: [Few actors could portray that much longing without a word.]
    ```

    ## Fix
    Replaces the word with its correction, keeping its capitalisation (unsafe: a
    quotation may misspell on purpose). One fix corrects every listed misspelling of
    that text.
    """
    present = _misspelled_words() & context.prose_words
    if not present:
        return
    pattern = _misspelling_re()
    corrections = vocab.misspellings()
    ignored = {w.casefold() for w in options["ignore-words"]} | context.name_words
    needles = [word.decode() for word in present]
    for field in context.prose:
        text = field.text
        lowered = text.lower()
        if not any(needle in lowered for needle in needles):
            continue
        hits = [m for m in pattern.finditer(text)
                if m.group(0).casefold() not in ignored and not context.vocabulary.accepts(m.group(0))]
        kept = set(_outside_ignored(context, text, [match.span() for match in hits]))
        hits = [match for match in hits if match.span() in kept]
        if not hits:
            continue
        pieces: list[str] = []
        last = 0
        for match in hits:
            pieces.append(text[last:match.start()])
            pieces.append(match_case(corrections[match.group(0).lower()], match.group(0)))
            last = match.end()
        fixed = "".join(pieces) + text[last:]
        others = " (and the other misspellings of this text)" if len(hits) > 1 else ""

        def report(match: re.Match[str], field: Field = field, fixed: str = fixed, others: str = others) -> Diagnostic:
            written = match.group(0)
            right = match_case(corrections[written.lower()], written)
            fix = Fix(f"replace {written!r} with {right!r}{others}", FixSafety.UNSAFE, (Edit(field.path, fixed),))
            return context.report_in(field, match.start(), match.end(), f"{written!r} is a misspelling of {right!r}",
                                     fix=fix)

        yield from _up_to_cap(hits, report)


# --- unknown words (dictionary) ----------------------------------------------------------------

# Quoted and emphasised spans: titles, foreign words and phrases, coinages. (A single quote
# opens only after a non-letter, so apostrophes inside words never open one.)
_QUOTED_SPAN_RE = (r"“[^“”\n]{1,300}”|\"[^\"\n]{1,300}\"|«[^«»\n]{1,300}»|„[^„“\n]{1,300}“"
                   r"|(?<![\w'’])[‘'][^‘’'\n]{1,300}?[’'](?![\w'’])"
                   r"|(?<![\w*])\*{1,2}[^*\n]{1,300}\*{1,2}(?![\w*])|(?<![\w_])_[^_\n]{1,300}_(?![\w_])")
_SENTENCE_END = ".!?…:;\n•"
_HYPHENS = ("-", "‐")
# An unknown word used this often in one review is a name or a term, not a slip of the keys.
_REPEATED_WORD = 3
# A capitalised word opening a sentence is more often a name than a slip: it is reported
# when one letter from an "-ly" adverb ("Absolutly") or at least this long.
_LONG_WORD = 9
# Suggestions looked for in one review at most: a real review has a handful of unknown
# words, and a text of thousands must not cost minutes.
_MAX_SUGGESTION_LOOKUPS = 100
_OPENERS = " \t\"'“‘«„([*_—–-"


@cache
def _quoted_span_re() -> re.Pattern[str]:
    return re.compile(_QUOTED_SPAN_RE)


def _protected_spans(context: Context, text: str) -> list[tuple[int, int]]:
    """Quoted and emphasised spans, and the site's ignored phrases."""
    spans = [match.span() for match in _quoted_span_re().finditer(text)] if any(
        mark in text for mark in "\"“«„‘'*_") else []
    return spans + context.vocabulary.ignored_spans(text)


def _starts_sentence(text: str, index: int) -> bool:
    """Whether the word at `index` opens a sentence, a line or the text."""
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_END


def _in_named_compound(text: str, start: int) -> bool:
    """Whether the hyphenated word at `start` belongs to a compound that begins with a
    capital (a name such as "Ji-woo" or "Jean-luc")."""
    begin = start
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while begin < start and not text[begin].isalpha():
        begin += 1
    return text[begin:begin + 1].isupper()


def _mid_sentence_capitals(context: Context) -> frozenset[str]:
    """Lower-cased words written with a capital in mid-sentence somewhere in the prose:
    names, even where a sentence starts with one."""
    found: set[str] = set()
    for field in context.prose:
        text = field.text
        for match in re.finditer(r"\b[A-Z][a-z]+", text):
            if not _starts_sentence(text, match.start()):
                found.add(match.group(0).lower())
    return frozenset(found)


def _is_english_tag(tag: str) -> bool:
    """Whether a BCP 47 tag names English (`en`, `en-GB`, `en_US`)."""
    return tag.strip().lower().replace("_", "-").split("-")[0] == "en"


def _tag_words(context: Context) -> frozenset[str]:
    """Lower-case words of the review's `tags`: the site's own terms for this film."""
    tags = context.get("tags")
    if not isinstance(tags, list):
        return frozenset()
    return frozenset(word.lower() for tag in tags if isinstance(tag, str)
                     for word in re.split(r"[\s_/-]+", tag) if word)


def _say_choices(words: tuple[str, ...]) -> str:
    quoted = [repr(word) for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


@rule("RL608", "unknown-word", severity=Severity.WARNING, family=FAMILY,
      options={"ignore-words": (list, (), "Words never to report, ignoring case (a site's own terms belong in the "
                                          "`vocabulary.accept` config table).")},
      summary="A word is not in the English dictionary (\"performence\"); the nearest words are suggested.")
def unknown_word(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a word of the prose of an English review (`language` `en`, `en-GB`, ... or
    not given) that is not in the English dictionary (that of pyspellchecker, counted in
    film and TV subtitles), nor a British spelling, an inflection, a prefixed form or a
    compound of words that are, and for which the dictionary has a word in common use
    one or two letters away to suggest. Accepted
    without a look: the document's own titles and names (film, cast, characters, crew,
    author) and the words of its `tags`; the config's `vocabulary.accept`, its
    `vocabulary.ignore` phrases and the rule's `ignore-words`; words in quotes or
    emphasis (titles, foreign words); words with a capital in mid-sentence (names), all
    capitals (acronyms) or a capital inside (`McConaughey`); words with letters outside
    English (`Amélie`), with digits (`1950s`), in URLs, handles and e-mail addresses;
    stretched words (`sooo`); the quotes of `memorable_dialogue` (words as spoken). Taken for
    names or terms: a word used three times or more in the review, a three-letter word
    unless it is a common word with two letters swapped (`teh`), and a capitalised word
    opening a sentence unless it is one letter from an "-ly" adverb (`Absolutly`) or is
    nine letters or longer. Misspellings from
    RL606's list are that rule's.

    ## Why
    Real reviews misspell far more words than any fixed list holds, and a misspelling in
    a published review costs the writer credibility out of all proportion to its size.

    ## Example
    ```yaml
    review:
      body: [Her performence holds the film together.]
    ```
    Use instead:
    ```yaml
    review:
      body: [Her performance holds the film together.]
    ```

    ## Fix
    None: the message suggests the nearest words; the writer picks.
    """
    from reviewlint import spelling

    language = context.get("language")
    if isinstance(language, str) and language.strip() and not _is_english_tag(language):
        return  # the dictionary is English; a review in another language is not checked
    suspicious = spelling.unknown_pieces(context.prose_words)
    if not suspicious:
        return
    vocabulary = context.vocabulary
    ignored = {word.casefold() for word in options["ignore-words"]}
    curated = vocab.misspellings()
    names = context.name_words | _tag_words(context)
    suspicious = {piece for piece in suspicious if (text := piece.decode()) not in names and text not in ignored
                  and text not in curated and not vocabulary.accepts(text)}
    if not suspicious:
        return
    capitals: frozenset[str] | None = None
    counts: collections.Counter[bytes] | None = None
    lookups = 0
    for field in context.prose:
        if lookups >= _MAX_SUGGESTION_LOOKUPS:
            return
        if field.path[:2] == ("review", "memorable_dialogue"):
            continue  # words as spoken in the film: dialect, slang, other languages
        text = field.text
        if not (_text.words(text.lower()) & suspicious):
            continue
        protected: list[tuple[int, int]] | None = None
        for start, end, word in spelling.words(text):
            if len(word) <= 2 or not word.isascii() or not (_text.words(word.lower()) & suspicious):
                continue
            if word.isupper() or any(char.isupper() for char in word[1:]):
                continue  # an acronym, shouting, or a name such as McConaughey
            hyphenated = text[start - 1:start] in _HYPHENS or text[end:end + 1] in _HYPHENS
            if hyphenated and (len(word) <= 3 or _in_named_compound(text, start)):
                continue  # "sci-fi", "Ji-woo": parts of a compound or of a name
            stem = spelling.normal_form(word).removesuffix("'s").strip("'")
            initial = word[0].isupper()
            if initial:
                if not _starts_sentence(text, start):
                    continue  # a name
                if capitals is None:
                    capitals = _mid_sentence_capitals(context)
                if stem in capitals:
                    continue
            if protected is None:
                protected = _protected_spans(context, text)
            if any(begin <= start and end <= stop for begin, stop in protected):
                continue
            if (stem in names or stem in ignored or stem in curated or vocabulary.accepts(stem)
                    or spelling.is_english(word) or spelling.is_deliberate(word)):
                continue
            if counts is None:
                counts = collections.Counter(context.prose_word_list)
            if counts[stem.encode("ascii", "replace")] >= _REPEATED_WORD:
                continue  # written the same way again and again: a name or a term, not a slip
            lookups += 1
            if lookups > _MAX_SUGGESTION_LOOKUPS:
                return
            edits, nearest = spelling.nearest(stem) if len(stem) > 3 else spelling.swapped(stem)
            if not nearest:
                continue  # nothing English is close: a name, a loanword or a coinage
            if initial and (edits != 1 or len(stem) < 5
                            or not (nearest[0].endswith("ly") or len(stem) >= _LONG_WORD)):
                continue  # a name opening a sentence, unless it reads as a slipped adverb or a long word
            shown = tuple(match_case(choice, word) for choice in nearest)
            yield context.report_in(field, start, end, f"{word!r} is not in the English dictionary; did you mean "
                                    f"{_say_choices(shown)}?")


# --- quoted dialogue ----------------------------------------------------------------------------

_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“", "「": "」", "『": "』"}


@rule("RL607", "quoted-dialogue", severity=Severity.INFO, family=FAMILY, fix=FixSafety.SAFE,
      summary="A memorable dialogue line carries its own quotation marks.")
def quoted_dialogue(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a `review.memorable_dialogue` quote wrapped in quotation marks of its own
    (`“...”`, `"..."`, `«...»`, ...).

    ## Why
    `quote` holds the words spoken; renderers add the quotation marks that suit the page
    and language, and a quote that brings its own gets them twice.

    ## Example
    ```yaml
    review:
      body: [A tense, patient revenge story.]
      memorable_dialogue:
        - quote: "“Don’t you know my voice? It’s me, your sister.”"
    ```
    Use instead:
    ```yaml
    review:
      body: [A tense, patient revenge story.]
      memorable_dialogue:
        - quote: "Don’t you know my voice? It’s me, your sister."
    ```

    ## Fix
    Removes the outer quotation marks (safe).
    """
    for field in context.prose:
        if field.path[:2] != ("review", "memorable_dialogue"):
            continue
        text = field.text
        inner = text.strip()
        if len(inner) < 3:
            continue
        opening, closing = inner[0], inner[-1]
        if _QUOTE_PAIRS.get(opening) != closing:
            continue
        middle = inner[1:-1]
        if opening in middle or (closing in middle and closing not in "’'"):
            continue  # several quotations in one line: the marks are part of the text
        start = len(text) - len(text.lstrip())
        fix = Fix("remove the quote's own quotation marks", FixSafety.SAFE, (Edit(field.path, middle.strip()),))
        yield context.report_in(field, start, start + len(inner), f"the quote is wrapped in its own quotation marks "
                                f"({opening}...{closing}); renderers add them", fix=fix)
