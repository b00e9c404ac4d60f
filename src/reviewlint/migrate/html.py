"""Saved blog pages (HTML) -> the post's text as blog lines.

The standard library's `html.parser` does the tokenising (entities, attributes, broken
markup); it is enough here because we need the text and its block structure, not a
rendering, and it adds no dependency. A small tree is built so that the post can be
found: the first `<article>`, else `<main>`, else an `h-entry`/`hentry`/`post` element,
else `<body>`. Inside it, scripts, styles, forms, navigation and asides are dropped; when
the whole body is the scope, page headers and footers are dropped too. Block elements
end paragraphs, `<br>` ends a line, `<h1>`-`<h6>` become headings.

The ledger for an HTML page covers the text extracted from the post; what was dropped
as page chrome is counted in the report. `<link rel=canonical>`, the `article:published_time`
meta tag and `<meta name=author>` are read as facts the page states.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from reviewlint.migrate.blog_text import SourceLine
from reviewlint.migrate.dates import parse_date
from reviewlint.migrate.facts import URL, author_name
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


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | tuple[str, int]] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, 1)
        self.stack: list[Element] = [self.root]
        self.title_parts: list[str] = []
        self.meta: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self.meta.append(values)
        elif tag == "link":
            self.links.append(values)
        element = Element(tag, values, self.getpos()[0])
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
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack[-1].tag == "title":
            self.title_parts.append(data)
        self.stack[-1].children.append((data, self.getpos()[0]))


def _find(element: Element, test: Any) -> Element | None:
    pending = [element]
    while pending:
        current = pending.pop(0)
        if test(current):
            return current
        pending.extend(child for child in current.children if isinstance(child, Element))
    return None


def _scope(root: Element) -> tuple[Element, bool]:
    """(the element holding the post, whether it is the whole body)."""
    for test in (lambda e: e.tag == "article", lambda e: e.tag == "main",
                 lambda e: bool(e.classes() & {"h-entry", "hentry"}), lambda e: "post" in e.classes()):
        found = _find(root, test)
        if found is not None:
            return found, False
    return _find(root, lambda e: e.tag == "body") or root, True


class _TextWriter:
    """Collects text into lines; paragraphs are separated by one blank line."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, int, int]] = []  # (text, html line, heading level)
        self.current: list[str] = []
        self.current_line = 0
        self.heading = 0
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
            self.lines.append((text, self.current_line, self.heading))
        self.current = []

    def paragraph(self) -> None:
        self.newline()
        if self.lines and self.lines[-1][0] != "":
            self.lines.append(("", 0, 0))


def _walk(element: Element, writer: _TextWriter, whole_body: bool, dropped: Counter[str], preformatted: bool) -> None:
    if element.tag == "a" and element.attrs.get("href"):
        writer.links.append((_plain(element), element.attrs["href"]))
    for child in element.children:
        if isinstance(child, tuple):
            writer.text(child[0], child[1], preformatted)
            continue
        tag = child.tag
        if tag in SKIP or (whole_body and tag in PAGE_CHROME) or "hidden" in child.attrs:
            dropped[tag] += 1
            continue
        if tag in HEADINGS:
            writer.paragraph()
            writer.heading = HEADINGS[tag]
            _walk(child, writer, whole_body, dropped, preformatted)
            writer.newline()
            writer.heading = 0
            writer.paragraph()
        elif tag == "br":
            writer.line_break()
        elif tag in LINE_BREAK:
            writer.newline()
            _walk(child, writer, whole_body, dropped, preformatted)
        elif tag in ("p", "blockquote", "pre", "hr", "table", "ul", "ol", "dl", "figure"):
            writer.paragraph()
            _walk(child, writer, whole_body, dropped, preformatted or tag == "pre")
            writer.paragraph()
        elif tag in BLOCK:
            writer.newline()
            _walk(child, writer, whole_body, dropped, preformatted)
            writer.newline()
        elif tag == "img":
            continue
        else:
            _walk(child, writer, whole_body, dropped, preformatted)


def _plain(element: Element) -> str:
    parts: list[str] = []
    for child in element.children:
        parts.append(child[0] if isinstance(child, tuple) else _plain(child))
    return " ".join("".join(parts).split())


def _page_facts(builder: _TreeBuilder) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for link in builder.links:
        if "canonical" in link.get("rel", "").lower().split() and URL.match(link.get("href", "")):
            extra.setdefault("source", {})["url"] = link["href"]
    for meta in builder.meta:
        name = (meta.get("property") or meta.get("name") or "").lower()
        content = meta.get("content", "").strip()
        if name == "article:published_time" and parse_date(content):
            extra["published"] = parse_date(content)
        elif name == "author" and author_name(content):
            extra["author"] = {"name": author_name(content)}
    return extra


def html_to_text(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, str]]]:
    """(lines, links) of an HTML fragment: (text, source line, heading level) for each line,
    blank entries between paragraphs; (link text, address) for each link. Letterboxd
    review text is such a fragment."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    writer = _TextWriter()
    _walk(builder.root, writer, False, Counter(), False)
    writer.newline()
    while writer.lines and writer.lines[-1][0] == "":
        writer.lines.pop()
    return writer.lines, writer.links


def html_lines(text: str, result: MigrationResult) -> tuple[list[SourceLine], dict[str, Any], list[str]]:
    """(the post's lines for the blog reader, facts from the page's head, the ledger's lines)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    scope, whole_body = _scope(builder.root)
    writer = _TextWriter()
    dropped: Counter[str] = Counter()
    _walk(scope, writer, whole_body, dropped, False)
    writer.newline()
    while writer.lines and writer.lines[-1][0] == "":
        writer.lines.pop()
    if dropped:
        parts = ", ".join(f"{count} <{tag}>" for tag, count in sorted(dropped.items()))
        result.add(Level.INFO, f"dropped page elements that are not the post: {parts}")
    if writer.links:
        result.add(Level.INFO, f"{len(writer.links)} links in the post keep their text; their addresses are not "
                   "kept (the review has no field for them)")
    if not whole_body:
        result.add(Level.INFO, f"read the post from its <{scope.tag}> element (line {scope.line}); "
                   "the rest of the page is navigation and layout")
    # Ledger keys are positions in the extracted text; reports show the HTML line instead.
    lines = [SourceLine(index + 1, line_text, heading) for index, (line_text, _, heading) in enumerate(writer.lines)]
    result.line_map = {index + 1: html_line for index, (_, html_line, _) in enumerate(writer.lines) if html_line}
    return lines, _page_facts(builder), [line_text for line_text, _, _ in writer.lines]


def remap_issue_lines(result: MigrationResult) -> None:
    """Issues name lines of the extracted text; show the HTML source's line instead."""
    if result.line_map:
        result.issues = [replace(issue, line=result.line_map.get(issue.line, issue.line))
                         if issue.line is not None else issue for issue in result.issues]
