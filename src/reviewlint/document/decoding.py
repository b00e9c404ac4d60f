"""Bytes -> text: UTF-8 only for reviews, with a positioned diagnostic for anything else.

`wide_encoding` (BOM or YAML's zero-byte rule) is shared with migrate's reader of legacy
files, which reads UTF-16 where a review refuses it.
"""

from __future__ import annotations

import codecs

from reviewlint.codes import ENCODING_ERROR, diagnostic
from reviewlint.diagnostics import Diagnostic
from reviewlint.document.positions import byte_offset_to_line_col

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _ascii_text(byte: int) -> bool:
    return byte in (9, 10, 13) or 32 <= byte < 127


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the bytes are in one of them, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    # Without a BOM, YAML's own detection rule: a stream starts with an ASCII character, so
    # the zero bytes around the first one give the width away. A first byte that is not
    # printable ASCII means binary data, not UTF-16/32 text.
    if len(data) >= 4:
        if data[0] == data[1] == data[2] == 0 and _ascii_text(data[3]):
            return "UTF-32"
        if _ascii_text(data[0]) and data[1] == data[2] == data[3] == 0:
            return "UTF-32"
    if len(data) >= 2 and ((data[0] == 0 and _ascii_text(data[1])) or (_ascii_text(data[0]) and data[1] == 0)):
        return "UTF-16"
    return None


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 (with or without BOM) only. Anything else is a positioned diagnostic."""
    wide = wide_encoding(data)
    if wide:
        return None, diagnostic(ENCODING_ERROR, f"file is encoded as {wide}; reviewlint reads UTF-8 only "
                                "(re-save the file as UTF-8)", path, 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = byte_offset_to_line_col(data, nul)
        return None, diagnostic(ENCODING_ERROR, "file contains a NUL byte: it is binary, not YAML text", path,
                                line, col, end_line=line, end_col=col + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = byte_offset_to_line_col(data, error.start)
        bad = data[error.start:error.start + 1].hex()
        return None, diagnostic(ENCODING_ERROR, f"file is not valid UTF-8: byte 0x{bad} cannot be decoded "
                                "(binary file, or saved in another encoding such as cp1252?)", path, line, col,
                                end_line=line, end_col=col + 1)
    return text, None
