"""File names as every renderer shows them: a valid ``str`` on one line, with nothing a terminal acts on.

A file name is bytes on POSIX, and need not be UTF-8 (``b"caf\\xff.txt"``). Python reads such a
byte as a lone surrogate (``os.fsdecode`` -> ``"caf\\udcff.txt"``), which no UTF-8 output can
write: ``json.dump`` to a UTF-8 stdout and the HTML report fail on it. ``display_name`` gives
the form every output uses instead:

- a byte that is not valid UTF-8 becomes ``\\xNN`` (``"caf\\\\xff.txt"``), as
  ``name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")`` writes it;
- a control character (C0 including tab, newline and carriage return; DEL; C1) is written as
  Python writes it in a string literal (``unicode_escape``, as the command line's one-line
  messages do): a newline ``\\n``, a tab ``\\t``, ESC ``\\x1b``, BEL ``\\x07``; so a name stays
  on one line and cannot colour, move or retitle a terminal;
- line and paragraph separators (U+2028, U+2029) and the bidirectional embedding, override and
  isolate controls (U+202A-U+202E, U+2066-U+2069), which reorder what follows them on screen,
  become ``\\uNNNN``; so does any other lone surrogate (from a ``str`` built by hand).

Everything else is kept: a UTF-8 name such as ``"café.txt"`` is shown as it is. The form is
readable rather than an encoding: the original bytes can be read back from it, except that a name
that itself contains such an escape (a backslash, then ``x`` and two hex digits, or ``n``) looks
the same as the escaped one. The function is idempotent (its output contains nothing it would escape).
"""

from __future__ import annotations

import os
import re

# Lone surrogates, C0 and C1 controls and DEL, line/paragraph separators, bidi controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # what surrogateescape makes of the bytes 0x80-0xFF


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return match[0].encode("unicode_escape").decode("ascii")


def display_name(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """``name`` (a path or a file name, as str, bytes or path object) as outputs show it.

    ``display_name(b"caf\\xff.txt") == "caf\\\\xff.txt"``; ``"a\\nb"`` -> ``"a\\\\nb"``;
    ``"\\x1b[31m"`` -> ``"\\\\x1b[31m"``. The result always encodes to UTF-8 and has no control
    character; see the module docstring for the rules.
    """
    return _UNSAFE.sub(_escape, os.fsdecode(name))
