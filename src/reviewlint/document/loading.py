"""Bytes or a stream -> Document, with the size limit checked before anything is parsed."""

from __future__ import annotations

from typing import BinaryIO

from reviewlint.codes import FILE_TOO_LARGE, diagnostic
from reviewlint.document.compose import load_text
from reviewlint.document.decoding import decode
from reviewlint.document.model import Document

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


def too_large(path: str, size: int | None, limit: int) -> Document:
    """The Document for a file refused unread because of its size (None: a stream, read
    only up to the limit, so its size is unknown)."""
    what = f"file is {size} bytes, over the limit of {limit}" if size is not None else \
        f"input is over the limit of {limit} bytes"
    return Document(path=path, text="", root=None, data=None, diagnostics=[diagnostic(
        FILE_TOO_LARGE, f"{what} (raise it with --max-file-size or `max-file-size` in the config to check it)",
        path, 1, 1)])


def read_limited(stream: BinaryIO, limit: int, *, chunk: int = 1 << 20) -> bytes:
    """At most `limit` bytes of `stream`, read in chunks: read(limit) would reserve the
    whole limit up front, however short the input."""
    parts: list[bytes] = []
    total = 0
    while total < limit:
        part = stream.read(min(chunk, limit - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def load_stream(stream: BinaryIO, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, Document]:
    """Read at most `max_bytes` (plus one, to know) from a stream such as standard input,
    which has no size to check first, and load it: (bytes read, Document)."""
    data = read_limited(stream, max_bytes + 1)
    if len(data) > max_bytes:
        return data, too_large(path, None, max_bytes)
    return data, load_bytes(data, path, max_bytes=max_bytes)


def load_bytes(data: bytes, path: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        return too_large(path, len(data), max_bytes)
    text, error = decode(data, path)
    if text is None:
        assert error is not None
        return Document(path=path, text="", root=None, data=None, diagnostics=[error])
    return load_text(text, path)
