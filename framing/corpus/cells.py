"""How text goes into an output cell: file names in one lossless printable form, CSV cells that a
spreadsheet does not run as formulas.

    escaped_name("caf\\udcff.txt") == "caf\\\\xff.txt"      # the byte 0xff, shown as \\xff
    csv_safe_cell("=HYPERLINK(...)") == "'=HYPERLINK(...)"
"""

from __future__ import annotations

from typing import Any

# OWASP, "CSV Injection": a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escaped_name(name: str) -> str:
    """A file name (or any text holding one) as valid UTF-8, losslessly.

    On POSIX a file name is bytes; Python decodes the bytes that are not UTF-8 to lone surrogates
    (``os.fsdecode``, "surrogateescape"), which no UTF-8 file (Parquet, CSV) can hold. Each such
    byte is shown as ``\\xHH`` (``b"caf\\xff.txt"`` -> ``caf\\xff.txt``), the same form as
    ``Article.name``; valid text is returned as it is.
    """
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file system decoding gives (U+D800..U+DC7F)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def csv_safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a string starting with ``= + - @``, a tab or a
    carriage return gets a leading ``'`` (OWASP's advice against CSV injection). Other values are
    returned unchanged. Only for CSV: Parquet keeps the raw value."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
