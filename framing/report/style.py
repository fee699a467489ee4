"""One palette for every renderer: the voice categories, the articles, the highlight kinds.

Colours are chosen to differ in lightness as well as hue, and each fill has a hatch, so the
charts and highlights stay readable when printed in grey. Every highlight kind has a line style
of its own as well as its colour (``HIGHLIGHTS``): the HTML's CSS (:func:`highlight_css`) and the
PDF's paragraph markup (``framing.report.pdf_style``) are both drawn from that one table, and the
legends show the colour and the line together.
"""

from __future__ import annotations

from dataclasses import dataclass

# Voice categories (framing.comparison.comparison.CATEGORIES): colour, hatch.
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


def article_style(i: int) -> tuple[str, str]:
    return ARTICLE_STYLE[i % len(ARTICLE_STYLE)]


# Sides (framing.comparison.sides.SIDES, then "unknown"): colour, hatch and the hatch's colour, in
# the order the "who speaks" chart groups them. Each side differs from the others by its hatch
# as well as its colour (grey print), and the lighter tint of each (reported speech, ``tint``)
# keeps the hatch. The HTML's side bar (report.css ``.sd-*``) uses the same hues.
SIDE_STYLE: dict[str, tuple[str, str, str]] = {
    "Democratic": ("#1f4e9a", "", "#ffffff"),  # dark blue, plain
    "Republican": ("#b3261e", "////", "#ffffff"),  # dark red, white diagonal stripes
    "independent": ("#5b2a86", "||", "#ffffff"),  # dark purple, white upright stripes
    "unknown": ("#bdbdbd", "...", "#222222"),  # grey, dotted
}
SIDE_LOOKS: dict[str, str] = {
    "Democratic": "dark blue, plain",
    "Republican": "red, diagonal stripes",
    "independent": "purple, upright stripes",
    "unknown": "grey, dotted",
}


def side_style(side: str) -> tuple[str, str, str]:
    """(colour, hatch, hatch colour) of a side; an unknown name is drawn as "unknown"."""
    return SIDE_STYLE.get(side, SIDE_STYLE["unknown"])


def tint(colour: str, amount: float = 0.55) -> str:
    """``colour`` blended with white (``amount`` 0: unchanged, 1: white)."""
    r, g, b = (int(colour[k : k + 2], 16) for k in (1, 3, 5))
    return "#" + "".join(f"{round(v + (255 - v) * amount):02x}" for v in (r, g, b))


# --------------------------------------------------------------------------- highlight kinds

# Line styles, and how each one is drawn: CSS ``text-decoration-style`` (or borders for "box"),
# and the dash pattern of the PDF's underline (points on, points off; None: solid).
LINE_DASH: dict[str, tuple[float, ...] | None] = {
    "solid": None,
    "double": None,
    "dotted": (0.9, 1.5),
    "dashed": (3.2, 2.0),
    "wavy": None,  # the PDF canvas draws it as a wave (framing.report.pdf.PrintCanvas)
    "box": None,  # a rule above and below the words
}


@dataclass(frozen=True)
class Mark:
    """How one highlight kind is drawn: its fill, its type and its line.

    ``line`` is one of ``LINE_DASH``; ``width`` its thickness in points; ``low`` puts it below
    the word-level lines (the kinds that mark a whole sentence). ``looks`` says it in words, for
    the legends ("shaded, dotted underline").
    """

    fill: str | None = None
    ink: str | None = None
    bold: bool = False
    italic: bool = False
    line: str | None = None
    line_colour: str = "#1a1a1a"
    width: float = 0.6
    low: bool = False
    marker: str = ""  # a sign set before the span (the start of one of the author's sentences)
    looks: str = ""


# One line style (or none) per kind, and a fill, a weight or a slant where the line alone would
# repeat another kind's: no two kinds look the same when printed in grey. The underline colours
# are used for nothing else (the PDF canvas recognises its dotted, dashed and wavy lines by them).
HIGHLIGHTS: dict[str, Mark] = {
    "quote": Mark(fill="#cfe0f5", looks="shaded, no line"),
    "attributed": Mark(fill="#eaf2fb", line="dotted", line_colour="#2f6db4", width=0.9, looks="pale shade, dotted underline"),
    "cue": Mark(ink="#1d5a2c", bold=True, line="solid", line_colour="#1d5a2d", width=0.5, looks="bold, thin underline"),
    "cue-loaded": Mark(ink="#b3261e", bold=True, line="double", line_colour="#b3261f", width=0.5, looks="bold, double underline"),
    "source": Mark(ink="#14365e", bold=True, looks="bold, no line"),
    "evaluative": Mark(fill="#fbd38d", line="solid", line_colour="#8a5200", width=1.6, looks="shaded, thick underline"),
    "hedge": Mark(fill="#ececec", italic=True, looks="italic, light shade"),
    "weak-cue": Mark(line="dashed", line_colour="#a86501", width=0.7, looks="dashed underline"),
    "factual": Mark(line="box", line_colour="#555556", width=0.5, looks="thin rule above and below"),
    "first-person": Mark(fill="#e3c6ef", ink="#4b1158", bold=True, line="dashed", line_colour="#4b1159", width=1.4,
                         looks="shaded, bold, thick dashed underline"),
    "sentence-sourced": Mark(line="solid", line_colour="#8c8c8d", width=0.5, low=True, looks="low grey line (web page only)"),
    "sentence-author": Mark(marker="\u25b8", ink="#4d4d4d", looks="\u25b8 at its start"),
    "sentence-evaluative": Mark(line="wavy", line_colour="#a86502", width=0.7, low=True, looks="low wavy line"),
    "sentence-first-person": Mark(fill="#f4e8f8", line="solid", line_colour="#4b115a", width=1.2, low=True,
                                  looks="pale shade, low thick line"),
}

# The PDF's underline colours with a dash pattern or a wave: colour -> line style.
PRINT_LINES: dict[str, str] = {
    m.line_colour.lower(): m.line for m in HIGHLIGHTS.values() if m.line in ("dotted", "dashed", "wavy")
}


def highlight_css() -> str:
    """The CSS of every highlight kind (``mark.k-<kind>``), from ``HIGHLIGHTS``."""
    rules = []
    for kind, m in HIGHLIGHTS.items():
        decl = []
        if m.fill:
            decl.append(f"background: {m.fill}")
        if m.ink:
            decl.append(f"color: {m.ink}")
        if m.bold:
            decl.append("font-weight: 700")
        if m.italic:
            decl.append("font-style: italic")
        px = max(1, round(m.width * 1.6))
        if m.line == "box":
            decl += [f"border-top: {px}px solid {m.line_colour}", f"border-bottom: {px}px solid {m.line_colour}"]
        elif m.line and not m.low:  # words: a bottom border, clear of the sentences' lines
            decl.append(f"border-bottom: {max(px, 3) if m.line == 'double' else px}px {m.line} {m.line_colour}")
        elif m.line:  # whole sentences: an underline further down
            decl += [f"text-decoration: underline {m.line} {m.line_colour} {px}px", "text-underline-offset: .38em",
                     "text-decoration-skip-ink: none"]
        if m.marker:  # the sign goes before the span's first piece; the span itself is unstyled
            rules.append(f"mark.k-{kind} {{ }}")
            rules.append(f'mark.k-{kind}:not(.cont)::before {{ content: "{m.marker}"; color: {m.ink or "inherit"}; '
                         "font-size: .8em; margin-right: .15em; }")
            continue
        rules.append(f"mark.k-{kind} {{ {'; '.join(decl)}; }}")
    return "\n".join(rules) + "\n"
