"""The shapes of lines in blog posts: boilerplate, separators, signatures,
spoiler notices and quoted dialogue. Pure patterns and small functions; the blog reader
decides what to do with a match."""

from __future__ import annotations

import re
from typing import Any

# Whole lines that blog platforms add around a post. Matched against the entire line only,
# so a sentence that mentions comments is never dropped.
BOILERPLATE_LINES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"post a comment", r"\d+\s+comments?:?", r"no comments:?", r"leave a (?:comment|reply)", r"comments?:?",
    r"share(?: this(?: post)?)?:?", r"like this:?", r"loading\.{3}|loading…", r"(?:newer|older) posts?",
    r"home", r"subscribe to:?\s*post comments \(atom\)", r"post comments \(atom\)", r"email this",
    r"blogthis!", r"share to (?:twitter|facebook|pinterest|x)",
    r"(?:email this)?\s*(?:blogthis!)?\s*(?:share to (?:twitter|facebook|pinterest|x)\s*)+",
    r"powered by (?:blogger|wordpress(?:\.com)?)\.?", r"read more\s*(?:»|→|\.\.\.|…)?",
    r"continue reading\s*(?:»|→|\.\.\.|…)?", r"related posts?:?", r"you (?:might|may) also like:?", r"tweet",
    r"pin it", r"reactions:?", r"popular posts", r"report abuse", r"skip to (?:main )?content",
    r"search this blog", r"back to top", r"(?:previous|next) post", r"all rights reserved\.?",
    r"(?:copyright\s*)?©.*", r"copyright\s+\d{4}.*",
))
# Separators: "---", "***", "* * *", "===" (also Markdown rules and heading underlines).
LAYOUT_LINE = re.compile(r"^\s*(?:[-=_~]{3,}|(?:\*\s*){3,}|(?:#\s*){3,}|[•·]{3,})\s*$")

PARENTHESISED_NAME = re.compile(r"^\((?P<name>[^()]{1,100})\)$")
SIGNATURE = re.compile(r"^(?:[-—–~]{1,2})\s*(?P<name>[^-—–~].{0,99})$")
CAPITALISED_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4}$")
SPOILER_NOTICE = {
    "spoiler alert": "major", "spoilers ahead": "major", "spoiler warning": "major", "contains spoilers": "major",
    "this review contains spoilers": "major", "major spoilers": "major", "minor spoilers": "minor",
    "mild spoilers": "minor", "spoiler-free": "none", "spoiler free": "none", "no spoilers": "none",
    "spoiler-free review": "none", "spoiler free review": "none", "this review is spoiler-free": "none",
}
QUOTE_PAIRS = {"“": "”", '"': '"', "„": "“", "«": "»", "「": "」", "‘": "’", "'": "'"}
SPEAKER_FIRST = re.compile(r"^(?P<speaker>[^:\"“”]{1,60}):\s*(?P<quote>[\"“„«「‘'].+)$")
SPEAKER_AFTER = re.compile(r"^(?P<quote>[\"“„«「‘'].+?[\"”“»」’'])\s*(?:[—–-]{1,2}|~)\s*(?P<speaker>[^\"“”]{1,60})$")


_BOILERPLATE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in BOILERPLATE_LINES), re.IGNORECASE)


def is_boilerplate(text: str) -> bool:
    return _BOILERPLATE.fullmatch(text) is not None


def unquote(text: str) -> str | None:
    """The text inside one pair of quotation marks around the whole of it, else None."""
    text = text.strip()
    if len(text) > 2 and text[0] in QUOTE_PAIRS and text.endswith(QUOTE_PAIRS[text[0]]):
        inner = text[1:-1].strip()
        return inner or None
    return None


def dialogue_entry(text: str) -> dict[str, Any] | None:
    """“Line.” / Speaker: “Line.” / “Line.” — Speaker -> {quote, speaker?}."""
    text = re.sub(r"^>\s?", "", text.strip())
    quote = unquote(text)
    if quote is not None:
        return {"quote": quote}
    match = SPEAKER_AFTER.match(text) or SPEAKER_FIRST.match(text)
    if match:
        quote = unquote(match["quote"])
        if quote is not None:
            return {"quote": quote, "speaker": match["speaker"].strip()}
    return None
