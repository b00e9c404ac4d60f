"""Which reader handles an input, and the entry points that run it."""

from __future__ import annotations

import os
from pathlib import Path

from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.encoding import BinaryInput, Decoded, decode_bytes, split_lines
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult, failed, skipped

TEXT = "blog-text"
MARKDOWN = "blog-markdown"
HTML = "blog-html"
LETTERBOXD = "letterboxd-csv"
YAML = "reviewlint-yaml"

FORMATS = (TEXT, MARKDOWN, HTML, LETTERBOXD, YAML)
SUFFIXES = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".csv": LETTERBOXD,
    ".yaml": YAML, ".yml": YAML,
}
# The largest legacy file read; a blog post is a few kilobytes, a Letterboxd export a few
# megabytes. Anything bigger is refused rather than read into memory.
MAX_BYTES = 64 * 1024 * 1024


def detect_format(path: str, text: str = "") -> str:
    """The reader for a file: by its extension, else by a look at its first lines."""
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return HTML
    if "letterboxd uri" in head.split("\n", 1)[0]:
        return LETTERBOXD
    if "schema_version:" in head:
        return YAML
    return TEXT


def _name_hint(path: str) -> str:
    return Path(path).stem or "review"


def migrate_text(text: str, *, filename: str = "review.txt", format: str | None = None,
                 options: MigrateOptions | None = None, encoding: str = "utf-8") -> list[MigrationResult]:
    """Convert decoded legacy text. Returns one result per review the input holds (a
    Letterboxd CSV holds many; a blog post one)."""
    options = options or MigrateOptions()
    kind = format or detect_format(filename, text)
    if kind not in FORMATS:
        raise ValueError(f"unknown format {kind!r}; expected one of: {', '.join(FORMATS)}")
    name = os.path.basename(filename) or filename
    try:
        if kind == LETTERBOXD:
            from reviewlint.migrate.letterboxd import read_letterboxd

            results = read_letterboxd(text, name, options)
        elif kind == YAML:
            from reviewlint.migrate.upgrades import upgrade_result

            results = [upgrade_result(text, name)]
        else:
            results = [_read_blog(text, name, kind, options)]
    except Exception as error:  # a bug of ours must cost one file, never the batch
        if os.environ.get("REVIEWLINT_DEBUG"):
            raise
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        results = [failed(name, kind, f"internal error while converting: {type(error).__name__}"
                          + (f": {detail}" if detail else "") + " (please report this)", split_lines(text))]
    for result in results:
        result.encoding = encoding
        if result.name_hint == "review" and kind != LETTERBOXD:
            result.name_hint = _name_hint(filename)
    return results


def _read_blog(text: str, name: str, kind: str, options: MigrateOptions) -> MigrationResult:
    from reviewlint.migrate import blog_text

    lines = split_lines(text)
    result = MigrationResult(source=name, format=kind, data=None, accounting=Accounting(lines))
    source = {"format": kind, "file": name}
    if kind == MARKDOWN:
        from reviewlint.migrate.markdown import markdown_lines

        source_lines, extra, notes = markdown_lines(lines, result)
        blog_text.read_lines(source_lines, result, options, source=source, extra=extra, notes=notes)
    elif kind == HTML:
        from reviewlint.migrate.html import html_lines, remap_issue_lines

        source_lines, extra, page_lines = html_lines(text, result)
        # The ledger covers the post's text as extracted; markup and page chrome are
        # summarised in the report instead (see html.py).
        result.accounting = Accounting(page_lines, unit="text line")
        blog_text.read_lines(source_lines, result, options, source=source, extra=extra)
        remap_issue_lines(result)
    else:
        blog_text.read_lines(blog_text.blog_lines(lines), result, options, source=source)
    if not result.accounting.content_lines():
        return skipped(name, kind, "the file holds no text" + (" outside its markup" if kind == HTML else ""))
    return result


def migrate_bytes(data: bytes, *, filename: str = "review.txt", format: str | None = None,
                  options: MigrateOptions | None = None) -> list[MigrationResult]:
    """Decode (UTF-8, UTF-8 with BOM, UTF-16 with BOM, else cp1252, reported) and convert."""
    name = os.path.basename(filename) or filename
    try:
        decoded: Decoded = decode_bytes(data)
    except BinaryInput as error:
        return [failed(name, format or detect_format(filename), f"cannot read: the file {error}")]
    results = migrate_text(decoded.text, filename=filename, format=format, options=options,
                           encoding=decoded.encoding)
    if decoded.fallback:
        for result in results:
            result.add(Level.WARNING, "the file is not UTF-8; it was read as cp1252 (Windows Western). "
                       "Check accented letters and quotation marks in the output")
    return results


def migrate_file(path: str | os.PathLike[str], *, format: str | None = None,
                 options: MigrateOptions | None = None) -> list[MigrationResult]:
    """Read and convert one legacy file; never raises for I/O or content problems."""
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
        if size > MAX_BYTES:
            return [failed(os.path.basename(name), format or detect_format(name),
                           f"the file is {size} bytes, over the {MAX_BYTES}-byte limit for legacy input")]
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return [failed(os.path.basename(name), format or detect_format(name),
                       f"cannot read: {error.strerror or error}")]
    return migrate_bytes(data, filename=name, format=format, options=options)
