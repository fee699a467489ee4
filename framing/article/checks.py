"""Checks on the input: size, binary content, and warnings about the text (language, length)."""

from __future__ import annotations

import re

from framing.article.decoding import wide_encoding
from framing.errors import BinaryInput, TooLarge

SNIFF_BYTES = 8192  # how much of the input the binary checks look at
CONTROL_SHARE_MAX = 0.10  # more control characters than this share: binary, not text
LONG_ARTICLE_WORDS = 50_000
ENGLISH_MIN_WORDS = 20  # the language check needs at least this many words
ENGLISH_MIN_SHARE = 0.20  # share of common English function words below which we warn

# C0 controls except tab, newline, vertical tab, form feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
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


def size_error(label: str, size: int, limit: int) -> TooLarge:
    """The error for an input of ``size`` bytes over the ``limit``."""
    return TooLarge(
        f"{label}: {size:,} bytes is over the limit of {limit:,} bytes (settings.max_bytes)"
    )


def check_text_size(text: str, label: str, limit: int) -> None:
    """Raise TooLarge when the UTF-8 size of ``text`` is over ``limit`` bytes."""
    if len(text) * 4 <= limit:  # cheap: no character takes more than 4 bytes
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise size_error(label, size, limit)


def check_binary_bytes(data: bytes, label: str) -> None:
    """Raise BinaryInput when the first 8 KB hold a NUL byte (UTF-16/32 text excepted)."""
    if b"\x00" in data[:SNIFF_BYTES] and wide_encoding(data) is None:
        raise BinaryInput(f"{label}: looks like a binary file (it contains NUL bytes), not text")


def check_binary_text(text: str, label: str) -> None:
    """Raise BinaryInput when control characters make up a high share of the text's start."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls and controls / len(sample) > CONTROL_SHARE_MAX:
        raise BinaryInput(
            f"{label}: looks like a binary file ({controls} control characters "
            f"in the first {len(sample)}), not text"
        )


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
