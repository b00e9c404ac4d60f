"""The entry points that pick a reader from the registry and run it."""

from __future__ import annotations

import os
from pathlib import Path

from reviewlint.migrate import registry
from reviewlint.migrate.encoding import BinaryInput, Decoded, decode_bytes, split_lines
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult, failed

TEXT = "blog-text"
MARKDOWN = "blog-markdown"
HTML = "blog-html"
LETTERBOXD = "letterboxd-csv"
YAML = "reviewlint-yaml"
WXR = "wordpress-wxr"
ATOM = "blogger-atom"

FORMATS = registry.names()
SUFFIXES = {suffix: reader.name for reader in reversed(registry.readers()) for suffix in reader.suffixes}
# The largest legacy file read; a blog post is a few kilobytes, a Letterboxd export or a
# blog's whole export a few megabytes. Anything bigger is refused rather than read into memory.
MAX_BYTES = 64 * 1024 * 1024
# Sources that hold several reviews name each output after the review, not the file.
MULTI_REVIEW = frozenset({LETTERBOXD, WXR, ATOM})


def detect_format(path: str, text: str = "") -> str:
    """The reader for a file: by its extension, else by a look at its first lines."""
    return registry.for_file(path, text).name


def _name_hint(path: str) -> str:
    return Path(path).stem or "review"


def _display_name(filename: str) -> str:
    """The file's name as reports show it: undecodable bytes as \\xNN escapes, never surrogates."""
    name = os.path.basename(filename) or filename
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def migrate_text(text: str, *, filename: str = "review.txt", format: str | None = None,
                 options: MigrateOptions | None = None, encoding: str = "utf-8") -> list[MigrationResult]:
    """Convert decoded legacy text. Returns one result per review the input holds (a
    Letterboxd CSV or a blog export holds many; a blog post one)."""
    options = options or MigrateOptions()
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}")
    reader = registry.by_name(format) if format else registry.for_file(filename, text)
    name = _display_name(filename)
    try:
        results = reader.read(text, name, options)
    except Exception as error:  # a bug of ours must cost one file, never the batch
        if os.environ.get("REVIEWLINT_DEBUG"):
            raise
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        results = [failed(name, reader.name, f"internal error while converting: {type(error).__name__}"
                          + (f": {detail}" if detail else "") + " (please report this)", split_lines(text))]
    for result in results:
        result.encoding = encoding
        if result.name_hint == "review" and reader.name not in MULTI_REVIEW:
            result.name_hint = _name_hint(_display_name(filename))
    return results


def migrate_bytes(data: bytes, *, filename: str = "review.txt", format: str | None = None,
                  options: MigrateOptions | None = None) -> list[MigrationResult]:
    """Decode (UTF-8, UTF-8 with BOM, UTF-16 with BOM, else cp1252, reported) and convert."""
    name = _display_name(filename)
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
            return [failed(_display_name(name), format or detect_format(name),
                           f"the file is {size} bytes, over the {MAX_BYTES}-byte limit for legacy input")]
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return [failed(_display_name(name), format or detect_format(name),
                       f"cannot read: {error.strerror or error}")]
    return migrate_bytes(data, filename=name, format=format, options=options)
