"""Markdown blog posts -> the blog reader's lines, plus what the front matter states.

Markdown adds structure the plain-text reader would otherwise have to guess: `#` headings
(the first level-1 heading is the headline), setext underlines, `**bold**` labels (the
label matcher already allows emphasis), and the YAML front matter of Jekyll and Hugo
posts (`title`, `date`, `author`, `tags`). Prose keeps its inline Markdown verbatim:
`*emphasis*` and `[links](...)` are the author's text.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import LAYOUT, is_blank
from reviewlint.migrate.blog_text import SourceLine
from reviewlint.migrate.result import Level, MigrationResult

ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
SETEXT = re.compile(r"^ {0,3}(?P<mark>=+|-+)\s*$")
FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")
FRONT_MATTER_LIMIT = 200


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the line closing a front-matter block that opens the file, if any."""
    if not lines or not FENCE.match(lines[0]):
        return None
    closers = {lines[0].strip(), "..."} if lines[0].strip() == "---" else {lines[0].strip()}
    for index in range(1, min(len(lines), FRONT_MATTER_LIMIT)):
        if lines[index].strip() in closers:
            return index
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _front_matter_fact(key: str, value: Any) -> tuple[str, str] | None:
    """(fact key, text value) for the front-matter keys reviewlint understands."""
    name = key.lower()
    if name in ("tags", "categories", "labels") and isinstance(value, list):
        items = [str(item) for item in value if _text(item) is not None]
        return ("tags", ", ".join(items)) if items and len(items) == len(value) else None
    text = _text(value)
    if text is None:
        return None
    table = {"date": "published", "published": "published", "author": "author", "tags": "tags",
             "categories": "tags", "rating": "rating", "score": "rating", "year": "year", "runtime": "runtime",
             "director": "directors", "directors": "directors", "genre": "genres", "genres": "genres",
             "subtitle": "tagline", "tagline": "tagline", "url": "url", "spoilers": "spoilers"}
    fact = table.get(name)
    return (fact, text) if fact else None


def _front_matter(lines: list[str], end: int, result: MigrationResult, notes: list[str]) -> tuple[
        dict[str, Any], str | None, int]:
    """(facts as a draft fragment, the title if any, the title's line number)."""
    accounting = result.accounting
    accounting.dropped(1, lines[0].strip(), LAYOUT)
    accounting.dropped(end + 1, lines[end].strip(), LAYOUT)
    body = lines[1:end]
    try:
        loaded = yaml.load("\n".join(body), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        loaded = None
    draft: dict[str, Any] = {}
    # Which lines belong to which top-level key.
    spans: list[tuple[str, int, int]] = []
    for offset, line in enumerate(body):
        match = TOP_KEY.match(line)
        if match:
            if spans:
                spans[-1] = (spans[-1][0], spans[-1][1], offset)
            spans.append((match["key"], offset, len(body)))
    if not isinstance(loaded, dict) or not spans:
        numbered = [(2 + offset, line) for offset, line in enumerate(body) if not is_blank(line)]
        if numbered:
            notes.append("\n".join(line for _, line in numbered))
            for number, line in numbered:
                accounting.preserved(number, f"notes[{len(notes) - 1}]", line.strip(), "front matter that is not "
                                     "a YAML mapping")
            result.add(Level.WARNING, "kept the front matter under notes: it is not a YAML mapping", 2)
        return draft, None, 0
    title: str | None = None
    title_line = 0
    for key, start, stop in spans:
        numbers = [2 + offset for offset in range(start, stop) if not is_blank(body[offset])]
        raw = "\n".join(body[offset].rstrip() for offset in range(start, stop)).strip()
        value = loaded.get(key)
        if key.lower() == "title" and _text(value):
            title, title_line = str(_text(value)), numbers[0]
            continue
        fact = _front_matter_fact(key, value)
        outcome = facts.read_fact(*fact) if fact else None
        if outcome is not None and outcome.updates and outcome.problem is None:
            for update in outcome.updates:
                _merge(draft, update)
            for info in outcome.infos:
                result.add(Level.INFO, info, numbers[0])
            for number in numbers:
                accounting.mapped(number, ", ".join(outcome.fields), body[number - 2].strip())
            continue
        notes.append(raw)
        reason = outcome.problem if outcome is not None and outcome.problem else \
            f"no field for the front-matter key '{key}'"
        for number in numbers:
            accounting.preserved(number, f"notes[{len(notes) - 1}]", body[number - 2].strip(), reason)
        shown = raw if len(raw) <= 80 else raw[:77] + "..."
        result.add(Level.WARNING, f"kept under notes: {shown!r} ({reason})", numbers[0])
    return draft, title, title_line


def _merge(draft: dict[str, Any], update: facts.Update) -> None:
    parent = draft
    for key in update.path[:-1]:
        parent = parent.setdefault(key, {})
    if update.mode == facts.SET:
        parent.setdefault(update.path[-1], update.value)
    else:
        existing = parent.setdefault(update.path[-1], [])
        existing.extend(item for item in (update.value if update.mode == facts.EXTEND else [update.value])
                        if item not in existing)


def markdown_lines(lines: list[str], result: MigrationResult) -> tuple[list[SourceLine], dict[str, Any], list[str]]:
    """(lines for the blog reader, facts from the front matter, notes from the front matter)."""
    notes: list[str] = []
    extra: dict[str, Any] = {}
    start = 0
    title: str | None = None
    title_line = 0
    end = _front_matter_end(lines)
    if end is not None:
        extra, title, title_line = _front_matter(lines, end, result, notes)
        start = end + 1
    output: list[SourceLine] = []
    in_code = False
    index = start
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
        if in_code or stripped.startswith(("```", "~~~")):
            output.append(SourceLine(number, raw))
            index += 1
            continue
        atx = ATX.match(raw)
        # `# ` followed by nothing but (zero-width) spaces is a layout line, not a heading.
        empty_heading = atx is not None and is_blank(atx["text"] or "")
        following = lines[index + 1] if index + 1 < len(lines) else ""
        setext = SETEXT.match(following) if stripped and not is_blank(following) else None
        if atx and not empty_heading:
            output.append(SourceLine(number, atx["text"], heading=len(atx["marks"])))
        elif setext and not raw.lstrip().startswith(("-", "*", "+", ">")) and not ATX.match(raw):
            output.append(SourceLine(number, stripped, heading=1 if setext["mark"][0] == "=" else 2))
            result.accounting.dropped(index + 2, following.strip(), LAYOUT)
            output.append(SourceLine(index + 2, ""))
            index += 2
            continue
        elif COMMENT.match(raw) or empty_heading:
            result.accounting.dropped(number, stripped, LAYOUT)
            output.append(SourceLine(number, ""))
        else:
            output.append(SourceLine(number, raw))
        index += 1
    if title is not None:
        output = _place_title(output, title, title_line, result, notes)
    return output, extra, notes


def _place_title(output: list[SourceLine], title: str, title_line: int, result: MigrationResult,
                 notes: list[str]) -> list[SourceLine]:
    """The front matter's `title` is the headline, unless the post opens with its own
    level-1 heading; then an identical title is a duplicate and a different one a note."""
    first = next((line for line in output if not is_blank(line.text)), None)
    if first is not None and first.heading == 1:
        if first.text.strip() == title.strip():
            result.accounting.mapped(title_line, "review.headline", title)
        else:
            notes.append(f"title: {title}")
            result.accounting.preserved(title_line, f"notes[{len(notes) - 1}]", title,
                                        "the front matter's title differs from the post's heading")
            result.add(Level.WARNING, f"kept under notes: 'title: {title}' (it differs from the post's heading)",
                       title_line)
        return output
    return [SourceLine(title_line, title, heading=1), SourceLine(title_line, ""), *output]
