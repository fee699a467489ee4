"""One palette for every renderer: the voice categories, the articles, the highlight kinds.

Colours are chosen to differ in lightness as well as hue, and each fill has a hatch, so the
charts and highlights stay readable when printed in grey.
"""

from __future__ import annotations

# Voice categories (framing.compare.comparison.CATEGORIES): colour, hatch.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "quoted": ("#2f6db5", ""),  # dark blue, solid
    "attributed": ("#8fbce6", "///"),  # light blue, hatched
    "narrator_neutral": ("#e6e6e6", ""),  # pale grey, plain
    "narrator_evaluative": ("#f2a533", "..."),  # amber, dotted
    "narrator_first_person": ("#7a2a8c", "xx"),  # dark purple, cross-hatched
}

# Articles A, B, C ...: bar colour and hatch for "side by side" charts.
ARTICLE_STYLE: tuple[tuple[str, str], ...] = (
    ("#3b3b3b", ""),
    ("#a6a6a6", "//"),
    ("#6f6f6f", ".."),
    ("#d0d0d0", "xx"),
    ("#505050", "\\\\"),
    ("#bcbcbc", "--"),
)

# Highlight kinds (framing.rules.KINDS): background, text decoration notes.
KIND_BACKGROUND: dict[str, str] = {
    "quote": "#d4e4f7",
    "attributed": "#e4f0fb",
    "evaluative": "#fbd38d",
    "hedge": "#eeeeee",
    "first-person": "#e3c6ef",
    "sentence-first-person": "#f4e8f8",
}
KIND_INK: dict[str, str] = {
    "cue": "#1d5a2c",
    "cue-loaded": "#b3261e",
    "source": "#14365e",
    "first-person": "#4b1158",
}


def article_style(i: int) -> tuple[str, str]:
    return ARTICLE_STYLE[i % len(ARTICLE_STYLE)]
