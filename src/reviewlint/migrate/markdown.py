"""Markdown blog posts -> the blog reader's lines, plus what the front matter states.

Markdown adds structure the plain-text reader would otherwise have to guess: `#` headings
(the first level-1 heading is the headline), setext underlines, `**bold**` labels (the
label matcher already allows emphasis), and the YAML, TOML or JSON front matter of Jekyll,
Hugo and older generators (read by `frontmatter`). Prose keeps its inline Markdown verbatim:
`*emphasis*` and `[links](...)` are the author's text.
"""

from __future__ import annotations

import re

from reviewlint.migrate import frontmatter
from reviewlint.migrate.accounting import LAYOUT, is_blank
from reviewlint.migrate.blog_text import SourceLine
from reviewlint.migrate.result import Level, MigrationResult

ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
SETEXT = re.compile(r"^ {0,3}(?P<mark>=+|-+)\s*$")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def markdown_lines(lines: list[str], result: MigrationResult) -> tuple[list[SourceLine], frontmatter.Applied]:
    """(lines for the blog reader, what the front matter gives: facts, title, notes)."""
    start = 0
    block = frontmatter.find(lines)
    applied = frontmatter.Applied()
    if block is not None:
        applied = frontmatter.apply(block, lines, result)
        start = block.body_start
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
    if applied.title is not None:
        output = place_title(output, applied.title, applied.title_line, result, applied.notes)
    return output, applied


def place_title(output: list[SourceLine], title: str, title_line: int, result: MigrationResult,
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
