"""One registry of legacy-source readers, each with the same contract.

A reader has a `name` (the `source.format` it writes), the file `suffixes` it claims, a
`sniff(text) -> bool` that recognises its input from the first few kilobytes, and a
`read(text, name, options) -> list[MigrationResult]`: one result per review the input
holds (a blog post holds one, an export many), every line of the input accounted for.

Choosing a reader: a suffix that only one reader claims decides; a suffix several claim
(`.xml`: WordPress or Blogger) or none claims is settled by sniffing, in registry order;
text that no reader recognises is read as a plain-text post.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import MigrationResult

# How much of a file sniffing looks at: enough for an XML prolog, a CSV header or front matter.
SNIFF_CHARS = 4096

ReadFunction = Callable[[str, str, MigrateOptions], list[MigrationResult]]


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: ReadFunction
    description: str


def _lazy(module: str, function: str) -> ReadFunction:
    """Import a reader's module only when a file of its kind is read (start-up time)."""

    def read(text: str, name: str, options: MigrateOptions) -> list[MigrationResult]:
        import importlib

        found: ReadFunction = getattr(importlib.import_module(f"reviewlint.migrate.{module}"), function)
        return found(text, name, options)

    return read


def _head(text: str) -> str:
    return text[:SNIFF_CHARS].lstrip("\ufeff \t\r\n")


def sniff_wxr(text: str) -> bool:
    head = _head(text).lower()
    return "<rss" in head and "wordpress.org/export/" in head


def sniff_atom(text: str) -> bool:
    head = _head(text).lower()
    return "<feed" in head and "http://www.w3.org/2005/atom" in head


def sniff_html(text: str) -> bool:
    head = _head(text).lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head


def sniff_letterboxd(text: str) -> bool:
    first = _head(text).split("\n", 1)[0].lower()
    return "letterboxd uri" in first and "name" in first


def sniff_yaml(text: str) -> bool:
    return any(line.startswith("schema_version:") for line in _head(text).splitlines())


def sniff_markdown(text: str) -> bool:
    head = _head(text)
    first = head.split("\n", 1)[0].rstrip()
    return first in ("---", "+++") or head.startswith("# ") or "\n## " in head


def sniff_text(text: str) -> bool:
    return True


@cache
def readers() -> tuple[Reader, ...]:
    """Every reader, in sniffing order (most specific first)."""
    return (
        Reader("wordpress-wxr", (".xml", ".wxr"), sniff_wxr, _lazy("wxr", "read_wxr"),
               "WordPress export (WXR): one review per published post"),
        Reader("blogger-atom", (".xml", ".atom"), sniff_atom, _lazy("atom", "read_atom"),
               "Blogger export (Atom): one review per published post"),
        Reader("letterboxd-csv", (".csv",), sniff_letterboxd, _lazy("letterboxd", "read_letterboxd"),
               "Letterboxd export CSV (reviews, diary, ratings, watched)"),
        Reader("reviewlint-yaml", (".yaml", ".yml"), sniff_yaml, _lazy("upgrades", "read_yaml"),
               "a reviewlint review on an older schema version"),
        Reader("blog-html", (".html", ".htm", ".xhtml"), sniff_html, _lazy("posts", "read_html"),
               "a saved blog page"),
        Reader("blog-markdown", (".md", ".markdown", ".mdown", ".mkd"), sniff_markdown,
               _lazy("posts", "read_markdown"), "a Markdown post, with YAML, TOML or JSON front matter"),
        Reader("blog-text", (".txt", ".text"), sniff_text, _lazy("posts", "read_text"), "a plain-text post"),
    )


def names() -> tuple[str, ...]:
    return tuple(reader.name for reader in readers())


def suffixes() -> frozenset[str]:
    return frozenset(suffix for reader in readers() for suffix in reader.suffixes)


def by_name(name: str) -> Reader:
    for reader in readers():
        if reader.name == name:
            return reader
    raise KeyError(name)


def for_file(path: str, text: str = "") -> Reader:
    """The reader for a file: its suffix when one reader claims it, else what sniffing finds."""
    suffix = Path(path).suffix.lower()
    claimed = [reader for reader in readers() if suffix in reader.suffixes]
    if len(claimed) == 1:
        return claimed[0]
    for reader in claimed or readers():
        if reader.sniff(text):
            return reader
    return claimed[0] if claimed else by_name("blog-text")
