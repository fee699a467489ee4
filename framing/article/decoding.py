"""Bytes to text, as read. Nothing here raises for any input bytes.

In this order:

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32) and is removed;
2. data with NUL bytes but no mark may be UTF-16 or UTF-32 (Latin text in them is half or three
   quarters NULs): charset-normalizer, limited to those four encodings, decides, and the data is
   decoded with the one it finds (with a warning); data it does not take stays as it is and is
   later refused as binary for its NULs;
3. valid UTF-8 is UTF-8;
4. data that is mostly UTF-8 with a few stray bytes keeps its UTF-8 characters and reads each
   stray byte as cp1252;
5. anything else is cp1252, byte by byte (0x93/0x94/0x96/0x97 become “ ” – —), with a warning.

cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Each becomes U+FFFD on its own:
one such byte no longer turns a whole cp1252 file into latin-1 (whose curly quotes are C1 control
characters). charset-normalizer is not asked about 8-bit encodings: on English news with a few
curly quotes its guess is arbitrary among code pages (cp1250, cp1251 ...) that change letters,
and it reads ``b"Caf\\xe9"`` as UTF-16.

Line endings are normalised to ``\\n``; every other character is kept as it is (curly quotes and
dashes stay curly quotes and dashes). Control characters are dealt with by ``checks``.
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
# The encodings charset-normalizer may choose for data with NULs and no byte-order mark.
_WIDE_WITHOUT_BOM = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

# ``surrogateescape`` turns each byte that is not valid UTF-8 into U+DC80..U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
REPLACEMENT = "\ufffd"


def _cp1252(byte: int) -> str:
    """One byte as cp1252 reads it; U+FFFD for the five bytes cp1252 leaves undefined."""
    return bytes([byte]).decode("cp1252", "replace")


# Escaped byte (as a surrogate code point) -> the character cp1252 gives it.
_ESCAPED_TO_CP1252 = {0xDC00 + b: _cp1252(b) for b in range(0x80, 0x100)}
_CP1252_UNDEFINED = bytes(b for b in range(0x80, 0xA0) if _cp1252(b) == REPLACEMENT)


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

    The encoding name is one of utf-8, utf-16, utf-32 (with a byte-order mark), utf-16-le,
    utf-16-be, utf-32-le, utf-32-be (detected without one) and cp1252. Any guess or fallback adds
    a one-line warning. See the module docstring for the order of the rules.
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
    if b"\x00" in data:
        detected = _decode_wide_without_bom(data)
        if detected is not None:
            return detected
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return mixed
    warning = "decoded as cp1252 (not valid UTF-8)"
    undefined = sum(data.count(b) for b in _CP1252_UNDEFINED)
    if undefined:
        noun = "byte" if undefined == 1 else "bytes"
        warning += f"; {undefined} {noun} undefined in cp1252 replaced with U+FFFD"
    return data.decode("cp1252", "replace"), "cp1252", [warning]


def _decode_wide_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 or UTF-32 text without a byte-order mark, as charset-normalizer finds it, or None.

    The text must decode without error and hold no NUL character (a NUL in it means the data was
    not text in that encoding after all).
    """
    from charset_normalizer import from_bytes  # lazily: only data with NUL bytes needs it

    best = from_bytes(data, cp_isolation=_WIDE_WITHOUT_BOM, enable_fallback=False).best()
    if best is None or best.encoding not in _WIDE_WITHOUT_BOM:
        return None
    encoding = codecs.lookup(best.encoding).name  # "utf-16-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text, encoding, [f"decoded as {encoding} (no byte-order mark; detected)"]


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
