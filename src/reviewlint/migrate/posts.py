"""Readers for single blog posts: plain text, Markdown and saved HTML pages.

Each turns its input into the blog reader's lines plus what the page states outside its
text (front matter, meta tags, JSON-LD), runs the blog reader, and hands back one result.
The WordPress and Blogger readers use `read_post_html` for each post of an export.
"""

from __future__ import annotations

from typing import Any

from reviewlint.migrate import blog_text, frontmatter
from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.blog_text import SourceLine
from reviewlint.migrate.encoding import split_lines
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult, Status, failed, skipped

# One post with more lines of text (blank lines not counted) than this is refused with the
# count: a real review has a few hundred at most, and the blog reader's time grows with
# every line (issue 16's bound: a post at the limit reads in a few seconds).
MAX_POST_LINES = 10_000

TEXT = "blog-text"
MARKDOWN = "blog-markdown"
HTML = "blog-html"


def _finish(result: MigrationResult, kind: str, name: str, dropped: list[str], *,
            markup: bool = False) -> MigrationResult:
    if result.data is not None and dropped:
        source = result.data.setdefault("source", {"format": kind})
        source["dropped"] = [*dropped, *source.get("dropped", [])]
    if not result.accounting.content_lines() and result.status is not Status.FAILED:
        return skipped(name, kind, "the file holds no text" + (" outside its markup" if markup else ""))
    return result


def text_lines(lines: list[str]) -> int:
    return sum(1 for line in lines if line.strip())


def too_long(lines: list[str], name: str, kind: str) -> MigrationResult | None:
    """A refusal for a post longer than any review, naming the count and the limit."""
    count = text_lines(lines)
    if count <= MAX_POST_LINES:
        return None
    return failed(name, kind, f"the post has {count} lines of text, over the limit of {MAX_POST_LINES} for one "
                  "review; split it, or convert the reviews it holds one by one")


def read_text(text: str, name: str, options: MigrateOptions) -> list[MigrationResult]:
    lines = split_lines(text)
    refusal = too_long(lines, name, TEXT)
    if refusal is not None:
        return [refusal]
    result = MigrationResult(source=name, format=TEXT, data=None, accounting=Accounting(lines))
    block = frontmatter.find(lines)
    applied = frontmatter.Applied()
    start = 0
    if block is not None:  # a .txt post exported by a static-site generator
        applied = frontmatter.apply(block, lines, result)
        start = block.body_start
    source_lines = blog_text.blog_lines(lines[start:], first=start + 1)
    if applied.title is not None:
        from reviewlint.migrate.markdown import place_title

        source_lines = place_title(source_lines, applied.title, applied.title_line, result, applied.notes)
    results = blog_text.read_post(source_lines, result, options, source={"format": TEXT, "file": name},
                                  extra=applied.extra, notes=applied.notes)  # a double feature: one per film
    return [_finish(part, TEXT, name, applied.dropped) for part in results]


def read_markdown(text: str, name: str, options: MigrateOptions) -> list[MigrationResult]:
    from reviewlint.migrate.markdown import markdown_lines

    lines = split_lines(text)
    refusal = too_long(lines, name, MARKDOWN)
    if refusal is not None:
        return [refusal]
    result = MigrationResult(source=name, format=MARKDOWN, data=None, accounting=Accounting(lines))
    source_lines, applied = markdown_lines(lines, result)
    results = blog_text.read_post(source_lines, result, options, source={"format": MARKDOWN, "file": name},
                                  extra=applied.extra, notes=applied.notes)  # a double feature: one per film
    return [_finish(part, MARKDOWN, name, applied.dropped) for part in results]


def read_html(text: str, name: str, options: MigrateOptions) -> list[MigrationResult]:
    result = MigrationResult(source=name, format=HTML, data=None, accounting=Accounting([]))
    dropped = read_post_html(text, result, options, source={"format": HTML, "file": name})
    return [_finish(result, HTML, name, dropped, markup=True)]


def read_post_html(text: str, result: MigrationResult, options: MigrateOptions, *, source: dict[str, Any],
                   extra: dict[str, Any] | None = None, first_line: int = 1,
                   title: tuple[str, int] | None = None) -> list[str]:
    """Read one post's HTML (a page, or the content of an export's post) into `result`;
    returns the page-chrome lines it dropped. `first_line` is where the HTML starts in the
    file; `title` a title the export gives outside the HTML, with its line."""
    from reviewlint.migrate.html import html_lines, remap_issue_lines, remap_provenance, too_many_tags

    refusal = too_many_tags(text)
    if refusal is not None:
        result.add(Level.ERROR, refusal, first_line)
        return []
    source_lines, page_extra, _ = html_lines(text, result, first_line=first_line, whole_page=first_line == 1)
    if text_lines(result.accounting.lines) > MAX_POST_LINES:
        result.add(Level.ERROR, f"the post has {text_lines(result.accounting.lines)} lines of text, over the limit "
                   f"of {MAX_POST_LINES} for one review; split it, or convert the reviews it holds one by one")
        result.accounting = Accounting([])
        return []
    dropped: list[str] = page_extra.pop("#dropped", [])
    page_title = page_extra.pop("#title", None)
    facts = {**page_extra, **(extra or {})}
    if title is None and page_title is not None:
        title = (page_title[0], page_title[1])
    if title is not None and title[0].strip() and not any(line.heading == 1 for line in source_lines):
        source_lines = _with_title(source_lines, title[0], title[1], result)
    start = len(result.provenance)
    blog_text.read_lines(source_lines, result, options, source=source, extra=facts)
    remap_issue_lines(result)
    remap_provenance(result, start)
    return dropped


def _with_title(lines: list[SourceLine], title: str, line: int, result: MigrationResult) -> list[SourceLine]:
    """Give the blog reader the page's title as its heading, unless the text opens with it."""
    first = next((item for item in lines if item.text.strip()), None)
    if first is not None and " ".join(first.text.split()).casefold() == " ".join(title.split()).casefold():
        return lines
    # The title is a new ledger line (it came from the page's metadata, not its text).
    number = len(result.accounting.lines) + 1
    result.accounting.lines.append(title)
    if result.line_map is not None and line:
        result.line_map[number] = line
    return [SourceLine(number, title, heading=1), SourceLine(number, ""), *lines]
