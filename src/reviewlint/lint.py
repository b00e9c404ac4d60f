"""The per-file pass: load -> schema -> rules -> filter, for one document, text or file.

Nothing here reads a config file: the caller hands over the Settings that govern the
file (engine.py finds them for paths; the API's callers build them).
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from reviewlint import schema
from reviewlint.codes import INTERNAL_ERROR, READ_ERROR, diagnostic, internal_error
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document, editor_positions, load_bytes, load_text, too_large
from reviewlint.document.loading import read_limited
from reviewlint.results import FileResult
from reviewlint.settings import Settings, default_settings

if TYPE_CHECKING:
    from reviewlint.cache import ResultCache

__all__ = [
    "INTERNAL_ERROR", "check_bytes", "check_document", "check_file", "check_text", "internal_error", "load_file",
    "read_error", "read_file", "unreadable",
]


def check_document(document: Document, settings: Settings | None = None) -> FileResult:
    """All diagnostics for an already-loaded document, filtered by the settings."""
    from reviewlint import runner, suppress  # the rules load on the first check, not at start-up

    settings = settings or default_settings()
    result = FileResult(path=document.path)
    found: list[Diagnostic] = list(document.diagnostics)
    if document.loaded:
        try:
            found.extend(schema.check_schema(document))
        except Exception as error:  # a bug of ours must not take the other files down
            found.append(internal_error(document.path, "schema validation", error))
            result.internal_error = True
        rule_diagnostics, failed = runner.run_rules(document, settings)
        found.extend(rule_diagnostics)
        result.internal_error = result.internal_error or failed
    found = editor_positions(document.text, suppress.apply(document, found, settings))
    found.sort(key=Diagnostic.sort_key)
    result.diagnostics = found
    return result


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> list[Diagnostic]:
    """Check review text; the Python API's simplest entry point."""
    return check_document(load_text(text, path), settings).diagnostics


def check_bytes(data: bytes, path: str = "<bytes>", settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or default_settings()
    return check_document(load_bytes(data, path, max_bytes=settings.max_file_size), settings).diagnostics


def read_error(path: str, error: OSError) -> Diagnostic:
    reason = error.strerror or str(error)
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            reason = f"broken symbolic link (it points to {os.readlink(path)}, which does not exist)"
        else:
            reason = "file disappeared before it could be read"
    return unreadable(path, reason)


def unreadable(path: str, reason: str, *, prefix: str = "cannot read file: ") -> Diagnostic:
    return diagnostic(READ_ERROR, f"{prefix}{reason}", path, 1, 1)


def read_file(path: str, settings: Settings) -> bytes | Document:
    """The file's bytes, or a Document holding the diagnostic that says why not."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # opening a named pipe would wait for a writer forever
            return Document(path=path, text="", root=None, data=None, diagnostics=[
                unreadable(path, "not a regular file (a named pipe, socket or device)")])
        if info.st_size > settings.max_file_size:
            return too_large(path, info.st_size, settings.max_file_size)
        with open(path, "rb") as handle:
            # The size stat gave, plus one byte to see growth; a file that grew since is
            # read on up to the limit. (read(limit) would reserve the whole limit.)
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += read_limited(handle, settings.max_file_size + 1 - len(data))
            return data
    except OSError as error:
        return Document(path=path, text="", root=None, data=None, diagnostics=[read_error(path, error)])


def load_file(path: str, settings: Settings) -> Document:
    """Read and parse one file; never raises for I/O or content problems."""
    data = read_file(path, settings)
    if isinstance(data, Document):
        return data
    return load_bytes(data, path, max_bytes=settings.max_file_size)


def check_file(path: str, settings: Settings | None = None, *, keep_document: bool = False,
               cache: ResultCache | None = None) -> FileResult:
    settings = settings or default_settings()
    try:
        data = read_file(path, settings)
        key = None
        if cache is not None and not isinstance(data, Document):
            key = cache.entry_key(data, settings)
            hit = None if keep_document else cache.get(key, path)
            if hit is not None:
                return FileResult(path=path, diagnostics=hit, cache_key=key, cached=True)
        document = data if isinstance(data, Document) else load_bytes(data, path, max_bytes=settings.max_file_size)
        result = check_document(document, settings)
        result.cache_key = key if not result.internal_error else None
    except Exception as error:  # never a traceback for one file; the others go on
        return FileResult(path=path, diagnostics=[internal_error(path, "reviewlint", error)], internal_error=True)
    if keep_document:
        result.document = document
    return result
