"""What a saved page states about its post outside the text: meta tags, `<time>`, the
entry-title heading, `<title>` less the site's name, and schema.org JSON-LD.

Each fact is read with the same fact readers as a labelled line and recorded with the
HTML line and the form it came from (`og:title`, `<time datetime>`, `JSON-LD Review`).
A value the page does not state is never guessed: a JSON-LD rating without `bestRating`
keeps its value and no scale.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.result import Level, MigrationResult

# JSON-LD blocks larger than this are not read (a page's metadata is a few kilobytes).
JSON_LD_LIMIT = 256 * 1024
TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|»|·|•)\s+")


@dataclass(slots=True)
class PageData:
    """Raw material the HTML tree builder collects while it parses."""

    meta: list[tuple[dict[str, str], int]] = field(default_factory=list)
    links: list[tuple[dict[str, str], int]] = field(default_factory=list)
    title: tuple[str, int] | None = None
    entry_title: tuple[str, int] | None = None
    times: list[tuple[str, int]] = field(default_factory=list)
    json_ld: list[tuple[str, int]] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    key: str  # a facts.HANDLERS key
    value: str
    line: int
    form: str


def _meta(data: PageData, *names: str) -> tuple[str, int] | None:
    for attrs, line in data.meta:
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content", "").strip()
        if name in names and content:
            return content, line
    return None


def page_title(data: PageData) -> tuple[str, int, str] | None:
    """(title, line, form): the entry-title heading, og:title, or <title> less the site name."""
    if data.entry_title is not None and data.entry_title[0].strip():
        return data.entry_title[0].strip(), data.entry_title[1], '<h1 class="entry-title">'
    og = _meta(data, "og:title", "twitter:title")
    if og is not None:
        return og[0], og[1], "og:title"
    if data.title is None or not data.title[0].strip():
        return None
    title, line = " ".join(data.title[0].split()), data.title[1]
    site = _meta(data, "og:site_name", "application-name")
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if site is not None and parts[-1].strip().casefold() == site[0].strip().casefold():
            title = title[: title.rfind(parts[-1])].rstrip(" |–—-:»·•")
        elif site is not None and parts[0].strip().casefold() == site[0].strip().casefold():
            title = title[len(parts[0]):].lstrip(" |–—-:»·•")
        elif len(parts) == 2 and len(parts[-1]) < len(parts[0]):
            title = parts[0]  # "Post title | Blog name": the shorter trailing part is the site
    return (title, line, "<title> less the site name") if title.strip() else None


def facts_of(data: PageData, result: MigrationResult) -> list[Fact]:
    found: list[Fact] = []
    for attrs, line in data.links:
        if "canonical" in attrs.get("rel", "").lower().split() and facts.URL.match(attrs.get("href", "")):
            found.append(Fact("url", attrs["href"], line, "<link rel=canonical>"))
            break
    published = _meta(data, "article:published_time", "og:published_time", "datepublished", "date",
                      "dc.date", "dcterms.created")
    if published is not None:
        found.append(Fact("published", published[0], published[1], "meta article:published_time"))
    elif data.times:
        found.append(Fact("published", data.times[0][0], data.times[0][1], "<time datetime>"))
    author = _meta(data, "article:author", "author", "dc.creator", "twitter:creator")
    if author is not None and not facts.URL.match(author[0]):
        found.append(Fact("author", author[0].lstrip("@"), author[1], "meta author"))
    for text, line in data.json_ld:
        found.extend(_json_ld(text, line, result))
    return found


def _nodes(value: Any, budget: list[int]) -> list[dict[str, Any]]:
    """Every JSON-LD object with a @type, through @graph and nested values (bounded)."""
    pending = [value]
    nodes: list[dict[str, Any]] = []
    while pending and budget[0] > 0:
        budget[0] -= 1
        current = pending.pop()
        if isinstance(current, list):
            pending.extend(reversed(current))
        elif isinstance(current, dict):
            if "@type" in current:
                nodes.append(current)
            if "@graph" in current:
                pending.append(current["@graph"])
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(item) for item in kinds if isinstance(item, str)}


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"]).strip() or None
    if isinstance(value, list) and value:
        names = [_name(item) for item in value]
        return ", ".join(name for name in names if name) or None
    return None


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, str)):
        return str(value).strip() or None
    return None


def _json_ld(text: str, line: int, result: MigrationResult) -> list[Fact]:
    if len(text) > JSON_LD_LIMIT:
        result.add(Level.INFO, f"a JSON-LD block of {len(text)} characters was not read (over {JSON_LD_LIMIT})", line)
        return []
    try:
        loaded = json.loads(text)
    except (ValueError, RecursionError):
        result.add(Level.INFO, "a JSON-LD block is not valid JSON; it was not read", line)
        return []
    found: list[Fact] = []
    for node in _nodes(loaded, [1000]):
        kinds = _types(node)
        if "Review" in kinds:
            found.extend(_review(node, line))
        elif kinds & {"Movie", "Film"}:
            found.extend(_movie(node, line, "JSON-LD Movie"))
    return found


def _review(node: dict[str, Any], line: int) -> list[Fact]:
    found: list[Fact] = []
    form = "JSON-LD Review"
    rating = node.get("reviewRating")
    if isinstance(rating, dict):
        value, best = _scalar(rating.get("ratingValue")), _scalar(rating.get("bestRating"))
        if value is not None:
            found.append(Fact("rating", f"{value}/{best}" if best else value, line, f"{form} reviewRating"))
    author = _name(node.get("author"))
    if author:
        found.append(Fact("author", author, line, f"{form} author"))
    published = _scalar(node.get("datePublished"))
    if published:
        found.append(Fact("published", published, line, f"{form} datePublished"))
    item = node.get("itemReviewed")
    if isinstance(item, dict) and _types(item) & {"Movie", "Film", "CreativeWork"}:
        found.extend(_movie(item, line, f"{form} itemReviewed"))
    return found


def _movie(node: dict[str, Any], line: int, form: str) -> list[Fact]:
    found: list[Fact] = []
    name = _scalar(node.get("name"))
    if name:
        found.append(Fact("title", name, line, f"{form} name"))
    created = _scalar(node.get("dateCreated")) or _scalar(node.get("datePublished"))
    if created and re.match(r"^\d{4}", created):
        found.append(Fact("year", created[:4], line, f"{form} dateCreated"))
    director = _name(node.get("director"))
    if director:
        found.append(Fact("directors", director, line, f"{form} director"))
    actors = _name(node.get("actor") or node.get("actors"))
    if actors:
        found.append(Fact("cast", actors, line, f"{form} actor"))
    return found


def apply(found: list[Fact], result: MigrationResult, html_lines: list[str]) -> dict[str, Any]:
    """The facts as a draft fragment for the blog reader (the text's own statements win)."""
    from reviewlint.migrate.frontmatter import merge

    draft: dict[str, Any] = {}
    for fact in found:
        outcome = facts.read_fact(fact.key, fact.value)
        if not outcome.updates:
            result.add(Level.INFO, f"the page's {fact.form} {fact.value[:80]!r} was not used: {outcome.problem}",
                       fact.line)
            continue
        if not all(merge(draft, update) for update in outcome.updates):
            result.add(Level.INFO, f"the page's {fact.form} {fact.value[:80]!r} disagrees with a value read "
                       "before it; the first was kept", fact.line)
            continue
        shown = html_lines[fact.line - 1] if 0 < fact.line <= len(html_lines) else fact.value
        for name in outcome.fields or [".".join(update.path) for update in outcome.updates]:
            result.record_source(name, fact.line, shown, fact.form)
    return draft
