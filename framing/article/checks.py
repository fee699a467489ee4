"""Checks on the input: size, binary content, control characters, and warnings about the text.

- Size: a file or stdin is limited by the bytes read (the size on disk, what ``ls`` shows),
  whatever its encoding; text given in memory by its UTF-8 size. The limit also bounds the
  characters: no encoding gives more characters than bytes.
- Binary: one rule over the whole decoded text. A NUL character anywhere (a NUL byte, or U+0000
  in UTF-16/32) makes it binary; so do control characters over 10% of its characters.
- Control characters: C0 controls but tab, newline, carriage return and form feed; DEL; C1
  controls (U+0080-U+009F). They are terminal escapes (ESC starts colour, cursor and window-title
  sequences, BEL ends them) or debris, never article text. Each is replaced with U+FFFD, one
  character for one, in the article text and its metadata (title, author, date, URL), before any
  offset is computed, so no renderer ever sees one; a warning says how many. Lone surrogates
  (possible only in a ``str`` given in memory; no UTF-8 output can write them) are replaced the
  same way.
"""

from __future__ import annotations

import re

from framing.errors import BinaryInput, TooLarge

CONTROL_SHARE_MAX = 0.10  # more control characters than this share: binary, not text
LONG_ARTICLE_WORDS = 50_000
ENGLISH_MIN_WORDS = 20  # the language check needs at least this many words
ENGLISH_MIN_SHARE = 0.20  # share of common English function words below which we warn

# C0 controls except tab, newline, carriage return and form feed; DEL; C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Frequent English function words (and "said"): about half the words of English news prose.
FUNCTION_WORDS = frozenset(
    """
    a about after against all also an and any are as at be because been before being between
    both but by can could did do does during each for from had has have he her here hers him his
    how i if in into is it its itself just may me might more most must my no nor not now of off
    on once one only or other our ours out over said says she should so some such than that the
    their theirs them then there these they this those through to too under until up upon us
    very was we were what when where which while who whom whose why will with would you your
    """.split()
)


def size_error(label: str, size: int | None, limit: int, *, as_utf8: bool = False) -> TooLarge:
    """The error for an input of ``size`` bytes over the ``limit``; ``size`` None: a stream that
    had more than ``limit`` bytes (reading stopped there); ``as_utf8``: text measured in UTF-8."""
    where = "(settings.max_bytes)"
    if size is None:
        return TooLarge(f"{label}: more than {limit:,} bytes, over the limit {where}")
    unit = "bytes as UTF-8" if as_utf8 else "bytes"
    return TooLarge(f"{label}: {size:,} {unit} is over the limit of {limit:,} bytes {where}")


def check_text_size(text: str, label: str, limit: int) -> None:
    """Raise TooLarge when the UTF-8 size of ``text`` (text given in memory) is over ``limit``."""
    if len(text) * 4 <= limit:  # cheap: no character takes more than 4 bytes
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise size_error(label, size, limit, as_utf8=True)


def check_binary_text(text: str, label: str) -> None:
    """Raise BinaryInput when the text holds a NUL, or control characters make up over 10% of it.

    One rule for the whole text, however long: ``str.count`` and one regular-expression scan.
    """
    nuls = text.count("\x00")
    if nuls:
        raise BinaryInput(
            f"{label}: looks like a binary file ({nuls:,} NUL {_plural(nuls, 'character')}), "
            "not text"
        )
    controls = len(CONTROL.findall(text))
    if controls and controls / len(text) > CONTROL_SHARE_MAX:
        raise BinaryInput(
            f"{label}: looks like a binary file ({controls:,} control characters "
            f"in {len(text):,}), not text"
        )


def replace_controls(text: str) -> tuple[str, int]:
    """``text`` with each control character and lone surrogate replaced with U+FFFD, and how many."""
    text, controls = CONTROL.subn(REPLACEMENT, text)
    text, surrogates = _SURROGATE.subn(REPLACEMENT, text)
    return text, controls + surrogates


def controls_warning(count: int) -> str:
    """The one-line warning for ``count`` replaced characters."""
    return f"{count:,} control {_plural(count, 'character')} replaced with U+FFFD"


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def text_warnings(body_text: str) -> list[str]:
    """Warnings about the body text: very long, or not English. Never raises."""
    words = _WORD.findall(body_text)
    warnings: list[str] = []
    if len(words) > LONG_ARTICLE_WORDS:
        warnings.append(
            f"very long article ({len(words):,} words, over {LONG_ARTICLE_WORDS:,}); "
            "analysis may be slow"
        )
    if len(words) >= ENGLISH_MIN_WORDS:
        common = sum(1 for w in words if w.lower() in FUNCTION_WORDS)
        share = common / len(words)
        if share < ENGLISH_MIN_SHARE:
            warnings.append(
                f"text does not look like English ({share:.0%} common English words); "
                "results may be meaningless"
            )
    return warnings
