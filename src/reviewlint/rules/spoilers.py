"""Spoilers (RL4xx): endings are marked, stay out of unmarked text, markers balance, and a
review that promises no spoilers keeps the promise."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice
from typing import Any

from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.prose.prefilter import ENDING_WORDS
from reviewlint.rules import _text
from reviewlint.rules._context import Context, Field
from reviewlint.rules._core import Options, rule

FAMILY = "spoilers"

OPEN, CLOSE = ">!", "!<"
_MARKER_RE = re.compile(r">!|!<")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

DEFAULT_ENDING_CUES = (
    "turns out", "twist is", "revealed to be", "revealed that", "final scene", "last scene", "end of the film",
    "end of the movie", "dies at the end",
)


def spoiler_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each balanced `>!...!<` span, markers included."""
    spans: list[tuple[int, int]] = []
    if OPEN not in text:
        return spans
    opened: int | None = None
    for match in _MARKER_RE.finditer(text):
        if match.group(0) == OPEN:
            opened = match.start()
        elif opened is not None:
            spans.append((opened, match.end()))
            opened = None
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _flag(context: Context, *path: str | int) -> bool:
    return context.get(*path) is True


def unmarked_prose(context: Context) -> Iterator[Field]:
    """Prose readers see before choosing to read spoilers: everything except the ending and
    the sections (or dialogue lines) marked `spoiler: true`."""
    for field in context.prose:
        path = field.path
        if path[0] == "ending":
            continue
        if path[:2] in (("review", "synopsis"), ("review", "memorable_scene")) and _flag(context, *path[:2],
                                                                                         "spoiler"):
            continue
        if path[:2] == ("review", "memorable_dialogue") and _flag(context, *path[:3], "spoiler"):
            continue
        yield field


@rule("RL401", "unmarked-ending-description", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.SAFE,
      summary="An ending is marked `spoiler: false`, though its type and description give it away.")
def unmarked_ending_description(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports `ending.spoiler: false`, whether or not the ending has a `description`: its
    `type` alone (happy, tragic, twist...) already tells how the film ends.

    ## Why
    A description of the ending is a spoiler by definition, and so is its kind (the
    schema says so: renderers hide the type by default). Marked as not one, renderers
    show it to every reader.

    ## Example
    ```yaml
    spoilers: minor
    content_warnings: [violence]
    ending:
      type: tragic
      spoiler: false
      description: The party ends in a stabbing.
    ```
    Use instead:
    ```yaml
    spoilers: minor
    content_warnings: [violence]
    ending:
      type: tragic
      spoiler: true
      description: The party ends in a stabbing.
    ```

    ## Fix
    Sets `ending.spoiler` to `true` (safe: it only hides the text until a reader asks).
    """
    if context.get("ending", "spoiler") is not False:
        return
    fix = Fix("mark the ending as a spoiler", FixSafety.SAFE, (Edit(("ending", "spoiler"), True),))
    if isinstance(context.get("ending", "description"), str):
        message = "the ending has a description but is marked `spoiler: false`; a described ending is always a spoiler"
    else:
        kind = context.get("ending", "type")
        named = f"type `{kind}`" if isinstance(kind, str) else "type"
        message = f"the ending is marked `spoiler: false`, but its {named} tells how the film ends; mark it a spoiler"
    yield context.report(message, ("ending", "spoiler"), fix=fix)


# A real ending description is a few sentences; past these many, the rest are not compared.
MAX_ENDING_SENTENCES = 100
# Findings listed per review; the last one listed counts the rest (as the alias cap does).
MAX_LEAKS_LISTED = 10


def _sentence_pattern(sentence: str, min_words: int) -> re.Pattern[str] | None:
    words = _WORD_RE.findall(sentence)
    if len(words) < min_words:
        return None
    parts = [re.escape(word).replace("'", "['’]").replace("’", "['’]") for word in words]
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _validate_min_words(options: Options) -> str | None:
    return "`min-words` must be at least 1" if options.get("min-words", 1) < 1 else None


@rule("RL402", "ending-leak", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.UNSAFE,
      options={"min-words": (int, 5, "Shortest ending sentence, in words, that counts as a leak.")},
      validate_options=_validate_min_words,
      summary="A sentence of the ending's description is repeated outside spoiler marking.")
def ending_leak(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Takes each sentence of `ending.description` (of at least `min-words` words) and looks
    for it, ignoring case and punctuation, in the text readers see unwarned: headline,
    tagline, logline, review body, recommendation, and the synopsis, memorable scene and
    dialogue lines unless they are marked `spoiler: true`. Text inside `>!...!<` does not
    count.

    ## Why
    Marking the ending as a spoiler is useless when the same sentence sits in the
    synopsis; copy-and-paste between sections is how most spoilers leak.

    ## Example
    ```yaml
    spoilers: minor
    content_warnings: [violence]
    review:
      body:
        - A caper that turns savage. The birthday party ends in a stabbing in the garden.
    ending:
      type: tragic
      description: The birthday party ends in a stabbing in the garden.
    ```
    Use instead:
    ```yaml
    spoilers: minor
    content_warnings: [violence]
    review:
      body:
        - A caper that turns savage. >!The birthday party ends in a stabbing in the garden.!<
    ending:
      type: tragic
      description: The birthday party ends in a stabbing in the garden.
    ```

    ## Fix
    Wraps every repeated sentence of a text in `>!...!<`, one fix per text (unsafe:
    rewording may be the better cure). At most 100 sentences of the description are
    compared, and at most 10 repeats are listed; the last one listed counts the rest.
    """
    description = context.get("ending", "description")
    if not isinstance(description, str):
        return
    fields = list(unmarked_prose(context))
    present = _text.words("\n".join(f.text for f in fields).lower())
    sentences = [s for s in _SENTENCE_END_RE.split(description)
                 if all(word in present for word in _text.word_list(s.lower()))]
    # Each sentence costs a scan of every field: bounded, so a hostile review cannot make
    # this quadratic (a real ending is a handful of sentences).
    compiled = (_sentence_pattern(s, options["min-words"]) for s in sentences)
    patterns = list(islice((p for p in compiled if p is not None), MAX_ENDING_SENTENCES))
    leaks: list[tuple[Field, int, int, Fix]] = []
    for field in fields:
        spans = spoiler_spans(field.text)
        found = sorted({match.span() for pattern in patterns for match in pattern.finditer(field.text)
                        if not _inside(spans, *match.span())})
        if not found:
            continue
        # One fix per text wraps all its repeated sentences: a copy of the text per finding
        # would make memory grow with the square of its length.
        fix = Fix("mark the repeated ending sentences as spoilers", FixSafety.UNSAFE,
                  (Edit(field.path, _wrap_spans(field.text, found)),))
        leaks.extend((field, start, end, fix) for start, end in found)
    for index, (field, start, end, fix) in enumerate(leaks[:MAX_LEAKS_LISTED]):
        text = field.text
        shown = text[start:end] if end - start <= 60 else text[start:start + 57] + "..."
        message = f"{shown!r} repeats the ending's description outside spoiler marking (wrap it in >!...!< or " \
                  "mark the section as a spoiler)"
        unlisted = len(leaks) - MAX_LEAKS_LISTED
        if index == MAX_LEAKS_LISTED - 1 and unlisted > 0:
            message += f"; {unlisted} more repeated sentence{'s' if unlisted > 1 else ''} not listed"
        yield context.report_in(field, start, end, message, fix=fix)


def _wrap_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of the sorted `spans` (merged where they overlap) inside >!...!<."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[str] = []
    last = 0
    for start, end in merged:
        pieces += [text[last:start], OPEN, text[start:end], CLOSE]
        last = end
    return "".join([*pieces, text[last:]])


@rule("RL403", "unbalanced-spoiler-marker", severity=Severity.ERROR, family=FAMILY,
      summary="An inline spoiler marker >! or !< has no partner.")
def unbalanced_spoiler_marker(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Checks that every `>!` in a text is closed by a `!<` in the same text, that markers
    do not nest, and that no `!<` comes without an opening `>!`.

    ## Why
    An unclosed marker hides the rest of the paragraph; an unopened one shows the
    spoiler it was meant to hide.

    ## Example
    ```yaml
    spoilers: minor
    review:
      body:
        - "The twist lands hard: >!the tutor was never hired at all."
    ```
    Use instead:
    ```yaml
    spoilers: minor
    review:
      body:
        - "The twist lands hard: >!the tutor was never hired at all.!<"
    ```

    ## Fix
    None: only the author knows where the spoiler ends.
    """
    for field in context.prose:
        text = field.text
        if OPEN not in text and CLOSE not in text:
            continue
        opened: int | None = None
        for match in _MARKER_RE.finditer(text):
            start = match.start()
            if match.group(0) == OPEN:
                if opened is not None:
                    yield context.report_in(field, opened, opened + 2, "spoiler marker '>!' is not closed before the "
                                            "next '>!' (markers do not nest)")
                opened = start
            elif opened is None:
                yield context.report_in(field, start, start + 2, "spoiler marker '!<' closes nothing: there is no "
                                        "'>!' before it")
            else:
                opened = None
        if opened is not None:
            yield context.report_in(field, opened, opened + 2, "spoiler marker '>!' is never closed with '!<'")


_SECTION_WORDS = {"synopsis": "the synopsis", "memorable_scene": "the memorable scene"}


@rule("RL404", "spoilers-in-spoiler-free-review", severity=Severity.ERROR, family=FAMILY,
      summary="A review that declares `spoilers: none` contains spoiler-marked text.")
def spoilers_in_spoiler_free_review(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    When `spoilers: none`, reports every part marked as a spoiler: a synopsis, memorable
    scene or dialogue line with `spoiler: true`, an ending with a description or with
    `spoiler: true`, and inline `>!...!<` markers.

    ## Why
    Readers choose a spoiler-free review precisely to read all of it safely; a marked
    spoiler means the declaration is wrong.

    ## Example
    ```yaml
    spoilers: none
    review:
      body: [A patient film with >!a devastating final reveal!<.]
    ```
    Use instead:
    ```yaml
    spoilers: minor
    review:
      body: [A patient film with >!a devastating final reveal!<.]
    ```

    ## Fix
    None: either the level or the text has to change, and only the author knows which.
    """
    if context.get("spoilers") != "none":
        return
    lead = "the review declares `spoilers: none`, but"
    for key, words in _SECTION_WORDS.items():
        if _flag(context, "review", key, "spoiler"):
            yield context.report(f"{lead} {words} is marked as a spoiler", ("review", key, "spoiler"))
    dialogue = context.get("review", "memorable_dialogue")
    if isinstance(dialogue, list):
        for index in range(len(dialogue)):
            if _flag(context, "review", "memorable_dialogue", index, "spoiler"):
                yield context.report(f"{lead} dialogue line {index + 1} is marked as a spoiler",
                                     ("review", "memorable_dialogue", index, "spoiler"))
    if isinstance(context.get("ending", "description"), str):
        yield context.report(f"{lead} the ending is described", ("ending", "description"))
    elif _flag(context, "ending", "spoiler"):
        yield context.report(f"{lead} the ending is marked as a spoiler", ("ending", "spoiler"))
    for field in context.prose:
        if field.path[0] == "ending":
            continue
        for start, _end in spoiler_spans(field.text):
            yield context.report_in(field, start, start + 2, f"{lead} this text is marked as a spoiler")


@rule("RL405", "ending-cue-unmarked", severity=Severity.INFO, family=FAMILY,
      options={"cues": (list, (), "Extra phrases that mark a sentence as telling the ending (besides the built-in "
                                  "reading of the sentence).")},
      summary="The review body seems to describe the ending outside spoiler marking.")
def ending_cue_unmarked(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reads each sentence of `review.body` outside `>!...!<` and reports the ones that tell
    how the film ends: who dies or survives, the twist's content ("it turns out...", "it
    was all a dream"), the last scene or shot, the outcome ("in the end she chooses...",
    "the film ends with..."), or the kind of ending ("a happy ending", "no resolution").
    Sentences that only mention the ending stay quiet: a judgement ("the ending is
    satisfying"), a promise ("I won't spoil it"), the start or middle of the film ("the
    opening scene", "ends up being"). Reviews that declare `spoilers: major` are not
    checked.

    ## Why
    It is a hint, not a verdict: a reader who chose a review with minor spoilers should
    not learn the ending from its body, and a quick look costs less than a spoiled film.

    ## Example
    ```yaml
    spoilers: minor
    review:
      body: [It turns out the tutor was never hired at all.]
    ```
    Use instead:
    ```yaml
    spoilers: minor
    review:
      body: [">!It turns out the tutor was never hired at all.!<"]
    ```

    ## Fix
    None.
    """
    if context.get("spoilers") == "major":
        return
    if context.prose_words.isdisjoint(ENDING_WORDS) and not options["cues"]:
        return
    endings = _prose_endings()
    body = [field for field in context.prose if field.path[:2] == ("review", "body")]
    extra = _cue_pattern(tuple(options["cues"])) if options["cues"] else None
    for field in body:
        spans = spoiler_spans(field.text)
        for sentence in endings.find(field.text, extra):
            if not _inside(spans, sentence.start, sentence.end):
                yield context.report_in(field, sentence.start, sentence.end,
                                        f"this sentence seems to tell the ending ({sentence.words!r}); if it does, "
                                        "wrap it in >!...!< or mark the review `spoilers: major`")


@cache
def _prose_endings() -> Any:
    """reviewlint.prose.endings, imported on first use (not at start-up)."""
    from reviewlint.prose import endings

    return endings


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _text.trie_pattern([c.lower() for c in cues]) + r")\b", re.IGNORECASE)
