"""Bytes of a legacy file -> text, and text -> lines.

Old blog exports arrive as UTF-8 (often with a BOM from Windows editors), as UTF-16 from
Notepad's "Unicode" option, or as cp1252 from older Windows tools. UTF-8 is tried first
because valid UTF-8 is almost never accidental; cp1252 is the last resort and is always
reported, since a wrong guess turns curly quotes into mojibake.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF8 = "utf-8"
UTF8_BOM = "utf-8 (with BOM)"
UTF16 = "utf-16"
CP1252 = "cp1252"


class BinaryInput(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str

    @property
    def fallback(self) -> bool:
        return self.encoding == CP1252


def _c1_passthrough(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes (0x81 0x8D 0x8F 0x90 0x9D) undefined; as browsers do
    # (WHATWG "windows-1252"), read them as the C1 control of the same number.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("reviewlint-c1", _c1_passthrough)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a legacy file. Raises BinaryInput for data that is not text."""
    decoded = _decode(data)
    controls = sum(1 for char in decoded.text if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > max(8, len(decoded.text) // 100):
        raise BinaryInput("holds too many control characters to be text: it looks binary")
    return decoded


def _decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode(UTF8), UTF8_BOM)
        except UnicodeDecodeError as error:
            raise BinaryInput(f"starts with a UTF-8 byte-order mark but byte {error.start} is not UTF-8") from None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise BinaryInput("is UTF-32, which reviewlint does not read; re-save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), UTF16)
        except UnicodeDecodeError:
            raise BinaryInput("starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data:
        raise BinaryInput("contains NUL bytes: it is binary (or UTF-16 without a byte-order mark)")
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError:
        return Decoded(data.decode(CP1252, errors="reviewlint-c1"), CP1252)


def split_lines(text: str) -> list[str]:
    """Lines of the text with CRLF, CR and LF all ending a line. Unlike str.splitlines, form
    feeds, U+2028 and other rare separators stay inside their line, so line numbers match
    what an editor shows."""
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = normal.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
