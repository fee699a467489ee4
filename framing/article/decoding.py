"""Bytes to text, as read: UTF-8 (a byte-order mark removed), else cp1252, else latin-1.

Line endings are normalised to ``\\n``; every other character is kept as it is (curly quotes and
dashes stay curly quotes and dashes). Nothing here raises for any input bytes.
"""

from __future__ import annotations

import codecs
import re

BOM = "\ufeff"

# UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ``surrogateescape`` turns each byte that is not valid UTF-8 into U+DC80..U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _cp1252_or_latin1(byte: int) -> str:
    """One byte as cp1252 reads it; latin-1 for the five bytes cp1252 leaves undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# Escaped byte (as a surrogate code point) -> the character cp1252 gives it.
_ESCAPED_TO_CP1252 = {0xDC00 + b: _cp1252_or_latin1(b) for b in range(0x80, 0x100)}


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_bom(text: str) -> str:
    """Remove byte-order marks at the very start of the text."""
    return text.lstrip(BOM) if text.startswith(BOM) else text


def wide_encoding(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when the data starts with that byte-order mark."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode ``data`` and return ``(text, encoding name, warnings)``; never raises.

    Valid UTF-8 (with or without a BOM) is read as UTF-8. Data that is mostly UTF-8 with a few
    stray bytes keeps its UTF-8 characters and reads the stray bytes as cp1252. Otherwise the data
    is read as cp1252 (so 0x93/0x94/0x96/0x97 become “ ” – —), or as latin-1 when it is not valid
    cp1252 either. Any fallback adds a warning.
    """
    text, encoding, warnings = _decode(data)
    return normalise_newlines(strip_bom(text)), encoding, warnings


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide), wide, []
        except UnicodeDecodeError:
            pass  # a stray mark at the start of something else: fall through
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return mixed
    try:
        return data.decode("cp1252"), "cp1252", ["decoded as cp1252 (not valid UTF-8)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", ["decoded as latin-1 (not valid UTF-8 or cp1252)"]


def _decode_mostly_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 with stray cp1252 bytes, when UTF-8 characters outnumber the stray bytes.

    Returns None when the data shows no real UTF-8 characters (it is then a cp1252 file).
    """
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    utf8_chars = non_ascii - stray - (1 if text.startswith(BOM) else 0)
    if utf8_chars <= 0 or utf8_chars < stray:
        return None
    noun = "byte" if stray == 1 else "bytes"
    warning = f"{stray} {noun} not valid UTF-8 decoded as cp1252"
    return text.translate(_ESCAPED_TO_CP1252), "utf-8", [warning]
