"""User text as outputs take it: ``printable(text)`` and ``display_name(path)`` for what is shown,
``csv_safe_cell(value)`` for what goes into a CSV file.

Article text and file names are the user's data, not ours. An escape sequence in them
(``ESC[31m`` colours, ``ESC]0;title BEL`` sets the window title) would be run by a terminal, and
a file name that is not UTF-8 (``b"caf\\xff.txt"``; Python holds the byte as the lone surrogate
U+DCFF, ``os.fsdecode``) cannot be written to a UTF-8 file at all. So:

- a byte that is not valid UTF-8 (U+DC80..U+DCFF) becomes ``\\xNN``: ``"caf\\\\xff.txt"``, as
  ``name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")`` writes it;
- a control character (C0 including tab and newline; DEL; C1), another lone surrogate, the line
  and paragraph separators and the bidirectional controls (which reorder what follows them on
  screen) are written as Python writes them in a string literal: ``\\n``, ``\\x1b``, ``\\u202e``
  (a C1 control as ``\\u0085``, so that it is not read as a byte);
- everything else, any script or emoji, is kept.

A CSV cell that starts with ``= + - @``, a tab or a carriage return is run as a formula by
spreadsheets; ``csv_safe_cell`` gives it a leading ``'`` (OWASP, "CSV Injection"). Only CSV files
need it: JSON and Parquet keep the raw value.

The escaped form is readable rather than an encoding: the original bytes can be read back from it, except
that a name that itself contains such an escape looks the same as the escaped one. Both functions
are idempotent. Stdlib only, so that the command line can import this at start-up; the input
layer names articles with ``display_name``, the terminal and the messages print through
``printable``.
"""

from __future__ import annotations

import os
import re
from typing import Any

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # what surrogateescape makes of the bytes 0x80-0xFF


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if 0x80 <= code <= 0x9F:  # a C1 control, a character: not to be read as the byte \xNN
        return f"\\u{code:04x}"
    return match[0].encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """``text`` with every unsafe character shown escaped (see the module docstring), so that it
    prints as what it is and on one line: ``"a\\x1b[31mb"`` -> ``"a\\\\x1b[31mb"``, a newline ->
    ``"\\\\n"``, byte 0xFF of a file name (U+DCFF) -> ``"\\\\xff"``."""
    return _UNSAFE.sub(_escape, text)


def display_name(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """``name`` (a path or a file name, as str, bytes or path object) as outputs show it:
    ``display_name(b"caf\\xff.txt") == "caf\\\\xff.txt"``. Always encodes to UTF-8."""
    return printable(os.fsdecode(name))


# OWASP, "CSV Injection": a cell starting with one of these is run as a formula by spreadsheets
# (=1+1, +cmd, -2+3, @SUM(...)); a tab or carriage return first hides such a start.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not evaluate as a formula: a string starting with
    ``= + - @``, a tab or a carriage return gets a leading single quote, so
    ``"=HYPERLINK(...)"`` -> ``"'=HYPERLINK(...)"``. Anything that is not a string, numbers
    (negative ones included), booleans and ``None``, is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
