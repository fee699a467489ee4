"""Text made safe to print on a terminal: ``printable(text)``.

Article text and file names are the user's data, not ours: an escape sequence in them
(``ESC[31m`` colours, ``ESC]0;title BEL`` sets the window title, ``ESC[2J`` clears the screen)
would be run by the terminal. rich does not remove ESC, so every string the command line prints
passes through ``printable``: the terminal tables (``framing.report.terminal``) and the messages
(``framing.cli.warn`` / ``fail``). Stdlib only, so that the CLI can import it at start-up.
"""

from __future__ import annotations

import re

# C0 controls (newline and tab included), DEL, C1 controls; lone surrogates (a file name that
# was not UTF-8); the line and paragraph separators; the bidirectional controls, which reorder
# what follows them on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """``text`` with every control character shown as its Python escape, so that it prints as
    what it is and on one line: ``"a\\x1b[31mb"`` -> ``"a\\\\x1b[31mb"`` (a backslash, then
    ``x1b``), a newline -> ``"\\\\n"``, byte 0xFF of a file name (U+DCFF) -> ``"\\\\udcff"``.
    Printable text, any script or emoji, is unchanged; applying it twice changes nothing more."""
    return _UNSAFE.sub(_escaped, text)
