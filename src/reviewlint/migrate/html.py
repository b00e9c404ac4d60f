"""Saved blog pages (HTML) -> the post's text as blog lines, and what the page states.

The standard library's `html.parser` does the tokenising (entities, attributes, broken
markup) and a small tree keeps the block structure: block elements end paragraphs, `<br>`
ends a line, `<h1>`-`<h6>` become headings. Scripts, styles, forms, navigation and asides
are never text.

Which lines are the post: trafilatura (a content-extraction library, Apache-2.0) judges
the page's main text; the post is the span from its first to its last main line, plus the
page's `<article>` (or `<main>`, `h-entry`, `.post`) element. Lines outside are page chrome:
dropped, each listed under `source.dropped`. Without trafilatura, or when it finds nothing,
the `<article>`-style element alone decides, as before.

The page's metadata (`og:title`, `<time datetime>`, `article:author`, the entry-title
heading, `<title>` less the site name, JSON-LD) is read by `pagemeta`.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from reviewlint.migrate import pagemeta
from reviewlint.migrate.accounting import BOILERPLATE, Accounting
from reviewlint.migrate.blog_text import SourceLine
from reviewlint.migrate.encoding import split_lines
from reviewlint.migrate.result import Level, MigrationResult

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "form", "button",
                  "select", "textarea", "nav", "aside", "head", "math"})
PAGE_CHROME = frozenset({"header", "footer"})
BLOCK = frozenset({"address", "article", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
                   "figcaption", "figure", "footer", "header", "hr", "li", "main", "ol", "p", "pre", "section",
                   "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "center"})
LINE_BREAK = frozenset({"td", "th"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
MAX_DEPTH = 400  # deeper nesting is flattened: a hostile page cannot exhaust the stack
# trafilatura reads pages up to this size; a larger page is read by the element rules alone.
MAIN_TEXT_LIMIT = 2 * 1024 * 1024
# More text lines than this and the main-text match is skipped (it compares line by line).
MAIN_TEXT_LINES = 20_000
# A saved post has a few thousand tags; a page with more than this is refused before it is
# parsed (html.parser costs about 25 microseconds a tag).
MAX_TAGS = 150_000


def too_many_tags(text: str) -> str | None:
    """The refusal for a page with more tags than any post, or None."""
    tags = text.count("<")
    if tags <= MAX_TAGS:
        return None
    return f"the page holds {tags} tags, over the limit of {MAX_TAGS} for one post; it was not read"


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | tuple[str, int]] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self, first_line: int = 1) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = first_line - 1
        self.root = Element("#document", {}, first_line)
        self.stack: list[Element] = [self.root]
        self.page = pagemeta.PageData()
        self.capture: list[str] | None = None  # text of a <title>, entry-title <h1> or JSON-LD script

    def source_line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.source_line()
        if tag == "meta":
            self.page.meta.append((values, line))
        elif tag == "link":
            self.page.links.append((values, line))
        elif tag == "time" and values.get("datetime"):
            self.page.times.append((values["datetime"], line))
        element = Element(tag, values, line)
        self.stack[-1].children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag and len(self.stack) > 1:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                closed = self.stack[depth]
                del self.stack[depth:]
                self._closed(closed)
                return

    def _closed(self, element: Element) -> None:
        """Page metadata held in an element's text, read once the element ends."""
        if element.tag == "title" and self.page.title is None:
            self.page.title = (_plain(element), element.line)
        elif element.tag == "h1" and self.page.entry_title is None and \
                element.classes() & {"entry-title", "post-title", "p-name"}:
            self.page.entry_title = (_plain(element), element.line)
        elif element.tag == "script" and "ld+json" in element.attrs.get("type", "").lower():
            self.page.json_ld.append(("".join(c[0] for c in element.children if isinstance(c, tuple)), element.line))

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append((data, self.source_line()))


# Where a post lives, most specific first: the first element (outermost) passing a test wins.
_POST_TESTS: tuple[Callable[[Element], bool], ...] = (
    lambda e: e.tag == "article",
    lambda e: e.tag == "main",
    lambda e: bool(e.classes() & {"h-entry", "hentry"}),
    lambda e: "post" in e.classes(),
)


def _scope(root: Element) -> tuple[Element, bool]:
    """(the element holding the post, whether it is the whole body). One breadth-first pass
    serves every test: a page of 400,000 elements is walked once, not once per test."""
    found: dict[int, Element] = {}
    body: Element | None = None
    pending = deque([root])
    while pending and 0 not in found:
        current = pending.popleft()
        for index, test in enumerate(_POST_TESTS):
            if index not in found and test(current):
                found[index] = current
        if body is None and current.tag == "body":
            body = current
        pending.extend(child for child in current.children if isinstance(child, Element))
    if found:
        return found[min(found)], False
    return body or root, True


class _TextWriter:
    """Collects text into lines; paragraphs are separated by one blank line."""

    def __init__(self) -> None:
        # (text, html line, heading level, inside the post's element)
        self.lines: list[tuple[str, int, int, bool]] = []
        self.current: list[str] = []
        self.current_line = 0
        self.current_scope = False
        self.heading = 0
        self.in_scope = False
        self.links: list[tuple[str, str]] = []

    def text(self, data: str, line: int, preformatted: bool) -> None:
        if not preformatted:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)  # HTML collapses ASCII whitespace, not no-break spaces
        for index, piece in enumerate(data.split("\n") if preformatted else [data]):
            if index:
                self.newline()
            if not self.current and not piece.strip(" "):
                continue
            if not self.current:
                self.current_line = line + (index if preformatted else 0)
                self.current_scope = self.in_scope
            self.current.append(piece)

    def line_break(self) -> None:
        """<br>: ends the line; a second <br> in a row ends the paragraph."""
        if self.current and "".join(self.current).strip(" "):
            self.newline()
        else:
            self.current = []
            self.paragraph()

    def newline(self) -> None:
        text = "".join(self.current).strip(" ")
        if text:
            self.lines.append((text, self.current_line, self.heading, self.current_scope))
        self.current = []

    def paragraph(self) -> None:
        self.newline()
        if self.lines and self.lines[-1][0] != "":
            self.lines.append(("", 0, 0, self.in_scope))

    def finish(self) -> None:
        self.newline()
        while self.lines and self.lines[-1][0] == "":
            self.lines.pop()


PARAGRAPHS = frozenset({"p", "blockquote", "pre", "hr", "table", "ul", "ol", "dl", "figure"})


def _walk(element: Element, writer: _TextWriter, scope: Element | None, dropped: Counter[str],
          preformatted: bool) -> None:
    if element.tag == "a" and element.attrs.get("href"):
        writer.links.append((_plain(element), element.attrs["href"]))
    outer = writer.in_scope
    if element is scope:
        writer.newline()
        writer.in_scope = True
    for child in element.children:
        if isinstance(child, tuple):
            writer.text(child[0], child[1], preformatted)
            continue
        tag = child.tag
        if tag in SKIP or "hidden" in child.attrs:
            dropped[tag] += 1
            continue
        if tag in PAGE_CHROME and scope is not None and scope.tag == "body":
            # No <article> on the page: its own header and footer are site chrome.
            writer.newline()
            writer.in_scope, inside = False, writer.in_scope
            _walk(child, writer, scope, dropped, preformatted)
            writer.newline()
            writer.in_scope = inside
        elif tag in HEADINGS:
            writer.paragraph()
            writer.heading = HEADINGS[tag]
            _walk(child, writer, scope, dropped, preformatted)
            writer.newline()
            writer.heading = 0
            writer.paragraph()
        elif tag == "br":
            writer.line_break()
        elif tag in LINE_BREAK:
            writer.newline()
            _walk(child, writer, scope, dropped, preformatted)
        elif tag in PARAGRAPHS:
            writer.paragraph()
            _walk(child, writer, scope, dropped, preformatted or tag == "pre")
            writer.paragraph()
        elif tag in BLOCK:
            writer.newline()
            _walk(child, writer, scope, dropped, preformatted)
            writer.newline()
        elif tag == "img":
            continue
        else:
            _walk(child, writer, scope, dropped, preformatted)
    if element is scope:
        writer.newline()
        writer.in_scope = outer


def _plain(element: Element) -> str:
    parts: list[str] = []
    for child in element.children:
        parts.append(child[0] if isinstance(child, tuple) else _plain(child))
    return " ".join("".join(parts).split())


# A "<" that opens a tag name but meets another "<" before any ">" cannot start a tag the
# page means; html.parser rescans such a run from every "<" (quadratic: '<a' * 100000 took
# 85 s), so it is made text first. The lookahead stops at the next "<" or ">": linear.
_NOT_A_TAG = re.compile(r"<(?=[A-Za-z][^<>]*<)")


def _parse(text: str, first_line: int = 1) -> _TreeBuilder:
    builder = _TreeBuilder(first_line)
    builder.feed(_NOT_A_TAG.sub("&lt;", text))
    builder.close()
    return builder


def html_to_text(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, str]]]:
    """(lines, links) of an HTML fragment: (text, source line, heading level) for each line,
    blank entries between paragraphs; (link text, address) for each link. Letterboxd
    review text is such a fragment."""
    builder = _parse(text)
    writer = _TextWriter()
    _walk(builder.root, writer, None, Counter(), False)
    writer.finish()
    return [(line, number, heading) for line, number, heading, _ in writer.lines], writer.links


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _main_text(text: str) -> str | None:
    """The page's main text as trafilatura judges it, folded; None when it cannot say."""
    if len(text) > MAIN_TEXT_LIMIT:
        return None
    try:
        import trafilatura
    except ImportError:  # an optional extra: the element rules still find the post
        return None
    try:
        extracted = trafilatura.extract(text, output_format="txt", favor_recall=True, include_comments=False,
                                        include_tables=True, include_images=False, deduplicate=False)
    except Exception:  # a library failure costs the chrome filter, never the post
        return None
    return _fold(extracted) if extracted and extracted.strip() else None


def _post_span(lines: list[tuple[str, int, int, bool]], main: str | None, whole_body: bool) -> list[bool]:
    """Which lines are the post: inside its element, or between the first and last line the
    main-text extraction kept. A page without an `<article>`-like element: the lines between
    the first and last main line, less the page's header and footer."""
    inside = [in_scope for _, _, _, in_scope in lines]
    if main is None or len(lines) > MAIN_TEXT_LINES:
        return inside
    position = 0
    kept: list[int] = []
    for index, (line, _, _, _) in enumerate(lines):
        folded = _fold(line)
        if not folded:
            continue
        found = main.find(folded, position)
        if found >= 0:
            kept.append(index)
            position = found + len(folded)
    if not kept:
        return inside
    first, last = kept[0], kept[-1]
    if whole_body:
        return [inside[index] and first <= index <= last for index in range(len(lines))]
    return [inside[index] or first <= index <= last for index in range(len(lines))]


def html_lines(text: str, result: MigrationResult, *, first_line: int = 1, whole_page: bool = True) -> tuple[
        list[SourceLine], dict[str, Any], list[str]]:
    """(the post's lines for the blog reader, facts the page states, the ledger's lines).

    The ledger holds every text line of the page (numbered in extraction order); lines that
    are page chrome are dropped in it and listed. `first_line` is where `text` starts in
    its file (an export's post), so that reported lines are the file's; `whole_page` is
    false for an export's post, which holds no page around it."""
    builder = _parse(text, first_line)
    scope, whole_body = _scope(builder.root)
    writer = _TextWriter()
    dropped: Counter[str] = Counter()
    _walk(builder.root, writer, scope, dropped, False)
    writer.finish()
    # An export's post is its content alone: there is no page chrome for trafilatura to find.
    judged = whole_page and len(writer.lines) <= MAIN_TEXT_LINES
    post = _post_span(writer.lines, _main_text(text) if judged else None, whole_body)
    if dropped:
        parts = ", ".join(f"{count} <{tag}>" for tag, count in sorted(dropped.items()))
        result.add(Level.INFO, f"left out page elements that hold no post text: {parts}")
    if writer.links:
        result.add(Level.INFO, f"{len(writer.links)} links in the page keep their text; their addresses are not "
                   "kept (the review has no field for them)")
    ledger = [line_text for line_text, _, _, _ in writer.lines]
    result.accounting = Accounting(ledger, unit="text line")
    result.line_map = {index + 1: html_line for index, (_, html_line, _, _) in enumerate(writer.lines) if html_line}
    lines: list[SourceLine] = []
    chrome: list[str] = []
    for index, (line_text, _, heading, _) in enumerate(writer.lines):
        if post[index]:
            lines.append(SourceLine(index + 1, line_text, heading))
        elif line_text.strip():
            result.accounting.dropped(index + 1, line_text.strip(), BOILERPLATE)
            chrome.append(line_text.strip())
    if chrome:
        result.add(Level.INFO, f"dropped {len(chrome)} lines of page chrome outside the post (listed under "
                   "source.dropped)")
    page = split_lines(text) if builder.page.meta or builder.page.json_ld or builder.page.times else []
    extra = pagemeta.apply(pagemeta.facts_of(builder.page, result), result, page)
    title = pagemeta.page_title(builder.page)
    if title is not None:
        extra["#title"] = title
    if chrome:
        extra["#dropped"] = chrome
    return lines, extra, ledger


def remap_issue_lines(result: MigrationResult) -> None:
    """Issues and provenance name lines of the extracted text; show the HTML source's line."""
    if result.line_map:
        line_map = result.line_map
        result.issues = [replace(issue, line=line_map.get(issue.line, issue.line))
                         if issue.line is not None else issue for issue in result.issues]


def remap_provenance(result: MigrationResult, start: int) -> None:
    """Provenance recorded from the extracted text (from index `start` on) -> HTML lines."""
    if result.line_map:
        line_map = result.line_map
        result.provenance[start:] = [replace(entry, line=line_map.get(entry.line, entry.line))
                                     for entry in result.provenance[start:]]
